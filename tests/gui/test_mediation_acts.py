"""People's mediation's acts in the GUI: 司法确认 recorded through its button and dialog on a
dispute with a 书面协议 (the window shown on the case, a refusal beside its field, then the
court's result); the 风险等级 and a 预防成效 flag set at intake shown on the case view and found
by the list filter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.storage.models import JudicialConfirmation
from gui.keyboard import type_text
from ui.dialogs.acts import JudicialDialog, JudicialResultDialog
from ui.dialogs.intake import IntakeDialog
from ui.pages.case_list.page import CaseListPage
from ui.widgets import forms

COURT = "马鞍区人民法院"


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def timeline_actions(view):
    t = view.timeline_table
    return [t.item(r, 2).text() for r in range(t.rowCount())]


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes, monkeypatch):
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: True)
    yield no_message_boxes


@pytest.fixture
def written(ctx):
    """A dispute closed 调解成功 with a 书面协议 signed 2026-03-03 (window: 2026-04-02)."""
    db, actor = ctx.db, ctx.actor
    ref = services.register_dispute(db, actor, services.CaseInput(
        summary="邻居加建房屋遮挡采光", category="邻里纠纷", received_on=date(2026, 3, 1)),
        [services.PartyInput(name="陈明", role="申请人")])
    services.accept(db, actor, ref.id, on=date(2026, 3, 2))
    services.record_agreement(db, actor, ref.id, "书面协议", date(2026, 3, 3), ["拆除遮挡部分"])
    services.close(db, actor, ref.id, wf.MEDIATED, on=date(2026, 3, 4))
    return ref.id


def test_judicial_confirmation_through_its_button_and_dialog(qtbot, view, written, ctx,
                                                             wait_idle):
    view.show_case(written)
    wait_idle()
    # The window is on the case (today is 2026-03-20 in these tests).
    assert "司法确认申请期限：2026-04-02（剩13天）" in view.header.risk_label.text()
    assert "申请期限至2026-04-02" in view.agreement_tab.performance_label.text()
    apply_button = view.act_bar.petition_buttons["judicial"]
    result_button = view.act_bar.petition_buttons["judicial_result"]
    assert apply_button.isVisible() and not result_button.isVisible()

    click(qtbot, apply_button)
    dialog = view.active_dialog
    assert isinstance(dialog, JudicialDialog)
    notes = [w.text() for w in dialog.errors.rows["judicial_applied_on"].findChildren(QLabel)]
    assert any("2026-04-02前" in n for n in notes), notes
    click(qtbot, dialog.ok_button)  # no court: refused beside the field
    assert "人民法院" in dialog.errors.messages()["judicial_court"]
    type_text(qtbot, dialog.court, COURT)
    dialog.applied_on.clear()
    type_text(qtbot, dialog.applied_on, "2026-03-18")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        click(qtbot, dialog.ok_button)
    wait_idle()
    with ctx.db.read() as session:
        row = session.scalar(select(JudicialConfirmation))
        assert (row.case_id, row.applied_on, row.court) == (written, date(2026, 3, 18), COURT)
    assert f"2026-03-18向{COURT}申请，待法院结果" in view.agreement_tab.performance_label.text()
    assert "申请司法确认" in timeline_actions(view)
    assert not apply_button.isVisible() and result_button.isVisible()

    click(qtbot, result_button)
    dialog = view.active_dialog
    assert isinstance(dialog, JudicialResultDialog)
    choose(dialog.result, "确认有效")
    dialog.result_on.clear()
    type_text(qtbot, dialog.result_on, "2026-03-19")
    with qtbot.waitSignal(dialog.succeeded, timeout=5000):
        click(qtbot, dialog.ok_button)
    wait_idle()
    assert "确认有效（2026-03-19）" in view.agreement_tab.performance_label.text()
    assert queries.case_detail(ctx.db, written).mediation.judicial_state == "确认有效"
    assert not result_button.isVisible()


def test_risk_and_prevention_at_intake_on_the_view_and_in_the_list_filter(
        qtbot, view, ctx, wait_idle):
    other = services.register_dispute(ctx.db, ctx.actor, services.CaseInput(
        summary="楼上漏水", category="邻里纠纷", received_on=date(2026, 3, 1)),
        [services.PartyInput(name="李建国", role="申请人")]).id
    dialog = IntakeDialog(ctx, "dispute")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    form = dialog.case_form
    assert form.risk_grade.currentText() == "一般"
    type_text(qtbot, form.summary, "征地补偿款分配争议")
    choose(form.category, "征地拆迁纠纷")
    choose(form.risk_grade, "重大")
    click(qtbot, form.prevention["防止群体性上访"])
    type_text(qtbot, dialog.party_box.p_name, "王大军")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog.save_button)
    wait_idle()
    found = queries.case_ids(ctx.db, queries.CaseFilter(kind="dispute", text="征地补偿款"))
    assert len(found) == 1
    cid = found[0]

    view.show_case(cid)
    wait_idle()
    risk = view.header.risk_label.text()
    assert view.header.risk_label.isVisible()
    assert "风险等级" in risk and "重大" in risk and "预防成效：防止群体性上访" in risk

    page = CaseListPage(ctx, "dispute")
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(page.model.is_loaded)
    wait_idle()
    assert set(page.model.ids()) == {cid, other}
    choose(page.filters.risk_combo, "重大")
    qtbot.waitUntil(lambda: page.model.is_loaded() and page.model.ids() == [cid])
    choose(page.filters.risk_combo, "全部")
    choose(page.filters.prevention_combo, "防止群体性上访")
    qtbot.waitUntil(lambda: page.model.is_loaded() and page.model.ids() == [cid])
    choose(page.filters.prevention_combo, "防止群体性械斗")
    qtbot.waitUntil(lambda: page.model.is_loaded() and page.model.ids() == [])
    assert page.count_label.text() == "共 0 件"


def test_the_workbench_card_lists_the_window_about_to_close(qtbot, ctx, wait_idle):
    from ui.pages.workbench_judicial import JudicialCard

    db, actor = ctx.db, ctx.actor
    ref = services.register_dispute(db, actor, services.CaseInput(
        summary="相邻通行纠纷", category="邻里纠纷", received_on=date(2026, 2, 18)),
        [services.PartyInput(name="赵立", role="申请人")])
    services.accept(db, actor, ref.id, on=date(2026, 2, 19))
    # Signed 20 February: day 30 is Sunday 22 March, so the window ends Monday 23 March.
    services.record_agreement(db, actor, ref.id, "书面协议", date(2026, 2, 20), ["让出通道"])
    services.close(db, actor, ref.id, wf.MEDIATED, on=date(2026, 2, 21))
    card = JudicialCard(ctx)
    qtbot.addWidget(card)
    card.show()
    wait_idle()
    assert card.isVisible() and card.count.text() == "1"
    item = card.tree.topLevelItem(0)
    assert [item.text(c) for c in range(4)] == [
        queries.case_detail(db, ref.id).number, "赵立", "2026-03-23", "剩3天"]
    with qtbot.waitSignal(card.open_case) as opened:
        card.tree.itemActivated.emit(item, 0)
    assert opened.args == [ref.id]
    # Applied for: it stays, awaiting the court; decided: the card goes.
    services.apply_judicial(db, actor, ref.id, date(2026, 3, 19), COURT)
    ctx.data_changed.emit((ref.id,))
    wait_idle()
    assert card.tree.topLevelItem(0).text(3) == "2026-03-19已申请，待法院结果"
    services.record_judicial_result(db, actor, ref.id, "确认有效", date(2026, 3, 20))
    ctx.data_changed.emit((ref.id,))
    wait_idle()
    assert not card.isVisible() and card.tree.topLevelItemCount() == 0
