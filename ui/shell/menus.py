"""The main window's toolbar, menu bar and About box, built from the window's own actions
(ui/shell/main_window.py makes them; this module only lays them out). ``window`` is the
MainWindow, not imported here: it imports this module."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QSizePolicy, QToolBar, QWidget

from caseapp import workflow as wf
from ui.i18n import tr

# The pages of the navigation, in order: (key, label, qtawesome icon).
NAVIGATION = (
    ("workbench", "工作台", "fa5s.home"),
    ("overview", "统计概览", "fa5s.chart-pie"),
    ("petition", "信访件", "fa5s.envelope-open-text"),
    ("dispute", "矛盾纠纷", "fa5s.handshake"),
    ("reports", "统计报表", "fa5s.chart-bar"),
    ("worklog", "排查台账", "fa5s.clipboard-check"),
    ("settings", "设置", "fa5s.cog"),
    ("audit", "操作日志", "fa5s.clipboard-list"),  # admins only (ui/shell/lock.py)
)
PAGE_KEYS = tuple(key for key, _label, _icon in NAVIGATION)


def icon(name: str):
    """The icon qtawesome calls ``name``, drawn from its font (ui/shell/icons.py)."""
    from ui.shell.icons import icon as font_icon

    return font_icon(name)


def always_key(action: QAction, key: str, standard: QKeySequence.StandardKey) -> None:
    """Give ``action`` the platform's keys for ``standard`` and ``key`` in any case (F5,
    Ctrl+Q: as the clerks know them, also where the platform has none)."""
    keys = QKeySequence.keyBindings(standard)
    if QKeySequence(key) not in keys:
        action.setShortcuts([QKeySequence(key), *keys])


def build_toolbar(window: Any) -> QToolBar:
    """New case, import, print, refresh, backup, and 查找 at the far end."""
    toolbar = QToolBar(tr("工具栏"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(16, 16))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (window.new_petition_action, window.new_dispute_action, window.import_action):
        toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addAction(window.print_action)
    toolbar.addAction(window.refresh_action)
    toolbar.addAction(window.backup_action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(window.find_action)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    return toolbar


def build_menu_bar(window: Any) -> None:
    """文件, 查看, 工具, 帮助: the toolbar's actions and the pages, with their keys."""
    hidden = {key for row, key in enumerate(PAGE_KEYS)
              if window.navigation.item(row).isHidden()}
    for key, action in window.page_actions.items():
        action.setVisible(key not in hidden)
    window.export_action.setVisible(window.ctx.may(wf.Act.EXPORT))
    bar = window.menuBar()
    menus: tuple[tuple[str, tuple[QAction | None, ...]], ...] = (
        (tr("文件(&F)"), (window.new_petition_action, window.new_dispute_action, None,
                         window.import_action, window.export_action, None, window.print_action,
                         window.backup_action, None, window.quit_action)),
        (tr("查看(&V)"), (*(window.page_actions[k] for k in PAGE_KEYS[:5]), None,
                         window.find_action, window.refresh_action)),
        (tr("工具(&T)"), (window.page_actions["settings"], window.page_actions["audit"])),
        (tr("帮助(&H)"), (window.about_action,)),
    )
    for title, actions in menus:
        menu = bar.addMenu(title)
        for entry in actions:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(entry)


def about_box(window: Any) -> QMessageBox:
    """Version, data folder and database, selectable so a clerk can copy them."""
    import caseapp
    from caseapp.paths import data_dir

    box = QMessageBox(QMessageBox.Icon.Information, tr("关于 CaseDesk"),
                      tr("CaseDesk 信访与调解案件管理\n版本 {0}").format(caseapp.__version__),
                      QMessageBox.StandardButton.Ok, window)
    box.setInformativeText(tr("数据文件夹：{0}\n数据库：{1}").format(
        data_dir(), window.ctx.db.display_name))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box
