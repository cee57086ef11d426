"""The 工作台's card 司法确认申请期限将到 (人民调解法 Art. 33): written agreements whose 30 days
to apply end within the week, then applications awaiting the court's result; a case opened by
double click or Enter. Part of the workbench page."""

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
from ui.style import DUE_SOON
from ui.widgets.card_tree import card_head, card_tree

if TYPE_CHECKING:
    from ui.context import AppContext


def state_text(row: queries.JudicialQueueRow, today) -> str:
    if row.applied_on is not None:
        return tr("{0}已申请，待法院结果").format(row.applied_on.isoformat())
    left = (row.window - today).days
    return tr("今天截止") if left == 0 else tr("剩{0}天").format(left)


class JudicialCard(QFrame):
    """Loads itself when made and after any act (one line in the workbench page adds it);
    hidden while the queue is empty."""

    open_case = Signal(int)

    @classmethod
    def attach(cls, page, layout: QBoxLayout) -> JudicialCard:
        """The card, added to the workbench ``page``'s ``layout``, opening cases through it."""
        card = cls(page.ctx)
        card.open_case.connect(page.open_case)
        layout.addWidget(card)
        return card

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[queries.JudicialQueueRow] = []
        self._token = 0
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        head, self.title, self.count = card_head(
            tr("司法确认申请期限将到"), DUE_SOON,
            tr("书面调解协议自生效之日起30日内可申请司法确认：7天内截止且尚未申请的，"
               "以及已申请、待法院结果的"))
        layout.addLayout(head)
        self.tree = card_tree([tr("编号"), tr("申请人"), tr("申请期限"), tr("情况")],
                              stretch=(1,), max_height=150)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree)
        self.hide()  # until something is due
        ctx.data_changed.connect(lambda _ids: self.reload())
        self.reload()

    def reload(self) -> None:
        self._token += 1
        token = self._token
        self.ctx.runner.run(self, queries.judicial_queue, self.ctx.db, self.ctx.today(),
                            on_done=lambda rows: self._arrived(token, rows),
                            on_error=lambda _e: None)

    def _arrived(self, token: int, rows: list[queries.JudicialQueueRow]) -> None:
        if token != self._token:
            return
        self.rows = rows
        self.tree.clear()
        today = self.ctx.today()
        for r in rows:
            item = QTreeWidgetItem([r.number, r.party, r.window.isoformat(), state_text(r, today)])
            item.setData(0, Qt.ItemDataRole.UserRole, r.case_id)
            self.tree.addTopLevelItem(item)
        self.count.setText(f"{len(rows)}")
        self.setVisible(bool(rows))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.open_case.emit(int(case_id))


__all__ = ["JudicialCard", "state_text"]
