"""设置 → 节假日, clicked through: the shipped 国庆 is marked in the month grid, a day picked
and marked is confirmed, written as one act and shown; a year added from the notice; the
limits tab carries each limit's unit; the workbench warns of a missing year."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from caseapp import calendar as c
from caseapp import services
from caseapp.storage.models import Event
from gui.keyboard import type_text
from ui.context import AppContext
from ui.pages.settings import holidays_tab
from ui.pages.settings.holiday_year_dialog import YearDialog
from ui.pages.settings.page import SettingsPage
from ui.pages.workbench import WorkbenchPage
from ui.widgets import forms


@pytest.fixture
def page(qtbot, ctx, wait_idle):
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1166, 700)
    widget.show()
    qtbot.waitExposed(widget)
    wait_idle()
    widget.tabs.setCurrentIndex(widget.tabs.indexOf(widget.holidays_tab))
    assert widget.tabs.tabText(widget.tabs.currentIndex()) == "节假日"
    return widget


def click_day(qtbot, tab, day: date) -> None:
    grid = tab.months[day.month - 1]
    item = grid.item_of(day)
    tab.scroll.ensureWidgetVisible(grid)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton,
                     pos=grid.visualItemRect(item).center())


def test_the_year_shows_guoqing_and_a_day_added_is_confirmed_and_shown(
        qtbot, page, ctx, db, wait_idle, monkeypatch, no_message_boxes):
    tab = page.holidays_tab
    assert tab.year() == 2026  # the context's today
    oct1 = tab.item_of(date(2026, 10, 1))
    assert oct1.text() == "1休" and "国庆节" in oct1.toolTip()
    assert tab.item_of(date(2026, 10, 10)).text() == "10班"  # a 调休 Saturday worked
    assert tab.item_of(date(2026, 6, 1)).text() == "1"
    assert "2026 年：放假" in tab.summary.text()

    asked = []
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: asked.append(text) or True)
    click_day(qtbot, tab, date(2026, 6, 1))
    assert tab.day_label.text().startswith("2026-06-01（星期一）：工作日")
    assert not tab.work_button.isEnabled()  # a Monday cannot be worked in lieu
    type_text(qtbot, tab.name_edit, "防汛")
    qtbot.mouseClick(tab.rest_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert asked and "2026-06-01 标为放假（防汛）" in asked[0]
    cell = tab.item_of(date(2026, 6, 1))
    assert cell.text() == "1休" and "防汛" in cell.toolTip()
    assert not c.is_workday(date(2026, 6, 1), db.calendar())
    assert "0 件未结案件" in tab.result_label.text()
    with db.read() as session:
        [event] = session.scalars(select(Event).where(Event.action == "calendar_changed"))
        assert "2026-06-01 标为放假（防汛）" in event.note

    # Declined: nothing is written.
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: False)
    click_day(qtbot, tab, date(2026, 6, 1))
    qtbot.mouseClick(tab.clear_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert tab.item_of(date(2026, 6, 1)).text() == "1休"


def test_a_year_added_from_the_notice(qtbot, page, ctx, db, wait_idle, monkeypatch,
                                      no_message_boxes):
    tab = page.holidays_tab
    tab.year_spin.setValue(2027)
    assert "2027 年尚未添加" in tab.summary.text()
    assert tab.item_of(date(2027, 10, 1)).text() == "1"

    def fill(dialog: YearDialog) -> int:
        rows = [r for r in range(dialog.table.rowCount())
                if dialog.table.item(r, 0).text() == "国庆节"]
        dialog.set_cell(rows[0], 1, "10-01")
        dialog.set_cell(rows[0], 2, "10-07")
        dialog.set_cell(rows[0], 3, "9-26、10-9")
        dialog.accept()
        return 1 if dialog.result() == QDialog.DialogCode.Accepted else 0

    monkeypatch.setattr(holidays_tab.YearDialog, "exec", fill)
    asked = []
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: asked.append(text) or True)
    qtbot.mouseClick(tab.add_year_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert asked and "放假 7 天" in asked[0] and "调休上班 2 天" in asked[0]
    assert tab.item_of(date(2027, 10, 1)).text() == "1休"
    assert tab.item_of(date(2027, 10, 9)).text() == "9班"
    assert db.calendar().knows(2027)


def test_the_year_dialog_names_a_bad_row(qtbot):
    dialog = YearDialog(2027, [])
    qtbot.addWidget(dialog)
    dialog.set_cell(0, 1, "01-01")
    dialog.set_cell(0, 2, "1月3日")
    dialog.set_cell(1, 1, "2-30")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text().startswith("第2行（春节）") and "2-30" in dialog.error.text()
    assert dialog.width() <= 640 and dialog.height() <= 460


def test_limits_tab_saves_a_unit(qtbot, ctx, db, wait_idle, no_message_boxes):
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    wait_idle()
    combo = widget.limits_tab.units["petition_accept"]
    assert combo.currentText() == "日"
    assert "due_soon_days" not in widget.limits_tab.units
    spin = widget.limits_tab.spins["petition_accept"]
    assert spin.suffix() == " 天"
    combo.setCurrentIndex(combo.findText("工作日"))
    assert spin.suffix() == " 个工作日"
    assert widget.save_button.isEnabled()
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    db.invalidate_settings()
    assert db.settings().limits.unit("petition_accept") == c.WORKDAYS


def test_the_workbench_warns_when_a_year_is_missing(qtbot, ctx, db, actor, wait_idle):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    wait_idle()
    assert page.calendar_warning.isHidden()  # 2026-03-20: this year is known

    december = AppContext(db, actor, today=date(2026, 12, 1))
    later = WorkbenchPage(december)
    qtbot.addWidget(later)
    later.show()
    later.reload()
    qtbot.waitUntil(lambda: not december.runner.busy, timeout=10000)
    assert not later.calendar_warning.isHidden()
    assert "2027 年的节假日安排尚未添加" in later.calendar_warning.text.text()
    services.save_year(db, actor, 2027,
                       c.expand(date(2027, 1, 1), date(2027, 1, 3), c.REST, "元旦"))
    later.reload()
    qtbot.waitUntil(lambda: not december.runner.busy, timeout=10000)
    assert later.calendar_warning.isHidden()
    december.runner.pool.waitForDone(10000)
