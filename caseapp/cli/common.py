"""What every command of the command line shares: exit statuses, opening the database, who
acts, progress on the terminal."""

from __future__ import annotations

import sys

from caseapp.cli import accounts as cli_accounts
from caseapp.progress import Progress

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def progress_printer(label: str):
    """Progress on stderr for a person at a terminal; silent when piped."""
    interactive = sys.stderr.isatty()

    def show(step: Progress):
        if interactive:
            total = f"/{step.total}" if step.total else ""
            print(f"\r{label} {step.done}{total} {step.message}", end="", file=sys.stderr, flush=True)

    def done():
        if interactive:
            print(file=sys.stderr)

    return show, done


def acting_user(args, database) -> int:
    """Who acts: the local user, or the logged-in ``--user`` once accounts are set up."""
    return cli_accounts.acting_user(args, database, command=args.command)


# The databases this command opened, closed by close_databases() when it ends.
OPENED: list = []


def close_databases() -> None:
    """Close what the command opened: SQLite folds the -wal file back into the database when
    its last connection closes, which a process that just exits may not do."""
    while OPENED:
        OPENED.pop().dispose()


def _say_upgrade(step) -> None:
    """An old file's upgrade, step by step on stderr (minutes on a very big file)."""
    print(step.message, file=sys.stderr, flush=True)


def open_db(args, upgrade: bool = True):
    from caseapp.storage.migrate import open_database

    database = open_database(args.db, upgrade=upgrade, on_progress=_say_upgrade)
    OPENED.append(database)
    from caseapp.cli.offices import apply_office_option

    apply_office_option(args, database)  # --office: one office of a district database
    if database.readonly:  # say so once: reading works, any change is refused by name
        print(f"注意：数据库在只读的位置（{database.path}），只能查看和导出，不能修改。",
              file=sys.stderr)
    return database


def require_full_personal(args, database) -> None:
    """Backup and restore handle the whole file: an administrator's act once accounts exist."""
    from caseapp import workflow as wf
    from caseapp.services.guard import require

    actor = acting_user(args, database)
    with database.read() as session:
        require(session, actor, wf.Act.FULL_PERSONAL)
