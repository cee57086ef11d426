"""重复信访: intake asks once before saving one, and the list and the case view mark it and
link the petitioner's earlier petitions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from stdnum.cn import ric

from caseapp import queries, services
from gui.keyboard import type_text
from ui.dialogs.intake import IntakeDialog
from ui.models.case_table import CaseTableModel
from ui.pages.case_view import CaseView
from ui.widgets import forms

TODAY = date(2026, 3, 20)
ZHANG_ID = "50010219550714246" + ric.calc_check_digit("50010219550714246" + "0")


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


@pytest.fixture
def asked(no_message_boxes, monkeypatch):
    """The questions forms.confirm was asked; each answer taken from ``answers``."""
    questions: list[str] = []
    answers: list[bool] = []
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: questions.append(text) or answers.pop(0))
    return questions, answers


def petition(ctx, category="劳动社保", on=date(2026, 1, 5), summary="要求支付拖欠工资"):
    return services.register_petition(
        ctx.db, ctx.actor,
        services.CaseInput(summary=summary, category=category, received_on=on),
        [services.PartyInput(name="张秀英", role="信访人", id_number=ZHANG_ID,
                             phone="13800001111", address="马鞍街道某小区")])


def typed_repeat(qtbot, ctx, wait_idle, category="劳动社保"):
    dialog = IntakeDialog(ctx, "petition")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    type_text(qtbot, dialog.case_form.summary, "再次要求支付拖欠工资")
    choose(dialog.case_form.category, category)
    type_text(qtbot, dialog.party_box.p_name, "张秀英")
    type_text(qtbot, dialog.party_box.p_id, ZHANG_ID)
    dialog.party_box.lookup.now()
    wait_idle()
    return dialog


def test_saving_a_repeat_asks_once_and_a_no_saves_nothing(qtbot, ctx, db, wait_idle, asked):
    questions, answers = asked
    earlier = petition(ctx)
    dialog = typed_repeat(qtbot, ctx, wait_idle)
    assert dialog.party_box.hint.repeat_flag.isVisible()

    answers.append(False)
    click(qtbot, dialog.save_button)
    wait_idle()
    assert questions == [f"该信访人已有同类信访（编号{earlier.number}），确认为重复信访并保存？"]
    assert dialog.isVisible() and queries.count(db, queries.CaseFilter()) == 1

    answers.append(True)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog.save_button)
    wait_idle()
    assert len(questions) == 2 and not dialog.isVisible()
    d = queries.case_detail(db, saved.args[0], TODAY)
    assert d.is_repeat and d.earlier_petitions == ((earlier.id, earlier.number),)


def test_another_matter_of_a_known_person_is_saved_without_asking(
        qtbot, ctx, db, wait_idle, asked):
    questions, _answers = asked
    petition(ctx)
    dialog = typed_repeat(qtbot, ctx, wait_idle, category="城乡建设")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog.save_button)
    wait_idle()
    assert questions == []
    d = queries.case_detail(db, saved.args[0], TODAY)
    assert not d.is_repeat and d.earlier_petitions == ()


def test_the_list_marks_a_repeat_beside_its_number(qtbot, ctx, db, wait_idle, no_message_boxes):
    first = petition(ctx)
    second = petition(ctx, on=date(2026, 2, 1), summary="再次要求支付拖欠工资")
    model = CaseTableModel(ctx, queries.CaseFilter(kind="petition", today=TODAY))
    model.reload()
    qtbot.waitUntil(model.is_loaded, timeout=5000)
    model.index(0, 0).data()  # asks for the page of rows
    qtbot.waitUntil(lambda: model.is_row_fresh(0) and model.is_row_fresh(1), timeout=5000)
    rows = {model.case_id_at(r): r for r in range(model.rowCount())}
    repeat = model.index(rows[second.id], 0)
    plain = model.index(rows[first.id], 0)
    assert repeat.data() == second.number  # the number itself stays the number
    assert repeat.data(Qt.ItemDataRole.DecorationRole) is not None
    assert repeat.data(Qt.ItemDataRole.ToolTipRole) == "重复信访"
    assert plain.data(Qt.ItemDataRole.DecorationRole) is None
    assert queries.case_rows(db, [second.id, first.id], TODAY)[0].is_repeat


def test_the_case_view_marks_a_repeat_and_links_the_earlier_case(
        qtbot, ctx, wait_idle, no_message_boxes):
    first = petition(ctx)
    second = petition(ctx, on=date(2026, 2, 1), summary="再次要求支付拖欠工资")
    view = CaseView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.show_case(second.id)
    wait_idle()
    label = view.header.repeat_label
    assert label.isVisible()
    assert "重复信访" in label.text() and first.number in label.text()
    assert f'href="case:{first.id}"' in label.text()
    with qtbot.waitSignal(view.open_case, timeout=2000) as opened:
        label.linkActivated.emit(f"case:{first.id}")
    assert opened.args == [first.id]

    view.show_case(first.id)
    wait_idle()
    assert not label.isVisible()
