"""Encryption at rest (issue #16, item 8): an encrypted database and encrypted backups, keyed
with the office passphrase through SQLCipher (caseapp/storage/encryption.py)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="sqlcipher3 is not installed: pip install -e .[encryption]")

from caseapp import queries, services  # noqa: E402
from caseapp.cli.main import main  # noqa: E402
from caseapp.demo.generator import run_demo  # noqa: E402
from caseapp.errors import StorageError  # noqa: E402
from caseapp.figures import stats  # noqa: E402
from caseapp.storage import backup as b  # noqa: E402
from caseapp.storage import encryption  # noqa: E402
from caseapp.storage import restore as rs  # noqa: E402
from caseapp.storage.migrate import open_database  # noqa: E402

pytestmark = pytest.mark.sqlite_only("encryption is of the SQLite file")

PASS = "办公室口令 2026!'x"  # non-ASCII and a quote: the PRAGMA key must quote it
NAME = "欧阳明远"  # a party name that appears in no demo data
PHONE = "13912345678"
YEAR = (date(2025, 1, 1), date(2026, 12, 31))
TODAY = date(2026, 3, 20)


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)
    encryption.use_passphrase(None)
    encryption.set_asker(None)
    yield
    encryption.use_passphrase(None)
    encryption.set_asker(None)


def _fill(path: Path) -> None:
    db = open_database(path)
    actor = db.local_user_id()
    run_demo(db, actor, cases=60, seed=5, today=TODAY)
    data = services.CaseInput(summary="加密测试", category="劳动社保", received_on=date(2026, 3, 2))
    services.register_petition(db, actor, data, [services.PartyInput(NAME, "信访人", phone=PHONE)])
    db.dispose()


def _state(db) -> tuple:
    ids = queries.case_ids(db, queries.CaseFilter())
    details = {i: (d.number, d.status, [p.name for p in d.parties],
                   [(e.at, e.action, e.changes) for e in d.events])
               for i in ids for d in [queries.case_detail(db, i, today=TODAY)]}
    return stats.figures(db, *YEAR), details


def _all_bytes(path: Path) -> bytes:
    out = path.read_bytes()
    for suffix in ("-wal", "-journal"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            out += extra.read_bytes()
    return out


def _digest(path: Path) -> str:
    return hashlib.sha256(_all_bytes(path)).hexdigest()


def _assert_hidden(path: Path) -> None:
    data = _all_bytes(path)
    assert not data.startswith(b"SQLite format 3")
    assert NAME.encode() not in data and PHONE.encode() not in data
    assert "劳动社保".encode() not in data


@pytest.fixture
def plain(tmp_path) -> tuple[Path, tuple]:
    path = tmp_path / "cases.db"
    _fill(path)
    db = open_database(path)
    state = _state(db)
    db.dispose()
    assert NAME.encode() in _all_bytes(path)  # the check below could fail: the name is there
    return path, state


@pytest.fixture
def encrypted(plain) -> tuple[Path, tuple]:
    path, state = plain
    assert encryption.encrypt_file(path, PASS) is None
    return path, state


def test_an_encrypted_file_hides_every_name_and_keeps_every_case_and_figure(encrypted):
    path, state = encrypted
    _assert_hidden(path)
    assert not path.with_name(path.name + "-wal").exists()  # the plain WAL is gone too
    assert not list(path.parent.glob("*未加密*"))  # no plain copy unless asked for
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    encryption.use_passphrase(PASS)
    db = open_database(path)
    try:
        assert _state(db) == state
        actor = db.local_user_id()
        data = services.CaseInput(summary="加密后登记", category="劳动社保", received_on=date(2026, 3, 3))
        services.register_petition(db, actor, data, [services.PartyInput("司马新登", "信访人")])
        assert queries.count(db, queries.CaseFilter()) == len(state[1]) + 1
        with db.engine.connect() as conn:  # WAL and the other pragmas, as for a plain file
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.dispose()
    assert "司马新登".encode() not in _all_bytes(path)


def test_without_or_with_a_wrong_passphrase_nothing_opens_and_nothing_changes(encrypted):
    path, _state_before = encrypted
    before = _digest(path)
    with pytest.raises(encryption.PassphraseNeeded):
        open_database(path)
    encryption.use_passphrase("not the passphrase")
    with pytest.raises(encryption.WrongPassphrase, match="^口令不正确"):
        open_database(path)
    encryption.use_passphrase(None)
    asked = []
    encryption.set_asker(lambda p: asked.append(p) or "wrong again")
    with pytest.raises(StorageError, match="口令不正确"):
        open_database(path)
    assert asked == [path]
    assert encryption.known_passphrase() is None  # a wrong answer is not kept
    assert _digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("cases.db")) == ["cases.db"]


def test_cli_with_a_wrong_passphrase_says_so_without_a_traceback(encrypted, tmp_path):
    path, state = encrypted
    env = {**os.environ, "CASEAPP_HOME": str(tmp_path / "home")}
    args = [sys.executable, "-m", "caseapp", "--db", str(path), "stats", "--from", "2025-01-01",
            "--to", "2026-12-31"]
    wrong = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                           env={**env, encryption.PASSPHRASE_ENV: "wrong passphrase"})
    assert wrong.returncode == 1
    assert "口令不正确" in wrong.stderr
    for bad in ("Traceback", "not a database", "hmac", "程序内部错误"):
        assert bad not in wrong.stderr and bad not in wrong.stdout
    missing = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env)
    assert missing.returncode == 1 and "口令" in missing.stderr and "Traceback" not in missing.stderr
    right = subprocess.run(args + ["--json"], capture_output=True, text=True,
                           stdin=subprocess.DEVNULL, env={**env, encryption.PASSPHRASE_ENV: PASS})
    assert right.returncode == 0, right.stderr
    assert json.loads(right.stdout)["petitions"]["received"] == state[0].petitions.received > 0
    encryption.use_passphrase(PASS)
    db = open_database(path)
    try:
        assert _state(db) == state
    finally:
        db.dispose()


def test_backups_are_encrypted_and_restore_only_with_the_passphrase(encrypted, tmp_path):
    path, state = encrypted
    encryption.use_passphrase(PASS)
    db = open_database(path)
    dest = tmp_path / "usb"
    try:
        info = b.backup(db, dest)
        actor = db.local_user_id()
        data = services.CaseInput(summary="备份后登记", category="劳动社保", received_on=date(2026, 3, 4))
        services.register_petition(db, actor, data, [services.PartyInput("上官后来", "信访人")])
    finally:
        db.dispose()
    assert info.case_count == len(state[1])
    _assert_hidden(info.path)
    monthly = list((dest / "monthly").glob("*.db"))
    assert monthly and all(not p.read_bytes().startswith(b"SQLite format 3") for p in monthly)
    assert rs.inspect(info.path).ok

    encryption.use_passphrase(None)  # a new session that has not been given the passphrase
    assert not rs.inspect(info.path).ok
    with pytest.raises(StorageError):
        rs.restore(path, info.path, dest)
    encryption.use_passphrase("wrong passphrase")
    with pytest.raises(StorageError):
        rs.restore(path, info.path, dest)

    encryption.use_passphrase(PASS)
    result = rs.restore(path, info.path, dest)
    assert result.case_count == len(state[1])
    _assert_hidden(result.safety_copy)  # the before-restore copy is encrypted too
    _assert_hidden(path)
    db = open_database(path)
    try:
        assert _state(db) == state
    finally:
        db.dispose()


def test_a_plain_backup_does_not_restore_into_an_encrypted_database(plain, tmp_path):
    path, _state_before = plain
    db = open_database(path)
    try:
        old = b.backup(db, tmp_path / "usb")
    finally:
        db.dispose()
    encryption.encrypt_file(path, PASS)
    encryption.use_passphrase(PASS)
    before = _digest(path)
    with pytest.raises(StorageError, match="没有加密"):
        rs.restore(path, old.path, tmp_path / "usb")
    assert _digest(path) == before


def test_decrypt_gives_back_a_plain_file_with_the_same_cases(encrypted, tmp_path):
    path, state = encrypted
    copy = tmp_path / "support" / "handover.db"
    copy.parent.mkdir()
    assert encryption.decrypt_file(path, PASS, to=copy) == copy
    assert copy.read_bytes().startswith(b"SQLite format 3") and NAME.encode() in copy.read_bytes()
    _assert_hidden(path)  # --to leaves the database itself encrypted
    with pytest.raises(encryption.WrongPassphrase):
        encryption.decrypt_file(path, "wrong passphrase")
    _assert_hidden(path)
    kept = encryption.decrypt_file(path, PASS, keep_encrypted=True)
    assert kept is not None and not kept.read_bytes().startswith(b"SQLite format 3")
    assert path.read_bytes().startswith(b"SQLite format 3")
    for plain_file in (path, copy):
        db = open_database(plain_file)
        try:
            assert _state(db) == state
        finally:
            db.dispose()


def test_encrypt_refuses_while_another_program_has_the_file_open(plain):
    path, _state_before = plain
    # Another process (POSIX locks do not conflict within one process): the program, open.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('BEGIN'); c.execute('SELECT count(*) FROM cases').fetchone(); "
         "print('open', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = path.read_bytes()
        with pytest.raises(StorageError, match="关闭"):
            encryption.encrypt_file(path, PASS)
        assert path.read_bytes() == before
    finally:
        holder.communicate("")
    assert not list(path.parent.glob("*.part"))
    encryption.encrypt_file(path, PASS)  # once it is closed
    _assert_hidden(path)


def test_cli_encrypt_and_decrypt(plain, capsys, monkeypatch):
    path, state = plain
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, "short")
    assert main(["--db", str(path), "encrypt"]) == 1
    assert "至少" in capsys.readouterr().err
    assert path.read_bytes().startswith(b"SQLite format 3")
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    assert main(["--db", str(path), "encrypt", "--keep-plain"]) == 0
    out = capsys.readouterr().out
    assert "口令丢失，数据无法找回" in out and "未加密的原文件" in out
    _assert_hidden(path)
    kept = list(path.parent.glob("cases-未加密-*.db"))
    assert len(kept) == 1 and NAME.encode() in kept[0].read_bytes()
    assert main(["--db", str(path), "encrypt"]) == 1  # already encrypted
    capsys.readouterr()
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, "wrong passphrase")
    encryption.use_passphrase(None)
    assert main(["--db", str(path), "decrypt"]) == 1
    assert "口令不正确" in capsys.readouterr().err
    _assert_hidden(path)
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    assert main(["--db", str(path), "decrypt"]) == 0
    assert path.read_bytes().startswith(b"SQLite format 3")
    encryption.use_passphrase(None)
    db = open_database(path)
    try:
        assert _state(db) == state
    finally:
        db.dispose()


def test_the_key_derivation_is_sqlcipher_pbkdf2(encrypted):
    path, _state_before = encrypted
    conn = encryption.connect(path, PASS, readonly=True)
    try:
        settings = [r[0] for r in conn.execute("PRAGMA cipher_settings")]
    finally:
        conn.close()
    assert f"PRAGMA kdf_iter = {encryption.KDF_ITERATIONS};" in settings
    assert "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512;" in settings


def test_an_encrypted_old_release_is_backed_up_encrypted_then_upgraded(tmp_path):
    import shutil

    fixture = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"
    results = []
    for name in ("plain", "locked"):
        path = tmp_path / name / "casedesk.db"
        path.parent.mkdir()
        shutil.copyfile(fixture, path)
        if name == "locked":
            assert "信访人".encode() in path.read_bytes()
            encryption.encrypt_file(path, PASS)  # the 0.1.0 schema, now encrypted
            assert "信访人".encode() not in path.read_bytes()
            encryption.use_passphrase(PASS)
        db = open_database(path)  # migrates through every revision (on SQLCipher: locked)
        try:
            results.append((queries.count(db, queries.CaseFilter()), b.check(db),
                            stats.figures(db, *YEAR)))
        finally:
            db.dispose()
    assert results[0] == results[1] and results[0][0] > 0
    upgrade = [p for p in (tmp_path / "home").rglob("upgrade/casedesk-*.db")]
    assert len(upgrade) == 2  # one before each migration
    locked = [p for p in upgrade if not p.read_bytes().startswith(b"SQLite format 3")]
    assert len(locked) == 1 and "信访人".encode() not in locked[0].read_bytes()
    assert rs.inspect(locked[0]).ok
