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


def test_an_old_file_shows_its_steps_and_a_current_one_none(qtbot, tmp_path):
    path = tmp_path / "casedesk.db"
    shutil.copy2(FIXTURE, path)
    seen: list[str] = []
    timer = _watch_dialogs(seen)
    database = run_with_progress(lambda report: open_database(path, on_progress=report))
    assert current_revision(database) == HEAD
    database.dispose()
    assert any("第 1 步" in text and "请勿关闭" in text for text in seen), seen
    assert not any(isinstance(w, QProgressDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    seen.clear()
    run_with_progress(lambda report: open_database(path, on_progress=report)).dispose()
    timer.stop()
    assert seen == []


def test_an_error_while_opening_reaches_the_caller(qtbot, tmp_path):
    damaged = tmp_path / "casedesk.db"
    damaged.write_bytes(b"not a database at all")
    with pytest.raises(Exception, match="损坏|不是"):
        run_with_progress(lambda report: open_database(damaged, on_progress=report))
