"""Typing as a clerk does. QTest.keyClicks aborts the process on non-ASCII characters in
this Qt build, so Chinese is committed the way an input method commits it."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox


def type_chinese(widget, text: str) -> None:
    """Commit ``text`` character by character through input-method events."""
    widget.setFocus()
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def type_text(qtbot, widget, text: str) -> None:
    """ASCII by real key presses, Chinese runs committed by the input method."""
    if isinstance(widget, QComboBox) and widget.isEditable():
        widget = widget.lineEdit()
    widget.setFocus()
    run = ""
    for ch in text + "\0":
        if ch != "\0" and (not run or ch.isascii() == run[-1].isascii()):
            run += ch
            continue
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
        run = ch
