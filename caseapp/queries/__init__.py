"""The read side: case list, case detail, persons, search, workbench, labels, lookups, the
work log, related cases and warnings.

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
    FirstPage,
    case_ids,
    case_rows,
    count,
    distinct_values,
    due_soon_condition,
    first_page,
    overdue_condition,
)
from caseapp.queries.labels import ACTION_LABELS, FIELD_LABELS  # noqa: F401
from caseapp.queries.lookups import user_display_name  # noqa: F401
from caseapp.queries.mediation_info import (  # noqa: F401
    JudicialQueueRow,
    MediationInfo,
    judicial_queue,
    judicial_state,
    prevention_names,
)
from caseapp.queries.persons import (  # noqa: F401
    KEY_PERSON_PETITIONS,
    PersonCase,
    PersonMatch,
    find_persons,
    is_key_person,
    recent_petitions,
)
from caseapp.queries.petition_info import (  # noqa: F401
    LateReply,
    PetitionInfo,
    SupervisionInfo,
    final_reviews,
    late_supervision_replies,
)
from caseapp.queries.related import (  # noqa: F401
    MIN_CLUSTER,
    MIN_PEOPLE,
    WINDOW_DAYS,
    GroupWarning,
    RelatedCase,
    group_warnings,
    related_cases,
)
from caseapp.queries.search import (  # noqa: F401
    FIELDS,
    SEARCH_LIMIT,
    SearchHit,
    search_cases,
)
from caseapp.queries.workbench import (  # noqa: F401
    FOLLOW_UP_AHEAD_DAYS,
    WORKBENCH_CAP,
    WORKBENCH_KEYS,
    calendar_missing_years,
    office_unnamed,
    workbench,
    workbench_counts,
)
from caseapp.queries.worklog import (  # noqa: F401
    WorkLogFilter,
    WorkLogRow,
    area_text,
    count_worklog,
    list_worklog,
    worklog_entry,
    worklog_linked_cases,
    worklog_streets,
)
