"""The schema check at start without Alembic (issue #19 item 6): HEAD is the scripts' head,
the file's revision is one query, and Alembic is imported only when a file needs upgrading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from caseapp.storage.db import Database, make_engine, resolve_url
from caseapp.storage.migrate import HEAD, current_revision, open_database, scripts_head

ROOT = Path(__file__).resolve().parents[1]


def test_head_is_the_newest_migration(tmp_path):
    # A new migration must move HEAD too: a file at the old HEAD would otherwise never upgrade.
    db = open_database(tmp_path / "new.db")
    try:
        assert scripts_head(db) == HEAD
        assert current_revision(db) == HEAD
    finally:
        db.dispose()


def test_current_revision_of_an_unstamped_file_is_none(tmp_path):
    url = resolve_url(tmp_path / "empty.db")
    engine = make_engine(url)
    try:
        assert current_revision(Database(url, engine)) is None
        with engine.begin() as conn:  # stamped by hand: the query reads what is there
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
            conn.execute(text("INSERT INTO alembic_version VALUES ('0004')"))
        assert current_revision(Database(url, engine)) == "0004"
    finally:
        engine.dispose()


def opened_with_alembic(path: Path, home: Path) -> bool:
    """Open ``path`` in a fresh process; True when Alembic was imported by then."""
    code = ("import sys; from caseapp.storage.migrate import open_database; "
            f"open_database({str(path)!r}).dispose(); print('alembic' in sys.modules)")
    env = {**os.environ, "CASEAPP_HOME": str(home)}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.split() == ["True"]


def test_alembic_is_loaded_only_to_upgrade(tmp_path):
    path = tmp_path / "casedesk.db"
    assert opened_with_alembic(path, tmp_path / "home")  # a new file is migrated
    assert not opened_with_alembic(path, tmp_path / "home")  # at HEAD: one query, no Alembic
    db = open_database(path)
    try:
        assert current_revision(db) == HEAD
    finally:
        db.dispose()
