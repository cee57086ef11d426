"""The migrations' runner: opening a database at start (checking the file, keeping a copy
before an upgrade, migrating it with Alembic to head) and the default rows every database has."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from caseapp.errors import StorageError
from caseapp.progress import Progress
from caseapp.storage import backup, encryption
from caseapp.storage.db import (
    LOCAL_USER,
    Database,
    is_network_path,
    make_engine,
    resolve_url,
    storage_error,
)
from caseapp.storage.files import create_private, os_error
from caseapp.storage.head import HEAD
from caseapp.storage.restore import newest_good

log = logging.getLogger(__name__)


def open_database(db: str | os.PathLike | None = None, *, upgrade: bool = True,
                  backup_before_upgrade: bool = True,
                  on_progress: Callable[[Progress], None] | None = None) -> Database:
    """Open (creating and upgrading when asked) the database named by ``db``. An existing
    file whose schema is behind is first backed up (caseapp/storage/backup.py), then migrated,
    telling ``on_progress`` of each step (a big file's upgrade takes minutes: issue #19)."""
    url = resolve_url(db)
    file = None
    readonly = False
    passphrase = None  # an encrypted file's (issue #16, item 8)
    if url.startswith("sqlite:///"):
        file = Path(url[len("sqlite:///"):])
        if is_network_path(str(file)):
            log.warning("database on a network share")
        if not file.parent.exists():
            raise StorageError(f"数据库所在的文件夹不存在：{file.parent}")
        if file.exists():
            # only a path that does not exist becomes a new database
            passphrase = _refuse_damaged(file)
            readonly = on_readonly_media(file)
        if not file.exists() and upgrade:
            try:
                create_private(file)  # a new database is owner-only (and so its -wal, -shm)
            except FileExistsError:
                pass  # another program created it meanwhile
            except OSError as exc:
                raise os_error(exc, "创建数据库") from exc
    engine = make_engine(url, readonly=readonly, passphrase=passphrase)
    database = Database(url, engine, readonly=readonly)
    try:
        if readonly:
            # Read-only media (issue #16): read as it is; an old schema cannot be upgraded there.
            if current_revision(database) != head_revision(database):
                raise StorageError(f"数据库在只读的位置（{file}），且需要升级到本版程序的格式。"
                                   "请把它复制到可以写入的文件夹后再打开")
        elif upgrade:
            behind = current_revision(database) not in (None, head_revision(database))
            if behind and on_progress is not None:
                on_progress(Progress(0, None, UPGRADE_BACKUP))
            if backup_before_upgrade and file is not None and file.exists() and behind:
                _backup_before_upgrade(file)
            upgrade_database(database, on_progress if behind else None)
        elif not inspect(engine).has_table("cases"):
            raise StorageError("数据库尚未初始化，请先运行 caseapp init")
        elif current_revision(database) != head_revision(database):
            # Reading an older schema would fail on the first new column, as an internal error.
            raise StorageError(OLD_SCHEMA.format(database.display_name))
    except DBAPIError as exc:
        engine.dispose()
        raise storage_error(exc) from exc
    except Exception:
        engine.dispose()
        raise
    return database


def on_readonly_media(file: Path) -> bool:
    """The file or its folder cannot be written (a read-only mount, a write-protected stick,
    no permission): SQLite would fail to open it for writing, or to create its -wal/-shm."""
    return not (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK))


def _backup_before_upgrade(file: Path) -> None:
    try:
        backup.backup_before_upgrade(file)
    except StorageError as exc:  # never migrate a file we could not keep a copy of
        raise StorageError(f"{exc}。数据库没有升级，请检查备份文件夹后重新打开") from exc


def _refuse_damaged(file: Path) -> str | None:
    """An existing file that is empty or not SQLite is damage (issue #16): opening it must not
    make a new database in its place, and the clerk is told which backup to restore. A file
    without SQLite's header that the passphrase opens is encrypted: its passphrase is returned
    (and kept for this process's backups); a wrong one is refused before anything is opened."""
    try:
        size = file.stat().st_size
        with open(file, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise os_error(exc, "读取数据库") from exc
    if size == 0:
        raise StorageError(f"数据库文件已损坏或被清空（0 字节）：{file}。{restore_hint(file)}")
    if header == b"SQLite format 3\x00":
        return None
    if not encryption.available():
        raise StorageError(f"{file} 不是 CaseDesk 数据库文件，或已损坏（若是加密的数据库，"
                           f"需要安装加密组件 casedesk[encryption]）。{restore_hint(file)}")
    try:
        key = encryption.passphrase_for(file)
    except encryption.PassphraseNeeded:
        raise encryption.PassphraseNeeded(
            f"{file} 不是 CaseDesk 数据库文件，或已损坏，或是加密的数据库（需要口令：环境变量 "
            f"{encryption.PASSPHRASE_ENV}，或在终端输入）。{restore_hint(file)}") from None
    try:
        encryption.check_passphrase(file, key)
    except encryption.WrongPassphrase:
        raise encryption.WrongPassphrase(
            f"{encryption.WRONG}：数据库没有打开，也没有任何改动。请重新输入口令"
            "（口令确实无误时，文件可能已损坏，可从备份恢复）") from None
    encryption.use_passphrase(key)
    return key


def restore_hint(file: Path) -> str:
    """Where to restore ``file`` from: the newest good backup, when there is one."""
    try:
        good = newest_good(backup.root_for_file(file), file.stem)
    except (OSError, StorageError):
        good = None
    if good is None:
        return "没有找到可用的备份；请在「备份与恢复」中选择备份文件恢复（caseapp restore 备份文件）"
    return (f"可以从备份恢复：caseapp restore \"{good.path}\"（{good.case_count} 件案件），"
            "或在「备份与恢复」中恢复")


def migrations_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "migrations"


def alembic_config(database: Database):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["engine"] = database.engine
    return cfg




def current_revision(database: Database) -> str | None:
    """The file's schema revision, read by one query (None: a new database)."""
    try:
        with database.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except DBAPIError:
        if inspect(database.engine).has_table("alembic_version"):
            raise  # a real fault, not a file Alembic has not stamped yet
        return None
    if len(rows) > 1:  # a branched history: no single revision to compare
        raise StorageError(f"数据库的版本记录有误（{', '.join(sorted(rows))}），请联系技术人员")
    return rows[0] if rows else None


def head_revision(_database: Database | None = None) -> str:
    """The revision this program's schema is at (HEAD: no Alembic needed to know it)."""
    return HEAD


def scripts_head(database: Database) -> str:
    """The head of the migration scripts as Alembic reads them (loads every migration)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(database)).get_current_head()
    if head is None:  # no migration scripts: a broken installation, not an old database
        raise StorageError(f"找不到数据库迁移脚本：{migrations_dir()}")
    return head


OLD_SCHEMA = ("数据库 {} 是旧版程序的格式，需要先升级（升级前会自动备份）：运行 caseapp init，"
              "或用本版程序打开一次")
UPGRADE_BACKUP = "正在备份数据库（升级前保留原文件）…"
UPGRADE_STEP = "正在升级数据库格式：第 {done} 步，共 {total} 步…"
UPGRADE_DONE = "数据库格式已升级（共 {total} 步）"


def pending_revisions(database: Database, current: str | None) -> list[str]:
    """The revisions an upgrade from ``current`` applies, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config(database))
    return [s.revision for s in reversed(list(scripts.iterate_revisions("head", current)))]


def upgrade_database(database: Database,
                     on_progress: Callable[[Progress], None] | None = None) -> bool:
    """Bring the schema to head and seed defaults; True when anything was migrated. Alembic
    is imported only when the file is not at HEAD. ``on_progress`` hears before the first
    step and after each (migrations 0012 and 0011 take minutes on a 1,000,000-case file)."""
    current = current_revision(database)
    migrated = current != head_revision(database)
    if migrated:
        from alembic import command

        scripts_head(database)  # a missing migrations folder says so in Chinese
        cfg = alembic_config(database)
        if on_progress is not None:
            total = len(pending_revisions(database, current))
            done = [0]

            def step(**_kwargs) -> None:
                done[0] += 1
                message = (UPGRADE_DONE.format(total=total) if done[0] >= total
                           else UPGRADE_STEP.format(done=done[0] + 1, total=total))
                on_progress(Progress(done[0], total, message))

            on_progress(Progress(0, total, UPGRADE_STEP.format(done=1, total=total)))
            cfg.attributes["on_version_apply"] = step
        command.upgrade(cfg, "head")
    seed_defaults(database)
    return migrated


def seed_defaults(database: Database) -> None:
    """The local user and the default category lists, once."""
    from caseapp import workflow
    from caseapp.storage.models import Category, User

    with database.read() as session:
        has_user = session.scalar(select(User.id).where(User.name == LOCAL_USER)) is not None
        has_categories = session.scalar(select(Category.id).limit(1)) is not None
    if has_user and has_categories:
        return  # the usual start: no write lock taken
    with database.write() as session:
        if session.scalar(select(User.id).where(User.name == LOCAL_USER)) is None:
            session.add(User(name=LOCAL_USER, display_name="本机用户", role=workflow.ADMIN,
                             active=True, created_at=datetime.now()))
        if session.scalar(select(Category.id).limit(1)) is None:
            for kind, names in (
                (workflow.Kind.PETITION, workflow.DEFAULT_PETITION_CATEGORIES),
                (workflow.Kind.DISPUTE, workflow.DEFAULT_DISPUTE_CATEGORIES),
            ):
                for i, name in enumerate(names):
                    session.add(Category(kind=kind.value, name=name, active=True, sort_order=i))
