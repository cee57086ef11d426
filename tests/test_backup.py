"""Backups, restore, rotation, the checks, and storage errors (issue #6)."""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from caseapp import queries, services
from caseapp.cli.main import main
from caseapp.demo.generator import run_demo
from caseapp.errors import StorageError
from caseapp.figures import stats
from caseapp.storage import backup as b
from caseapp.storage import restore as rs
from caseapp.storage.db import Database, make_engine
from caseapp.storage.files import NAME_RE
from caseapp.storage.migrate import open_database

pytestmark = pytest.mark.sqlite_only("backups and restore copy the SQLite file")

TODAY = date(2026, 3, 20)
YEAR = (date(2025, 1, 1), date(2026, 12, 31))


def _figures_and_timelines(db) -> tuple[dict, dict]:
    ids = queries.case_ids(db, queries.CaseFilter())
    timelines = {i: [(e.at, e.action, e.changes, e.note)
                     for e in queries.case_detail(db, i, today=TODAY).events] for i in ids}
    return stats.figures(db, *YEAR), timelines


@pytest.fixture
def filled(db, actor):
    run_demo(db, actor, cases=300, seed=3, today=TODAY)
    return db


def _petition(db, actor, n=1):
    data = services.CaseInput(summary=f"备份测试{n}", category="劳动社保",
                              received_on=date(2026, 3, 2))
    return services.register_petition(db, actor, data, [services.PartyInput(f"王{n}", "信访人")])


def test_restore_round_trip_while_the_database_is_open(filled, actor, tmp_path):
    db = filled
    dest = tmp_path / "usb"
    info = b.backup(db, dest)
    assert info.path.parent == dest / "daily" and info.path.name.startswith("cases-")
    assert NAME_RE.match(info.path.name)
    saved = _figures_and_timelines(db)

    # Change things: a new case, an act on an old one, an edit.
    ref = _petition(db, actor)
    services.accept(db, actor, ref.id, on=date(2026, 3, 3))
    open_one = queries.case_ids(db, queries.CaseFilter(statuses=("in_progress",)))[0]
    services.extend(db, actor, open_one, "需要调查")
    assert _figures_and_timelines(db) != saved

    result = rs.restore(db.path, info.path, backup_dir=dest)
    # The same Database (its pooled connections) now reads the backup's rows.
    assert _figures_and_timelines(db) == saved
    assert result.case_count == info.case_count
    # The state before the restore was kept, and holds the change.
    assert result.safety_copy.parent == dest / "before-restore"
    kept = open_database(result.safety_copy, upgrade=False, backup_before_upgrade=False)
    try:
        assert queries.case_detail(kept, ref.id, today=TODAY).status == "in_progress"
    finally:
        kept.dispose()
    assert b.check(db) == []


def test_backup_is_a_plain_readable_file_with_attachments(db, actor, tmp_path):
    ref = _petition(db, actor)
    doc = tmp_path / "证据.txt"
    doc.write_text("材料", encoding="utf-8")
    services.attach(db, actor, ref.id, doc)
    dest = tmp_path / "share"
    info = b.backup(db, dest)
    assert not Path(f"{info.path}-wal").exists()  # no WAL beside a backup
    assert not list(dest.rglob("*.part"))
    stored = list((dest / "cases-files").rglob("*.txt"))
    assert len(stored) == 1 and stored[0].read_text(encoding="utf-8") == "材料"
    # Attachments are named by their SHA-256: a second backup copies nothing again.
    assert b.copy_attachments(db.files_dir, dest / "cases-files") == 0
    conn = sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_restore_brings_missing_attachments_back(db, actor, tmp_path):
    ref = _petition(db, actor)
    doc = tmp_path / "协议.pdf"
    doc.write_bytes(b"%PDF-1.4 test")
    services.attach(db, actor, ref.id, doc)
    info = b.backup(db, tmp_path / "bk")
    for f in db.files_dir.rglob("*.pdf"):
        f.unlink()
    assert any("附件" in p for p in b.check(db))
    result = rs.restore(db.path, info.path, backup_dir=tmp_path / "bk")
    assert result.files_copied == 1 and b.check(db) == []


def test_daily_monthly_and_rotation(db, actor, tmp_path):
    dest = tmp_path / "bk"
    start = datetime(2026, 1, 25, 9, 0, 0)
    for day in range(12):  # 12 days across a month end, two backups a day
        for hour in (9, 17):
            info = b.backup(db, dest, now=start + timedelta(days=day, hours=hour - 9))
    names = sorted(p.name for p in (dest / "daily").glob("*.db"))
    assert len(names) == 12  # the newest of each day (keep_daily = 14)
    assert all(n.endswith("-170000.db") for n in names)
    monthly = sorted(p.name for p in (dest / "monthly").glob("*.db"))
    assert monthly == ["cases-20260125-090000.db", "cases-20260201-090000.db"]
    removed = b.rotate(dest, "cases", keep_daily=3, keep_monthly=1)
    assert len(removed) == 9 + 1
    assert sorted(p.name for p in (dest / "monthly").glob("*.db")) == ["cases-20260201-090000.db"]
    listed = rs.list_backups(dest, "cases")
    assert [i.path for i in listed][0] == info.path
    assert [i.folder for i in listed].count("daily") == 3


def test_rotation_counts_are_office_settings(db, actor, tmp_path):
    settings = replace(db.settings(), backup_dir=str(tmp_path / "office"), keep_daily=2,
                       keep_monthly=1)
    services.save_settings(db, actor, settings)
    for day in range(4):
        b.backup(db, now=datetime(2026, 3, 1 + day, 12))
    assert len(list((tmp_path / "office" / "daily").glob("*.db"))) == 2
    assert b.backup_if_due(db, now=datetime(2026, 3, 4, 18)) is None  # one of today exists
    assert b.backup_if_due(db, now=datetime(2026, 3, 5, 8)) is not None


def test_list_shows_date_and_count_and_flags_a_bad_file(filled, tmp_path):
    dest = tmp_path / "bk"
    good = b.backup(filled, dest, now=datetime(2026, 3, 19, 8, 30))
    bad = dest / "daily" / "cases-20260320-080000.db"
    bad.write_bytes(b"this is not a database" * 100)
    listed = rs.list_backups(dest)
    assert [(i.path.name, i.ok) for i in listed] == [(bad.name, False),
                                                     (good.path.name, True),
                                                     ("cases-20260319-083000.db", True)]
    assert listed[1].made_at == datetime(2026, 3, 19, 8, 30)
    assert listed[1].case_count == 300
    assert "SQLite" in listed[0].problem
    assert rs.newest_good(dest, "cases").path == good.path


def test_restore_over_a_damaged_file_keeps_its_bytes(filled, tmp_path):
    dest = tmp_path / "bk"
    info = b.backup(filled, dest)
    path = filled.path
    filled.dispose()
    path.write_bytes(b"garbage" * 1000)
    assert rs.file_problem(path)
    result = rs.restore(path, info.path, backup_dir=dest)
    assert result.safety_copy.read_bytes() == b"garbage" * 1000
    db = open_database(path)
    try:
        assert b.check(db) == [] and stats.figures(db, *YEAR).petitions.received > 0
    finally:
        db.dispose()


def test_a_damaged_backup_is_refused(filled, tmp_path):
    bad = tmp_path / "cases-20260301-000000.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(StorageError, match="不能用这个备份恢复"):
        rs.restore(filled.path, bad, backup_dir=tmp_path / "bk")
    assert b.check(filled) == []  # the live file was not touched


def test_cancelled_backup_leaves_nothing(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(b, "PAGES_PER_STEP", 1)
    job = b.backup_job(filled, tmp_path / "bk")
    next(job)
    job.close()
    assert not list((tmp_path / "bk").rglob("*.db*"))


def test_backup_full_disk_leaves_no_file(filled, tmp_path, monkeypatch):
    # Simulated: os.replace (the final rename) fails as on a full disk (ENOSPC); a real full
    # USB stick fails earlier, in SQLite's writes, which _sqlite_error maps the same way.
    def full(*_a):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(b.os, "replace", full)
    with pytest.raises(StorageError, match="磁盘已满"):
        b.backup(filled, tmp_path / "usb")
    assert not list((tmp_path / "usb").rglob("*.db*"))


def test_backup_before_upgrade(tmp_path, monkeypatch):
    import caseapp.storage.migrate as migrate

    path = tmp_path / "old.db"
    open_database(path).dispose()
    calls = []
    # Simulated: the program's head is a newer revision than the file's.
    monkeypatch.setattr(migrate, "head_revision", lambda _d: "9999_future")
    monkeypatch.setattr(migrate, "upgrade_database", lambda _d, *_progress: calls.append("upgrade"))
    open_database(path).dispose()
    kept = list((tmp_path / "home" / "backups" / "upgrade").glob("old-*.db"))
    assert len(kept) == 1 and calls == ["upgrade"]

    def broken(_file):
        raise StorageError("升级前备份失败：磁盘已满")

    monkeypatch.setattr("caseapp.storage.backup.backup_before_upgrade", broken)
    with pytest.raises(StorageError, match="数据库没有升级"):
        open_database(path)
    assert calls == ["upgrade"]  # never migrated without a copy


# -- check ------------------------------------------------------------------------------


def test_check_finds_domain_problems(filled):
    db = filled
    assert b.check(db) == []
    with db.engine.begin() as conn:
        ids = [r[0] for r in conn.execute(text(
            "SELECT id FROM cases WHERE status='closed' AND kind='petition' ORDER BY id LIMIT 3"))]
        conn.execute(text("UPDATE cases SET closed_on=NULL WHERE id=:i"), {"i": ids[0]})
        conn.execute(text("UPDATE cases SET outcome='调解成功' WHERE id=:i"), {"i": ids[1]})
        conn.execute(text("UPDATE cases SET due_on='2000-01-01' WHERE id=:i"), {"i": ids[2]})
        conn.execute(text("UPDATE cases SET origin_case_id=:o WHERE kind='dispute' AND id="
                          "(SELECT min(id) FROM cases WHERE kind='dispute')"), {"o": ids[2]})
    problems = b.check(db)
    joined = "\n".join(problems)
    assert "已办结，但缺少" in joined and "办理结果与案件类型不符" in joined
    assert "期限与按现行期限设置计算的结果不一致" in joined and "转人民调解" in joined
    assert len(problems) == 4


def test_check_finds_a_damaged_file(filled, tmp_path, capsys):
    path = filled.path
    filled.dispose()
    size = path.stat().st_size
    with open(path, "r+b") as fh:  # scribble over pages in the middle of the file
        fh.seek(size // 2)
        fh.write(os.urandom(8192))
    code = main(["--db", str(path), "check"])
    err = capsys.readouterr().err
    assert code == 1 and ("损坏" in err or "问题" in err)


def test_cli_backup_restore_check(filled, actor, tmp_path, capsys):
    path = str(filled.path)
    assert main(["--db", path, "check"]) == 0
    assert "检查通过" in capsys.readouterr().out
    assert main(["--db", path, "backup", "--to", str(tmp_path / "usb")]) == 0
    out = capsys.readouterr().out
    assert "已备份到" in out and "300 件案件" in out
    made = next((tmp_path / "usb" / "daily").glob("*.db"))
    _petition(filled, actor, 9)
    assert main(["--db", path, "restore", str(made)]) == 0
    assert "已从" in capsys.readouterr().out
    assert queries.count(filled, queries.CaseFilter()) == 300
    assert main(["--db", path, "restore", str(tmp_path / "nope.db")]) == 1
    assert "找不到备份文件" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["--db", path, "restore"])
    assert usage.value.code == 2


# -- storage errors of ordinary acts ------------------------------------------------------


def test_read_only_file_gives_a_clear_message_and_changes_nothing(filled, actor):
    # Simulated: tests run as root, for whom chmod does not stop writes; SQLite's read-only
    # open mode makes every write fail the way a read-only folder or file does.
    url = f"sqlite:///file:{filled.path}?mode=ro&uri=true"
    ro = Database(url, make_engine(url))
    before = queries.count(filled, queries.CaseFilter())
    try:
        with pytest.raises(StorageError, match="只读"):
            _petition(ro, actor)
    finally:
        ro.dispose()
    assert queries.count(filled, queries.CaseFilter()) == before
    assert b.check(filled) == []


def test_full_disk_during_import_writes_nothing(filled, actor, tmp_path):
    # A real SQLITE_FULL: SQLite's max_page_count caps the file at its present size, so the
    # import fails exactly where a full disk would make it fail.
    from sqlalchemy import event

    from caseapp import exchange

    rows = ["类型,登记日期,当事人,类别,事项摘要"]
    rows += [f"信访,2026-03-01,张{i},劳动社保,{'很长的事项' * 40}{i}" for i in range(3000)]
    csv = tmp_path / "many.csv"
    csv.write_text("\n".join(rows), encoding="utf-8")

    @event.listens_for(filled.engine, "connect")
    def cap(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 5}")

    filled.engine.dispose()
    before = queries.count(filled, queries.CaseFilter())
    with pytest.raises(StorageError, match="磁盘已满"):
        exchange.run_import(filled, actor, csv)
    event.remove(filled.engine, "connect", cap)
    filled.engine.dispose()
    assert queries.count(filled, queries.CaseFilter()) == before
    assert b.check(filled) == []
