"""A database written by release 0.1.0 opens, migrates and says the same in the program of
the day (tests/fixtures/release-0.1.0, made by its make_fixture.py against that release).

The program is driven only through its command line (``python -m caseapp``), whose interface
is stable while modules move; the file is read back with the standard library's sqlite3.
Everything runs on a copy in tmp_path: the committed fixture is never opened.

What must be as before, and what may differ:

* ``stats --json`` for every recorded period: every key the release printed is there with
  the same value (figures, rates, every breakdown row in the same order, the period itself).
  Keys a later release adds (a new figure) are allowed; none of the release's is ignored,
  since it printed no timestamps or other non-figures. The figures are asked for as of each
  period's last day, the day the release measured them on.
* The full export (admin, ``--full-personal``, nothing masked): the same cases (by 编号), and
  every column the release wrote with the same text; columns a later release adds are allowed.
* The rows: every case (number, kind, status, outcome, dates, deleted, diverted-from, how many
  events and parties), the events of each case by action, every party, person, agreement,
  attachment and user, and the count of every table of the 0.1.0 schema. Exceptions:
  events without a case (logins, the export) grow with the commands this test runs, and the
  office lists (settings, categories, departments) may gain defaults from a migration.
* A migration is preceded by a backup of the file as it was; ``backup --to`` leaves a copy.

A later schema change keeps this test green and adds its own fixture beside this one.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.sqlite_only("the release 0.1.0 SQLite file")

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0"
EXPECTED = FIXTURE / "expected"
DB_NAME = "casedesk.db"
FILES = "casedesk-files"
ADMIN, ADMIN_PASSWORD = "admin", "Admin-0.1.0-fixture"  # set by make_fixture.py
STATS = sorted(EXPECTED.glob("stats-*.json"))
# Counts that may grow without anything being lost: the office lists may gain defaults from
# a migration, and every login and export of this test is an event without a case.
MAY_GROW = {"settings", "categories", "departments", "events", "events_without_case"}


def _load(name: str):
    return json.loads((EXPECTED / name).read_text(encoding="utf-8"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fixture_files() -> set[str]:
    return {p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def _read_only(db_file: Path) -> sqlite3.Connection:
    # immutable: reading never creates -wal/-shm files and never writes.
    return sqlite3.connect(f"file:{db_file.as_posix()}?mode=ro&immutable=1", uri=True)


def _revision(db_file: Path) -> str | None:
    conn = _read_only(db_file)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def _rows(conn: sqlite3.Connection, sql: str) -> list[list]:
    return [list(r) for r in conn.execute(sql)]


def read_facts(db_file: Path, tables) -> dict:
    """The same reading as make_fixture.facts_of (kept here: the record script never changes)."""
    conn = _read_only(db_file)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        counts["events_of_cases"] = conn.execute(
            "SELECT count(*) FROM events WHERE case_id IS NOT NULL").fetchone()[0]
        counts["events_without_case"] = conn.execute(
            "SELECT count(*) FROM events WHERE case_id IS NULL").fetchone()[0]
        counts["cases_deleted"] = conn.execute(
            "SELECT count(*) FROM cases WHERE deleted_at IS NOT NULL").fetchone()[0]
        return {
            "alembic_version": conn.execute("SELECT version_num FROM alembic_version")
            .fetchone()[0],
            "counts": counts,
            "cases": _rows(conn, """
                SELECT c.number, c.kind, c.status, c.outcome, c.received_on, c.accepted_on,
                       c.closed_on, c.deleted_at IS NOT NULL,
                       (SELECT number FROM cases o WHERE o.id = c.origin_case_id),
                       (SELECT count(*) FROM events e WHERE e.case_id = c.id),
                       (SELECT count(*) FROM case_parties p WHERE p.case_id = c.id)
                FROM cases c ORDER BY c.number"""),
            "case_events": _rows(conn, """
                SELECT c.number, e.action, count(*) FROM events e
                JOIN cases c ON c.id = e.case_id
                GROUP BY c.number, e.action ORDER BY c.number, e.action"""),
            "parties": _rows(conn, """
                SELECT c.number, p.role, s.name, s.id_number, s.phone, s.is_org
                FROM case_parties p JOIN cases c ON c.id = p.case_id
                JOIN persons s ON s.id = p.person_id
                ORDER BY c.number, p.role, s.name, s.id_number, s.phone"""),
            "persons": _rows(conn, """SELECT name, id_number, phone, is_org, gender, birth_date
                                      FROM persons ORDER BY id"""),
            "agreements": _rows(conn, """
                SELECT c.number, a.form, a.signed_on, a.terms FROM agreements a
                JOIN cases c ON c.id = a.case_id ORDER BY c.number"""),
            "attachments": _rows(conn, """
                SELECT c.number, a.filename, a.stored_name, a.sha256, a.size FROM attachments a
                JOIN cases c ON c.id = a.case_id ORDER BY a.id"""),
            "users": _rows(conn, """SELECT name, display_name, role, active FROM users
                                    ORDER BY name"""),
        }
    finally:
        conn.close()


def assert_contains(expected, actual, where: str = "") -> None:
    """Every key and value of ``expected`` is in ``actual``; lists match item by item."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r} is not an object"
        for key, value in expected.items():
            assert key in actual, f"{where}: {key!r} is missing"
            assert_contains(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: {actual!r} is not a list"
        assert len(actual) == len(expected), f"{where}: {len(actual)} items, expected {len(expected)}"
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            assert_contains(e, a, f"{where}[{i}]")
    else:
        assert type(actual) is type(expected) and actual == expected, \
            f"{where}: {actual!r}, expected {expected!r}"


def _read_csv(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    number = header.index("编号")
    by_number = {row[number]: dict(zip(header, row, strict=True)) for row in rows}
    assert len(by_number) == len(rows), f"{path.name}: a case number appears twice"
    return header, by_number


# ---------------------------------------------------------------------------
# The program of the day, run once on a copy of the fixture.


@pytest.fixture(scope="module")
def fixture_state():
    """The committed files as they are before anything runs."""
    return {name: _sha256(FIXTURE / name) for name in _fixture_files()}


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory, fixture_state):
    root = tmp_path_factory.mktemp("upgrade-0.1.0")
    work, home = root / "work", root / "home"
    shutil.copytree(FIXTURE, work, ignore=shutil.ignore_patterns(
        "expected", "*.py", "*.md", ".gitignore", "__pycache__"))
    db_file = work / DB_NAME
    env = {k: v for k, v in os.environ.items() if k != "CASEAPP_DB"}
    # The code of the day: this checkout (an installed caseapp would also do); a PYTHONPATH
    # given to pytest comes first, so the test can be pointed at another checkout.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), str(REPO)) if p)
    env.update(CASEAPP_HOME=str(home), CASEAPP_PASSWORD=ADMIN_PASSWORD, PYTHONUTF8="1",
               PYTHONIOENCODING="utf-8")

    def cli(*args: str) -> subprocess.CompletedProcess:
        # cwd is the copy's folder: nothing there shadows the caseapp package.
        return subprocess.run([sys.executable, "-m", "caseapp", "--db", str(db_file),
                               "--user", ADMIN, *args], cwd=work, env=env,
                              capture_output=True, text=True, encoding="utf-8",
                              stdin=subprocess.DEVNULL, timeout=600, check=False)

    def ok(*args: str) -> str:
        proc = cli(*args)
        assert proc.returncode == 0, \
            f"caseapp {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
        return proc.stdout

    before = set(root.rglob("*.db"))
    revision_before = _revision(db_file)
    init_out = ok("init")
    revision_after = _revision(db_file)
    made_by_init = sorted(set(root.rglob("*.db")) - before)
    check_out = ok("check")
    backup_dir = root / "backup-to"
    backup_out = ok("backup", "--to", str(backup_dir))
    stats = {}
    for path in STATS:
        period = json.loads(path.read_text(encoding="utf-8"))
        # Release 0.1.0 measured the deadline figures on the period's last day, even for a
        # period not yet over; --as-of reproduces that measurement (docs/domain.md §5).
        stats[path.name] = json.loads(ok("stats", "--from", period["from"],
                                         "--to", period["to"], "--as-of", period["to"],
                                         "--json"))
    export = root / "export-full.csv"
    ok("export", str(export), "--full-personal")
    return SimpleNamespace(
        root=root, work=work, home=home, db_file=db_file, cli=cli,
        revision_before=revision_before, revision_after=revision_after,
        made_by_init=made_by_init, init_out=init_out, check_out=check_out,
        backup_dir=backup_dir, backup_out=backup_out, stats=stats, export=export,
        facts=read_facts(db_file, _load("facts.json")["counts"].keys() - {
            "events_of_cases", "events_without_case", "cases_deleted"}),
    )


# ---------------------------------------------------------------------------
# The fixture itself.


def test_fixture_is_whole_and_unmodified():
    """The committed file is the one make_fixture.py recorded, and needs nothing beside it."""
    manifest = _load("manifest.json")
    assert DB_NAME in manifest and any(name.startswith(f"{FILES}/") for name in manifest)
    for name, digest in manifest.items():
        assert _sha256(FIXTURE / name) == digest, f"{name} differs from the recorded file"
    leftovers = [p.name for p in FIXTURE.iterdir()
                 if p.name.endswith(("-wal", "-shm", "-journal"))]
    assert not leftovers, f"the fixture must be one checkpointed file: {leftovers}"
    assert _revision(FIXTURE / DB_NAME) == _load("facts.json")["alembic_version"]
    assert STATS, "no recorded figures"


def test_fixture_is_what_the_expectations_describe():
    expected = _load("facts.json")
    tables = expected["counts"].keys() - {"events_of_cases", "events_without_case",
                                          "cases_deleted"}
    assert read_facts(FIXTURE / DB_NAME, tables) == {
        k: v for k, v in expected.items() if k != "cases_columns"}


# ---------------------------------------------------------------------------
# Opening, backing up and migrating.


def test_opens_and_checks(upgraded):
    assert upgraded.revision_after is not None
    assert "检查通过" in upgraded.check_out


def test_backup_before_migration(upgraded):
    """When the schema moved on, the file as it was is kept first (backups/upgrade/)."""
    if upgraded.revision_after == upgraded.revision_before:
        # Already at head: nothing to migrate, so no backup is due (but nothing may be lost).
        assert upgraded.revision_before == _load("facts.json")["alembic_version"]
        return
    expected = _load("facts.json")
    tables = expected["counts"].keys() - {"events_of_cases", "events_without_case",
                                          "cases_deleted"}
    copies = [p for p in upgraded.made_by_init if p != upgraded.db_file]
    assert copies, f"migrated {upgraded.revision_before} → {upgraded.revision_after} " \
                   "without a backup of the file"
    found = [read_facts(p, tables) for p in copies if _revision(p) == upgraded.revision_before]
    assert found, "no backup holds the file as it was before the migration"
    assert found[0] == {k: v for k, v in expected.items() if k != "cases_columns"}


def test_backup_command(upgraded):
    copies = sorted(upgraded.backup_dir.rglob(f"{Path(DB_NAME).stem}-*.db"))
    assert copies, f"backup --to left no copy: {upgraded.backup_out}"
    conn = _read_only(copies[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        live = conn.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert _revision(copies[0]) == upgraded.revision_after
    assert live == upgraded.facts["counts"]["cases"] - upgraded.facts["counts"]["cases_deleted"]
    for _number, _name, stored, sha, _size in _load("facts.json")["attachments"]:
        copied = [p for p in upgraded.backup_dir.rglob(Path(stored).name) if p.is_file()]
        assert copied and _sha256(copied[0]) == sha, f"the backup lacks the attachment {stored}"


# ---------------------------------------------------------------------------
# Every figure, case, party and event as before.


@pytest.mark.parametrize("name", [p.name for p in STATS])
def test_figures_as_before(upgraded, name):
    assert_contains(_load(name), upgraded.stats[name], name)


def test_export_as_before(upgraded):
    want_header, want = _read_csv(EXPECTED / "export-full.csv")
    got_header, got = _read_csv(upgraded.export)
    missing = [c for c in want_header if c not in got_header]
    assert not missing, f"export columns missing: {missing}"
    assert sorted(got) == sorted(want)
    for number, row in want.items():
        changed = {c: (row[c], got[number][c]) for c in want_header if got[number][c] != row[c]}
        assert not changed, f"{number}: {changed}"


def test_rows_as_before(upgraded):
    expected, actual = _load("facts.json"), upgraded.facts
    for table, count in expected["counts"].items():
        if table in MAY_GROW:
            assert actual["counts"][table] >= count, table
        else:
            assert actual["counts"][table] == count, table
    # Events are never removed by a migration; the ones of cases are never added by it either.
    assert actual["counts"]["events"] == (actual["counts"]["events_of_cases"]
                                          + actual["counts"]["events_without_case"])
    for key in ("cases", "case_events", "parties", "persons", "agreements", "attachments",
                "users"):
        assert actual[key] == expected[key], key


def test_attachment_kept(upgraded):
    expected = _load("facts.json")["attachments"]
    assert expected, "the fixture has an attachment"
    assert upgraded.facts["attachments"] == expected  # its case still lists it
    files = upgraded.work / FILES
    for _number, _name, stored, sha, size in expected:
        path = files / stored
        assert path.is_file(), f"{stored} is gone from {FILES}/"
        assert path.stat().st_size == size and _sha256(path) == sha


def test_repo_fixture_untouched(upgraded, fixture_state):
    """The run worked on its copy: the committed files are byte for byte as before."""
    assert _fixture_files() == set(fixture_state)
    for name, digest in fixture_state.items():
        assert _sha256(FIXTURE / name) == digest, f"{name} was modified"
