"""The 不予受理 dialog: the reason picked from the fixed list (条例 Art. 29–31), the organ field
that reason needs, the 说明 kept out of the sentence; then the 不予受理告知书 printed from the
case view reads the reason's sentence and the organ."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from caseapp import queries, services
from caseapp import workflow as wf
from gui.keyboard import type_text
from ui.widgets import forms


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def flat(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(path).pages))


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes, monkeypatch):
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: True)
    yield no_message_boxes


def open_dialog(qtbot, view, ctx, wait_idle):
    ref = services.register_petition(
        ctx.db, ctx.actor,
        services.CaseInput(summary="要求支付拖欠工资", category="劳动社保",
                           received_on=date(2026, 3, 2), street="马鞍街道", source="来访"),
        [services.PartyInput(name="张秀英", role="信访人", phone="13800001111")])
    view.show_case(ref.id)
    wait_idle()
    click(qtbot, view.act_bar.act_buttons["reject"])
    dialog = view.active_dialog
    assert dialog is not None and dialog.windowTitle() == "不予受理"
    return ref, dialog


def pick(dialog, label: str) -> None:
    index = dialog.choice.findText(label)
    assert index >= 0, label
    dialog.choice.setCurrentIndex(index)


def test_pick_a_reason_name_the_organ_and_print(qtbot, view, ctx, db, wait_idle):
    ref, dialog = open_dialog(qtbot, view, ctx, wait_idle)
    labels = [dialog.choice.itemText(i) for i in range(dialog.choice.count())]
    assert labels == [c.label for c in wf.REJECT_CHOICES] + ["其他"]
    assert dialog.choice.currentIndex() == -1 and not dialog.organ.isEnabled()
    pick(dialog, "已复核终结")
    assert not dialog.organ.isEnabled()  # this reason names no organ
    pick(dialog, "不属于本机关职责范围")
    assert dialog.organ.isEnabled() and dialog.grid.labels["organ"].text() == "有权处理的机关"
    type_text(qtbot, dialog.organ, "区人力资源和社会保障局")
    type_text(qtbot, dialog.reason, "信访人反映的是劳动监察事项")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert view.active_dialog is None
    d = queries.case_detail(db, ref.id)
    assert d.status == "rejected"
    assert d.reject_reason == ("不属于本机关职责范围；有权处理的机关：区人力资源和社会保障局；"
                               "说明：信访人反映的是劳动监察事项")

    view.print_button.print_actions["notice"].trigger()
    wait_idle()
    preview = view.print_button.preview_dialog
    assert preview is not None
    text = flat(preview.preview.path)
    assert "不予受理告知书" in text
    assert ("经审查，该信访事项不属于本机关职责范围。根据《信访工作条例》的有关规定，本机关决定不予受理。"
            "请向区人力资源和社会保障局提出。") in text
    assert "劳动监察事项" not in text  # the 说明 stays on the record
    preview.close()


def test_other_needs_the_note(qtbot, view, ctx, db, wait_idle):
    ref, dialog = open_dialog(qtbot, view, ctx, wait_idle)
    pick(dialog, "不属于本机关职责范围")
    type_text(qtbot, dialog.organ, "区住建局")
    pick(dialog, "其他")
    assert not dialog.organ.isEnabled() and dialog.organ.text() == ""  # the organ went with it
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert dialog.errors.messages() == {"reason": "选择“其他”时请在说明中写明理由"}
    assert queries.case_detail(db, ref.id).status == "registered"
    type_text(qtbot, dialog.reason, "信访人未提供身份信息")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert queries.case_detail(db, ref.id).reject_reason == "其他；说明：信访人未提供身份信息"
