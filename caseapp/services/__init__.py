"""The write side, the one door: guard, intake, acts, edits, parties, office, accounts, privacy,
audit, the work log; offices (单位, as the module services.offices, like services.accounts).

This package's public names, so callers write `services.name(...)`; its modules
import each other directly, never through this file."""

from caseapp.queries.labels import FIELD_LABELS  # noqa: F401
from caseapp.services.acts import (  # noqa: F401
    accept,
    assign,
    close,
    divert,
    extend,
    mark_entered,
    record_agreement,
    record_follow_up,
    record_performance,
    record_session,
    reject,
    reopen,
)
from caseapp.services.calendar_acts import (  # noqa: F401
    CalendarChange,
    import_days,
    recompute_due,
    save_year,
    set_day,
)
from caseapp.services.calendar_file import calendar_csv, read_calendar_file  # noqa: F401
from caseapp.services.edits import (  # noqa: F401
    EDITABLE,
    attach,
    attachment_path,
    delete_case,
    edit,
    parse_field,
    set_attachment_kind,
)
from caseapp.services.events import add_event  # noqa: F401
from caseapp.services.guard import (  # noqa: F401
    acting_office,
    acting_user,
    in_scope,
    is_own_case,
    live_case,
    narrow_to,
    require,
    require_case,
    visible_offices,
)
from caseapp.services.intake import (  # noqa: F401
    CaseInput,
    CaseRef,
    PartyInput,
    allocate_number,
    check_case_input,
    check_party,
    find_person,
    lock_sequence,
    register_dispute,
    register_petition,
)
from caseapp.services.mediation_acts import (  # noqa: F401
    FLAG_FIELDS,
    apply_judicial,
    check_marks,
    judicial_window,
    mark_risk,
    record_judicial_result,
)
from caseapp.services.office import (  # noqa: F401
    SETUP_LABELS,
    OfficeSetup,
    check_office_setup,
    save_office_setup,
    save_settings,
    set_category_active,
    set_department_active,
)
from caseapp.services.parties import (  # noqa: F401
    add_party,
    edit_party,
    person_other_cases,
    remove_party,
)
from caseapp.services.petition_acts import (  # noqa: F401
    extend_petition,
    file_report,
    record_from_above,
    reply_supervision,
    supervise,
    transfer,
)
from caseapp.services.petition_reply import (  # noqa: F401
    rate,
    reply,
    request_review,
    review_deadline,
)
from caseapp.services.wording_acts import (  # noqa: F401
    document_templates,
    restore_template,
    set_template,
)
from caseapp.services.worklog import (  # noqa: F401
    WORKLOG_HEADERS,
    WORKLOG_REQUIRED,
    WorkLogInput,
    add_worklog,
    check_worklog,
    delete_worklog,
    edit_worklog,
    import_worklog,
    link_worklog_case,
    split_area,
    zero_report,
)
