"""The 工作台's card 督办回复逾期 (信访工作条例 Art. 38–40): open 督办 whose reply is late, the
latest due first; a case opened by double click or Enter. Part of the workbench page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from caseapp import queries
from ui.i18n import tr
from ui.pages.workbench_queue import QueueCard
from ui.style import OVERDUE

if TYPE_CHECKING:
    from ui.context import AppContext

QUEUE_LIMIT = 50


class SupervisionCard(QueueCard):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(
            ctx, tr("督办回复逾期"), OVERDUE, tr("尚未回复且已过回复期限的督办，按回复期限排列"),
            [tr("案件"), tr("督办"), tr("回复期限"), tr("逾期")], parent)

    def fetch(self) -> tuple:
        return queries.late_supervision_replies, self.ctx.db, self.ctx.today(), QUEUE_LIMIT

    def cells(self, r: queries.LateReply) -> list[str]:
        return [f"{r.number} {r.summary}", f"{r.level}（{r.by_whom}）", r.reply_due.isoformat(),
                tr("{0}天").format(r.days_late)]

    def count_text(self, rows: list) -> str:
        return f"{len(rows)}{'+' if len(rows) >= QUEUE_LIMIT else ''}"


__all__ = ["QUEUE_LIMIT", "SupervisionCard"]
