"""Personal data: who may see ID numbers and phones in full, masking, logged reveals.

Lists, exports and printouts show 500102********123X and 138****5678 unless the user's role
may see personal data in full (only an admin: Act.FULL_PERSONAL). The case view shows masked
values too; a user whose role may (Act.REVEAL_PERSONAL; a mediator on their own disputes)
reveals one party at a time, and each reveal is an event on the case.

Where an ID number is masked, its birth date is never shown (the mask hides exactly those 8
digits), and exports and printouts mask ID numbers and phones typed into free text too
(validation.masked_copy, mask_text).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.errors import NotFound
from caseapp.queries.case_detail import CaseDetail, PartyInfo
from caseapp.services.events import add_event
from caseapp.services.guard import require_case
from caseapp.storage.db import Database
from caseapp.storage.models import CaseParty, Person
from caseapp.validation import is_masked, mask_id_number, mask_phone

__all__ = ["is_masked", "mask_party", "masked_detail", "masked_party", "may_reveal",
           "may_see_personal", "reveal_party"]


def may_see_personal(role: str) -> bool:
    """Full ID numbers and phones in lists, exports and printouts: an admin only."""
    return wf.role_may(role, wf.Act.FULL_PERSONAL)


def may_reveal(role: str) -> bool:
    """May reveal one party's data in the case view (logged)."""
    return wf.role_may(role, wf.Act.REVEAL_PERSONAL)


def mask_party(id_number: str | None, phone: str | None) -> tuple[str, str]:
    return mask_id_number(id_number), mask_phone(phone)


def masked_party(p: PartyInfo) -> PartyInfo:
    """The party with ID number and phone masked and no birth date: the mask hides exactly the
    ID's 8 birth-date digits, so the date beside it would give the number back (issue #16)."""
    return replace(p, id_number=mask_id_number(p.id_number) or None,
                   phone=mask_phone(p.phone) or None, birth_date=None)


def masked_detail(detail: CaseDetail) -> CaseDetail:
    """The case with every party's ID number and phone masked and no birth date (what the case
    view shows; its free text stays whole, because the case view edits it)."""
    return replace(detail, parties=tuple(masked_party(p) for p in detail.parties))


def reveal_party(db: Database, actor: int, case_id: int, person_id: int) -> tuple[str, str]:
    """One party's full ID number and phone, for a role that may; the reveal is an event."""
    with db.write() as session:
        require_case(session, actor, wf.Act.REVEAL_PERSONAL, case_id)
        row = session.execute(
            select(Person.name, Person.id_number, Person.phone, CaseParty.role)
            .join(CaseParty, CaseParty.person_id == Person.id)
            .where(CaseParty.case_id == case_id, Person.id == person_id)
        ).first()
        if row is None:
            raise NotFound("该当事人不属于此案件")
        add_event(session, case_id, actor, "reveal_personal", note=f"{row.role} {row.name}")
        return row.id_number or "", row.phone or ""
