"""设置 → 文书模板's preview: the document of a template printed for a sample case (the most
recent case the document is offered for) with the text being edited, nothing saved."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.queries.case_detail import case_detail
from caseapp.reports.documents import DOCUMENTS, render
from caseapp.reports.wording import TEMPLATES, previewing
from caseapp.storage.db import Database
from caseapp.storage.models import Case

LOOKED_AT = 40  # cases read at most to find one the document is offered for

# A cheap first cut by the case's columns (the registry's ``refused`` decides).
_OUTCOMES = {
    "agreement": (wf.MEDIATED,), "oral": (wf.MEDIATED,), "confirmation": (wf.MEDIATED,),
    "termination": (wf.MEDIATION_FAILED, wf.MEDIATION_ENDED),
    "transfer": (wf.TRANSFERRED,), "transfer_letter": (wf.TRANSFERRED,),
    "diversion": (wf.DIVERTED,), "opinion": tuple(wf.REPLY_DECISIONS.values()),
}


def sample_case(db: Database, key: str, today: date | None = None) -> int | None:
    """The most recent case whose document template ``key`` appears in, or None."""
    t = TEMPLATES[key]
    spec = DOCUMENTS[t.doc]
    stmt = select(Case.id).where(Case.kind.in_(spec.kinds), Case.deleted_at.is_(None))
    if t.doc in _OUTCOMES:
        stmt = stmt.where(Case.outcome.in_(_OUTCOMES[t.doc]))
    if key == "notice.rejected":
        stmt = stmt.where(Case.status == wf.Status.REJECTED.value)
    elif key == "notice.accepted":
        stmt = stmt.where(Case.accepted_on.is_not(None))
    with db.read() as session:
        ids = list(session.scalars(stmt.order_by(Case.id.desc()).limit(LOOKED_AT)))
    today = today or date.today()
    for case_id in ids:
        if spec.refused(case_detail(db, case_id), today) is None:
            return case_id
    return None


def render_preview(db: Database, key: str, text: str, path: str | os.PathLike,
                   case_id: int | None = None) -> tuple[Path, str] | None:
    """(the PDF, the case's number) of template ``key``'s document printed with ``text`` for
    ``case_id`` (else the sample case), masked; None when no case offers the document."""
    case_id = case_id if case_id is not None else sample_case(db, key)
    if case_id is None:
        return None
    with previewing({key: text}):
        out = render(db, case_id, TEMPLATES[key].doc, path, mask=True)
    return out, case_detail(db, case_id).number


__all__ = ["render_preview", "sample_case"]
