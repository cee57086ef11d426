"""One search over both kinds: a term looked up in the case number, the parties' names, the
summary, the parties' phone tails and the pinyin initials of their names; each hit says which
field matched and what it matched.

Each field is one matcher (a SELECT of case ids with the matched text), so a faster index
(issue #19: FTS5, name bigrams) can replace one matcher without changing the rest."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, String, func, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.storage.db import Database
from caseapp.storage.models import Case, CaseParty, Person
from caseapp.validation import mask_phone

# The fields a hit names, in the order a case's best match is chosen.
NUMBER = "编号"
PARTY = "当事人"
INITIALS = "拼音首字母"
PHONE = "电话尾号"
SUMMARY = "事项摘要"
FIELDS = (NUMBER, PARTY, INITIALS, PHONE, SUMMARY)

SEARCH_LIMIT = 200
MIN_PHONE_TAIL = 4
_SNIPPET = 14  # characters of summary shown around the match (the full one has its column)
_LETTERS = re.compile(r"[A-Za-z]+")
_PHONE_TAIL = re.compile(rf"\d{{{MIN_PHONE_TAIL},}}")


@dataclass(frozen=True)
class SearchHit:
    id: int
    number: str
    kind: str
    kind_label: str  # 信访 / 纠纷
    status: str
    status_label: str
    field: str  # one of FIELDS
    matched: str  # what matched: the number, a name, a masked phone, part of the summary
    summary: str
    received_on: date
    handler: str | None
    exact: bool = False  # the term is the whole case number


def _normalise(text: str) -> str:
    return " ".join((text or "").split())


def _scope(stmt: Select, kind: str | None) -> Select:
    stmt = stmt.where(Case.deleted_at.is_(None))
    if kind:
        stmt = stmt.where(Case.kind == wf.Kind(kind).value)
    return stmt


def _recent(stmt: Select, limit: int) -> Select:
    return stmt.order_by(Case.received_on.desc(), Case.id.desc()).limit(limit)


# Each matcher: (session, term, kind, limit) → [(case id, received_on, matched text)].
Found = list[tuple[int, date, str]]


def _by_number(session: Session, term: str, kind: str | None, limit: int) -> Found:
    # ASCII brackets typed for the full-width ones the number formats use: (2026) → （2026）
    variants = {term, term.replace("(", "（").replace(")", "）")}
    # The exact number first: the unique index finds it whatever else the limit keeps.
    found: Found = [tuple(r) for r in session.execute(_scope(
        select(Case.id, Case.received_on, Case.number), kind)
        .where(Case.number.in_(variants)))]
    for variant in variants:
        stmt = _scope(select(Case.id, Case.received_on, Case.number), kind)
        found += [tuple(r) for r in session.execute(_recent(stmt.where(
            Case.number.icontains(variant, autoescape=True)), limit))]
    return found


def _party_rows(session: Session, condition, kind: str | None, limit: int,
                text: Callable[[str, str, str | None], str]) -> Found:
    # One row per case (its first matching party): a case with many matching parties
    # does not crowd the others out of the limit.
    first = func.min(CaseParty.id).label("cp")
    stmt = _scope(select(Case.id, Case.received_on, first)
                  .join(CaseParty, CaseParty.case_id == Case.id)
                  .join(Person, Person.id == CaseParty.person_id)
                  .where(condition), kind).group_by(Case.id, Case.received_on)
    rows = session.execute(_recent(stmt, limit)).all()
    if not rows:
        return []
    parties = {cp: (name, role, phone) for cp, name, role, phone in session.execute(
        select(CaseParty.id, Person.name, CaseParty.role, Person.phone)
        .join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.id.in_([r.cp for r in rows])))}
    return [(r.id, r.received_on, text(*parties[r.cp])) for r in rows]


def _named(name: str, role: str, _phone: str | None) -> str:
    return f"{name}（{role}）"


def _by_party(session: Session, term: str, kind: str | None, limit: int) -> Found:
    return _party_rows(session, Person.name.icontains(term, autoescape=True), kind, limit,
                       _named)


def _by_initials(session: Session, term: str, kind: str | None, limit: int) -> Found:
    if not _LETTERS.fullmatch(term):
        return []
    low = term.lower()
    # A prefix as a range, so the name_initials index serves it whatever LIKE's collation.
    high = low[:-1] + chr(ord(low[-1]) + 1)
    return _party_rows(session, (Person.name_initials >= low) & (Person.name_initials < high),
                       kind, limit, _named)


def _by_phone(session: Session, term: str, kind: str | None, limit: int) -> Found:
    digits = term.replace(" ", "").replace("-", "")
    if not _PHONE_TAIL.fullmatch(digits):
        return []
    # Phones are kept as typed (138 1234 5678, 023-71234567): compare their digits.
    bare = func.replace(func.replace(Person.phone, " ", ""), "-", "", type_=String)
    return _party_rows(session, bare.endswith(digits, autoescape=True), kind, limit,
                       lambda name, _role, phone: f"{name} {mask_phone(phone)}")


def _by_summary(session: Session, term: str, kind: str | None, limit: int) -> Found:
    stmt = _scope(select(Case.id, Case.received_on, Case.summary), kind)
    rows = session.execute(_recent(stmt.where(Case.summary.icontains(term, autoescape=True)),
                                   limit))
    return [(cid, on, snippet(summary, term)) for cid, on, summary in rows]


def snippet(text: str, term: str, width: int = _SNIPPET) -> str:
    """The part of ``text`` around the first ``term``, with … where it was cut."""
    at = text.lower().find(term.lower())
    if len(text) <= width or at < 0:
        return text if len(text) <= width else text[:width] + "…"
    start = max(0, min(at - (width - len(term)) // 2, len(text) - width))
    part = text[start:start + width]
    return ("…" if start else "") + part + ("…" if start + width < len(text) else "")


_MATCHERS: tuple[tuple[str, Callable[[Session, str, str | None, int], Found]], ...] = (
    (NUMBER, _by_number), (PARTY, _by_party), (INITIALS, _by_initials), (PHONE, _by_phone),
    (SUMMARY, _by_summary))


def search_cases(db: Database, text: str, *, kind: str | None = None,
                 limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """The cases (both kinds unless ``kind``, never deleted ones) whose number, party names,
    summary, phone tail (4+ digits) or names' pinyin initials (ASCII letters: "zs" → 张三)
    hold ``text``. The case whose number is exactly ``text`` comes first, then the most
    recently registered; at most ``limit`` hits. Every role reads every case (domain §9), and
    phones are masked for every role, as in the lists and the case view (domain §10)."""
    term = _normalise(text)
    if not term:
        return []
    best: dict[int, tuple[int, date, str]] = {}  # case id → (field index, received_on, text)
    with db.read() as session:
        for index, (_field, matcher) in enumerate(_MATCHERS):
            for cid, received_on, matched in matcher(session, term, kind, limit):
                if cid not in best or index < best[cid][0]:
                    best[cid] = (index, received_on, matched)
        folded = term.casefold()
        numbers = {cid: number for cid, number in session.execute(
            select(Case.id, Case.number).where(Case.id.in_(list(best))))}

        def order(cid: int) -> tuple[bool, int, int]:
            exact = numbers.get(cid, "").casefold() == folded
            return (not exact, -best[cid][1].toordinal(), -cid)

        chosen = sorted(best, key=order)[:limit]
        rows = {r.id: r for r in session.execute(
            select(Case.id, Case.number, Case.kind, Case.status, Case.summary,
                   Case.received_on, Case.handler).where(Case.id.in_(chosen)))}
    hits = []
    for cid in chosen:
        r = rows[cid]
        index, _on, matched = best[cid]
        hits.append(SearchHit(
            id=r.id, number=r.number, kind=r.kind, kind_label=wf.KIND_SHORT[wf.Kind(r.kind)],
            status=r.status, status_label=wf.status_label(r.kind, r.status),
            field=FIELDS[index], matched=matched, summary=r.summary,
            received_on=r.received_on, handler=r.handler,
            exact=r.number.casefold() == folded))
    return hits
