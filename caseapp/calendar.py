"""The rest-day calendar of docs/domain.md §4 as pure functions: working days, counting a limit
in 日 or 工作日, and 民法典 Art. 203 (a limit ending on a rest day ends on the next working day).

A ``Calendar`` is the office's table as a value: the holiday rest days (休), the 调休 working
days (班) and the years it knows. A day the table does not name is a rest day when it is a
Saturday or Sunday, so a year the table does not know counts weekends only (and the workbench
says so: ``missing_years``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

REST = "休"  # a holiday rest day (a weekday off, or a weekend inside a holiday)
WORK = "班"  # a 调休 working day: a Saturday or Sunday worked
KINDS = (REST, WORK)

DAYS = "日"  # calendar days, the last one moved off a rest day (Art. 201, 203)
WORKDAYS = "工作日"  # working days
UNITS = (DAYS, WORKDAYS)

# From this day of December on, a missing next year is worth a warning (docs/domain.md §4).
WARN_FROM_MONTH, WARN_FROM_DAY = 12, 1
# A limit never needs more than this many days past a rest day: a guard against a table
# that marks a whole year as rest days (the search would otherwise never end).
MAX_REST_RUN = 366


@dataclass(frozen=True, order=True)
class CalendarDay:
    """One row of the office's calendar."""

    day: date
    kind: str  # REST or WORK
    name: str = ""


@dataclass(frozen=True)
class Calendar:
    """The office's calendar as a value (empty: weekends only, every year unknown)."""

    rows: tuple[CalendarDay, ...] = ()
    rest: frozenset[date] = field(default=frozenset(), compare=False, repr=False)
    work: frozenset[date] = field(default=frozenset(), compare=False, repr=False)
    years: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    @classmethod
    def of(cls, rows: Iterable[CalendarDay]) -> Calendar:
        rows = tuple(sorted(rows))
        return cls(rows=rows,
                   rest=frozenset(r.day for r in rows if r.kind == REST),
                   work=frozenset(r.day for r in rows if r.kind == WORK),
                   years=frozenset(r.day.year for r in rows))

    def knows(self, year: int) -> bool:
        """True when the table holds the year's notice (any row of that year)."""
        return year in self.years

    def days_of(self, year: int) -> list[CalendarDay]:
        return [r for r in self.rows if r.day.year == year]

    def name_of(self, day: date) -> str:
        return next((r.name for r in self.rows if r.day == day), "")

    def with_year(self, year: int, rows: Iterable[CalendarDay]) -> Calendar:
        """This calendar with ``year`` replaced by ``rows`` (an empty ``rows`` forgets it)."""
        return Calendar.of([r for r in self.rows if r.day.year != year] + list(rows))


EMPTY = Calendar()


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def is_workday(day: date, cal: Calendar = EMPTY) -> bool:
    """A working day: a 调休 day, else a weekday that is not a holiday."""
    if day in cal.work:
        return True
    if day in cal.rest:
        return False
    return not is_weekend(day)


def next_workday(day: date, cal: Calendar = EMPTY) -> date:
    """The first working day after ``day``."""
    for n in range(1, MAX_REST_RUN + 1):
        d = day + timedelta(days=n)
        if is_workday(d, cal):
            return d
    return day + timedelta(days=1)  # a table of rest days only: count the day itself


def on_workday(day: date, cal: Calendar = EMPTY) -> date:
    """民法典 Art. 203: a last day that is a rest day moves to the next working day."""
    return day if is_workday(day, cal) else next_workday(day, cal)


def add_days(start: date, days: int, cal: Calendar | None = EMPTY) -> date:
    """``days`` calendar days from the day after ``start`` (Art. 201), the last moved off a
    rest day (Art. 203): 2026-08-03 + 60 → 2026-10-02 (国庆) → 2026-10-08. ``cal=None``: the
    plain count, no move (the rule before the calendar existed)."""
    end = start + timedelta(days=days)
    return end if cal is None else on_workday(end, cal)


def add_workdays(start: date, days: int, cal: Calendar = EMPTY) -> date:
    """The ``days``-th working day after ``start`` (start itself never counts)."""
    d = start
    for _ in range(days):
        d = next_workday(d, cal)
    return d


def add_limit(start: date, parts: Iterable[tuple[int, str]], cal: Calendar | None = EMPTY) -> date:
    """A limit of one or more parts (the limit, then an extension), each in its unit, counted
    on from where the previous ended; only the last day is moved off a rest day. With
    ``cal=None`` calendar days are counted plainly (working days on weekends only)."""
    d = start
    for days, unit in parts:
        if unit == WORKDAYS:
            d = add_workdays(d, days, cal or EMPTY)
        else:
            d = d + timedelta(days=days)
    return d if cal is None else on_workday(d, cal)


def only_rest_between(first: date, last: date, cal: Calendar = EMPTY) -> bool:
    """True when every day from ``first`` up to (not including) ``last`` is a rest day or a
    weekend: ``last`` is ``first`` moved off rest days by some version of the calendar."""
    if last < first:
        return False
    d = first
    while d < last:
        if is_workday(d, cal) and not is_weekend(d):
            return False
        d += timedelta(days=1)
    return True


def missing_years(cal: Calendar, today: date) -> list[int]:
    """The years deadlines are about to be counted in that the table does not know: this year,
    and from 1 December the next one."""
    wanted = [today.year]
    if (today.month, today.day) >= (WARN_FROM_MONTH, WARN_FROM_DAY):
        wanted.append(today.year + 1)
    return [y for y in wanted if not cal.knows(y)]


def expand(first: date, last: date, kind: str, name: str = "") -> list[CalendarDay]:
    """The rows of a range of days (a holiday from ``first`` to ``last`` inclusive)."""
    n = (last - first).days
    return [CalendarDay(first + timedelta(days=i), kind, name) for i in range(n + 1)]


def check_year(year: int, rows: Iterable[CalendarDay]) -> str | None:
    """A Chinese message when ``rows`` are not one year's notice, else None."""
    seen: set[date] = set()
    for r in rows:
        if r.day.year != year:
            return f"{r.day.isoformat()} 不在 {year} 年内"
        if r.kind not in KINDS:
            return f"{r.day.isoformat()} 的类型应为「休」或「班」"
        if r.day in seen:
            return f"{r.day.isoformat()} 出现了两次"
        if r.kind == WORK and not is_weekend(r.day):
            return f"{r.day.isoformat()} 是工作日，不需要标为调休上班"
        if len(r.name) > 32:
            return f"{r.day.isoformat()} 的名称不能超过32字"
        seen.add(r.day)
    return None
