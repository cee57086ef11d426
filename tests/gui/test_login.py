"""Login, first admin, the idle lock, 操作日志 and what each role sees."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied
from caseapp.services import accounts
from caseapp.storage.models import Event
from gui.keyboard import type_chinese, type_text

PASSWORD = "Admin-pass-2026"


@pytest.fixture
def office(db):
    admin = accounts.setup_admin(db, "boss", "周主任", PASSWORD)
    viewer = accounts.add_user(db, admin, "look", "赵查看", wf.VIEWER, PASSWORD)
    return admin, viewer


def actions(db, action):
    with db.read() as s:
        return [(e.user_id, e.note) for e in s.scalars(
            select(Event).where(Event.action == action).order_by(Event.id))]


def test_login_refuses_inline_then_accepts(qtbot, ctx, db, office, wait_idle):
    from ui.dialogs.login_dialog import LoginDialog

    admin, _viewer = office
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.user_edit, "boss")
    type_text(qtbot, dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible() and dialog.error_text() == "用户名或密码不正确"
    assert dialog.password_edit.text() == ""
    assert dialog.password_edit.property("invalid") is True
    type_text(qtbot, dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    wait_idle()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (ctx.actor, ctx.role, ctx.display_name) == (admin, wf.ADMIN, "周主任")
    assert [a for a, _n in actions(db, "login_failed")] == [admin]
    assert actions(db, "login") == [(admin, None)]


def test_login_shows_the_wait_after_five_failures(qtbot, ctx, db, office, wait_idle):
    from ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.user_edit, "boss")
    for _ in range(5):
        type_text(qtbot, dialog.password_edit, "wrong-password")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        wait_idle()
    assert dialog.error_text() == accounts.LOCKED
    type_text(qtbot, dialog.password_edit, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible() and dialog.error_text() == accounts.LOCKED
    assert len(actions(db, "login_failed")) == 6


def test_first_admin_dialog(qtbot, ctx, db, actor, wait_idle):
    from ui.dialogs.login_dialog import FirstAdminDialog

    dialog = FirstAdminDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name_edit, "zhouzq")
    type_chinese(dialog.display_edit, "周志强")
    type_text(qtbot, dialog.password_edit, "short")
    type_text(qtbot, dialog.again_edit, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.errors.messages() == {"password": "密码至少需要8个字符"}
    assert accounts.needs_admin_setup(db)
    for edit in (dialog.password_edit, dialog.again_edit):
        edit.clear()
        type_text(qtbot, edit, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert accounts.accounts_enabled(db) and ctx.user_name == "zhouzq" and ctx.role == wf.ADMIN
    assert not accounts.user_info(db, actor).active


def test_idle_lock_and_unlock(qtbot, ctx, db, office, wait_idle):
    from ui.shell.main_window import MainWindow

    admin, _ = office
    ctx.set_user(admin)
    ctx.accounts_on = True
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    wait_idle()  # the idle time of the settings has arrived (10 minutes)
    assert window.session.watcher.ms == 10 * 60000
    window.session.watcher.set_interval(50, poll_ms=10)  # instead of idle_lock_minutes
    qtbot.waitUntil(window.session.is_locked, timeout=3000)
    wait_idle()
    overlay = window.session.overlay
    assert window.centralWidget() is overlay and overlay.isVisible()
    assert not window.petitions.isVisible()  # no case data on screen while locked
    assert not window.new_petition_action.isEnabled()  # shortcuts do nothing while locked
    # Nor the menus: the menu bar is gone and none of its items can be triggered.
    from PySide6.QtGui import QAction

    menu_actions = [a for a in window.menuBar().findChildren(QAction) if a.text()]
    assert menu_actions and not window.menuBar().isVisible()
    assert not any(a.isEnabled() for a in menu_actions)
    # Back to a real idle time: with 50 ms, a loaded machine can be idle that long between the
    # unlock and the checks below, and the window would (rightly) lock again.
    window.session.watcher.set_interval(10 * 60000)
    type_text(qtbot, overlay.password, "wrong-password")
    qtbot.mouseClick(overlay.button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert overlay.isVisible() and overlay.error.text() == "用户名或密码不正确"
    type_text(qtbot, overlay.password, PASSWORD)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    wait_idle()
    assert not overlay.isVisible() and window.new_petition_action.isEnabled()
    assert window.menuBar().isVisible()
    assert window.centralWidget() is not overlay and window.stack.isVisible()
    assert [a for a, _n in actions(db, "locked")] == [admin]
    assert actions(db, "login")[-1] == (admin, "解锁")
    window.session.watcher.stop()


def test_viewer_sees_no_acts(qtbot, ctx, db, office, wait_idle):
    from ui.shell.main_window import MainWindow

    admin, viewer = office
    ref = services.register_petition(db, admin, services.CaseInput(
        summary="反映噪音", category="其他", received_on=date(2026, 3, 2)),
        [services.PartyInput(name="张秀英", role="信访人", phone="13800001111")])
    ctx.set_user(viewer)
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    nav = window.navigation
    hidden = {nav.item(i).text() for i in range(nav.count()) if nav.item(i).isHidden()}
    assert hidden == {"设置", "操作日志"}
    assert not window.new_petition_action.isVisible() and not window.import_action.isVisible()
    window.open_case(ref.id)
    wait_idle()
    view = window.case_view
    assert not any(b.isVisible() or b.isEnabled() for b in view.act_bar.act_buttons.values())
    assert view.parties_table.item(0, 4).text() == "138****1111"
    assert view.parties_table.cellWidget(0, 6) is None  # no 显示 for a viewer
    window.session.watcher.stop()


def test_audit_page_shows_and_filters(qtbot, ctx, db, office, wait_idle):
    from ui.pages.audit import AuditPage

    admin, viewer = office
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, "look", "wrong-password")
    accounts.authenticate(db, "look", PASSWORD)
    ctx.set_user(admin)
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    wait_idle()
    page.from_edit.setDate(page.from_edit.minimumDate())  # — : no lower bound
    page.search()
    wait_idle()
    model = page.model
    labels = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert labels[:2] == ["登录", "登录失败"] and "添加用户" in labels
    assert page.count_label.text() == f"共 {model.total} 条"
    page.action_box.setCurrentIndex(page.action_box.findData("login_failed"))
    wait_idle()
    assert model.rowCount() == 1 and model.index(0, 1).data() == "赵查看"
    saved = []
    import ui.pages.audit as audit_page
    out = str(page.ctx.db.path.parent / "log.xlsx")
    audit_page.save_path = lambda *_a: saved.append(out) or out
    page.export()
    wait_idle()
    from openpyxl import load_workbook
    sheet = load_workbook(out).worksheets[0]
    assert sheet.max_row == 2 and sheet.cell(2, 4).value == "登录失败"
