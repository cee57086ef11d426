"""相关案件: the open cases related to the shown case (docs/domain.md §9), a line under the act
bar with the reasons and a link to each; hidden when there is none. A hint, never a block."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from caseapp import queries
from ui.i18n import tr
from ui.style import DUE_SOON

if TYPE_CHECKING:
    from ui.context import AppContext

SHOWN = 5  # links listed; the count says how many there are


class RelatedCases(QFrame):
    open_case = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[queries.RelatedCase] = []
        self._token = 0
        self.setObjectName("relatedCases")
        self.setStyleSheet(f"QFrame#relatedCases {{ border-left: 3px solid {DUE_SOON};"
                           " background: #fffaf0; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 8, 4)
        layout.setSpacing(2)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; background: transparent;")
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setStyleSheet("background: transparent;")
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.lines.linkActivated.connect(lambda href: self.open_case.emit(int(href)))
        layout.addWidget(self.title)
        layout.addWidget(self.lines)
        self.hide()

    def load(self, case_id: int) -> None:
        self._token += 1
        token = self._token
        self.ctx.runner.run(self, queries.related_cases, self.ctx.db, case_id,
                            on_done=lambda rows: self._arrived(token, rows))

    def forget(self) -> None:
        self._token += 1
        self.rows = []
        self.hide()

    def _arrived(self, token: int, rows: list[queries.RelatedCase]) -> None:
        if token != self._token:
            return
        self.rows = rows
        if not rows:
            self.hide()
            return
        self.title.setText(tr("相关案件 {0}件（可能是同一事项或群体性事件的苗头，请留意）").format(len(rows)))
        parts = [f'<a href="{r.id}">{escape(r.number)}</a> {escape(r.status_text)} · '
                 f'{escape("；".join(r.reasons))}' for r in rows[:SHOWN]]
        if len(rows) > SHOWN:
            parts.append(escape(tr("另有 {0} 件未列出").format(len(rows) - SHOWN)))
        self.lines.setText("<br>".join(parts))
        self.show()


__all__ = ["RelatedCases"]
