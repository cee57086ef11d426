"""The read side: case list, case detail, persons, workbench, lookups.

This package's public names, so callers write `queries.name(...)`; its modules
import each other directly, never through this file."""

from caseapp.queries.cases import (  # noqa: F401
    ACTION_LABELS,
    DONE_STATUSES,
    FOLLOW_UP_AHEAD_DAYS,
    MAIN_ROLES,
    OPEN_STATUSES,
    SORT_KEYS,
    WORKBENCH_CAP,
    WORKBENCH_KEYS,
    AgreementInfo,
    AttachmentInfo,
    CaseDetail,
    CaseFilter,
    CaseRow,
    EventInfo,
    FollowUpInfo,
    PartyInfo,
    PersonCase,
    PersonMatch,
    SessionInfo,
    case_detail,
    case_ids,
    case_rows,
    count,
    distinct_values,
    due_soon_condition,
    find_persons,
    overdue_condition,
    user_display_name,
    value_text,
    workbench,
    workbench_counts,
)
