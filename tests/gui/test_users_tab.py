"""设置 → 账户: adding, resetting and disabling accounts as an administrator."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.errors import PermissionDenied
from caseapp.services import accounts
from caseapp.storage.models import User
from gui.keyboard import type_text

PASSWORD = "Admin-pass-2026"


@pytest.fixture
def office(db, ctx):
    """An admin (logged in in ctx) and one clerk."""
    admin = accounts.setup_admin(db, "boss", "周主任", PASSWORD)
    clerk = accounts.add_user(db, admin, "wangli", "王丽", wf.CLERK, PASSWORD)
    ctx.set_user(admin)
    return admin, clerk


@pytest.fixture
def tab(qtbot, ctx, office, wait_idle):
    from ui.pages.settings.users import UsersTab

    widget = UsersTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1166, 658)
    widget.show()
    wait_idle()
    return widget


def click(qtbot, button):
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select_user(tab, name):
    row = [r for r, texts in enumerate(tab.row_texts()) if texts[0] == name][0]
    tab.table.selectRow(row)


def users_by_name(db):
    return {u.name: u for u in accounts.list_users(db)}


def test_lists_the_accounts(tab):
    assert tab.stack.currentIndex() == 1
    assert tab.row_texts() == [("boss", "周主任（本人）", "管理员", "正常"),
                               ("wangli", "王丽", "登记员", "正常")]
    assert not tab.reset_button.isEnabled() and not tab.disable_button.isEnabled()


def test_add_a_clerk(qtbot, tab, db, wait_idle, no_message_boxes):
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert dialog.isVisible() and dialog.role_box.currentText() == "登记员"
    type_text(qtbot, dialog.name_edit, "lixm")
    type_text(qtbot, dialog.display_edit, "李晓明")
    dialog.role_box.setCurrentIndex(dialog.role_box.findText("调解员"))
    type_text(qtbot, dialog.password_edit, "Mediator-2026")
    type_text(qtbot, dialog.again_edit, "Mediator-2026")
    click(qtbot, dialog.ok_button)
    wait_idle()
    wait_idle()
    assert tab.dialog is None  # closed
    assert ("lixm", "李晓明", "调解员", "正常") in tab.row_texts()
    assert tab.selected().name == "lixm"
    assert tab.status.text() == "已添加账户 lixm（调解员）"
    user = users_by_name(db)["lixm"]
    assert (user.display_name, user.role, user.active, user.has_password) == (
        "李晓明", wf.MEDIATOR, True, True)
    with db.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.name == "lixm"))
    assert "Mediator-2026" not in stored and stored.startswith("scrypt$")
    assert accounts.authenticate(db, "lixm", "Mediator-2026")


def test_mismatched_password_is_shown_beside_the_field(qtbot, tab, db, wait_idle,
                                                       no_message_boxes):
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    type_text(qtbot, dialog.name_edit, "lixm")
    type_text(qtbot, dialog.display_edit, "李晓明")
    type_text(qtbot, dialog.password_edit, "Mediator-2026")
    type_text(qtbot, dialog.again_edit, "Mediator-2062")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.errors.messages() == {"again": "两次输入的密码不一致"}
    assert dialog.again_edit.property("invalid") is True
    assert "lixm" not in users_by_name(db)
    assert len(tab.row_texts()) == 2


def test_caseapp_refusals_are_shown_beside_their_fields(qtbot, tab, db, wait_idle,
                                                        no_message_boxes):
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    type_text(qtbot, dialog.name_edit, "wangli")  # taken
    type_text(qtbot, dialog.display_edit, "王丽")
    type_text(qtbot, dialog.password_edit, "short")
    type_text(qtbot, dialog.again_edit, "short")
    click(qtbot, dialog.ok_button)
    wait_idle()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.errors.messages() == {"name": "用户名「wangli」已被使用",
                                        "password": "密码至少需要8个字符"}
    assert dialog.name_edit.property("invalid") is True
    assert len(users_by_name(db)) == 2


def test_reset_a_password(qtbot, tab, db, wait_idle, no_message_boxes):
    select_user(tab, "wangli")
    click(qtbot, tab.reset_button)
    dialog = tab.dialog
    assert dialog.windowTitle() == "重置密码" and dialog.user.name == "wangli"
    type_text(qtbot, dialog.new_edit, "New-secret-77")
    type_text(qtbot, dialog.again_edit, "New-secret-77")
    qtbot.keyClick(dialog.again_edit, Qt.Key.Key_Return)
    wait_idle()
    wait_idle()
    assert tab.dialog is None  # closed
    assert tab.status.text() == "已重置 wangli 的密码"
    clerk = users_by_name(db)["wangli"].id
    assert accounts.authenticate(db, "wangli", "New-secret-77") == clerk
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, "wangli", PASSWORD)


def test_disable_a_user(qtbot, tab, db, wait_idle, monkeypatch, no_message_boxes):
    from ui.widgets import forms

    asked = []
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: asked.append(text)
                        or True)
    select_user(tab, "wangli")
    click(qtbot, tab.disable_button)
    wait_idle()
    wait_idle()
    assert len(asked) == 1 and "wangli" in asked[0]
    assert ("wangli", "王丽", "登记员", "已停用") in tab.row_texts()
    assert not users_by_name(db)["wangli"].active
    assert not tab.disable_button.isEnabled()  # still selected, nothing more to do
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, "wangli", PASSWORD)


def test_a_declined_confirmation_changes_nothing(qtbot, tab, db, wait_idle, monkeypatch,
                                                 no_message_boxes):
    from ui.widgets import forms

    monkeypatch.setattr(forms, "confirm", lambda *a, **k: False)
    select_user(tab, "wangli")
    click(qtbot, tab.disable_button)
    wait_idle()
    assert users_by_name(db)["wangli"].active
    assert ("wangli", "王丽", "登记员", "正常") in tab.row_texts()


def test_disabling_yourself_is_refused(qtbot, tab, db, wait_idle, monkeypatch,
                                       no_message_boxes):
    from ui.widgets import forms

    monkeypatch.setattr(forms, "confirm", lambda *a, **k: pytest.fail("asked to confirm"))
    select_user(tab, "boss")
    click(qtbot, tab.disable_button)
    wait_idle()
    assert tab.message.isVisible() and tab.message.text() == "不能停用自己的账户"
    assert users_by_name(db)["boss"].active
    assert tab.row_texts()[0][3] == "正常"


def test_a_refusal_by_caseapp_is_shown_under_the_table(qtbot, tab, db, office, wait_idle,
                                                      monkeypatch, no_message_boxes):
    from ui.widgets import forms

    admin, _clerk = office
    deputy = accounts.add_user(db, admin, "deputy", "吴副主任", wf.ADMIN, PASSWORD)
    accounts.disable_user(db, deputy, "boss")  # meanwhile, in another session
    monkeypatch.setattr(forms, "confirm", lambda *a, **k: True)
    select_user(tab, "wangli")
    click(qtbot, tab.disable_button)
    wait_idle()
    wait_idle()
    assert tab.message.isVisible() and tab.message.text() == "当前用户不存在或已停用"
    assert users_by_name(db)["wangli"].active
    assert ("boss", "周主任（本人）", "管理员", "已停用") in tab.row_texts()


def test_locked_account_shows_the_wait(qtbot, tab, db, wait_idle, monkeypatch):
    from datetime import datetime

    monkeypatch.setattr(accounts, "now", lambda: datetime(2026, 3, 20, 9, 0))
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, "wangli", "wrong-password")
    tab.reload()
    wait_idle()
    assert ("wangli", "王丽", "登记员", "等待至 09:05") in tab.row_texts()


def test_without_accounts_the_tab_offers_the_admin_setup(qtbot, ctx, wait_idle,
                                                         no_message_boxes):
    from ui.pages.settings.users import UsersTab

    tab = UsersTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle()
    assert tab.stack.currentIndex() == 0 and tab.setup_button.isVisible()
    click(qtbot, tab.setup_button)
    dialog = tab.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "设置管理员账户"
    type_text(qtbot, dialog.name_edit, "boss")
    type_text(qtbot, dialog.display_edit, "周主任")
    type_text(qtbot, dialog.password_edit, PASSWORD)
    type_text(qtbot, dialog.again_edit, PASSWORD)
    click(qtbot, dialog.ok_button)
    wait_idle()
    wait_idle()
    assert tab.stack.currentIndex() == 1
    assert tab.row_texts() == [("boss", "周主任（本人）", "管理员", "正常")]


def test_settings_page_has_the_tab_for_admins_only(qtbot, ctx, db, office, wait_idle):
    from ui.pages.settings.page import SettingsPage

    def tab_names(page):
        return [page.tabs.tabText(i) for i in range(page.tabs.count())]

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    wait_idle()
    assert tab_names(page)[-1] == "账户" and page.users_tab is not None
    assert page.users_tab.row_texts()[1][0] == "wangli"

    _admin, clerk = office
    ctx.set_user(clerk)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    wait_idle()
    assert "账户" not in tab_names(page) and page.users_tab is None
