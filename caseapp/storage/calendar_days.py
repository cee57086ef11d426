"""The calendar_days table as a caseapp.calendar.Calendar: read it, replace a year's rows."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, extract, select
from sqlalchemy.orm import Session

from caseapp.calendar import REST, WORK, Calendar, CalendarDay
from caseapp.storage.models import CalendarDay as CalendarRow


def load_calendar(session: Session) -> Calendar:
    """Every row of the table (a few hundred: about forty a year)."""
    rows = session.execute(select(CalendarRow.day, CalendarRow.kind, CalendarRow.name)).all()
    return Calendar.of(CalendarDay(day, kind, name or "") for day, kind, name in rows)


def replace_year(session: Session, year: int, rows: Iterable[CalendarDay]) -> None:
    """The year's rows become ``rows`` (an empty list forgets the year)."""
    session.execute(delete(CalendarRow).where(extract("year", CalendarRow.day) == year))
    session.flush()
    session.add_all(CalendarRow(day=r.day, kind=r.kind, name=r.name) for r in rows)
    session.flush()


# chinesecalendar's holiday names in the notices' words.
SHIPPED_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def shipped_days() -> list[CalendarDay]:
    """The days the chinesecalendar package knows (2004 to its last year), as migration 0004
    fills them in; none when the package is missing (the workbench then says the year is
    missing). Imported here, in a module of the program, so that a frozen build carries it."""
    try:
        from chinese_calendar import constants
    except ImportError:
        return []
    rows = [CalendarDay(d, REST, SHIPPED_NAMES.get(str(n), str(n)))
            for d, n in constants.holidays.items()]
    rows += [CalendarDay(d, WORK, SHIPPED_NAMES.get(str(n), str(n)))
             for d, n in constants.workdays.items()]
    return sorted(rows)
