"""The case view's 当事人 tab: adding a 被申请人 after registration (and seeing them on the printed
人民调解协议书), correcting a person other cases name too (asked first), removing with a reason
(never the last 申请人), buttons greyed with the reason; intake refuses a half-filled row."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.services import accounts
from gui.keyboard import type_text
from ui.dialogs import acts
from ui.dialogs.acts import party as party_dialogs
from ui.dialogs.intake import IntakeDialog
from ui.pages.case_view import TAB_PARTIES
from ui.widgets import forms

PASSWORD = "Passw0rd-2026"


def click(qtbot, widget):
    if isinstance(widget, QCheckBox):  # on its box, at the left of a wide row
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
        return
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def rows(table, columns=5):
    return [[table.item(r, c).text() for c in range(columns)] for r in range(table.rowCount())]


def flat(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(autouse=True)
def boxes(monkeypatch):
    """Questions are answered yes and recorded; any other message box fails the test."""
    state: dict = {"asked": [], "shown": []}
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: state["asked"].append(text) or True)
    monkeypatch.setattr(party_dialogs, "ask_shared",
                        lambda parent, text: state["asked"].append(text) or state["answer"])
    state["answer"] = True
    monkeypatch.setattr(forms, "report_error", lambda parent, exc: state["shown"].append(exc))
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(
            lambda *a, _n=name, **k: state["shown"].append((_n, a))
            or QMessageBox.StandardButton.No))
    yield state
    assert state["shown"] == [], f"unexpected message box: {state['shown']}"


def dispute(ctx, *parties, accepted=True):
    ref = services.register_dispute(
        ctx.db, ctx.actor,
        services.CaseInput(summary="邻居加建雨棚遮挡采光", category="邻里纠纷",
                           received_on=date(2026, 3, 2), street="马鞍街道", source="当事人申请"),
        list(parties) or [services.PartyInput(name="高明花", role="申请人", phone="13800001111")])
    if accepted:
        services.accept(ctx.db, ctx.actor, ref.id, on=date(2026, 3, 3))
    return ref


def open_tab(view, case_id, wait_idle):
    view.show_case(case_id)
    wait_idle()
    view.tabs.setCurrentIndex(TAB_PARTIES)
    return view.parties_tab


def select(qtbot, tab, row):
    table = tab.table
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected_party() is tab.detail.parties[row]


def test_add_a_respondent_and_print_them_on_the_agreement(qtbot, view, ctx, db, wait_idle):
    ref = dispute(ctx)
    tab = open_tab(view, ref.id, wait_idle)
    assert rows(tab.table) == [["申请人", "高明花", "", "", "138****1111"]]
    assert tab.add_button.isEnabled() and not tab.edit_button.isEnabled()
    assert tab.edit_button.toolTip() == "请先在下表中选择一位当事人"
    click(qtbot, tab.add_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, acts.PartyDialog) and dialog.windowTitle() == "添加当事人"
    assert dialog.width() <= 1366 and dialog.height() <= 768
    # Saving without a name is refused beside the field.
    choose(dialog.role, "被申请人")
    type_text(qtbot, dialog.phone, "13900001111")
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"name": "姓名或名称必须填写"}
    type_text(qtbot, dialog.name, "林花平")
    type_text(qtbot, dialog.id_number, "500102195507142462")
    assert dialog.gender.currentText() == "女"  # read from the ID number
    type_text(qtbot, dialog.address, "马鞍街道某小区3栋")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert tab.active_dialog is None
    # The view reloaded after the act: the new party masked as every party is.
    assert rows(tab.table) == [["申请人", "高明花", "", "", "138****1111"],
                               ["被申请人", "林花平", "女", "500102********2462", "139****1111"]]
    timeline = view.timeline_table
    newest = [timeline.item(0, c).text() for c in range(timeline.columnCount())]
    assert newest[2] == "添加当事人" and "林花平" in "".join(newest), newest
    d = queries.case_detail(db, ref.id)
    assert [(p.role, p.name, p.id_number) for p in d.parties] == [
        ("申请人", "高明花", None), ("被申请人", "林花平", "500102195507142462")]

    # The agreement, recorded through its dialog, then printed: both parties on it.
    click(qtbot, view.act_bar.act_buttons["record_agreement"])
    agreement = view.active_dialog
    assert isinstance(agreement, acts.AgreementDialog)
    choose(agreement.fields.form, "书面协议")
    type_text(qtbot, agreement.fields.facts, "被申请人加建雨棚遮挡申请人房屋采光")
    type_text(qtbot, agreement.fields.terms.edits[0], "被申请人于2026年3月31日前拆除雨棚")
    click(qtbot, agreement.ok_button)
    wait_idle()
    action = view.print_button.print_actions["agreement"]
    assert action.isEnabled()
    action.trigger()
    wait_idle()
    preview = view.print_button.preview_dialog
    assert preview is not None
    text = flat(preview.preview.path)
    assert "申请人：高明花" in text
    assert "被申请人：林花平，女" in text and "被申请人于2026年3月31日前拆除雨棚" in text
    assert "500102195507142462" not in text  # masked on the printout, as for a clerk's print
    preview.close()


def test_correcting_a_shared_person_names_the_other_cases_and_asks(qtbot, view, ctx, db,
                                                                   wait_idle, boxes):
    chen = services.PartyInput(name="陈明", role="申请人", id_number="500234199612106978",
                               phone="13912345678")
    first = dispute(ctx, chen)
    second = dispute(ctx, chen, accepted=False)
    tab = open_tab(view, first.id, wait_idle)
    select(qtbot, tab, 0)
    assert tab.edit_button.isEnabled()
    assert tab.remove_button.toolTip() == "陈明是本案唯一的申请人，不能移除"
    assert not tab.remove_button.isEnabled()
    click(qtbot, tab.edit_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, acts.PartyDialog) and dialog.windowTitle() == "修改当事人"
    wait_idle()  # the other cases are looked up before 保存 is offered
    assert dialog.ok_button.isEnabled()
    assert second.number in dialog.others_label.text() and dialog.others_label.isVisible()
    # The numbers stand masked, as the tab shows them; only the phone is retyped.
    assert (dialog.id_number.text(), dialog.phone.text()) == ("500234********6978", "139****5678")
    dialog.phone.clear()
    type_text(qtbot, dialog.phone, "13900002222")
    # Declined: nothing changes and the dialog stays open.
    boxes["answer"] = False
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert len(boxes["asked"]) == 1 and second.number in boxes["asked"][0]
    assert tab.active_dialog is dialog
    assert queries.case_detail(db, second.id).parties[0].phone == "13912345678"
    boxes["answer"] = True
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert tab.active_dialog is None
    for case in (first, second):
        p = queries.case_detail(db, case.id).parties[0]
        assert (p.id_number, p.phone) == ("500234199612106978", "13900002222")
    assert rows(tab.table)[0][4] == "139****2222"
    # A change of the role alone touches no other case: not asked.
    select(qtbot, tab, 0)
    click(qtbot, tab.add_button)
    add = tab.active_dialog
    type_text(qtbot, add.name, "李四")
    click(qtbot, add.ok_button)
    wait_idle()
    select(qtbot, tab, 0)
    click(qtbot, tab.edit_button)
    dialog = tab.active_dialog
    wait_idle()
    choose(dialog.role, "第三人")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert len(boxes["asked"]) == 2  # the declined and the accepted correction only
    assert [p.role for p in queries.case_detail(db, first.id).parties] == ["第三人", "申请人"]


def test_remove_asks_for_a_reason(qtbot, view, ctx, db, wait_idle):
    ref = dispute(ctx, services.PartyInput(name="高明花", role="申请人"),
                  services.PartyInput(name="林华平", role="被申请人"))
    tab = open_tab(view, ref.id, wait_idle)
    select(qtbot, tab, 1)
    assert tab.remove_button.isEnabled()
    click(qtbot, tab.remove_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, acts.RemovePartyDialog)
    assert [b.text() for b in dialog.buttons.buttons()] == ["移除", "取消"]
    assert not dialog.ok_button.isDefault()  # Enter never removes
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("将从本案移除被申请人「林华平」" in t for t in labels), labels
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"reason": "请写明移除的理由"}
    type_text(qtbot, dialog.reason, "姓名登记错误，应为林花平")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert rows(tab.table) == [["申请人", "高明花", "", "", ""]]
    assert [p.name for p in queries.case_detail(db, ref.id).parties] == ["高明花"]
    event = queries.case_detail(db, ref.id).events[-1]
    assert event.action_label == "移除当事人" and event.note == "被申请人 林华平：姓名登记错误，应为林花平"


def test_buttons_greyed_on_a_closed_case_and_for_a_viewer(qtbot, view, ctx, db, wait_idle):
    ref = dispute(ctx)
    services.record_agreement(db, ctx.actor, ref.id, "口头协议", date(2026, 3, 4), ["赔偿500元"])
    services.close(db, ctx.actor, ref.id, wf.MEDIATED, on=date(2026, 3, 5))
    tab = open_tab(view, ref.id, wait_idle)
    select(qtbot, tab, 0)
    for button in (tab.add_button, tab.edit_button, tab.remove_button):
        assert not button.isEnabled() and button.isVisible()
    assert tab.add_button.toolTip() == "已办结的案件不能添加当事人；如需更正，请先重新打开"
    assert tab.edit_button.toolTip() == "已办结的案件不能修改当事人；如需更正，请先重新打开"
    click(qtbot, tab.add_button)
    assert tab.active_dialog is None

    open_case = dispute(ctx, accepted=False)
    admin = accounts.setup_admin(db, "boss", "周主任", PASSWORD)  # the local user goes
    viewer = accounts.add_user(db, admin, "look", "赵查看", wf.VIEWER, PASSWORD)
    ctx.set_user(viewer)
    tab = open_tab(view, open_case.id, wait_idle)
    assert not tab.add_button.isEnabled()
    assert tab.add_button.toolTip() == "您的账户无权添加当事人"


# -- intake: a half-filled party row is refused, never dropped ------------------------------


def test_intake_refuses_a_half_filled_respondent_row(qtbot, ctx, db, wait_idle):
    dialog = IntakeDialog(ctx, "dispute")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    box = dialog.party_box
    type_text(qtbot, dialog.case_form.summary, "邻居装修噪音")
    choose(dialog.case_form.category, "邻里纠纷")
    type_text(qtbot, box.p_name, "刘大爷")
    box.party_table.selectRow(1)
    assert box.p_role.currentText() == "被申请人"
    # Only an organisation's legal representative typed, no name.
    click(qtbot, box.p_org)
    type_text(qtbot, box.p_legal_rep, "赵经理")
    click(qtbot, dialog.save_button)
    wait_idle()
    with db.read() as session:
        from caseapp.storage.models import Case
        assert session.query(Case).count() == 0
    assert {i.row() for i in box.party_table.selectedIndexes()} == {1}  # the bad row shown
    assert box.party_errors.messages().get("name") == "姓名或名称必须填写"
    assert box.party_table.item(1, 1).text() == "（未填写）（单位）"
    # Emptied again, the row is left out and the dispute saves with its applicant.
    box.p_legal_rep.clear()
    click(qtbot, box.p_org)
    assert box.parties[1].is_blank()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        click(qtbot, dialog.save_button)
    wait_idle()
    d = queries.case_detail(db, blocker.args[0])
    assert [(p.role, p.name) for p in d.parties] == [("申请人", "刘大爷")]


def test_intake_refuses_a_row_with_only_a_phone(qtbot, ctx, db, wait_idle):
    dialog = IntakeDialog(ctx, "dispute")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    box = dialog.party_box
    type_text(qtbot, dialog.case_form.summary, "邻居装修噪音")
    choose(dialog.case_form.category, "邻里纠纷")
    type_text(qtbot, box.p_name, "刘大爷")
    click(qtbot, box.add_party_button)  # a third row: 第三人
    assert box.p_role.currentText() == "第三人"
    type_text(qtbot, box.p_phone, "13900001111")
    click(qtbot, dialog.save_button)
    wait_idle()
    with db.read() as session:
        from caseapp.storage.models import Case
        assert session.query(Case).count() == 0
    assert box.party_errors.messages().get("name") == "姓名或名称必须填写"
    assert box.party_table.item(2, 1).text() == "（未填写）"
