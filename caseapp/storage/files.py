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
from caseapp.storage import encryption

STAMP = "%Y%m%d-%H%M%S"
NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.db$")
BUSY_TIMEOUT_S = 15.0
# Errors a connection from connect() may raise: SQLCipher's are not sqlite3.Error subclasses.
DB_ERRORS = encryption.errors()


# ---------------------------------------------------------------------------
# Errors a person can read.


def os_error(exc: OSError, what: str, where: str = "换一个备份文件夹") -> StorageError:
    if exc.errno == errno.ENOSPC:
        return StorageError(f"{what}失败：磁盘已满。没有留下不完整的文件，请清理磁盘或{where}")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(f"{what}失败：文件夹是只读的或没有写入权限（{exc.filename or ''}）")
    if exc.errno == errno.ENOENT:
        return StorageError(f"{what}失败：找不到文件或文件夹（{exc.filename or ''}）")
    return StorageError(f"{what}失败：{exc.strerror or exc}")


def sqlite_error(exc: Exception, what: str) -> StorageError:
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


def connect(path: Path, readonly: bool = False, encrypted: bool | None = None,
            uri: str | None = None) -> sqlite3.Connection:
    """A connection to ``path``; ``readonly``: immutable (a backup); ``uri``: these ``file:``
    flags instead. An encrypted file (or ``encrypted``: a new file to be written encrypted)
    is opened with SQLCipher and this process's passphrase (issue #16, item 8)."""
    if encrypted is None:
        encrypted = encryption.is_encrypted(path) and bool(encryption.known_passphrase())
    if encrypted:
        try:
            return encryption.connect(path, encryption.passphrase_for(path), uri=uri,
                                      readonly=readonly)
        except encryption.WrongPassphrase as exc:  # callers handle sqlite3's errors
            raise sqlite3.DatabaseError(f"file is not a database ({exc.message})") from exc
    if uri is not None:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
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
