"""Looking at backups and restoring one (issue #6); taking them is caseapp/storage/backup.py.

A backup is read read-only (immutable), so listing a folder on a USB stick writes nothing
there. A restore first keeps the current file, then copies the backup in, then checks it.
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
from caseapp.storage.backup import (
    FOLDERS,
    BackupInfo,
    copy_attachments,
    copy_database,
    files_dir_of,
    root_for_file,
)
from caseapp.storage.files import (
    BUSY_TIMEOUT_S,
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
    count = None
    if not problem:
        conn = connect(path, readonly=True)
        try:
            count = count_cases(conn)
        except sqlite3.Error as exc:
            problem = sqlite_error(exc, "读取").message
        finally:
            conn.close()
    return BackupInfo(path, made, count, not problem, folder, stat.st_size, problem)


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
    if not header.startswith(b"SQLite format 3\x00"):
        return "这不是 SQLite 数据库文件（文件头不对），可能已被其他程序覆盖或损坏"
    if len(header) < 100:
        return "数据库文件不完整（被截断）"
    try:
        conn = connect(path, readonly=True) if readonly else sqlite3.connect(
            f"file:{path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
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
    except sqlite3.Error as exc:
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
            backup_dir: str | os.PathLike | None = None) -> RestoreResult:
    """Put a backup in place of the database file. The current file is first kept in
    ``<backup folder>/before-restore``; then the backup is copied into the live file with the
    backup API (safe while other connections have it open), or, when the live file is damaged,
    put in its place by an atomic rename. The result is checked before returning."""
    db_path = Path(db_path).absolute()
    backup_file = Path(backup_file).absolute()
    if not backup_file.is_file():
        raise StorageError(f"找不到备份文件：{backup_file}")
    problem = file_problem(backup_file, deep=True, readonly=True)
    if problem:
        raise StorageError(f"不能用这个备份恢复：{problem}")
    wanted = inspect(backup_file).case_count
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
    except sqlite3.Error as exc:
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
    conn = sqlite3.connect(f"file:{db_path.as_posix()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        count = count_cases(conn)
    finally:
        conn.close()
    if count != wanted:
        raise StorageError(f"恢复后的案件数（{count}）与备份（{wanted}）不符。原文件已保存在 {safety}")
    log.info("restored %s from %s (safety copy %s)", db_path, backup_file, safety)
    return RestoreResult(backup_file, safety, count, files)


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


