"""Accounts in the GUI: the login dialog, the first admin account, changing one's password.

Every check runs in caseapp.services.accounts on the task runner; the dialogs only show the answer
beside the field (the lock-out message included) and never keep a password after use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from caseapp.errors import PermissionDenied, Problem, ValidationError
from caseapp.services import accounts
from ui.i18n import tr
from ui.tasks import show_error
from ui.user_settings import skip_setup_key
from ui.widgets.forms import FormGrid, InlineErrors, error_label, muted

if TYPE_CHECKING:
    from ui.context import AppContext


def _login(db, name: str, password: str, via: str) -> accounts.UserInfo:
    """Worker side: authenticate and read the account."""
    return accounts.user_info(db, accounts.authenticate(db, name, password, via=via))


def password_field() -> QLineEdit:
    """A password line edit (what the account dialogs use for every password)."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(240)
    return edit


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "title")
    return label


class FormDialog(QDialog):
    """A small form dialog with inline errors and an OK button that waits for the worker."""

    def __init__(self, ctx: AppContext, title: str, heading: str, note: str, ok: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(_title(heading))
        if note:
            layout.addWidget(muted(note))
        self.general = error_label()
        self.errors = InlineErrors(self.general)
        self.grid = FormGrid(self.errors, columns=1)
        layout.addLayout(self.grid)
        layout.addWidget(self.general)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def busy(self, on: bool) -> None:
        self.ok_button.setEnabled(not on)

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def failed(self, exc: BaseException) -> None:
        self.busy(False)
        if isinstance(exc, ValidationError):
            self.errors.set_errors(exc.problems)
        elif isinstance(exc, PermissionDenied):
            self.errors.set_errors([Problem("password", str(exc))])
        else:
            show_error(self, exc)


class LoginDialog(FormDialog):
    """User name and password. ``user_name`` fixed: unlocking the screen of that user."""

    logged_in = Signal(object)  # accounts.UserInfo

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 user_name: str | None = None, via: str = ""):
        unlock = user_name is not None
        super().__init__(
            ctx, tr("解锁") if unlock else tr("登录"),
            tr("屏幕已锁定") if unlock else tr("登录 CaseDesk"),
            tr("请输入 {0} 的密码以继续。").format(user_name) if unlock else
            tr("请输入用户名和密码。\n连续5次输错，账户需等待5分钟。"),
            tr("解锁") if unlock else tr("登录"), parent)
        self.via = via
        self.user_edit = QLineEdit(user_name or "")
        self.user_edit.setReadOnly(unlock)
        self.user_edit.setMinimumWidth(240)
        self.password_edit = password_field()
        self.grid.add("name", tr("用户名"), self.user_edit, required=True)
        self.grid.add("password", tr("密码"), self.password_edit, required=True)
        self.buttons.addButton(tr("退出程序"), QDialogButtonBox.ButtonRole.RejectRole)
        self.info: accounts.UserInfo | None = None
        for edit in (self.user_edit, self.password_edit):
            edit.returnPressed.connect(self.submit)  # a second Enter finds the button disabled
        (self.password_edit if unlock or user_name else self.user_edit).setFocus()

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        name, password = self.user_edit.text().strip(), self.password_edit.text()
        problems = []
        if not name:
            problems.append(Problem("name", tr("请输入用户名")))
        if not password:
            problems.append(Problem("password", tr("请输入密码")))
        if problems:
            self.errors.set_errors(problems)
            return
        self.errors.clear_errors()
        self.busy(True)
        # A session event (the login, or a failed try), not a change of the office's data:
        # no data_changed broadcast, which would also make the exit backup run.
        self.ctx.runner.run(self, _login, self.ctx.db, name, password, self.via,
                            on_done=self._done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.password_edit.clear()
        self.failed(exc)
        self.password_edit.setFocus()

    def _done(self, info: accounts.UserInfo) -> None:
        self.busy(False)
        self.password_edit.clear()
        self.info = info
        self.ctx.set_user(info.id, info.role, info.name, info.display_name)
        self.logged_in.emit(info)
        self.accept()

    def error_text(self) -> str:
        return "\n".join(self.errors.messages().values())


class FirstAdminDialog(FormDialog):
    """The first start: create the admin account (or go on without accounts for now)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(
            ctx, tr("设置管理员账户"), tr("设置管理员账户"),
            tr("设置后，每位工作人员用自己的账户登录，操作都记入操作日志，"
               "身份证号和电话按角色隐藏。\n单人使用也可以暂不设置，以后在用户菜单中设置。"),
            tr("创建并登录"), parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("登录用，如 zhouzq"))
        self.display_edit = QLineEdit()
        self.display_edit.setPlaceholderText(tr("如 周志强"))
        self.password_edit = password_field()
        self.password_edit.setPlaceholderText(tr("至少8个字符"))
        self.again_edit = password_field()
        self.grid.add("name", tr("用户名"), self.name_edit, required=True)
        self.grid.add("display_name", tr("姓名"), self.display_edit, required=True)
        self.grid.add("password", tr("密码"), self.password_edit, required=True)
        self.grid.add("again", tr("再输一次"), self.again_edit, required=True)
        self.later = self.buttons.addButton(tr("暂不设置"), QDialogButtonBox.ButtonRole.RejectRole)
        self.dont_ask = QCheckBox(tr("不再提示（单人使用，不设密码）"))
        self.extra.addWidget(self.dont_ask)
        self.user_id: int | None = None
        self.name_edit.setFocus()

    def submit(self) -> None:
        if self.password_edit.text() != self.again_edit.text():
            self.errors.set_errors([Problem("again", tr("两次输入的密码不一致"))])
            return
        if not self.display_edit.text().strip():
            self.errors.set_errors([Problem("display_name", tr("请填写姓名"))])
            return
        self.errors.clear_errors()
        self.busy(True)
        self.ctx.act(self, accounts.setup_admin, self.ctx.db, self.name_edit.text().strip(),
                     self.display_edit.text().strip(), self.password_edit.text(),
                     on_done=self._done, on_error=self.failed)

    def _done(self, user_id: int) -> None:
        self.busy(False)
        self.user_id = user_id
        self.ctx.set_user(user_id, "admin", self.name_edit.text().strip(),
                          self.display_edit.text().strip())
        self.password_edit.clear()
        self.again_edit.clear()
        self.accept()


class ChangePasswordDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, tr("修改密码"), tr("修改密码"),
                         tr("{0}（{1}）").format(ctx.display_name, ctx.user_name),
                         tr("修改"), parent)
        self.old_edit = password_field()
        self.new_edit = password_field()
        self.new_edit.setPlaceholderText(tr("至少8个字符"))
        self.again_edit = password_field()
        self.grid.add("old", tr("原密码"), self.old_edit, required=True)
        self.grid.add("new", tr("新密码"), self.new_edit, required=True)
        self.grid.add("again", tr("再输一次"), self.again_edit, required=True)
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.old_edit.setFocus()

    def submit(self) -> None:
        if self.new_edit.text() != self.again_edit.text():
            self.errors.set_errors([Problem("again", tr("两次输入的密码不一致"))])
            return
        self.errors.clear_errors()
        self.busy(True)
        self.ctx.act(self, accounts.set_password, self.ctx.db, self.ctx.actor,
                     self.ctx.user_name, self.new_edit.text(), self.old_edit.text(),
                     on_done=lambda _r: self.accept(), on_error=self.failed)


# ---------------------------------------------------------------------------
# Start-up.

def sign_in(ctx: AppContext, *, ask_setup: bool = True, parent: QWidget | None = None) -> bool:
    """Before the main window: log in when accounts are set up; otherwise offer to set up the
    admin account (unless the office chose 不再提示). False when the user quit."""
    ctx.accounts_on = accounts.accounts_enabled(ctx.db)  # one read at start-up
    if ctx.accounts_on:
        dialog = LoginDialog(ctx, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
    settings = ctx.settings()
    key = skip_setup_key(ctx.db.display_name)  # the first frame asks it too
    if not ask_setup or settings.value(key, False, type=bool):
        return True
    dialog = FirstAdminDialog(ctx, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        ctx.accounts_on = True
    elif dialog.dont_ask.isChecked():
        settings.setValue(key, True)
    return True


def restart_for_login() -> None:
    """Start the program again (at its login dialog) after 退出登录."""
    import sys

    from PySide6.QtCore import QProcess

    args = sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv
    QProcess.startDetached(sys.executable, list(args))
