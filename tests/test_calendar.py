"""The rest-day calendar (docs/domain.md §4): the pure rules against chinesecalendar, the two
examples, working-day limits, a year without data, the acts that change the calendar or the
limits (recomputing only the open cases they touch, one event), the file import, the command
line and the migration of release 0.1.0's database."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from sqlalchemy import func, select

from caseapp import calendar as c
from caseapp import deadlines
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.calendar import Calendar, CalendarDay
from caseapp.cli.main import main
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.figures import stats
from caseapp.storage import backup
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, Event, User

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"
ID1 = "500102195507142462"  # a valid check digit


def days(first: date, last: date):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


# ---------------------------------------------------------------------------
# The pure rules, on the calendar a new database ships with.


@pytest.fixture
def cal(db) -> Calendar:
    return db.calendar()


def test_shipped_calendar_agrees_with_chinesecalendar_every_day_of_2024_to_2026(cal):
    wrong = [d for d in days(date(2024, 1, 1), date(2026, 12, 31))
             if c.is_workday(d, cal) != chinese_calendar.is_workday(d)]
    assert wrong == []
    assert all(cal.knows(y) for y in range(2004, 2027))
    assert cal.name_of(date(2026, 10, 1)) == "国庆节"
    assert cal.name_of(date(2026, 2, 17)) == "春节"


def test_the_examples_of_domain_section_4(cal):
    # accepted 2026-08-03, 60 days → 2026-10-02, inside 国庆 → due 2026-10-08
    assert c.add_days(date(2026, 8, 3), 60, None) == date(2026, 10, 2)
    assert c.add_days(date(2026, 8, 3), 60, cal) == date(2026, 10, 8)
    assert deadlines.due_on("petition", date(2026, 8, 1), date(2026, 8, 3), False, deadlines.Limits(),
                     cal) == date(2026, 10, 8)
    # accepted 2026-08-11 → 2026-10-10, a 调休 Saturday, a working day → due 2026-10-10
    assert c.is_workday(date(2026, 10, 10), cal) and not c.is_workday(date(2026, 10, 10))
    assert deadlines.due_on("petition", date(2026, 8, 11), date(2026, 8, 11), False, deadlines.Limits(),
                     cal) == date(2026, 10, 10)
    # Art. 201 unchanged on a working day: 2026-03-01 + 60 → 2026-04-30
    assert c.add_days(date(2026, 3, 1), 60, cal) == date(2026, 4, 30)


def test_next_workday_and_the_move_off_rest_days(cal):
    assert c.next_workday(date(2026, 9, 30), cal) == date(2026, 10, 8)
    assert c.next_workday(date(2026, 2, 13), cal) == date(2026, 2, 14)  # a 调休 Saturday
    assert c.on_workday(date(2026, 2, 15), cal) == date(2026, 2, 24)  # 春节 15…23
    assert c.on_workday(date(2026, 2, 24), cal) == date(2026, 2, 24)
    # Without a calendar only weekends rest.
    assert c.on_workday(date(2026, 10, 3)) == date(2026, 10, 5)


def test_working_day_limits(cal):
    # The 条例's 5 working days from Monday 2026-09-28: 29, 30, then 国庆 until 10-08, 09, 10.
    assert c.add_workdays(date(2026, 9, 28), 5, cal) == date(2026, 10, 10)
    limits = deadlines.Limits(workdays=frozenset({"petition_accept"}))
    assert limits.unit("petition_accept") == c.WORKDAYS and limits.unit("petition_handle") == c.DAYS
    # received 2026-09-25 (中秋, rest): 15 working days are 9-28…9-30 (3), 10-08…10-10 (3),
    # 10-12…10-16 (5), 10-19…10-22 (4)
    assert deadlines.due_on("petition", date(2026, 9, 25), None, False, limits, cal) == date(2026, 10, 22)
    # A limit in working days, its extension in days: counted on, the last day moved.
    mixed = deadlines.Limits(workdays=frozenset({"dispute_mediate"}), dispute_mediate=1,
                      dispute_extension=2)
    assert deadlines.due_on("dispute", None, date(2026, 9, 29), True, mixed, cal) == date(2026, 10, 8)


def test_a_year_without_data_counts_weekends_only_and_says_so(cal):
    assert not cal.knows(2027)
    # 2027-10-01 is a Friday: without the year's notice it is a working day.
    assert c.is_workday(date(2027, 10, 1), cal)
    assert c.add_days(date(2027, 8, 7), 60, cal) == date(2027, 10, 6)  # a Wednesday
    assert c.add_days(date(2027, 8, 4), 60, cal) == date(2027, 10, 4)  # Sunday 10-03 → Monday
    assert c.missing_years(cal, date(2026, 11, 30)) == []
    assert c.missing_years(cal, date(2026, 12, 1)) == [2027]
    assert c.missing_years(cal, date(2027, 3, 1)) == [2027]
    assert c.missing_years(Calendar(), date(2026, 12, 31)) == [2026, 2027]


def test_check_year_refuses_what_is_not_a_notice():
    assert c.check_year(2027, [CalendarDay(date(2027, 10, 1), c.REST, "国庆节")]) is None
    assert "不在 2027 年" in c.check_year(2027, [CalendarDay(date(2026, 10, 1), c.REST)])
    assert "不需要标为调休上班" in c.check_year(2027, [CalendarDay(date(2027, 10, 1), c.WORK)])
    assert "两次" in c.check_year(2027, [CalendarDay(date(2027, 10, 1), c.REST)] * 2)


def test_a_stored_deadline_is_consistent_under_the_rule_or_from_before_it(cal):
    limits = deadlines.Limits()
    args = ("petition", date(2026, 8, 1), date(2026, 8, 3), False, limits, cal)
    assert deadlines.due_consistent(date(2026, 10, 8), *args)  # the rule
    assert deadlines.due_consistent(date(2026, 10, 2), *args)  # plain days, counted before 0004
    assert deadlines.due_consistent(date(2026, 10, 5), *args)  # moved over rest days only
    assert not deadlines.due_consistent(date(2026, 10, 9), *args)  # past a working day
    assert not deadlines.due_consistent(date(2026, 10, 1), *args)  # earlier than the limit


# ---------------------------------------------------------------------------
# Acts: intake, closing on time, recomputing.


def register(db, actor, received, summary="拖欠工资问题"):
    return s.register_petition(db, actor, s.CaseInput(
        summary=summary, category="劳动社保", received_on=received, source="来访"),
        [s.PartyInput(name="张秀英", role="信访人", id_number=ID1)])


def due(db, case_id):
    with db.read() as session:
        return session.get(Case, case_id).due_on


def events_of(db, action):
    with db.read() as session:
        return [(e.case_id, json.loads(e.changes or "null"), e.note)
                for e in session.scalars(select(Event).where(Event.action == action))]


def test_a_petition_closed_on_the_first_working_day_after_guoqing_is_on_time(db, actor):
    ref = register(db, actor, date(2026, 8, 3))
    assert due(db, ref.id) == date(2026, 8, 18)  # 8-03 + 15, a Tuesday
    s.accept(db, actor, ref.id, date(2026, 8, 3))
    assert due(db, ref.id) == date(2026, 10, 8)
    s.close(db, actor, ref.id, wf.EXPLAINED, date(2026, 10, 8))
    october = stats.figures(db, date(2026, 10, 1), date(2026, 10, 31)).petitions
    assert (october.count("closed"), october.count("closed_on_time")) == (1, 1)
    assert backup.check(db) == []


def test_extending_counts_on_and_moves_the_last_day(db, actor):
    ref = register(db, actor, date(2026, 7, 1))
    s.accept(db, actor, ref.id, date(2026, 7, 4))  # + 90 → 2026-10-02, 国庆
    s.extend(db, actor, ref.id, "需要多部门会商")
    assert due(db, ref.id) == date(2026, 10, 8)


def test_changing_the_calendar_recomputes_only_the_open_cases_it_touches(db, actor):
    moved = register(db, actor, date(2026, 4, 1), "到期日将成为休息日")
    s.accept(db, actor, moved.id, date(2026, 4, 2))  # due 6-01, a Monday
    kept = register(db, actor, date(2026, 4, 1), "到期日不受影响")
    s.accept(db, actor, kept.id, date(2026, 4, 9))  # due 6-08
    closed = register(db, actor, date(2026, 4, 1), "已办结")
    s.accept(db, actor, closed.id, date(2026, 4, 2))
    s.close(db, actor, closed.id, wf.SUPPORTED, date(2026, 5, 20))
    assert [due(db, i) for i in (moved.id, kept.id, closed.id)] == [
        date(2026, 6, 1), date(2026, 6, 8), date(2026, 6, 1)]
    case_events = len(events_of(db, "edited"))

    change = s.set_day(db, actor, date(2026, 6, 1), c.REST, "测试休息日")
    assert change.recomputed == 1
    assert [due(db, i) for i in (moved.id, kept.id, closed.id)] == [
        date(2026, 6, 2), date(2026, 6, 8), date(2026, 6, 1)]  # the closed case keeps its own
    [(case_id, changes, note)] = events_of(db, "calendar_changed")
    assert case_id is None and changes["due_recomputed"] == [None, 1] and "1 件" in note
    assert len(events_of(db, "edited")) == case_events  # one audit entry, none per case
    assert not c.is_workday(date(2026, 6, 1), db.calendar())  # the cached read was renewed
    # Unmarking the day moves it back.
    assert s.set_day(db, actor, date(2026, 6, 1), None).recomputed == 1
    assert due(db, moved.id) == date(2026, 6, 1)
    assert backup.check(db) == []


def test_a_whole_year_added_from_the_notice(db, actor):
    ref = register(db, actor, date(2026, 11, 20))
    s.accept(db, actor, ref.id, date(2026, 11, 20))
    s.extend(db, actor, ref.id, "需要多部门会商")  # + 90 → 2027-02-18, a Thursday
    assert due(db, ref.id) == date(2027, 2, 18)
    spring = c.expand(date(2027, 2, 15), date(2027, 2, 21), c.REST, "春节")
    change = s.save_year(db, actor, 2027, spring + [
        CalendarDay(date(2027, 2, 27), c.WORK, "春节")])
    assert (change.years, change.recomputed) == ((2027,), 1)
    assert due(db, ref.id) == date(2027, 2, 22)
    assert db.calendar().knows(2027)
    with pytest.raises(ValidationError, match="不需要标为调休上班"):
        s.save_year(db, actor, 2027, [CalendarDay(date(2027, 3, 1), c.WORK)])


def test_changing_a_limit_or_its_unit_recomputes_the_open_cases(db, actor):
    open_ref = register(db, actor, date(2026, 9, 25))
    assert due(db, open_ref.id) == date(2026, 10, 10)  # 9-25 + 15, a 调休 Saturday
    settings = db.settings()
    workdays = replace(settings, limits=replace(settings.limits,
                                                workdays=frozenset({"petition_accept"})))
    s.save_settings(db, actor, workdays)
    assert db.settings().limits.unit("petition_accept") == c.WORKDAYS
    assert due(db, open_ref.id) == date(2026, 10, 22)
    [(_case, changes, note)] = [e for e in events_of(db, "settings_changed") if e[1]]
    assert changes["due_recomputed"] == [None, 1] and "1 件" in note
    assert changes["limits"][1]["workdays"] == ["petition_accept"]


def test_a_clerk_may_not_change_the_calendar(db, actor):
    from caseapp.services import accounts

    accounts.add_user(db, actor, "admin", "陈主任", "admin", "Admin-Pass-2026")
    admin = accounts.authenticate(db, "admin", "Admin-Pass-2026")
    accounts.add_user(db, admin, "clerk", "王登记", "clerk", "Clerk-Pass-2026")
    clerk = accounts.authenticate(db, "clerk", "Clerk-Pass-2026")
    with pytest.raises(PermissionDenied):
        s.set_day(db, clerk, date(2026, 6, 1), c.REST)
    assert c.is_workday(date(2026, 6, 1), db.calendar())


# ---------------------------------------------------------------------------
# The file, and the command line.


GOOD_CSV = ("日期,类型,名称\n2027-01-01~2027-01-03,休,元旦\n2027-02-15~2027-02-21,休,春节\n"
            "2027-02-27,班,春节\n")


def test_the_file_format_csv_and_json(tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text("\ufeff" + GOOD_CSV, encoding="utf-8")
    rows = s.read_calendar_file(path)
    assert len(rows) == 3 + 7 + 1 and rows[-1] == CalendarDay(date(2027, 2, 27), c.WORK, "春节")
    other = tmp_path / "2027.json"
    other.write_text(json.dumps([{"日期": "2027-10-01~2027-10-07", "类型": "休", "名称": "国庆节"},
                                 {"日期": "2027-10-09", "类型": "班", "名称": "国庆节"}],
                                ensure_ascii=False), encoding="utf-8")
    assert len(s.read_calendar_file(other)) == 8
    assert s.calendar_csv(rows).splitlines()[0] == "日期,类型,名称"


def test_a_bad_file_is_refused_naming_its_rows(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("日期,类型,名称\n2027-01-01,休,元旦\n2027-13-01,休,春节\n2027-03-01,班,\n"
                    "2027-01-01,休,重复\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        s.read_calendar_file(path)
    messages = [p.message for p in err.value.problems]
    assert messages[0].startswith("第3行") and "2027-13-01" in messages[0]
    assert messages[1].startswith("第4行") and "本来就是工作日" in messages[1]
    assert messages[2].startswith("第5行") and "已在第2行出现" in messages[2]
    headless = tmp_path / "headless.csv"
    headless.write_text("2027-01-01,休\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="表头"):
        s.read_calendar_file(headless)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_show_and_import(capsys, tmp_path):
    dbfile = tmp_path / "office.db"
    code, out, _ = run(capsys, "--db", dbfile, "calendar", "show", 2026)
    assert code == 0 and "国庆节 放假：2026-10-01 至 2026-10-07（7天）" in out
    assert " 1休" in out and "10班" in out and "注意" not in out
    code, out, _ = run(capsys, "--db", dbfile, "calendar", "show", 2027)
    assert code == 0 and "2027 年没有节假日数据" in out

    bad = tmp_path / "bad.csv"
    bad.write_text("日期,类型,名称\n2027-01-01,休,元旦\n2027-02-30,休,春节\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", dbfile, "calendar", "import", bad)
    assert code == 1 and "未导入" in err and "第3行" in err and "2027-02-30" in err
    code, out, _ = run(capsys, "--db", dbfile, "calendar", "show", 2027)
    assert "2027 年没有节假日数据" in out  # nothing was written

    good = tmp_path / "2027.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    code, out, _ = run(capsys, "--db", dbfile, "calendar", "import", good)
    assert code == 0 and "已导入 11 天" in out and "2027 年整年替换" in out
    code, out, _ = run(capsys, "--db", dbfile, "calendar", "show", 2027, "--csv")
    assert out.splitlines()[:2] == ["日期,类型,名称", "2027-01-01,休,元旦"]
    assert len(out.splitlines()) == 12
    code, out, _ = run(capsys, "--db", dbfile, "calendar", "recompute")
    assert code == 0 and "0 件" in out


# ---------------------------------------------------------------------------
# The migration, on a copy of release 0.1.0's database.


def fixture_copy(tmp_path) -> Path:
    copy = tmp_path / "casedesk.db"
    shutil.copyfile(FIXTURE, copy)
    shutil.copytree(FIXTURE.parent / "casedesk-files", tmp_path / "casedesk-files")
    return copy


def read_rows(path: Path, sql: str) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


CASE_ROWS = "SELECT number, status, due_on FROM cases ORDER BY number"


def test_migration_0004_fills_the_calendar_and_changes_no_case(tmp_path):
    """Up to 0004 only (read back with sqlite3): the table is chinesecalendar's, every case
    row is as it was, and no event was added."""
    from alembic import command

    from caseapp.storage.db import Database, make_engine
    from caseapp.storage.migrate import alembic_config

    copy = fixture_copy(tmp_path)
    before = read_rows(copy, CASE_ROWS)
    events = read_rows(copy, "SELECT count(*) FROM events")
    url = f"sqlite:///{copy.as_posix()}"
    database = Database(url, make_engine(url))
    try:
        command.upgrade(alembic_config(database), "0004")
    finally:
        database.dispose()
    constants = chinese_calendar.constants
    stored = dict(read_rows(copy, "SELECT day, kind FROM calendar_days"))
    assert len(stored) == len(constants.holidays) + len(constants.workdays)
    assert stored["2026-10-01"] == "休" and stored["2026-10-10"] == "班"
    assert read_rows(copy, "SELECT name FROM calendar_days WHERE day = '2026-02-17'") == [("春节",)]
    assert read_rows(copy, CASE_ROWS) == before
    assert read_rows(copy, "SELECT count(*) FROM events") == events


def test_the_upgraded_fixture_checks_and_recomputes_only_open_cases(tmp_path):
    copy = fixture_copy(tmp_path)
    before = read_rows(copy, CASE_ROWS)
    db = open_database(copy)
    try:
        assert c.is_workday(date(2026, 10, 10), db.calendar())
        assert read_rows(copy, CASE_ROWS) == before  # the deadlines as release 0.1.0 left them
        assert backup.check(db) == []  # closed cases keep the deadline they were closed under
        with db.read() as session:  # the fixture's administrator (make_fixture.py)
            admin = session.scalar(select(User.id).where(User.name == "admin"))
        # Recomputing brings the open cases whose plain deadline fell on a rest day forward.
        moved = s.recompute_due(db, admin)
        after = read_rows(copy, CASE_ROWS)
        changed = [(n, st) for (n, st, d), (_n, _st, old) in zip(after, before, strict=True)
                   if d != old]
        assert moved == len(changed) > 0
        assert all(st in ("registered", "in_progress") for _n, st in changed)
        assert backup.check(db) == []
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Event).where(
                Event.action == "due_recomputed")) == 1
    finally:
        db.dispose()
