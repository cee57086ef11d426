"""The case view: header, act buttons that follow the workflow, editing in 基本信息 (with a
stale edit), rejecting, attachments."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from caseapp import queries, services
from gui.keyboard import type_text
from ui.pages.case_view import TAB_AGREEMENT, TAB_SESSIONS, CaseView
from ui.pages.case_view import attachments as attachments_module
from ui.widgets import forms

TODAY = date(2026, 3, 20)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def timeline(view):
    t = view.timeline_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes):
    yield no_message_boxes


@pytest.fixture
def petition(ctx):
    return services.register_petition(
        ctx.db, ctx.actor,
        services.CaseInput(summary="要求支付拖欠工资", category="劳动社保",
                           received_on=date(2026, 3, 2), street="马鞍街道", source="来访"),
        [services.PartyInput(name="张秀英", role="信访人", id_number="500102195507142462",
                             phone="13800001111", address="马鞍街道某小区")])


@pytest.fixture
def view(qtbot, ctx, wait_idle):
    widget = CaseView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget


def show(view, case_id, wait_idle):
    view.show_case(case_id)
    wait_idle()


def test_header_and_acts_follow_the_workflow(view, petition, wait_idle):
    show(view, petition.id, wait_idle)
    assert view.header.number_label.text() == "（2026）信字第0001号"
    assert view.header.status_chip.text() == "待受理"
    assert "结果：—" in view.header.outcome_label.text()
    # Received 2026-03-02: the decision on acceptance is due 2026-03-17, three days ago.
    assert "2026-03-17 超期3天" in view.header.deadline_label.text()
    assert "#cf222e" in view.header.deadline_label.text()
    enabled = {a for a, b in view.act_bar.act_buttons.items() if b.isVisible() and b.isEnabled()}
    assert enabled == {"accept", "reject", "assign", "attach"}
    visible = {a for a, b in view.act_bar.act_buttons.items() if b.isVisible()}
    assert "record_session" not in visible and "follow_up" not in visible
    close = view.act_bar.act_buttons["close"]
    assert not close.isEnabled() and close.toolTip() == "请先受理"
    assert "不能延期" in view.act_bar.act_buttons["extend"].toolTip()
    # Petitions have no mediation tabs; the parties tab masks the ID number and phone
    # until 显示 is clicked (a logged reveal, caseapp.services.privacy).
    assert not view.tabs.isTabVisible(TAB_SESSIONS)
    assert not view.tabs.isTabVisible(TAB_AGREEMENT)
    t = view.parties_table
    assert [t.item(0, c).text() for c in range(6)] == [
        "信访人", "张秀英", "女", "500102********2462", "138****1111", "马鞍街道某小区"]
    assert timeline(view)[0][2] == "登记"
    view.tabs.setCurrentIndex(1)
    t.cellWidget(0, 6).click()
    wait_idle()
    assert [t.item(0, c).text() for c in (3, 4)] == ["500102195507142462", "13800001111"]
    assert t.cellWidget(0, 6) is None


def test_back_button_and_escape(qtbot, view, petition, wait_idle):
    show(view, petition.id, wait_idle)
    with qtbot.waitSignal(view.back, timeout=1000):
        click(qtbot, view.back_button)
    view.timeline_table.setFocus()
    with qtbot.waitSignal(view.back, timeout=1000):
        qtbot.keyClick(view.timeline_table, Qt.Key.Key_Escape)


def test_reject_needs_a_reason_and_asks_first(qtbot, view, petition, ctx, db, wait_idle,
                                              monkeypatch):
    asked = []
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    show(view, petition.id, wait_idle)
    click(qtbot, view.act_bar.act_buttons["reject"])
    dialog = view.active_dialog
    assert dialog is not None and dialog.windowTitle() == "不予受理"
    click(qtbot, dialog.ok_button)  # no reason typed
    wait_idle()
    assert dialog.errors.messages() == {"reason": "请写明不予受理的理由"}
    assert dialog.reason.property("invalid") is True
    assert asked == []  # nothing asked, nothing done
    assert queries.case_detail(db, petition.id).status == "registered"

    type_text(qtbot, dialog.reason, "不属于本机关职责范围，已告知向区人社局反映")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert asked == ["不予受理后本件即告终结，不能再受理或办结。确定不予受理吗？"]
    assert view.active_dialog is None  # closed (and deleted)
    d = queries.case_detail(db, petition.id)
    assert (d.status, d.outcome, d.closed_on) == ("rejected", "不予受理", TODAY)
    assert d.reject_reason == "不属于本机关职责范围，已告知向区人社局反映"
    assert view.header.status_chip.text() == "不予受理"
    assert "不予受理" in view.header.outcome_label.text()
    # A rejected petition was never handled: no deadline to report, and not "已办结".
    assert ">—<" in view.header.deadline_label.text()
    assert "已办结" not in view.header.deadline_label.text()
    row = timeline(view)[0]
    assert row[2] == "不予受理" and "状态：待受理 → 不予受理" in row[3]
    assert row[4] == "不属于本机关职责范围，已告知向区人社局反映"
    enabled = {a for a, b in view.act_bar.act_buttons.items() if b.isVisible() and b.isEnabled()}
    assert enabled == {"mark_entered", "attach"}
    assert "不能受理" in view.act_bar.act_buttons["accept"].toolTip()


def test_declining_the_confirmation_changes_nothing(qtbot, view, petition, db, wait_idle,
                                                    monkeypatch):
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: False)
    show(view, petition.id, wait_idle)
    click(qtbot, view.act_bar.act_buttons["reject"])
    dialog = view.active_dialog
    type_text(qtbot, dialog.reason, "重复")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert dialog.isVisible()
    assert queries.case_detail(db, petition.id).status == "registered"


def test_edit_creates_an_edited_event_with_old_and_new(qtbot, view, petition, db, wait_idle):
    show(view, petition.id, wait_idle)
    assert not view.basic.save_button.isEnabled()
    view.basic.e_summary.selectAll()
    type_text(qtbot, view.basic.e_summary, "要求支付拖欠的三个月工资")
    view.basic.e_people_count.clear()
    type_text(qtbot, view.basic.e_people_count, "3")
    assert view.basic.save_button.isEnabled() and view.basic.dirty_label.text() == "有未保存的修改"
    assert view.basic.changed_values() == {"summary": "要求支付拖欠的三个月工资", "people_count": "3"}
    click(qtbot, view.basic.save_button)
    wait_idle()
    d = queries.case_detail(db, petition.id)
    assert d.summary == "要求支付拖欠的三个月工资" and d.people_count == 3
    row = timeline(view)[0]
    assert row[2] == "编辑"
    assert row[3].splitlines() == ["事项摘要：要求支付拖欠工资 → 要求支付拖欠的三个月工资",
                                   "涉及人数：— → 3"]
    assert not view.basic.save_button.isEnabled()
    assert view.basic.e_summary.text() == "要求支付拖欠的三个月工资"


def test_edit_with_bad_values_is_shown_beside_the_field(qtbot, view, petition, db, wait_idle):
    show(view, petition.id, wait_idle)
    type_text(qtbot, view.basic.e_amount, "abc")
    view.basic.e_summary.clear()
    click(qtbot, view.basic.save_button)
    wait_idle()
    assert view.basic.edit_errors.messages() == {"summary": "事项摘要必须填写"}
    type_text(qtbot, view.basic.e_summary, "要求支付拖欠工资")
    click(qtbot, view.basic.save_button)
    wait_idle()
    assert "不是金额" in view.basic.edit_errors.messages()["amount"]
    assert view.basic.e_amount.property("invalid") is True
    assert queries.case_detail(db, petition.id).amount is None
    assert len(queries.case_detail(db, petition.id).events) == 1


def test_a_stale_edit_is_refused_with_a_message(qtbot, view, petition, ctx, db, wait_idle,
                                                monkeypatch):
    asked = []
    monkeypatch.setattr(forms, "confirm", lambda _parent, text: asked.append(text) or False)
    show(view, petition.id, wait_idle)
    # Someone else changes the case after it was opened here (no signal reaches this view).
    services.edit(db, ctx.actor, petition.id, {"community": "石佛村"})
    view.basic.e_summary.selectAll()
    type_text(qtbot, view.basic.e_summary, "我的修改")
    click(qtbot, view.basic.save_button)
    wait_idle()
    message = view.basic.edit_general.text()
    assert "已被他人修改" in message and not view.basic.edit_general.isHidden()
    assert len(asked) == 1 and "覆盖" in asked[0]  # asked first; the clerk said no
    d = queries.case_detail(db, petition.id)
    assert d.summary == "要求支付拖欠工资" and d.community == "石佛村"
    # 放弃修改 loads the latest version; then the edit goes through.
    click(qtbot, view.basic.reload_button)
    wait_idle()
    assert view.basic.e_community.text() == "石佛村" and view.basic.edit_general.isHidden()
    view.basic.e_summary.selectAll()
    type_text(qtbot, view.basic.e_summary, "我的修改")
    click(qtbot, view.basic.save_button)
    wait_idle()
    assert queries.case_detail(db, petition.id).summary == "我的修改"


def test_a_stale_edit_may_overwrite_after_asking(qtbot, view, petition, ctx, db, wait_idle,
                                                 monkeypatch):
    monkeypatch.setattr(forms, "confirm", lambda _parent, _text: True)
    show(view, petition.id, wait_idle)
    services.edit(db, ctx.actor, petition.id, {"community": "石佛村"})
    view.basic.e_summary.selectAll()
    type_text(qtbot, view.basic.e_summary, "我的修改")
    click(qtbot, view.basic.save_button)
    wait_idle()
    d = queries.case_detail(db, petition.id)
    # Only the field changed here is overwritten; the other person's change stays.
    assert d.summary == "我的修改" and d.community == "石佛村"


def test_view_reloads_when_the_case_changes_elsewhere(view, petition, ctx, db, wait_idle):
    show(view, petition.id, wait_idle)
    services.accept(db, ctx.actor, petition.id, on=date(2026, 3, 5), handler="周志强")
    ctx.notify_changed((petition.id,))
    wait_idle()
    assert view.header.status_chip.text() == "办理中"
    assert "周志强" in view.header.handler_label.text()
    ctx.notify_changed((petition.id + 100,))  # another case: no reload
    assert not ctx.runner.busy


def test_attachments_add_and_open(qtbot, view, petition, ctx, db, wait_idle, monkeypatch,
                                  tmp_path):
    scan = tmp_path / "来信扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 letter")
    monkeypatch.setattr(attachments_module, "pick_file", lambda parent: str(scan))
    opened = []
    monkeypatch.setattr(attachments_module, "open_file", lambda path: opened.append(path) or True)
    show(view, petition.id, wait_idle)
    view.tabs.setCurrentIndex(6)
    assert view.files_tab.files_stack.currentIndex() == 1  # the empty state
    click(qtbot, view.files_tab.add_file_button)
    wait_idle()
    assert view.files_tab.files_table.rowCount() == 1
    assert view.files_tab.files_table.item(0, 0).text() == "来信扫描件.pdf"
    assert timeline(view)[0][2] == "添加附件"
    view.files_tab.files_table.selectRow(0)
    click(qtbot, view.files_tab.open_file_button)
    assert len(opened) == 1 and opened[0].read_bytes() == b"%PDF-1.4 letter"
    assert len(queries.case_detail(db, petition.id).attachments) == 1


def test_mark_entered_and_assign(qtbot, view, petition, ctx, db, wait_idle):
    services.accept(db, ctx.actor, petition.id, on=date(2026, 3, 5))
    show(view, petition.id, wait_idle)
    click(qtbot, view.act_bar.act_buttons["mark_entered"])
    wait_idle()
    assert queries.case_detail(db, petition.id).entered
    assert not view.act_bar.act_buttons["mark_entered"].isEnabled()
    click(qtbot, view.act_bar.act_buttons["assign"])
    dialog = view.active_dialog
    dialog.handler.setEditText("")
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"handler": "请填写承办人"}
    type_text(qtbot, dialog.handler, "周志强")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert queries.case_detail(db, petition.id).handler == "周志强"
    assert timeline(view)[0][2] == "分派"


def test_delete_from_the_more_menu(qtbot, view, petition, db, wait_idle, monkeypatch):
    asked = []
    monkeypatch.setattr(forms, "confirm_destructive",
                        lambda parent, text, action: asked.append(action) or len(asked) > 1)
    show(view, petition.id, wait_idle)
    assert view.act_bar.delete_action.isEnabled()
    view.act_bar.delete_action.trigger()
    dialog = view.active_dialog
    # Red and not the default button: Enter in the dialog never deletes.
    assert dialog.ok_button.property("destructive") and not dialog.ok_button.property("primary")
    assert not dialog.ok_button.isDefault()
    type_text(qtbot, dialog.reason, "重复登记")
    click(qtbot, dialog.ok_button)  # asked, and 取消 answered: nothing happens
    wait_idle()
    assert asked == ["删除"] and queries.count(db, queries.CaseFilter()) == 1
    with qtbot.waitSignal(view.back, timeout=5000):
        click(qtbot, dialog.ok_button)
    wait_idle()
    assert queries.count(db, queries.CaseFilter()) == 0


def test_the_delete_question_names_the_act_and_defaults_to_cancel(qtbot):
    box = forms.destructive_box(None, "确定删除吗？", "删除")
    qtbot.addWidget(box)
    texts = {b.text(): b for b in box.buttons()}
    assert set(texts) == {"删除", "取消"}
    assert box.defaultButton() is texts["取消"] and box.escapeButton() is texts["取消"]
    assert texts["删除"].property("destructive")


def test_diversion_suggests_the_dispute_type_from_the_petition_category(
        qtbot, ctx, view, petition, wait_idle):
    from dataclasses import replace

    from ui.dialogs import acts
    from ui.pages.settings.diversion_tab import DiversionTab

    services.accept(ctx.db, ctx.actor, petition.id, on=date(2026, 3, 5))

    def close_dialog():
        show(view, petition.id, wait_idle)
        click(qtbot, view.act_bar.act_buttons["close"])
        dialog = view.active_dialog
        assert isinstance(dialog, acts.CloseDialog)
        wait_idle()
        click(qtbot, dialog.outcome_buttons["转人民调解"])
        return dialog

    # A 劳动社保 wage petition: 劳动争议纠纷, not the list's first entry (婚姻家庭纠纷).
    dialog = close_dialog()
    assert dialog.category.currentText() == "劳动争议纠纷"
    dialog.reject()

    # The office changes the mapping in 设置: the suggestion follows.
    tab = DiversionTab()
    qtbot.addWidget(tab)
    tab.fill(ctx.db.settings())
    tab.combos["劳动社保"].setCurrentText("合同纠纷")
    services.save_settings(ctx.db, ctx.actor, tab.apply(ctx.db.settings()))
    assert ctx.db.settings().diversion_types["劳动社保"] == "合同纠纷"
    dialog = close_dialog()
    assert dialog.category.currentText() == "合同纠纷"
    # A suggestion replaces a suggestion, never the clerk's own choice.
    dialog.suggest_category("物业纠纷")
    assert dialog.category.currentText() == "物业纠纷"
    dialog.category.setCurrentIndex(dialog.category.findText("邻里纠纷"))
    dialog.suggest_category("劳动争议纠纷")
    assert dialog.category.currentText() == "邻里纠纷"
    dialog.reject()
    # A category the mapping does not list suggests 其他纠纷.
    services.save_settings(ctx.db, ctx.actor, replace(ctx.db.settings(), diversion_types={}))
    assert close_dialog().category.currentText() == "其他纠纷"


def test_the_last_saved_edit_can_be_taken_back(qtbot, view, petition, ctx, db, wait_idle):
    show(view, petition.id, wait_idle)
    basic = view.basic
    assert basic.undo_button.isHidden()
    basic.e_community.selectAll()
    type_text(qtbot, basic.e_community, "石佛村")
    click(qtbot, basic.save_button)
    wait_idle()
    assert queries.case_detail(db, petition.id).community == "石佛村"
    qtbot.waitUntil(lambda: basic.undo_button.isVisible())
    click(qtbot, basic.undo_button)
    wait_idle()
    d = queries.case_detail(db, petition.id)
    assert d.community is None and basic.e_community.text() == ""
    assert basic.dirty_label.text() == "已撤销" and basic.undo_button.isHidden()
    # Both edits stay in the trail: the undo is a new edit, nothing is erased.
    assert [row[2] for row in timeline(view)[:2]] == ["编辑", "编辑"]


def test_an_undo_after_someone_else_changed_the_case_is_refused(
        qtbot, view, petition, ctx, db, wait_idle):
    show(view, petition.id, wait_idle)
    basic = view.basic
    basic.e_community.selectAll()
    type_text(qtbot, basic.e_community, "石佛村")
    click(qtbot, basic.save_button)
    wait_idle()
    qtbot.waitUntil(lambda: basic.undo_button.isVisible())
    services.edit(db, ctx.actor, petition.id, {"summary": "别人的修改"})  # no signal here
    click(qtbot, basic.undo_button)
    wait_idle()
    assert "无法撤销" in basic.edit_general.text() and "已被他人修改" in basic.edit_general.text()
    assert queries.case_detail(db, petition.id).community == "石佛村"


def test_diversion_carries_all_three_parties_into_the_dispute(qtbot, ctx, view, db, wait_idle,
                                                              monkeypatch):
    from ui.dialogs import acts

    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: True)
    ref = services.register_petition(
        db, ctx.actor,
        services.CaseInput(summary="反映邻居违建影响采光", category="城乡建设",
                           received_on=date(2026, 3, 2), petition_type="建议意见类"),
        [services.PartyInput(name="刘淑芬", role="信访人", phone="13800002222"),
         services.PartyInput(name="赵国强", role="被反映人"),
         services.PartyInput(name="刘明", role="代理人")])
    services.accept(db, ctx.actor, ref.id, on=date(2026, 3, 5))
    show(view, ref.id, wait_idle)
    click(qtbot, view.act_bar.act_buttons["close"])
    dialog = view.active_dialog
    assert isinstance(dialog, acts.CloseDialog)
    wait_idle()
    click(qtbot, dialog.outcome_buttons["转人民调解"])
    with qtbot.waitSignal(dialog.succeeded, timeout=10000) as done:
        click(qtbot, dialog.ok_button)
    wait_idle()
    dispute = queries.case_detail(db, done.args[0].id)
    assert dispute.kind == "dispute" and dispute.source == "信访转入"
    assert sorted((p.role, p.name) for p in dispute.parties) == [
        ("申请人", "刘淑芬"), ("第三人", "刘明"), ("被申请人", "赵国强")]
