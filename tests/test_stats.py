"""The figures of docs/domain.md §5 against a plain Python reference over random cases."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from math import floor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, insert, select

from caseapp import deadlines, queries, services
from caseapp import workflow as wf
from caseapp.errors import ValidationError
from caseapp.figures import baseline, stats
from caseapp.figures.model import (
    Breakdown,
    BreakdownRow,
    DisputeFigures,
    Figures,
    PetitionFigures,
    WorkFigures,
)
from caseapp.storage.models import Agreement, Case

BASE = date(2025, 1, 1)
STREETS = ("马鞍街道", "江北街道", "", None)
HANDLERS = ("周志强", "李红", None)
PETITION_CATEGORIES = wf.DEFAULT_PETITION_CATEGORIES[:3]
DISPUTE_CATEGORIES = wf.DEFAULT_DISPUTE_CATEGORIES[:3]

# The autouse fixture of conftest.py only sets an environment variable: sharing it between
# examples is harmless, so hypothesis's function-scoped-fixture check is suppressed.
EXAMPLES = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def shared_db(module_db):
    """One database for all examples of the module; each example replaces the cases."""
    database = module_db("stats")
    yield database
    database.dispose()


# ---------------------------------------------------------------------------
# Random cases that follow the life cycle.


@st.composite
def a_case(draw) -> dict:
    kind = draw(st.sampled_from(stats.KINDS))
    petition = kind == stats.PETITION
    states = ["registered", "in_progress", "closed"] + (["rejected"] if petition else [])
    state = draw(st.sampled_from(states))
    received = BASE + timedelta(days=draw(st.integers(0, 500)))
    accepted = closed = outcome = None
    extended = False
    if state in ("in_progress", "closed"):
        accepted = received + timedelta(days=draw(st.integers(0, 40)))
        extended = draw(st.booleans())
    if state == "closed":
        closed = accepted + timedelta(days=draw(st.integers(0, 150)))
        # 转送 is the fifth petition outcome docs/domain.md §5 counts before any act sets it.
        outcome = draw(st.sampled_from(wf.outcomes_for(kind) + (("转送",) if petition else ())))
    if state == "rejected":
        # Rejected on intake, or (as import allows) a row with 受理日期 and 不予受理.
        if draw(st.booleans()):
            accepted = received + timedelta(days=draw(st.integers(0, 10)))
        closed = (accepted or received) + timedelta(days=draw(st.integers(0, 30)))
        outcome = wf.REJECTED
    succeeded = outcome == wf.MEDIATED
    # An agreement of either form (a success needs one; others may carry one from a reopen).
    form = draw(st.sampled_from(wf.AGREEMENT_FORMS + (None,))) if not petition else None
    applied = succeeded and draw(st.booleans())
    return {
        "kind": kind,
        "status": state,
        "outcome": outcome,
        "category": draw(st.sampled_from(PETITION_CATEGORIES if petition else DISPUTE_CATEGORIES)),
        "source": draw(st.sampled_from(wf.sources_for(kind)[:2] + (None,))),
        "street": draw(st.sampled_from(STREETS)),
        "handler": draw(st.sampled_from(HANDLERS)),
        "received_on": received,
        "accepted_on": accepted,
        "closed_on": closed,
        "extended": extended,
        "due_on": deadlines.due_on(kind, received, accepted, extended),
        "via_proxy": petition and draw(st.booleans()),
        "entered": petition and state != "registered" and draw(st.booleans()),
        "performed": outcome == wf.MEDIATED and draw(st.booleans()),
        "satisfaction": draw(st.sampled_from(wf.SATISFACTION + (None,))) if petition else None,
        "amount": draw(st.one_of(st.none(), st.builds(lambda c: Decimal(c) / 100,
                                                      st.integers(0, 10**9)))),
        "judicial_applied_on": (closed + timedelta(days=draw(st.integers(1, 20)))
                                if applied and closed else None),
        "judicial_result": (draw(st.sampled_from(("人民法院裁定确认调解协议有效", "确认有效", "驳回",
                                                  "撤回", None))) if applied else None),
        "agreement_form": form,
        "deleted": draw(st.sampled_from([False, False, False, False, True])),
    }


@st.composite
def cases_and_period(draw, max_size: int = 60) -> tuple[list[dict], date, date, date]:
    """Cases, a period and the day the figures are made ("today"): the period's ends and
    today often fall on (or next to) a date of some case, so the boundaries of every
    definition (≤ versus <) are exercised; today falls before, inside or after the period."""
    cases = draw(st.lists(a_case(), max_size=max_size))
    by_field = [sorted({c[k] for c in cases if c[k] is not None})
                for k in ("due_on", "closed_on", "accepted_on", "received_on")]
    nudge = st.sampled_from((0, 0, 1, -1))

    def some_day(not_after: date | None = None):
        options = [st.builds(lambda n: BASE + timedelta(days=n), st.integers(-30, 760))]
        for days in by_field:
            days = [d for d in days if not_after is None or d <= not_after]
            if days:
                options.append(st.builds(lambda d, k: d + timedelta(days=k),
                                         st.sampled_from(days), nudge))
        return draw(st.one_of(options))

    t = some_day()
    f = some_day(not_after=t)
    if f > t:  # a nudge or the free choice went past t
        f = t - timedelta(days=draw(st.integers(0, 400)))
    today = draw(st.one_of(
        st.just(t),  # the period has just ended
        st.builds(lambda n: f + timedelta(days=n), st.integers(0, max(0, (t - f).days))),
        st.builds(lambda: some_day())))
    return cases, f, t, today


# The columns a hand-written case may leave out.
OPTIONAL = {"satisfaction": None, "amount": None, "judicial_applied_on": None,
            "judicial_result": None}


def load(db, cases: list[dict]) -> None:
    rows, agreements = [], []
    for i, c in enumerate(cases):
        row = {**OPTIONAL, **{k: v for k, v in c.items() if k not in ("deleted", "agreement_form")}}
        row.update(id=i + 1, number=f"T{i:05d}", summary=f"测试{i}", created_at=datetime(2025, 1, 1),
                   deleted_at=datetime(2026, 1, 2) if c["deleted"] else None, version=1)
        rows.append(row)
        if c.get("agreement_form"):
            agreements.append({"case_id": i + 1, "form": c["agreement_form"],
                               "signed_on": c["closed_on"] or c["received_on"], "terms": "[]"})
    with db.engine.begin() as conn:
        conn.execute(delete(Agreement))
        conn.execute(delete(Case))
        if rows:
            conn.execute(insert(Case), rows)
        if agreements:
            conn.execute(insert(Agreement), agreements)


# ---------------------------------------------------------------------------
# The plain reference, written from docs/domain.md §5 without looking at stats.py.


def read_back(db) -> list:
    """The cases as stored, each with its agreement's form (agreement_form, None without)."""
    stmt = (select(Case.__table__, Agreement.form.label("agreement_form"))
            .outerjoin(Agreement, Agreement.case_id == Case.id))
    with db.engine.connect() as conn:
        return list(conn.execute(stmt))


def reference_counts(rows, kind: str, f: date, t: date, today: date | None = None) -> dict[str, int]:
    rows = [r for r in rows if r.kind == kind and r.deleted_at is None]
    a = t if today is None else min(t, today)  # deadlines measured as of A, never after today

    def received(r):
        return f <= r.received_on <= t

    def handled(r):
        return (r.accepted_on is not None and r.accepted_on <= t
                and (r.closed_on is None or r.closed_on >= f) and r.status != "rejected")

    def closed(r):
        return handled(r) and r.closed_on is not None and r.closed_on <= t

    def succeeded(r):
        return closed(r) and r.outcome == "调解成功"

    tests = {
        "received": received,
        "handled": handled,
        "closed": closed,
        "closed_on_time": lambda r: closed(r) and r.due_on is not None and r.closed_on <= r.due_on,
        "overdue_open": lambda r: (handled(r) and (r.closed_on is None or r.closed_on > a)
                                   and r.due_on is not None and r.due_on < a),
    }
    def rated(r):
        return closed(r) and r.satisfaction not in (None, "未评价")

    def applied(r):
        return succeeded(r) and r.judicial_applied_on is not None

    def nothing(r):  # a figure whose data is not recorded yet (model.NO_DATA)
        return False

    if kind == "petition":
        tests.update(
            rejected=lambda r: received(r) and r.outcome == "不予受理",
            proxy=lambda r: handled(r) and r.via_proxy,
            entered=lambda r: handled(r) and r.entered,
            diverted=lambda r: closed(r) and r.outcome == "转人民调解",
            transferred=lambda r: closed(r) and r.outcome == "转送",
            supervised=nothing,  # no 督办 in these rows: counted in tests/test_petition_acts.py
            reviews=lambda r: received(r) and r.review_stage in ("复查", "复核"),
            rated=rated,
            satisfied=lambda r: rated(r) and r.satisfaction in ("满意", "基本满意"),
        )
    else:
        tests.update(
            concluded=lambda r: closed(r) and r.outcome in ("调解成功", "调解不成"),
            succeeded=succeeded,
            performed=lambda r: succeeded(r) and r.performed,
            oral=lambda r: succeeded(r) and r.agreement_form == "口头协议",
            written=lambda r: succeeded(r) and r.agreement_form == "书面协议",
            confirmation_applied=applied,
            confirmed=lambda r: applied(r) and "有效" in (r.judicial_result or ""),
            prevented_crime=nothing,
            prevented_group_petition=nothing,
            prevented_group_fight=nothing,
            prevented_suicide=nothing,
            major=nothing,
        )
    return {name: sum(1 for r in rows if test(r)) for name, test in tests.items()}


def reference_amount(rows, f: date, t: date, today: date | None = None) -> float:
    """协议涉及金额: the sum of 涉及金额 over the succeeded disputes, in yuan."""
    ids = {r.id for r in rows if r.kind == "dispute" and r.deleted_at is None}
    picked = [r for r in rows if r.id in ids]
    total = Decimal(0)
    for r in picked:
        one = reference_counts([r], "dispute", f, t, today)
        if one["succeeded"] and r.amount is not None:
            total += Decimal(r.amount)
    return float(total.quantize(Decimal("0.01")))


def reference_rate(num: int, den: int) -> float | None:
    if den == 0:
        return None
    return floor(Fraction(num, den) * 10000 + Fraction(1, 2)) / 10000


def reference_section(rows, kind: str, f: date, t: date, today: date | None = None) -> dict:
    c = reference_counts(rows, kind, f, t, today)
    out = dict(c)
    out["closure_rate"] = reference_rate(c["closed"], c["handled"])
    out["on_time_rate"] = reference_rate(c["closed_on_time"], c["closed"])
    if kind == "petition":
        out["entry_rate"] = reference_rate(c["entered"], c["handled"])
        out["satisfaction_rate"] = reference_rate(c["satisfied"], c["rated"])
    else:
        out["success_rate"] = reference_rate(c["succeeded"], c["concluded"])
        out["mediation_rate"] = reference_rate(c["concluded"], c["handled"])
        out["performance_rate"] = reference_rate(c["performed"], c["succeeded"])
        out["agreement_amount"] = reference_amount(rows, f, t, today)
    return out


def reference_breakdown(rows, kind: str, dimension: str, f: date, t: date,
                        today: date | None = None) -> list[dict]:
    groups = defaultdict(list)
    for r in rows:
        groups[getattr(r, dimension) or "未填写"].append(r)
    out = []
    for name, members in groups.items():
        c = reference_counts(members, kind, f, t, today)
        if c["received"] or c["handled"] or c["closed"]:
            out.append({dimension: name, "received": c["received"], "handled": c["handled"],
                        "closed": c["closed"],
                        "closure_rate": reference_rate(c["closed"], c["handled"])})
    return sorted(out, key=lambda row: (-row["received"], row[dimension]))


# ---------------------------------------------------------------------------
# Figures against the reference.


@EXAMPLES
@given(data=cases_and_period())
def test_figures_match_the_reference(shared_db, data):
    cases, f, t, today = data
    load(shared_db, cases)
    rows = read_back(shared_db)
    fig = stats.figures(shared_db, f, t, today).to_dict()  # the JSON of `caseapp stats --json`

    assert fig["from"] == f.isoformat() and fig["to"] == t.isoformat()
    assert fig["as_of"] == min(t, today).isoformat()
    for kind, section in (("petition", "petitions"), ("dispute", "disputes")):
        expected = reference_section(rows, kind, f, t, today)
        assert fig[section] == expected
        assert list(fig[section]) == list(stats.FIELDS[kind])  # the order of docs/domain.md
    # No work log is kept yet: its figures are 0 (docs/domain.md §5).
    assert fig["work"] == {"screenings": 0, "screenings_found": 0, "security_events": 0,
                           "concentrated_screenings": 0}
    for dimension in ("category", "source", "street", "handler"):
        for kind, section in (("petition", "petitions"), ("dispute", "disputes")):
            assert fig[f"by_{dimension}"][section] == reference_breakdown(
                rows, kind, dimension, f, t, today), (dimension, kind)


@EXAMPLES
@given(data=cases_and_period(max_size=40))
def test_condition_selects_exactly_the_cases_counted(shared_db, data):
    cases, f, t, today = data
    load(shared_db, cases)
    fig = stats.figures(shared_db, f, t, today)
    with shared_db.read() as session:
        for kind in stats.KINDS:
            section = fig.of(kind)
            for name in stats.COUNTS[kind]:
                cond = stats.condition(kind, name, f, t, today)
                n = session.scalar(select(func.count()).select_from(Case).where(cond))
                assert n == section.count(name), (kind, name)
                # The drill-down lists exactly these cases too.
                flt = queries.CaseFilter(kind=kind, figure=(name, f, t), today=today)
                assert queries.count(shared_db, flt) == n
                assert len(queries.case_ids(shared_db, flt)) == n


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=st.lists(a_case(), max_size=60), year=st.sampled_from([2025, 2026]))
def test_monthly_series_and_bare_sql_agree_with_figures(shared_db, cases, year):
    load(shared_db, cases)
    series = stats.monthly_series(shared_db, year)
    assert [m.month for m in series] == [f"{year}-{m:02d}" for m in range(1, 13)]
    for m, entry in enumerate(series, start=1):
        fig = stats.figures(shared_db, *stats.month_range(year, m))
        assert entry.petitions.to_dict() == fig.petitions.to_dict()
        assert entry.disputes.to_dict() == fig.disputes.to_dict()
        if m in (2, 12):
            assert stats.kind_figures(shared_db, "dispute", *stats.month_range(year, m)) == \
                fig.disputes

    fig = stats.figures(shared_db, date(year, 1, 1), date(year, 12, 31))
    bare = baseline.bare_sql_year(shared_db, year)
    grouped = baseline.bare_sql_year(shared_db, year, grouped=True)
    for kind in stats.KINDS:
        section = stats.SECTION[kind]
        assert bare[section] == grouped[section] == fig.of(kind).counts()
        # The one-dimension breakdown() is the same as the roll-up figures() makes.
        for dimension in stats.BREAKDOWN_KEYS:
            assert stats.breakdown(shared_db, kind, dimension, date(year, 1, 1),
                                   date(year, 12, 31)) == fig.breakdown(dimension).of(kind)


def petition_row(received, accepted=None, closed=None, outcome=None, status=None):
    if status is None:
        status = "closed" if closed else ("in_progress" if accepted else "registered")
    if closed and outcome is None:
        outcome = "支持"
    return {"kind": "petition", "status": status, "outcome": outcome, "category": "其他",
            "source": None, "street": None, "handler": None, "received_on": received,
            "accepted_on": accepted, "closed_on": closed, "extended": False,
            "due_on": deadlines.due_on("petition", received, accepted, False), "via_proxy": False,
            "entered": False, "performed": False, "deleted": False}


def test_the_boundaries_of_the_period(shared_db):
    """Each ≤ / < of docs/domain.md §5 on its boundary, for March 2026."""
    d = date
    cases = [
        petition_row(d(2026, 1, 30), d(2026, 1, 30)),  # due 03-31 = T: open, not yet overdue
        petition_row(d(2026, 1, 1), d(2026, 1, 1)),  # due 03-02: overdue at T
        petition_row(d(2026, 2, 1), d(2026, 2, 1), d(2026, 3, 1)),  # closed on F
        petition_row(d(2026, 1, 9), d(2026, 1, 9), d(2026, 3, 10)),  # closed on its due day
        petition_row(d(2026, 1, 9), d(2026, 1, 9), d(2026, 3, 11)),  # a day late
        petition_row(d(2026, 3, 31), d(2026, 3, 31)),  # received and accepted on T
        petition_row(d(2026, 3, 1), d(2026, 3, 1), d(2026, 3, 31)),  # received on F, closed on T
        petition_row(d(2026, 1, 5), d(2026, 1, 5), d(2026, 2, 28)),  # closed the day before F
        petition_row(d(2026, 2, 28)),  # received the day before F, still registered
        petition_row(d(2026, 4, 1)),  # received the day after T
        # Rejected (an imported row may carry 受理日期): received, never handled.
        petition_row(d(2026, 3, 5), d(2026, 3, 5), d(2026, 3, 6), "不予受理", "rejected"),
        petition_row(d(2026, 1, 19), d(2026, 1, 19), d(2026, 4, 5)),  # due 03-20, closed after T
    ]
    load(shared_db, cases)
    f, t = date(2026, 3, 1), date(2026, 3, 31)
    pet = stats.figures(shared_db, f, t).petitions.to_dict()
    assert {k: pet[k] for k in ("received", "handled", "closed", "closed_on_time",
                                "overdue_open", "rejected")} == {
        "received": 3, "handled": 8, "closed": 4, "closed_on_time": 3, "overdue_open": 2,
        "rejected": 1}
    assert pet == reference_section(read_back(shared_db), "petition", f, t)


def test_breakdown_is_the_figures_rows(shared_db):
    load(shared_db, [
        {"kind": "dispute", "status": "closed", "outcome": "调解成功", "category": c,
         "source": None, "street": s, "handler": None, "received_on": date(2026, 2, d),
         "accepted_on": date(2026, 2, d), "closed_on": date(2026, 3, 1), "extended": False,
         "due_on": date(2026, 3, d), "via_proxy": False, "entered": False, "performed": True,
         "deleted": False}
        for d, c, s in ((1, "邻里纠纷", "马鞍街道"), (2, "合同纠纷", None), (3, "邻里纠纷", ""))
    ])
    f, t = date(2026, 2, 1), date(2026, 2, 28)
    rows = stats.breakdown(shared_db, "dispute", "category", f, t)
    assert [r.keyed("category") for r in rows] == [
        {"category": "邻里纠纷", "received": 2, "handled": 2, "closed": 0, "closure_rate": 0.0},
        {"category": "合同纠纷", "received": 1, "handled": 1, "closed": 0, "closure_rate": 0.0},
    ]
    streets = stats.breakdown(shared_db, "dispute", "street", f, t)
    assert [(r.name, r.received) for r in streets] == [("未填写", 2), ("马鞍街道", 1)]
    assert stats.figures(shared_db, f, t).by_street.disputes == streets
    assert list(stats.breakdown(shared_db, "petition", "street", f, t)) == []


def test_a_reversed_period_is_refused(shared_db):
    with pytest.raises(ValidationError):
        stats.figures(shared_db, date(2026, 3, 31), date(2026, 3, 1))


def test_unknown_figure_is_an_error():
    with pytest.raises(ValueError):
        stats.condition("dispute", "proxy", date(2026, 1, 1), date(2026, 1, 31))


# ---------------------------------------------------------------------------
# Figures of cases made by the services, end to end.


def test_figures_of_a_real_life_cycle(db, actor):
    today = date.today()
    day = today - timedelta(days=40)
    p = services.register_petition(
        db, actor, services.CaseInput(summary="拖欠工资", category="劳动社保", received_on=day,
                                      street="马鞍街道", via_proxy=True),
        [services.PartyInput(name="张秀英", role="信访人")])
    services.accept(db, actor, p.id, on=day)
    services.mark_entered(db, actor, p.id)
    dispute = services.divert(db, actor, p.id, on=day + timedelta(days=5),
                              dispute_category="劳动争议纠纷")
    services.accept(db, actor, dispute.id, on=day + timedelta(days=5))
    services.record_agreement(db, actor, dispute.id, "书面协议", day + timedelta(days=6),
                              ["一次性支付工资8000元"])
    services.close(db, actor, dispute.id, "调解成功", on=day + timedelta(days=6))
    gone = services.register_petition(
        db, actor, services.CaseInput(summary="已删除的件", category="其他", received_on=day),
        [services.PartyInput(name="王五", role="信访人")])
    services.delete_case(db, actor, gone.id, "重复登记")
    r = services.register_petition(
        db, actor, services.CaseInput(summary="不属受理范围", category="其他", received_on=day),
        [services.PartyInput(name="赵六", role="信访人")])
    services.reject(db, actor, r.id, "属诉讼途径", on=day)

    fig = stats.figures(db, day, today)
    pet, dis = fig.petitions, fig.disputes
    assert (pet.received, pet.handled, pet.closed, pet.rejected) == (2, 1, 1, 1)
    assert (pet.proxy, pet.entered, pet.diverted, pet.closed_on_time) == (1, 1, 1, 1)
    assert pet.closure_rate == 1.0 and pet.entry_rate == 1.0
    assert (dis.received, dis.handled, dis.closed, dis.succeeded) == (1, 1, 1, 1)
    assert dis.concluded == 1 and dis.performed == 0 and dis.performance_rate == 0.0
    assert fig.to_dict()["by_category"]["disputes"] == [
        {"category": "劳动争议纠纷", "received": 1, "handled": 1, "closed": 1, "closure_rate": 1.0}]
    assert fig.by_source.disputes[0].name == "信访转入"
    services.record_performance(db, actor, dispute.id, True)
    assert stats.figures(db, day, today).disputes.performance_rate == 1.0
    # Before the period nothing was received or handled.
    before = stats.figures(db, day - timedelta(days=30), day - timedelta(days=1))
    assert before.petitions.received == before.petitions.handled == 0
    assert before.petitions.closure_rate is None


# ---------------------------------------------------------------------------
# Rates and the printed forms.


@pytest.mark.parametrize("num, den, text", [
    (22, 22, "100%"), (60, 63, "95.2%"), (102, 151, "67.5%"), (1, 8, "12.5%"),
    (1, 3, "33.3%"), (2, 3, "66.7%"), (0, 5, "0%"), (1, 2000, "0.1%"), (1, 2001, "0%"),
    (3, 0, "—"), (0, 0, "—"), (1999, 2000, "100%"), (1, 1000000, "0%"),
])
def test_format_rate(num, den, text):
    assert stats.format_rate(num, den) == text


def test_format_rate_uses_the_counts_not_the_rounded_fraction():
    assert stats.rate(102, 151) == 0.6755
    assert stats.format_rate(102, 151) == "67.5%"  # 0.6755 would print 67.6%


@pytest.mark.parametrize("num, den, value", [
    (22, 22, 1.0), (60, 63, 0.9524), (102, 151, 0.6755), (1, 3, 0.3333), (2, 3, 0.6667),
    (1, 20000, 0.0001), (1, 20001, 0.0), (0, 7, 0.0), (5, 0, None),
])
def test_rate(num, den, value):
    assert stats.rate(num, den) == value


@given(num=st.integers(0, 10**6), extra=st.integers(0, 10**6))
def test_format_rate_rounds_half_up_from_exact_counts(num, extra):
    den = num + extra
    if den == 0:
        assert stats.format_rate(num, den) == "—"
        return
    tenths = floor(Fraction(num * 1000, den) + Fraction(1, 2))
    expected = f"{tenths // 10}%" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}%"
    assert stats.format_rate(num, den) == expected
    assert stats.rate(num, den) == reference_rate(num, den)


def known_figures(as_of: date = date(2025, 12, 31)) -> Figures:
    petitions = {"received": 25, "handled": 22, "closed": 22, "closed_on_time": 20,
                 "overdue_open": 0, "rejected": 1, "proxy": 6, "entered": 22, "diverted": 3}
    disputes = {"received": 63, "handled": 63, "closed": 63, "closed_on_time": 63,
                "overdue_open": 0, "concluded": 63, "succeeded": 60, "performed": 58}
    return Figures(
        date(2025, 1, 1), date(2025, 12, 31), as_of,
        PetitionFigures(**petitions), DisputeFigures(**disputes),
        by_category=Breakdown("category", petitions=(BreakdownRow("劳动社保", 151, 151, 102),)),
        by_source=Breakdown("source"), by_street=Breakdown("street"),
        by_handler=Breakdown("handler"),
    )


def test_annual_sentence():
    assert stats.annual_sentence(known_figures()) == (
        "全年办理信访件22件，已办结22件，办结率100%；完成信访代理件6件，录入完成率100%。"
        "全年调解纠纷63件，调解成功60件，调解成功率95.2%，纠纷调解率100%。"
    )


def test_annual_sentence_with_security_events():
    # docs/domain.md §5: the 安保维稳 sentence after the petitions', only when there were any.
    fig = replace(known_figures(), work=WorkFigures(screenings=40, screenings_found=12,
                                                    security_events=5))
    assert stats.annual_sentence(fig) == (
        "全年办理信访件22件，已办结22件，办结率100%；完成信访代理件6件，录入完成率100%。"
        "组织重大活动安保维稳工作5次。"
        "全年调解纠纷63件，调解成功60件，调解成功率95.2%，纠纷调解率100%。"
    )
    many = replace(fig, work=WorkFigures(security_events=1200))
    assert "组织重大活动安保维稳工作1,200次。" in stats.annual_sentence(many)


def test_annual_sentence_of_a_year_not_yet_over():
    # docs/domain.md §5: for a year not yet over, 全年 reads 本年截至M月D日.
    assert stats.annual_sentence(known_figures(as_of=date(2025, 12, 1))) == (
        "本年截至12月1日办理信访件22件，已办结22件，办结率100%；完成信访代理件6件，录入完成率100%。"
        "本年截至12月1日调解纠纷63件，调解成功60件，调解成功率95.2%，纠纷调解率100%。"
    )


def test_annual_sentence_without_cases(shared_db):
    load(shared_db, [])
    fig = stats.figures(shared_db, date(2025, 1, 1), date(2025, 12, 31))
    assert stats.annual_sentence(fig) == (
        "全年办理信访件0件，已办结0件，办结率—；完成信访代理件0件，录入完成率—。"
        "全年调解纠纷0件，调解成功0件，调解成功率—，纠纷调解率—。"
    )


def test_printable():
    fig = known_figures()
    out = stats.printable(fig)
    assert out["petitions"]["closure_rate"] == "100%"
    assert out["petitions"]["on_time_rate"] == "90.9%"
    assert out["disputes"]["success_rate"] == "95.2%"
    assert out["disputes"]["performance_rate"] == "96.7%"
    assert out["petitions"]["handled"] == 22  # counts stay numbers
    assert out["by_category"]["petitions"][0]["closure_rate"] == "67.5%"
    assert fig.petitions.closure_rate == 1.0  # the JSON figures are left alone
