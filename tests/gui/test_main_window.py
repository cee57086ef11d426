"""The main window: navigation, shortcuts, the case view over the list, remembered state, the
status bar, and `main.py --self-test` as an installer would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from caseapp import queries
from gui.conftest import TODAY
from gui.test_case_list import import_cases, wait_loaded
from ui.shell.main_window import PAGE_KEYS, MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, ctx, wait_idle):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    wait_idle()
    yield win
    for dialog in win.open_dialogs():
        dialog.reject()
    wait_idle()


def click_nav(qtbot, win, key: str) -> None:
    nav = win.navigation
    rect = nav.visualItemRect(nav.item(PAGE_KEYS.index(key)))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_navigation_switches_pages(qtbot, window, wait_idle):
    assert window.navigation.objectName() == "navigation"
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == \
        ["工作台", "统计概览", "信访件", "矛盾纠纷", "统计报表", "排查台账", "设置", "操作日志"]
    assert window.stack.currentWidget() is window.workbench
    click_nav(qtbot, window, "dispute")
    assert window.stack.currentWidget() is window.disputes
    click_nav(qtbot, window, "reports")
    assert window.stack.currentWidget() is window.reports
    click_nav(qtbot, window, "settings")
    assert window.stack.currentWidget() is window.settings_page
    assert window.settings_page.layout().count() == 1  # the settings page was built
    click_nav(qtbot, window, "petition")
    assert window.stack.currentWidget() is window.petitions
    wait_idle()


def test_shortcuts_and_toolbar(window):
    def keys(action):
        return [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]

    assert keys(window.new_petition_action)[0] == "Ctrl+N"
    assert keys(window.new_dispute_action) == ["Ctrl+Shift+N"]
    assert "Ctrl+F" in keys(window.find_action)
    assert "F5" in keys(window.refresh_action)
    assert "Ctrl+P" in keys(window.print_action)
    assert not window.print_action.isEnabled()
    # Nothing to print on the workbench: disabled, and the tooltip says where printing is.
    assert "统计报表" in window.print_action.toolTip()
    # What the toolbar shows (the menu's 导入… keeps its dots there).
    texts = [a.iconText() for a in window.toolbar.actions() if a.iconText()]
    assert texts[:5] == ["新建信访", "新建纠纷", "导入", "打印", "刷新"]


def test_ctrl_n_opens_petition_intake_and_ctrl_shift_n_dispute(qtbot, window, wait_idle):
    from ui.dialogs.intake import IntakeDialog

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.open_dialogs()) == 1)
    dialog = window.open_dialogs()[0]
    assert isinstance(dialog, IntakeDialog) and dialog.kind == "petition"
    assert dialog.isVisible() and dialog.isModal()
    wait_idle()
    dialog.reject()
    qtbot.waitUntil(lambda: not window.open_dialogs())

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(window.open_dialogs()) == 1)
    assert window.open_dialogs()[0].kind == "dispute"
    wait_idle()


def test_ctrl_f_focuses_the_list_search(qtbot, window, wait_idle):
    click_nav(qtbot, window, "dispute")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.disputes.filters.search.hasFocus()
    click_nav(qtbot, window, "workbench")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    # Elsewhere Ctrl+F opens 查找 over both kinds, not the petition list (issue #12, point 7).
    assert window.stack.currentWidget() is window.search_page
    assert window.search_page.box.hasFocus()
    wait_idle()


def test_last_page_is_remembered(qtbot, ctx, wait_idle):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    click_nav(qtbot, first, "dispute")
    first.close()
    wait_idle()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.current_key() == "dispute"
    assert second.stack.currentWidget() is second.disputes
    wait_idle()


def test_case_opens_over_the_list_and_esc_returns(qtbot, ctx, db, actor, tmp_path, wait_idle):
    import_cases(db, actor, tmp_path, 12)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    click_nav(qtbot, win, "petition")
    page = win.petitions
    wait_loaded(qtbot, page, wait_idle)
    view = page.table
    rect = view.visualRect(page.model.index(3, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.showing_case()
    assert win.current_case == page.model.case_id_at(3)
    wait_idle()
    win.case_view.setFocus()
    qtbot.keyClick(win.case_view, Qt.Key.Key_Escape)
    assert not win.showing_case()
    assert win.stack.currentWidget() is page
    wait_idle()


def test_status_bar_and_title(qtbot, ctx, db, actor, tmp_path, wait_idle):
    import_cases(db, actor, tmp_path, 40)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle()
    overdue = queries.workbench_counts(db, TODAY)["overdue"]
    assert overdue > 0
    assert win.overdue_label.text() == f"当前已超期 {overdue} 件"
    assert win.db_label.text() == "数据库: cases.db"
    assert win.user_label.text().startswith("用户: ")
    # Ends in the application's display name, which Qt then does not append a second time.
    assert win.windowTitle() == "矛盾纠纷调解办 — CaseDesk"
    assert win.windowTitle().count("CaseDesk") == 1


def menu_entries(window) -> dict[str, list[str]]:
    return {m.title(): [a.text() for a in m.actions() if a.isVisible() and not a.isSeparator()]
            for m in (a.menu() for a in window.menuBar().actions())}


def test_menu_bar_has_the_usual_menus(window):
    menus = menu_entries(window)
    assert list(menus) == ["文件(&F)", "查看(&V)", "工具(&T)", "帮助(&H)"]
    assert menus["文件(&F)"] == ["新建信访", "新建纠纷", "导入…", "导出…", "打印", "备份…", "退出"]
    assert menus["查看(&V)"] == ["工作台", "统计概览", "信访件", "矛盾纠纷", "统计报表", "查找", "刷新"]
    assert menus["工具(&T)"] == ["设置", "操作日志"]
    assert menus["帮助(&H)"] == ["关于 CaseDesk"]
    # The toolbar's own actions, not copies: one key, one action.
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_action in file_menu.actions()
    assert "Ctrl+Q" in [k.toString(QKeySequence.SequenceFormat.PortableText)
                        for k in window.quit_action.shortcuts()]


def test_view_menu_switches_pages(window, wait_idle):
    window.page_actions["dispute"].trigger()
    assert window.stack.currentWidget() is window.disputes
    assert window.current_key() == "dispute"
    window.page_actions["workbench"].trigger()
    assert window.stack.currentWidget() is window.workbench
    wait_idle()


def test_about_names_version_and_data_folder(qtbot, window, ctx, wait_idle):
    import caseapp
    from caseapp.paths import data_dir

    window.about_action.trigger()
    qtbot.waitUntil(lambda: len(window.open_dialogs()) == 1)
    box = window.open_dialogs()[0]
    assert caseapp.__version__ in box.text()
    assert str(data_dir()) in box.informativeText()
    wait_idle()


def test_ctrl_q_closes_the_window_the_normal_way(qtbot, window, ctx, wait_idle):
    assert ctx.settings().value("mainWindow/geometry") is None
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    # closeEvent ran, as on any close: it remembers the window's geometry.
    assert ctx.settings().value("mainWindow/geometry") is not None
    wait_idle()


def test_f5_reloads_the_list(qtbot, window, db, actor, tmp_path, wait_idle):
    click_nav(qtbot, window, "petition")
    wait_loaded(qtbot, window.petitions, wait_idle)
    assert window.petitions.model.rowCount() == 0
    import_cases(db, actor, tmp_path, 7)  # behind the window's back: no change signal
    wait_idle()
    assert window.petitions.model.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.petitions.model.rowCount() == 7)
    wait_idle()


def test_self_test_prints_one_line(tmp_path, db, actor):
    import_cases(db, actor, tmp_path, 5)
    db.dispose()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CASEAPP_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--self-test", "--db", str(tmp_path / "cases.db")],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines) == 1
    assert lines[0].startswith("self-test ok: window ")
    assert "(5 cases)" in lines[0]


def test_self_test_fails_on_a_bad_database(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CASEAPP_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--self-test", "--db", str(bad)],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("self-test failed: ")
    assert len(result.stdout.splitlines()) == 1


def test_the_demo_fill_says_so_on_the_empty_lists_then_shows_the_cases(
        qtbot, window, ctx, wait_idle, monkeypatch):
    import threading

    from caseapp import demo
    from ui.app import fill_demo

    release = threading.Event()
    real = demo.generate

    def held(*args, **kwargs):  # the job waits until the empty list has been looked at
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(demo, "generate", held)
    window.show_page("petition")
    wait_idle()
    page = window.petitions
    assert "还没有案件" in page.empty_label.text() and not page.empty_button.isHidden()
    fill_demo(window, ctx, cases=30)
    qtbot.waitUntil(lambda: page.empty_label.text() == "正在生成演示数据（30 件），请稍候…")
    assert page.empty_button.isHidden()  # no 「新建」 invitation while the cases are coming
    release.set()
    qtbot.waitUntil(lambda: ctx.filling is None, timeout=60000)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    assert page.body.currentWidget() is not page.empty
    settings = ctx.db.settings()  # a sample office: no setup reminder in the demo
    assert (settings.office_name, settings.committee_name) == (
        "示例街道矛盾纠纷调解办", "示例街道人民调解委员会")
    assert not settings.office_unnamed()
