"""The search index (issue #19, storage/search_index.py, migration 0011): search through it
gives today's LIKE answers (a hypothesis test against the LIKE search as it was before the
index, kept here verbatim as the reference), the acts keep it in step, `caseapp check` sees
it out of step and `--repair` rebuilds it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import String, delete, func, select

from caseapp import services
from caseapp import workflow as wf
from caseapp.queries import search
from caseapp.storage import checks, search_index
from caseapp.storage.models import Case, CaseParty, Person
from caseapp.validation import mask_phone

pytestmark = pytest.mark.sqlite_only("the index is SQLite's FTS5 and its gram table")

# ---- the reference: queries/search.py's LIKE matchers before the index (git 66a9ff9) -------
# One change: ``window`` (cases per kind, deleted ones counted) bounds the number and summary
# matchers of a 1–2 character term, as the indexed search does for a character too common to
# list its trigrams (domain §13); None: everything.

_LETTERS = re.compile(r"[A-Za-z]+")
_PHONE_TAIL = re.compile(r"\d{4,}")


def _scope(stmt, kind, window=None):
    stmt = stmt.where(Case.deleted_at.is_(None))
    if kind:
        stmt = stmt.where(Case.kind == wf.Kind(kind).value)
    if window is not None:
        stmt = stmt.where(Case.id.in_(window))
    return stmt


def _recent(stmt, limit):
    return stmt.order_by(Case.received_on.desc(), Case.id.desc()).limit(limit)


def by_number(session, term, kind, limit, window):
    variants = {term, term.replace("(", "（").replace(")", "）")}
    found = [tuple(r) for r in session.execute(_scope(
        select(Case.id, Case.received_on, Case.number), kind).where(Case.number.in_(variants)))]
    for variant in variants:
        stmt = _scope(select(Case.id, Case.received_on, Case.number), kind, window)
        found += [tuple(r) for r in session.execute(_recent(stmt.where(
            Case.number.icontains(variant, autoescape=True)), limit))]
    return found


def party_rows(session, condition, kind, limit, text):
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


def named(name, role, _phone):
    return f"{name}（{role}）"


def by_party(session, term, kind, limit, _window):
    return party_rows(session, Person.name.icontains(term, autoescape=True), kind, limit, named)


def by_initials(session, term, kind, limit, _window):
    if not _LETTERS.fullmatch(term):
        return []
    low = term.lower()
    high = low[:-1] + chr(ord(low[-1]) + 1)
    return party_rows(session, (Person.name_initials >= low) & (Person.name_initials < high),
                      kind, limit, named)


def by_phone(session, term, kind, limit, _window):
    digits = term.replace(" ", "").replace("-", "")
    if not _PHONE_TAIL.fullmatch(digits):
        return []
    bare = func.replace(func.replace(Person.phone, " ", ""), "-", "", type_=String)
    return party_rows(session, bare.endswith(digits, autoescape=True), kind, limit,
                      lambda name, _role, phone: f"{name} {mask_phone(phone)}")


def by_summary(session, term, kind, limit, window):
    stmt = _scope(select(Case.id, Case.received_on, Case.summary), kind, window)
    rows = session.execute(_recent(stmt.where(Case.summary.icontains(term, autoescape=True)),
                                   limit))
    return [(cid, on, search.snippet(summary, term)) for cid, on, summary in rows]


MATCHERS = (by_number, by_party, by_initials, by_phone, by_summary)


def like_search(db, text, kind=None, limit=search.SEARCH_LIMIT, window=None):
    """(id, field, matched, exact) of each hit, in order: the search before the index."""
    term = " ".join((text or "").split())
    if not term:
        return []
    best: dict[int, tuple[int, date, str]] = {}
    with db.read() as session:
        ids = None
        if window is not None and len(term) <= 2:
            ids = []
            for k in wf.Kind:
                ids += session.scalars(select(Case.id).where(Case.kind == k.value)
                    .order_by(Case.received_on.desc(), Case.id.desc()).limit(window)).all()
        for index, matcher in enumerate(MATCHERS):
            for cid, on, matched in matcher(session, term, kind, limit, ids):
                if cid not in best or index < best[cid][0]:
                    best[cid] = (index, on, matched)
        numbers = dict(session.execute(select(Case.id, Case.number)
                                       .where(Case.id.in_(list(best)))).all())
    folded = term.casefold()

    def order(cid):
        return (numbers[cid].casefold() != folded, -best[cid][1].toordinal(), -cid)

    return [(cid, search.FIELDS[best[cid][0]], best[cid][2], numbers[cid].casefold() == folded)
            for cid in sorted(best, key=order)[:limit]]


def indexed_search(db, text, kind=None, limit=search.SEARCH_LIMIT):
    return [(h.id, h.field, h.matched, h.exact)
            for h in search.search_cases(db, text, kind=kind, limit=limit, indexed=True)]


# ---- generated offices -------------------------------------------------------------------

# Few characters, so that terms often hit: Chinese, ASCII of both cases, digits, LIKE's own
# % and _, the brackets of numbers, spaces.
ALPHABET = "张王李三丰建国华调信字第号（）()aAbBzZ19%_ "
names = st.text(alphabet=ALPHABET, min_size=1, max_size=7).map(str.strip).filter(bool)
phones = st.one_of(st.none(), st.from_regex(r"1[0-9]{3}[ -]?[0-9]{3,7}", fullmatch=True))
person = st.tuples(names, phones, st.booleans())
a_case = st.fixed_dictionaries({
    "number": st.text(alphabet=ALPHABET + "0123456789", min_size=1, max_size=12),
    "kind": st.sampled_from([k.value for k in wf.Kind]),
    "summary": st.text(alphabet=ALPHABET, min_size=1, max_size=24),
    "day": st.integers(0, 6),  # few days: many ties, which the id breaks
    "deleted": st.sampled_from([False, False, False, True]),
    "parties": st.lists(st.integers(0, 7), max_size=3, unique=True),
})
office = st.tuples(st.lists(person, min_size=1, max_size=8),
                   st.lists(a_case, min_size=1, max_size=14, unique_by=lambda c: c["number"]))


def fill(db, people, cases) -> list[str]:
    """The office's rows (through the ORM, so the triggers and the initials event run);
    returns the texts that terms are cut from."""
    with db.write() as session:
        for table in (CaseParty, Case, Person):
            session.execute(delete(table))
    texts: list[str] = []
    with db.write() as session:
        persons = [Person(name=n, phone=p, is_org=org, created_at=datetime(2026, 3, 1))
                   for n, p, org in people]
        session.add_all(persons)
        session.flush()
        for c in cases:
            case = Case(number=c["number"], kind=c["kind"], status=wf.Status.REGISTERED.value,
                        summary=c["summary"], category="其他",
                        received_on=date(2026, 3, 1) + timedelta(days=c["day"]),
                        created_at=datetime(2026, 3, 1),
                        deleted_at=datetime(2026, 3, 9) if c["deleted"] else None)
            session.add(case)
            session.flush()
            for i in c["parties"]:
                if i < len(persons):
                    session.add(CaseParty(case_id=case.id, person_id=persons[i].id,
                                          role="申请人"))
            texts += [c["number"], c["summary"]]
        session.flush()
        texts += [p.name for p in persons] + [p.phone or "" for p in persons]
        texts += [p.name_initials or "" for p in persons]
    return [t for t in texts if t]


@st.composite
def terms_from(draw, texts: list[str]) -> str:
    text = draw(st.sampled_from(texts))
    start = draw(st.integers(0, max(0, len(text) - 1)))
    size = draw(st.integers(1, 5))
    cut = text[start:start + size]
    return draw(st.sampled_from([cut, cut.upper(), cut.lower(), f" {cut}  ", cut[:1]]))


def compare(db, texts, data) -> None:
    """A few terms, each with a plan drawn for it: FEW 1 (every field scanned newest first
    against the candidates) or 5000 (candidates fetched by id); MAX_TRIGRAMS 300 (every
    1–2 character term through the trigrams: LIKE's answer) or 1 (through the recent WINDOW
    of 1, 2 or all cases: the bounded answer); a kind and a limit."""
    for _ in range(data.draw(st.integers(3, 6))):
        term = data.draw(terms_from(texts) | st.text(alphabet=ALPHABET, max_size=4))
        search.FEW = data.draw(st.sampled_from((1, 5000)))
        search.MAX_TRIGRAMS = data.draw(st.sampled_from((1, 300)))
        search.WINDOW = data.draw(st.sampled_from((1, 2, 1000)))
        kind = data.draw(st.sampled_from((None, wf.Kind.PETITION.value, wf.Kind.DISPUTE.value)))
        limit = data.draw(st.sampled_from((2, search.SEARCH_LIMIT)))
        window = search.WINDOW if search.MAX_TRIGRAMS == 1 and search.WINDOW < 1000 else None
        expected = like_search(db, term, kind, limit, window)
        assert indexed_search(db, term, kind, limit) == expected, term


@pytest.fixture(scope="module")
def shared_db(module_db):
    return module_db("index")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(office=office, data=st.data())
def test_indexed_search_gives_like_answers(shared_db, office, data):
    people, cases = office
    texts = fill(shared_db, people, cases)
    kept = search.FEW, search.MAX_TRIGRAMS, search.WINDOW
    try:
        compare(shared_db, texts, data)
    finally:
        search.FEW, search.MAX_TRIGRAMS, search.WINDOW = kept
    with shared_db.engine.connect() as conn:
        assert search_index.out_of_step(conn) == []


def compare_first_page_paths(db, texts, data) -> None:
    """As compare(), with the page-first plans drawn too (issue #19): the newest RECENT
    cases read first and read again over MAX_RECENT, a common term's density (DENSE 0: a
    name piece looked up in the grams for every scanned case; 2: never), candidates dated by
    id a page at a time (a limit of 1 or 2 over a dozen cases: several pages), the walk back
    from the highest candidate a step of 1, 2 or 1,000 at a time (storage/search_blocks.py)."""
    for _ in range(data.draw(st.integers(3, 6))):
        term = data.draw(terms_from(texts) | st.text(alphabet=ALPHABET, max_size=4))
        search.FEW = data.draw(st.sampled_from((1, 2, 5000)))
        search.MAX_TRIGRAMS = data.draw(st.sampled_from((1, 300)))
        search.WINDOW = data.draw(st.sampled_from((1, 2, 1000)))
        search.RECENT = data.draw(st.sampled_from((1, 2, 3)))
        search.MAX_RECENT = data.draw(st.sampled_from((3, 50)))
        search.DENSE = data.draw(st.sampled_from((0.0, 2.0)))
        search.WALK = data.draw(st.sampled_from((1, 2, 1000)))
        search.MAX_WALK = data.draw(st.sampled_from((2, 16_000)))
        kind = data.draw(st.sampled_from((None, wf.Kind.PETITION.value, wf.Kind.DISPUTE.value)))
        limit = data.draw(st.sampled_from((1, 2, search.SEARCH_LIMIT)))
        window = search.WINDOW if search.MAX_TRIGRAMS == 1 and search.WINDOW < 1000 else None
        expected = like_search(db, term, kind, limit, window)
        assert indexed_search(db, term, kind, limit) == expected, term


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(office=office, data=st.data())
def test_the_first_page_first_plans_give_like_answers(shared_db, office, data):
    people, cases = office
    texts = fill(shared_db, people, cases)
    kept = (search.FEW, search.MAX_TRIGRAMS, search.WINDOW, search.RECENT, search.MAX_RECENT,
            search.DENSE, search.WALK, search.MAX_WALK)
    try:
        compare_first_page_paths(shared_db, texts, data)
    finally:
        (search.FEW, search.MAX_TRIGRAMS, search.WINDOW, search.RECENT, search.MAX_RECENT,
         search.DENSE, search.WALK, search.MAX_WALK) = kept


def test_plain_like_on_request_and_where_no_index(db, actor):
    ref = services.register_petition(db, actor, services.CaseInput(
        summary="拖欠工资", category="劳动社保", received_on=date(2026, 3, 2), source="来访"),
        [services.PartyInput(name="王建国", role="信访人")])
    for term in ("王", "王建", "建国", "拖欠工资", "wjg"):
        assert [h.id for h in search.search_cases(db, term, indexed=False)] == [ref.id]
        assert [h.id for h in search.search_cases(db, term)] == [ref.id]
    with db.engine.begin() as conn:
        search_index.drop(conn)
        assert not search_index.present(conn)
    assert [h.id for h in search.search_cases(db, "王建")] == [ref.id]  # LIKE, no index


# ---- kept in step by the acts ----------------------------------------------------------

def found(db, term: str) -> set[int]:
    return {h.id for h in search.search_cases(db, term, indexed=True)}


def in_step(db) -> list[int]:
    with db.engine.connect() as conn:
        return search_index.out_of_step(conn)


def each_field(db, term_ids: dict[str, set[int]]) -> None:
    for term, ids in term_ids.items():
        assert found(db, term) == ids, term
    assert in_step(db) == []


def test_acts_keep_the_index_in_step(db, actor):
    party = services.PartyInput
    a = services.register_dispute(db, actor, services.CaseInput(
        summary="相邻通道堵塞纠纷", category="邻里纠纷", received_on=date(2026, 3, 2),
        source="当事人申请"), [party(name="欧阳修", role="申请人", phone="138 0013 4567")])
    b = services.register_dispute(db, actor, services.CaseInput(
        summary="宠物伤人赔偿", category="邻里纠纷", received_on=date(2026, 3, 3),
        source="当事人申请"), [party(name="司马光", role="申请人")])
    c = services.register_dispute(db, actor, services.CaseInput(
        summary="噪音扰民", category="邻里纠纷", received_on=date(2026, 3, 4),
        source="当事人申请"), [party(name="路人甲", role="申请人")])
    each_field(db, {"欧": {a.id}, "阳修": {a.id}, "欧阳修": {a.id}, "oyx": {a.id}, "oy": {a.id},
                    "4567": {a.id}, "通道堵塞": {a.id}, "司马": {b.id}, "smg": {b.id}})
    # the summary edited
    services.edit(db, actor, a.id, {"summary": "楼道堆物纠纷"})
    each_field(db, {"通道堵塞": set(), "楼道堆物": {a.id}, "堆物": {a.id}, "纠纷": {a.id},
                    "堵": set(), "楼": {a.id}})
    # a party added to another case, then the person's name and phone edited on one case:
    # every case naming the person follows
    link = services.add_party(db, actor, b.id, party(name="诸葛亮", role="被申请人",
                                                     phone="13900001111"))
    each_field(db, {"诸葛": {b.id}, "zgl": {b.id}, "1111": {b.id}})
    person_id = _person_of(db, link)
    services.add_party(db, actor, c.id, party(name="诸葛亮", role="被申请人",
                                              person_id=person_id))
    each_field(db, {"诸葛": {b.id, c.id}})
    services.edit_party(db, actor, b.id, link, party(name="孔明", role="被申请人",
                                                     phone="13900002222"))
    each_field(db, {"诸葛": set(), "孔明": {b.id, c.id}, "km": {b.id, c.id}, "1111": set(),
                    "2222": {b.id, c.id}})
    # removed from one case, then a case deleted
    services.remove_party(db, actor, b.id, link, "登记错误")
    each_field(db, {"孔明": {c.id}, "km": {c.id}})
    services.delete_case(db, actor, c.id, "重复登记")
    each_field(db, {"孔明": set(), "路人": set(), "噪音扰民": set(), "司马": {b.id}})


def _person_of(db, link_id: int) -> int:
    with db.read() as session:
        return session.scalar(select(CaseParty.person_id).where(CaseParty.id == link_id))


# ---- caseapp check / --repair --------------------------------------------------------------

def test_check_sees_an_index_out_of_step_and_repair_rebuilds_it(db, actor):
    ref = services.register_petition(db, actor, services.CaseInput(
        summary="拖欠工资", category="劳动社保", received_on=date(2026, 3, 2), source="来访"),
        [services.PartyInput(name="王建国", role="信访人")])
    assert not [p for p in checks.check(db) if "搜索索引" in p]
    spoil: list[Callable] = [
        lambda c: c.exec_driver_sql("DELETE FROM search_grams WHERE gram = '王'"),
        lambda c: c.exec_driver_sql(f"UPDATE search_fts SET summary = '无关' WHERE rowid = {ref.id}"),
        lambda c: c.exec_driver_sql(f"DELETE FROM search_fts WHERE rowid = {ref.id}"),
        lambda c: c.exec_driver_sql("INSERT INTO search_grams VALUES ('x', 'n', 999)"),
    ]
    for act in spoil:
        with db.engine.begin() as conn:
            act(conn)
        problems = [p for p in checks.check(db) if "搜索索引" in p]
        assert len(problems) == 1 and "--repair" in problems[0]
        assert checks.repair(db) == ["搜索索引已重建（1 件案件）"]
        assert not [p for p in checks.check(db) if "搜索索引" in p]
        assert found(db, "王") == found(db, "拖欠工资") == {ref.id}


def test_import_and_demo_index_their_cases_set_wise(db, actor, tmp_path):
    """The bulk writers (search_index.bulk): the index in step after them, the triggers back."""
    path = tmp_path / "rows.csv"
    path.write_text("类型,登记日期,当事人,类别,事项摘要,联系电话\n"
                    "信访,2026-03-02,欧阳娜娜,劳动社保,反映拖欠工资问题,13800138000\n",
                    encoding="utf-8-sig")
    from caseapp import demo, exchange

    exchange.run_import(db, actor, path, dry_run=True)
    assert found(db, "欧阳") == set()
    exchange.run_import(db, actor, path)
    (case_id,) = found(db, "欧阳")
    assert found(db, "oynn") == found(db, "8000") == found(db, "拖欠工资") == {case_id}
    demo.run_demo(db, actor, cases=80, seed=5)
    assert in_step(db) == []
    with db.engine.connect() as conn:
        triggers = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'")}
        temp = conn.exec_driver_sql("SELECT name FROM sqlite_temp_master").all()
    assert len(triggers) == 7 and temp == []
    # and a write after them still reaches the index through the triggers
    services.edit(db, actor, case_id, {"summary": "反映欠薪"})
    assert case_id not in found(db, "拖欠工资") and case_id in found(db, "反映欠薪")


def test_candidates_are_read_by_key_in_a_big_file(db, actor):
    """A word's candidates (fewer than FEW) are dated and re-checked by primary key. With
    `deleted_at IS NULL` beside a list of 200 ids or more, a 1,000,000-case file's statistics
    led SQLite to walk the whole covering (deleted_at, received_on) index instead (张建 there:
    1,600 candidates, 217 ms against 30)."""
    from collections import Counter

    from caseapp.demo.generator import generate
    from caseapp.progress import run
    from tests.big_file_plans import case_steps, plant_million_case_stats, statements

    run(generate(db, actor, 600, seed=2, today=date(2026, 3, 10)))
    plant_million_case_stats(db)
    with db.read() as session:
        summaries = session.scalars(select(Case.summary)).all()
    held = Counter(w for text in summaries for w in {text[i:i + 3] for i in range(len(text) - 2)})
    word, count = held.most_common(1)[0]
    assert 200 <= count < search.FEW, (word, count)  # a list long enough to mislead the plan
    with statements(db) as seen:
        assert search.search_cases(db, word)
    reads = [(s, p) for s, p in seen if "FROM cases" in s and "cases.id IN (" in s]
    assert reads
    for statement, params in reads:
        steps = case_steps(db, statement, params)
        assert steps and all("PRIMARY KEY" in step for step in steps), (word, steps)


# ---- phone tails (migration 0014) ------------------------------------------------------------

def _phoned(db, actor) -> tuple[int, int]:
    party = services.PartyInput
    tail = services.register_dispute(db, actor, services.CaseInput(
        summary="噪音扰民", category="邻里纠纷", received_on=date(2026, 3, 2),
        source="当事人申请"), [party(name="欧阳修", role="申请人", phone="138 0000 1380")])
    start = services.register_dispute(db, actor, services.CaseInput(
        summary="宠物伤人赔偿", category="邻里纠纷", received_on=date(2026, 3, 3),
        source="当事人申请"), [party(name="司马光", role="申请人", phone="13801234567"),
                               party(name="路人甲", role="被申请人", phone="023-61385555")])
    return tail.id, start.id


def _phone_candidates(db, term: str) -> set[int]:
    with db.read() as session:
        source = search._source(session, search.PHONE, term)
        assert source is not None
        return set(session.scalars(search._ids(source)))


def test_a_phone_tail_is_one_phrase_of_the_index(db, actor):
    # 1380 is in both cases' phones, at the end only in the first's: the index gives that one
    # alone (a 1M-case file re-checked every 1380… phone a case at a time: ~400 ms).
    tail, start = _phoned(db, actor)
    assert _phone_candidates(db, "1380") == found(db, "1380") == {tail}
    assert _phone_candidates(db, "85555") == found(db, "85555") == {start}
    assert _phone_candidates(db, "4567") == {start}
    assert _phone_candidates(db, "0000") == set()  # inside a phone, not its tail
    assert in_step(db) == []


def test_migration_0014_marks_the_phones_of_a_file_indexed_before(make_db_url, actor):
    from caseapp.storage.migrate import open_database

    url = make_db_url("old")
    db = open_database(url)
    tail, start = _phoned(db, db.local_user_id())
    with db.engine.begin() as conn:  # the file as 0013 left it: phones without their end
        conn.exec_driver_sql(f"UPDATE search_fts SET phones = replace(phones, "
                             f"'{search_index.PHONE_END}', '')")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0013'")
    assert in_step(db) != [] and _phone_candidates(db, "1380") == set()
    db.dispose()
    db = open_database(url, backup_before_upgrade=False)
    try:
        assert in_step(db) == []
        assert _phone_candidates(db, "1380") == found(db, "1380") == {tail}
        services.edit(db, db.local_user_id(), start, {"summary": "宠物伤人"})  # the triggers
        assert in_step(db) == [] and _phone_candidates(db, "85555") == {start}
    finally:
        db.dispose()


def test_names_are_not_searched_for_a_piece_no_name_holds(db, actor):
    # 2025 is in every number of the year: the FTS's doclists of 202 and 025 hold every case,
    # so the names are first asked through their 2-character pieces.
    from tests.big_file_plans import statements

    party = services.PartyInput
    org = services.register_dispute(db, actor, services.CaseInput(
        summary="工程款纠纷", category="合同纠纷", received_on=date(2026, 3, 2),
        source="当事人申请"), [party(name="第2025工程队", role="申请人")])
    other = services.register_dispute(db, actor, services.CaseInput(
        summary="邻里纠纷", category="邻里纠纷", received_on=date(2026, 3, 3),
        source="当事人申请"), [party(name="王建国", role="申请人")])
    hits = {h.id: h.field for h in search.search_cases(db, "2025工程", indexed=True)}
    assert hits == {org.id: search.PARTY}
    assert search.PARTY in {h.field for h in search.search_cases(db, "2025", indexed=True)
                            if h.id == org.id}
    with statements(db) as seen:
        assert other.id in found(db, "王建国")
        assert found(db, "王建民") == set()  # 建民 is in no name: the FTS is not asked
    names = [s for s, p in seen if "search_fts" in s and "names :" in str(p)]
    assert len(names) == 1, names
