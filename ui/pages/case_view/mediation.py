"""The tabs of a dispute's mediation: 调解记录 (the sessions), 协议与履行 (the agreement, its
performance and judicial confirmation) and 回访 (the follow-ups)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from caseapp import queries
from caseapp import workflow as wf
from ui.i18n import tr
from ui.pages.case_view.common import (
    TableOrEmpty,
    date_text,
    fill_table,
    html_text,
    make_table,
    set_widths,
    transparent_scroll,
)
from ui.style import CLOSED, MUTED


class SessionsTab(TableOrEmpty):
    def __init__(self):
        table = make_table([tr("次数"), tr("日期"), tr("地点"), tr("参加人员"), tr("调解记录")])
        set_widths(table, (50, 100, 140, 220))
        super().__init__(table, tr("还没有调解记录。受理后点击「记录调解」登记每次调解。"))

    def show_case(self, d: queries.CaseDetail) -> None:
        rows = [[tr("第{0}次").format(i), date_text(s.held_on), s.place or "",
                 s.participants or "", s.record or ""] for i, s in enumerate(d.sessions, start=1)]
        fill_table(self.table, rows)
        self.show_rows(len(rows))


class FollowUpsTab(TableOrEmpty):
    def __init__(self):
        table = make_table([tr("应回访日期"), tr("回访日期"), tr("回访结果")])
        set_widths(table, (110, 110))
        super().__init__(table, tr("调解成功办结后，系统按期限安排回访。"))

    def show_case(self, d: queries.CaseDetail) -> None:
        rows = [[date_text(f.due_on), date_text(f.done_on) or tr("未回访"), f.result or ""]
                for f in d.follow_ups]
        fill_table(self.table, rows)
        self.show_rows(len(rows))


class AgreementTab(QWidget):
    performance_requested = Signal()  # 记录履行情况

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(16, 12, 16, 12)
        self.agreement_label = QLabel()
        self.agreement_label.setTextFormat(Qt.TextFormat.RichText)
        self.agreement_label.setWordWrap(True)
        self.agreement_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.agreement_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(transparent_scroll(self.agreement_label), 1)
        bar = QHBoxLayout()
        self.performance_label = QLabel()
        self.performance_label.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.performance_label, 1)
        self.performance_button = QPushButton(tr("记录履行情况"))
        self.performance_button.clicked.connect(self.performance_requested)
        bar.addWidget(self.performance_button)
        v.addLayout(bar)

    def show_case(self, d: queries.CaseDetail) -> None:
        a = d.agreement
        if a is None:
            self.agreement_label.setText(
                f'<p style="color:{MUTED}">' + tr("还没有调解协议。调解达成一致后，点击「记录协议」登记协议内容。")
                + "</p>")
        else:
            terms = "".join(f"<li>{html_text(t)}</li>" for t in a.terms)
            parts = [f"<h3>{html_text(a.form)}（{date_text(a.signed_on)}）</h3>"]
            if a.facts:
                parts.append(f"<p><b>{tr('纠纷事实')}：</b>{html_text(a.facts)}</p>")
            parts.append(f"<p><b>{tr('协议条款')}：</b></p><ol>{terms}</ol>")
            perf = [(tr("履行方式"), a.performance_method), (tr("履行地点"), a.performance_place),
                    (tr("履行期限"), date_text(a.performance_due))]
            parts.append("<p>" + "　".join(f"<b>{k}：</b>{html_text(v) if v else '—'}"
                                           for k, v in perf) + "</p>")
            self.agreement_label.setText("".join(parts))
        mediated = d.outcome == wf.MEDIATED
        performed = (f'<span style="color:{CLOSED}"><b>{tr("协议已履行")}</b></span>'
                     if d.performed else tr("协议尚未履行"))
        judicial = judicial_text(d)
        self.performance_label.setText(f"{performed}　·　{judicial}" if mediated else
                                       tr("调解成功办结后可记录协议履行和司法确认情况。"))
        self.performance_button.setEnabled(mediated)


def judicial_text(d: queries.CaseDetail) -> str:
    """司法确认 as the case view says it: the window while open, the application, the result."""
    m = d.mediation
    if m is None or m.judicial_applied_on is None:
        if m is not None and m.judicial_window is not None:
            return tr("未申请司法确认（申请期限至{0}）").format(date_text(m.judicial_window))
        return tr("未申请司法确认")
    court = html_text(m.judicial_court) if m.judicial_court else ""
    text = tr("司法确认：{0}向{1}申请").format(date_text(m.judicial_applied_on),
                                            court or tr("人民法院"))
    if m.judicial_state == wf.JUDICIAL_PENDING:
        return text + tr("，待法院结果")
    when = date_text(m.judicial_result_on) if m.judicial_result_on else ""
    return text + tr("，{0}{1}").format(html_text(m.judicial_state),
                                        tr("（{0}）").format(when) if when else "")


__all__ = ["AgreementTab", "FollowUpsTab", "SessionsTab", "judicial_text"]
