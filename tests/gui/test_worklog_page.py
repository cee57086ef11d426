"""排查台账: add an entry by typing, see it listed and counted, filter by month, area and type,
零上报, a refused value shown at its field, delete, export; and the page in the main window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caseapp import exchange, queries, services
from gui.conftest import TODAY
from gui.keyboard import type_text
from ui.dialogs.worklog_dialog import WorkLogDialog, ZeroReportDialog
from ui.pages import worklog as worklog_page
from ui.pages.worklog import WorkLogPage
from ui.widgets import forms

W = services.WorkLogInput


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes):
    yield no_message_boxes


@pytest.fixture
def page(qtbot, ctx, wait_idle):
    p = WorkLogPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    wait_idle()
    return p


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


def listed(page) -> list[tuple[str, ...]]:
    return [tuple(page.table.item(r, c).text() for c in range(4))
            for r in range(page.table.rowCount())]


def open_dialog(qtbot, page, button):
    click(qtbot, button)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, (WorkLogDialog, ZeroReportDialog)) and w.isVisible())
    qtbot.waitExposed(dialog)
    return dialog


def test_add_an_entry_by_typing_and_see_it_listed(qtbot, page, ctx, db, wait_idle):
    assert page.table.rowCount() == 0
    dialog = open_dialog(qtbot, page, page.add_button)
    dialog.day.clear()
    type_text(qtbot, dialog.day, "2026-03-12")
    dialog.day.editingFinished.emit()
    choose(dialog.type_box, "集中排查")
    dialog.street.lineEdit().clear()
    type_text(qtbot, dialog.street, "马鞍街道")
    type_text(qtbot, dialog.community, "白石社区")
    type_text(qtbot, dialog.participants, "李红、周志强")
    dialog.found.lineEdit().selectAll()
    qtbot.keyClicks(dialog.found.lineEdit(), "3")
    type_text(qtbot, dialog.note, "春节前集中排查")
    click(qtbot, dialog.ok_button)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert listed(page) == [("2026-03-12", "集中排查", "马鞍街道/白石社区", "李红、周志强")]
    assert page.table.item(0, 4).text() == "3"
    assert page.count_label.text() == "共 1 条：排查 1 次，发现纠纷 3 件，安保维稳 0 次，零上报 0 条"
    [row] = queries.list_worklog(db)
    assert (row.day, row.type, row.street, row.community, row.found, row.note) == (
        date(2026, 3, 12), "集中排查", "马鞍街道", "白石社区", 3, "春节前集中排查")


def test_a_future_date_is_refused_at_its_field(qtbot, page, db, wait_idle):
    dialog = open_dialog(qtbot, page, page.add_button)
    dialog.day.clear()
    type_text(qtbot, dialog.day, "2099-01-05")
    dialog.day.editingFinished.emit()
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.errors.messages()["day"] == "日期：2099-01-05 晚于 2026-03-20，请核对"
    assert queries.count_worklog(db) == 0
    dialog.reject()


def test_filters(qtbot, page, ctx, db, wait_idle):
    actor = ctx.actor
    services.add_worklog(db, actor, W("2026-03-02", "日常排查", "马鞍街道", found=1))
    services.add_worklog(db, actor, W("2026-03-09", "安保维稳", None, note="两会"))
    services.add_worklog(db, actor, W("2026-02-16", "日常排查", "江北街道", found=2))
    services.add_worklog(db, actor, W("2026-02-20", "专项排查", "马鞍街道"))
    ctx.notify_changed()
    wait_idle()
    assert page.table.rowCount() == 4
    choose(page.month_box, "2026年3月")
    wait_idle()
    assert [r[0] for r in listed(page)] == ["2026-03-09", "2026-03-02"]
    assert page.count_label.text() == "共 2 条：排查 1 次，发现纠纷 1 件，安保维稳 1 次，零上报 0 条"
    choose(page.month_box, "全部月份")
    choose(page.street_box, "马鞍街道")
    wait_idle()
    assert [r[0] for r in listed(page)] == ["2026-03-02", "2026-02-20"]
    choose(page.type_box, "专项排查")
    wait_idle()
    assert [r[1] for r in listed(page)] == ["专项排查"]
    choose(page.street_box, "全部街镇")
    choose(page.type_box, "安保维稳")
    wait_idle()
    assert listed(page) == [("2026-03-09", "安保维稳", "全区", "")]


def test_zero_report_delete_and_export(qtbot, page, ctx, db, wait_idle, monkeypatch, tmp_path):
    dialog = open_dialog(qtbot, page, page.zero_button)
    choose(dialog.month, "2026年2月")
    dialog.street.lineEdit().clear()
    type_text(qtbot, dialog.street, "江北街道")
    click(qtbot, dialog.ok_button)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert listed(page) == [("2026-02-28", "日常排查（零上报）", "江北街道", "")]
    # the same month again is refused, at the dialog
    again = open_dialog(qtbot, page, page.zero_button)
    choose(again.month, "2026年2月")
    again.street.lineEdit().clear()
    type_text(qtbot, again.street, "江北街道")
    click(qtbot, again.ok_button)
    wait_idle()
    assert again.errors.messages()["month"] == "江北街道2026年2月已经零上报"
    again.reject()

    out = tmp_path / "台账.csv"
    monkeypatch.setattr(worklog_page, "save_path", lambda *_a: str(out))
    click(qtbot, page.export_button)
    wait_idle()
    assert [r["范围"] for _n, r in exchange.read_worklog_file(out)] == ["江北街道"]

    page.table.selectRow(0)
    monkeypatch.setattr(forms, "ask_reason", lambda *_a: "录错")
    click(qtbot, page.delete_button)
    wait_idle()
    assert page.table.rowCount() == 0
    assert queries.count_worklog(db) == 0


def test_the_page_in_the_main_window(qtbot, ctx, wait_idle):
    from ui.shell.main_window import PAGE_KEYS, MainWindow

    win = MainWindow(ctx, remember=False)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    wait_idle()
    nav = win.navigation
    rect = nav.visualItemRect(nav.item(PAGE_KEYS.index("worklog")))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle()
    assert isinstance(win.worklog_page, WorkLogPage)
    assert win.stack.currentWidget() is win.worklog
    assert win.worklog_page.month_box.itemText(1) == f"{TODAY.year}年{TODAY.month}月"


def test_the_dashboard_shows_the_work_log_of_its_period(qtbot, ctx, db, wait_idle):
    from ui.pages.dashboard.page import DashboardPage

    for day, kind, found in (("2026-01-05", "日常排查", 2), ("2026-03-02", "集中排查", 1),
                             ("2026-03-09", "安保维稳", 0), ("2025-12-30", "安保维稳", 0)):
        services.add_worklog(db, ctx.actor, W(day, kind, "马鞍街道", found=found))
    widget = DashboardPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.data is not None and not widget.loading)
    wait_idle()
    # the charts' period is this year so far by default
    assert widget.work_line.text() == (
        "排查台账（2026-01-01～2026-03-20）：排查 2 次，发现纠纷 3 件，安保维稳 1 次")
