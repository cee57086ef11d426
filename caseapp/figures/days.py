"""The figures of docs/domain.md §5 as sums over days (issue #19): a year reads ~1,000 small
rows of figure_days / figure_day_groups instead of every case of the year.

Every figure is ``conditions.scoped_conditions`` — the one definition — evaluated for one-day
periods: a day's row of figure X is the count of X(D, D) over the cases whose date of the
figure's class is D (``recompute``). Then for a period [F, T] measured on A:
- received-class (received, rejected, reviews): the sum of the days r in [F, T];
- closed-class (closed and every figure made of it, the amount in cents): the days c in [F, T];
- handled-class (handled, proxy, entered, major): the cases open at F, i.e. accepted before F
  less closed before F (acc:X, cls:X summed over all days < F), plus those accepted in [F, T];
- overdue_open when F ≤ A ≤ T: due_open (open or closed late, by due day) over days < A, less
  closed_late (closed after the due day, by closing day) over days ≤ A; otherwise direct;
- supervised: counted directly from the supervisions of [F, T] (a small table).
These identities need accepted ≤ closed and accepted ≤ due; a case that breaks them
(models.IRREGULAR, none in a sound file) stays out of those rows and is counted by the direct
conditions over a partial index. Triggers mark the days a write touches (storage.figure_days);
``reading`` recomputes them first, so the sums are exact whenever they are read. The direct
aggregate (stats) stays, for checking: CASEDESK_FIGURES=direct or ``DIRECT = True`` uses it.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    case,
    func,
    or_,
    select,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from caseapp.figures.conditions import (
    DIMENSIONS,
    ROW_COUNTS,
    count_of,
    measure_names,
    office_filter,
    scope,
    scoped_conditions,
    scoped_sums,
)
from caseapp.figures.day_rows import (
    CLOSED_LATE,
    DUE_OPEN,
    GROUPS,
    HANDLED_CLASS,
    OVERDUE,
    RECEIVED_CLASS,
    SUPERVISED,
    any_irregular,
    closed_class,
    irregular,
    of_kind,
    refresh,
    regular,
)

# Re-exported: callers keep the tables with days.refresh / rebuild / out_of_step / problems.
from caseapp.figures.day_rows import out_of_step as out_of_step
from caseapp.figures.day_rows import problems as problems
from caseapp.figures.day_rows import rebuild as rebuild
from caseapp.storage.db import Database, narrowed
from caseapp.storage.models import (
    Case,
    FigureDay,
    FigureDayGroup,
    FigureDirty,
    Supervision,
)

DIRECT = os.environ.get("CASEDESK_FIGURES", "") == "direct"  # the direct aggregate everywhere
# Below this many cases counting them directly is as fast as the day sums (at 10,000 the day
# rows outnumber the cases; at 100,000 the sums are 2-9 times faster: benchmarks/README.md),
# and a read never waits for marked days to be recomputed after an act. Both are exact.
DAYS_FROM = int(os.environ.get("CASEDESK_FIGURE_DAYS_FROM", "50000"))


def scope_of(db: Database, session: Session,
             offices: Collection[int] | None) -> Collection[int] | None:
    """The offices the day sums must keep: ``offices`` within what the session may see
    (``Database.scope``, which the sessions add to every ORM select of the direct path but
    which the Core reads of the day tables do not get)."""
    return narrowed(db.session_scope(session), None if offices is None else frozenset(offices))


def _in_offices(column: Any, offices: Collection[int] | None) -> list[ColumnElement[bool]]:
    return [] if offices is None else [column.in_(sorted(set(offices)))]


@contextmanager
def reading(db: Database, upto: date | None = None) -> Iterator[tuple[Session, bool]]:
    """A read session and whether the day rows may be used in it: True once no day (up to
    ``upto``, the last day the figures read) is marked dirty in the session's snapshot
    (recomputing the marked ones first); False (count directly) with DIRECT set, on a
    read-only file, or on a schema without the tables. A later day's mark waits for a
    figure that reads it: a year's report after an import of this month's cases, or a
    self-test's month before the first case, recomputes no other day (~30 s for every day of
    a freshly generated 1M-case file)."""
    dirty_day = select(FigureDirty.day).limit(1)
    if upto is not None:
        dirty_day = dirty_day.where(FigureDirty.day <= upto)
    if not DIRECT and not db.readonly:
        for _attempt in range(3):
            with db.read() as session:
                if not db.is_sqlite:  # one snapshot for all the figures' statements
                    session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                try:
                    dirty = session.scalar(dirty_day) is not None
                except DBAPIError:
                    break
                if (session.scalar(select(func.max(Case.id))) or 0) < DAYS_FROM:
                    break  # a small file: counted directly (its marked days wait)
                if not dirty:
                    yield session, True
                    return
            refresh(db, upto)
    with db.read() as session:
        yield session, False


# ---------------------------------------------------------------------------
# Reading the sums.


class _Series:
    """Per figure piece, its days in [lo, hi] and running totals from the sum of the days
    before lo (kept for the pieces that sum from the beginning: acc:, cls:, the deadline
    pieces): any range within [lo - 1, hi] by bisection."""

    def __init__(self, session: Session, kind: str, lo: date, hi: date,
                 offices: Collection[int] | None):
        conn = session.connection()  # Core: thousands of small rows, no ORM loading
        where = [FigureDay.kind == kind, *_in_offices(FigureDay.office_id, offices)]
        before = (select(FigureDay.name, func.sum(FigureDay.n))
                  .where(*where, FigureDay.day < lo, or_(FigureDay.name.like("acc:%"),
                                                         FigureDay.name.like("cls:%"),
                                                         FigureDay.name.in_((DUE_OPEN,
                                                                             CLOSED_LATE))))
                  .group_by(FigureDay.name))
        self.days: dict[str, list[date]] = {}
        self.totals: dict[str, list[int]] = {n: [int(total)] for n, total in conn.execute(before)}
        stmt = (select(FigureDay.name, FigureDay.day, func.sum(FigureDay.n))
                .where(*where, FigureDay.day.between(lo, hi))
                .group_by(FigureDay.day, FigureDay.name)
                .order_by(FigureDay.day))  # bisection needs the days in order (PostgreSQL hashes)
        for name, day, n in conn.execute(stmt):
            days, totals = self.days.setdefault(name, []), self.totals.setdefault(name, [0])
            days.append(day)
            totals.append(totals[-1] + int(n))

    def upto(self, name: str, last: date) -> int:
        """The sum of the days ≤ ``last`` (``last`` ≥ lo - 1)."""
        totals = self.totals.get(name)
        if totals is None:
            return 0
        return totals[bisect.bisect_right(self.days.get(name, []), last)]

    def span(self, name: str, first: date, last: date) -> int:
        return self.upto(name, last) - self.upto(name, first - timedelta(days=1))


Period = tuple[date, date, date]  # (F, T, A)


def counts(session: Session, kind: str, periods: Sequence[Period],
           offices: Collection[int] | None = None) -> list[dict[str, int]]:
    """Every count and amount (cents) of ``kind`` for each (F, T, A), as the direct aggregate
    (``stats.measures``) gives them."""
    series = _Series(session, kind, min(f for f, _t, _a in periods),
                     max(t for _f, t, _a in periods), offices)
    out: list[dict[str, int]] = []
    direct_overdue: list[int] = []
    for i, (f, t, a) in enumerate(periods):
        before = f - timedelta(days=1)
        got = {n: series.span(n, f, t) for n in (*of_kind(kind, RECEIVED_CLASS), *closed_class(kind))}
        for n in of_kind(kind, HANDLED_CLASS):
            got[n] = (series.upto(f"acc:{n}", before) - series.upto(f"cls:{n}", before)
                      + series.span(f"acc:{n}", f, t))
        if f <= a <= t:
            got[OVERDUE] = (series.upto(DUE_OPEN, a - timedelta(days=1))
                            - series.upto(CLOSED_LATE, a))
        else:
            got[OVERDUE] = 0
            direct_overdue.append(i)
        out.append(got)
    _add_direct(session, kind, periods, offices, out, direct_overdue)
    return out


def _add_direct(session: Session, kind: str, periods: Sequence[Period],
                offices: Collection[int] | None, out: list[dict[str, int]],
                direct_overdue: list[int]) -> None:
    """The figures counted from the cases themselves: the irregular cases' handled- and
    closed-class figures, 督办件数, and overdue_open when A lies outside [F, T]."""
    base = [Case.kind == kind, Case.deleted_at.is_(None), *office_filter(offices)]
    lo, hi = min(f for f, _t, _a in periods), max(t for _f, t, _a in periods)
    if any_irregular(session):
        names = (*of_kind(kind, HANDLED_CLASS), *closed_class(kind), OVERDUE)
        odd = []
        for i, (f, t, a) in enumerate(periods):
            conds, sums = scoped_conditions(kind, f, t, a), scoped_sums(kind, f, t, a)
            odd += [(i, n, sums[n].label(f"o{i}_{n}") if n in sums
                      else count_of(conds[n], f"o{i}_{n}")) for n in names]
        row = session.execute(select(*[c for _i, _n, c in odd]).where(*base, irregular())).one()
        for (i, n, _c), value in zip(odd, row, strict=True):
            out[i][n] += int(value or 0)
    if SUPERVISED in measure_names(kind):
        supervised = select(Supervision.case_id).where(Supervision.supervised_on.between(lo, hi))
        if session.execute(supervised.limit(1)).first():
            sup = [count_of(scoped_conditions(kind, f, t, a)[SUPERVISED], f"s{i}")
                   for i, (f, t, a) in enumerate(periods)]
            row = session.execute(select(*sup).where(*base, Case.id.in_(supervised))).one()
            for i, value in enumerate(row):
                out[i][SUPERVISED] = int(value)
        else:
            for got in out:
                got[SUPERVISED] = 0
    for i in direct_overdue:
        f, t, a = periods[i]
        late = count_of(scoped_conditions(kind, f, t, a)[OVERDUE], "n")
        out[i][OVERDUE] += int(session.execute(select(late).where(
            scope(kind, f, t), *base, regular())).scalar_one())


def rows(session: Session, kind: str, date_from: date, date_to: date,
         offices: Collection[int] | None = None,
         dimensions: Sequence[str] = tuple(DIMENSIONS)) -> dict[str, dict[str, list[int]]]:
    """{dimension: {value ('' for empty): [received, handled, closed]}} for [F, T]."""
    g = FigureDayGroup
    inside = g.day >= date_from
    stmt = (select(g.dimension, g.value,
                   func.sum(case((inside, g.received), else_=0)),
                   func.sum(case((inside, g.accepted), else_=g.accepted - g.closed)),
                   func.sum(case((inside, g.closed), else_=0)))
            .where(g.kind == kind, g.day <= date_to, g.dimension.in_(list(dimensions)),
                   *_in_offices(g.office_id, offices))
            .group_by(g.dimension, g.value))
    out: dict[str, dict[str, list[int]]] = {d: {} for d in dimensions}
    for dimension, value, *values in session.connection().execute(stmt):
        out[dimension][value] = [int(v or 0) for v in values]
    if not any_irregular(session):
        return out
    base: list[Any] = [Case.kind == kind, Case.deleted_at.is_(None), *office_filter(offices),
                       irregular()]
    conds = scoped_conditions(kind, date_from, date_to, date_to)
    for dimension in dimensions:
        value = func.coalesce(GROUPS[dimension], "")
        odd = (select(value, count_of(conds["handled"], "h"), count_of(conds["closed"], "c"))
               .where(*base).group_by(value))
        for v, handled, closed in session.execute(odd):
            acc = out[dimension].setdefault(v, [0] * len(ROW_COUNTS))
            acc[1] += int(handled)
            acc[2] += int(closed)
    return out
