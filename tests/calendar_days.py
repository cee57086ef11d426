"""Test helper: a calendar in which every day is a working day, for tests that count plain
days from the real today (whatever weekday it is). The rest-day rule itself is tested in
tests/test_calendar.py."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete, insert

from caseapp.storage.models import CalendarDay


def every_day_a_working_day(db, around: date, days: int = 500) -> None:
    """No holidays, and every weekend within ``days`` of ``around`` worked (调休 班)."""
    start = around - timedelta(days=days)
    weekends = [start + timedelta(days=n) for n in range(2 * days + 1)]
    rows = [{"day": d, "kind": "班", "name": "测试"} for d in weekends if d.weekday() >= 5]
    with db.engine.begin() as conn:
        conn.execute(delete(CalendarDay))
        conn.execute(insert(CalendarDay), rows)
    db.invalidate_calendar()
