"""The first-run wizard (issue #12, point 6): typed and clicked through, saved in one act;
跳过 saves nothing and the workbench keeps reminding until the office is named."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QRect, Qt
from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.services import accounts
from caseapp.storage.models import Event
from caseapp.storage.settings import DEFAULT_OFFICE_NAME, DEFAULT_STREETS
from gui.keyboard import type_text
from ui.dialogs.setup_wizard import SetupWizard
from ui.pages.workbench import WorkbenchPage
from ui.widgets import fit


@pytest.fixture
def admin(ctx, db):
    """The first start: the admin account made, and signed in as it (what sign_in leaves)."""
    user = accounts.setup_admin(db, "zhouzq", "周主任", "Admin-pass-2026")
    ctx.set_user(user, wf.ADMIN, "zhouzq", "周主任")
    return user


@pytest.fixture
def wizard(qtbot, ctx, db, admin, no_message_boxes):
    w = SetupWizard(ctx, db.settings())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def click(qtbot, wizard, which: str) -> None:
    button = getattr(wizard, f"{which}_button")
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def type_lines(qtbot, edit, lines) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        type_text(qtbot, edit, line)


def settings_events(db) -> list[Event]:
    with db.read() as s:
        return list(s.scalars(select(Event).where(Event.action == "settings_changed")))


def fill_office_page(qtbot, w) -> None:
    type_text(qtbot, w.office_name, "马鞍街道矛盾纠纷调解办")
    type_text(qtbot, w.committee_name, "马鞍街道人民调解委员会")
    type_text(qtbot, w.petition_organ, "马鞍街道办事处")
    type_text(qtbot, w.contact_person, "刘晓燕")
    type_text(qtbot, w.contact_phone, "023-7228 1234")


def test_buttons_are_chinese_and_the_wizard_fits_150_percent(qtbot, ctx, db, admin, monkeypatch):
    # 1366×768 at 150 %: 910×512 logical pixels.
    monkeypatch.setattr(fit, "available_rect", lambda _w=None: QRect(0, 0, 910, 512))
    w = SetupWizard(ctx, db.settings())
    qtbot.addWidget(w)
    w.show()
    texts = [b.text() for b in (w.back_button, w.next_button, w.finish_button, w.skip_button)]
    assert texts == ["上一步", "下一步", "完成", "跳过"]
    assert not w.back_button.isEnabled() and not w.finish_button.isVisible()
    assert w.width() <= 910 - fit.MARGIN_W and w.height() <= 512 - fit.MARGIN_H
    for index in range(len(w.pages)):
        w.show_step(index)
        hint = w.minimumSizeHint()
        assert hint.width() <= w.width() and hint.height() <= w.height(), index
    assert w.finish_button.isVisible() and not w.next_button.isVisible()


def test_every_page_filled_then_finished(qtbot, ctx, db, wizard, wait_idle):
    w = wizard
    assert w.current_page() is w.pages[0]
    fill_office_page(qtbot, w)
    click(qtbot, w, "next")
    assert w.current_page() is w.pages[1]
    # The live example of each number format, as the next number will look.
    assert w.example("petition_number_format") == "示例：（2026）信字第0001号"
    retype(qtbot, w.dispute_format, "马调〔{year}〕{seq}号")
    assert w.example("dispute_number_format") == "示例：马调〔2026〕1号"
    click(qtbot, w, "next")
    assert w.streets.toPlainText().splitlines() == list(DEFAULT_STREETS)
    type_lines(qtbot, w.streets, ["马鞍街道", "新城街道", "新城街道"])
    click(qtbot, w, "next")
    # The admin is offered as a handler, ticked.
    assert w.offer_me.isVisible() and w.offer_me.isChecked()
    assert "周主任" in w.offer_me.text()
    type_lines(qtbot, w.handlers, ["李明", "王芳"])
    assert settings_events(db) == []
    click(qtbot, w, "finish")
    wait_idle()
    assert w.result() == w.DialogCode.Accepted and not w.isVisible()

    s = db.settings()
    assert (s.office_name, s.committee_name, s.petition_organ) == (
        "马鞍街道矛盾纠纷调解办", "马鞍街道人民调解委员会", "马鞍街道办事处")
    assert (s.contact_person, s.contact_phone) == ("刘晓燕", "023-72281234")
    assert s.petition_number_format == "（{year}）信字第{seq:04d}号"
    assert s.dispute_number_format == "马调〔{year}〕{seq}号"
    assert s.streets == ("马鞍街道", "新城街道")
    assert s.handlers == ("周主任", "李明", "王芳")
    assert not s.office_unnamed()
    (event,) = settings_events(db)
    changes = json.loads(event.changes)
    assert changes["committee_name"] == ["人民调解委员会", "马鞍街道人民调解委员会"]
    assert changes["contact_phone"] == ["", "023****1234"]  # no phone in full on the trail

    # 设置 shows the same, ready to change later.
    from ui.pages.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle()
    tab = page.office_tab
    assert tab.committee_name.text() == "马鞍街道人民调解委员会"
    assert tab.edits["petition_organ"].text() == "马鞍街道办事处"
    assert tab.edits["contact_phone"].text() == "023-72281234"


def test_unticking_the_admin_leaves_them_out(qtbot, db, wizard, wait_idle):
    w = wizard
    fill_office_page(qtbot, w)
    for _ in range(3):
        click(qtbot, w, "next")
    w.offer_me.setFocus()
    qtbot.keyClick(w.offer_me, Qt.Key.Key_Space)
    assert not w.offer_me.isChecked()
    click(qtbot, w, "finish")
    wait_idle()
    assert db.settings().handlers == ()


def test_bad_fields_named_in_chinese_and_nothing_saved(qtbot, db, wizard, wait_idle):
    w = wizard
    type_text(qtbot, w.contact_phone, "12345")
    click(qtbot, w, "next")
    page = w.pages[0]
    assert w.current_page() is page
    assert page.errors.messages() == {
        "office_name": "单位名称必须填写",
        "committee_name": "人民调解委员会全称必须填写",
        "contact_phone": "联系电话：「12345」不是有效的手机号或固定电话",
    }
    type_text(qtbot, w.office_name, "马鞍街道矛盾纠纷调解办")
    type_text(qtbot, w.committee_name, "人民调解委员会")  # the placeholder is not a name
    retype(qtbot, w.contact_phone, "13800138000")
    click(qtbot, w, "next")
    assert page.errors.messages() == {
        "committee_name": "人民调解委员会全称不能只写「人民调解委员会」，如 马鞍街道人民调解委员会"}
    retype(qtbot, w.committee_name, "马鞍街道人民调解委员会")
    click(qtbot, w, "next")
    assert w.current_page() is w.pages[1]
    retype(qtbot, w.petition_format, "固定编号")
    assert w.example("petition_number_format").startswith("编号格式须含 {seq}")
    click(qtbot, w, "next")
    assert w.current_page() is w.pages[1]
    assert w.pages[1].errors.messages()["petition_number_format"].startswith("信访件编号格式：")
    assert settings_events(db) == [] and db.settings().office_name == DEFAULT_OFFICE_NAME


def test_skip_saves_nothing_and_the_workbench_reminds(qtbot, ctx, db, wizard, wait_idle):
    w = wizard
    type_text(qtbot, w.office_name, "马鞍街道矛盾纠纷调解办")
    click(qtbot, w, "skip")  # 跳过
    wait_idle()
    assert w.result() == w.DialogCode.Rejected
    assert settings_events(db) == [] and db.settings().office_name == DEFAULT_OFFICE_NAME

    from ui.shell.main_window import MainWindow

    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show_page("workbench")
    window.show()
    bench = window.workbench
    qtbot.waitUntil(lambda: not bench.loading)
    wait_idle()
    reminder = bench.reminder
    assert reminder.isVisible()
    assert reminder.text.text() == "单位信息尚未填写：协议书和告知书的抬头会不完整。"
    assert reminder.button.text() == "去设置"
    qtbot.mouseClick(reminder.button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "settings"
    settings = window.settings_view
    wait_idle()
    assert settings.tabs.tabText(settings.tabs.currentIndex()) == "单位信息"

    # Named there, the reminder goes.
    retype(qtbot, settings.office_tab.office_name, "马鞍街道矛盾纠纷调解办")
    retype(qtbot, settings.office_tab.committee_name, "马鞍街道人民调解委员会")
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    window.show_page("workbench")
    qtbot.waitUntil(lambda: not bench.loading)
    wait_idle()
    assert not reminder.isVisible()


def test_workbench_without_reminder_once_named(qtbot, ctx, db, admin, wait_idle):
    from dataclasses import replace

    from caseapp import services

    services.save_settings(db, admin, replace(db.settings(), office_name="马鞍街道矛盾纠纷调解办",
                                              committee_name="马鞍街道人民调解委员会"))
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: not page.loading)
    assert page.office_label.text().startswith("马鞍街道矛盾纠纷调解办")
    assert not page.reminder.isVisible()


@pytest.fixture
def modal_runs(monkeypatch, qtbot, wait_idle):
    """The start-up dialogs' exec(), run as the clerk would: the admin dialog filled and sent,
    the wizard recorded and skipped (a real modal loop would hang an offscreen test)."""
    from ui.dialogs.login_dialog import FirstAdminDialog

    shown = []

    def admin_exec(dialog):
        dialog.show()
        type_text(qtbot, dialog.name_edit, "zhouzq")
        type_text(qtbot, dialog.display_edit, "周主任")
        type_text(qtbot, dialog.password_edit, "Admin-pass-2026")
        type_text(qtbot, dialog.again_edit, "Admin-pass-2026")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        wait_idle()
        shown.append("admin")
        return dialog.result()

    def wizard_exec(w):
        shown.append(("wizard", w.offer_me.text(), w.offer_me.isChecked()))
        w.close()
        return w.DialogCode.Rejected

    monkeypatch.setattr(FirstAdminDialog, "exec", admin_exec)
    monkeypatch.setattr(SetupWizard, "exec", wizard_exec)
    return shown


def test_first_start_offers_the_wizard_after_the_admin_account(ctx, db, modal_runs):
    from ui.app import start_session

    assert start_session(ctx) is True
    assert modal_runs == ["admin", ("wizard", "周主任（本人）也是承办人", True)]
    assert ctx.accounts_on and ctx.display_name == "周主任"
    assert db.settings().office_name == DEFAULT_OFFICE_NAME  # skipped: nothing saved


def test_no_wizard_without_a_new_admin_account(ctx, db, modal_runs, monkeypatch):
    from ui.app import start_session
    from ui.dialogs.login_dialog import FirstAdminDialog

    assert start_session(ctx, ask_setup=False) is True  # the demo asks nothing
    assert modal_runs == []
    monkeypatch.setattr(FirstAdminDialog, "exec", lambda d: d.DialogCode.Rejected)  # 暂不设置
    assert start_session(ctx) is True
    assert modal_runs == [] and not ctx.accounts_on
    # Later starts log in; the wizard is not offered again (设置 and the reminder remain).
    from ui.dialogs.login_dialog import LoginDialog

    accounts.setup_admin(db, "zhouzq", "周主任", "Admin-pass-2026")
    monkeypatch.setattr(LoginDialog, "exec", lambda d: d.DialogCode.Accepted)
    assert start_session(ctx) is True
    assert modal_runs == [] and ctx.accounts_on
