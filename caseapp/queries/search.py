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

from sqlalchemy import ColumnElement, Select, String, and_, func, or_, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.storage import search_index
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
# A 1–2 character number or summary fragment is found through the trigrams that begin with
# it; one that begins MAX_TRIGRAMS or more (a very common character) is looked up among each
# kind's WINDOW most recent cases only (domain §13).
MAX_TRIGRAMS = 300
WINDOW = 20_000
FEW = 5_000  # candidates fetched by id; more, and the kind is scanned newest first
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
    party: str = ""  # the matching party, else the case's first: 姓名（角色）


def _normalise(text: str) -> str:
    return " ".join((text or "").split())


# Each matcher: (session, term, where, limit) → [(case id, received_on, matched text)], the
# ``limit`` most recent cases that meet ``where`` (kind, not deleted, and the plan's bound).
Found = list[tuple[int, date, str]]
Matcher = Callable[[Session, str, ColumnElement[bool], int], Found]


def _recent(stmt: Select, limit: int) -> Select:
    return stmt.order_by(Case.received_on.desc(), Case.id.desc()).limit(limit)


def _variants(term: str) -> set[str]:
    # ASCII brackets typed for the full-width ones the number formats use: (2026) → （2026）
    return {term, term.replace("(", "（").replace(")", "）")}


def _by_exact_number(session: Session, term: str, where: ColumnElement[bool]) -> Found:
    # The exact number first: the unique index finds it whatever else the limit keeps.
    return [(cid, on, number) for cid, on, number in session.execute(
        select(Case.id, Case.received_on, Case.number)
        .where(where, Case.number.in_(_variants(term))))]


def _by_number(session: Session, term: str, where: ColumnElement[bool], limit: int) -> Found:
    found: Found = []
    for variant in sorted(_variants(term)):
        stmt = select(Case.id, Case.received_on, Case.number).where(where)
        found += [tuple(r) for r in session.execute(_recent(stmt.where(
            Case.number.icontains(variant, autoescape=True)), limit))]
    return found


def _party_rows(session: Session, condition, where: ColumnElement[bool], limit: int,
                text: Callable[[str, str, str | None], str]) -> Found:
    # One row per case (its first matching party): a case with many matching parties does
    # not crowd the others out of the limit. The cases first (EXISTS: an ordered scan may
    # stop at the limit), then each one's first matching party.
    party = (select(CaseParty.id).join(Person, Person.id == CaseParty.person_id)
             .where(CaseParty.case_id == Case.id, condition))
    rows = session.execute(_recent(select(Case.id, Case.received_on)
                                   .where(where, party.exists()), limit)).all()
    if not rows:
        return []
    first = dict(session.execute(
        select(CaseParty.case_id, func.min(CaseParty.id))
        .join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.case_id.in_([r.id for r in rows]), condition)
        .group_by(CaseParty.case_id)).all())
    parties = {cp: (name, role, phone) for cp, name, role, phone in session.execute(
        select(CaseParty.id, Person.name, CaseParty.role, Person.phone)
        .join(Person, Person.id == CaseParty.person_id)
        .where(CaseParty.id.in_(list(first.values()))))}
    return [(r.id, r.received_on, text(*parties[first[r.id]])) for r in rows]


def _named(name: str, role: str, _phone: str | None) -> str:
    return f"{name}（{role}）"


def _by_party(session: Session, term: str, where: ColumnElement[bool], limit: int) -> Found:
    return _party_rows(session, Person.name.icontains(term, autoescape=True), where, limit,
                       _named)


def _by_initials(session: Session, term: str, where: ColumnElement[bool], limit: int) -> Found:
    if not _LETTERS.fullmatch(term):
        return []
    low = term.lower()
    # A prefix as a range, so the name_initials index serves it whatever LIKE's collation.
    high = low[:-1] + chr(ord(low[-1]) + 1)
    return _party_rows(session, (Person.name_initials >= low) & (Person.name_initials < high),
                       where, limit, _named)


def _phone_digits(term: str) -> str | None:
    digits = term.replace(" ", "").replace("-", "")
    return digits if _PHONE_TAIL.fullmatch(digits) else None


def _by_phone(session: Session, term: str, where: ColumnElement[bool], limit: int) -> Found:
    digits = _phone_digits(term)
    if digits is None:
        return []
    # Phones are kept as typed (138 1234 5678, 023-71234567): compare their digits.
    bare = func.replace(func.replace(Person.phone, " ", ""), "-", "", type_=String)
    return _party_rows(session, bare.endswith(digits, autoescape=True), where, limit,
                       lambda name, _role, phone: f"{name} {mask_phone(phone)}")


def _by_summary(session: Session, term: str, where: ColumnElement[bool], limit: int) -> Found:
    stmt = select(Case.id, Case.received_on, Case.summary).where(where)
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


_MATCHERS: tuple[Matcher, ...] = (_by_number, _by_party, _by_initials, _by_phone, _by_summary)


# Where a field's candidates come from: ("fts", column, terms) or ("grams", field, [gram]).
Source = tuple[str, str, list[str]]


def _source(session: Session, field: str, term: str) -> Source | None:
    """Where the search index keeps ``field``'s candidates for ``term`` (the caller knows
    the field applies to the term); None when it cannot say (a 1–2 character number or
    summary fragment that begins too many trigrams)."""
    low = search_index.ascii_lower(term)
    if field == PHONE:
        return ("fts", "phones", [_phone_digits(term) or ""])
    if field == INITIALS:
        return (("grams", search_index.INITIALS, [low]) if len(term) <= 2
                else ("fts", "initials", [low]))
    column = {NUMBER: "number", PARTY: "names", SUMMARY: "summary"}[field]
    # both bracket forms of a number
    terms = sorted(search_index.ascii_lower(v) for v in _variants(term)) \
        if field == NUMBER else [low]
    if len(term) >= 3:
        return ("fts", column, terms)
    if field == PARTY:
        return ("grams", search_index.NAME, [low])
    trigrams: list[str] = []
    for start in terms:
        found = search_index.trigrams_from(session, column, start, MAX_TRIGRAMS)
        if found is None:
            return None
        trigrams += found
    return ("fts", column, trigrams)


def _ids(source: Source, kind: str) -> Select:
    index, where, terms = source
    if index == "grams":
        return search_index.gram_ids(where, terms[0])
    return search_index.fts_ids(where, terms, kind)


def _applies(field: str, term: str) -> bool:
    if field == INITIALS:
        return _LETTERS.fullmatch(term) is not None
    return field != PHONE or _phone_digits(term) is not None


def _window(session: Session, kind: str) -> ColumnElement[bool] | None:
    """The kind's WINDOW most recent cases (deleted ones counted, so the kind's index alone
    finds the edge), as a range on (received_on, id) that the kind's received_on index scans in order; None
    when the kind has no more than that."""
    edge = session.execute(select(Case.received_on, Case.id).where(Case.kind == kind)
                           .order_by(Case.received_on.desc(), Case.id.desc())
                           .offset(WINDOW - 1).limit(1)).first()
    if edge is None:
        return None
    on, cid = edge
    return and_(Case.received_on >= on, or_(Case.received_on > on, Case.id >= cid))


class _Plan:
    """One kind's conditions: ``ordered`` lets SQLite scan the kind's received_on index
    newest first and stop at the limit; ``window()`` the same within its WINDOW most recent
    cases, and whether that is all of them."""

    def __init__(self, session: Session, kind: str):
        self.session, self.kind = session, kind
        self.ordered = and_(Case.deleted_at.is_(None), Case.kind == kind)
        self._window: list[ColumnElement[bool] | None] = []

    def window(self) -> tuple[ColumnElement[bool], bool]:
        if not self._window:
            self._window.append(_window(self.session, self.kind))
        bound = self._window[0]
        return (self.ordered, True) if bound is None else (and_(self.ordered, bound), False)


def _distinct(found: Found) -> int:
    return len({cid for cid, _on, _text in found})


def _indexed(session: Session, plans: list[_Plan], field: str, matcher: Matcher, term: str,
             limit: int) -> Found:
    """One field through the index, kind by kind; its candidates re-checked by the
    matcher's own LIKE, so the answer is LIKE's. Fewer than FEW candidates: fetched by id
    (the kind hidden from the indexes as kind || ''; none: no query). More (a common term): the kind's recent
    window scanned newest first, which holds the limit's hits when the term is common there,
    else the kind scanned newest first against the candidates. A 1–2 character number or
    summary fragment too common to list its trigrams: the window alone."""
    if not _applies(field, term):
        return []
    source = _source(session, field, term)
    found: Found = []
    for plan in plans:
        ids = _ids(source, plan.kind) if source else None
        if ids is not None:
            few = session.scalars(ids.limit(FEW)).all()  # the index read once
            if not few:
                continue
            if len(few) < FEW:
                found += matcher(session, term, and_(
                    Case.deleted_at.is_(None), (Case.kind + "") == plan.kind,
                    Case.id.in_(few)), limit)
                continue
        where, complete = plan.window()
        recent = matcher(session, term, where, limit)
        if ids is None or complete or _distinct(recent) >= limit:
            found += recent
        else:
            found += matcher(session, term, and_(plan.ordered, Case.id.in_(ids)), limit)
    return found


def _found(session: Session, term: str, kind: str | None, limit: int,
           indexed: bool) -> dict[int, tuple[int, date, str]]:
    best: dict[int, tuple[int, date, str]] = {}  # case id → (field index, received_on, text)

    def keep(index: int, found: Found) -> None:
        for cid, received_on, matched in found:
            if cid not in best or index < best[cid][0]:
                best[cid] = (index, received_on, matched)

    # Kind by kind where cases are scanned newest first (each kind's received_on index);
    # each kind's most recent ``limit`` hits of a field hold the most recent of both.
    plans = [_Plan(session, k) for k in ([wf.Kind(kind).value] if kind
                                         else [k.value for k in wf.Kind])]
    for plan in plans:
        keep(0, _by_exact_number(session, term, plan.ordered))
    for index, (field, matcher) in enumerate(zip(FIELDS, _MATCHERS, strict=True)):
        if indexed:
            keep(index, _indexed(session, plans, field, matcher, term, limit))
        else:
            for plan in plans:
                keep(index, matcher(session, term, plan.ordered, limit))
    return best


def search_cases(db: Database, text: str, *, kind: str | None = None,
                 limit: int = SEARCH_LIMIT, indexed: bool | None = None) -> list[SearchHit]:
    """The cases (both kinds unless ``kind``, never deleted ones) whose number, party names,
    summary, phone tail (4+ digits) or names' pinyin initials (ASCII letters: "zs" → 张三)
    hold ``text``. The case whose number is exactly ``text`` comes first, then the most
    recently registered; at most ``limit`` hits. Every role reads every case (domain §9), and
    phones are masked for every role, as in the lists and the case view (domain §10).

    On SQLite the search index answers (storage/search_index.py; ``indexed=False`` forces
    the plain LIKE scan, the reference and PostgreSQL's way): the same hits as LIKE, except
    that a single very common character (beginning MAX_TRIGRAMS distinct trigrams) is looked
    up in numbers and summaries only among each kind's WINDOW most recent cases."""
    term = _normalise(text)
    if not term:
        return []
    with db.read() as session:
        if indexed is None:
            indexed = search_index.present(session.connection())
        best = _found(session, term, kind, limit, indexed)
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
        first = _first_parties(session, chosen)
    hits = []
    for cid in chosen:
        r = rows[cid]
        index, _on, matched = best[cid]
        party = matched if FIELDS[index] in (PARTY, INITIALS) else first.get(cid, "")
        hits.append(SearchHit(
            id=r.id, number=r.number, kind=r.kind, kind_label=wf.KIND_SHORT[wf.Kind(r.kind)],
            status=r.status, status_label=wf.status_label(r.kind, r.status),
            field=FIELDS[index], matched=matched, summary=r.summary,
            received_on=r.received_on, handler=r.handler,
            exact=r.number.casefold() == folded, party=party))
    return hits


def _first_parties(session: Session, ids: list[int]) -> dict[int, str]:
    """Each case's first party (as added), 姓名（角色）."""
    first = (select(CaseParty.case_id, func.min(CaseParty.id).label("cp"))
             .where(CaseParty.case_id.in_(ids)).group_by(CaseParty.case_id).subquery())
    return {cid: _named(name, role, None) for cid, name, role in session.execute(
        select(first.c.case_id, Person.name, CaseParty.role)
        .join(CaseParty, CaseParty.id == first.c.cp)
        .join(Person, Person.id == CaseParty.person_id))}
