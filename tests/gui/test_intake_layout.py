"""The intake form stays where it is while the clerk fixes what a save refused: messages sit
below the form, a fixed problem says 已修改 in its own place, and the count is live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from gui.keyboard import type_text
from ui.dialogs.intake import IntakeDialog
from ui.dialogs.intake.dialog import RECHECK_DELAY_MS
from ui.widgets import forms


@pytest.fixture(autouse=True)
def _no_boxes(no_message_boxes, monkeypatch):
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: True)
    yield no_message_boxes


@pytest.fixture
def dialog(qtbot, ctx, wait_idle):
    d = IntakeDialog(ctx, "petition")
    qtbot.addWidget(d)
    d.show()
    wait_idle()
    return d


def _y(widget) -> int:
    """Where the widget is in its window once pending layout requests have been applied."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()
    return widget.mapTo(widget.window(), widget.rect().topLeft()).y()


def test_fixing_a_refused_field_moves_nothing_and_updates_the_count(qtbot, dialog, wait_idle):
    type_text(qtbot, dialog.party_box.p_name, "张秀英")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.problem_count.text() == "有 2 处需要修改，见标红的项目"  # summary, category
    street_y = _y(dialog.case_form.street)

    type_text(qtbot, dialog.case_form.summary, "要求支付拖欠工资")
    qtbot.waitUntil(lambda: "还有 1 处" in dialog.problem_count.text(),
                    timeout=RECHECK_DELAY_MS * 20)
    row = dialog.errors.rows["summary"]
    assert row.error.text() == "已修改" and not row.error.isHidden()
    assert not row.editor.property("invalid")
    assert "summary" not in dialog.errors.messages() and "category" in dialog.errors.messages()
    assert _y(dialog.case_form.street) == street_y  # the field below did not move

    combo = dialog.case_form.category
    combo.setCurrentIndex(combo.findText("劳动社保"))
    qtbot.waitUntil(lambda: dialog.problem_count.text() == "已全部修改，可以保存",
                    timeout=RECHECK_DELAY_MS * 20)
    assert _y(dialog.case_form.street) == street_y


def test_messages_without_a_field_appear_below_the_form_not_above(qtbot, dialog, wait_idle):
    top = _y(dialog.case_form)
    dialog.errors.set_errors([forms.Problem("nowhere", "数据库正忙，请稍后再试")])
    qtbot.waitUntil(lambda: dialog.general.isVisible())
    assert _y(dialog.general) > _y(dialog.scroll)
    assert _y(dialog.case_form) == top
