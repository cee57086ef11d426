"""设置 → 账户: the administrator's dialogs (add an account, reset someone's password).

Built on the login dialogs' form (ui.dialogs.login_dialog.FormDialog); caseapp.services.accounts
decides, and a refusal is shown beside its field or under the form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget

from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, Problem, ValidationError
from caseapp.services import accounts
from ui.dialogs.login_dialog import FormDialog, password_field
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_minimum

if TYPE_CHECKING:
    from ui.context import AppContext


class AdminFormDialog(FormDialog):
    """The login dialogs' form; a refusal of the act itself goes to the general label."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        fit_minimum(self, 460)  # the note stays on one line, no orphaned characters
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)

    def failed(self, exc: BaseException) -> None:
        self.busy(False)
        if isinstance(exc, ValidationError):
            self.errors.set_errors(exc.problems)
        elif isinstance(exc, PermissionDenied):
            self.errors.set_errors([Problem("", str(exc))])
        else:
            forms.report_error(self, exc)

    def error_text(self) -> str:
        return "\n".join(self.errors.messages().values())


class AddUserDialog(AdminFormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, tr("添加账户"), tr("添加账户"),
                         tr("新账户用登录名和这里设的密码登录，登录后可自行修改密码。"),
                         tr("添加"), parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("登录用，如 lixm"))
        self.name_edit.setMaxLength(64)
        self.name_edit.setMinimumWidth(240)
        self.display_edit = QLineEdit()
        self.display_edit.setPlaceholderText(tr("如 李晓明"))
        self.display_edit.setMaxLength(64)
        self.role_box = QComboBox()
        for role in accounts.ROLES:
            self.role_box.addItem(tr(wf.ROLE_LABELS[role]), role)
        self.role_box.setCurrentIndex(self.role_box.findData(wf.CLERK))
        self.password_edit = password_field()
        self.password_edit.setPlaceholderText(tr("至少{0}个字符").format(accounts.MIN_PASSWORD))
        self.again_edit = password_field()
        self.grid.add("name", tr("登录名"), self.name_edit, required=True)
        self.grid.add("display_name", tr("姓名"), self.display_edit, required=True)
        self.grid.add("role", tr("角色"), self.role_box, required=True,
                      note=tr("管理员：全部功能；登记员：登记和办理案件\n"
                              "调解员：本人承办的纠纷；查看：只能查看"))
        self.grid.add("password", tr("密码"), self.password_edit, required=True)
        self.grid.add("again", tr("再输一次"), self.again_edit, required=True)
        self.user_id: int | None = None
        self.name_edit.setFocus()

    def role(self) -> str:
        return self.role_box.currentData()

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self.password_edit.text() != self.again_edit.text():
            self.errors.set_errors([Problem("again", tr("两次输入的密码不一致"))])
            return
        self.errors.clear_errors()
        self.busy(True)
        self.ctx.act(self, accounts.add_user, self.ctx.db, self.ctx.actor,
                     self.name_edit.text().strip(), self.display_edit.text().strip(),
                     self.role(), self.password_edit.text(),
                     on_done=self._done, on_error=self.failed)

    def _done(self, user_id: int) -> None:
        self.busy(False)
        self.user_id = user_id
        self.password_edit.clear()
        self.again_edit.clear()
        self.accept()


class ResetPasswordDialog(AdminFormDialog):
    """An admin sets someone else's password (no old password asked)."""

    def __init__(self, ctx: AppContext, user: accounts.UserInfo, parent: QWidget | None = None):
        super().__init__(ctx, tr("重置密码"), tr("重置密码"),
                         tr("为 {0}（{1}）设置新密码，请当面或电话告知本人。").format(
                             user.display_name, user.name),
                         tr("重置"), parent)
        self.user = user
        self.new_edit = password_field()
        self.new_edit.setPlaceholderText(tr("至少{0}个字符").format(accounts.MIN_PASSWORD))
        self.again_edit = password_field()
        self.grid.add("new", tr("新密码"), self.new_edit, required=True)
        self.grid.add("again", tr("再输一次"), self.again_edit, required=True)
        self.new_edit.setFocus()

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self.new_edit.text() != self.again_edit.text():
            self.errors.set_errors([Problem("again", tr("两次输入的密码不一致"))])
            return
        self.errors.clear_errors()
        self.busy(True)
        self.ctx.act(self, accounts.set_password, self.ctx.db, self.ctx.actor, self.user.name,
                     self.new_edit.text(), on_done=self._done, on_error=self.failed)

    def _done(self, _result) -> None:
        self.busy(False)
        self.new_edit.clear()
        self.again_edit.clear()
        self.accept()
