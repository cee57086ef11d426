"""The look-up of people already known while a party is typed: the debounced query on the
runner, and the hint panel that shows who was found (and a possible repeat petition)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from caseapp import queries
from ui.dialogs.intake.drafts import PartyDraft, match_text
from ui.i18n import tr
from ui.style import DUE_SOON

if TYPE_CHECKING:
    from ui.context import AppContext

LOOKUP_DELAY_MS = 300


class PersonLookup(QObject):
    """Asks queries.find_persons about the party being edited, at once or after a pause in
    typing. Only the newest question's answer counts; ``stop`` drops any still pending."""

    answered = Signal(int, object)  # the party's row, the list of queries.PersonMatch

    def __init__(self, ctx: AppContext, current: Callable[[], tuple[int, PartyDraft] | None],
                 parent: QObject):
        super().__init__(parent)
        self.ctx = ctx
        self._current = current
        self._token = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LOOKUP_DELAY_MS)
        self.timer.timeout.connect(self.run)

    def later(self) -> None:
        """After a pause in typing (each keystroke restarts the wait)."""
        self.timer.start()

    def now(self) -> None:
        self.timer.stop()
        self.run()

    def stop(self) -> None:
        """No look-up from here on: the wait stops and a pending answer is ignored."""
        self.timer.stop()
        self._token += 1

    def run(self) -> None:
        current = self._current()
        if current is None:
            return
        index, p = current
        id_number = p.id_number if len(p.id_number) == 18 else None
        name = p.name.strip() or None
        if not id_number and not name:
            self.answered.emit(index, [])
            return
        self._token += 1
        token = self._token
        # Owned by this object: an answer arriving after the dialog is gone is dropped.
        self.ctx.runner.run(self, queries.find_persons, self.ctx.db, id_number=id_number,
                            name=name, phone=p.phone or None, limit=5,
                            on_done=lambda found: self._found(token, index, found),
                            on_error=lambda _e: None)  # a hint is a help, never an error

    def _found(self, token: int, index: int, found) -> None:
        if token == self._token:
            self.answered.emit(index, list(found))


class PersonHint(QFrame):
    """Who the look-up found, a repeat-petition flag, and 使用此人."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        self.setObjectName("personHint")
        self.setStyleSheet("QFrame#personHint { background: #f6f8fa; }")
        hv = QHBoxLayout(self)
        hv.setContentsMargins(10, 8, 10, 8)
        text_box = QVBoxLayout()
        self.repeat_flag = QLabel(tr("⚠ 可能为重复信访"))
        self.repeat_flag.setStyleSheet(f"color: {DUE_SOON}; font-weight: bold;")
        self.repeat_flag.hide()
        self.key_flag = QLabel()
        self.key_flag.setStyleSheet(f"color: {DUE_SOON}; font-weight: bold;")
        self.key_flag.hide()
        self.text = ""  # what the label says, as plain text
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        text_box.addWidget(self.key_flag)
        text_box.addWidget(self.repeat_flag)
        text_box.addWidget(self.label)
        hv.addLayout(text_box, 1)
        self.use_button = QPushButton(tr("使用此人"))
        self.use_button.setAutoDefault(False)
        hv.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_match(self, m: queries.PersonMatch, repeat: bool, can_use: bool,
                   recent_petitions: int = 0) -> bool:
        """Show ``m``; True when the panel was hidden until now. ``recent_petitions`` (in the
        last 12 months) of KEY_PERSON_PETITIONS or more mark a 重点人员."""
        self.text = match_text(m)
        # A case number never breaks over two lines (Qt breaks Chinese text at any character).
        html = escape(self.text)
        for c in m.cases:
            html = html.replace(escape(c.number), f"<nobr>{escape(c.number)}</nobr>")
        self.label.setText(html)
        key = recent_petitions >= queries.KEY_PERSON_PETITIONS
        self.key_flag.setText(tr("⚠ 重点人员：近12个月信访 {0} 件").format(recent_petitions))
        self.key_flag.setVisible(key)
        self.repeat_flag.setVisible(repeat)
        self.use_button.setEnabled(can_use)
        if not self.isHidden():
            return False
        self.show()
        return True


__all__ = ["LOOKUP_DELAY_MS", "PersonHint", "PersonLookup"]
