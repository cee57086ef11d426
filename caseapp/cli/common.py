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


def open_db(args, upgrade: bool = True):
    from caseapp.storage.migrate import open_database

    return open_database(args.db, upgrade=upgrade)


def require_full_personal(args, database) -> None:
    """Backup and restore handle the whole file: an administrator's act once accounts exist."""
    from caseapp import workflow as wf
    from caseapp.services.guard import require

    actor = acting_user(args, database)
    with database.read() as session:
        require(session, actor, wf.Act.FULL_PERSONAL)
