"""Opening an old file in the GUI shows its upgrade step by step, then the dialog goes; a file
at the program's version opens without one (ui/shell/upgrade_progress.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from caseapp.storage.migrate import HEAD, current_revision, open_database
from ui.shell.upgrade_progress import run_with_progress

pytestmark = pytest.mark.sqlite_only("the release 0.1.0 SQLite file")

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0" / "casedesk.db"


def _watch_dialogs(seen: list[str]) -> QTimer:
    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                if not seen or seen[-1] != widget.labelText():
                    seen.append(widget.labelText())

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(10)
    return timer


def test_an_old_file_shows_its_steps_and_a_current_one_none(qtbot, tmp_path, monkeypatch):
    """Every step reaches the dialog's label, and the dialog is on screen meanwhile. The
    labels are recorded as they are set: a 10 ms look at the screen missed step 1 under load,
    when the first poll came after the backup and step 1 were done (it shows the latest)."""
    from ui.shell import upgrade_progress

    path = tmp_path / "casedesk.db"
    shutil.copy2(FIXTURE, path)
    labels: list[str] = []

    def recorded(step):
        labels.append(real(step))
        return labels[-1]

    real = upgrade_progress.label
    monkeypatch.setattr(upgrade_progress, "label", recorded)
    seen: list[str] = []
    timer = _watch_dialogs(seen)
    try:
        database = run_with_progress(lambda report: open_database(path, on_progress=report))
        assert current_revision(database) == HEAD
        database.dispose()
        assert any("第 1 步" in text and "请勿关闭" in text for text in labels), labels
        assert seen, "no upgrade dialog was on screen"
        assert not any(isinstance(w, QProgressDialog) and w.isVisible()
                       for w in QApplication.topLevelWidgets())
        seen.clear()
        labels.clear()
        run_with_progress(lambda report: open_database(path, on_progress=report)).dispose()
        assert seen == [] and labels == []
    finally:  # never left running into the next test's event loop
        timer.stop()


def test_an_error_while_opening_reaches_the_caller(qtbot, tmp_path):
    damaged = tmp_path / "casedesk.db"
    damaged.write_bytes(b"not a database at all")
    with pytest.raises(Exception, match="损坏|不是"):
        run_with_progress(lambda report: open_database(damaged, on_progress=report))
