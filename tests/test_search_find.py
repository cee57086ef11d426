"""Migration 0011 on a copy of the 0.1.0 fixture (the index filled from the cases that were
there; cases and figures as before) and `caseapp find` (issue #19)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from caseapp import services
from caseapp.cli.main import main
from caseapp.figures import stats
from caseapp.queries import search
from caseapp.storage import search_index
from caseapp.storage.db import Database, make_engine, resolve_url
from caseapp.storage.migrate import alembic_config, current_revision
from caseapp.storage.models import Case, CaseParty, Person

FIXTURE_DB = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"


@pytest.mark.sqlite_only("migration 0011 builds SQLite's FTS5 index")
def test_migration_0011_indexes_the_fixture_and_keeps_cases_and_figures(tmp_path):
    copy = tmp_path / "casedesk.db"
    shutil.copyfile(FIXTURE_DB, copy)
    # At an old revision on purpose: open_database refuses to read a schema behind HEAD.
    url = resolve_url(copy)
    db = Database(url, make_engine(url))
    command.upgrade(alembic_config(db), "0010")
    with db.engine.connect() as conn:
        assert not search_index.present(conn)
    with sqlite3.connect(copy) as raw:
        before = raw.execute("SELECT id, number, summary, deleted_at FROM cases ORDER BY id").fetchall()
    period = (date(2000, 1, 1), date(2030, 12, 31))
    figures_before = stats.figures(db, *period, date(2030, 12, 31)).to_dict()
    likes = {}
    with db.read() as session:
        names = session.execute(select(CaseParty.case_id, Person.name)
                                .join(Person, Person.id == CaseParty.person_id)).all()
    terms = sorted({n[:1] for _c, n in names} | {n[:2] for _c, n in names}
                   | {n for _c, n in names} | {s[:3] for _i, _n, s, _d in before}
                   | {s[-2:] for _i, _n, s, _d in before} | {"zs", "l", "0001", "调字"})
    for term in terms:
        likes[term] = search.search_cases(db, term)  # no index yet: the LIKE scan

    command.upgrade(alembic_config(db), "0011")
    assert current_revision(db) == "0011"
    with db.engine.connect() as conn:
        assert search_index.present(conn)
        assert search_index.out_of_step(conn) == []
        indexed = conn.exec_driver_sql("SELECT rowid FROM search_fts ORDER BY rowid").scalars()
        assert list(indexed) == [i for i, _n, _s, deleted in before if deleted is None]
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT id, number, summary, deleted_at FROM cases ORDER BY id"
                           ).fetchall() == before
    assert stats.figures(db, *period, date(2030, 12, 31)).to_dict() == figures_before
    assert len(before) > 10 and len(terms) > 20
    for term, hits in likes.items():
        assert search.search_cases(db, term) == hits, term
    assert any(likes.values())
    command.downgrade(alembic_config(db), "0010")  # and back: the tables and triggers go
    with db.engine.connect() as conn:
        assert not search_index.present(conn)
        assert not conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'search%'").all()
    db.dispose()


@pytest.fixture
def office(db, actor):
    party = services.PartyInput
    leak = services.register_dispute(db, actor, services.CaseInput(
        summary="楼上卫生间漏水", category="邻里纠纷", received_on=date(2026, 3, 2),
        source="当事人申请"), [party(name="张建华", role="申请人", phone="13812345678"),
                              party(name="李强", role="被申请人")])
    wages = services.register_petition(db, actor, services.CaseInput(
        summary="拖欠工资", category="劳动社保", received_on=date(2026, 3, 3), source="来访"),
        [party(name="王芳", role="信访人", phone="023-71230000")])
    return leak, wages


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_find_prints_number_kind_party_and_the_field(capsys, actor, db, office):
    leak, wages = office
    url = db.url
    numbers = {ref.id: ref.number for ref in (leak, wages)}
    code, out = run(capsys, "--db", url, "find", "张建")
    assert code == 0
    line = out.splitlines()[0].split("\t")
    assert line == [numbers[leak.id], "纠纷", "张建华（申请人）", "当事人：张建华（申请人）"]
    assert out.splitlines()[-1].startswith("共 1 件")
    # a phone tail: masked, as everywhere else
    code, out = run(capsys, "--db", url, "find", "5678")
    assert "电话尾号：张建华 138****5678" in out and "13812345678" not in out
    # a summary word; the party shown is the case's first
    code, out = run(capsys, "--db", url, "find", "漏水")
    assert out.splitlines()[0].split("\t")[2:] == ["张建华（申请人）", "事项摘要：楼上卫生间漏水"]
    # --kind, --limit and --json
    code, out = run(capsys, "--db", url, "find", "a", "--kind", "petition")
    assert (code, out.strip()) == (0, "未找到")
    code, out = run(capsys, "--db", url, "find", "wf", "--kind", "petition", "--json")
    data = json.loads(out)
    assert data["count"] == 1 and data["hits"][0]["number"] == numbers[wages.id]
    assert data["ms"] >= 0
    assert data["hits"][0]["field"] == "拼音首字母" and data["hits"][0]["kind"] == "petition"
    assert data["hits"][0]["party"] == "王芳（信访人）"
    code, out = run(capsys, "--db", url, "find", "字第", "--limit", "1", "--json")
    assert json.loads(out)["count"] == 1
    assert json.loads(out)["hits"][0]["number"] == numbers[wages.id]  # the most recent
    code, out = run(capsys, "--db", url, "find", "没有这个人")
    assert (code, out.strip()) == (0, "未找到")


def test_find_refuses_a_bad_limit(db, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--db", db.url, "find", "张", "--limit", "0"])
    assert exc.value.code == 2


@pytest.mark.sqlite_only("the index is SQLite's")
def test_check_repair_on_the_command_line(db, actor, office, capsys):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM search_grams")
    code = main(["--db", str(db.path), "check"])
    err = capsys.readouterr().err
    assert code == 1 and "搜索索引与案件内容不一致（2 件" in err and "--repair" in err
    code, out = run(capsys, "--db", str(db.path), "check", "--repair")
    assert code == 0 and "搜索索引已重建（2 件案件）" in out and "检查通过" in out
    with db.read() as session:
        assert session.scalar(select(Case.id).where(Case.summary.contains("漏水")))
    code, out = run(capsys, "--db", str(db.path), "find", "张")
    assert "张建华" in out
