"""The read side: case list, case detail, persons, workbench, labels, lookups.

This package's public names, so callers write `queries.name(...)`; its modules
import each other directly, never through this file."""

from caseapp.queries.case_detail import (  # noqa: F401
    AgreementInfo,
    AttachmentInfo,
    CaseDetail,
    EventInfo,
    FollowUpInfo,
    PartyInfo,
    SessionInfo,
    case_detail,
    parse_changes,
    value_text,
)
from caseapp.queries.case_list import (  # noqa: F401
    DONE_STATUSES,
    MAIN_ROLES,
    OPEN_STATUSES,
    SORT_KEYS,
    CaseFilter,
    CaseRow,
    case_ids,
    case_rows,
    count,
    distinct_values,
    due_soon_condition,
    overdue_condition,
)
from caseapp.queries.labels import ACTION_LABELS, FIELD_LABELS  # noqa: F401
from caseapp.queries.lookups import user_display_name  # noqa: F401
from caseapp.queries.persons import PersonCase, PersonMatch, find_persons  # noqa: F401
from caseapp.queries.workbench import (  # noqa: F401
    FOLLOW_UP_AHEAD_DAYS,
    WORKBENCH_CAP,
    WORKBENCH_KEYS,
    workbench,
    workbench_counts,
)
