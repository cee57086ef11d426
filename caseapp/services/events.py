"""The timeline: assigning fields while remembering old → new, and appending the event.

An act changes a case with ``set_fields`` (and ``refresh_due`` when a date moves) and ends
with one ``add_event`` that stores the changes as JSON.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session, object_session

from caseapp import deadlines
from caseapp.calendar import Calendar
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.models import LOCAL_OFFICE, Case, Event, User
from caseapp.storage.settings import OfficeSettings


def now() -> datetime:
    """The time stamp of rows and events, to the second."""
    return datetime.now().replace(microsecond=0)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def add_event(
    session: Session,
    case_id: int | None,
    actor: int,
    action: str,
    changes: dict[str, tuple[Any, Any]] | None = None,
    note: str | None = None,
    at: datetime | None = None,
    office_id: int | None = None,
) -> None:
    """Append one timeline event; ``changes`` maps a field to (old, new). The event belongs
    to ``office_id``, else to its case's office, else to the actor's (a district user's:
    the district's own, LOCAL_OFFICE)."""
    text = None
    if changes:
        text = json.dumps(
            {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in changes.items()}, ensure_ascii=False
        )
    if office_id is None:
        owner = session.get(Case, case_id) if case_id is not None else session.get(User, actor)
        office_id = (owner.office_id if owner is not None else None) or LOCAL_OFFICE
    session.add(Event(office_id=office_id, case_id=case_id, at=at or now(), user_id=actor,
                      action=action, changes=text, note=note))


def set_fields(case: Case, changes: dict[str, tuple[Any, Any]], **values: Any) -> None:
    """Assign fields, remembering old → new for the event."""
    for name, new in values.items():
        old = getattr(case, name)
        if old != new:
            changes[name] = (old, new)
            setattr(case, name, new)


def refresh_due(case: Case, settings: OfficeSettings, changes: dict,
                cal: Calendar | None = None) -> None:
    """Recompute the deadline in force after the dates or the extension changed, under the
    office's calendar (read in the act's own transaction when not given)."""
    if cal is None:
        session = object_session(case)
        cal = load_calendar(session) if session is not None else Calendar()
    set_fields(case, changes, due_on=deadlines.due_on(case.kind, case.received_on, case.accepted_on,
                                               case.extended, settings.limits, cal,
                                               review=bool(case.review_stage)))
