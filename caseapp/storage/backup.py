"""Backups and restore of the SQLite file, with its attachments (issue #6).

A backup is taken with SQLite's online backup API from a separate connection that holds one
read transaction for the whole copy: the copy is a consistent snapshot even while the program
(or another one) keeps writing, and writers are never blocked (WAL). It is written to a
``.part`` file and renamed only when complete, so a full disk or a killed process never
leaves a half-written backup under a backup's name.

Layout of the backup folder (an office setting; default ``<data folder>/backups``)::

    daily/<stem>-YYYYMMDD-HHMMSS.db          at start, once a day, at exit, 立即备份
    monthly/<stem>-YYYYMMDD-HHMMSS.db        the first backup of each month
    upgrade/<stem>-YYYYMMDD-HHMMSS.db        taken before a schema migration (never rotated)
    before-restore/<stem>-YYYYMMDD-HHMMSS.db the file as it was before a restore (never rotated)
    <stem>-files/ab/abcdef….pdf              attachments, named by SHA-256: copied once

``<stem>`` is the database file's name without ``.db`` (casedesk, demo, …), so two databases
can share one backup folder. Listing and restoring backups are in caseapp/storage/restore.py,
the integrity and domain checks in caseapp/storage/checks.py, the file helpers both use in
caseapp/storage/files.py.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from caseapp.errors import StorageError
from caseapp.paths import data_dir
from caseapp.progress import Cancelled, Job, Progress
from caseapp.storage.files import (
    DB_ERRORS,
    connect,
    copy_file,
    count_cases,
    create_private,
    fsync,
    named_backups,
    os_error,
    sqlite_error,
    unique_name,
)

log = logging.getLogger(__name__)

FOLDERS = ("daily", "monthly", "upgrade", "before-restore")
FOLDER_LABELS = {"daily": "每日", "monthly": "每月", "upgrade": "升级前", "before-restore": "恢复前"}
PAGES_PER_STEP = 2048  # 8 MB at SQLite's 4 KB pages: progress about every few tens of ms
# A .part file untouched this long is the remains of a killed copy: a copy in progress (here or
# in another program sharing the folder) writes to its .part every few milliseconds.
STALE_PART_SECONDS = 10 * 60
# A backup under half the cases of the previous one (of at least 20) is worth a warning.
DROP_RATIO = 0.5
DROP_MIN_CASES = 20


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    case_count: int | None
    ok: bool
    folder: str = "daily"
    size: int = 0
    problem: str = ""
    warning: str = ""  # e.g. far fewer cases than the previous backup (issue #16)
    accounts: int | None = None  # active accounts with a password (0: made before accounts)

    @property
    def folder_label(self) -> str:
        return FOLDER_LABELS.get(self.folder, self.folder)


# ---------------------------------------------------------------------------
# Where things are.


def default_root() -> Path:
    return data_dir() / "backups"


def backup_root(setting: str | os.PathLike | None) -> Path:
    """The backup folder of the office: the setting, or ``<data folder>/backups``."""
    text = os.fspath(setting).strip() if setting else ""
    return Path(text).expanduser() if text else default_root()


def files_dir_of(db_path: Path) -> Path:
    """The attachments folder beside a database file (as Database.files_dir names it)."""
    return db_path.parent / f"{db_path.stem}-files"


def _stored_settings(db_path: Path) -> dict:
    """backup_dir / keep_daily / keep_monthly read straight from the file, so it works before
    a migration and on a file SQLAlchemy cannot open; {} when they cannot be read."""
    try:
        conn = connect(db_path, uri=f"file:{db_path}?mode=ro")
        try:
            rows = conn.execute("SELECT key, value FROM settings WHERE key IN "
                                "('backup_dir', 'keep_daily', 'keep_monthly')").fetchall()
        finally:
            conn.close()
        return {k: json.loads(v) for k, v in rows}
    except DB_ERRORS + (ValueError,):
        return {}


def root_for_file(db_path: str | os.PathLike) -> Path:
    return backup_root(_stored_settings(Path(db_path)).get("backup_dir"))


def _require_file(db) -> Path:
    path = db.path
    if path is None:
        raise StorageError("只有 SQLite 数据库文件可以用本程序备份；服务器数据库请使用数据库自带的备份工具")
    return path


# ---------------------------------------------------------------------------
# Copying one database file.


def copy_database(source: Path, target: Path,
                  on_progress: Callable[[int, int], None] | None = None,
                  cancel: threading.Event | None = None, what: str = "备份") -> int:
    """A consistent copy of ``source`` at ``target`` (which must not exist); returns the number
    of cases in the copy. Nothing is left at ``target`` unless the copy is complete."""
    part = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part.unlink(missing_ok=True)
    except OSError as exc:
        raise os_error(exc, what) from exc
    src = dst = None
    try:
        # A file on read-only media is read as it is (no -wal/-shm can be made beside it).
        src = connect(source, readonly=not os.access(source.parent, os.W_OK))
        # One read transaction across all steps: the copy is the state at this moment, and
        # writes by others meanwhile do not restart the backup (they go to the WAL).
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        create_private(part)  # owner-only from the first byte; the rename keeps the mode
        # An encrypted database's copy is keyed alike: never a plain copy of it (issue #16).
        dst = connect(part, encrypted=not isinstance(src, sqlite3.Connection))

        def progress(_status: int, remaining: int, total: int) -> None:
            if cancel is not None and cancel.is_set():
                raise Cancelled("已取消")
            if on_progress is not None:
                on_progress(total - remaining, total)

        src.backup(dst, pages=PAGES_PER_STEP, progress=progress)
        src.execute("COMMIT")
        # A backup is a plain file: no -wal/-shm beside it on a USB stick.
        dst.execute("PRAGMA journal_mode=DELETE")
        count = count_cases(dst)
        dst.close()
        dst = None
        fsync(part)
        os.replace(part, target)
        return count
    except Cancelled:
        raise
    except DB_ERRORS as exc:
        raise sqlite_error(exc, what) from exc
    except OSError as exc:
        raise os_error(exc, what) from exc
    finally:
        for conn in (src, dst):
            if conn is not None:
                conn.close()
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass


def copy_attachments(source: Path, target: Path) -> int:
    """Copy the attachment files missing in ``target``; they are named by SHA-256, so a file
    with the same name is the same file. Returns how many were copied."""
    if not source.is_dir():
        return 0
    copied = 0
    for path in source.rglob("*"):
        if not path.is_file() or path.name.endswith(".part"):
            continue
        dest = target / path.relative_to(source)
        if dest.exists() and dest.stat().st_size == path.stat().st_size:
            continue
        copy_file(path, dest)
        copied += 1
    return copied


def remove_stale_parts(root: Path, now: float | None = None) -> list[Path]:
    """Remove the ``.part`` files a killed backup left in the backup folder (older than
    STALE_PART_SECONDS); returns them. A file that cannot be removed is left for next time."""
    now = time.time() if now is None else now
    candidates = [p for folder in FOLDERS for p in sorted((root / folder).glob("*.part"))]
    candidates += sorted(root.glob("*-files/**/*.part"))
    removed = []
    for path in candidates:
        try:
            if path.is_file() and now - path.stat().st_mtime > STALE_PART_SECONDS:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    if removed:
        log.info("removed %d stale .part file(s) in %s", len(removed), root)
    return removed


# ---------------------------------------------------------------------------
# Taking backups.


def backup_job(db, dest: str | os.PathLike | None = None, folder: str = "daily",
               now: datetime | None = None, rotate_after: bool = True) -> Job[BackupInfo]:
    """Back ``db`` up into ``dest`` (default: the office's backup folder); yields Progress.
    Closing the job (Cancel) stops the copy and leaves no file behind."""
    if not getattr(db, "is_sqlite", True):  # PostgreSQL: pg_dump (storage/server_backup.py)
        return (yield from _server_backup(db, dest, folder, now))
    source = _require_file(db)
    settings = db.settings()
    root = Path(dest) if dest else backup_root(getattr(settings, "backup_dir", ""))
    now = now or datetime.now()
    remove_stale_parts(root)
    previous = _newest_count(root, source.stem)
    target = unique_name(root / folder, source.stem, now)
    cancel = threading.Event()
    steps: list[tuple[int, int]] = []
    outcome: dict = {}
    lock = threading.Lock()

    def on_progress(done: int, total: int) -> None:
        with lock:
            steps.append((done, total))

    def work() -> None:
        try:
            outcome["count"] = copy_database(source, target, on_progress, cancel)
        except BaseException as exc:  # delivered to the job below
            outcome["error"] = exc

    # The copy runs in a thread so this generator can report its progress meanwhile.
    thread = threading.Thread(target=work, name="casedesk-backup", daemon=True)
    thread.start()
    try:
        yield Progress(0, None, "正在复制数据库")
        while thread.is_alive():
            thread.join(0.1)
            with lock:
                last = steps[-1] if steps else None
                steps.clear()
            if last is not None:
                yield Progress(last[0], last[1], "正在复制数据库")
    except GeneratorExit:
        cancel.set()
        thread.join()
        raise
    if "error" in outcome:
        raise outcome["error"]
    yield Progress(1, 1, "正在复制附件")
    try:
        copy_attachments(files_dir_of(source), root / f"{source.stem}-files")
        if folder == "daily":
            _monthly_copy(root, source.stem, target, now)
        if rotate_after:
            rotate(root, source.stem, getattr(settings, "keep_daily", 14),
                   getattr(settings, "keep_monthly", 12))
    except OSError as exc:
        raise os_error(exc, "复制附件") from exc
    return BackupInfo(target, now, outcome["count"], True, folder, target.stat().st_size,
                      warning=drop_warning(outcome["count"], previous))


def _server_backup(db, dest, folder: str, now: datetime | None) -> Job[BackupInfo]:
    from caseapp.storage.server_backup import dump_job, dump_stem

    root = Path(dest) if dest else backup_root(getattr(db.settings(), "backup_dir", ""))
    target, count = yield from dump_job(db, root, folder, now)
    try:
        copy_attachments(db.files_dir, root / f"{dump_stem(db)}-files")
    except OSError as exc:
        raise os_error(exc, "复制附件") from exc
    return BackupInfo(target, now or datetime.now(), count, True, folder, target.stat().st_size)


def _backup_cases(path: Path) -> int | None:
    """Cases in a backup file, read read-only; None when it cannot be read."""
    try:
        conn = connect(path, readonly=True)
    except DB_ERRORS:
        return None
    try:
        return count_cases(conn)
    except DB_ERRORS:
        return None
    finally:
        conn.close()


def _newest_count(root: Path, stem: str) -> tuple[Path, int] | None:
    for path, _when in _rotated(root, stem):
        count = _backup_cases(path)
        if count is not None:
            return path, count
    return None


def drop_warning(count: int, previous: tuple[Path, int] | None) -> str:
    """A warning when a backup holds far fewer cases than the one before it: an emptied or
    replaced database must be noticed before the good backups rotate away."""
    if previous is None or previous[1] < DROP_MIN_CASES or count >= previous[1] * DROP_RATIO:
        return ""
    return (f"注意：本次备份只有 {count} 件案件，上一次备份（{previous[0].name}）有 {previous[1]} 件。"
            f"如果不是有意删除，请检查数据库；上一次的备份会一直保留，可以用它恢复")


def backup(db, dest: str | os.PathLike | None = None, folder: str = "daily",
           now: datetime | None = None, on_progress=None) -> BackupInfo:
    from caseapp.progress import run

    return run(backup_job(db, dest, folder, now), on_progress)


def _monthly_copy(root: Path, stem: str, daily: Path, now: datetime) -> Path | None:
    month = now.strftime("%Y%m")
    for info in named_backups(root / "monthly", stem):
        if info[1].strftime("%Y%m") == month:
            return None
    target = unique_name(root / "monthly", stem, now)
    copy_file(daily, target)
    return target


def backup_if_due(db, now: datetime | None = None) -> BackupInfo | None:
    """The daily backup: taken when the backup folder has none of today for this database."""
    now = now or datetime.now()
    source = _require_file(db)
    root = backup_root(getattr(db.settings(), "backup_dir", ""))
    remove_stale_parts(root)  # at start too, even when no backup is due
    if any(when.date() == now.date() for _p, when in named_backups(root / "daily", source.stem)):
        return None
    return backup(db, root, now=now)


def backup_before_upgrade(db_path: Path) -> Path | None:
    """The file as it is, before a migration touches it; None when there is nothing to keep."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    root = root_for_file(db_path)
    target = unique_name(root / "upgrade", db_path.stem, datetime.now())
    copy_database(db_path, target, what="升级前备份")
    log.info("backup before upgrade: %s", target)
    return target


def rotate(root: Path, stem: str, keep_daily: int = 14, keep_monthly: int = 12) -> list[Path]:
    """Keep the newest backup of each of the last ``keep_daily`` days and of each of the last
    ``keep_monthly`` months; remove the rest. Upgrade and before-restore copies stay."""
    doomed = []
    for folder, keep, key in (("daily", keep_daily, "%Y%m%d"), ("monthly", keep_monthly, "%Y%m")):
        seen: list[str] = []
        for path, when in named_backups(root / folder, stem):
            bucket = when.strftime(key)
            if bucket not in seen and len(seen) < max(keep, 1):
                seen.append(bucket)
                continue
            doomed.append(path)
    spared = _last_bigger(root, stem) if doomed else None
    removed = []
    for path in doomed:
        if path != spared:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _rotated(root: Path, stem: str) -> list[tuple[Path, datetime]]:
    """The daily and monthly backups of ``stem``, newest first."""
    both = named_backups(root / "daily", stem) + named_backups(root / "monthly", stem)
    return sorted(both, key=lambda t: t[1], reverse=True)


def _last_bigger(root: Path, stem: str) -> Path | None:
    """The newest backup holding more cases than the newest one: never rotated away, so a
    database emptied or replaced by mistake can still be restored (issue #16)."""
    newest = _newest_count(root, stem)
    if newest is None:
        return None
    for path, _when in _rotated(root, stem):
        count = _backup_cases(path)
        if count is not None and count > newest[1]:
            return path
    return None


def check(db) -> list[str]:
    """The integrity and domain checks (caseapp/storage/checks.py); [] when all is well."""
    from caseapp.storage.checks import check as run_checks

    return run_checks(db)
