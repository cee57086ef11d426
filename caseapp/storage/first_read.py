"""The first page of a case list, read with the standard library's sqlite3 before SQLAlchemy
is loaded (issue #17: the window and its first page within 2× a bare Qt window; SQLAlchemy's
imports alone take ~3× that). ui/shell/first_frame.py paints it while the program loads.

Only a file the program would open at once as it is qualifies: plain SQLite (not encrypted),
at this program's schema (HEAD), one office, nobody to log in. Anything else (an old file to
upgrade, a passphrase, a login, a district, a damaged file) returns None, and the start goes
the usual way, which says what is wrong. The connection is read-only: nothing is written.

The rows are those of caseapp.queries.case_list.first_page for the default filter and the
received_on order (the same SQL, compared case for case in tests/test_first_read.py).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.case_rows import MAIN_ROLES, ROW_FIELDS, FirstPage, make_row
from caseapp.storage.head import HEAD

SQLITE_HEADER = b"SQLite format 3\x00"  # an encrypted file's first bytes are not these
TIMEOUT_S = 1.0  # a writer never blocks a WAL reader; a locked old-style file is not waited for
DATE_FIELDS = ("received_on", "accepted_on", "closed_on", "due_on")


@dataclass(frozen=True)
class FirstRead:
    """What the first frame shows of a file: its office's name and the lists' limits."""

    path: Path
    office_name: str
    limits: deadlines.Limits


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=TIMEOUT_S,
                           check_same_thread=False)
    conn.execute("PRAGMA query_only=ON")
    return conn


def peek(path: Path | None) -> FirstRead | None:
    """The file's first-frame facts, or None when it is not a file the program opens as it is
    (see the module's docstring) or cannot be read at all."""
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        conn = _connect(path)
    except (OSError, sqlite3.Error, ValueError):
        return None
    try:
        versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        if versions != [HEAD]:
            return None
        logins = conn.execute("SELECT count(*) FROM users WHERE password_hash IS NOT NULL "
                              "AND active = 1").fetchone()[0]
        offices = conn.execute("SELECT count(*) FROM offices").fetchone()[0]
        if logins or offices > 1:
            return None
        stored = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key IN ('office_name', 'limits')"))
        name = json.loads(stored["office_name"]) if "office_name" in stored else ""
        limits = (deadlines.limits_from_json(json.loads(stored["limits"]))
                  if "limits" in stored else deadlines.Limits())
        return FirstRead(path, str(name), limits)
    except (sqlite3.Error, ValueError, TypeError, KeyError):
        return None
    finally:
        conn.close()


def _party(conds: str) -> str:
    return ("(SELECT persons.name FROM persons JOIN case_parties "
            "ON case_parties.person_id = persons.id "
            f"WHERE case_parties.case_id = cases.id{conds} ORDER BY case_parties.id LIMIT 1)")


_ROLES = ", ".join("?" for _ in MAIN_ROLES)
_SELECT = (f"SELECT {', '.join('cases.' + f for f in ROW_FIELDS)}, "
           f"coalesce({_party(f' AND case_parties.role IN ({_ROLES})')}, {_party('')}) "
           "FROM cases WHERE cases.deleted_at IS NULL AND cases.kind = ? "
           "ORDER BY cases.received_on {0}, cases.id {0} LIMIT ?")


def _value(name: str, value):
    return date.fromisoformat(value) if name in DATE_FIELDS and value is not None else value


def first_page(read: FirstRead, kind: str, descending: bool = True, limit: int = 100,
               today: date | None = None) -> FirstPage | None:
    """The first ``limit`` cases of a kind's list in the received_on order (newest first when
    ``descending``), as queries.first_page reads them; None when the file cannot be read."""
    today = today or date.today()
    sql = _SELECT.format("DESC" if descending else "ASC")
    try:
        conn = _connect(read.path)
        try:
            found = conn.execute(sql, (*MAIN_ROLES, wf.Kind(kind).value, limit + 1)).fetchall()
        finally:
            conn.close()
        rows = []
        for values in found[:limit]:
            *fields, party = values
            r = SimpleNamespace(**{f: _value(f, v) for f, v in zip(ROW_FIELDS, fields, strict=True)})
            rows.append(make_row(r, party, today, read.limits))
    except (sqlite3.Error, ValueError, TypeError):
        return None
    return FirstPage([r.id for r in rows], rows, len(found) <= limit)
