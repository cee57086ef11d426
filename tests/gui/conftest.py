"""GUI fixtures: a real database in tmp_path, an AppContext, QSettings kept out of $HOME."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings

TODAY = date(2026, 3, 20)  # fixed so deadlines and screenshots do not drift


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def ctx(qapp, db, actor):
    from ui.context import AppContext
    from ui.style import apply_style

    apply_style(qapp)
    context = AppContext(db, actor, today=TODAY)
    yield context
    context.runner.pool.waitForDone(10000)


@pytest.fixture
def wait_idle(qtbot, ctx):
    """Wait until every background call of the context has delivered its result."""

    def wait(timeout: int = 10000) -> None:
        qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)

    return wait



@pytest.fixture
def no_message_boxes(monkeypatch):
    """A modal box would hang an offscreen test: record any that opens, and fail on it."""
    from PySide6.QtWidgets import QMessageBox

    from ui.widgets import forms

    shown = []
    monkeypatch.setattr(forms, "report_error", lambda parent, exc: shown.append(exc))
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda *a, _n=name, **k: shown.append((_n, a)) or QMessageBox.StandardButton.No))
    yield shown
    assert shown == [], f"unexpected message box: {shown}"


@pytest.fixture
def view(qtbot, ctx):
    """A case view shown at a laptop's size, as the act and document tests use it."""
    from ui.pages.case_view import CaseView

    widget = CaseView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    return widget
