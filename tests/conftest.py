"""Shared fixtures. QT_QPA_PLATFORM is set before any QApplication exists (docs/design.md rule 10).

Every test database comes from one place (``db_maker``): a SQLite file in the test's folder (a
copy of one file migrated once per run), or,
with ``--db-url URL`` / CASEAPP_TEST_DB_URL naming a PostgreSQL database, a fresh database made
from a migrated template and dropped afterwards (docs/postgresql.md)."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASEDESK_LANG", "zh_CN")  # the interface the tests read (ui/i18n.py)

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from caseapp.storage.db import Database  # noqa: E402
from caseapp.storage.migrate import open_database  # noqa: E402

ENV_URL = "CASEDESK_TEST_DB_URL"


def pytest_addoption(parser):
    parser.addoption("--db-url", default=None,
                     help=f"run the database tests against this PostgreSQL URL (or ${ENV_URL})")


def server_url(config) -> str | None:
    url = config.getoption("--db-url") or os.environ.get(ENV_URL) or None
    if url and make_url(url).get_backend_name() != "postgresql":
        raise pytest.UsageError(f"--db-url must name a PostgreSQL database, not {url}")
    return url


def pytest_report_header(config):
    url = server_url(config)
    return f"database: {make_url(url).render_as_string(hide_password=True)}" if url else \
        "database: SQLite files"


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL: tests about the SQLite file are skipped with their reason, and tests that
    make no database through ``db_maker`` are deselected (they ran, unchanged, on SQLite)."""
    on_server = server_url(config) is not None
    kept, dropped = [], []
    for item in items:
        only_sqlite = item.get_closest_marker("sqlite_only")
        only_server = item.get_closest_marker("postgres_only")
        if on_server and only_sqlite is not None:
            reason = only_sqlite.args[0] if only_sqlite.args else "about the SQLite file itself"
            item.add_marker(pytest.mark.skip(reason=f"sqlite_only: {reason}"))
        elif not on_server and only_server is not None:
            item.add_marker(pytest.mark.skip(reason="postgres_only: needs --db-url"))
        if on_server and only_sqlite is None and "db_maker" not in item.fixturenames:
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


class DatabaseMaker:
    """Test databases: SQLite files in a given folder, or PostgreSQL databases copied from a
    template migrated once per run (CREATE DATABASE … TEMPLATE is a file copy: fast)."""

    def __init__(self, url: str | None):
        self.server = url
        self.is_sqlite = url is None
        self._count = itertools.count(1)
        self._prefix = f"cdtest{os.getpid()}"
        self._template: str | None = None
        self._file_template: Path | None = None
        self._admin = None
        if url is not None:
            self._admin = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1)
            with self._admin.connect() as conn:
                version = int(conn.execute(text("SHOW server_version_num")).scalar_one())
            self._strategy = " STRATEGY FILE_COPY" if version >= 150000 else ""

    def _sql(self, statement: str) -> None:
        assert self._admin is not None
        with self._admin.connect() as conn:
            conn.execute(text(statement))

    def _server_url(self, name: str) -> str:
        assert self.server is not None
        return make_url(self.server).set(database=name).render_as_string(hide_password=False)

    def _template_name(self) -> str:
        if self._template is None:
            name = f"{self._prefix}_template"
            self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._sql(f'CREATE DATABASE "{name}"')
            open_database(self._server_url(name)).dispose()  # migrated to head, defaults seeded
            self._template = name
        return self._template

    def _sqlite_template(self) -> Path:
        if self._file_template is None:
            folder = Path(tempfile.mkdtemp(prefix="casedesk-template-"))
            path = folder / "template.db"
            open_database(path).dispose()  # migrated to head, defaults seeded, -wal folded in
            self._file_template = path
        return self._file_template

    def url(self, folder: Path, name: str = "cases", *, empty: bool = False) -> str:
        """Where a new database goes: a file path (SQLite) or a new server database's URL.
        ``empty``: not even migrated (``caseapp init`` makes it)."""
        if self.server is None:
            path = Path(folder) / f"{name}.db"
            if not empty and not path.exists():
                # A copy of one file migrated per run, as PostgreSQL copies its template:
                # migrating each test's file from nothing cost ~0.8 s (0012 copies two tables).
                shutil.copyfile(self._sqlite_template(), path)
                path.chmod(0o600)  # owner-only, as open_database makes a new file
            return str(path)
        database = f"{self._prefix}_{next(self._count)}"
        if empty:
            self._sql(f'CREATE DATABASE "{database}"')
        else:
            # FILE_COPY (PostgreSQL 15+): copies the small template's files, cheaper than
            # writing it all through the WAL (the default).
            self._sql(f'CREATE DATABASE "{database}" TEMPLATE "{self._template_name()}"'
                      f"{self._strategy}")
        return self._server_url(database)

    def open(self, folder: Path, name: str = "cases", **options) -> Database:
        return open_database(self.url(folder, name), **options)

    def drop(self, url: str) -> None:
        """Remove a server database made by ``url`` (a SQLite file goes with its folder)."""
        if self.server is not None and "://" in url:
            self._sql(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def close(self) -> None:
        if self._file_template is not None:
            shutil.rmtree(self._file_template.parent, ignore_errors=True)
        if self._template is not None:
            self._sql(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        if self._admin is not None:
            self._admin.dispose()


@pytest.fixture(scope="session")
def db_maker(request):
    maker = DatabaseMaker(server_url(request.config))
    yield maker
    maker.close()


@pytest.fixture
def make_db_url(db_maker, tmp_path):
    """``make_db_url(name="cases", empty=False)``: a new database's path or URL, for the CLI
    (``--db``) and for opening it oneself; dropped after the test."""
    made: list[str] = []

    def make(name: str = "cases", *, empty: bool = False) -> str:
        url = db_maker.url(tmp_path, name, empty=empty)
        made.append(url)
        return url

    yield make
    for url in made:
        db_maker.drop(url)


@pytest.fixture
def make_db(make_db_url):
    """``make_db(name="cases")``: another open database, disposed (and dropped) after the test."""
    opened: list[Database] = []

    def make(name: str = "cases", **options) -> Database:
        database = open_database(make_db_url(name), **options)
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.dispose()


@pytest.fixture
def db(make_db):
    return make_db("cases")


@pytest.fixture(scope="module")
def module_db(db_maker, tmp_path_factory):
    """``module_db(name)``: a database shared by a module's tests (a demo seed, say)."""
    made: list[tuple[Database, str]] = []

    def make(name: str = "cases", **options) -> Database:
        url = db_maker.url(tmp_path_factory.mktemp(name), name)
        database = open_database(url, **options)
        made.append((database, url))
        return database

    yield make
    for database, url in made:
        database.dispose()
        db_maker.drop(url)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never touch the real data folder or a CASEAPP_DB of the machine."""
    monkeypatch.setenv("CASEAPP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CASEAPP_DB", raising=False)


@pytest.fixture
def actor(db):
    return db.local_user_id()
