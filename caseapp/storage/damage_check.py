"""PRAGMA quick_check of a SQLite file beside a bulk write (issues #16 and #19).

A damaged file is refused, not written into: an import must not commit into it. The check
reads the whole file (14 s of a 1M-case file), and so it runs on its own connection in a
thread while the import reads, checks and writes its rows: SQLite releases the GIL while it
works, and in WAL mode the check's read transaction sees the file as it was before the
import, whose writes stay uncommitted until the import has the check's answer
(``confirm()`` inside the write transaction; damage raises, and the write rolls back)."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from sqlalchemy.exc import DatabaseError

from caseapp.errors import StorageError
from caseapp.storage.db import Database

DAMAGED = ("数据库文件已损坏（quick_check）：{0}。未导入任何案件。"
           "请在「备份与恢复」中恢复最近的备份（或运行 caseapp restore），再导入")
QUICK_CHECK = "PRAGMA quick_check(5)"  # at most 5 problems: enough to say what is wrong


class DamageCheck:
    """A context around a bulk write, entered before the write's own context (so that it
    leaves after the write has rolled back or committed): the check starts at once;
    ``confirm()``, inside the write, waits for it and raises StorageError on damage. A write
    that fails before that: the damage is raised instead of its error when the check finds
    any (the clerk can act on it); an abandoned write (GeneratorExit) interrupts the check.
    Nothing on other databases (they check themselves), on a file opened read-only (the
    write refuses it at once) or when not ``enabled`` (a dry run)."""

    def __init__(self, db: Database, enabled: bool = True):
        self._rows: list[str] = ["ok"]
        self._thread: threading.Thread | None = None
        self._conn = None
        if not enabled or db.engine.dialect.name != "sqlite" or db.readonly:
            return
        try:
            self._conn = db.engine.raw_connection()
            self._driver: Any = self._conn.driver_connection  # the sqlite3 connection
        except DatabaseError as exc:  # not even a database: said at once
            raise StorageError(DAMAGED.format(str(exc.orig or exc))) from exc
        self._thread = threading.Thread(target=self._run, name="quick_check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            cursor = self._driver.cursor()
            try:
                self._rows = [r[0] for r in cursor.execute(QUICK_CHECK)]
            finally:
                cursor.close()
        except Exception as exc:  # a file too damaged to read is damage, as quick_check says
            self._rows = [str(exc)]

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _end(self, interrupt: bool = False) -> None:
        if interrupt and self.running:
            with contextlib.suppress(Exception):
                self._driver.interrupt()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._conn is not None:
            with contextlib.suppress(Exception):
                # back to the pool; an interrupted one is not handed out again
                (self._conn.invalidate if interrupt else self._conn.close)()
            self._conn = None

    def confirm(self) -> None:
        """Wait for the check; StorageError if the file is damaged."""
        self._end()
        if self._rows != ["ok"]:
            raise StorageError(DAMAGED.format("；".join(self._rows[:5])))

    def __enter__(self) -> DamageCheck:
        return self

    def __exit__(self, kind, exc, traceback) -> None:
        if isinstance(exc, (GeneratorExit, KeyboardInterrupt, SystemExit)):
            self._end(interrupt=True)  # abandoned: no answer is needed any more
        elif exc is not None:
            self.confirm()  # damage, if found, is why the write failed
        else:
            self._end()  # confirmed inside the write already
