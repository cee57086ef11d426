"""Whole cases clicked through the GUI: intake, the case view's act buttons and their
dialogs, checking what the clerk sees and what the database holds at each step."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox

from caseapp import queries, services
from gui.keyboard import type_text
from ui.dialogs import acts
from ui.dialogs.intake import IntakeDialog
from ui.pages.case_view import TAB_AGREEMENT, TAB_FOLLOWUPS, TAB_PARTIES, CaseView
from ui.widgets import forms

TODAY = date(2026, 3, 20)
CONFIRM_CLOSE = "办结后只有管理员可以重新打开，确定办结吗？"


def click(qtbot, widget):
    if isinstance(widget, QCheckBox):  # on its box, which may sit at the left of a wide row
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
        return
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def timeline(view):
    t = view.timeline_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def table_rows(table):
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def plain(label):
    return re.sub(r"<[^>]+>", "", label.text())


@pytest.fixture(autouse=True)
def dialogs_without_modal_boxes(monkeypatch):
    """Confirmations are answered 'yes' and recorded; any other message box fails the test."""
    state = {"confirmed": [], "shown": []}
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: state["confirmed"].append(text) or True)
    monkeypatch.setattr(forms, "report_error", lambda parent, exc: state["shown"].append(exc))
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda *a, _n=name, **k: state["shown"].append((_n, a))
            or QMessageBox.StandardButton.No))
    yield state
    assert state["shown"] == [], f"unexpected message box: {state['shown']}"


@pytest.fixture
def view(qtbot, ctx):
    widget = CaseView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    # As the main window does: a case the view asks to open is shown in it.
    widget.open_case.connect(widget.show_case)
    return widget


def act(qtbot, view, name, expected_type):
    button = view.act_bar.act_buttons[name]
    assert button.isVisible() and button.isEnabled(), button.toolTip()
    click(qtbot, button)
    dialog = view.active_dialog
    assert isinstance(dialog, expected_type)
    return dialog


def test_petition_registered_accepted_extended_closed(qtbot, ctx, db, view, wait_idle,
                                                     dialogs_without_modal_boxes):
    # Intake.
    intake = IntakeDialog(ctx, "petition")
    qtbot.addWidget(intake)
    intake.show()
    wait_idle()
    intake.case_form.received_on.setFocus()
    # The day; step it back with the arrow key.
    intake.case_form.received_on.setCurrentSectionIndex(2)
    for _ in range(18):
        qtbot.keyClick(intake.case_form.received_on, Qt.Key.Key_Down)
    assert forms.date_value(intake.case_form.received_on) == date(2026, 3, 2)
    type_text(qtbot, intake.case_form.summary, "要求支付拖欠工资")
    choose(intake.case_form.category, "劳动社保")
    type_text(qtbot, intake.case_form.street, "马鞍街道")
    type_text(qtbot, intake.party_box.p_name, "张秀英")
    type_text(qtbot, intake.party_box.p_id, "500102195507142462")
    type_text(qtbot, intake.party_box.p_phone, "13800001111")
    with qtbot.waitSignal(intake.saved, timeout=5000) as saved:
        click(qtbot, intake.save_button)
    wait_idle()
    case_id = saved.args[0]
    d = queries.case_detail(db, case_id, TODAY)
    assert (d.number, d.status, d.received_on) == ("（2026）信字第0001号", "registered",
                                                   date(2026, 3, 2))

    view.show_case(case_id)
    wait_idle()
    assert view.header.number_label.text() == "（2026）信字第0001号"
    assert view.header.status_chip.text() == "待受理"

    # 受理.
    dialog = act(qtbot, view, "accept", acts.AcceptDialog)
    assert forms.date_value(dialog.on) == TODAY
    type_text(qtbot, dialog.handler, "周志强")
    click(qtbot, dialog.ok_button)
    wait_idle()
    d = queries.case_detail(db, case_id, TODAY)
    assert (d.status, d.accepted_on, d.handler, d.due_on) == (
        "in_progress", TODAY, "周志强", date(2026, 5, 19))
    assert view.header.status_chip.text() == "办理中"
    assert "2026-05-19 剩60天" in plain(view.header.deadline_label)
    assert "周志强" in view.header.handler_label.text()
    row = timeline(view)[0]
    assert row[2] == "受理"
    assert "状态：待受理 → 办理中" in row[3] and "受理日期：— → 2026-03-20" in row[3]
    assert "承办人：— → 周志强" in row[3]

    # 延期: a reason is required, and for a petition the approving 负责人 (条例 Art. 34).
    dialog = act(qtbot, view, "extend", acts.ExtendDialog)
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"reason": "请写明延期的理由",
                                        "approver": "请填写批准延期的负责人"}
    type_text(qtbot, dialog.reason, "需协调区人社局调查取证")
    type_text(qtbot, dialog.approver, "王主任")
    click(qtbot, dialog.ok_button)
    wait_idle()
    d = queries.case_detail(db, case_id, TODAY)
    assert d.extended and d.due_on == date(2026, 6, 18)
    assert d.extension_reason == "需协调区人社局调查取证"
    assert "2026-06-18 剩90天" in plain(view.header.deadline_label)
    assert "（已延期）" in plain(view.header.deadline_label)
    assert not view.act_bar.act_buttons["extend"].isEnabled()
    assert view.act_bar.act_buttons["extend"].toolTip() == "已经延期过一次，不能再次延期"
    assert timeline(view)[0][2] == "延期" and timeline(view)[0][4] == "需协调区人社局调查取证"

    # 办结 with an outcome.
    dialog = act(qtbot, view, "close", acts.CloseDialog)
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"outcome": "请选择办理结果"}
    click(qtbot, dialog.outcome_buttons["解释说明"])
    assert not dialog.errors.rows["failed_route"].isVisible()
    type_text(qtbot, dialog.note, "已向信访人解释相关政策，信访人表示理解")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert dialogs_without_modal_boxes["confirmed"] == [CONFIRM_CLOSE]
    d = queries.case_detail(db, case_id, TODAY)
    assert (d.status, d.outcome, d.closed_on) == ("closed", "解释说明", TODAY)
    assert d.close_note == "已向信访人解释相关政策，信访人表示理解"
    assert view.header.status_chip.text() == "已办结"
    assert "结果：解释说明" == view.header.outcome_label.text()
    assert "已办结" in plain(view.header.deadline_label) \
        and "#1a7f37" in view.header.deadline_label.text()
    assert view.act_bar.act_buttons["reopen"].isEnabled()
    assert not view.act_bar.act_buttons["close"].isEnabled()
    assert [r[2] for r in timeline(view)] == ["办结", "延期", "受理", "登记"]
    assert all(r[1] for r in timeline(view))  # who did it


def test_dispute_accepted_two_sessions_mediated_with_agreement_then_follow_up(
        qtbot, ctx, db, view, wait_idle, dialogs_without_modal_boxes):
    ref = services.register_dispute(
        db, ctx.actor,
        services.CaseInput(summary="邻居装修噪音及漏水", category="邻里纠纷",
                           received_on=date(2026, 3, 10), source="当事人申请"),
        [services.PartyInput(name="刘大爷", role="申请人", phone="13900002222"),
         services.PartyInput(name="钱女士", role="被申请人")])
    view.show_case(ref.id)
    wait_idle()
    assert view.header.status_chip.text() == "待受理"
    assert view.tabs.isTabVisible(TAB_AGREEMENT)
    assert not view.act_bar.act_buttons["reject"].isVisible()

    act_dialog = act(qtbot, view, "accept", acts.AcceptDialog)
    click(qtbot, act_dialog.ok_button)
    wait_idle()
    assert view.header.status_chip.text() == "调解中"

    for place, record in (("马鞍街道调解室", "双方陈述，分歧较大"),
                          ("钱女士家中", "现场查看漏水情况，初步达成维修意向")):
        dialog = act(qtbot, view, "record_session", acts.SessionDialog)
        type_text(qtbot, dialog.place, place)
        type_text(qtbot, dialog.participants, "刘大爷、钱女士、调解员周志强")
        type_text(qtbot, dialog.record, record)
        click(qtbot, dialog.ok_button)
        wait_idle()
    sessions = table_rows(view.sessions_stack.table)
    assert [r[:3] for r in sessions] == [["第1次", "2026-03-20", "马鞍街道调解室"],
                                         ["第2次", "2026-03-20", "钱女士家中"]]
    assert len(queries.case_detail(db, ref.id).sessions) == 2

    # 调解成功 needs an agreement: the close dialog says so and offers to record it first.
    dialog = act(qtbot, view, "close", acts.CloseDialog)
    click(qtbot, dialog.outcome_buttons["调解成功"])
    assert not dialog.ok_button.isEnabled()
    assert "尚未记录调解协议" in dialog.agreement_note.text()
    click(qtbot, dialog.record_agreement_button)
    agreement = view.active_dialog
    assert isinstance(agreement, acts.AgreementDialog)
    click(qtbot, agreement.ok_button)
    assert agreement.errors.messages() == {"terms": "协议至少需要一条约定内容"}
    choose(agreement.fields.form, "书面协议")
    type_text(qtbot, agreement.fields.facts, "钱女士装修时损坏楼板导致刘大爷家漏水")
    type_text(qtbot, agreement.fields.terms.edits[0], "钱女士于2026年3月31日前修复漏水部位")
    click(qtbot, agreement.fields.terms.add_button)
    type_text(qtbot, agreement.fields.terms.edits[1], "钱女士赔偿刘大爷损失人民币2000元")
    type_text(qtbot, agreement.fields.method, "现金一次性支付")
    click(qtbot, agreement.ok_button)
    wait_idle()
    d = queries.case_detail(db, ref.id)
    assert d.agreement.form == "书面协议"
    assert d.agreement.terms == ("钱女士于2026年3月31日前修复漏水部位",
                                 "钱女士赔偿刘大爷损失人民币2000元")
    view.tabs.setCurrentIndex(TAB_AGREEMENT)
    text = view.agreement_tab.agreement_label.text()
    assert "<li>钱女士于2026年3月31日前修复漏水部位</li>" in text and "现金一次性支付" in text

    dialog = act(qtbot, view, "close", acts.CloseDialog)
    click(qtbot, dialog.outcome_buttons["调解成功"])
    assert dialog.ok_button.isEnabled() and "共2条" in dialog.agreement_note.text()
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert dialogs_without_modal_boxes["confirmed"] == [CONFIRM_CLOSE]
    d = queries.case_detail(db, ref.id, TODAY)
    assert (d.status, d.outcome) == ("closed", "调解成功")
    assert view.header.status_chip.text() == "已办结" and "调解成功" in view.header.outcome_label.text()

    # The follow-up falls due 30 days after closing: 2026-04-19, a Sunday, so the Monday after
    # (民法典 Art. 203, docs/domain.md §4).
    view.tabs.setCurrentIndex(TAB_FOLLOWUPS)
    assert table_rows(view.followups_stack.table) == [["2026-04-20", "未回访", ""]]
    dialog = act(qtbot, view, "follow_up", acts.FollowUpDialog)
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"result": "请填写回访结果"}
    type_text(qtbot, dialog.result, "漏水已修复，赔偿已付清，双方满意")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert table_rows(view.followups_stack.table) == [
        ["2026-04-20", "2026-03-20", "漏水已修复，赔偿已付清，双方满意"]]
    fu = queries.case_detail(db, ref.id).follow_ups[0]
    assert (fu.done_on, fu.result) == (TODAY, "漏水已修复，赔偿已付清，双方满意")

    # 协议履行.
    view.tabs.setCurrentIndex(TAB_AGREEMENT)
    assert "协议尚未履行" in plain(view.agreement_tab.performance_label)
    click(qtbot, view.agreement_tab.performance_button)
    dialog = view.active_dialog
    assert isinstance(dialog, acts.PerformanceDialog)
    click(qtbot, dialog.performed)
    assert dialog.performed.isChecked()
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert queries.case_detail(db, ref.id).performed
    assert "协议已履行" in plain(view.agreement_tab.performance_label)
    assert [r[2] for r in timeline(view)][:4] == ["履行情况", "回访", "办结", "记录协议"]
    assert [r[2] for r in timeline(view)].count("调解") == 2


def test_petition_diverted_to_mediation_opens_the_dispute_with_its_parties(
        qtbot, ctx, db, view, wait_idle):
    ref = services.register_petition(
        db, ctx.actor,
        services.CaseInput(summary="与邻居因宅基地界限发生争执", category="自然资源",
                           received_on=date(2026, 3, 3), street="江北街道"),
        [services.PartyInput(name="王德福", role="信访人", id_number="500102195507142462",
                             phone="13800001111"),
         services.PartyInput(name="王小明", role="代理人")])
    services.accept(db, ctx.actor, ref.id, on=date(2026, 3, 5))
    view.show_case(ref.id)
    wait_idle()
    shown = []
    view.open_case.connect(shown.append)

    dialog = act(qtbot, view, "close", acts.CloseDialog)
    click(qtbot, dialog.outcome_buttons["转人民调解"])
    assert dialog.errors.rows["dispute_category"].isVisible()
    choose(dialog.category, "房屋宅基地纠纷")
    click(qtbot, dialog.ok_button)
    wait_idle()

    petition = queries.case_detail(db, ref.id, TODAY)
    assert (petition.status, petition.outcome) == ("closed", "转人民调解")
    dispute_id = petition.derived_case_id
    assert shown == [dispute_id]
    # The view now shows the new dispute.
    assert view.case_id == dispute_id
    assert view.header.number_label.text() == "（2026）调字第0001号"
    assert view.header.kind_label.text() == "矛盾纠纷" and view.header.status_chip.text() == "待受理"
    assert "由信访件转入：" in plain(view.header.link_label) \
        and ref.number in plain(view.header.link_label)
    view.tabs.setCurrentIndex(TAB_PARTIES)
    rows = table_rows(view.parties_table)
    assert [(r[0], r[1]) for r in rows] == [("申请人", "王德福"), ("第三人", "王小明")]
    # Masked on screen (caseapp.services.privacy); the same person, full data, in the database.
    assert rows[0][3] == "500102********2462" and rows[0][4] == "138****1111"
    dispute = queries.case_detail(db, dispute_id)
    assert (dispute.parties[0].id_number, dispute.parties[0].phone) == (
        "500102195507142462", "13800001111")
    assert (dispute.source, dispute.category, dispute.origin_case_id) == (
        "信访转入", "房屋宅基地纠纷", ref.id)

    # Back to the petition through its link.
    href = re.search(r'href="([^"]+)"', view.header.link_label.text()).group(1)
    view.header.link_label.linkActivated.emit(href)
    wait_idle()
    assert view.case_id == ref.id
    assert "已转人民调解：（2026）调字第0001号" in plain(view.header.link_label)
