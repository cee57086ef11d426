"""QueueCard: a workbench card listing one queue of cases (late 督办 replies, 司法确认 windows),
loaded on a worker when made and after any act, hidden while the queue is empty; a row opens
its case by double click or Enter. Subclasses say what to fetch and how a row reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QTreeWidgetItem, QVBoxLayout, QWidget

from ui.widgets.card_tree import card_head, card_tree

if TYPE_CHECKING:
    from ui.context import AppContext


class QueueCard(QFrame):
    open_case = Signal(int)

    @classmethod
    def attach(cls, page, layout: QBoxLayout) -> QueueCard:
        """The card, added to the workbench ``page``'s ``layout``, opening cases through it."""
        card = cls(page.ctx)
        card.open_case.connect(page.open_case)
        layout.addWidget(card)
        return card

    def __init__(self, ctx: AppContext, title: str, colour: str, tooltip: str,
                 headers: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list = []
        self._token = 0
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        head, self.title, self.count = card_head(title, colour, tooltip)
        layout.addLayout(head)
        self.tree = card_tree(headers, stretch=(1,), max_height=150)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree)
        self.hide()  # until the queue has a row
        ctx.data_changed.connect(lambda _ids: self.reload())
        self.reload()

    # What subclasses say.
    def fetch(self) -> tuple:
        """(function, *args) run on a worker; it returns the rows."""
        raise NotImplementedError

    def cells(self, row: Any) -> list[str]:
        raise NotImplementedError

    def count_text(self, rows: list) -> str:
        return f"{len(rows)}"

    # The card.
    def reload(self) -> None:
        self._token += 1
        token = self._token
        fn, *args = self.fetch()
        self.ctx.runner.run(self, fn, *args, on_done=lambda rows: self._arrived(token, rows),
                            on_error=lambda _e: None)

    def _arrived(self, token: int, rows: list) -> None:
        if token != self._token:
            return  # an older answer
        self.rows = rows
        self.tree.clear()
        for r in rows:
            item = QTreeWidgetItem(self.cells(r))
            item.setData(0, Qt.ItemDataRole.UserRole, r.case_id)
            self.tree.addTopLevelItem(item)
        self.count.setText(self.count_text(rows))
        self.setVisible(bool(rows))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.open_case.emit(int(case_id))


__all__ = ["QueueCard"]
