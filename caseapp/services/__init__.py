"""The write side, the one door: guard, intake, acts, edits, office, accounts, privacy, audit.

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
from caseapp.services.edits import (  # noqa: F401
    EDITABLE,
    attach,
    attachment_path,
    delete_case,
    edit,
    parse_field,
)
from caseapp.services.events import add_event  # noqa: F401
from caseapp.services.guard import (  # noqa: F401
    acting_user,
    is_own_case,
    live_case,
    require,
    require_case,
)
from caseapp.services.intake import (  # noqa: F401
    CaseInput,
    CaseRef,
    PartyInput,
    allocate_number,
    check_case_input,
    find_person,
    register_dispute,
    register_petition,
)
from caseapp.services.office import (  # noqa: F401
    save_settings,
    set_category_active,
    set_department_active,
)
