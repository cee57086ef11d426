"""The figures of docs/domain.md §5: ``figures()``, ``kind_figures()``, ``month_series()``,
``breakdown()``.

Every figure is defined once, in ``conditions.condition()`` (re-exported here): a boolean
expression over ``Case`` that selects exactly the cases the figure counts, which
``queries.CaseFilter(figure=...)`` lists too, so the dashboard's numbers and its drill-down
lists cannot drift apart. The numbers are read from the per-day sums of ``days`` (the same
conditions evaluated per day, kept exact by triggers): a year costs ~1,000 small rows, not the
year's cases. The direct aggregate stays beside it (``direct=True``, ``days.DIRECT``, a
read-only file): one aggregate SELECT per kind grouped by category, source, street and handler
at once, the headline the sum of the groups and each breakdown a roll-up of them. The values
and their rates are in ``model``. ``offices`` (None: every office) keeps only those offices'
cases.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date, timedelta
from typing import Any
from typing import cast as cast_to

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.figures import days

# The `X as X` names are re-exported: callers name the definitions here (stats.condition, …).
from caseapp.figures.conditions import CONFIRMED_LIKE as CONFIRMED_LIKE
from caseapp.figures.conditions import (
    DIMENSIONS,
    ROW_COUNTS,
    UNSET,
    as_of_day,
    check_period,
    count_of,
    kind_name,
    kind_value,
    measure_names,
    measures,
    office_filter,
    scope,
    scoped_conditions,
    scoped_sums,
)
from caseapp.figures.conditions import ORAL as ORAL
from caseapp.figures.conditions import SATISFIED as SATISFIED
from caseapp.figures.conditions import TRANSFERRED as TRANSFERRED
from caseapp.figures.conditions import UNRATED as UNRATED
from caseapp.figures.conditions import WRITTEN as WRITTEN
from caseapp.figures.conditions import condition as condition
from caseapp.figures.conditions import figure_names as figure_names
from caseapp.figures.conditions import list_guide as list_guide
from caseapp.figures.model import (
    AMOUNTS,
    BREAKDOWN_KEYS,
    COUNTS,
    DISPUTE,
    KINDS,
    OFFICE,
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
from caseapp.storage.models import Case, Office

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


# ---------------------------------------------------------------------------
# Figures.

Offices = Collection[int] | None


def _headline(session: Session, kind: str, date_from: date, date_to: date,
              as_of: date, offices: Offices = None) -> dict[str, int]:
    stmt = (select(*measures(kind, date_from, date_to, as_of))
            .where(scope(kind, date_from, date_to), *office_filter(offices)))
    row = session.execute(stmt).one()
    return {name: int(row._mapping[name]) for name in measure_names(kind)}


def _breakdown(session: Session, kind: str, dimension: str, date_from: date,
               date_to: date, as_of: date, offices: Offices = None) -> dict[str, list[int]]:
    column = DIMENSIONS[dimension]
    conds = scoped_conditions(kind, date_from, date_to, as_of)
    stmt = (select(column, *[count_of(conds[n], n) for n in ROW_COUNTS])
            .where(scope(kind, date_from, date_to), *office_filter(offices))
            .group_by(column))
    # Empty and NULL values form one group; this loop runs over groups, not cases.
    groups: dict[str, list[int]] = {}
    for value, *counts in session.execute(stmt):
        acc = groups.setdefault(value or UNSET, [0] * len(ROW_COUNTS))
        for i, c in enumerate(counts):
            acc[i] += int(c)
    return groups


def _named(groups: dict[str, list[int]]) -> dict[str, list[int]]:
    """The day rows' groups ('' for empty) under the breakdowns' names (未填写)."""
    out: dict[str, list[int]] = {}
    for value, counts in groups.items():
        acc = out.setdefault(value or UNSET, [0] * len(ROW_COUNTS))
        for i, c in enumerate(counts):
            acc[i] += c
    return out


def breakdown(db: Database, kind: wf.Kind | str, dimension: str, date_from: date,
              date_to: date, today: date | None = None, offices: Offices = None,
              direct: bool = False) -> tuple[BreakdownRow, ...]:
    """One kind's rows by ``dimension``, sorted by received (descending) then name; an
    empty value is grouped as 未填写."""
    check_period(date_from, date_to)
    offices = db.scope if offices is None else offices  # None: what this Database sees
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}")
    kind = kind_name(kind)
    with days.reading(db, date_to) as (session, fast):
        if fast and not direct:
            groups = days.rows(session, kind, date_from, date_to,
                               days.scope_of(db, session, offices), (dimension,))
            return _rows(_named(groups[dimension]))
        return _rows(_breakdown(session, kind, dimension, date_from, date_to,
                                as_of_day(date_to, today), offices))


def kind_figures(db: Database, kind: wf.Kind | str, date_from: date,
                 date_to: date, today: date | None = None, offices: Offices = None,
                 direct: bool = False) -> KindFigures:
    """One kind's figures, as in ``figures()``."""
    check_period(date_from, date_to)
    offices = db.scope if offices is None else offices  # None: what this Database sees
    kind = kind_name(kind)
    as_of = as_of_day(date_to, today)
    with days.reading(db, date_to) as (session, fast):
        if fast and not direct:
            counts = days.counts(session, kind, [(date_from, date_to, as_of)],
                                 days.scope_of(db, session, offices))[0]
        else:
            counts = _headline(session, kind, date_from, date_to, as_of, offices)
    return kind_value(kind, counts)


def _grouped(session: Session, kind: str, date_from: date, date_to: date,
             as_of: date, offices: Offices) -> Iterator[tuple[Sequence[Any], Sequence[Any]]]:
    """One aggregate SELECT of all of ``kind``'s counts, grouped by the four breakdown
    dimensions at once: the headline is the sum of the groups and each breakdown a roll-up
    of them, so ``figures()`` reads the period's cases once per kind. Yields
    (dimension values, counts and amounts in ``measure_names`` order)."""
    dims = list(DIMENSIONS.values())
    stmt = (select(*dims, *measures(kind, date_from, date_to, as_of))
            .where(scope(kind, date_from, date_to), *office_filter(offices))
            .group_by(*dims))
    width = len(dims)
    for row in session.execute(stmt):
        yield row[:width], row[width:]


def _kind_figures(session: Session, kind: str, date_from: date, date_to: date,
                  as_of: date, offices: Offices = None
                  ) -> tuple[dict[str, int], dict[str, tuple[BreakdownRow, ...]]]:
    """(the kind's counts and amounts, {dimension: breakdown rows}) from one grouped query."""
    names = measure_names(kind)
    total = [0] * len(names)
    row_index = [names.index(n) for n in ROW_COUNTS]
    rollup: dict[str, dict[str, list[int]]] = {d: {} for d in DIMENSIONS}
    # This loop runs over groups (at most categories × sources × streets × handlers).
    for values, group_counts in _grouped(session, kind, date_from, date_to, as_of, offices):
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


def _day_figures(session: Session, kind: str, date_from: date, date_to: date,
                 as_of: date, offices: Offices
                 ) -> tuple[dict[str, int], dict[str, tuple[BreakdownRow, ...]]]:
    """``_kind_figures`` from the per-day sums."""
    counts = days.counts(session, kind, [(date_from, date_to, as_of)], offices)[0]
    groups = days.rows(session, kind, date_from, date_to, offices)
    return counts, {d: _rows(_named(g)) for d, g in groups.items()}


def _rows(groups: dict[str, list[int]]) -> tuple[BreakdownRow, ...]:
    rows = [BreakdownRow(name, *counts) for name, counts in groups.items() if any(counts)]
    rows.sort(key=lambda r: (-r.received, r.name))
    return tuple(rows)


def figures(db: Database, date_from: date, date_to: date,
            today: date | None = None, offices: Offices = None,
            direct: bool = False) -> Figures:
    """The figures of docs/domain.md §5 for [date_from, date_to] (``to_dict()``
    is the JSON of ``caseapp stats --json``), with by_source, by_street and by_handler.
    Deadline figures are measured on ``as_of_day(date_to, today)``. ``direct``: from the
    direct aggregate, not the per-day sums (the same numbers; for checking)."""
    check_period(date_from, date_to)
    offices = db.scope if offices is None else offices  # None: what this Database sees
    as_of = as_of_day(date_to, today)
    counts: dict[str, dict[str, int]] = {}
    rows: dict[str, dict[str, tuple[BreakdownRow, ...]]] = {}
    with days.reading(db, date_to) as (session, fast):
        fast = fast and not direct
        count = _day_figures if fast else _kind_figures
        kept = days.scope_of(db, session, offices) if fast else offices
        for kind in KINDS:
            counts[kind], rows[kind] = count(session, kind, date_from, date_to, as_of, kept)
        work = work_figures(session, date_from, date_to, offices)  # the work log (§9)
        by_office = _by_office(session, fast, date_from, date_to, as_of, offices)
    by = {d: Breakdown(d, rows[PETITION][d], rows[DISPUTE][d]) for d in DIMENSIONS}
    petitions = cast_to(PetitionFigures, kind_value(PETITION, counts[PETITION]))
    disputes = cast_to(DisputeFigures, kind_value(DISPUTE, counts[DISPUTE]))
    return Figures(date_from, date_to, as_of, petitions, disputes, by_category=by["category"],
                   by_source=by["source"], by_street=by["street"], by_handler=by["handler"],
                   work=work, by_office=by_office)


def _by_office(session: Session, fast: bool, date_from: date, date_to: date, as_of: date,
               offices: Offices) -> Breakdown | None:
    """A district's rows by office (received, handled, closed of each kind, the same
    definitions), when more than one office is seen; None otherwise. Its loop runs over the
    offices: the day sums of one dimension per office, or one GROUP BY office_id."""
    if not inspect(session.connection()).has_table("offices"):
        return None  # a schema before migration 0012: one office
    stmt = select(Office.id, Office.name, Office.code).order_by(Office.id)
    if offices is not None:
        stmt = stmt.where(Office.id.in_(sorted(set(offices))))
    # Named with the district's code: two offices may bear the same name.
    names = {i: f"{name}（{code}）" if code else name for i, name, code in session.execute(stmt)}
    if len(names) < 2:
        return None
    by_kind: dict[str, tuple[BreakdownRow, ...]] = {}
    for kind in KINDS:
        groups: dict[str, list[int]] = {}
        if fast:
            for office, name in names.items():
                summed = [0] * len(ROW_COUNTS)
                for counts in days.rows(session, kind, date_from, date_to, {office},
                                        ("category",))["category"].values():
                    summed = [a + b for a, b in zip(summed, counts, strict=True)]
                groups[name] = summed
        else:
            conds = scoped_conditions(kind, date_from, date_to, as_of)
            grouped = (select(Case.office_id, *[count_of(conds[n], n) for n in ROW_COUNTS])
                       .where(scope(kind, date_from, date_to),
                              *office_filter(list(names)))
                       .group_by(Case.office_id))
            for office, *counts in session.execute(grouped):
                groups[names[office]] = [int(c) for c in counts]
        by_kind[kind] = _rows(groups)
    return Breakdown(OFFICE, by_kind[PETITION], by_kind[DISPUTE])


def printable(fig: Figures) -> dict[str, Any]:
    """``fig.to_dict()`` with every rate in its printed form (``format_rate`` on the exact
    counts): what the printouts show."""
    out = fig.to_dict()
    for kind in KINDS:
        out[SECTION[kind]] = fig.of(kind).printed()
    for b in (*fig.breakdowns(), *([fig.by_office] if fig.by_office is not None else [])):
        key = "by_office" if b.dimension == OFFICE else BREAKDOWN_KEYS[b.dimension]
        out[key] = {
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


def monthly_series(db: Database, year: int, today: date | None = None,
                   offices: Offices = None) -> list[MonthFigures]:
    """The twelve months of ``year``, each with all its counts."""
    return month_series(db, year, 1, today=today, offices=offices)


def month_series(db: Database, year: int, month: int, count: int = 12,
                 names: tuple[str, ...] | None = None,
                 today: date | None = None, offices: Offices = None,
                 direct: bool = False) -> list[MonthFigures]:
    """``count`` consecutive months from (year, month), oldest first, from the per-day sums
    (or one aggregate SELECT per kind over the span's cases). ``names`` limits the counts to
    those figures (and the rates made of them)."""
    offices = db.scope if offices is None else offices  # None: what this Database sees
    months = []
    y, m = year, month
    for _ in range(count):
        months.append(month_range(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    periods = [(f, t, as_of_day(t, today)) for f, t in months]
    counted: dict[str, list[MonthCounts]] = {}
    with days.reading(db, max(t for _f, t in months)) as (session, fast):
        for kind in KINDS:
            wanted = COUNTS[kind] if names is None else tuple(n for n in COUNTS[kind] if n in names)
            sums = AMOUNTS[kind] if names is None else tuple(n for n in AMOUNTS[kind] if n in names)
            if fast and not direct:
                values = days.counts(session, kind, periods, days.scope_of(db, session, offices))
            else:
                values = _direct_months(session, kind, periods, wanted + sums, offices)
            counted[kind] = [MonthCounts(kind, {n: v[n] for n in wanted},
                                         {n: yuan(v[n]) for n in sums}) for v in values]
    return [MonthFigures(f"{f.year:04d}-{f.month:02d}", f, t, p, d)
            for (f, t), p, d in zip(months, counted[PETITION], counted[DISPUTE], strict=True)]


def _direct_months(session: Session, kind: str, periods: list[tuple[date, date, date]],
                   names: tuple[str, ...], offices: Offices) -> list[dict[str, int]]:
    """Each period's ``names`` (amounts in cents) in one aggregate SELECT over the span."""
    columns = []
    for i, (f, t, a) in enumerate(periods):
        conds, amounts = scoped_conditions(kind, f, t, a), scoped_sums(kind, f, t, a)
        columns += [(amounts[n] if n in amounts else count_of(conds[n], "_")).label(f"m{i}_{n}")
                    for n in names]
    stmt = select(*columns).where(scope(kind, periods[0][0], periods[-1][1]),
                                  *office_filter(offices))
    row = session.execute(stmt).one()._mapping
    return [{n: int(row[f"m{i}_{n}"]) for n in names} for i in range(len(periods))]
