"""Deadlines of docs/domain.md §4 as pure functions (no I/O): the office's limits with their
units, the deadline in force for a case, overdue and the 期限 column's text and colour."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from caseapp import calendar as calmod
from caseapp.calendar import Calendar
from caseapp.workflow import Kind


@dataclass(frozen=True)
class Limits:
    """Deadline limits, each in 日 (calendar days) unless named in ``workdays`` (工作日);
    office settings with these defaults (all in 日: docs/domain.md §4)."""

    petition_accept: int = 15
    petition_handle: int = 60
    petition_extension: int = 30
    dispute_mediate: int = 30
    dispute_extension: int = 30
    judicial_confirmation: int = 30
    follow_up: int = 30
    due_soon_days: int = 7  # a warning distance, not a limit: always calendar days
    # The limits counted in working days (the names of the fields above).
    workdays: frozenset[str] = frozenset()

    def unit(self, name: str) -> str:
        return calmod.WORKDAYS if name in self.workdays else calmod.DAYS

    def part(self, name: str) -> tuple[int, str]:
        """(days, unit) of one limit, as calendar.add_limit counts it."""
        return getattr(self, name), self.unit(name)


# 复查/复核 (条例 Art. 35–36): requested within 30 days of the 答复, answered within 30 days.
REVIEW_WINDOW = 30
REVIEW_LIMIT = 30

# The fields of Limits that are limits with a unit (due_soon_days and workdays are not).
LIMIT_NAMES = ("petition_accept", "petition_handle", "petition_extension", "dispute_mediate",
               "dispute_extension", "judicial_confirmation", "follow_up")


def limits_from_json(value: dict) -> Limits:
    """The stored limits (the settings' JSON): days as numbers, ``workdays`` the names counted in 工作日."""
    days = {k: int(v) for k, v in value.items()
            if k in Limits.__dataclass_fields__ and k != "workdays"}
    workdays = frozenset(str(n) for n in value.get("workdays") or () if n in LIMIT_NAMES)
    return replace(Limits(), **days, workdays=workdays)


def add_days(start: date, days: int) -> date:
    """Counting starts the day after ``start`` (民法典 Art. 201): 2026-03-01 + 60 → 2026-04-30.
    The plain count; deadlines go through calendar.add_limit, which moves off rest days."""
    return start + timedelta(days=days)


def due_on(
    kind: Kind | str,
    received_on: date | None,
    accepted_on: date | None,
    extended: bool,
    limits: Limits = Limits(),
    cal: Calendar | None = None,
    review: bool = False,
) -> date | None:
    """The deadline in force: handling once accepted, else (petitions) the acceptance decision.
    ``cal`` is the office's calendar (a last day on a rest day moves to the next working day,
    民法典 Art. 203); None counts plain calendar days, the rule before the calendar existed.
    A 复查/复核 petition (``review``) is due REVIEW_LIMIT days after the request (Art. 35–36)."""
    kind = Kind(kind)
    if review and kind is Kind.PETITION and received_on is not None:
        return calmod.add_limit(received_on, [(REVIEW_LIMIT, calmod.DAYS)], cal)
    if accepted_on is not None:
        if kind is Kind.PETITION:
            parts = [limits.part("petition_handle")]
            parts += [limits.part("petition_extension")] if extended else []
        else:
            parts = [limits.part("dispute_mediate")]
            parts += [limits.part("dispute_extension")] if extended else []
        return calmod.add_limit(accepted_on, parts, cal)
    if kind is Kind.PETITION and received_on is not None:
        return calmod.add_limit(received_on, [limits.part("petition_accept")], cal)
    return None


def due_consistent(due: date | None, kind: Kind | str, received_on: date | None,
                   accepted_on: date | None, extended: bool, limits: Limits,
                   cal: Calendar, review: bool = False) -> bool:
    """Whether a stored deadline agrees with the rule (storage.checks): the rule under this
    calendar, or the plain count moved over rest days only: a deadline counted before the
    calendar existed (an upgraded file: the migration changes no case) or under an earlier
    version of it. Recomputing (services.calendar_acts) brings open cases to the first."""
    want = due_on(kind, received_on, accepted_on, extended, limits, cal, review)
    if due == want:
        return True
    plain = due_on(kind, received_on, accepted_on, extended, limits, None, review)
    if due is None or plain is None:
        return due == plain
    return calmod.only_rest_between(plain, due, cal)


def is_overdue(due: date | None, closed_on: date | None, day: date) -> bool:
    """Overdue on ``day``: not closed by that day and the deadline has passed."""
    if due is None:
        return False
    if closed_on is not None and closed_on <= day:
        return False
    return due < day


def days_left(due: date | None, day: date) -> int | None:
    return None if due is None else (due - day).days


def deadline_state(due: date | None, closed: bool, day: date, limits: Limits = Limits()) -> str:
    """'closed', 'overdue', 'due_soon', 'ok' or 'none': the colour of the 期限 column."""
    if closed:
        return "closed"
    if due is None:
        return "none"
    left = (due - day).days
    if left < 0:
        return "overdue"
    if left <= limits.due_soon_days:
        return "due_soon"
    return "ok"


def deadline_text(due: date | None, closed: bool, day: date, rejected: bool = False) -> str:
    """The 期限 column: a rejected petition (不予受理) was never handled, so it has no
    deadline to report ("—"), not "已办结"."""
    if rejected:
        return "—"
    if closed:
        return "已办结"
    if due is None:
        return "—"
    left = (due - day).days
    if left < 0:
        return f"超期{-left}天"
    if left == 0:
        return "今天到期"
    return f"剩{left}天"


def judicial_confirmation_due(agreement_on: date, limits: Limits = Limits(),
                              cal: Calendar | None = None) -> date:
    return calmod.add_limit(agreement_on, [limits.part("judicial_confirmation")], cal)


def follow_up_due(closed_on: date, limits: Limits = Limits(), cal: Calendar | None = None) -> date:
    return calmod.add_limit(closed_on, [limits.part("follow_up")], cal)


