"""Looking at backups and restoring one (issue #6); taking them is caseapp/storage/backup.py.

A backup is read read-only (immutable), so listing a folder on a USB stick writes nothing
there. A restore first keeps the current file, then copies the backup in, then checks it.
A backup made before accounts were set up would switch log-ins off: the current accounts are
carried into the restored file unless the caller asks for the backup as it is (issue #16).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from caseapp.errors import StorageError
from caseapp.storage import encryption
from caseapp.storage.backup import (
    FOLDERS,
    BackupInfo,
    copy_attachments,
    copy_database,
    files_dir_of,
    root_for_file,
)
from caseapp.storage.db import LOCAL_USER
from caseapp.storage.files import (
    DB_ERRORS,
    NAME_RE,
    STAMP,
    connect,
    copy_file,
    count_cases,
    fsync,
    named_backups,
    os_error,
    sqlite_error,
    unique_name,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None
    case_count: int
    files_copied: int
    accounts_kept: int = 0  # accounts carried over from the file the backup replaced
    warning: str = ""


def inspect(path: str | os.PathLike, deep: bool = False, folder: str = "") -> BackupInfo:
    """What a backup file holds, read read-only; ``deep`` also runs PRAGMA quick_check."""
    path = Path(path)
    m = NAME_RE.match(path.name)
    try:
        stat = path.stat()
    except OSError as exc:
        return BackupInfo(path, datetime.min, None, False, folder, 0, os_error(exc, "读取").message)
    made = datetime.strptime(m.group("stamp"), STAMP) if m else datetime.fromtimestamp(stat.st_mtime)
    problem = file_problem(path, deep=deep, readonly=True)
    count = users = None
    if not problem:
        conn = connect(path, readonly=True)
        try:
            count = count_cases(conn)
            users = count_accounts(conn)
        except DB_ERRORS as exc:
            problem = sqlite_error(exc, "读取").message
        finally:
            conn.close()
    return BackupInfo(path, made, count, not problem, folder, stat.st_size, problem,
                      accounts=users)


def count_accounts(conn: sqlite3.Connection) -> int:
    """Active accounts with a password; 0 in a file from before accounts (no such column)."""
    try:
        return conn.execute("SELECT count(*) FROM users WHERE password_hash IS NOT NULL "
                            "AND active").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def list_backups(root: str | os.PathLike, stem: str | None = None) -> list[BackupInfo]:
    """Every backup in the folder (of the database ``stem``, or all), newest first."""
    root = Path(root)
    infos = []
    for folder in FOLDERS:
        for path, _when in named_backups(root / folder, stem):
            infos.append(inspect(path, folder=folder))
    infos.sort(key=lambda i: i.made_at, reverse=True)
    return infos


def newest_good(root: str | os.PathLike, stem: str | None = None) -> BackupInfo | None:
    """The newest backup that passes a quick_check (checked newest first, stops at the first)."""
    for info in list_backups(root, stem):
        if info.ok:
            deep = inspect(info.path, deep=True, folder=info.folder)
            if deep.ok:
                return deep
    return None


def file_problem(path: str | os.PathLike, deep: bool = False, readonly: bool = False) -> str:
    """'' when the file opens as a CaseDesk database, else what is wrong, in Chinese.
    Cheap by default (header, schema, the cases table); ``deep`` adds PRAGMA quick_check,
    which reads the whole file (about 3 s per 300 MB)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return f"无法读取数据库文件：{exc.strerror or exc}"
    if len(header) == 0:
        return "数据库文件是空的"
    if not header.startswith(b"SQLite format 3\x00") and not encryption.opens(path):
        return ("这不是 SQLite 数据库文件（文件头不对），可能已被其他程序覆盖或损坏，"
                "或是加密的文件而口令不对（或没有提供口令）")
    if len(header) < 100:
        return "数据库文件不完整（被截断）"
    try:
        conn = connect(path, readonly=True) if readonly else connect(
            path, uri=f"file:{path.as_posix()}?mode=ro")
    except DB_ERRORS as exc:
        return f"数据库文件无法打开：{exc}"
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "cases" not in names:
            return "文件中没有案件表，不是 CaseDesk 数据库"
        conn.execute("SELECT count(*) FROM cases").fetchone()
        if deep:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
            if rows != ["ok"]:
                return "数据库文件已损坏（完整性检查未通过：" + "；".join(rows)[:200] + "）"
    except DB_ERRORS as exc:
        text = str(exc)
        if "malformed" in text or "not a database" in text:
            return "数据库文件已损坏（" + text + "）"
        return f"数据库文件无法读取：{text}"
    finally:
        conn.close()
    return ""


# ---------------------------------------------------------------------------
# Restoring.


def restore(db_path: str | os.PathLike, backup_file: str | os.PathLike,
            backup_dir: str | os.PathLike | None = None, *,
            keep_accounts: bool = True) -> RestoreResult:
    """Put a backup in place of the database file. The current file is first kept in
    ``<backup folder>/before-restore``; then the backup is copied into the live file with the
    backup API (safe while other connections have it open), or, when the live file is damaged,
    put in its place by an atomic rename. The result is checked before returning.

    A backup without accounts (made before they were set up) gets the current file's accounts
    (``keep_accounts``, the default), so restoring it never switches log-ins off."""
    db_path = Path(db_path).absolute()
    backup_file = Path(backup_file).absolute()
    if not backup_file.is_file():
        raise StorageError(f"找不到备份文件：{backup_file}")
    _key_for_backup(backup_file, db_path)
    problem = file_problem(backup_file, deep=True, readonly=True)
    if problem:
        raise StorageError(f"不能用这个备份恢复：{problem}")
    info = inspect(backup_file)
    wanted = info.case_count
    # Read before the file is replaced: the accounts a backup without any must not lose.
    carried = _accounts_of(db_path) if not info.accounts and db_path.exists() else []
    root = Path(backup_dir) if backup_dir else root_for_file(db_path)
    # deep: a file damaged in the middle passes the cheap checks, and copying it page by page
    # into the live file would fail (issue #16).
    live_ok = db_path.exists() and not file_problem(db_path, deep=True)
    try:
        safety = _keep_current(db_path, root, live_ok)
    except StorageError:
        if not live_ok:
            raise
        live_ok = False  # damaged where quick_check did not look: set it aside as it is
        safety = _keep_current(db_path, root, live_ok)
    try:
        if live_ok:
            _copy_into_live(backup_file, db_path)
        else:
            _replace_file(backup_file, db_path)
    except DB_ERRORS as exc:
        raise sqlite_error(exc, "恢复") from exc
    except OSError as exc:
        raise os_error(exc, "恢复") from exc
    files = 0
    for candidate in (backup_file.parent.parent / f"{db_path.stem}-files",
                      root / f"{db_path.stem}-files"):
        try:
            files += copy_attachments(candidate, files_dir_of(db_path))
        except OSError as exc:
            raise os_error(exc, "恢复附件") from exc
    after = file_problem(db_path, deep=True)
    if after:
        raise StorageError(f"恢复后的数据库检查未通过：{after}。原文件已保存在 {safety}")
    conn = connect(db_path, uri=f"file:{db_path.as_posix()}?mode=ro")
    try:
        count = count_cases(conn)
    finally:
        conn.close()
    if count != wanted:
        raise StorageError(f"恢复后的案件数（{count}）与备份（{wanted}）不符。原文件已保存在 {safety}")
    kept, warning = 0, ""
    if carried and keep_accounts:
        kept = _carry_accounts(db_path, carried)
        if not kept:
            warning = "这个备份早于登录账户功能，无法保留当前账户：恢复后登录已关闭，请重新设置管理员账户"
    elif carried:
        warning = ("备份中没有登录账户：恢复后登录已关闭，打开程序的人即为管理员。"
                   "请尽快重新设置管理员账户")
    log.info("restored %s from %s (safety copy %s, %d accounts kept)", db_path, backup_file,
             safety, kept)
    return RestoreResult(backup_file, safety, count, files, kept, warning)


_ACCOUNT = ("name", "display_name", "role", "active", "created_at", "password_hash")


def _accounts_of(db_path: Path) -> list[tuple]:
    """Every account with a password in ``db_path`` (disabled ones too, so they stay
    disabled); [] when there are none or the file cannot be read."""
    try:
        conn = connect(db_path, uri=f"file:{db_path.as_posix()}?mode=ro")
        try:
            return conn.execute(f"SELECT {', '.join(_ACCOUNT)} FROM users "
                                "WHERE password_hash IS NOT NULL ORDER BY id").fetchall()
        finally:
            conn.close()
    except DB_ERRORS:
        return []


def _carry_accounts(db_path: Path, rows: list[tuple]) -> int:
    """The accounts ``rows`` put into the restored file in one transaction (a user of the same
    name takes the account's password and role), the passwordless local user retired as
    setting up the first admin does; returns how many, 0 when the file's schema has no
    accounts yet (nothing is changed then)."""
    conn = connect(db_path)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for name, display_name, role, active, created_at, password_hash in rows:
                found = conn.execute(
                    "UPDATE users SET display_name = ?, role = ?, active = ?, password_hash = ?, "
                    "failed_logins = 0, locked_until = NULL WHERE name = ?",
                    (display_name, role, active, password_hash, name)).rowcount
                if not found:
                    conn.execute(
                        f"INSERT INTO users ({', '.join(_ACCOUNT)}, failed_logins) "
                        "VALUES (?, ?, ?, ?, ?, ?, 0)",
                        (name, display_name, role, active, created_at, password_hash))
            conn.execute("UPDATE users SET active = 0 WHERE name = ? AND password_hash IS NULL",
                         (LOCAL_USER,))
            conn.execute("COMMIT")
        except sqlite3.OperationalError:
            conn.execute("ROLLBACK")
            return 0
    finally:
        conn.close()
    return len(rows)


def _keep_current(db_path: Path, root: Path, live_ok: bool) -> Path | None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if live_ok:
        target = unique_name(root / "before-restore", db_path.stem, datetime.now())
        copy_database(db_path, target, what="保存当前数据库")
        return target
    # A damaged file cannot be read page by page: keep its bytes (and its WAL) as they are,
    # under a name that says so and that is never listed as a backup to restore.
    target = unique_name(root / "before-restore", f"{db_path.stem}-损坏", datetime.now())
    try:
        copy_file(db_path, target)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            copy_file(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        raise os_error(exc, "保存当前数据库") from exc
    return target


def _key_for_backup(backup_file: Path, db_path: Path) -> None:
    """An encrypted backup needs the passphrase (issue #16, item 8), and a backup restores only
    into a database of the same form: a plain backup never lands in an encrypted database as
    plain data, nor the reverse, without the user choosing so (caseapp encrypt/decrypt)."""
    enc_backup = encryption.is_encrypted(backup_file)
    if enc_backup and not encryption.known_passphrase():
        key = encryption.passphrase_for(backup_file)
        encryption.check_passphrase(backup_file, key)
        encryption.use_passphrase(key)
    if db_path.exists() and db_path.stat().st_size and not file_problem(db_path):
        enc_live = encryption.is_encrypted(db_path)
        if enc_live and not enc_backup:
            raise StorageError("这个备份没有加密，而当前数据库是加密的：不能直接恢复。"
                               "请先 caseapp decrypt，恢复后再 caseapp encrypt")
        if enc_backup and not enc_live:
            raise StorageError("这个备份是加密的，而当前数据库没有加密：不能直接恢复。"
                               "请先 caseapp encrypt（用同一口令），再恢复")


def _copy_into_live(backup_file: Path, db_path: Path) -> None:
    src = connect(backup_file, readonly=True)
    dst = connect(db_path)
    try:
        src.backup(dst)  # one step: the live file changes in one write transaction
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        src.close()
        dst.close()


def _replace_file(backup_file: Path, db_path: Path) -> None:
    part = db_path.with_name(db_path.name + ".restore.part")
    try:
        shutil.copyfile(backup_file, part)
        fsync(part)
        # A WAL left by the damaged file must never be replayed onto the restored one.
        for suffix in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(part, db_path)
    finally:
        part.unlink(missing_ok=True)


