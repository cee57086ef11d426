"""The benchmark baseline: the headline counts of ``stats.figures()`` in hand-written SQL over
the same rows, which the benchmarks time ``figures()`` against (and the tests compare)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, bindparam, text
from sqlalchemy.sql.elements import TextClause

from caseapp import workflow as wf
from caseapp.figures.model import COUNTS, KINDS, SECTION
from caseapp.figures.stats import CONFIRMED_LIKE, ORAL, SATISFIED, TRANSFERRED, UNRATED, WRITTEN
from caseapp.storage.db import Database

_BARE_HANDLED = ("accepted_on <= :t AND (closed_on IS NULL OR closed_on >= :f) "
                 "AND status <> 'rejected'")
_BARE_CLOSED = f"{_BARE_HANDLED} AND closed_on <= :t"
_BARE_SUCCEEDED = f"{_BARE_CLOSED} AND outcome = '{wf.MEDIATED}'"
_BARE_RATED = f"{_BARE_CLOSED} AND satisfaction IS NOT NULL AND satisfaction <> '{UNRATED}'"
_BARE_APPLIED = f"{_BARE_SUCCEEDED} AND judicial_applied_on IS NOT NULL"


def _bare_form(form: str) -> str:
    return (f"{_BARE_SUCCEEDED} AND EXISTS (SELECT 1 FROM agreements a "
            f"WHERE a.case_id = cases.id AND a.form = '{form}')")


_BARE = {
    "received": "received_on BETWEEN :f AND :t",
    "handled": _BARE_HANDLED,
    "closed": _BARE_CLOSED,
    "closed_on_time": f"{_BARE_CLOSED} AND due_on IS NOT NULL AND closed_on <= due_on",
    "overdue_open": f"{_BARE_HANDLED} AND (closed_on IS NULL OR closed_on > :t) AND due_on < :t",
    "rejected": f"received_on BETWEEN :f AND :t AND outcome = '{wf.REJECTED}'",
    "proxy": f"{_BARE_HANDLED} AND via_proxy",
    "entered": f"{_BARE_HANDLED} AND entered",
    "diverted": f"{_BARE_CLOSED} AND outcome = '{wf.DIVERTED}'",
    "concluded": f"{_BARE_CLOSED} AND outcome IN ('{wf.MEDIATED}', '{wf.MEDIATION_FAILED}')",
    "succeeded": _BARE_SUCCEEDED,
    "performed": f"{_BARE_SUCCEEDED} AND performed",
    "transferred": f"{_BARE_CLOSED} AND outcome = '{TRANSFERRED}'",
    "rated": _BARE_RATED,
    "satisfied": f"{_BARE_RATED} AND satisfaction IN ('{SATISFIED[0]}', '{SATISFIED[1]}')",
    "oral": _bare_form(ORAL),
    "written": _bare_form(WRITTEN),
    "confirmation_applied": _BARE_APPLIED,
    "confirmed": f"{_BARE_APPLIED} AND judicial_result LIKE '{CONFIRMED_LIKE}'",
    "supervised": (f"{_BARE_HANDLED} AND EXISTS (SELECT 1 FROM supervisions s "
                   "WHERE s.case_id = cases.id AND s.supervised_on BETWEEN :f AND :t)"),
    "reviews": (f"received_on BETWEEN :f AND :t AND review_stage IN "
                f"('{wf.REVIEW}', '{wf.RE_REVIEW}')"),
    **{flag: f"{_BARE_CLOSED} AND {flag}" for flag in wf.PREVENTION_FLAGS},
    "major": f"{_BARE_HANDLED} AND risk_grade = '{wf.RISK_MAJOR}'",
}
_BARE_WHERE = ("deleted_at IS NULL AND ((kind = :k AND received_on BETWEEN :f AND :t) "
               "OR (kind = :k AND closed_on IS NULL AND accepted_on <= :t) "
               "OR (kind = :k AND closed_on >= :f AND accepted_on <= :t))")


def _bare(sql: str) -> TextClause:
    return text(sql).bindparams(bindparam("f", type_=Date), bindparam("t", type_=Date))


def bare_sql_year(db: Database, year: int, grouped: bool = False) -> dict[str, dict[str, int]]:
    """The headline counts of ``figures()`` for a calendar year, as one hand-written SQL
    aggregate per kind over the same rows: the baseline the benchmarks compare ``figures()``
    with. ``grouped`` makes the same SQL do what figures() does, GROUP BY the four breakdown
    dimensions, summed here. {"petitions": {...}, "disputes": {...}}, no rates."""
    f, t = date(year, 1, 1), date(year, 12, 31)
    out: dict[str, dict[str, int]] = {}
    group = " GROUP BY category, source, street, handler" if grouped else ""
    with db.read() as session:
        for kind in KINDS:
            cols = ", ".join(f"COUNT(CASE WHEN {_BARE[n]} THEN 1 END) AS {n}" for n in COUNTS[kind])
            rows = session.execute(_bare(f"SELECT {cols} FROM cases WHERE {_BARE_WHERE}{group}"),
                                   {"k": kind, "f": f, "t": t}).all()
            out[SECTION[kind]] = {n: sum(int(r._mapping[n]) for r in rows) for n in COUNTS[kind]}
    return out
