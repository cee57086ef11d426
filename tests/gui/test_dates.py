"""Typed dates in the forms (issue #12): every form the exchange file accepts is kept exactly,
anything else is refused with a message naming the field; nothing is clamped or guessed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from caseapp import queries, services
from gui.keyboard import type_text
from ui.dialogs import acts
from ui.dialogs.intake import IntakeDialog
from ui.widgets import forms
from ui.widgets.date_edit import DateField

TODAY = date(2026, 3, 20)  # the tests' ctx.today()
ACCEPTED = ["2027-01-31", "2027/1/31", "2027.1.31", "2027年1月31日", "20270131"]
BAD = ["2027-13-01", "2026-02-30", "明年一月", "2026-3"]


def retype(qtbot, field: DateField, text: str) -> None:
    field.clear()
    type_text(qtbot, field, text)
    field.editingFinished.emit()


@pytest.fixture
def agreement_dialog(qtbot, ctx, db, wait_idle):
    ref = services.register_dispute(
        db, ctx.actor,
        services.CaseInput(summary="拖欠货款", category="合同纠纷", received_on=date(2026, 3, 2)),
        [services.PartyInput(name="刘大爷", role="申请人", phone="13900002222")])
    services.accept(db, ctx.actor, ref.id, on=date(2026, 3, 5))
    dialog = acts.AgreementDialog(ctx, queries.case_detail(db, ref.id, TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    edits = dialog.fields.terms.edits
    (edits[0].setText("一次性支付货款三万元") if edits
     else dialog.fields.terms.add_term("一次性支付货款三万元"))
    dialog.fields.has_due.setChecked(True)
    return dialog, ref.id


@pytest.mark.parametrize("text", ACCEPTED)
def test_agreement_due_keeps_every_accepted_form_including_next_year(
        qtbot, db, wait_idle, agreement_dialog, text):
    dialog, case_id = agreement_dialog
    retype(qtbot, dialog.fields.due, text)
    # The issue: 2027-01-31 became 2026-01-31 without a word.
    assert forms.date_value(dialog.fields.due) == date(2027, 1, 31)
    assert dialog.fields.due.text() == text  # what was typed stays on screen
    dialog.submit()
    wait_idle()
    assert dialog.errors.messages() == {}
    assert queries.case_detail(db, case_id, TODAY).agreement.performance_due == date(2027, 1, 31)


@pytest.mark.parametrize("text", BAD)
def test_agreement_due_refuses_unreadable_text_naming_the_field(
        qtbot, db, wait_idle, agreement_dialog, text):
    dialog, case_id = agreement_dialog
    retype(qtbot, dialog.fields.due, text)
    assert dialog.fields.due.property("invalid") is True
    assert forms.date_value(dialog.fields.due) is None
    dialog.submit()
    wait_idle()
    assert dialog.errors.messages()["performance_due"] == (
        f"履行期限：无法识别日期「{text}」，请写作 2026-03-05")
    assert dialog.fields.due.text() == text
    assert queries.case_detail(db, case_id, TODAY).agreement is None


def test_a_date_outside_the_range_is_refused_not_clamped(qtbot, wait_idle, agreement_dialog):
    dialog, _case_id = agreement_dialog
    retype(qtbot, dialog.fields.signed_on, "2027-01-31")  # the agreement date is at most today
    assert forms.date_value(dialog.fields.signed_on) == date(2027, 1, 31)
    dialog.submit()
    assert dialog.errors.messages()["signed_on"] == "协议日期：2027-01-31 晚于 2026-03-20，请核对"
    assert dialog.fields.signed_on.text() == "2027-01-31"


def test_an_unticked_due_date_is_not_checked(qtbot, db, wait_idle, agreement_dialog):
    dialog, case_id = agreement_dialog
    retype(qtbot, dialog.fields.due, "2027-13-01")
    dialog.fields.has_due.setChecked(False)
    dialog.submit()
    wait_idle()
    assert dialog.errors.messages() == {}
    assert queries.case_detail(db, case_id, TODAY).agreement.performance_due is None


@pytest.fixture
def intake(qtbot, ctx, wait_idle):
    dialog = IntakeDialog(ctx, "petition")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    return dialog


@pytest.mark.parametrize("text", ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "20260305"])
def test_intake_received_on_takes_every_accepted_form(qtbot, intake, text):
    field = intake.case_form.received_on
    retype(qtbot, field, text)
    assert forms.date_value(field) == date(2026, 3, 5)
    assert field.property("invalid") is not True


def test_intake_refuses_a_bad_or_future_date_as_typed(qtbot, intake, wait_idle):
    field = intake.case_form.received_on
    retype(qtbot, field, "2026-13-05")
    intake.save()
    assert intake.errors.messages()["received_on"] == (
        "登记日期：无法识别日期「2026-13-05」，请写作 2026-03-05")
    retype(qtbot, field, "2027-01-31")
    intake.save()
    assert intake.errors.messages()["received_on"] == "登记日期不能晚于今天"
    assert forms.date_value(field) == date(2027, 1, 31) and field.text() == "2027-01-31"


def test_the_field_never_moves_on_its_own_and_the_calendar_sets_it(qtbot):
    field = forms.date_edit(date(2026, 3, 20), maximum=date(2026, 3, 20), minimum=date(2026, 3, 1))
    qtbot.addWidget(field)
    seen = []
    field.dateChanged.connect(seen.append)
    field.setText("2025-12-31")
    field.editingFinished.emit()
    assert field.text() == "2025-12-31" and field.date() == QDate(2025, 12, 31)
    field.show_calendar()
    field.popup.setSelectedDate(QDate(2026, 3, 9))
    field.popup.activated.emit(QDate(2026, 3, 9))
    assert field.text() == "2026-03-09" and not field.popup.isVisible()
    assert seen == [date(2025, 12, 31), date(2026, 3, 9)]
    # The arrow keys step the section under the cursor, as QDateEdit's did.
    field.setCurrentSectionIndex(1)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "2026-04-09"


def test_an_optional_field_is_blank_until_typed(qtbot):
    field = forms.date_edit(None, optional=True)
    qtbot.addWidget(field)
    assert forms.date_value(field) is None and field.problem() is None
    field.setDate(date(2026, 3, 5))
    assert forms.date_value(field) == date(2026, 3, 5)
    field.setDate(field.minimumDate())  # as the audit page clears its bound
    assert forms.date_value(field) is None and field.text() == ""
