"""Intake: typing a petition or a dispute, inline messages, the person look-up, 保存并新建."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from shiboken6 import isValid
from stdnum.cn import ric

from caseapp import queries, services
from gui.keyboard import type_text
from ui.dialogs.intake import IntakeDialog
from ui.dialogs.intake.person_lookup import LOOKUP_DELAY_MS
from ui.widgets import forms

TODAY = date(2026, 3, 20)


def valid_id(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


ZHANG_ID = valid_id("50010219550714246")  # 女, born 1955-07-14


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    """Pick an entry of a combo as a clerk would from its list."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def case_count(db) -> int:
    return queries.count(db, queries.CaseFilter())


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes, monkeypatch):
    # Closing a half-typed dialog at teardown discards it without asking.
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: True)
    yield no_message_boxes


@pytest.fixture
def open_intake(qtbot, ctx, wait_idle):
    def make(kind="petition"):
        dialog = IntakeDialog(ctx, kind)
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle()
        return dialog

    return make


def test_bad_input_shows_each_message_beside_its_field_and_saves_nothing(
        qtbot, open_intake, db, wait_idle):
    dialog = open_intake()
    type_text(qtbot, dialog.party_box.p_name, "张秀英")
    type_text(qtbot, dialog.party_box.p_id, "500102195507142463")  # checksum should be 2, not 3
    type_text(qtbot, dialog.party_box.p_phone, "1380000")
    type_text(qtbot, dialog.case_form.people_count, "很多")
    click(qtbot, dialog.save_button)
    wait_idle()

    case_errors = dialog.errors.messages()
    assert case_errors["summary"] == "事项摘要必须填写"
    assert "类别" in case_errors["category"]
    assert "整数" in case_errors["people_count"]
    party_errors = dialog.party_box.party_errors.messages()
    assert "校验位" in party_errors["id_number"]
    assert "不是有效的手机号" in party_errors["phone"]
    # The red frame is on the very editors that are wrong, not on the others.
    assert dialog.case_form.summary.property("invalid") is True
    assert dialog.party_box.p_id.property("invalid") is True
    assert dialog.party_box.p_phone.property("invalid") is True
    assert not dialog.party_box.p_name.property("invalid")
    assert dialog.isVisible()
    assert case_count(db) == 0

    # Correct the mistakes: the messages go and the case is saved.
    dialog.party_box.p_id.clear()
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)
    dialog.party_box.p_phone.clear()
    type_text(qtbot, dialog.party_box.p_phone, "13800001111")
    dialog.case_form.people_count.clear()
    type_text(qtbot, dialog.case_form.summary, "要求支付拖欠工资")
    choose(dialog.case_form.category, "劳动社保")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog.save_button)
    wait_idle()
    assert dialog.errors.messages() == {}
    assert case_count(db) == 1


def test_refused_by_the_service_is_shown_inline_too(qtbot, open_intake, ctx, db, wait_idle):
    dialog = open_intake()
    type_text(qtbot, dialog.case_form.summary, "反映噪音扰民")
    choose(dialog.case_form.category, "生态环境")
    type_text(qtbot, dialog.party_box.p_name, "李建国")
    # Meanwhile an administrator retires the category on another computer.
    services.set_category_active(db, ctx.actor, "petition", "生态环境", False)
    click(qtbot, dialog.save_button)
    wait_idle()
    assert "不在" in dialog.errors.messages()["category"]
    assert dialog.case_form.category.property("invalid") is True
    assert case_count(db) == 0


def test_a_petition_is_saved_with_its_parties(qtbot, open_intake, ctx, db, wait_idle):
    changed = []
    ctx.data_changed.connect(changed.append)
    dialog = open_intake()
    type_text(qtbot, dialog.case_form.summary, "要求支付拖欠工资")
    type_text(qtbot, dialog.case_form.details, "在某建筑工地务工三个月，工资未结清。")
    choose(dialog.case_form.category, "劳动社保")
    choose(dialog.case_form.petition_type, "申诉求决类")
    type_text(qtbot, dialog.case_form.street.lineEdit(), "马鞍街道")
    type_text(qtbot, dialog.case_form.people_count, "3")
    type_text(qtbot, dialog.case_form.amount, "12000")
    click(qtbot, dialog.case_form.via_proxy)
    type_text(qtbot, dialog.party_box.p_name, "张秀英")
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)
    type_text(qtbot, dialog.party_box.p_phone, "13800001111")
    type_text(qtbot, dialog.party_box.p_address, "涪陵区马鞍街道某小区")
    click(qtbot, dialog.party_box.add_party_button)
    assert dialog.party_box.p_role.currentText() == "代理人"
    type_text(qtbot, dialog.party_box.p_name, "王律师")
    assert dialog.party_box.party_table.rowCount() == 2
    assert dialog.party_box.party_table.item(1, 1).text() == "王律师"

    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        click(qtbot, dialog.save_button)
    wait_idle()
    case_id = blocker.args[0]
    assert not dialog.isVisible()
    assert changed and case_id in changed[-1]
    d = queries.case_detail(db, case_id, TODAY)
    assert d.number == "（2026）信字第0001号"
    assert (d.summary, d.category, d.street, d.people_count) == (
        "要求支付拖欠工资", "劳动社保", "马鞍街道", 3)
    assert d.source == "来访" and d.petition_type == "申诉求决类" and d.via_proxy
    assert str(d.amount) == "12000.00"
    assert [(p.role, p.name) for p in d.parties] == [("信访人", "张秀英"), ("代理人", "王律师")]
    assert d.parties[0].gender == "女" and d.parties[0].birth_date == date(1955, 7, 14)


def test_save_and_new_keeps_date_and_channel(qtbot, open_intake, db, wait_idle):
    dialog = open_intake()
    choose(dialog.case_form.source, "来信")
    type_text(qtbot, dialog.case_form.summary, "反映道路破损")
    choose(dialog.case_form.category, "交通运输")
    type_text(qtbot, dialog.party_box.p_name, "陈红")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog.save_new_button)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.status_label.text() == "已保存：（2026）信字第0001号"
    assert dialog.case_form.summary.text() == "" and dialog.case_form.category.currentText() == ""
    assert dialog.party_box.p_name.text() == "" and dialog.party_box.party_table.rowCount() == 1
    assert dialog.case_form.source.currentText() == "来信"
    assert forms.date_value(dialog.case_form.received_on) == TODAY
    # The next one goes through the keyboard shortcut.
    type_text(qtbot, dialog.case_form.summary, "反映路灯不亮")
    choose(dialog.case_form.category, "城乡建设")
    type_text(qtbot, dialog.party_box.p_name, "陈红")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.case_form.summary, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle()
    assert dialog.status_label.text() == "已保存：（2026）信字第0002号"
    assert case_count(db) == 2


def test_a_dispute_has_applicant_and_respondent_rows(qtbot, open_intake, db, wait_idle):
    dialog = open_intake("dispute")
    assert [dialog.party_box.party_table.item(i, 0).text() for i in range(2)] == ["申请人", "被申请人"]
    type_text(qtbot, dialog.case_form.summary, "邻居装修噪音")
    choose(dialog.case_form.category, "邻里纠纷")
    type_text(qtbot, dialog.party_box.p_name, "刘大爷")
    dialog.party_box.party_table.selectRow(1)
    assert dialog.party_box.p_role.currentText() == "被申请人"
    type_text(qtbot, dialog.party_box.p_name, "某装饰公司")
    click(qtbot, dialog.party_box.p_org)
    type_text(qtbot, dialog.party_box.p_legal_rep, "赵经理")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        click(qtbot, dialog.save_button)
    wait_idle()
    d = queries.case_detail(db, blocker.args[0], TODAY)
    assert d.number == "（2026）调字第0001号" and d.source == "当事人申请"
    assert [(p.role, p.name, p.is_org, p.legal_rep) for p in d.parties] == [
        ("申请人", "刘大爷", False, None), ("被申请人", "某装饰公司", True, "赵经理")]


def test_id_number_fills_gender_and_birth_date(qtbot, open_intake):
    dialog = open_intake()
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID[:17])
    assert dialog.party_box.p_birth.text() == "" and dialog.party_box.p_gender.currentText() == ""
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID[17])
    assert dialog.party_box.p_gender.currentText() == "女"
    assert dialog.party_box.p_birth.text() == "1955-07-14"
    assert dialog.party_box.p_birth.isReadOnly()
    male = valid_id("11010519491231001")  # 1 in the 17th place: 男
    dialog.party_box.p_id.clear()
    type_text(qtbot, dialog.party_box.p_id, male)
    assert dialog.party_box.p_gender.currentText() == "男"
    assert dialog.party_box.p_birth.text() == "1949-12-31"
    # A wrong checksum says so at once, beside the field.
    dialog.party_box.p_id.clear()
    type_text(qtbot, dialog.party_box.p_id, "500102195507142463")
    assert "校验位" in dialog.party_box.party_errors.messages()["id_number"]
    assert dialog.party_box.p_birth.text() == ""


def _earlier_petition(ctx, category="劳动社保"):
    return services.register_petition(
        ctx.db, ctx.actor,
        services.CaseInput(summary="要求支付拖欠工资", category=category,
                           received_on=date(2026, 1, 5)),
        [services.PartyInput(name="张秀英", role="信访人", id_number=ZHANG_ID,
                             phone="13800001111", address="马鞍街道某小区")])


def test_a_known_id_number_shows_earlier_cases_and_flags_a_repeat(
        qtbot, open_intake, ctx, db, wait_idle):
    earlier = _earlier_petition(ctx)
    dialog = open_intake()
    hint = dialog.party_box.hint
    choose(dialog.case_form.category, "劳动社保")
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)
    wait_idle()
    assert hint.isVisible()
    text = hint.text
    assert "<nobr>" in hint.label.text()  # the number is kept on one line
    assert text.startswith("已登记过：张秀英（女，1955-07-14），既往案件 1 件：")
    assert earlier.number in text and "劳动社保 待受理" in text
    assert hint.repeat_flag.isVisible() and "可能为重复信访" in hint.repeat_flag.text()
    # Another category: known person, but no repeat.
    choose(dialog.case_form.category, "城乡建设")
    assert hint.isVisible() and not hint.repeat_flag.isVisible()
    choose(dialog.case_form.category, "劳动社保")

    click(qtbot, hint.use_button)
    assert dialog.party_box.p_name.text() == "张秀英"
    assert dialog.party_box.p_phone.text() == "13800001111"
    assert dialog.party_box.p_address.text() == "马鞍街道某小区"
    type_text(qtbot, dialog.case_form.summary, "再次要求支付拖欠工资")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as blocker:
        click(qtbot, dialog.save_button)
    wait_idle()
    d = queries.case_detail(db, blocker.args[0], TODAY)
    assert d.is_repeat
    # The same person, not a second one.
    assert d.parties[0].person_id == queries.case_detail(db, earlier.id).parties[0].person_id


def test_typing_a_known_name_shows_the_hint_after_a_pause(qtbot, open_intake, ctx, wait_idle):
    _earlier_petition(ctx)
    dialog = open_intake()
    hint = dialog.party_box.hint
    type_text(qtbot, dialog.party_box.p_name, "张秀英")
    assert not hint.isVisible()  # debounced: nothing while typing
    qtbot.waitUntil(lambda: hint.isVisible(), timeout=3000)
    assert "张秀英" in hint.text and "既往案件 1 件" in hint.text
    click(qtbot, hint.use_button)
    assert dialog.party_box.p_id.text() == ZHANG_ID
    assert dialog.party_box.p_gender.currentText() == "女"
    assert dialog.party_box.p_birth.text() == "1955-07-14"
    # An unknown name hides the hint again.
    dialog.party_box.p_name.clear()
    type_text(qtbot, dialog.party_box.p_name, "欧阳修")
    dialog.party_box.p_id.clear()
    wait_idle()
    qtbot.waitUntil(lambda: not hint.isVisible(), timeout=3000)


def test_cancel_asks_before_discarding_typed_input(qtbot, open_intake, monkeypatch, db):
    asked = []
    answer = {"value": False}

    def fake_confirm(parent, text, title=None):
        asked.append(text)
        return answer["value"]

    monkeypatch.setattr(forms, "confirm", fake_confirm)
    dialog = open_intake()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dialog.isVisible() and asked == []

    dialog = open_intake()
    type_text(qtbot, dialog.case_form.summary, "反映噪音")
    click(qtbot, dialog.cancel_button)
    assert asked == ["放弃已填写的内容吗？"] and dialog.isVisible()
    answer["value"] = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert case_count(db) == 0


def test_a_lookup_answer_after_the_dialog_is_gone_is_dropped(
        qtbot, ctx, wait_idle, monkeypatch, no_message_boxes):
    """The look-up's answer arrives after its dialog was closed and deleted: it is dropped,
    never delivered to the dialog's deleted labels."""
    _earlier_petition(ctx)  # so the answer has a match and would show the hint
    asked, release = threading.Event(), threading.Event()
    real_find = queries.find_persons

    def held_find(*args, **kwargs):
        asked.set()
        release.wait(10)  # the answer stays pending until the dialog is gone
        return real_find(*args, **kwargs)

    monkeypatch.setattr(queries, "find_persons", held_find)
    dialog = IntakeDialog(ctx, "petition")
    dialog.show()
    wait_idle()
    with qtbot.captureExceptions() as exceptions:
        type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)  # a complete ID number: looked up at once
        assert asked.wait(5) and ctx.runner.busy
        dialog.close()
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not isValid(dialog)
        release.set()
        wait_idle()
        qtbot.wait(50)  # anything still queued gets its turn
    assert exceptions == []
    assert no_message_boxes == []


def test_no_lookup_runs_once_the_dialog_is_closed(qtbot, open_intake, monkeypatch):
    """A name typed just before closing: the debounce wait ends with the dialog."""
    calls = []
    monkeypatch.setattr(queries, "find_persons", lambda *a, **k: calls.append(a) or [])
    dialog = open_intake()
    type_text(qtbot, dialog.party_box.p_name, "张秀英")  # starts the pause before the look-up
    dialog.close()
    assert not dialog.isVisible()
    qtbot.wait(LOOKUP_DELAY_MS * 2)
    assert calls == []


def test_a_petitioner_whose_matter_was_finally_reviewed_is_asked_about_once(
        qtbot, open_intake, ctx, db, wait_idle, monkeypatch):
    # 信访 → 答复 → 复查 → 答复 → 复核 → 答复: the 复核 opinion is final for 劳动社保.
    first = _earlier_petition(ctx)
    services.accept(db, ctx.actor, first.id, on=date(2026, 3, 2))
    services.reply(db, ctx.actor, first.id, "不予支持", date(2026, 3, 3), on=date(2026, 3, 3))
    review = services.request_review(db, ctx.actor, first.id, date(2026, 3, 5), "不服")
    services.reply(db, ctx.actor, review.id, "不予支持", date(2026, 3, 9), on=date(2026, 3, 9))
    final = services.request_review(db, ctx.actor, review.id, date(2026, 3, 10), "请求复核")
    services.reply(db, ctx.actor, final.id, "不予支持", date(2026, 3, 12), on=date(2026, 3, 12))
    before = case_count(db)
    asked = []
    # 重复信访? yes; 复核终结, still register? no; then (closing at teardown) discard: yes.
    answers = iter([True, False])
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: asked.append(text) or next(answers, True))
    dialog = open_intake()
    choose(dialog.case_form.category, "劳动社保")
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)
    wait_idle()
    click(qtbot, dialog.party_box.hint.use_button)
    type_text(qtbot, dialog.case_form.summary, "再次要求支付拖欠工资")
    click(qtbot, dialog.save_button)
    wait_idle()
    assert len(asked) == 2 and final.number in asked[1] and "不再受理" in asked[1]
    assert case_count(db) == before and dialog.isVisible()  # the clerk said no: nothing saved
    assert dialog.save_button.isEnabled()


def test_a_person_with_three_petitions_in_twelve_months_is_shown_as_a_key_person(
        qtbot, open_intake, ctx, db, wait_idle):
    for summary, received in (("要求支付拖欠工资", date(2025, 6, 1)),
                              ("反映噪音扰民", date(2025, 11, 2)),
                              ("反映道路破损", date(2026, 2, 3))):
        services.register_petition(
            db, ctx.actor,
            services.CaseInput(summary=summary, category="城乡建设", received_on=received),
            [services.PartyInput(name="张秀英", role="信访人", id_number=ZHANG_ID)])
    dialog = open_intake()
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)
    wait_idle()
    hint = dialog.party_box.hint
    qtbot.waitUntil(lambda: hint.isVisible())
    assert hint.key_flag.isVisible() and hint.key_flag.text() == "⚠ 重点人员：近12个月信访 3 件"
    # A hint, never a block: the petition is saved as usual.
    click(qtbot, hint.use_button)
    choose(dialog.case_form.category, "教育")
    type_text(qtbot, dialog.case_form.summary, "反映学校收费")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        click(qtbot, dialog.save_button)


def test_two_petitions_or_an_old_third_make_no_key_person(qtbot, open_intake, ctx, db, wait_idle):
    for received in (date(2025, 3, 1), date(2025, 11, 2), date(2026, 2, 3)):  # the first: >12 months
        services.register_petition(
            db, ctx.actor,
            services.CaseInput(summary="反映问题", category="城乡建设", received_on=received),
            [services.PartyInput(name="张秀英", role="信访人", id_number=ZHANG_ID)])
    dialog = open_intake()
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)
    wait_idle()
    qtbot.waitUntil(lambda: dialog.party_box.hint.isVisible())
    assert not dialog.party_box.hint.key_flag.isVisible()
