"""The write side, the one door: every act that changes data (guard, intake, acts, office, accounts, audit).

This package's public names, so callers write `services.name(...)`; its modules
import each other directly, never through this file."""

from caseapp.services.acts import (  # noqa: F401
    EDITABLE,
    FIELD_LABELS,
    CaseInput,
    CaseRef,
    PartyInput,
    accept,
    add_event,
    allocate_number,
    assign,
    attach,
    attachment_path,
    check_case_input,
    close,
    delete_case,
    divert,
    edit,
    extend,
    find_person,
    is_own_case,
    mark_entered,
    parse_field,
    record_agreement,
    record_follow_up,
    record_performance,
    record_session,
    register_dispute,
    register_petition,
    reject,
    reopen,
    save_settings,
    set_category_active,
    set_department_active,
)
