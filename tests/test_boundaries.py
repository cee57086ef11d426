"""The house rules that keep the core honest (docs/design.md rules 1 and 6)."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import caseapp
from caseapp.storage.migrate import open_database

ROOT = Path(caseapp.__file__).parent


def test_caseapp_never_imports_qt_statically():
    offenders = []
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "ui") for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_importing_every_caseapp_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages([str(ROOT)], "caseapp.")
               if ".migrations" not in m.name and m.name != "caseapp.__main__"]
    assert "caseapp.services" in modules
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'PyQt'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_migrations_match_the_models(make_db_url):
    """Alembic owns the schema: the migrated database has exactly what the models declare."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from caseapp.storage.models import Base
    from caseapp.storage.search_index import owns_table

    def include(obj, name, type_, reflected, compare_to):  # 0011's raw-SQL index tables
        return not (type_ == "table" and owns_table(name))

    database = open_database(make_db_url("m", empty=True))  # migrated here, from nothing
    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include})
        diff = compare_metadata(context, Base.metadata)
    database.dispose()
    assert diff == []


def test_only_the_search_index_is_left_out_of_the_model_comparison():
    from caseapp.storage.search_index import owns_table

    assert all(owns_table(t) for t in ("search_fts", "search_fts_data", "search_grams",
                                       "search_vocab", "search_seq"))
    assert not any(owns_table(t) for t in ("cases", "persons", "search", "searches", None))


def test_opening_twice_is_idempotent(make_db_url):
    from caseapp.storage.migrate import current_revision, head_revision

    url = make_db_url("x", empty=True)
    first = open_database(url)
    rev = current_revision(first)
    first.dispose()
    second = open_database(url)
    assert current_revision(second) == rev == head_revision(second)
    assert second.local_user_id() == 1
    second.dispose()


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    import pytest

    from caseapp.errors import StorageError

    bogus = tmp_path / "notes.db"
    bogus.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(StorageError, match="不是 CaseDesk 数据库"):
        open_database(bogus)
    assert bogus.read_text(encoding="utf-8") == "这不是数据库"
