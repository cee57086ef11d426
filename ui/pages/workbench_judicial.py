"""The 工作台's card 司法确认申请期限将到 (人民调解法 Art. 33): written agreements whose 30 days
to apply end within the week, then applications awaiting the court's result; a case opened by
double click or Enter. Part of the workbench page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from caseapp import queries
from ui.i18n import tr
from ui.pages.workbench_queue import QueueCard
from ui.style import DUE_SOON

if TYPE_CHECKING:
    from ui.context import AppContext


def state_text(row: queries.JudicialQueueRow, today) -> str:
    if row.applied_on is not None:
        return tr("{0}已申请，待法院结果").format(row.applied_on.isoformat())
    left = (row.window - today).days
    return tr("今天截止") if left == 0 else tr("剩{0}天").format(left)


class JudicialCard(QueueCard):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(
            ctx, tr("司法确认申请期限将到"), DUE_SOON,
            tr("书面调解协议自生效之日起30日内可申请司法确认：7天内截止且尚未申请的，"
               "以及已申请、待法院结果的"),
            [tr("编号"), tr("申请人"), tr("申请期限"), tr("情况")], parent)

    def fetch(self) -> tuple:
        return queries.judicial_queue, self.ctx.db, self.ctx.today()

    def cells(self, r: queries.JudicialQueueRow) -> list[str]:
        return [r.number, r.party, r.window.isoformat(), state_text(r, self.ctx.today())]


__all__ = ["JudicialCard", "state_text"]
