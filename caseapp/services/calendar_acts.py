"""Changing the office's rest-day calendar (设置 → 节假日, `caseapp calendar import`): each
write is one act with one event, and recomputes the due_on of the open cases it touches.

Open cases (待受理, 办理中) are recomputed; a closed case keeps the deadline it was closed
under, so past figures (按期办结率) never move when the calendar does (docs/domain.md §4).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from caseapp import calendar as cal_rules
from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.calendar import Calendar, CalendarDay
from caseapp.errors import Problem, ValidationError
from caseapp.services.events import add_event
from caseapp.services.guard import require
from caseapp.storage.calendar_days import load_calendar, replace_year
from caseapp.storage.db import Database
from caseapp.storage.models import Case
from caseapp.storage.settings import load_settings

OPEN = (wf.Status.REGISTERED.value, wf.Status.IN_PROGRESS.value)


@dataclass(frozen=True)
class CalendarChange:
    """What a calendar act did: the years written and the open cases whose deadline moved."""

    years: tuple[int, ...]
    recomputed: int


def recompute_open(session: Session, limits: deadlines.Limits, cal: Calendar) -> int:
    """Set due_on of every open case to the rule under ``limits`` and ``cal``, in the caller's
    transaction; the number of cases whose deadline changed."""
    stmt = (select(Case.id, Case.kind, Case.received_on, Case.accepted_on, Case.extended,
                   Case.due_on, Case.review_stage)
            .where(Case.status.in_(OPEN), Case.deleted_at.is_(None))
            .execution_options(yield_per=5000))
    moved = []
    for cid, kind, received, accepted, extended, due, stage in session.execute(stmt):
        new = deadlines.due_on(kind, received, accepted, bool(extended), limits, cal, bool(stage))
        if new != due:
            moved.append({"cid": cid, "due": new})
    if moved:
        table = Case.__table__
        # the version moves too: an edit begun before this change is refused as stale
        session.execute(update(table).where(table.c.id == bindparam("cid"))
                        .values(due_on=bindparam("due"), version=table.c.version + 1), moved)
    return len(moved)


def _summary(cal: Calendar, year: int) -> str:
    rows = cal.days_of(year)
    if not rows:
        return f"{year}年：无（只按周末计算）"
    rest = sum(1 for r in rows if r.kind == cal_rules.REST)
    return f"{year}年：休{rest}天，调休上班{len(rows) - rest}天"


def _write_years(db: Database, actor: int, years: dict[int, list[CalendarDay]],
                 note: str) -> CalendarChange:
    """Replace each year's rows, recompute the open cases, one event: the shared body."""
    problems = [Problem("calendar", message) for year, rows in sorted(years.items())
                if (message := cal_rules.check_year(year, rows))]
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = require(session, actor, wf.Act.SETTINGS)
        before = load_calendar(session)
        for year, rows in sorted(years.items()):
            replace_year(session, year, rows)
        after = load_calendar(session)
        count = recompute_open(session, load_settings(session).limits, after)
        changes = {"calendar": ("；".join(_summary(before, y) for y in sorted(years)),
                                "；".join(_summary(after, y) for y in sorted(years))),
                   "due_recomputed": (None, count)}
        add_event(session, None, user.id, "calendar_changed", changes,
                  note=f"{note}；重新计算 {count} 件未结案件的期限")
    db.invalidate_calendar()
    return CalendarChange(tuple(sorted(years)), count)


def save_year(db: Database, actor: int, year: int, rows: Iterable[CalendarDay]) -> CalendarChange:
    """The year's notice as a whole (设置 → 节假日 → 添加年份): its rows replace the year's."""
    return _write_years(db, actor, {year: list(rows)}, f"{year}年节假日安排")


def set_day(db: Database, actor: int, day: date, kind: str | None, name: str = "",
            ) -> CalendarChange:
    """One day marked 休 or 班 (kind None: unmarked, back to the weekday rule)."""
    name = (name or "").strip()
    with db.read() as session:
        current = load_calendar(session).days_of(day.year)
    rows = [r for r in current if r.day != day]
    if kind is not None:
        rows.append(CalendarDay(day, kind, name))
    what = {None: "取消标记", cal_rules.REST: "标为放假", cal_rules.WORK: "标为调休上班"}
    return _write_years(db, actor, {day.year: rows},
                        f"{day.isoformat()} {what.get(kind, kind)}{('（' + name + '）') if name else ''}")


def import_days(db: Database, actor: int, rows: Iterable[CalendarDay], source: str = "",
                ) -> CalendarChange:
    """A file's days (calendar_file.read_calendar_file): each year in it replaces that year."""
    years: dict[int, list[CalendarDay]] = {}
    for r in rows:
        years.setdefault(r.day.year, []).append(r)
    if not years:
        raise ValidationError(Problem("file", "文件中没有日期"))
    return _write_years(db, actor, years, f"从 {source} 导入" if source else "导入节假日")


def recompute_due(db: Database, actor: int) -> int:
    """Bring every open case's deadline to the current limits and calendar (after an upgrade:
    the migration changes no case). One act, one event with the count."""
    with db.write() as session:
        user = require(session, actor, wf.Act.SETTINGS)
        count = recompute_open(session, load_settings(session).limits, load_calendar(session))
        add_event(session, None, user.id, "due_recomputed", {"due_recomputed": (None, count)},
                  note=f"按现行期限设置和节假日重新计算 {count} 件未结案件的期限")
    return count
