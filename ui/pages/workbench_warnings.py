"""The 工作台's card 可能的群体性事件 (docs/domain.md §9): each hint with the rule that fired and
its open cases, a case opened by double click or Enter; shown only while there is a hint.
Part of the workbench page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from caseapp import queries
from ui.i18n import tr
from ui.style import DUE_SOON, MUTED
from ui.widgets.card_tree import card_head, card_tree

if TYPE_CHECKING:
    from ui.context import AppContext


class WarningsCard(QFrame):
    open_case = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.warnings: list[queries.GroupWarning] = []
        self._token = 0
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        head, self.title, self.count = card_head(tr("可能的群体性事件"), DUE_SOON)
        layout.addLayout(head)
        # The hint (who or where, and how many open cases) stretches; the rule stays whole.
        self.tree = card_tree([tr("提示"), tr("规则")], stretch=(0,), max_height=150)
        self.tree.setRootIsDecorated(True)  # each hint opens to its cases
        self.tree.itemActivated.connect(self._activated)
        self.empty = QLabel(tr("暂无"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED}; border: none;")
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        self.tree.hide()
        self.hide()

    def explain(self, window_days: int, min_cluster: int, min_people: int) -> None:
        """The rules in the title's tooltip, with the office's thresholds."""
        self.title.setToolTip(tr("同一被申请人（被反映人）或同一信访人（申请人）有{0}件以上未结案件，"
                                 "同一村（社区）{1}天内有{0}件以上同类未结纠纷，或一件未结案件涉及{2}人以上。"
                                 "仅为提示。阈值在 设置 → 办理期限 中修改。").format(
                                     min_cluster, window_days, min_people))

    def reload(self) -> None:
        s = self.ctx.db.settings()  # cached: read once after each change of the settings
        self.explain(s.warning_window_days, s.warning_min_cluster, s.warning_min_people)
        self._token += 1
        token = self._token
        self.ctx.runner.run(self, queries.group_warnings, self.ctx.db,
                            on_done=lambda found: self._arrived(token, found))

    def _arrived(self, token: int, found: list[queries.GroupWarning]) -> None:
        if token != self._token:
            return
        self.warnings = found
        self.count.setText(f"{len(found):,}")
        self.tree.clear()
        for w in found:
            top = QTreeWidgetItem([self.summary(w), tr(w.rule_label)])
            top.setToolTip(0, tr("{0}：{1}，未结{2}件").format(w.subject, tr(w.rule_label),
                                                          len(w.case_ids)))  # w.text
            if len(w.case_ids) == 1:
                top.setData(0, Qt.ItemDataRole.UserRole, w.case_ids[0])
            for cid, number in zip(w.case_ids, w.numbers, strict=True):
                if len(w.case_ids) == 1:
                    break  # the hint itself opens its one case
                child = QTreeWidgetItem([number, ""])
                child.setData(0, Qt.ItemDataRole.UserRole, cid)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.setVisible(bool(found))
        self.empty.setVisible(not found)
        self.setVisible(bool(found))  # no hint, no card: the four cards keep the room

    @staticmethod
    def summary(w: queries.GroupWarning) -> str:
        """Who or where and how many open cases (the rule has its column); a case of many
        people names itself and its head count."""
        if w.rule == "people":
            return w.subject
        return tr("{0}（未结{1}件）").format(w.subject, len(w.case_ids))

    def _activated(self, item: QTreeWidgetItem, _col: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.open_case.emit(int(case_id))


__all__ = ["WarningsCard"]
