"""SQLite files on disk, shared by backup and restore: connections, fsync, atomic copies,
backup file names, counting cases, and errors a person can read."""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from caseapp.errors import StorageError

STAMP = "%Y%m%d-%H%M%S"
NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.db$")
BUSY_TIMEOUT_S = 15.0


# ---------------------------------------------------------------------------
# Errors a person can read.


def os_error(exc: OSError, what: str) -> StorageError:
    if exc.errno == errno.ENOSPC:
        return StorageError(f"{what}失败：磁盘已满。没有留下不完整的文件，请清理磁盘或换一个备份文件夹")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(f"{what}失败：文件夹是只读的或没有写入权限（{exc.filename or ''}）")
    if exc.errno == errno.ENOENT:
        return StorageError(f"{what}失败：找不到文件或文件夹（{exc.filename or ''}）")
    return StorageError(f"{what}失败：{exc.strerror or exc}")


def sqlite_error(exc: sqlite3.Error, what: str) -> StorageError:
    text = str(exc)
    if "full" in text:
        return StorageError(f"{what}失败：磁盘已满。没有留下不完整的文件，请清理磁盘或换一个备份文件夹")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(f"{what}失败：文件夹是只读的、没有写入权限，或文件无法打开")
    if "locked" in text or "busy" in text:
        return StorageError(f"{what}失败：数据库正被另一个程序长时间占用，请稍后再试")
    if "malformed" in text or "not a database" in text:
        return StorageError(f"{what}失败：数据库文件已损坏")
    return StorageError(f"{what}失败：{text}")


# ---------------------------------------------------------------------------
# Files.


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        # immutable: a backup is never written, and reading it must not create -wal/-shm files
        # on a USB stick or a share.
        return sqlite3.connect(f"file:{path.as_posix()}?mode=ro&immutable=1", uri=True,
                               isolation_level=None)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)


def fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def count_cases(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL").fetchone()[0]


def create_private(path: Path) -> None:
    """A new empty file only its owner may read (0600 on POSIX): personal data lives in it.
    SQLite gives a database's -wal and -shm the database's own mode."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    make_private(path)


def make_private(path: Path) -> None:
    """Owner-only (0600) on POSIX, whatever the umask; Windows keeps the folder's ACLs."""
    if os.name == "posix":
        os.chmod(path, 0o600)


def copy_file(source: Path, target: Path) -> None:
    """A plain byte copy, owner-only, written to ``.part`` and renamed only when complete."""
    part = target.with_name(target.name + ".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(source, part)
        make_private(part)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


# ---------------------------------------------------------------------------
# Backup names: <stem>-YYYYMMDD-HHMMSS.db, with -2, -3 … when a second falls in the same second.


def unique_name(folder: Path, stem: str, when: datetime) -> Path:
    base = f"{stem}-{when.strftime(STAMP)}"
    target, n = folder / f"{base}.db", 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}.db"
    return target


def named_backups(folder: Path, stem: str | None) -> list[tuple[Path, datetime]]:
    """Backups in ``folder`` named <stem>-YYYYMMDD-HHMMSS.db, newest first."""
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*.db"):
        m = NAME_RE.match(path.name)
        if not m or (stem is not None and m.group("stem") != stem):
            continue
        try:
            when = datetime.strptime(m.group("stamp"), STAMP)
        except ValueError:
            continue
        out.append((path, when, int(m.group("n") or 1)))
    out.sort(key=lambda t: (t[1], t[2]), reverse=True)
    return [(p, w) for p, w, _n in out]
