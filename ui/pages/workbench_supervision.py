"""The 工作台's card 督办回复逾期 (信访工作条例 Art. 38–40): open 督办 whose reply is late, the
latest due first; a case opened by double click or Enter. Part of the workbench page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries
from ui.i18n import tr
from ui.style import OVERDUE
from ui.widgets.card_tree import card_head, card_tree

if TYPE_CHECKING:
    from ui.context import AppContext

QUEUE_LIMIT = 50


class SupervisionCard(QFrame):
    """Loads itself when shown and after any act (one line in the workbench page adds it)."""

    open_case = Signal(int)

    @classmethod
    def attach(cls, page, layout: QBoxLayout) -> SupervisionCard:
        """The card, added to the workbench ``page``'s ``layout``, opening cases through it."""
        card = cls(page.ctx)
        card.open_case.connect(page.open_case)
        layout.addWidget(card)
        return card

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[queries.LateReply] = []
        self._token = 0
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        head, self.title, self.count = card_head(
            tr("督办回复逾期"), OVERDUE, tr("尚未回复且已过回复期限的督办，按回复期限排列"))
        layout.addLayout(head)
        self.tree = card_tree([tr("案件"), tr("督办"), tr("回复期限"), tr("逾期")],
                              stretch=(1,), max_height=150)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree)
        self.hide()  # until a late reply exists
        ctx.data_changed.connect(lambda _ids: self.reload())
        self.reload()

    def reload(self) -> None:
        self._token += 1
        token = self._token
        self.ctx.runner.run(self, queries.late_supervision_replies, self.ctx.db,
                            self.ctx.today(), QUEUE_LIMIT,
                            on_done=lambda rows: self._arrived(token, rows),
                            on_error=lambda _e: None)

    def _arrived(self, token: int, rows: list[queries.LateReply]) -> None:
        if token != self._token:
            return
        self.rows = rows
        self.tree.clear()
        for r in rows:
            item = QTreeWidgetItem([f"{r.number} {r.summary}", f"{r.level}（{r.by_whom}）",
                                    r.reply_due.isoformat(), tr("{0}天").format(r.days_late)])
            item.setData(0, Qt.ItemDataRole.UserRole, r.case_id)
            self.tree.addTopLevelItem(item)
        more = "+" if len(rows) >= QUEUE_LIMIT else ""
        self.count.setText(f"{len(rows)}{more}")
        self.setVisible(bool(rows))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.open_case.emit(int(case_id))


__all__ = ["QUEUE_LIMIT", "SupervisionCard"]
