"""A small program for tests/test_crash_safety.py: it performs acts through caseapp.services on
one database file and prints a line after each committed act, so a test can kill it (SIGKILL)
at any moment or run two of it at once.

    python tests/crash_driver.py DB sequence COUNT [--hashes]
        continue the deterministic act sequence (register, accept, close, register, …) from
        wherever the file stands, up to COUNT acts in all; "ok J" after act J is committed.
        --hashes also prints the snapshot hash after each act ("hash J HEX"), and of the start.
    python tests/crash_driver.py DB independent COUNT
        waits for a line on stdin, then performs COUNT acts of its own cases;
        "ok NUMBER" after each committed act (the case's number).
"""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, text  # noqa: E402

from caseapp import services as s  # noqa: E402
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, Event

RECEIVED, ACCEPTED, CLOSED = date(2025, 6, 2), date(2025, 6, 3), date(2025, 6, 20)
ACTIONS = ("registered", "accepted", "closed")
# What a snapshot compares: every row of these tables, without the wall-clock columns.
SNAPSHOT = {
    "cases": "id, number, kind, status, outcome, summary, category, received_on, accepted_on, "
             "closed_on, due_on, handler, version, origin_case_id, deleted_at",
    "events": "id, case_id, user_id, action, changes, note",
    "case_parties": "id, case_id, person_id, role",
    "persons": "id, name, id_number, phone, gender, birth_date",
    "number_sequences": "kind, year, last",
}


def snapshot(db) -> str:
    """A hash of the rows that acts and imports change (timestamps left out)."""
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        for table, columns in SNAPSHOT.items():
            for row in conn.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1, 2")):
                digest.update(repr(tuple(row)).encode())
            digest.update(b"|")
    return digest.hexdigest()


def register(db, actor: int, n: int):
    data = s.CaseInput(summary=f"测试事项{n}", category="劳动社保", received_on=RECEIVED,
                       source="来访", street="马鞍街道")
    return s.register_petition(db, actor, data, [s.PartyInput(name=f"测试人{n}", role="信访人")])


def act(db, actor: int, step: int, case_id: int | None, n: int):
    if step == 0:
        return register(db, actor, n)
    if step == 1:
        return s.accept(db, actor, case_id, on=ACCEPTED)
    return s.close(db, actor, case_id, "解释说明", on=CLOSED)


def done_acts(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Event.id)).where(Event.action.in_(ACTIONS)))


def sequence(db, actor: int, count: int, hashes: bool) -> None:
    j = done_acts(db)
    if hashes:
        print(f"hash {j} {snapshot(db)}", flush=True)
    print("ready", flush=True)
    while j < count:
        with db.read() as session:
            case_id = session.scalar(select(func.max(Case.id)))
        act(db, actor, j % 3, case_id, j // 3)
        j += 1
        print(f"ok {j}", flush=True)
        if hashes:
            print(f"hash {j} {snapshot(db)}", flush=True)


def independent(db, actor: int, count: int, tag: str) -> None:
    print("ready", flush=True)
    sys.stdin.readline()  # both programs start together
    case = None
    for j in range(count):
        step = j % 3
        ref = act(db, actor, step, case.id if case else None, hash((tag, j)) % 10**6)
        if step == 0:
            case = ref
        print(f"ok {case.number}", flush=True)


def main(argv: list[str]) -> int:
    path, mode, count = argv[0], argv[1], int(argv[2])
    db = open_database(path, backup_before_upgrade=False)
    actor = db.local_user_id()
    if mode == "sequence":
        sequence(db, actor, count, "--hashes" in argv)
    else:
        independent(db, actor, count, argv[3] if len(argv) > 3 else "")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
