"""caseapp.figures.dashboard: the snapshot's numbers are stats' figures, and each opens exactly its
cases through queries.CaseFilter."""

from __future__ import annotations

from datetime import date

import pytest

from caseapp import queries
from caseapp import workflow as wf
from caseapp.demo.generator import run_demo
from caseapp.figures import dashboard, stats

TODAY = date(2026, 3, 20)


@pytest.fixture(scope="module")
def demo_db(module_db):
    db = module_db("cases")
    run_demo(db, db.local_user_id(), cases=1500, seed=3, today=TODAY)
    yield db
    db.dispose()


def count(db, **kw) -> int:
    return queries.count(db, queries.CaseFilter(**kw))


@pytest.mark.parametrize("kind", ["petition", "dispute"])
@pytest.mark.parametrize("period", ["this_month", "last_month", "this_year", "last_year"])
def test_snapshot_numbers_are_the_figures(demo_db, kind, period):
    f, t = dashboard.period_range(period, TODAY)
    snap = dashboard.snapshot(demo_db, kind, f, t, TODAY)
    fig = stats.figures(demo_db, f, t)
    section = fig.of(kind)

    # The charts' period.
    assert snap.received == section.received
    assert snap.closed == section.closed
    assert [(b.name, b.count) for b in snap.by_category] == \
        [(r.name, r.received) for r in fig.by_category.of(kind) if r.received]
    assert sorted((b.name, b.count) for b in snap.by_street) == \
        sorted((r.name, r.received) for r in fig.by_street.of(kind) if r.received)
    outcomes = {b.name: b.count for b in snap.outcomes}
    assert sum(outcomes.values()) == snap.closed
    if kind == "dispute":
        assert outcomes.get(wf.MEDIATED, 0) == fig.disputes.succeeded
        assert outcomes.get(wf.MEDIATED, 0) + outcomes.get(wf.MEDIATION_FAILED, 0) == \
            fig.disputes.concluded
    else:
        assert outcomes.get(wf.DIVERTED, 0) == fig.petitions.diverted

    # The tiles: this month and this year so far, and the periods they are compared with.
    spans = dashboard.tile_periods(TODAY)
    for tile in snap.tiles:
        for value, now, before in ((tile.month, "month", "prev_month"),
                                   (tile.year, "year", "prev_year")):
            assert (value.date_from, value.date_to) == spans[now]
            assert (value.prev_from, value.prev_to) == spans[before]
            cur = stats.kind_figures(demo_db, kind, *spans[now])
            prev = stats.kind_figures(demo_db, kind, *spans[before])
            assert value.num == cur.count(tile.numerator)
            assert value.prev_num == prev.count(tile.numerator)
            if tile.denominator:
                assert value.den == cur.count(tile.denominator)
                assert value.text == stats.format_rate(value.num, value.den)
                assert stats.RATES[kind][tile.key] == (tile.numerator, tile.denominator)
            else:
                assert value.text == f"{value.num:,}"

    # Twelve months ending with the period's month, each month's own figures.
    assert len(snap.months) == 12
    assert snap.months[-1].date_to == stats.month_range(t.year, t.month)[1]
    for m in snap.months[::3]:
        month = stats.kind_figures(demo_db, kind, m.date_from, m.date_to)
        assert (m.received, m.handled, m.closed) == \
            (month.received, month.handled, month.closed)


@pytest.mark.parametrize("kind", ["petition", "dispute"])
def test_every_number_opens_exactly_its_cases(demo_db, kind):
    f, t = dashboard.period_range("this_year", TODAY)
    snap = dashboard.snapshot(demo_db, kind, f, t, TODAY)
    for tile in snap.tiles:
        for value in (tile.month, tile.year):
            assert count(demo_db, kind=kind, figure=(tile.numerator, value.date_from,
                                                     value.date_to)) == value.num
    for bar in snap.by_category:
        assert count(demo_db, kind=kind, category=bar.name,
                     figure=("received", f, t)) == bar.count
    for bar in snap.by_street:
        assert count(demo_db, kind=kind, street=bar.name,
                     figure=("received", f, t)) == bar.count
    for bar in snap.outcomes:
        assert count(demo_db, kind=kind, outcome=bar.name,
                     figure=("closed", f, t)) == bar.count
    for m in snap.months:
        assert count(demo_db, kind=kind, figure=("closed", m.date_from, m.date_to)) == m.closed


def test_outcome_filter(demo_db):
    closed = queries.case_ids(demo_db, queries.CaseFilter(kind="dispute", statuses=("closed",)))
    rows = queries.case_rows(demo_db, closed)
    for outcome in wf.DISPUTE_OUTCOMES:
        expected = {r.id for r in rows if r.outcome == outcome}
        got = set(queries.case_ids(demo_db, queries.CaseFilter(kind="dispute", outcome=outcome)))
        assert got == expected and expected


def test_changes_on_the_previous_period():
    value = dashboard.TileValue(date(2026, 3, 1), TODAY, 60, 63, date(2026, 2, 1),
                                date(2026, 2, 28), 22, 22, )
    # 95.2% against 100%: the change between the printed rates, in tenths of a point.
    assert value.text == "95.2%"
    assert value.change == -48
    assert dashboard.TileValue(TODAY, TODAY, 1, 2, TODAY, TODAY, 0, 0).change is None
    assert dashboard.TileValue(TODAY, TODAY, 7, None, TODAY, TODAY, 9, None).change == -2


def test_periods():
    assert dashboard.period_range("this_month", TODAY) == (date(2026, 3, 1), TODAY)
    assert dashboard.period_range("last_month", TODAY) == (date(2026, 2, 1), date(2026, 2, 28))
    assert dashboard.period_range("last_year", TODAY) == (date(2025, 1, 1), date(2025, 12, 31))
    assert dashboard.same_day_last_year(date(2028, 2, 29)) == date(2027, 2, 28)
    # 本月至今 against 上月同期: the same days of last month, clipped to its length.
    assert dashboard.tile_periods(date(2026, 1, 10))["prev_month"] == \
        (date(2025, 12, 1), date(2025, 12, 10))
    assert dashboard.tile_periods(date(2026, 3, 31))["prev_month"] == \
        (date(2026, 2, 1), date(2026, 2, 28))
    assert dashboard.tile_periods(date(2026, 12, 1))["prev_month"] == \
        (date(2026, 11, 1), date(2026, 11, 1))
    spans = dashboard.month_spans(date(2026, 3, 5))
    assert spans[0] == (date(2025, 4, 1), date(2025, 4, 30))
    assert spans[-1] == (date(2026, 3, 1), date(2026, 3, 31))
    with pytest.raises(Exception, match="截止日期"):
        dashboard.snapshot(None, "petition", date(2026, 3, 2), date(2026, 3, 1), TODAY)
