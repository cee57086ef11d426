"""After 保存并新建 the intake dialog shows the new number with 打开 / 打印受理告知书 / 继续登记;
the main window opens the case from there."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from gui.keyboard import type_text
from ui.dialogs.intake import IntakeDialog
from ui.shell.main_window import MainWindow
from ui.widgets import forms

TODAY = date(2026, 3, 20)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes, monkeypatch):
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: True)
    yield no_message_boxes


def fill(qtbot, dialog, summary="反映道路破损", name="陈红"):
    type_text(qtbot, dialog.case_form.summary, summary)
    choose(dialog.case_form.category, "交通运输")
    type_text(qtbot, dialog.party_box.p_name, name)


@pytest.fixture
def dialog(qtbot, ctx, wait_idle):
    d = IntakeDialog(ctx, "petition")
    qtbot.addWidget(d)
    d.show()
    wait_idle()
    return d


def test_save_and_new_shows_the_number_and_next_steps(qtbot, dialog, wait_idle):
    assert not dialog.saved_panel.isVisible()
    choose(dialog.case_form.source, "来信")
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog.save_new_button)
    wait_idle()
    panel = dialog.saved_panel
    assert dialog.isVisible() and panel.isVisible()
    assert dialog.status_label.text() == "已保存：（2026）信字第0001号"
    assert [b.text() for b in (dialog.open_button, dialog.print_button,
                               dialog.continue_button)] == ["打开", "打印受理告知书", "继续登记"]
    assert all(b.isVisible() for b in (dialog.open_button, dialog.print_button,
                                       dialog.continue_button))
    assert dialog.last_saved is not None and dialog.last_saved.id == saved.args[0]

    # 继续登记: the panel goes, the form is empty for the next case, date and channel kept.
    click(qtbot, dialog.continue_button)
    assert not panel.isVisible()
    assert dialog.case_form.summary.text() == "" and dialog.party_box.p_name.text() == ""
    assert dialog.case_form.source.currentText() == "来信"
    assert forms.date_value(dialog.case_form.received_on) == TODAY


def test_open_closes_the_dialog_and_asks_for_the_case(qtbot, dialog, wait_idle):
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog.save_new_button)
    wait_idle()
    with qtbot.waitSignal(dialog.open_requested, timeout=2000) as opened:
        click(qtbot, dialog.open_button)
    assert opened.args == [saved.args[0]] and not dialog.isVisible()


def test_print_asks_for_the_case_and_its_print_menu(qtbot, dialog, wait_idle):
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog.save_new_button)
    wait_idle()
    with qtbot.waitSignal(dialog.print_requested, timeout=2000) as printed:
        click(qtbot, dialog.print_button)
    assert printed.args == [saved.args[0]] and not dialog.isVisible()


def test_a_dispute_offers_no_notice(qtbot, ctx, wait_idle):
    d = IntakeDialog(ctx, "dispute")
    qtbot.addWidget(d)
    d.show()
    wait_idle()
    assert not d.print_button.isVisible() and d.open_button.text() == "打开"


def test_the_main_window_opens_the_saved_case(qtbot, ctx, wait_idle, monkeypatch):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    wait_idle()
    win.new_case("petition")
    qtbot.waitUntil(lambda: len(win.open_dialogs()) == 1)
    dialog = win.open_dialogs()[0]
    wait_idle()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog.save_new_button)
    wait_idle()
    menus = []
    monkeypatch.setattr(type(win._ensure_case_view()), "show_print_menu",
                        lambda view: menus.append(view.case_id))
    click(qtbot, dialog.print_button)
    wait_idle()
    qtbot.waitUntil(lambda: menus == [saved.args[0]], timeout=3000)
    assert win.showing_case() and win.current_case == saved.args[0]
    assert win.case_view.header.number_label.text() == "（2026）信字第0001号"


def test_plain_save_leaves_the_number_and_next_steps_in_the_status_bar(qtbot, ctx, wait_idle):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    wait_idle()
    notice = win.saved_notice
    assert not notice.isVisible()
    win.new_case("petition")
    qtbot.waitUntil(lambda: len(win.open_dialogs()) == 1)
    dialog = win.open_dialogs()[0]
    wait_idle()
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        click(qtbot, dialog.save_button)
    wait_idle()
    qtbot.waitUntil(lambda: not win.open_dialogs())  # 保存 closed the dialog
    assert notice.isVisible() and notice.label.text() == "已保存：（2026）信字第0001号"
    assert notice.print_button.isVisible()
    click(qtbot, notice.open_button)
    wait_idle()
    qtbot.waitUntil(lambda: win.showing_case() and win.current_case == saved.args[0])
    assert not notice.isVisible()
