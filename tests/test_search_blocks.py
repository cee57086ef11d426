"""The walk back through a search's candidates (issue #19, storage/search_blocks.py, migration
0015): the same answers as LIKE when ids stray from received_on (old cases imported late, a
date moved later), the blocks a bound after every kind of write, a walk that stops after about
a page for a term of older cases, `caseapp check` and `--repair`, and the upgrade."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from caseapp import services
from caseapp.demo.generator import generate
from caseapp.progress import run
from caseapp.queries import search
from caseapp.storage import checks, search_blocks
from caseapp.storage.models import Case
from tests.test_search_index import indexed_search, like_search

pytestmark = pytest.mark.sqlite_only("the blocks serve SQLite's search index")

TODAY = date(2026, 3, 10)


def too_low(db) -> int:
    with db.engine.connect() as conn:
        return search_blocks.too_low(conn)


def blocks(db) -> dict[int, str]:
    with db.engine.connect() as conn:
        return dict(conn.exec_driver_sql("SELECT block, newest FROM case_blocks").all())


@pytest.fixture(scope="module")
def demo(module_db):
    """8,000 cases over 3 years: ids across eight blocks, mostly in date order."""
    db = module_db("blocks")
    run(generate(db, db.local_user_id(), 8000, seed=3, today=TODAY))
    return db


@pytest.fixture
def walked(monkeypatch):
    """Every field through the walk (FEW 1, DENSE 2: no other plan for a common term), a step
    of 50 candidates; the walks taken and the lowest id each reached."""
    monkeypatch.setattr(search, "FEW", 1)
    monkeypatch.setattr(search, "DENSE", 2.0)
    monkeypatch.setattr(search, "WALK", 50)
    reached: list[int] = []
    real = search_blocks.newest_below

    def spy(session, below):
        reached.append(below)
        return real(session, below)

    monkeypatch.setattr(search_blocks, "newest_below", spy)
    return reached


TERMS = ("2024", "2025", "（2026）", "王", "张", "工资", "纠纷", "拖欠", "13")


def test_the_walk_gives_like_answers(demo, walked):
    assert too_low(demo) == 0
    for term in TERMS:
        for kind in (None, "petition", "dispute"):
            assert indexed_search(demo, term, kind) == like_search(demo, term, kind), (term, kind)
    assert walked  # the walk was taken


def test_a_term_of_older_cases_is_walked_a_page_deep(demo, walked):
    # 2025 is in the numbers of a year of cases, none of them among the newest (2026): the
    # walk starts at the highest 2025 id and stops within a block (1,024 ids) of the page,
    # far from the oldest.
    with demo.read() as session:
        ids = session.scalars(select(Case.id).where(Case.number.contains("2025"))).all()
    assert len(ids) > 2 * (search.SEARCH_LIMIT + (1 << search_blocks.SHIFT))
    hits = indexed_search(demo, "2025")
    assert len(hits) == search.SEARCH_LIMIT and hits == like_search(demo, "2025")
    lowest = min(walked)
    read, block = sum(1 for i in ids if i >= lowest), 1 << search_blocks.SHIFT
    assert read <= search.SEARCH_LIMIT + 2 * block and min(ids) < lowest - block, (read, lowest)


def test_the_walk_gives_like_answers_when_ids_stray_from_dates(make_db, walked):
    db = make_db("stray")
    run(generate(db, db.local_user_id(), 3000, seed=4, today=TODAY))
    with db.engine.begin() as conn:
        top = conn.exec_driver_sql("SELECT max(id) FROM cases").scalar()
        # old cases given new ids (an import of last years' register) ...
        conn.exec_driver_sql("UPDATE cases SET received_on = date(received_on, '-700 days') "
                             f"WHERE id > {top - 300}")
        # ... and early ids whose date was moved to the newest days
        conn.exec_driver_sql("UPDATE cases SET received_on = '2026-03-09' WHERE id % 97 = 0 "
                             f"AND id < {top // 2}")
    assert too_low(db) == 0
    for term in TERMS:
        for kind in (None, "dispute"):
            assert indexed_search(db, term, kind) == like_search(db, term, kind), (term, kind)
            assert indexed_search(db, term, kind, limit=7) == like_search(db, term, kind, 7)


def test_every_write_keeps_the_blocks_a_bound(db, actor, tmp_path):
    party = services.PartyInput
    first = services.register_dispute(db, actor, services.CaseInput(
        summary="噪音扰民", category="邻里纠纷", received_on=date(2026, 3, 2),
        source="当事人申请"), [party(name="欧阳修", role="申请人")])
    assert blocks(db) == {first.id >> search_blocks.SHIFT: "2026-03-02"}
    services.edit(db, actor, first.id, {"received_on": date(2026, 3, 5)})
    assert blocks(db) == {first.id >> search_blocks.SHIFT: "2026-03-05"}
    services.edit(db, actor, first.id, {"received_on": date(2026, 3, 1)})  # never lowered
    assert blocks(db) == {first.id >> search_blocks.SHIFT: "2026-03-05"}
    services.delete_case(db, actor, first.id, "重复登记")
    assert too_low(db) == 0
    csv = tmp_path / "in.csv"
    csv.write_text("类型,当事人,事项摘要,类别,来源,登记日期\n"
                   "纠纷,司马光,宠物伤人,邻里纠纷,当事人申请,2026-03-07\n", encoding="utf-8")
    from caseapp import exchange

    exchange.run_import(db, actor, csv)
    assert too_low(db) == 0 and max(blocks(db).values()) == "2026-03-07"


def test_check_sees_blocks_below_their_cases_and_repair_rebuilds_them(db, actor):
    services.register_dispute(db, actor, services.CaseInput(
        summary="噪音扰民", category="邻里纠纷", received_on=date(2026, 3, 2),
        source="当事人申请"), [services.PartyInput(name="欧阳修", role="申请人")])
    with db.engine.begin() as conn:  # written behind the triggers' back
        conn.exec_driver_sql("UPDATE case_blocks SET newest = '2020-01-01'")
    problems = checks.check(db)
    assert any("搜索索引" in p for p in problems), problems
    assert any("caseapp check --repair" in p for p in problems)
    done = checks.repair(db)
    assert any("搜索索引" in d for d in done), done
    assert too_low(db) == 0 and checks.check(db) == []


def test_migration_0015_fills_the_blocks_of_a_file_before_it_and_drops_a_twin_index(
        make_db_url, actor):
    from caseapp.storage.migrate import open_database

    url = make_db_url("old")
    db = open_database(url)
    run(generate(db, db.local_user_id(), 1500, seed=5, today=TODAY))
    expected = blocks(db)
    with db.engine.begin() as conn:  # the file as 0014 left it
        search_blocks.drop(conn)
        conn.exec_driver_sql("CREATE INDEX ix_persons_name ON persons (name)")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0014'")
    hits = like_search(db, "2025")
    db.dispose()
    db = open_database(url, backup_before_upgrade=False)
    try:
        assert blocks(db) == expected and too_low(db) == 0
        assert indexed_search(db, "2025") == hits
        with db.engine.connect() as conn:
            triggers = {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            # a name is looked up through (name, phone), whose prefix it is
            indexes = {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'persons'")}
            plan = " ".join(r[-1] for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM persons WHERE name = '张三'"))
        assert set(search_blocks.TRIGGERS) <= triggers
        assert "ix_persons_name" not in indexes and "ix_persons_name_phone" in plan, plan
    finally:
        db.dispose()
