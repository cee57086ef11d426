"""The case list: filters, sort, the ordered IDs of a filter, one page of rows, filter values.

The list is ID-backed (docs/architecture.md): ``case_ids`` runs one SQL query for the
ordered IDs of a filter, ``case_rows`` fetches one page of rows for some of those IDs.
Everything returns frozen dataclasses or plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.case_rows import (  # noqa: F401 (re-exported: the list's rows are plain data)
    DONE_STATUSES,
    MAIN_ROLES,
    OPEN_STATUSES,
    ROW_FIELDS,
    CaseRow,
    FirstPage,
    make_row,
)
from caseapp.figures import stats
from caseapp.storage.db import Database
from caseapp.storage.models import Case, CaseParty, Person

# The life-cycle order used when sorting by status.
_STATUS_ORDER = {s.value: i for i, s in enumerate(wf.Status)}


# ---------------------------------------------------------------------------
# Filters.


@dataclass
class CaseFilter:
    kind: str | None = None
    statuses: tuple[str, ...] = ()
    category: str | None = None
    street: str | None = None  # stats.UNSET (未填写) selects the cases without one
    handler: str | None = None  # likewise
    received_from: date | None = None
    received_to: date | None = None
    overdue_only: bool = False
    due_soon_only: bool = False
    text: str = ""  # words, each found in the number, the summary or a party's name
    figure: tuple[str, date, date] | None = None  # (figure name, from, to): stats.condition
    today: date | None = None
    source: str | None = None  # likewise; the figures' by_source drill-down
    outcome: str | None = None  # 办理结果, e.g. the dashboard's pie of closed cases
    risk_grade: str | None = None  # 风险等级 of disputes (一般 includes disputes without one)
    prevention: str | None = None  # a 预防成效 flag, by DOMAIN's name


def overdue_condition(today: date) -> ColumnElement:
    """Not closed or rejected, and the deadline in force has passed (docs/domain.md, Deadlines)."""
    return and_(Case.status.in_(OPEN_STATUSES), Case.due_on < today)


def due_soon_condition(today: date, limits: deadlines.Limits) -> ColumnElement:
    """Not closed or rejected, due today or within limits.due_soon_days."""
    return and_(Case.status.in_(OPEN_STATUSES),
                Case.due_on.between(today, today + timedelta(days=limits.due_soon_days)))


def _optional_equal(column, value: str) -> ColumnElement:
    if value == stats.UNSET:
        return or_(column.is_(None), column == "")
    return column == value


def _text_condition(words: list[str]) -> ColumnElement:
    conds = []
    for word in words:
        # An uncorrelated IN: the matching persons are found once, not per case.
        party = Case.id.in_(select(CaseParty.case_id)
                            .join(Person, Person.id == CaseParty.person_id)
                            .where(Person.name.icontains(word, autoescape=True)))
        conds.append(or_(Case.number.icontains(word, autoescape=True),
                         Case.summary.icontains(word, autoescape=True), party))
    return and_(*conds)


def _conditions(db: Database, flt: CaseFilter) -> list[ColumnElement]:
    today = flt.today or date.today()
    conds: list[ColumnElement] = [Case.deleted_at.is_(None)]
    if flt.kind:
        conds.append(Case.kind == wf.Kind(flt.kind).value)
    if flt.statuses:
        conds.append(Case.status.in_([wf.Status(s).value for s in flt.statuses]))
    if flt.category:
        conds.append(_optional_equal(Case.category, flt.category))
    if flt.street:
        conds.append(_optional_equal(Case.street, flt.street))
    if flt.handler:
        conds.append(_optional_equal(Case.handler, flt.handler))
    if flt.source:
        conds.append(_optional_equal(Case.source, flt.source))
    if flt.outcome:
        conds.append(_optional_equal(Case.outcome, flt.outcome))
    if flt.risk_grade:
        conds.append(Case.kind == wf.Kind.DISPUTE.value)
        conds.append(or_(Case.risk_grade == flt.risk_grade, Case.risk_grade.is_(None))
                     if flt.risk_grade == wf.RISK_DEFAULT else Case.risk_grade == flt.risk_grade)
    if flt.prevention:
        field = {name: f for f, name in wf.PREVENTION_FLAGS.items()}.get(flt.prevention)
        if field is None:
            raise ValueError(f"unknown prevention flag {flt.prevention!r}")
        conds.append(getattr(Case, field).is_(True))
    if flt.received_from:
        conds.append(Case.received_on >= flt.received_from)
    if flt.received_to:
        conds.append(Case.received_on <= flt.received_to)
    if flt.overdue_only:
        conds.append(overdue_condition(today))
    if flt.due_soon_only:
        conds.append(due_soon_condition(today, db.settings().limits))
    words = (flt.text or "").split()
    if words:
        conds.append(_text_condition(words))
    if flt.figure:
        name, f, t = flt.figure
        kinds = [wf.Kind(flt.kind).value] if flt.kind else list(stats.KINDS)
        alts = [stats.condition(k, name, f, t, today) for k in kinds
                if name in stats.figure_names(k)]
        if not alts:
            raise ValueError(f"unknown figure {name!r}")
        conds.append(or_(*alts) if len(alts) > 1 else alts[0])
        guide = stats.list_guide(kinds, name, f, t, today, size=lambda ids: _few(db, ids))
        if guide is not None:
            conds.append(guide)
    return conds


GUIDE_CAP = 200_000  # candidates counted at most, to choose an index guide (stats.list_guide)


def _few(db: Database, ids) -> int:
    """How many rows ``ids`` (a select of case ids) gives, counted up to GUIDE_CAP: the cost
    of a covering index range that long, whatever the file's size."""
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(
            ids.limit(GUIDE_CAP).subquery())) or 0)


def _main_party_name():
    """The name of the case's main party: its first 信访人 / 申请人, else its first party.
    Correlated subqueries served by the case_parties.case_id index (no sort per row)."""

    def first(*conds):
        return (select(Person.name)
                .join(CaseParty, CaseParty.person_id == Person.id)
                .where(CaseParty.case_id == Case.id, *conds)
                .order_by(CaseParty.id)
                .limit(1)
                .correlate(Case)
                .scalar_subquery())

    return func.coalesce(first(CaseParty.role.in_(MAIN_ROLES)), first())


SORT_KEYS = {"number", "party", "category", "street", "received_on", "status", "due_on",
             "handler", "office_id"}  # office_id: a district's 单位 column


def _sort_keys(sort: str, descending: bool) -> list:
    """ORDER BY terms for a sort key: empty values last in both directions, the id last."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; one of {sorted(SORT_KEYS)}")

    def direction(expr):
        return expr.desc() if descending else expr.asc()

    tiebreak = direction(Case.id)
    if sort == "received_on":
        # Served in order by the (kind, received_on) index when the filter names a kind.
        return [direction(Case.received_on), tiebreak]
    if sort == "party":
        # NULLS LAST (SQLite ≥ 3.30 and PostgreSQL) rather than the flag below, which would
        # run the correlated subquery twice per row.
        return [direction(_main_party_name()).nulls_last(), tiebreak]
    if sort == "status":
        column = case(_STATUS_ORDER, value=Case.status, else_=len(_STATUS_ORDER))
    else:
        column = getattr(Case, sort)
    # The leading "is empty" flag puts empty values last, portably. It also keeps SQLite
    # from walking a whole index in sort order (street, handler, (kind, category)) and
    # looking up every case, when sorting the rows the filter selects is far cheaper.
    return [case((column.is_(None), 1), else_=0), direction(column), tiebreak]


def case_ids(db: Database, flt: CaseFilter, sort: str = "received_on",
             descending: bool = True, limit: int | None = None,
             after: tuple[date, int] | None = None) -> list[int]:
    """The IDs of the cases the filter selects, in order: one SQL query. Empty values sort
    last in both directions; the id breaks ties, so the order is stable.

    ``limit`` takes the first so many; ``after`` (the received_on and id of the last case of
    a page, for the received_on order) starts after that case: keyset pages, which a live
    index ((kind, deleted_at, received_on), migration 0010) serves without a sort."""
    conds = _conditions(db, flt)
    if after is not None:
        if sort != "received_on":
            raise ValueError("keyset pages follow the received_on order only")
        day, last = after
        beyond = ((Case.received_on < day) | and_(Case.received_on == day, Case.id < last)
                  if descending else
                  (Case.received_on > day) | and_(Case.received_on == day, Case.id > last))
        conds.append(beyond)
    stmt = select(Case.id).where(*conds).order_by(*_sort_keys(sort, descending))
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as session:
        return list(session.scalars(stmt))


def first_page(db: Database, flt: CaseFilter, sort: str = "received_on",
               descending: bool = True, limit: int = 100,
               today: date | None = None) -> FirstPage:
    """The first ``limit`` cases of the list and their rows: what the case list paints first,
    read through an index in order (no sort of every id of the kind for the default order
    and the filters migration 0010 indexes); the full ids and the count follow."""
    ids = case_ids(db, flt, sort, descending, limit=limit + 1)
    complete = len(ids) <= limit
    ids = ids[:limit]
    return FirstPage(ids, case_rows(db, ids, today or flt.today), complete)


def count(db: Database, flt: CaseFilter) -> int:
    stmt = select(func.count(Case.id)).where(*_conditions(db, flt))
    with db.read() as session:
        return int(session.scalar(stmt) or 0)


# ---------------------------------------------------------------------------
# Rows of the case list.


_ROW_COLUMNS = tuple(getattr(Case, name) for name in ROW_FIELDS)
_CHUNK = 500


def case_rows(db: Database, ids: list[int], today: date | None = None) -> list[CaseRow]:
    """The rows of ``ids`` (one page), in the order of ``ids``; missing or deleted cases
    are left out."""
    today = today or date.today()
    limits = db.settings().limits
    found: dict[int, CaseRow] = {}
    ids = list(ids)
    with db.read() as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            # Read by key, the deleted left out here: with `deleted_at IS NULL` beside a long
            # IN list SQLite walks the whole live index instead (500 ids at 1M: 327 → 25 ms).
            stmt = (select(*_ROW_COLUMNS, Case.deleted_at, _main_party_name().label("party"))
                    .where(Case.id.in_(chunk)))
            for r in session.execute(stmt):
                if r.deleted_at is None:
                    found[r.id] = make_row(r, r.party, today, limits)
    return [found[i] for i in ids if i in found]


_DISTINCT = {"street": Case.street, "handler": Case.handler, "category": Case.category,
             "source": Case.source, "community": Case.community}


def distinct_values(db: Database, column: str, kind: str | None = None) -> list[str]:
    """The values in use in a column (street, handler, category, source, community), for the
    filter combos; empty values are left out."""
    if column not in _DISTINCT:
        raise ValueError(f"unknown column {column!r}")
    col = _DISTINCT[column]
    stmt = select(col).where(Case.deleted_at.is_(None), col.is_not(None), col != "").distinct()
    # Kind by kind, each through its (kind, column) index of live cases: without the kind
    # SQLite reads every case row (承办人 for both lists: 3.4 s at 1M cases, issue #19).
    kinds = [wf.Kind(kind).value] if kind else [k.value for k in wf.Kind]
    with db.read() as session:
        return sorted({v for k in kinds for v in session.scalars(stmt.where(Case.kind == k))
                       if v is not None})
