"""Engine, sessions, SQLite pragmas and where the database is; opening and upgrading it at
start is caseapp/storage/migrate.py.

``Database.scope`` (None: every office) is the offices this program may see (issue #18): every
ORM statement of its sessions keeps only those offices' cases, persons, events and work-log
entries (``with_loader_criteria``, added in the sessions' ``do_orm_execute``). An act narrows
its own session further to the acting user's offices (``session.info[SCOPE_INFO]``, set by
services.guard). Core statements on a connection and raw SQL are not touched: they name the
office themselves (``office_terms``)."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from caseapp.errors import StorageError
from caseapp.paths import data_dir

if TYPE_CHECKING:
    from caseapp.calendar import Calendar
    from caseapp.storage.settings import OfficeSettings

DEFAULT_FILE = "casedesk.db"
BUSY_TIMEOUT_MS = 15000
LOCAL_USER = "local"
SCOPE_INFO = "offices"  # session.info: the acting user's offices (frozenset; absent: all)

Scope = frozenset[int] | None  # the offices seen; None: every office


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """``--db``, else CASEAPP_DB, else casedesk.db in the data folder; a path or a URL."""
    value = os.fspath(db) if db is not None else os.environ.get("CASEAPP_DB")
    if not value:
        value = str(data_dir() / DEFAULT_FILE)
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError as exc:
            raise StorageError(f"数据库地址无法识别：{value}") from exc
        return value
    return "sqlite:///" + str(Path(value).expanduser().absolute())


def is_network_path(path: str) -> bool:
    """A UNC path or a mapped network drive: SQLite's locking is unreliable there."""
    if path.startswith(("\\\\", "//")):
        return True
    # sys.platform rather than os.name: type checkers then know ctypes.windll is there.
    if sys.platform == "win32" and re.match(r"^[A-Za-z]:", path):
        try:
            import ctypes

            drive = path[:2] + "\\"
            return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
        except Exception:  # pragma: no cover - best effort on Windows only
            return False
    return False


def _sqlite_events(engine: Engine, readonly: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        # Let SQLAlchemy, not pysqlite, decide when a transaction begins (see "begin" below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not readonly:  # setting the journal mode writes the file
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # Writers take the lock at BEGIN, so two programs never deadlock upgrading a read lock.
        if conn.get_execution_options().get("immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


class Database:
    """One open database: its engine, session factories and office settings."""

    def __init__(self, url: str, engine: Engine, readonly: bool = False):
        self.url = url
        self.engine = engine
        self.readonly = readonly  # a file on read-only media, opened for reading only
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(immediate=True), expire_on_commit=False)
        self._settings_cache: OfficeSettings | None = None
        self._calendar_cache: Calendar | None = None
        self.scope: Scope = None  # set after the login (services.offices.scope_of)
        for factory in (self._read, self._write):
            event.listen(factory, "do_orm_execute", self._scoped)

    def session_scope(self, session: Session) -> Scope:
        """The offices a session sees: the program's scope, narrowed by the acting user's."""
        return narrowed(self.scope, session.info.get(SCOPE_INFO))

    def _scoped(self, state: ORMExecuteState) -> None:
        """Keep only the offices in scope, in every ORM SELECT, UPDATE and DELETE (relationship
        and column loads inherit the criteria of the statement that loaded the object)."""
        offices = self.session_scope(state.session)
        if offices is None or state.is_column_load or state.is_relationship_load:
            return
        if not (state.is_select or state.is_update or state.is_delete):
            return
        from caseapp.storage.models import Case, Event, Person, WorkLogEntry, unindexed

        ids = tuple(sorted(offices))
        # Plain expressions, not lambdas: a lambda's criteria are cached by its code, and a
        # list's page was then read now and then with the offices of an earlier pick
        # (tests/gui/test_office_picker.py, beside CPU burners).
        # On SQLite unindexed: the guard never chooses a plan (models.unindexed; an
        # importer's phone look-up read every person of the office through (office_id,
        # id_number)); where an office is meant to drive a query, the code says so.
        def column(entity):
            return unindexed(entity.office_id) if self.is_sqlite else entity.office_id

        state.statement = state.statement.options(*(
            with_loader_criteria(entity, column(entity).in_(ids), include_aliases=True)
            for entity in (Case, Person, Event, WorkLogEntry)))

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if not self.is_sqlite:
            return None
        database = make_url(self.url).database
        return Path(database) if database and database != ":memory:" else None

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)

    @property
    def files_dir(self) -> Path:
        """Where attachments are kept: beside the SQLite file, else in the data folder."""
        base = self.path.parent if self.path else data_dir()
        stem = self.path.stem if self.path else "casedesk"
        folder = base / f"{stem}-files"
        if not self.readonly:
            folder.mkdir(parents=True, exist_ok=True)
        return folder

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction for one act: committed on success, rolled back on any error."""
        if self.readonly:
            raise StorageError(READONLY_MESSAGE.format(self.path))
        with self._write() as session:
            try:
                with session.begin():
                    yield session
            except DBAPIError as exc:
                raise storage_error(exc) from exc

    def settings(self) -> OfficeSettings:
        from caseapp.storage.settings import load_settings

        if self._settings_cache is None:
            with self.read() as session:
                self._settings_cache = load_settings(session)
        return self._settings_cache

    def invalidate_settings(self) -> None:
        self._settings_cache = None

    def calendar(self) -> Calendar:
        """The office's rest-day calendar, read once (storage.calendar_days)."""
        from caseapp.storage.calendar_days import load_calendar

        if self._calendar_cache is None:
            with self.read() as session:
                self._calendar_cache = load_calendar(session)
        return self._calendar_cache

    def invalidate_calendar(self) -> None:
        self._calendar_cache = None

    def local_user_id(self) -> int:
        with self.read() as session:
            from caseapp.storage.models import User

            uid = session.scalar(select(User.id).where(User.name == LOCAL_USER))
        if uid is None:
            raise StorageError("数据库中没有本机用户，请先运行 caseapp init")
        return uid

    def dispose(self) -> None:
        if self.is_sqlite:
            try:  # keeps the query planner's statistics fresh (cheap; SQLite's advice)
                with self.engine.connect() as conn:
                    # Sampled, as SQLite advises: a full ANALYZE took 8.7 s at every close
                    # of a 1,000,000-case file (issue #19).
                    conn.exec_driver_sql("PRAGMA analysis_limit=1000")
                    conn.exec_driver_sql("PRAGMA optimize")
            except (DBAPIError, StorageError):
                pass  # best effort: e.g. a file decrypted meanwhile no longer takes the key
        self.engine.dispose()


def narrowed(first: Scope, second: Scope) -> Scope:
    """Both scopes at once (None: no limit)."""
    if first is None:
        return second
    return first if second is None else first & second


def office_terms(column, scope: Scope) -> list:
    """The WHERE terms that keep ``column`` (an office_id) within ``scope``, for Core
    statements and raw SQL that the sessions' criteria do not reach; [] for every office."""
    return [] if scope is None else [column.in_(sorted(scope))]


def storage_error(exc: DBAPIError) -> StorageError:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "locked" in text or "busy" in text:
        return StorageError("数据库正被另一个程序长时间占用，请稍后再试")
    if "readonly" in text or "read-only" in text:
        return StorageError("数据库文件或所在文件夹是只读的，无法保存")
    if "disk is full" in text or "full" in text:
        return StorageError("磁盘已满，本次操作未保存，请清理磁盘后重试")
    if "malformed" in text or "not a database" in text:
        return StorageError("数据库文件已损坏，请从备份恢复（caseapp restore）")
    return StorageError(f"数据库操作失败：{text}")


READONLY_MESSAGE = ("数据库在只读的位置（{0}），只能查看，不能保存修改。"
                    "请把它复制到可以写入的文件夹后再打开")


def make_engine(url: str, readonly: bool = False, passphrase: str | None = None) -> Engine:
    """The engine of ``url``; ``readonly``: a SQLite file on read-only media, opened so that
    SQLite never tries to write (no -wal or -shm can be created there); ``passphrase``: an
    encrypted file, opened with SQLCipher (caseapp/storage/encryption.py)."""
    if url.startswith("sqlite") and passphrase:
        engine = _encrypted_engine(url, passphrase, readonly)
        _sqlite_events(engine, readonly=readonly)
    elif url.startswith("sqlite") and readonly:
        file = Path(make_url(url).database or "")
        wal = file.with_name(file.name + "-wal")
        # immutable: no locks and no -shm. Only safe when no WAL holds changes to replay.
        flags = "mode=ro" if wal.exists() and wal.stat().st_size else "mode=ro&immutable=1"
        uri = f"file:{file.as_posix()}?{flags}"
        engine = create_engine(url, creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
        _sqlite_events(engine, readonly=True)
    elif url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_events(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _encrypted_engine(url: str, passphrase: str, readonly: bool) -> Engine:
    from caseapp.storage import encryption

    file = Path(make_url(url).database or "")
    uri = None
    if readonly:
        wal = file.with_name(file.name + "-wal")
        flags = "mode=ro" if wal.exists() and wal.stat().st_size else "mode=ro&immutable=1"
        uri = f"file:{file.as_posix()}?{flags}"
    # module=: SQLAlchemy then wraps SQLCipher's exceptions as it wraps sqlite3's.
    return create_engine(url, module=encryption.dbapi(), creator=lambda: encryption.connect(
        file, passphrase, uri=uri, check_same_thread=False))


def sqlite_version() -> str:
    return sqlite3.sqlite_version
