"""Backups of a PostgreSQL database: pg_dump's custom format, beside the SQLite backups' folders.

``caseapp backup`` on a server database runs pg_dump (the same command a district's
administrator would run, docs/postgresql.md) into ``<backup folder>/daily/<database>-STAMP.dump``
and copies the attachments as for a file. Restoring is pg_restore's work, not the program's.
The password, if the URL has one, goes to pg_dump in PGPASSWORD, never on its command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from caseapp.errors import StorageError
from caseapp.progress import Job, Progress

PG_DUMP_MISSING = ("找不到 pg_dump（PostgreSQL 的备份工具）。服务器数据库请在服务器上用 "
                   "pg_dump 备份，例如：pg_dump -Fc -f 备份文件.dump 数据库名；"
                   "或安装 PostgreSQL 客户端（postgresql-client）后再运行 caseapp backup")


def pg_dump_path() -> str | None:
    """pg_dump on PATH, else Debian's versioned folders (the client package puts it there)."""
    found = shutil.which("pg_dump")
    if found:
        return found
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        for folder in sorted(root.iterdir(), reverse=True):
            candidate = folder / "bin" / "pg_dump"
            if candidate.is_file():
                return str(candidate)
    return None


def libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """The libpq URI of a SQLAlchemy URL (no password) and the environment carrying it."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def dump_stem(db) -> str:
    """The backups' name of a server database: the database's name."""
    return make_url(db.url).database or "casedesk"


def dump_name(folder: Path, stem: str, when: datetime) -> Path:
    """<stem>-YYYYMMDD-HHMMSS.dump, numbered when that name is taken (as the SQLite backups)."""
    base = f"{stem}-{when.strftime('%Y%m%d-%H%M%S')}"
    target, n = folder / f"{base}.dump", 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}.dump"
    return target


def dump_job(db, root: Path, folder: str = "daily",
             now: datetime | None = None) -> Job[tuple[Path, int]]:
    """pg_dump ``db`` into ``root/folder``; yields Progress, returns (path, case count)."""
    from caseapp.storage.files import create_private, os_error
    from caseapp.storage.models import Case

    tool = pg_dump_path()
    if tool is None:
        raise StorageError(PG_DUMP_MISSING)
    now = now or datetime.now()
    target = dump_name(root / folder, dump_stem(db), now)
    part = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part.unlink(missing_ok=True)
        create_private(part)  # owner-only before pg_dump writes a byte (it keeps the mode)
    except OSError as exc:
        raise os_error(exc, "备份") from exc
    uri, env = libpq_target(db.url)
    yield Progress(0, None, "正在用 pg_dump 备份服务器数据库")
    with db.read() as session:
        count = session.scalar(select(func.count(Case.id))) or 0
    done = subprocess.run([tool, "--format=custom", "--no-owner", f"--file={part}",
                           f"--dbname={uri}"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        part.unlink(missing_ok=True)
        detail = (done.stderr or "").strip().splitlines()
        raise StorageError("pg_dump 备份失败：" + (detail[-1] if detail else f"退出码 {done.returncode}"))
    os.replace(part, target)
    yield Progress(1, 1, "正在用 pg_dump 备份服务器数据库")
    return target, count
