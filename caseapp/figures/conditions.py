"""The single definition of every figure of docs/domain.md §5 (``condition()``), and the
pieces of SQL made of it that ``stats`` (the direct aggregate) and ``days`` (the per-day
tables) both count with."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Integer,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    or_,
    select,
    union_all,
)
from sqlalchemy.sql import CompoundSelect
from sqlalchemy.sql.elements import ColumnElement, Label

from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.figures.model import (
    AMOUNTS,
    COUNTS,
    DISPUTE,
    FIGURES_OF,
    PETITION,
    BreakdownRow,
    KindFigures,
    yuan,
)
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


def kind_name(kind: wf.Kind | str) -> str:
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


@lru_cache(maxsize=2048)  # building the expressions costs more than counting a small span
def scoped_conditions(kind: str, date_from: date, date_to: date,
                      as_of: date) -> dict[str, ColumnElement[bool]]:
    """Each figure of ``kind`` for [F, T] measured as of A (``as_of_day``), without the kind
    and deleted_at tests: for a count under ``scope()``'s WHERE clause (``condition`` adds
    them for a WHERE of its own). Cached: the dict is shared, never change it."""
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
    return COUNTS[kind_name(kind)]


def condition(kind: wf.Kind | str, figure: str, date_from: date, date_to: date,
              today: date | None = None) -> ColumnElement[bool]:
    """The cases (of ``kind``, not deleted) counted by ``figure`` for [date_from, date_to],
    measured on ``today`` (default: the real date)."""
    kind = kind_name(kind)
    conds = scoped_conditions(kind, date_from, date_to, as_of_day(date_to, today))
    if figure not in conds:
        raise ValueError(f"unknown figure {figure!r} for {kind}")
    return and_(*_base(kind), conds[figure])


def list_guide(kinds: Collection[str], figure: str, date_from: date, date_to: date,
               today: date | None = None,
               size: Callable[[CompoundSelect], int] | None = None) -> ColumnElement[bool] | None:
    """A condition every case of ``figure`` meets, which an index serves, for a list of the
    figure's cases (queries.case_list): None when the figure needs none. The figure's own
    condition still decides; this only leads SQLite to the few candidates.

    overdue_open: either not closed by A, as a union of two (kind, closed_on) index ranges
    (still open, or closed after A; its own OR over closed_on made SQLite walk every case of
    the kind due before A: a past month's list of a 1,000,000-case file took 1.1 s, 86 ms this
    way), or accepted by A, a (kind, accepted_on) range: whichever ``size`` (the candidates of
    a select, counted up to a cap) finds fewer. A recent A has few cases closed after it; one
    long past, few accepted by it (a month before that file's first case, which the
    self-test prints: 1.3 s through the closed_on ranges with a warm cache, 64 s cold)."""
    if figure != "overdue_open":
        return None
    a = as_of_day(date_to, today)
    open_at_a = union_all(*(select(Case.id).where(Case.kind == kind_name(k), cond)
                            for k in kinds for cond in (Case.closed_on.is_(None),
                                                        Case.closed_on > a)))
    accepted = union_all(*(select(Case.id).where(Case.kind == kind_name(k),
                                                 Case.accepted_on <= a) for k in kinds))
    if size is not None and size(accepted) < size(open_at_a):
        return Case.id.in_(accepted)
    return Case.id.in_(open_at_a)


def count_of(cond: ColumnElement[bool], label: str) -> Label[int]:
    """COUNT(CASE WHEN cond THEN 1 END) AS label: portable, and 0 (not NULL) over no rows."""
    return func.count(case((cond, 1))).label(label)



def office_column() -> ColumnElement[int] | None:
    """cases.office_id (migration 0012), or None on a schema without offices."""
    return Case.__table__.c.get("office_id")


def office_filter(offices: Collection[int] | None) -> list[ColumnElement[bool]]:
    """[] for every office, else the test that keeps only ``offices``' cases."""
    if offices is None:
        return []
    column = office_column()
    ids = sorted(set(offices))
    if column is None:  # one office, id 1, before migration 0012
        return [] if 1 in ids else [false()]
    return [column.in_(ids)]
