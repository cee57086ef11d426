"""One search over both kinds: a term looked up in the case number, the parties' names, the
summary, the parties' phone tails and the pinyin initials of their names; each hit says which
field matched and what it matched.

Each field is one matcher (a SELECT of case ids with the matched text), so a faster index
(issue #19: FTS5, name bigrams) can replace one matcher without changing the rest."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, String, and_, func, or_, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.storage import search_blocks, search_index
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
FEW = 2_000  # candidates dated by id; more, and the cases are scanned newest first
# gram_ids are ascending case ids: the FEW-th at or below FEW / DENSE says that at least
# DENSE of the cases hold the gram.
DENSE = 0.05
RECENT = 600  # newest cases read first for a 1–2 character number or summary fragment
MAX_RECENT = 4_000  # at most this many newest cases read first for a common term
WALK, MAX_WALK = 1_000, 16_000  # candidates per step of the walk back (doubling)
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
        # the phone's end marked: the tail, not any part (1380 is in every 1380… phone)
        return ("fts", "phones", [(_phone_digits(term) or "") + search_index.PHONE_END])
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


def _ids(source: Source) -> Select:
    """The candidates' ids, both kinds (the FTS kind column is left out: its doclist holds
    every case of the kind, so ``AND kind`` costs what the kind's size does)."""
    index, where, terms = source
    if index == "grams":
        return search_index.gram_ids(where, terms[0])
    return search_index.fts_ids(where, terms)


def _ids_below(source: Source, below: int | None) -> Select:
    """The candidates' ids below ``below`` (None: all), highest first."""
    index, where, terms = source
    if index == "grams":
        return search_index.gram_ids(where, terms[0], below=below, newest_first=True)
    return search_index.fts_ids(where, terms, below=below, newest_first=True)


def _top(found: Found, limit: int) -> Found:
    """The ``limit`` most recent of ``found``, one row per case."""
    seen: set[int] = set()
    out: Found = []
    for hit in sorted(found, key=lambda h: (h[1], h[0]), reverse=True):
        if hit[0] not in seen:
            seen.add(hit[0])
            out.append(hit)
    return out[:limit]


def _walk_back(session: Session, by_id: ColumnElement[bool], matcher: Matcher, term: str,
               source: Source, limit: int) -> Found:
    """The candidates from the highest id down, a step at a time (WALK, doubling), each step
    re-checked by the matcher; done when the page is full and no case with a lower id was
    received after its last one (search_blocks' bound), or when the candidates run out. Ids
    mostly follow received_on, so the walk reads about a page of candidates, however many
    cases match and however many newer cases do not (2025 in the numbers of a file whose
    newest cases are of 2026)."""
    found: Found = []
    below: int | None = None
    step = WALK
    while True:
        ids = session.scalars(_ids_below(source, below).limit(step)).all()
        if not ids:
            return found
        found = _top(found + matcher(session, term, and_(by_id, Case.id.in_(ids)), len(ids)),
                     limit)
        below = ids[-1]
        if len(ids) < step:
            return found
        if len(found) >= limit:
            bound = search_blocks.newest_below(session, below)
            if bound is None or bound <= found[-1][1]:
                return found
        step = min(2 * step, MAX_WALK)


def _applies(field: str, term: str) -> bool:
    if field == INITIALS:
        return _LETTERS.fullmatch(term) is not None
    return field != PHONE or _phone_digits(term) is not None


def _live(kind: str | None, narrow: tuple[ColumnElement[bool], ...] = (),
          hidden: bool = False) -> ColumnElement[bool]:
    """The cases a search looks among: not deleted, of ``kind`` (None: both), and ``narrow``
    (more conditions on cases, e.g. an office's). Every query of the search is within this.
    ``hidden``: the kind as kind || '' and deleted_at inside coalesce(), so that no index on
    them drives a look-up by id (the (deleted_at, received_on) index covers id and date: a
    1M-case file was scanned whole to date 200 ids)."""
    live = func.coalesce(Case.deleted_at, None) if hidden else Case.deleted_at
    terms = [live.is_(None), *narrow]
    if kind:
        terms.append(((Case.kind + "") if hidden else Case.kind) == kind)
    return and_(*terms)


def _window(session: Session, kind: str | None, size: int) -> ColumnElement[bool] | None:
    """The kind's ``size`` most recent cases (deleted ones counted, so the kind's index alone
    finds the edge; both kinds: the live ones, through the live index), as a range on
    (received_on, id) that a received_on index scans in order; None when there are no more
    than that."""
    which = Case.kind == kind if kind else Case.deleted_at.is_(None)
    edge = session.execute(select(Case.received_on, Case.id).where(which)
                           .order_by(Case.received_on.desc(), Case.id.desc())
                           .offset(size - 1).limit(1)).first()
    if edge is None:
        return None
    on, cid = edge
    return and_(Case.received_on >= on, or_(Case.received_on > on, Case.id >= cid))


class _Plan:
    """One kind's conditions: ``ordered`` lets SQLite scan the kind's received_on index
    newest first and stop at the limit; ``window()`` the same within its WINDOW most recent
    cases."""

    def __init__(self, session: Session, kind: str | None,
                 narrow: tuple[ColumnElement[bool], ...]):
        self.session, self.kind, self.narrow = session, kind, narrow
        self.ordered = _live(kind, narrow)

    def window(self) -> ColumnElement[bool]:
        bound = _window(self.session, self.kind, WINDOW)
        return self.ordered if bound is None else and_(self.ordered, bound)

    def newest(self, matcher: Matcher, term: str, size: int, limit: int) -> Found | None:
        """The matcher's LIKE over the kind's ``size`` most recent cases alone (no index):
        the answer when it finds ``limit`` there (every other case of the kind is older).
        Finding fewer but some, once more over as many as they say hold the page, up to
        MAX_RECENT (and WINDOW: the answer stays within the window's); else None."""
        most = min(MAX_RECENT, WINDOW)
        size = min(size, most)
        while True:
            bound = _window(self.session, self.kind, size)
            if bound is None:
                return None  # a small kind: the index answers at once
            found = matcher(self.session, term, and_(self.ordered, bound), limit)
            hits = _distinct(found)
            if hits >= limit:
                return found
            if not hits or size >= most:
                return None
            # the last try at ``most`` itself, not beyond it
            size = min(most, (size * 3 * limit) // (2 * hits) + 1)


def _within_newest(plans: list[_Plan], matcher: Matcher, term: str, size: int,
                   limit: int) -> Found | None:
    """Each kind's page from its most recent cases alone (_Plan.newest); when one kind has
    too few there (信 is in every petition's number and no dispute's), the page of both kinds
    together from their most recent cases; else None."""
    found: Found = []
    for plan in plans:
        recent = plan.newest(matcher, term, size, limit)
        if recent is None:
            break
        found += recent
    else:
        return found
    if len(plans) == 1:
        return None
    return _Plan(plans[0].session, None, plans[0].narrow).newest(matcher, term, size, limit)


def _newest_of(session: Session, scope: ColumnElement[bool], matcher: Matcher, term: str,
               ids: Sequence[int], limit: int) -> Found:
    """Of ``ids`` (fewer than FEW), those within ``scope`` newest first, re-checked by the
    matcher a page at a time until it has ``limit``: the candidates' dates are read by id
    (no sort of the kind), the LIKE only for the pages the answer needs."""
    dated = sorted(session.execute(select(Case.id, Case.received_on)
                                   .where(scope, Case.id.in_(ids))),
                   key=lambda r: (r.received_on, r.id), reverse=True)
    found: Found = []
    for start in range(0, len(dated), limit):
        chunk = [r.id for r in dated[start:start + limit]]
        found += matcher(session, term, Case.id.in_(chunk), limit)
        if _distinct(found) >= limit:
            break
    return found


def _distinct(found: Found) -> int:
    return len({cid for cid, _on, _text in found})


def _indexed(session: Session, scope: ColumnElement[bool], plans: list[_Plan], field: str,
             matcher: Matcher, term: str, limit: int, walk: bool) -> Found:
    """One field through the index; its candidates re-checked by the matcher's own LIKE, so
    the answer is LIKE's, at a cost that follows the page, not the number of matches:

    - fewer than FEW candidates: dated by id and re-checked newest first a page at a time
      (none: no query);
    - more (a common term): a common name piece, each case of ``scope`` scanned newest
      first looked up in the grams, stopping at the limit; else the candidates walked from
      the highest id down (_walk_back, bounded by search_blocks); in a file without the
      blocks, the newest cases alone when the candidates' density says they hold the page,
      else the cases scanned newest first, each probed against the candidates held in memory
      (id + 0 so that they never drive the query, which would sort every match);
    - a 1–2 character number or summary fragment, whose candidates come through the index's
      vocabulary (its cost grows with how often the character occurs): the newest RECENT
      cases first, which hold the page when the character is common; one too common to list
      its trigrams: each kind's recent WINDOW alone."""
    if not _applies(field, term):
        return []
    short = field in (NUMBER, SUMMARY) and len(term) <= 2
    if short:
        recent = _within_newest(plans, matcher, term, RECENT, limit)
        if recent is not None:
            return recent
    if field == PARTY and len(term) >= 3 and not search_index.names_may_hold(
            session, search_index.ascii_lower(term)):
        return []
    source = _source(session, field, term)
    if source is None:
        return [hit for plan in plans for hit in matcher(session, term, plan.window(), limit)]
    ids = _ids(source)
    few = session.scalars(ids.limit(FEW)).all()  # the index read once
    if not few:
        return []
    by_id = _live(plans[0].kind if len(plans) == 1 else None, plans[0].narrow, hidden=True)
    if len(few) < FEW:
        if field == PHONE or (field == INITIALS and len(term) > 2):
            # The index may hold more than LIKE finds (any part of the initials; a phone
            # tail of a party LIKE would not name): every candidate re-checked in one query.
            return matcher(session, term, and_(by_id, Case.id.in_(few)), limit)
        return _newest_of(session, by_id, matcher, term, few, limit)
    # Both indexes give ascending case ids: FEW of them up to max(few) is the density.
    density = len(few) / max(few)
    index, where, terms = source
    if index == "grams" and density >= DENSE:
        # A common name piece (王): each scanned case looked up in the grams (a hit every few
        # cases) costs less than holding every match in memory first.
        return matcher(session, term, and_(scope, search_index.gram_held(where, terms[0],
                                                                         Case.id)), limit)
    if walk:
        return _walk_back(session, by_id, matcher, term, source, limit)
    if not short:
        # The density is the oldest candidates'; a term of the recent cases (this year in
        # the numbers) is far denser among the newest: they are tried whatever it says.
        newest = int(2 * limit / density) + 1
        recent = _within_newest(plans, matcher, term,
                                newest if newest <= MAX_RECENT else RECENT, limit)
        if recent is not None:
            return recent
    return matcher(session, term, and_(scope, (Case.id + 0).in_(ids)), limit)


def _found(session: Session, term: str, kind: str | None, limit: int, indexed: bool,
           narrow: tuple[ColumnElement[bool], ...] = ()) -> dict[int, tuple[int, date, str]]:
    best: dict[int, tuple[int, date, str]] = {}  # case id → (field index, received_on, text)

    def keep(index: int, found: Found) -> None:
        for cid, received_on, matched in found:
            if cid not in best or index < best[cid][0]:
                best[cid] = (index, received_on, matched)

    kinds = [wf.Kind(kind).value] if kind else [k.value for k in wf.Kind]
    scope = _live(kinds[0] if kind else None, narrow)
    keep(0, _by_exact_number(session, term, scope))
    # The LIKE scan and the recent windows go kind by kind (each kind's received_on index);
    # each kind's most recent ``limit`` hits of a field hold the most recent of both.
    plans = [_Plan(session, k, narrow) for k in kinds]
    walk = indexed and search_blocks.present(session.connection())  # migration 0015
    for index, (field, matcher) in enumerate(zip(FIELDS, _MATCHERS, strict=True)):
        if indexed:
            keep(index, _indexed(session, scope, plans, field, matcher, term, limit, walk))
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
        # More conditions on cases (an office: narrow=(Case.office_id == office,)) go to
        # _found: every query of the search, indexed or LIKE, is within them (_live).
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
