"""The petition acts in the case view: a petition 登记 → 受理 → 督办 → 延期 → 督办回复 → 答复 →
复查 through the buttons and dialogs, and a timeline that reads like the file a supervisor wants;
the workbench's queue of late 督办 replies."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from caseapp import queries, services
from gui.keyboard import type_text
from ui.dialogs import acts
from ui.pages.case_view import TAB_PETITION
from ui.pages.workbench_supervision import SupervisionCard
from ui.widgets import forms

TODAY = date(2026, 3, 20)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def timeline(view):
    t = view.timeline_table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def shown(view):
    bar = view.act_bar
    return {a for a, b in bar.petition_buttons.items() if b.isVisible()}


@pytest.fixture
def confirmed(monkeypatch, no_message_boxes):
    asked: list[str] = []
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: asked.append(text) or True)
    return asked


def press(qtbot, view, name, expected_type, petition_act=True):
    buttons = view.act_bar.petition_buttons if petition_act else view.act_bar.act_buttons
    button = buttons[name]
    assert button.isVisible() and button.isEnabled(), (name, button.toolTip())
    click(qtbot, button)
    dialog = view.active_dialog
    assert isinstance(dialog, expected_type)
    return dialog


def test_a_petition_through_its_acts(qtbot, ctx, db, view, wait_idle, confirmed):
    ref = services.register_petition(
        db, ctx.actor,
        services.CaseInput(summary="要求补发拖欠工资", category="劳动社保",
                           received_on=date(2026, 3, 2), source="来访", petition_type="申诉求决类"),
        [services.PartyInput(name="张秀英", role="信访人")])
    view.show_case(ref.id)
    wait_idle()
    assert shown(view) == {"from_above", "supervise", "transfer"}

    # 受理
    dialog = press(qtbot, view, "accept", acts.AcceptDialog, petition_act=False)
    forms.set_combo_text(dialog.handler, "周志强")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert shown(view) == {"from_above", "supervise", "transfer", "reply"}

    # 督办: the 督办单位 is required.
    dialog = press(qtbot, view, "supervise", acts.SuperviseDialog)
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"by_whom": "请填写督办单位或督办人"}
    choose(dialog.level, "黄牌督办")
    type_text(qtbot, dialog.by_whom, "区信访局")
    type_text(qtbot, dialog.demand, "三日内约谈企业负责人")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert view.active_dialog is None
    assert "supervision_reply" in shown(view)

    # 延期 of a petition: reason, approver, approval date.
    dialog = press(qtbot, view, "extend", acts.PetitionExtendDialog, petition_act=False)
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"reason": "请写明延期的理由",
                                        "approver": "请填写批准延期的负责人"}
    type_text(qtbot, dialog.reason, "涉及多名工人，需区人社局核实工资台账")
    type_text(qtbot, dialog.approver, "王建国")
    click(qtbot, dialog.ok_button)
    wait_idle()
    d = queries.case_detail(db, ref.id, TODAY)
    assert d.extended and d.petition.extension_approver == "王建国"
    assert d.petition.extension_approved_on == TODAY

    # 督办回复
    dialog = press(qtbot, view, "supervision_reply", acts.SupervisionReplyDialog)
    type_text(qtbot, dialog.reply, "已约谈企业负责人，企业承诺月底前补发")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert "supervision_reply" not in shown(view)

    # 答复 of a 申诉求决类 petition: the 意见书 is required.
    dialog = press(qtbot, view, "reply", acts.ReplyDialog)
    click(qtbot, dialog.ok_button)
    assert dialog.errors.messages() == {"decision": "请选择处理意见", "request": "请写明信访请求",
                                        "facts": "请写明事实和理由", "basis": "请写明处理依据"}
    assert confirmed == []
    choose(dialog.decision, "予以支持")
    type_text(qtbot, dialog.request, "补发2025年10月至12月工资")
    type_text(qtbot, dialog.facts, "经核实，企业拖欠三个月工资属实")
    type_text(qtbot, dialog.basis, "《保障农民工工资支付条例》第十一条")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert confirmed == ["答复后本件即告办结，答复日期起30日内信访人可申请复查。确定答复吗？"]
    d = queries.case_detail(db, ref.id, TODAY)
    assert (d.status, d.outcome, d.petition.decision) == ("closed", "支持", "予以支持")
    assert view.header.status_chip.text() == "已办结"
    assert shown(view) == {"rate", "review"}

    # 复查: a linked petition.
    dialog = press(qtbot, view, "review", acts.ReviewDialog)
    assert dialog.windowTitle() == "申请复查"
    type_text(qtbot, dialog.reason, "认为补发金额计算有误，请求复查")
    click(qtbot, dialog.ok_button)
    wait_idle()
    d = queries.case_detail(db, ref.id, TODAY)
    (review_id, review_number, stage), = d.petition.reviews
    assert stage == "复查"
    assert "review" not in shown(view)

    rows = timeline(view)
    assert [r[2] for r in rows] == ["申请复查/复核", "答复", "督办回复", "延期", "督办", "受理", "登记"]
    texts = {r[2]: (r[3], r[4]) for r in rows}
    assert texts["督办"][1] == ("黄牌督办：区信访局于2026-03-20督办，要求2026-03-27前回复。"
                              "督办意见：三日内约谈企业负责人")
    assert "延期批准人：— → 王建国" in texts["延期"][0]
    assert "延期批准日期：— → 2026-03-20" in texts["延期"][0]
    assert texts["延期"][1] == "涉及多名工人，需区人社局核实工资台账"
    assert texts["督办回复"][1] == "回复区信访局的黄牌督办（2026-03-20）：已约谈企业负责人，企业承诺月底前补发"
    assert "办理结果：— → 支持" in texts["答复"][0] and "答复日期：— → 2026-03-20" in texts["答复"][0]
    assert texts["答复"][1] == ("出具信访处理意见书（予以支持），2026-03-20送达信访人；"
                              "信访人可于2026-04-20前申请复查")
    assert texts["申请复查/复核"][1] == f"信访人于2026-03-20申请复查，复查件编号 {review_number}"
    r = queries.case_detail(db, review_id, TODAY)
    assert (r.status, r.petition.review_of) == ("in_progress", (ref.id, d.number))

    # The 信访程序 tab sums the acts up; its link opens the 复查 petition.
    assert view.tabs.isTabVisible(TAB_PETITION)
    text = view.petition_tab.label.text()
    assert "区信访局，2026-03-20督办，2026-03-27前回复；2026-03-20 已回复" in text
    assert "王建国于2026-03-20批准，期限由 2026-05-19 延至 2026-06-18" in text
    assert "予以支持，2026-03-20送达；可申请复查至 2026-04-20" in text
    assert "《保障农民工工资支付条例》第十一条" in text and review_number in text
    with qtbot.waitSignal(view.open_case, timeout=1000) as opened:
        view.petition_tab.label.linkActivated.emit(f"case:{review_id}")
    assert opened.args == [review_id]
    # The 复查 petition: answered like any other, never extended.
    view.show_case(review_id)
    wait_idle()
    extend = view.act_bar.act_buttons["extend"]
    assert not extend.isEnabled() and extend.toolTip() == "复查件应在30日内提出意见，不能延期"
    assert "reply" in shown(view)
    assert "对 <a href='case:" in view.petition_tab.label.text()


def test_the_workbench_queue_of_late_replies(qtbot, ctx, db, wait_idle):
    ref = services.register_petition(
        db, ctx.actor,
        services.CaseInput(summary="反映小区噪音", category="生态环境", received_on=date(2026, 3, 2)),
        [services.PartyInput(name="李华", role="信访人")])
    card = SupervisionCard(ctx)
    qtbot.addWidget(card)
    wait_idle()
    assert card.isHidden() and card.tree.topLevelItemCount() == 0
    services.supervise(db, ctx.actor, ref.id, "红牌督办", "区委督查室", date(2026, 3, 10),
                       date(2026, 3, 5))
    ctx.data_changed.emit((ref.id,))
    wait_idle()
    assert not card.isHidden() and card.count.text() == "1"
    item = card.tree.topLevelItem(0)
    assert [item.text(c) for c in range(4)] == [
        "（2026）信字第0001号 反映小区噪音", "红牌督办（区委督查室）", "2026-03-10", "10天"]
    with qtbot.waitSignal(card.open_case, timeout=1000) as opened:
        card.tree.itemActivated.emit(item, 0)
    assert opened.args == [ref.id]
