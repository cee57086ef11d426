"""Everything the dashboard (统计概览) shows, gathered in one call for one worker.

Each number is a count of ``stats.condition(kind, figure, from, to)`` — the single definition
of every figure, which ``queries.CaseFilter(figure=...)`` also lists — so a tile, a bar or a
slice and the case list it opens cannot disagree. Rates are printed with
``stats.format_rate``. The counts of all periods come from the per-day sums of ``days`` (the
same conditions per day), or directly from aggregate SELECTs over the cases that can count in
any of them, grouped by category, street and outcome: the headline counts are the sums of the
groups, the charts' rows their roll-ups.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from caseapp import workflow as wf
from caseapp.figures import days, stats
from caseapp.figures.model import WorkFigures
from caseapp.figures.work import work_figures
from caseapp.storage.db import Database
from caseapp.storage.models import Case

# The tiles of each kind: (key, numerator figure, denominator figure or None). A rate's key
# is its stats.RATES name; "overdue_open" is a plain count (open cases past their deadline).
TILES: dict[str, tuple[tuple[str, str, str | None], ...]] = {
    stats.PETITION: tuple(
        (key, *stats.RATES[stats.PETITION][key]) for key in
        ("closure_rate", "on_time_rate", "entry_rate")) + (("overdue_open", "overdue_open", None),),
    stats.DISPUTE: tuple(
        (key, *stats.RATES[stats.DISPUTE][key]) for key in
        ("closure_rate", "on_time_rate", "success_rate", "mediation_rate"))
    + (("overdue_open", "overdue_open", None),),
}
# For these tiles fewer is better (the arrow turns green when the count drops).
LOWER_IS_BETTER = frozenset({"overdue_open"})
MONTHS = 12
MONTH_FIGURES = ("received", "handled", "closed")

PERIODS = ("this_month", "last_month", "this_year", "last_year")


@dataclass(frozen=True)
class TileValue:
    """One tile for one period, beside the same figure for the period before."""

    date_from: date
    date_to: date
    num: int
    den: int | None  # None: the tile is a count, not a rate
    prev_from: date
    prev_to: date
    prev_num: int
    prev_den: int | None

    @property
    def text(self) -> str:
        return f"{self.num:,}" if self.den is None else stats.format_rate(self.num, self.den)

    @property
    def change(self) -> int | None:
        """The change on the previous period: in cases for a count; for a rate in tenths of
        a percentage point between the two rates as printed (so it agrees with what the
        reader sees); None when either rate is undefined."""
        if self.den is None:
            return self.num - self.prev_num
        now, before = _tenths(self.num, self.den), _tenths(self.prev_num, self.prev_den or 0)
        return None if now is None or before is None else now - before


@dataclass(frozen=True)
class Tile:
    key: str
    kind: str
    numerator: str  # the figure whose cases a click opens
    denominator: str | None
    month: TileValue  # this month so far, against last month
    year: TileValue  # this year so far, against the same days of last year

    @property
    def lower_is_better(self) -> bool:
        return self.key in LOWER_IS_BETTER


@dataclass(frozen=True)
class MonthPoint:
    month: str  # "2026-03"
    date_from: date
    date_to: date
    received: int
    handled: int
    closed: int

    @property
    def closure_rate(self) -> str:
        return stats.format_rate(self.closed, self.handled)

    @property
    def closure_percent(self) -> float | None:
        return None if not self.handled else 100.0 * self.closed / self.handled


@dataclass(frozen=True)
class Bar:
    name: str  # a category, street or outcome; stats.UNSET for the empty value
    count: int


@dataclass(frozen=True)
class DashboardData:
    kind: str
    today: date
    date_from: date  # the charts' period
    date_to: date
    tiles: tuple[Tile, ...]
    months: tuple[MonthPoint, ...]  # the twelve months ending with date_to's month
    received: int  # received in the period (the category and street bars add up to it)
    closed: int  # closed in the period (the outcome slices add up to it)
    by_category: tuple[Bar, ...]  # received in the period, most first
    by_street: tuple[Bar, ...]  # likewise
    outcomes: tuple[Bar, ...]  # closed in the period by outcome, in the workflow's order
    # The work log's counts (排查, 安保维稳) of the charts' period; not a case figure.
    work: WorkFigures = field(default_factory=WorkFigures)


# ---------------------------------------------------------------------------
# Periods.


def _tenths(num: int, den: int) -> int | None:
    text = stats.format_rate(num, den)
    return None if text == stats.NO_RATE else int(Decimal(text.rstrip("%")) * 10)


def same_day_last_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _previous_month(day: date) -> tuple[date, date]:
    last = day.replace(day=1) - timedelta(days=1)
    return stats.month_range(last.year, last.month)


def period_range(key: str, today: date) -> tuple[date, date]:
    """本月 (to today), 上月, 本年 (to today), 上年."""
    if key == "this_month":
        return today.replace(day=1), today
    if key == "last_month":
        return _previous_month(today)
    if key == "this_year":
        return date(today.year, 1, 1), today
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    raise ValueError(f"unknown period {key!r}")


def same_days_last_month(today: date) -> tuple[date, date]:
    """上月同期: the first days of last month, as many as this month has had (clipped to
    its length), so 本月至今 is compared with a period of the same length."""
    first, last = _previous_month(today)
    return first, first.replace(day=min(today.day, last.day))


def tile_periods(today: date) -> dict[str, tuple[date, date]]:
    """The tiles' periods: this month and this year so far, each compared with the same days
    of the period before (docs/domain.md §13): like with like, even on the 1st."""
    year_from = date(today.year, 1, 1)
    return {
        "month": (today.replace(day=1), today),
        "prev_month": same_days_last_month(today),
        "year": (year_from, today),
        "prev_year": (same_day_last_year(year_from), same_day_last_year(today)),
    }


def month_spans(date_to: date, count: int = MONTHS) -> list[tuple[date, date]]:
    """``count`` calendar months ending with the month of ``date_to``, oldest first."""
    spans = []
    year, month = date_to.year, date_to.month
    for _ in range(count):
        spans.append(stats.month_range(year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return spans[::-1]


# ---------------------------------------------------------------------------
# The snapshot.


def _select(kind: str, wanted: list[tuple[str, str, date, date]], today: date,
            group_by: tuple[InstrumentedAttribute[str | None], ...] = (),
            offices: Collection[int] | None = None) -> Select:
    """COUNT(CASE WHEN <figure> THEN 1 END) for each (label, figure, from, to), over the cases
    that can count in the span at all (stats' scope, served by the (kind, date) indexes).
    The figures are stats' own conditions; the kind and deleted tests, which the scope
    already makes, are left out of each count."""
    lo = min(f for _l, _n, f, _t in wanted)
    hi = max(t for _l, _n, _f, t in wanted)
    columns = [stats.count_of(stats.scoped_conditions(kind, f, t, stats.as_of_day(t, today))[name],
                              label)
               for label, name, f, t in wanted]
    stmt = select(*group_by, *columns).where(stats.scope(kind, lo, hi),
                                             *stats.office_filter(offices))
    return stmt.group_by(*group_by) if group_by else stmt


def snapshot(db: Database, kind: str, date_from: date, date_to: date,
             today: date, offices: Collection[int] | None = None,
             direct: bool = False) -> DashboardData:
    """The tiles, the twelve months and the charts' rows of one kind: from the per-day sums
    (``days``), or with ``direct`` (or where they cannot be used) from three aggregate SELECTs
    over the cases; the same numbers either way."""
    stats.check_period(date_from, date_to)
    offices = db.scope if offices is None else offices  # None: what this Database sees
    kind = wf.Kind(kind).value
    tiles = TILES[kind]
    tile_figures = sorted({n for _k, num, den in tiles for n in (num, den) if n})
    spans = tile_periods(today)
    months = month_spans(date_to)

    # (label, figure, from, to) of every count: last year's, the recent ones, the charts' period.
    older: list[tuple[str, str, date, date]] = []
    recent: list[tuple[str, str, date, date]] = []
    for pkey, (f, t) in spans.items():
        (older if pkey == "prev_year" else recent).extend(
            (f"{pkey}_{name}", name, f, t) for name in tile_figures)
    for i, (f, t) in enumerate(months):
        recent += [(f"m{i}_{name}", name, f, t) for name in MONTH_FIGURES]
    period = [("period_received", "received", date_from, date_to),
              ("period_closed", "closed", date_from, date_to)]

    totals: dict[str, int] = {}
    by_category: dict[str, int] = {}
    by_street: dict[str, int] = {}
    by_outcome: dict[str, int] = {}
    wanted = older + recent + period
    with days.reading(db, max(t for _l, _n, _f, t in wanted)) as (session, fast):
        if fast and not direct:  # the same counts from the per-day sums (figures/days.py)
            kept = days.scope_of(db, session, offices)
            periods = sorted({(f, t) for _l, _n, f, t in wanted})
            counted_at = dict(zip(periods, days.counts(
                session, kind, [(f, t, stats.as_of_day(t, today)) for f, t in periods],
                kept), strict=True))
            totals.update({label: counted_at[(f, t)][name] for label, name, f, t in wanted})
            groups = days.rows(session, kind, date_from, date_to, kept,
                               ("category", "street", "outcome"))
            for target, dimension, index in ((by_category, "category", 0),
                                             (by_street, "street", 0), (by_outcome, "outcome", 2)):
                for name, counts in groups[dimension].items():
                    if counts[index]:
                        key = name or stats.UNSET
                        target[key] = target.get(key, 0) + counts[index]
        else:
            _direct(session, kind, (older, recent, period), today, offices, totals,
                    (by_category, by_street, by_outcome))
        work = work_figures(session, date_from, date_to, offices)
    totals.setdefault("period_received", 0)
    totals.setdefault("period_closed", 0)

    def value(pkey: str, prev: str, num: str, den: str | None) -> TileValue:
        (f, t), (pf, pt) = spans[pkey], spans[prev]
        return TileValue(f, t, totals[f"{pkey}_{num}"],
                         None if den is None else totals[f"{pkey}_{den}"],
                         pf, pt, totals[f"{prev}_{num}"],
                         None if den is None else totals[f"{prev}_{den}"])

    order = {o: i for i, o in enumerate(wf.outcomes_for(kind))}
    return DashboardData(
        kind=kind, today=today, date_from=date_from, date_to=date_to,
        tiles=tuple(Tile(key, kind, num, den, value("month", "prev_month", num, den),
                         value("year", "prev_year", num, den)) for key, num, den in tiles),
        months=tuple(MonthPoint(f"{f.year:04d}-{f.month:02d}", f, t,
                                *(totals[f"m{i}_{n}"] for n in MONTH_FIGURES))
                     for i, (f, t) in enumerate(months)),
        received=totals["period_received"],
        closed=totals["period_closed"],
        by_category=_bars(by_category),
        by_street=_bars(by_street),
        outcomes=tuple(Bar(o, n) for o, n in sorted(
            by_outcome.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))),
        work=work,
    )


def _direct(session: Session, kind: str,
            selects: tuple[list[tuple[str, str, date, date]], ...], today: date,
            offices: Collection[int] | None, totals: dict[str, int],
            bars: tuple[dict[str, int], dict[str, int], dict[str, int]]) -> None:
    """The snapshot's counts by the direct aggregate: last year's counts in their own SELECT,
    the recent ones in another (each reads only the cases of its span), and the charts'
    period in a third, grouped for the breakdowns."""
    older, recent, period = selects
    by_category, by_street, by_outcome = bars
    for wanted in (older, recent):
        counted = session.execute(_select(kind, wanted, today, offices=offices)).one()._mapping
        totals.update({label: int(counted[label]) for label, *_rest in wanted})
    # The loop runs over groups (categories × streets × outcomes), not over cases.
    dims = (Case.category, Case.street, Case.outcome)
    for row in session.execute(_select(kind, period, today, dims, offices)):
        received, closed = int(row.period_received), int(row.period_closed)
        totals["period_received"] = totals.get("period_received", 0) + received
        totals["period_closed"] = totals.get("period_closed", 0) + closed
        if received:
            key = row.category or stats.UNSET
            by_category[key] = by_category.get(key, 0) + received
            key = row.street or stats.UNSET
            by_street[key] = by_street.get(key, 0) + received
        if closed:
            key = row.outcome or stats.UNSET
            by_outcome[key] = by_outcome.get(key, 0) + closed


def _bars(counts: dict[str, int]) -> tuple[Bar, ...]:
    return tuple(Bar(name, n) for name, n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))
