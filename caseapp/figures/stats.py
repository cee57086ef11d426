"""The figures of docs/domain.md §5, as SQL aggregates.

Every figure is defined once, in ``condition()``: a boolean expression over ``Case`` that
selects exactly the cases the figure counts. ``figures()`` counts those conditions in one
aggregate SELECT per kind, grouped by category, source, street and handler at once (the
headline is the sum of the groups, each breakdown a roll-up of them, so the period's cases
are read once per kind) and returns a ``model.Figures``; ``month_series()`` counts months in
one SELECT per kind; ``breakdown()`` is one GROUP BY query per kind and dimension; and
``queries.CaseFilter(figure=...)`` lists the same cases, so the dashboard's numbers and its
drill-down lists cannot drift apart. The values and their rates are in ``model``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any
from typing import cast as cast_to

from sqlalchemy import (
    Integer,
    and_,
    case,
    cast,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement, Label

from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.figures.model import (
    AMOUNTS,
    BREAKDOWN_KEYS,
    COUNTS,
    DISPUTE,
    FIGURES_OF,
    KINDS,
    PETITION,
    SECTION,
    Breakdown,
    BreakdownRow,
    DisputeFigures,
    Figures,
    KindFigures,
    MonthCounts,
    MonthFigures,
    PetitionFigures,
    format_rate,
    yuan,
)

# Re-exported: callers read the rates, their printed form and the tables of names here too.
from caseapp.figures.model import FIELDS as FIELDS
from caseapp.figures.model import NO_RATE as NO_RATE
from caseapp.figures.model import RATES as RATES
from caseapp.figures.model import rate as rate
from caseapp.figures.work import work_figures
from caseapp.storage.db import Database
from caseapp.storage.models import Agreement, Case, Supervision

UNSET = "未填写"  # the group of cases whose street / handler / source is empty

# The fifth petition outcome (转送, 信访工作条例 Art. 22), set by services.transfer.
TRANSFERRED = wf.TRANSFERRED
SATISFIED = ("满意", "基本满意")
UNRATED = "未评价"
WRITTEN, ORAL = "书面协议", "口头协议"
# The judicial confirmation's result is 确认有效 / 驳回 / 撤回 (services.mediation_acts; migration
# 0007 made an older free text such as "人民法院裁定确认调解协议有效" so): one saying 有效 counts.
CONFIRMED_LIKE = "%有效%"

# Breakdown rows: the dimension -> Case column; the rows' own counts.
DIMENSIONS = {"category": Case.category, "source": Case.source, "street": Case.street,
              "handler": Case.handler}
ROW_COUNTS = BreakdownRow.count_names()

# The footnote every printout carries (docs/domain.md §5), so a reader can check them.
FORMULAS = (
    "登记数：登记日期在统计期内的案件；办理数：受理日期不晚于期末、且期初时尚未办结的案件（含上期结转），"
    "不予受理的信访件不计入办理数；办结数：办理数中办结日期不晚于期末的案件；"
    "超期未结数：办理数中截至统计日仍未办结且已过期限的案件，统计日为期末，统计期尚未结束时为制表当日。",
    "办结率＝办结数÷办理数；按期办结率＝按期办结数÷办结数（办结日期不晚于期限）；"
    "录入完成率＝已录入信访信息系统的办理件÷办理数；调解成功率＝调解成功数÷（调解成功数＋调解不成数）；"
    "纠纷调解率＝（调解成功数＋调解不成数）÷办理数；协议履行率＝已履行数÷调解成功数。",
    "转送数：办结方式为转送的办结件；督办数：有统计期内督办记录的办理件；复查/复核数：登记的复查、复核件；"
    "满意率＝满意数（满意＋基本满意）÷已评价数（办结件中满意度不为未评价者）。",
    "协议涉及金额：调解成功件的涉及金额之和（元）；书面/口头协议数：调解成功件按协议形式计；"
    "申请司法确认数：调解成功件中已申请司法确认者，确认有效数为其中法院确认协议有效者；"
    "预防成效各项：办结件中标记该项者；重大纠纷数：风险等级为重大的办理件。",
    "排查次数：排查台账中日期在统计期内的日常、集中、专项排查记录（零上报不计）；排查发现纠纷数：其发现纠纷数之和；"
    "安保维稳次数：日期在统计期内的安保维稳记录。",
    "结转数＝办理数－办结数，即截至期末仍未办结的办理件；占比＝该项登记数÷登记数合计。",
    "百分比由件数直接计算，四舍五入保留一位小数（末位为0时略去）；分母为0时记“—”；"
    "件数与金额按千位分隔。",
)


def _kind(kind: wf.Kind | str) -> str:
    return wf.Kind(kind).value


# ---------------------------------------------------------------------------
# The single definition of every figure.


def check_period(date_from: date, date_to: date) -> None:
    if date_from > date_to:
        raise ValidationError(Problem("to", "统计截止日期不能早于起始日期"))


def as_of_day(date_to: date, today: date | None = None) -> date:
    """The day A on which a period's deadline figures are measured: its last day, or today
    while it has not ended (a period is never measured as of a day still to come)."""
    return min(date_to, today or date.today())


def scoped_conditions(kind: str, date_from: date, date_to: date,
                      as_of: date) -> dict[str, ColumnElement[bool]]:
    """Each figure of ``kind`` for [F, T] measured as of A (``as_of_day``), without the kind
    and deleted_at tests: for a count under ``scope()``'s WHERE clause (``condition`` adds
    them for a WHERE of its own)."""
    F, T, A = date_from, date_to, as_of
    received = Case.received_on.between(F, T)
    handled = and_(
        Case.accepted_on <= T,
        or_(Case.closed_on.is_(None), Case.closed_on >= F),
        Case.status != wf.Status.REJECTED.value,  # rejected petitions are never handled
    )
    closed = and_(handled, Case.closed_on <= T)
    conds: dict[str, ColumnElement[bool]] = {
        "received": received,
        "handled": handled,
        "closed": closed,
        # A closed case without a deadline (never the case once accepted) is not on time.
        "closed_on_time": and_(closed, Case.due_on.is_not(None), Case.closed_on <= Case.due_on),
        # Open on day A with its deadline already passed by then.
        "overdue_open": and_(handled, or_(Case.closed_on.is_(None), Case.closed_on > A),
                             Case.due_on < A),
    }
    if kind == PETITION:
        rated = and_(closed, Case.satisfaction.is_not(None), Case.satisfaction != UNRATED)
        conds["rejected"] = and_(received, Case.outcome == wf.REJECTED)
        conds["proxy"] = and_(handled, Case.via_proxy.is_(True))
        conds["entered"] = and_(handled, Case.entered.is_(True))
        conds["diverted"] = and_(closed, Case.outcome == wf.DIVERTED)
        conds["transferred"] = and_(closed, Case.outcome == TRANSFERRED)
        conds["supervised"] = and_(handled, _supervised_in(F, T))
        conds["reviews"] = and_(received, Case.review_stage.in_(wf.REVIEW_STAGES))
        conds["rated"] = rated
        conds["satisfied"] = and_(rated, Case.satisfaction.in_(SATISFIED))
    else:
        succeeded = and_(closed, Case.outcome == wf.MEDIATED)
        applied = and_(succeeded, Case.judicial_applied_on.is_not(None))
        conds["concluded"] = and_(closed, Case.outcome.in_((wf.MEDIATED, wf.MEDIATION_FAILED)))
        conds["succeeded"] = succeeded
        conds["performed"] = and_(succeeded, Case.performed.is_(True))
        conds["oral"] = and_(succeeded, _agreement_form(ORAL))
        conds["written"] = and_(succeeded, _agreement_form(WRITTEN))
        conds["confirmation_applied"] = applied
        conds["confirmed"] = and_(applied, Case.judicial_result.like(CONFIRMED_LIKE))
        # 预防成效: closed cases carrying the flag (its figure has the flag's column name);
        # 重大: handled cases of that 风险等级 (services.mediation_acts).
        for name in wf.PREVENTION_FLAGS:
            conds[name] = and_(closed, getattr(Case, name).is_(True))
        conds["major"] = and_(handled, Case.risk_grade == wf.RISK_MAJOR)
    return conds


def _supervised_in(date_from: date, date_to: date) -> ColumnElement[bool]:
    """The case carries a 督办 dated in [F, T] (a correlated EXISTS on supervisions' case_id)."""
    return exists().where(Supervision.case_id == Case.id,
                          Supervision.supervised_on.between(date_from, date_to))


def _agreement_form(form: str) -> ColumnElement[bool]:
    """The case's agreement is of ``form``: a correlated EXISTS served by agreements' unique
    case_id index, evaluated only for the cases the rest of the condition already picked."""
    return exists().where(Agreement.case_id == Case.id, Agreement.form == form)


def scoped_sums(kind: str, date_from: date, date_to: date,
                as_of: date) -> dict[str, ColumnElement[int]]:
    """Each amount of ``kind`` (model.AMOUNTS) as a SUM in cents, exact whatever SQLite
    stores: under ``scope()``'s WHERE clause like ``scoped_conditions``."""
    if kind != DISPUTE:
        return {}
    succeeded = scoped_conditions(kind, date_from, date_to, as_of)["succeeded"]
    cents = cast(func.round(Case.amount * 100), Integer)
    return {"agreement_amount": func.coalesce(func.sum(case((succeeded, cents), else_=0)), 0)}


def measures(kind: str, date_from: date, date_to: date, as_of: date) -> list[Label[int]]:
    """The aggregate columns of every count and amount of ``kind``, in MEASURES order."""
    conds = scoped_conditions(kind, date_from, date_to, as_of)
    sums = scoped_sums(kind, date_from, date_to, as_of)
    return ([count_of(conds[n], n) for n in COUNTS[kind]]
            + [sums[n].label(n) for n in AMOUNTS[kind]])


def measure_names(kind: str) -> tuple[str, ...]:
    return COUNTS[kind] + AMOUNTS[kind]


def kind_value(kind: str, measured: dict[str, int]) -> KindFigures:
    """A kind's figures from its measured counts and amounts (in cents)."""
    values: dict[str, Any] = dict(measured)
    for name in AMOUNTS[kind]:
        values[name] = yuan(values[name])
    return FIGURES_OF[kind](**values)


def scope(kind: str, date_from: date, date_to: date) -> ColumnElement[bool]:
    """The cases of ``kind`` that can count in [F, T] at all: received in it, or accepted and
    open in it. Each arm repeats the kind so that SQLite can serve it from an index
    ((kind, received_on), (kind, closed_on)): a multi-index OR instead of a scan."""
    return and_(
        Case.deleted_at.is_(None),
        or_(
            and_(Case.kind == kind, Case.received_on.between(date_from, date_to)),
            and_(Case.kind == kind, Case.closed_on.is_(None), Case.accepted_on <= date_to),
            and_(Case.kind == kind, Case.closed_on >= date_from, Case.accepted_on <= date_to),
        ),
    )


def _base(kind: str) -> list[ColumnElement[bool]]:
    return [Case.kind == kind, Case.deleted_at.is_(None)]


def figure_names(kind: wf.Kind | str) -> tuple[str, ...]:
    return COUNTS[_kind(kind)]


def condition(kind: wf.Kind | str, figure: str, date_from: date, date_to: date,
              today: date | None = None) -> ColumnElement[bool]:
    """The cases (of ``kind``, not deleted) counted by ``figure`` for [date_from, date_to],
    measured on ``today`` (default: the real date)."""
    kind = _kind(kind)
    conds = scoped_conditions(kind, date_from, date_to, as_of_day(date_to, today))
    if figure not in conds:
        raise ValueError(f"unknown figure {figure!r} for {kind}")
    return and_(*_base(kind), conds[figure])


def count_of(cond: ColumnElement[bool], label: str) -> Label[int]:
    """COUNT(CASE WHEN cond THEN 1 END) AS label: portable, and 0 (not NULL) over no rows."""
    return func.count(case((cond, 1))).label(label)


# ---------------------------------------------------------------------------
# Figures.


def _headline(session: Session, kind: str, date_from: date, date_to: date,
              as_of: date) -> dict[str, int]:
    stmt = (select(*measures(kind, date_from, date_to, as_of))
            .where(scope(kind, date_from, date_to)))
    row = session.execute(stmt).one()
    return {name: int(row._mapping[name]) for name in measure_names(kind)}


def _breakdown(session: Session, kind: str, dimension: str, date_from: date,
               date_to: date, as_of: date) -> tuple[BreakdownRow, ...]:
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    column = DIMENSIONS[dimension]
    conds = scoped_conditions(kind, date_from, date_to, as_of)
    stmt = (select(column, *[count_of(conds[n], n) for n in ROW_COUNTS])
            .where(scope(kind, date_from, date_to))
            .group_by(column))
    # Empty and NULL values form one group; this loop runs over groups, not cases.
    groups: dict[str, list[int]] = {}
    for value, *counts in session.execute(stmt):
        acc = groups.setdefault(value or UNSET, [0] * len(ROW_COUNTS))
        for i, c in enumerate(counts):
            acc[i] += int(c)
    return _rows(groups)


def breakdown(db: Database, kind: wf.Kind | str, dimension: str, date_from: date,
              date_to: date, today: date | None = None) -> tuple[BreakdownRow, ...]:
    """One kind's rows by ``dimension``, sorted by received (descending) then name; an
    empty value is grouped as 未填写."""
    check_period(date_from, date_to)
    with db.read() as session:
        return _breakdown(session, _kind(kind), dimension, date_from, date_to,
                          as_of_day(date_to, today))


def kind_figures(db: Database, kind: wf.Kind | str, date_from: date,
                 date_to: date, today: date | None = None) -> KindFigures:
    """One kind's figures, as in ``figures()``."""
    check_period(date_from, date_to)
    kind = _kind(kind)
    with db.read() as session:
        counts = _headline(session, kind, date_from, date_to, as_of_day(date_to, today))
    return kind_value(kind, counts)


def _grouped(session: Session, kind: str, date_from: date, date_to: date,
             as_of: date) -> Iterator[tuple[Sequence[Any], Sequence[Any]]]:
    """One aggregate SELECT of all of ``kind``'s counts, grouped by the four breakdown
    dimensions at once: the headline is the sum of the groups and each breakdown a roll-up
    of them, so ``figures()`` reads the period's cases once per kind. Yields
    (dimension values, counts and amounts in ``measure_names`` order)."""
    dims = list(DIMENSIONS.values())
    stmt = (select(*dims, *measures(kind, date_from, date_to, as_of))
            .where(scope(kind, date_from, date_to))
            .group_by(*dims))
    width = len(dims)
    for row in session.execute(stmt):
        yield row[:width], row[width:]


def _kind_figures(session: Session, kind: str, date_from: date, date_to: date,
                  as_of: date) -> tuple[dict[str, int], dict[str, tuple[BreakdownRow, ...]]]:
    """(the kind's counts and amounts, {dimension: breakdown rows}) from one grouped query."""
    names = measure_names(kind)
    total = [0] * len(names)
    row_index = [names.index(n) for n in ROW_COUNTS]
    rollup: dict[str, dict[str, list[int]]] = {d: {} for d in DIMENSIONS}
    # This loop runs over groups (at most categories × sources × streets × handlers).
    for values, group_counts in _grouped(session, kind, date_from, date_to, as_of):
        counts = [int(c) for c in group_counts]
        for i, c in enumerate(counts):
            total[i] += c
        picked = [counts[i] for i in row_index]
        for dimension, value in zip(DIMENSIONS, values, strict=True):
            acc = rollup[dimension].setdefault(value or UNSET, [0] * len(ROW_COUNTS))
            for i, c in enumerate(picked):
                acc[i] += c
    return (dict(zip(names, total, strict=True)),
            {d: _rows(groups) for d, groups in rollup.items()})


def _rows(groups: dict[str, list[int]]) -> tuple[BreakdownRow, ...]:
    rows = [BreakdownRow(name, *counts) for name, counts in groups.items() if any(counts)]
    rows.sort(key=lambda r: (-r.received, r.name))
    return tuple(rows)


def figures(db: Database, date_from: date, date_to: date,
            today: date | None = None) -> Figures:
    """The figures of docs/domain.md §5 for [date_from, date_to] (``to_dict()``
    is the JSON of ``caseapp stats --json``), with by_source, by_street and by_handler.
    Deadline figures are measured on ``as_of_day(date_to, today)``."""
    check_period(date_from, date_to)
    as_of = as_of_day(date_to, today)
    counts: dict[str, dict[str, int]] = {}
    rows: dict[str, dict[str, tuple[BreakdownRow, ...]]] = {}
    with db.read() as session:
        for kind in KINDS:
            counts[kind], rows[kind] = _kind_figures(session, kind, date_from, date_to, as_of)
        work = work_figures(session, date_from, date_to)  # the work log (docs/domain.md §9)
    by = {d: Breakdown(d, rows[PETITION][d], rows[DISPUTE][d]) for d in DIMENSIONS}
    petitions = cast_to(PetitionFigures, kind_value(PETITION, counts[PETITION]))
    disputes = cast_to(DisputeFigures, kind_value(DISPUTE, counts[DISPUTE]))
    return Figures(date_from, date_to, as_of, petitions, disputes, by_category=by["category"],
                   by_source=by["source"], by_street=by["street"], by_handler=by["handler"],
                   work=work)


def printable(fig: Figures) -> dict[str, Any]:
    """``fig.to_dict()`` with every rate in its printed form (``format_rate`` on the exact
    counts): what the printouts show."""
    out = fig.to_dict()
    for kind in KINDS:
        out[SECTION[kind]] = fig.of(kind).printed()
    for b in fig.breakdowns():
        out[BREAKDOWN_KEYS[b.dimension]] = {
            SECTION[k]: [{b.dimension: r.name, **r.printed()} for r in b.of(k)] for k in KINDS}
    return out


def annual_sentence(fig: Figures) -> str:
    """The sentence that opens the annual report's figures (docs/domain.md §5)."""
    p, d = fig.petitions, fig.disputes
    # A year still running speaks of itself so far: 本年截至M月D日, never 全年.
    span = "全年" if fig.complete else f"本年截至{fig.as_of.month}月{fig.as_of.day}日"
    # Counts with thousands separators, as every printout writes them (docs/domain.md §5).
    # The 安保维稳 sentence is left out while the work log holds no 安保维稳 entry.
    security = (f"组织重大活动安保维稳工作{fig.work.security_events:,}次。"
                if fig.work.security_events else "")
    return (
        f"{span}办理信访件{p.handled:,}件，已办结{p.closed:,}件，"
        f"办结率{format_rate(p.closed, p.handled)}；"
        f"完成信访代理件{p.proxy:,}件，录入完成率{format_rate(p.entered, p.handled)}。"
        f"{security}"
        f"{span}调解纠纷{d.handled:,}件，调解成功{d.succeeded:,}件，"
        f"调解成功率{format_rate(d.succeeded, d.concluded)}，"
        f"纠纷调解率{format_rate(d.concluded, d.handled)}。"
    )


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first, nxt - timedelta(days=1)


def monthly_series(db: Database, year: int, today: date | None = None) -> list[MonthFigures]:
    """The twelve months of ``year``, each with all its counts: one aggregate SELECT per kind
    over the year's cases."""
    return month_series(db, year, 1, today=today)


def month_series(db: Database, year: int, month: int, count: int = 12,
                 names: tuple[str, ...] | None = None,
                 today: date | None = None) -> list[MonthFigures]:
    """``count`` consecutive months from (year, month), oldest first: one aggregate SELECT
    per kind over the span's cases. ``names`` limits the counts to those figures (and the
    rates made of them): a chart that needs three figures a month asks SQLite for 36 counts,
    not 144."""
    months = []
    y, m = year, month
    for _ in range(count):
        months.append(month_range(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    span_from, span_to = months[0][0], months[-1][1]
    counted: dict[str, list[MonthCounts]] = {}
    with db.read() as session:
        for kind in KINDS:
            wanted = COUNTS[kind] if names is None else tuple(n for n in COUNTS[kind] if n in names)
            sums = AMOUNTS[kind] if names is None else tuple(n for n in AMOUNTS[kind] if n in names)
            columns = []
            for i, (f, t) in enumerate(months):
                a = as_of_day(t, today)
                conds, amounts = scoped_conditions(kind, f, t, a), scoped_sums(kind, f, t, a)
                columns += [count_of(conds[name], f"m{i}_{name}") for name in wanted]
                columns += [amounts[name].label(f"m{i}_{name}") for name in sums]
            stmt = select(*columns).where(scope(kind, span_from, span_to))
            row = session.execute(stmt).one()._mapping
            counted[kind] = [MonthCounts(kind, {name: int(row[f"m{i}_{name}"]) for name in wanted},
                                         {name: yuan(int(row[f"m{i}_{name}"])) for name in sums})
                             for i in range(len(months))]
    return [MonthFigures(f"{f.year:04d}-{f.month:02d}", f, t, p, d)
            for (f, t), p, d in zip(months, counted[PETITION], counted[DISPUTE], strict=True)]
