"""The 信访程序 tab of a petition: what the 信访工作条例's acts recorded (上级交办 and its 办结报告,
督办 and replies, 延期 approval, 转送, 答复 and the 意见书, 复查/复核 links), as a file reads."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from caseapp import queries
from caseapp import workflow as wf
from ui.i18n import tr
from ui.pages.case_view.common import date_text, html_text, transparent_scroll
from ui.style import MUTED, OVERDUE


def _line(label: str, value: str) -> str:
    return f"<p><b>{html_text(label)}：</b>{value}</p>"


def petition_html(d: queries.CaseDetail, today) -> str:
    """The tab's text; empty sections are left out."""
    p = d.petition
    if p is None:
        return ""
    parts: list[str] = []
    if p.review_stage:
        of = html_text(p.review_of[1]) if p.review_of else "—"
        parts.append(_line(tr("{0}件").format(p.review_stage),
                           tr("对 <a href='case:{0}'>{1}</a> 答复意见的{2}申请").format(
                               p.review_of[0] if p.review_of else 0, of, p.review_stage)))
    if p.from_above:
        report = (tr("{0} 已报送").format(date_text(p.report_on)) if p.report_on
                  else f'<span style="color:{OVERDUE}">{tr("尚未报送（办结前须报送）")}</span>')
        parts.append(_line(tr("上级交办"), tr("{0}{1}，{2}交办，期限 {3}；办结报告：{4}").format(
            html_text(p.superior), f"（{html_text(p.superior_reference)}）"
            if p.superior_reference else "", date_text(p.superior_assigned_on),
            date_text(p.superior_due), report)))
    for s in p.supervisions:
        if s.replied_on:
            state = tr("{0} 已回复：{1}").format(date_text(s.replied_on), html_text(s.reply))
        elif s.reply_due < today:
            state = f'<span style="color:{OVERDUE}">{tr("回复已逾期")}</span>'
        else:
            state = tr("待回复")
        parts.append(_line(tr(s.level), tr("{0}，{1}督办，{2}前回复；{3}").format(
            html_text(s.by_whom), date_text(s.supervised_on), date_text(s.reply_due), state)))
    if p.extension_approver:
        parts.append(_line(tr("延期"), tr("{0}于{1}批准，期限由 {2} 延至 {3}；理由：{4}").format(
            html_text(p.extension_approver), date_text(p.extension_approved_on),
            date_text(p.extension_old_due), date_text(p.extension_new_due),
            html_text(d.extension_reason))))
    if p.transferred_to:
        late = tr("（超过15日转送期限）") if p.transfer_late else ""
        parts.append(_line(tr("转送"), f"{html_text(p.transferred_to)}，"
                                     f"{date_text(p.transferred_on)}{late}"))
    if p.decision:
        if p.review_stage == wf.RE_REVIEW:
            after = tr("复核意见为终结意见")
        else:
            after = tr("可申请{0}至 {1}").format(
                wf.RE_REVIEW if p.review_stage == wf.REVIEW else wf.REVIEW,
                date_text(p.review_until))
        parts.append(_line(tr("答复"), tr("{0}，{1}送达；{2}").format(
            html_text(p.decision), date_text(p.delivered_on), after)))
        for label, value in ((tr("信访请求"), p.request), (tr("事实和理由"), p.facts),
                             (tr("处理依据"), p.basis)):
            if value:
                parts.append(_line(label, html_text(value)))
    if d.satisfaction:
        parts.append(_line(tr("满意度"), html_text(d.satisfaction)
                           + (f"（{date_text(p.rated_on)}）" if p.rated_on else "")))
    for rid, number, stage in p.reviews:
        parts.append(_line(tr("申请{0}").format(stage),
                           f"<a href='case:{rid}'>{html_text(number)}</a>"))
    if not parts:
        return f'<p style="color:{MUTED}">' + tr(
            "尚无转送、交办、督办、答复等记录。可用上方的按钮办理。") + "</p>"
    return "".join(parts)


class PetitionTab(QWidget):
    open_case = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(16, 12, 16, 12)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.linkActivated.connect(self._link)
        v.addWidget(transparent_scroll(self.label), 1)

    def show_case(self, d: queries.CaseDetail, today) -> None:
        self.label.setText(petition_html(d, today))

    def _link(self, href: str) -> None:
        if href.startswith("case:") and href[5:].isdigit() and int(href[5:]):
            self.open_case.emit(int(href[5:]))


__all__ = ["PetitionTab", "petition_html"]
