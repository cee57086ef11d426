"""查找 in the main window: Ctrl+F, typing, what matched, Enter / double-click, the empty hint."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from caseapp import queries, services
from caseapp.services import accounts
from gui.conftest import TODAY
from gui.keyboard import type_text
from ui.pages.search import COLUMNS, SearchPage
from ui.shell.main_window import PAGE_KEYS, MainWindow


def day(n: int):
    return TODAY - timedelta(days=n)


@pytest.fixture
def cases(db, actor):
    """张三's petition (older) and 张三's dispute against 李四 (newer)."""
    petition = services.register_petition(
        db, actor, services.CaseInput(summary="拖欠工资问题", category="劳动社保",
                                      received_on=day(9), source="来访", handler="周志强"),
        [services.PartyInput(name="张三", role="信访人", phone="13812345678")])
    dispute = services.register_dispute(
        db, actor, services.CaseInput(summary="借款未还引发纠纷", category="邻里纠纷",
                                      received_on=day(2), source="当事人申请", handler="李红"),
        [services.PartyInput(name="张三", role="申请人", phone="13812345678"),
         services.PartyInput(name="李四", role="被申请人")])
    return petition, dispute


def open_window(qtbot, ctx, wait_idle) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    wait_idle()
    return win


def ctrl_f(qtbot, win) -> SearchPage:
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = win.search_page
    assert page is not None and win.stack.currentWidget() is page
    assert page.box.hasFocus()
    return page


def cell(page: SearchPage, row: int, column: str) -> str:
    return page.table.item(row, COLUMNS.index(column)).text()


def type_and_wait(qtbot, page: SearchPage, text: str, wait_idle) -> None:
    page.box.selectAll()
    type_text(qtbot, page.box, text)
    qtbot.waitUntil(lambda: page.shown_term == text, timeout=5000)  # after the pause
    wait_idle()


def test_ctrl_f_zs_shows_what_matched_and_enter_opens_the_dispute(qtbot, ctx, db, cases,
                                                                 wait_idle):
    petition, dispute = cases
    win = open_window(qtbot, ctx, wait_idle)
    assert win.current_key() == "workbench"
    page = ctrl_f(qtbot, win)
    assert [page.table.horizontalHeaderItem(c).text() for c in range(len(COLUMNS))] == \
        ["编号", "类型", "状态", "匹配项", "事项摘要", "登记日期", "承办人"]
    type_and_wait(qtbot, page, "zs", wait_idle)
    assert page.table.rowCount() == 2
    number = queries.case_detail(db, dispute.id).number
    # the newer case first: 张三's dispute
    assert [cell(page, 0, c) for c in COLUMNS] == [
        number, "纠纷", "待受理", "拼音首字母：张三（申请人）", "借款未还引发纠纷",
        day(2).isoformat(), "李红"]
    assert cell(page, 1, "类型") == "信访"
    assert cell(page, 1, "匹配项") == "拼音首字母：张三（信访人）"
    assert page.status.text() == "找到 2 件（信访件和矛盾纠纷）"
    assert page.box.hasFocus()
    qtbot.keyClick(page.box, Qt.Key.Key_Return)
    assert win.showing_case() and win.current_case == dispute.id
    wait_idle()
    # Esc returns to the results, not to a list
    win.case_view.setFocus()
    qtbot.keyClick(win.case_view, Qt.Key.Key_Escape)
    assert win.stack.currentWidget() is page and page.table.rowCount() == 2
    assert page.box.hasFocus() and page.box.text() == "zs"
    # a click on the navigation leaves the page
    nav = win.navigation
    rect = nav.visualItemRect(nav.item(PAGE_KEYS.index("workbench")))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.stack.currentWidget() is win.workbench
    wait_idle()


def test_phone_tail_masked_double_click_and_the_empty_hint(qtbot, ctx, cases, wait_idle):
    petition, _dispute = cases
    win = open_window(qtbot, ctx, wait_idle)
    page = ctrl_f(qtbot, win)
    type_and_wait(qtbot, page, "工资", wait_idle)
    assert page.table.rowCount() == 1
    assert cell(page, 0, "匹配项") == "事项摘要：拖欠工资问题"
    view = page.table
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not win.showing_case()  # a click only selects
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.showing_case() and win.current_case == petition.id
    wait_idle()
    page = ctrl_f(qtbot, win)  # from the case view too
    type_and_wait(qtbot, page, "5678", wait_idle)
    assert {cell(page, r, "匹配项") for r in range(page.table.rowCount())} == {
        "电话尾号：张三 138****5678"}
    # ↓ from the box into the results, ↓ to the second row, Enter opens it
    qtbot.keyClick(page.box, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentRow() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert cell(page, page.table.currentRow(), "类型") == "信访"
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert win.showing_case() and win.current_case == petition.id
    wait_idle()
    page = ctrl_f(qtbot, win)
    type_and_wait(qtbot, page, "wxyz", wait_idle)
    assert page.body.currentWidget() is page.empty_label
    assert page.empty_label.text() == \
        "没有找到「wxyz」；可按编号、姓名、拼音首字母、电话后四位查找"
    wait_idle()


def test_ctrl_f_twice_on_a_list_carries_its_text_over_to_both_kinds(qtbot, ctx, db, cases,
                                                                    wait_idle):
    _petition, dispute = cases
    number = queries.case_detail(db, dispute.id).number
    fragment = number[number.index("调"):number.index("号")]  # 调字第0001
    win = open_window(qtbot, ctx, wait_idle)
    win.show_page("petition")
    wait_idle()
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = win.petitions.filters.search
    assert box.hasFocus()  # first the list's own box
    type_text(qtbot, box, fragment)
    wait_idle()
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = win.search_page
    assert win.stack.currentWidget() is page and page.box.text() == fragment
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert cell(page, 0, "编号") == number and cell(page, 0, "匹配项") == f"编号：{number}"
    wait_idle()


def test_a_viewer_searches_and_opens(qtbot, qapp, db, cases, wait_idle):
    from ui.context import AppContext

    admin = accounts.setup_admin(db, "admin", "管理员", "Admin-password-1")
    viewer = accounts.add_user(db, admin, "kan", "查看员", "viewer", "Viewer-password-1")
    ctx = AppContext(db, viewer, today=TODAY)
    assert ctx.role == "viewer"
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.show_search("李四")
    page = win.search_page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert cell(page, 0, "匹配项") == "当事人：李四（被申请人）"
    qtbot.keyClick(page.box, Qt.Key.Key_Return)
    assert win.showing_case() and win.current_case == cases[1].id
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10000)
    ctx.runner.pool.waitForDone(10000)
