"""What every page and dialog needs: the database, the acting user, the task runner, and one
signal that says the data changed (after any act) so lists and counts refresh themselves.

Acts go through ``AppContext.act``: it runs the act on the runner and, when it succeeds,
broadcasts what changed from this one place, so no caller has to remember to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from caseapp.storage.db import Database
from ui.tasks import Task, TaskRunner
from ui.user_settings import user_settings


class AppContext(QObject):
    # Emitted on the GUI thread after any act that changed cases; the argument is the ids
    # of the changed cases (empty: anything may have changed, e.g. after an import).
    data_changed = Signal(object)

    def __init__(self, db: Database, actor: int, parent: QObject | None = None,
                 today: date | None = None, role: str | None = None):
        super().__init__(parent)
        self.db = db
        self.runner = TaskRunner(self)
        self._today = today  # fixed in screenshots and tests; None = the real date
        # What a long fill of the database (the demo's sample cases) says while it runs, so
        # an empty page says "being filled" instead of "no cases yet"; None when none runs.
        self.filling: str | None = None
        self.set_user(actor, role)

    def set_user(self, actor: int, role: str | None = None, user_name: str | None = None,
                 display_name: str | None = None) -> None:
        """Who acts (after a login). Without a role given it is read once from the database."""
        self.actor = actor
        if role is None or user_name is None or display_name is None:
            from caseapp.services.accounts import user_info

            info = user_info(self.db, actor)  # one primary-key read, at start-up or login
            role, user_name, display_name = info.role, info.name, info.display_name
        self.role = role
        self.user_name = user_name
        self.display_name = display_name
        from caseapp.services.offices import apply_scope

        apply_scope(self.db, actor)  # every read and act from here sees the user's offices

    def may(self, act) -> bool:
        """The role allows ``act`` (caseapp.workflow.Act); the services check it again."""
        from caseapp.workflow import role_may

        return role_may(self.role, act)

    def today(self) -> date:
        return self._today or date.today()

    def settings(self) -> QSettings:
        """Per-user window state (office settings live in the database)."""
        return user_settings()

    def act(self, owner: QObject | None, fn: Callable[..., Any], *args: Any,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            changed: tuple[int, ...] | None = None, job_title: str | None = None,
            **kwargs: Any) -> Task:
        """Run the act ``fn(*args)`` for ``owner`` and broadcast its changes when it succeeds.

        The changed cases are ``changed`` when given, else read from what the act returned (a
        CaseRef, or anything with an ``id``); otherwise everything may have changed. With
        ``job_title`` the act is a long job shown with progress (``fn`` makes the job).
        """
        def after(result: Any) -> None:
            self.notify_changed(changed if changed is not None else changed_cases(result))

        if job_title is not None:
            return self.runner.run_job(owner, job_title, lambda: fn(*args, **kwargs),
                                       on_done=on_done, on_error=on_error, after=after)
        return self.runner.run(owner, fn, *args, on_done=on_done, on_error=on_error,
                               after=after, **kwargs)

    def notify_changed(self, case_ids: tuple[int, ...] | list[int] = ()) -> None:
        """The one broadcast: every page listening refreshes what it shows."""
        self.data_changed.emit(tuple(case_ids))


def changed_cases(result: Any) -> tuple[int, ...]:
    """The case ids an act's result names; empty (anything may have changed) when none."""
    case_id = getattr(result, "id", None)
    return (case_id,) if isinstance(case_id, int) else ()
