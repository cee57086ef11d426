"""The case view's header card: number, kind, status chip, outcome, deadline, handler, the
main party, the summary, links to the linked petition or dispute, and for a 重复信访 links
to the petitioner's earlier petitions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from caseapp import queries
from caseapp import workflow as wf
from ui.i18n import tr, tr_built
from ui.pages.case_view.common import date_text
from ui.style import ACCENT, CLOSED, DUE_SOON, MUTED, STATE_COLOURS
from ui.widgets import forms

STATUS_CHIP = {
    wf.Status.REGISTERED.value: ("#fff8c5", "#7d4e00"),
    wf.Status.IN_PROGRESS.value: ("#ddf4ff", "#0550ae"),
    wf.Status.CLOSED.value: ("#dafbe1", CLOSED),
    wf.Status.REJECTED.value: ("#eaeef2", MUTED),
}


class CaseHeader(QFrame):
    open_case = Signal(int)  # a link to the linked case was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        h = QVBoxLayout(self)
        h.setContentsMargins(16, 12, 16, 12)
        h.setSpacing(6)
        line1 = QHBoxLayout()
        line1.setSpacing(12)
        self.number_label = QLabel()
        self.number_label.setProperty("role", "title")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = forms.muted()
        self.kind_label.setWordWrap(False)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        line1.addWidget(self.number_label)
        line1.addWidget(self.kind_label)
        line1.addWidget(self.status_chip)
        line1.addStretch(1)
        h.addLayout(line1)
        line2 = QHBoxLayout()
        line2.setSpacing(24)
        self.outcome_label = QLabel()
        self.deadline_label = QLabel()
        self.handler_label = QLabel()
        self.party_label = QLabel()
        for w in (self.party_label, self.outcome_label, self.deadline_label, self.handler_label):
            line2.addWidget(w)
        line2.addStretch(1)
        h.addLayout(line2)
        self.summary_label = forms.muted()
        h.addWidget(self.summary_label)
        self.link_label = QLabel()
        self.link_label.setTextFormat(Qt.TextFormat.RichText)
        self.link_label.linkActivated.connect(self._link)
        self.link_label.hide()
        h.addWidget(self.link_label)
        self.repeat_label = QLabel()
        self.repeat_label.setTextFormat(Qt.TextFormat.RichText)
        self.repeat_label.linkActivated.connect(self._link)
        self.repeat_label.hide()
        h.addWidget(self.repeat_label)
        # A dispute's 风险等级, 预防成效 and the 司法确认 window while it is open.
        self.risk_label = QLabel()
        self.risk_label.setObjectName("riskLine")
        self.risk_label.setTextFormat(Qt.TextFormat.RichText)
        self.risk_label.hide()
        h.addWidget(self.risk_label)

    def show_case(self, d: queries.CaseDetail) -> None:
        self.number_label.setText(d.number)
        self.kind_label.setText(tr(d.kind_label))
        bg, fg = STATUS_CHIP.get(d.status, ("#eaeef2", MUTED))
        self.status_chip.setText(tr(d.status_label))
        self.status_chip.setStyleSheet(
            f"QLabel#statusChip {{ background: {bg}; color: {fg}; border-radius: 10px;"
            f" padding: 2px 10px; font-weight: bold; }}")
        outcome = tr_built(d.outcome or "—")
        if d.failed_route:
            outcome += tr("（告知途径：{0}）").format(tr_built(d.failed_route))
        self.outcome_label.setText(tr("结果：{0}").format(outcome))
        colour = STATE_COLOURS.get(d.deadline_state, MUTED)
        what = tr("受理期限") if d.status == wf.Status.REGISTERED.value else tr("期限")
        due = f"{date_text(d.due_on)} " if d.due_on and d.deadline_state != "closed" else ""
        extended = tr("（已延期）") if d.extended else ""
        self.deadline_label.setText(
            f'{what}：<span style="color:{colour}; font-weight:bold">{due}{tr_built(d.deadline_text)}'
            f'</span>{extended}')
        self.handler_label.setText(tr("承办人：{0}").format(d.handler or tr("未分派")))
        self.party_label.setText(tr("当事人：{0}").format(d.party or "—"))
        summary = d.summary if len(d.summary) <= 90 else d.summary[:90] + "……"
        self.summary_label.setText(f"{tr(d.category)} · {summary}")
        links = []
        if d.derived_case_id is not None:
            links.append(tr("已转人民调解：{0}").format(
                f'<a href="case:{d.derived_case_id}" style="color:{ACCENT}">{d.derived_number}</a>'))
        if d.origin_case_id is not None and d.origin_number:
            links.append(tr("由信访件转入：{0}").format(
                f'<a href="case:{d.origin_case_id}" style="color:{ACCENT}">{d.origin_number}</a>'))
        self.link_label.setText("　".join(links))
        self.link_label.setVisible(bool(links))
        self.show_repeat(d)
        self.show_risk(d)

    def show_risk(self, d: queries.CaseDetail) -> None:
        m = d.mediation
        if m is None:
            self.risk_label.hide()
            return
        colour = STATE_COLOURS.get("overdue", MUTED) if m.risk_grade == wf.RISK_MAJOR else MUTED
        parts = [tr("风险等级：{0}").format(
            f'<span style="color:{colour}; font-weight:bold">{tr(m.risk_grade)}</span>')]
        parts.append(tr("预防成效：{0}").format("、".join(tr(p) for p in m.prevention) or "—"))
        if (m.judicial_window is not None and m.judicial_applied_on is None
                and d.outcome == wf.MEDIATED):
            left = m.judicial_days_left or 0
            state = tr("剩{0}天").format(left) if left >= 0 else tr("已过期")
            parts.append(tr("司法确认申请期限：{0}（{1}）").format(
                date_text(m.judicial_window), state))
        self.risk_label.setText("　·　".join(parts))
        self.risk_label.show()

    def show_repeat(self, d: queries.CaseDetail) -> None:
        """重复信访, with a link to each earlier petition of the same person and matter."""
        if not d.is_repeat:
            self.repeat_label.hide()
            return
        earlier = "、".join(f'<a href="case:{i}" style="color:{ACCENT}">{n}</a>'
                           for i, n in d.earlier_petitions)
        text = f'<span style="color:{DUE_SOON}; font-weight:bold">{tr("重复信访")}</span>'
        if earlier:
            text += tr("　此前同类信访：{0}").format(earlier)
        self.repeat_label.setText(text)
        self.repeat_label.show()

    def show_failed(self, exc: BaseException) -> None:
        self.number_label.setText(tr("案件无法打开"))
        self.summary_label.setText(str(exc))

    def _link(self, href: str) -> None:
        if href.startswith("case:"):
            self.open_case.emit(int(href[5:]))


__all__ = ["STATUS_CHIP", "CaseHeader"]
