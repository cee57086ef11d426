"""Screenshot states of 设置: every tab of the page loaded, the 账户 tab, and 添加账户 refusing
a taken name and a short password."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from caseapp.errors import Problem
from ui.context import AppContext
from ui.devtools.settle import settle
from ui.pages.settings.page import SettingsPage
from ui.pages.settings.user_dialogs import AddUserDialog
from ui.pages.settings.users import UsersTab
from ui.widgets.fit import fit_to_screen

TAB_NAMES = ("settings-office", "settings-numbers", "settings-limits", "settings-categories",
             "settings-lists", "settings-departments")


def settings_page_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """One page per tab, loaded (the categories tab with a row selected)."""
    states: list[tuple[str, QWidget]] = []
    for index, name in enumerate(TAB_NAMES):
        page = SettingsPage(ctx)
        fit_to_screen(page, 1166, 658)
        settle(ctx, 30000)
        page.tabs.setCurrentIndex(index)
        if name == "settings-categories":
            page.categories_tab.editors["petition"].table.selectRow(2)
        states.append((name, page))
    return states


def templates_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """设置 → 文书模板: the 协议书's clause with a placeholder list and the preview rendered."""
    page = SettingsPage(ctx)
    fit_to_screen(page, 1166, 658)
    settle(ctx, 30000)
    tab = page.templates_tab
    page.tabs.setCurrentWidget(tab)
    tab.chooser.setCurrentIndex(tab.chooser.findData("agreement.effect"))
    settle(ctx, 30000)
    return [("settings-templates", page)]


def users_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    tab = UsersTab(ctx)
    settle(ctx, 30000)
    states: list[tuple[str, QWidget]] = [("users-tab", tab)]
    add = AddUserDialog(ctx)
    add.name_edit.setText("boss")
    add.display_edit.setText("李晓明")
    add.errors.set_errors([Problem("name", "用户名「boss」已被使用"),
                           Problem("password", "密码至少需要8个字符")])
    states.append(("users-add", add))
    return states


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    return settings_page_states(ctx) + templates_states(ctx) + users_states(ctx)
