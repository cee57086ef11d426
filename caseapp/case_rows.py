"""A row of the case list, as plain data: what the list shows of a case and how its 期限
column reads. A leaf (no SQL, no ORM), so that the first page can be read and painted before
SQLAlchemy is loaded (ui/shell/first_frame.py); caseapp.queries.case_list fills the same rows
through the ORM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from caseapp import deadlines
from caseapp import workflow as wf

OPEN_STATUSES = (wf.Status.REGISTERED.value, wf.Status.IN_PROGRESS.value)
DONE_STATUSES = (wf.Status.CLOSED.value, wf.Status.REJECTED.value)
MAIN_ROLES = ("信访人", "申请人")


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    kind: str
    status: str
    status_label: str
    outcome: str | None
    party: str
    category: str
    street: str | None
    handler: str | None
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    due_on: date | None
    extended: bool
    days_left: int | None
    deadline_state: str  # 'closed', 'overdue', 'due_soon', 'ok' or 'none'
    deadline_text: str
    is_repeat: bool = False  # 重复信访: marked in the list
    office_id: int = 1  # the office (单位) it belongs to; a district's list shows its name


@dataclass(frozen=True)
class FirstPage:
    """The first rows of a list, before (or without) the ordered ids of all its cases."""

    ids: list[int]
    rows: list[CaseRow]
    complete: bool  # the filter selects no more cases than these


# The case columns a row is made of, in this order (ROW_FIELDS + the main party's name).
ROW_FIELDS = ("id", "number", "kind", "status", "outcome", "category", "street", "handler",
              "received_on", "accepted_on", "closed_on", "due_on", "extended", "is_repeat",
              "office_id")


def make_row(r: Any, party: str | None, today: date, limits: deadlines.Limits) -> CaseRow:
    """The row of one case; ``r`` has the attributes of ROW_FIELDS (dates as dates)."""
    done = r.status in DONE_STATUSES
    return CaseRow(
        id=r.id, number=r.number, kind=r.kind, status=r.status,
        status_label=wf.status_label(r.kind, r.status), outcome=r.outcome, party=party or "",
        category=r.category, street=r.street, handler=r.handler, received_on=r.received_on,
        accepted_on=r.accepted_on, closed_on=r.closed_on, due_on=r.due_on,
        extended=bool(r.extended), is_repeat=bool(r.is_repeat), office_id=r.office_id,
        days_left=None if done else deadlines.days_left(r.due_on, today),
        deadline_state=deadlines.deadline_state(r.due_on, done, today, limits),
        deadline_text=deadlines.deadline_text(r.due_on, done, today,
                                                rejected=r.status == wf.Status.REJECTED.value),
    )
