"""The per-day figure sums (caseapp/figures/days.py) give exactly the direct aggregate's numbers
(stats with direct=True, the conditions of docs/domain.md §5): on demo data for many periods,
after every kind of act, and on random case rows including irregular ones (issue #19)."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, insert, select, text, update
from test_services import new_dispute, new_petition
from test_stats import cases_and_period, load

from caseapp import exchange
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.demo import run_demo
from caseapp.figures import dashboard, days, stats
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, FigureDay, FigureDayGroup, FigureDirty, Office

TODAY = date(2026, 11, 20)
EXAMPLES = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def periods_around(today: date, days_of: list[date] = ()) -> list[tuple[date, date]]:
    """Days, months, years, spans over a year's end, periods to come, and the given days."""
    out = [(date(2025, 1, 1), date(2025, 12, 31)), (date(2026, 1, 1), today),
           (date(2026, 1, 1), date(2026, 12, 31)), (date(2025, 12, 20), date(2026, 1, 10)),
           (date(2024, 6, 1), date(2026, 2, 28)), (date(2027, 1, 1), date(2027, 3, 31)),
           (today, today), (today.replace(day=1), today), (date(2000, 1, 1), date(2030, 1, 1)),
           stats.month_range(today.year, today.month), stats.month_range(2026, 10)]
    for day in days_of:
        out += [(day, day), (day - timedelta(days=1), day + timedelta(days=1)),
                stats.month_range(day.year, day.month)]
    return out


def same(db, periods, today: date = TODAY, as_of_inside: bool = True,
         board: tuple[str, ...] = dashboard.PERIODS) -> None:
    """Every figure, breakdown and month of each period, and the dashboard, fast and direct."""
    for f, t in periods:
        ons = [today] + ([f + (t - f) / 2, f - timedelta(days=3)] if as_of_inside else [])
        for on in ons:
            fast, direct = stats.figures(db, f, t, on), stats.figures(db, f, t, on, direct=True)
            assert fast.to_dict() == direct.to_dict(), (f, t, on)
    assert (stats.month_series(db, 2025, 11, 14, today=today)
            == stats.month_series(db, 2025, 11, 14, today=today, direct=True))
    for kind in stats.KINDS:
        for key in board:
            f, t = dashboard.period_range(key, today)
            assert (dashboard.snapshot(db, kind, f, t, today)
                    == dashboard.snapshot(db, kind, f, t, today, direct=True)), (kind, key)


def dirty(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(FigureDirty))


@pytest.fixture(scope="module")
def demo_db(module_db):
    database = module_db("figure_days_demo")
    run_demo(database, database.local_user_id(), cases=400, seed=3, today=TODAY)
    yield database
    database.dispose()


def test_demo_data_for_many_periods(demo_db):
    assert dirty(demo_db) > 0  # the demo's rows marked their days
    same(demo_db, periods_around(TODAY, [date(2024, 2, 29), date(2025, 12, 31)]))
    assert dirty(demo_db) == 0  # the first read recomputed them
    with demo_db.read() as session:
        assert session.scalar(select(func.count()).select_from(FigureDay)) > 0
    for day in (date(2026, 3, 1), date(2025, 7, 15), TODAY):
        assert (stats.kind_figures(demo_db, "dispute", day, TODAY, TODAY)
                == stats.kind_figures(demo_db, "dispute", day, TODAY, TODAY, direct=True))
        for dimension in stats.DIMENSIONS:
            assert (stats.breakdown(demo_db, "petition", dimension, day, TODAY)
                    == stats.breakdown(demo_db, "petition", dimension, day, TODAY, direct=True))


@pytest.fixture(autouse=True)
def day_sums_for_small_files(monkeypatch):
    """These files are small; the program counts such files directly (days.DAYS_FROM), so the
    day sums are switched on here to be compared with the direct aggregate."""
    monkeypatch.setattr(days, "DAYS_FROM", 0)


def test_a_small_file_is_counted_directly_and_never_waits_for_marked_days(demo_db,
                                                                         monkeypatch):
    before = stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY).to_dict()
    monkeypatch.setattr(days, "DAYS_FROM", 10**9)

    def no_refresh(_db):
        raise AssertionError("a small file's read recomputed day rows")

    real_refresh = days.refresh
    monkeypatch.setattr(days, "refresh", no_refresh)
    with demo_db.engine.begin() as conn:  # day rows gone and every day marked: not read
        conn.execute(text("DELETE FROM figure_days"))
        conn.execute(text("INSERT INTO figure_dirty(day) VALUES ('2025-03-01')"))
    try:
        assert stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY).to_dict() == before
    finally:
        monkeypatch.setattr(days, "DAYS_FROM", 0)
        monkeypatch.setattr(days, "refresh", real_refresh)
        days.rebuild(demo_db)
    assert stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY).to_dict() == before


def test_the_direct_switch_counts_from_the_cases(demo_db, monkeypatch):
    """DIRECT (CASEDESK_FIGURES=direct) never reads the day rows: emptied, the numbers stay."""
    before = stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY).to_dict()
    monkeypatch.setattr(days, "DIRECT", True)
    with demo_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM figure_days"))
    try:
        assert stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY).to_dict() == before
    finally:
        monkeypatch.setattr(days, "DIRECT", False)
        days.rebuild(demo_db)
    assert stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY).to_dict() == before


def test_every_act_keeps_the_sums_exact(db, actor):
    periods = [(date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 3, 1), date(2026, 3, 31)),
               (date(2026, 3, 6), date(2026, 3, 10)), (date(2026, 3, 12), date(2026, 3, 12)),
               (date(2026, 4, 1), date(2026, 6, 30))]

    def check():
        same(db, periods, TODAY, as_of_inside=False, board=("this_year",))
        for on in (date(2026, 3, 15), date(2026, 5, 1)):
            assert (stats.figures(db, date(2026, 3, 1), date(2026, 6, 30), on).to_dict()
                    == stats.figures(db, date(2026, 3, 1), date(2026, 6, 30), on,
                                     direct=True).to_dict())

    p1 = new_petition(db, actor, street="马鞍街道", via_proxy=True)
    check()
    s.accept(db, actor, p1.id, date(2026, 3, 2), handler="周志强")
    check()
    s.mark_entered(db, actor, p1.id)
    s.extend(db, actor, p1.id, "需要多部门会商")
    check()
    p2 = new_petition(db, actor, received_on=date(2026, 3, 5))
    s.reject(db, actor, p2.id, "不属于本机关职权范围", date(2026, 3, 9))
    check()
    s.supervise(db, actor, p1.id, "普通督办", "区信访局", date(2026, 3, 20), date(2026, 3, 12))
    check()
    for outcome in (wf.SUPPORTED, wf.EXPLAINED, wf.NOT_SUPPORTED):
        ref = new_petition(db, actor, received_on=date(2026, 3, 2))
        s.accept(db, actor, ref.id, date(2026, 3, 2))
        s.close(db, actor, ref.id, outcome, date(2026, 3, 12))
        check()
    p5 = new_petition(db, actor, received_on=date(2026, 3, 2))
    s.accept(db, actor, p5.id, date(2026, 3, 2))
    s.reply(db, actor, p5.id, "予以支持", date(2026, 3, 12), on=date(2026, 3, 12))
    check()
    s.rate(db, actor, p5.id, "满意", date(2026, 3, 12))
    check()
    s.reopen(db, actor, ref.id, "复核后重新办理")
    check()
    s.close(db, actor, p1.id, wf.EXPLAINED, date(2026, 4, 20), note="已当面解释")
    check()
    p3 = new_petition(db, actor, received_on=date(2026, 3, 1))
    s.accept(db, actor, p3.id, date(2026, 3, 2))
    s.transfer(db, actor, p3.id, "区人力社保局", date(2026, 3, 9))
    check()
    p4 = new_petition(db, actor, received_on=date(2026, 3, 1))
    s.accept(db, actor, p4.id, date(2026, 3, 1))
    diverted = s.divert(db, actor, p4.id, date(2026, 3, 6), dispute_category="劳动争议纠纷")
    check()
    s.accept(db, actor, diverted.id, date(2026, 3, 6), handler="李红")
    check()
    d1 = new_dispute(db, actor)
    s.accept(db, actor, d1.id, date(2026, 3, 2), handler="刘晓燕")
    s.record_agreement(db, actor, d1.id, "书面协议", date(2026, 3, 12), ["拆除加建部分"])
    check()
    s.close(db, actor, d1.id, wf.MEDIATED, date(2026, 3, 12))
    check()
    s.record_performance(db, actor, d1.id, True, date(2026, 3, 20), "已确认")
    check()
    s.mark_risk(db, actor, d1.id, wf.RISK_MAJOR, ["prevented_crime"])
    check()
    s.apply_judicial(db, actor, d1.id, date(2026, 3, 20), "区人民法院")
    check()
    s.record_judicial_result(db, actor, d1.id, "确认有效", date(2026, 3, 25))
    check()
    d2 = new_dispute(db, actor)
    s.accept(db, actor, d2.id, date(2026, 3, 2))
    s.close(db, actor, d2.id, wf.MEDIATION_FAILED, date(2026, 3, 9), route="诉讼")
    check()
    case = db_case(db, d2.id)
    s.edit(db, actor, d2.id, {"received_on": date(2026, 2, 20), "amount": "1234.56"},
           expected_version=case.version)
    check()
    s.delete_case(db, actor, d2.id, "重复登记")
    check()
    s.assign(db, actor, [diverted.id], "王强")
    check()


def db_case(db, case_id):
    with db.read() as session:
        return session.get(Case, case_id)


def test_import_and_demo_mark_their_days(db, actor, make_db, tmp_path):
    same(db, periods_around(TODAY)[:3])
    run_demo(db, actor, cases=120, seed=5, today=TODAY)
    assert dirty(db) > 0
    same(db, periods_around(TODAY))
    source = tmp_path / "export.csv"
    exchange.run_export(db, source)
    other = make_db("imported")
    same(other, periods_around(TODAY)[:3])
    result = exchange.run_import(other, other.local_user_id(), source)
    assert result.rows > 0 and dirty(other) > 0
    same(other, periods_around(TODAY))


def test_a_figure_recomputes_only_the_marked_days_up_to_its_end(db, actor):
    # A day's rows count only the cases dated on it, so the figures up to a day need no later
    # day recomputed (a self-test's month before the first case, after a demo of 1M cases:
    # ~30 s for every day of the file).
    run_demo(db, actor, cases=200, seed=6, today=TODAY)
    with db.read() as session:
        marked = sorted(session.scalars(select(FigureDirty.day)))
    first, cut = marked[0], marked[len(marked) // 2]
    with db.engine.begin() as conn:  # the later days' rows wrong: they are still marked
        conn.execute(text("DELETE FROM figure_days WHERE day > :cut"), {"cut": cut})
    for f, t in ((first, cut), (cut.replace(day=1), cut), (first, first)):
        assert (stats.figures(db, f, t, TODAY).to_dict()
                == stats.figures(db, f, t, TODAY, direct=True).to_dict()), (f, t)
    for kind in stats.KINDS:
        assert (stats.kind_figures(db, kind, first, cut, TODAY)
                == stats.kind_figures(db, kind, first, cut, TODAY, direct=True))
        assert (stats.breakdown(db, kind, "street", first, cut)
                == stats.breakdown(db, kind, "street", first, cut, direct=True))
    with db.read() as session:
        assert sorted(session.scalars(select(FigureDirty.day))) == [d for d in marked if d > cut]
    same(db, periods_around(TODAY))  # a figure up to today recomputes the rest
    assert dirty(db) == 0


@st.composite
def odd_rows(draw):
    """Random cases as test_stats draws them, some made irregular: closed before accepted,
    due before accepted, closed or rejected without 受理日期, in_progress with a 办结日期."""
    cases, f, t, today = draw(cases_and_period(max_size=40))
    for c in cases:
        twist = draw(st.sampled_from(("none",) * 6 + ("closed_early", "due_early", "no_accept",
                                                      "open_closed")))
        if twist == "closed_early" and c["accepted_on"] is not None:
            c["closed_on"] = c["accepted_on"] - timedelta(days=draw(st.integers(1, 30)))
        elif twist == "due_early" and c["accepted_on"] is not None:
            c["due_on"] = c["accepted_on"] - timedelta(days=draw(st.integers(1, 30)))
        elif twist == "no_accept" and c["closed_on"] is not None:
            c["accepted_on"] = None
        elif twist == "open_closed" and c["accepted_on"] is not None:
            c["status"], c["closed_on"] = "in_progress", c["accepted_on"] + timedelta(days=3)
    return cases, f, t, today


@pytest.fixture(scope="module")
def shared_db(module_db):
    database = module_db("figure_days_random")
    yield database
    database.dispose()


@EXAMPLES
@given(odd_rows())
def test_random_rows_including_irregular_ones(shared_db, drawn):
    cases, f, t, today = drawn
    load(shared_db, cases)  # Core inserts: the triggers mark the days
    fast = stats.figures(shared_db, f, t, today).to_dict()
    assert fast == stats.figures(shared_db, f, t, today, direct=True).to_dict()
    y = f.year
    assert (stats.month_series(shared_db, y, f.month, 3, today=today)
            == stats.month_series(shared_db, y, f.month, 3, today=today, direct=True))


def test_check_finds_rows_out_of_step_and_repair_rebuilds(demo_db):
    stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY)
    assert days.out_of_step(demo_db) == 0
    with demo_db.engine.begin() as conn:  # behind the program's back: no trigger sees it
        conn.execute(update(FigureDay).where(FigureDay.name == "received").values(n=FigureDay.n + 1))
        conn.execute(insert(FigureDayGroup).values(kind="petition", day=date(2020, 1, 1),
                                                   dimension="street", value="无", office_id=1,
                                                   received=1, accepted=0, closed=0))
    assert days.out_of_step(demo_db) > 0
    assert any("统计汇总" in p for p in days.problems(demo_db))
    assert days.rebuild(demo_db) > 0
    assert dirty(demo_db) == 0 and days.out_of_step(demo_db) == 0
    assert not days.problems(demo_db)
    same(demo_db, periods_around(TODAY)[:4])


def test_a_read_only_or_tableless_read_counts_directly(demo_db, monkeypatch):
    expected = stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY, direct=True)
    monkeypatch.setattr(demo_db, "readonly", True)
    with days.reading(demo_db) as (_session, fast):
        assert not fast
    assert stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31), TODAY) == expected


def test_a_failed_write_marks_nothing_and_leaves_the_sums(db, actor):
    ref = new_petition(db, actor)
    same(db, periods_around(TODAY)[:3])
    with pytest.raises(RuntimeError):
        with db.write() as session:
            session.execute(update(Case).where(Case.id == ref.id)
                            .values(received_on=date(2025, 5, 5)))
            raise RuntimeError("crash before commit")
    assert dirty(db) == 0
    same(db, periods_around(TODAY)[:3])


def test_offices_count_only_their_cases(demo_db):
    """A district's figures per office: the day sums keep to ``offices`` and to the
    program's scope (Database.scope) exactly as the direct aggregate does."""
    second = 2
    with demo_db.engine.begin() as conn:  # every third case to a second office
        conn.execute(insert(Office).values(id=second, code="D02", name="东城街道",
                                           created_at=datetime(2026, 1, 1)))
        conn.execute(update(Case).where(Case.id % 3 == 0).values(office_id=second))
    year = (date(2026, 1, 1), TODAY)
    for offices in ([1], [second], [1, second], None):
        fast = stats.figures(demo_db, *year, TODAY, offices=offices).to_dict()
        assert fast == stats.figures(demo_db, *year, TODAY, offices=offices, direct=True).to_dict()
        assert (stats.month_series(demo_db, 2026, 1, 11, today=TODAY, offices=offices)
                == stats.month_series(demo_db, 2026, 1, 11, today=TODAY, offices=offices,
                                      direct=True))
        for kind in stats.KINDS:
            assert (dashboard.snapshot(demo_db, kind, *year, TODAY, offices=offices)
                    == dashboard.snapshot(demo_db, kind, *year, TODAY, offices=offices,
                                          direct=True))
    one = stats.figures(demo_db, *year, TODAY, offices=[1]).petitions.received
    other = stats.figures(demo_db, *year, TODAY, offices=[second]).petitions.received
    assert one and other and one + other == stats.figures(demo_db, *year, TODAY).petitions.received
    demo_db.scope = frozenset({second})
    try:
        assert stats.figures(demo_db, *year, TODAY).to_dict() == stats.figures(
            demo_db, *year, TODAY, direct=True).to_dict()
        assert stats.figures(demo_db, *year, TODAY).petitions.received == other
        assert stats.figures(demo_db, *year, TODAY, offices=[1]).petitions.received == 0
    finally:
        demo_db.scope = None
        with demo_db.engine.begin() as conn:
            conn.execute(update(Case).values(office_id=1))


@pytest.mark.sqlite_only("the release 0.1.0 SQLite file")
def test_migration_0013_fills_the_tables_of_an_upgraded_file(tmp_path):
    """The 0.1.0 fixture upgraded through 0013: every day of its cases marked, and the first
    reads (each recomputing the marked days up to its end) give the direct aggregate's figures (tests/test_upgrade_fixture.py checks those
    against what 0.1.0 printed)."""
    fixture = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"
    copy = tmp_path / "casedesk.db"
    shutil.copyfile(fixture, copy)
    upgraded = open_database(str(copy), backup_before_upgrade=False)
    try:
        assert dirty(upgraded) > 0
        with upgraded.read() as session:
            cases = session.scalar(select(func.count()).select_from(Case))
        assert cases > 0
        for year in (2023, 2024, 2025, 2026):
            f, t = date(year, 1, 1), date(year, 12, 31)
            assert (stats.figures(upgraded, f, t, t).to_dict()
                    == stats.figures(upgraded, f, t, t, direct=True).to_dict())
        with upgraded.read() as session:  # a later day (a deadline in 2027) waits its turn
            left = session.scalars(select(FigureDirty.day)).all()
        assert all(d > date(2026, 12, 31) for d in left) and days.out_of_step(upgraded) == 0
        with upgraded.read() as session:
            assert session.scalar(select(func.count()).select_from(Case)) == cases
    finally:
        upgraded.dispose()
