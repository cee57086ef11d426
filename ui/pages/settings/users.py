"""设置 → 账户: the administrator's list of accounts (add, reset a password, disable).

Everything is decided by caseapp.services.accounts (each change through ctx.act); this tab shows
the answer (ValidationError beside the field or under the table, anything else in a message
box) and reloads the list after every act; its dialogs are in user_dialogs.py. Before accounts are set up it offers the first admin account
through the main window's user menu flow (lock.Session.setup_accounts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.services import accounts
from ui.dialogs.login_dialog import ChangePasswordDialog, FirstAdminDialog
from ui.i18n import tr
from ui.pages.settings.user_dialogs import AddUserDialog, ResetPasswordDialog
from ui.style import MUTED
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext

COLUMNS = ("登录名", "姓名", "角色", "状态")


@dataclass(frozen=True)
class Loaded:
    enabled: bool
    users: list  # list[accounts.UserInfo]
    now: datetime


def load_users(db) -> Loaded:
    """Runs on a worker."""
    return Loaded(accounts.accounts_enabled(db), accounts.list_users(db), accounts.now())


def status_text(user: accounts.UserInfo, now: datetime) -> str:
    if not user.active:
        return tr("已停用")
    if not user.has_password:
        return tr("无密码")
    if user.locked_until is not None and user.locked_until > now:
        return tr("等待至 {0}").format(user.locked_until.strftime("%H:%M"))
    return tr("正常")


class UsersTab(QWidget):
    """The 账户 tab of the settings page (shown only to a role that may manage users)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded: Loaded | None = None
        self.dialog: QDialog | None = None  # the open dialog (tests drive it)
        self._select_after: int | None = None  # a new account, selected once listed

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_setup_page())
        self.stack.addWidget(self._build_list_page())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.reload()

    # -- building -------------------------------------------------------------

    def _build_setup_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(20, 18, 20, 18)
        lay.setSpacing(12)
        card = QFrame(page)
        card.setProperty("card", True)
        card.setMaximumWidth(620)
        box = QVBoxLayout(card)
        box.setContentsMargins(20, 16, 20, 16)
        box.setSpacing(10)
        heading = QLabel(tr("尚未设置登录账户"), card)
        heading.setStyleSheet("font-weight: bold;")
        self.setup_note = forms.muted(tr(
            "现在本机不需要登录，所有操作都记在“本机用户”名下。设置管理员账户后，每位工作人员"
            "用自己的账户登录，操作记入操作日志，身份证号和电话按角色隐藏；管理员再在这里添加"
            "其他人的账户。"))
        self.setup_button = QPushButton(tr("设置管理员账户…"), card)
        self.setup_button.setProperty("primary", True)
        self.setup_button.clicked.connect(self.setup_accounts)
        row = QHBoxLayout()
        row.addWidget(self.setup_button)
        row.addStretch(1)
        box.addWidget(heading)
        box.addWidget(self.setup_note)
        box.addLayout(row)
        lay.addWidget(card)
        lay.addStretch(1)
        return page

    def _build_list_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(20, 14, 20, 14)
        lay.setSpacing(10)

        self.table = QTableWidget(0, len(COLUMNS), page)
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((180, 180, 120)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.setMaximumWidth(760)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.reset_password())

        self.add_button = QPushButton(tr("添加账户…"), page)
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button = QPushButton(tr("重置密码…"), page)
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button = QPushButton(tr("停用"), page)
        self.disable_button.setProperty("danger", True)
        self.disable_button.clicked.connect(self.disable_user)
        buttons = QVBoxLayout()
        buttons.setSpacing(8)
        for button in (self.add_button, self.reset_button, self.disable_button):
            button.setMinimumWidth(120)
            buttons.addWidget(button)
        buttons.addStretch(1)

        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        row.addStretch(0)
        lay.addLayout(row, 1)

        self.message = forms.error_label(page)  # a refused act, under the table
        self.message.hide()
        self.status = forms.muted()  # what the last act did
        self.status.hide()
        lay.addWidget(self.message)
        lay.addWidget(self.status)
        lay.addWidget(forms.muted(tr(
            "账户的添加、重置密码和停用立即生效，不需要点「保存设置」。停用的账户不能再登录，"
            "它以前做的操作仍记在它名下；不能停用自己和最后一个管理员。修改自己的密码请用"
            "状态栏右下角的用户菜单。")))
        return page

    # -- loading --------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.runner.run(self, load_users, self.ctx.db, on_done=self._loaded,
                            on_error=lambda exc: forms.report_error(self, exc))

    def _loaded(self, loaded: Loaded) -> None:
        keep = self.selected()
        self.loaded = loaded
        self.stack.setCurrentIndex(1 if loaded.enabled else 0)
        self.table.setRowCount(len(loaded.users))
        muted = QColor(MUTED)
        for row, user in enumerate(loaded.users):
            you = tr("（本人）") if user.id == self.ctx.actor else ""
            texts = (user.name, user.display_name + you, tr(user.role_label),
                     status_text(user, loaded.now))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.id)
                if not user.active:
                    item.setForeground(muted)
                self.table.setItem(row, column, item)
        if self._select_after is not None:
            self.select(self._select_after)
            self._select_after = None
        elif keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def users(self) -> list:
        return list(self.loaded.users) if self.loaded else []

    def selected(self) -> accounts.UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.loaded else []
        if not rows:
            return None
        user_id = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((u for u in self.users() if u.id == user_id), None)

    def select(self, user_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == user_id:
                self.table.selectRow(row)
                return

    def row_texts(self) -> list[tuple[str, ...]]:
        """What the table shows (for tests)."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]

    def _update_buttons(self) -> None:
        user = self.selected()
        on = user is not None and user.active
        self.reset_button.setEnabled(on)
        self.disable_button.setEnabled(on)

    def _say(self, text: str) -> None:
        self.message.hide()
        self.status.setText(text)
        self.status.show()

    def _refused(self, text: str) -> None:
        self.status.hide()
        self.message.setText(text)
        self.message.show()

    # -- acts -----------------------------------------------------------------

    def setup_accounts(self) -> None:
        """The user menu's 设置登录账户… flow (the window restarts the session as the admin)."""
        session = getattr(self.window(), "session", None)
        if session is not None and hasattr(session, "setup_accounts"):
            session.setup_accounts()
            return
        # Without a main window (a page on its own): the same dialog, then show the accounts.
        dialog = FirstAdminDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.dont_ask.hide()
        dialog.accepted.connect(self.reload)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _open(self, dialog: QDialog, on_accepted) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self, _result=None) -> None:
        self.dialog = None  # deleted on close

    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self)

        def added() -> None:
            name = dialog.name_edit.text().strip()
            self._say(tr("已添加账户 {0}（{1}）").format(name, tr(wf.ROLE_LABELS[dialog.role()])))
            self._select_after = dialog.user_id
            self.reload()

        self._open(dialog, added)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None or not user.active:
            return
        if user.id == self.ctx.actor:  # one's own password: the old one is asked
            self._open(ChangePasswordDialog(self.ctx, self),
                       lambda: self._say(tr("密码已修改")))
            return
        self._open(ResetPasswordDialog(self.ctx, user, self),
                   lambda: (self._say(tr("已重置 {0} 的密码").format(user.name)),
                            self.reload()))

    def disable_user(self) -> None:
        user = self.selected()
        if user is None or not user.active:
            return
        if user.id == self.ctx.actor:  # refused before asking (caseapp refuses it too)
            self._refused(tr("不能停用自己的账户"))
            return
        if not forms.confirm(self, tr("停用账户 {0}（{1}）？停用后此账户不能再登录，"
                                      "它以前的操作记录保留。").format(user.name,
                                                                  user.display_name),
                             tr("停用账户")):
            return
        self.disable_button.setEnabled(False)
        self.ctx.act(self, accounts.disable_user, self.ctx.db, self.ctx.actor, user.name,
                     on_done=lambda _r: (self._say(tr("已停用 {0}").format(user.name)),
                                         self.reload()),
                     on_error=self._disable_failed)

    def _disable_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, ValidationError | PermissionDenied):
            message = "\n".join(p.message for p in getattr(exc, "problems", ())) or str(exc)
            self._refused(message)
        else:
            forms.report_error(self, exc)
        self.reload()
