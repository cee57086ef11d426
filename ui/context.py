"""What every page and dialog needs: the database, the acting user, the task runner, and one
signal that says the data changed (after any act) so lists and counts refresh themselves."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QSettings, Signal

from caseapp.db import Database

from .tasks import TaskRunner


class AppContext(QObject):
    # Emitted on the GUI thread after any act that changed cases; the argument is the ids
    # of the changed cases (empty: anything may have changed, e.g. after an import).
    data_changed = Signal(object)

    def __init__(self, db: Database, actor: int, parent: QObject | None = None,
                 today: date | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.runner = TaskRunner(self)
        self._today = today  # fixed in screenshots and tests; None = the real date

    def today(self) -> date:
        return self._today or date.today()

    def settings(self) -> QSettings:
        """Per-user window state (office settings live in the database)."""
        # The format argument makes QSettings.setDefaultFormat() count (the (org, app)
        # constructor always uses NativeFormat), so tests can keep settings out of $HOME.
        return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                         "CaseDesk", "CaseDesk")

    def notify_changed(self, case_ids=()) -> None:
        self.data_changed.emit(tuple(case_ids))
