"""The passphrase of an encrypted database, asked before anything else opens it (issue #16)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from caseapp.errors import StorageError
from caseapp.storage import encryption
from ui.i18n import tr
from ui.widgets.fit import fit_to_screen
from ui.widgets.forms import error_label, muted

DAMAGED = 2  # the dialog's result when the person says the file is damaged, not encrypted


class PassphraseDialog(QDialog):
    """One field; a wrong passphrase says 口令不正确 beside it and the dialog stays open.
    The check (SQLCipher's key derivation, about 0.3 s) runs here: there is no database yet."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(tr("数据库口令"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        title = QLabel(tr("数据库已加密"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(muted(tr("请输入办公室的数据库口令以打开「{0}」。").format(path.name)))
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setMinimumWidth(260)
        layout.addWidget(self.edit)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(tr("打开"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setProperty("primary", True)
        # Without its key an encrypted file cannot be told from a damaged one: let the person
        # say it is damaged, and the start goes on to offer the newest good backup.
        self.damaged_button = buttons.addButton(tr("文件已损坏？从备份恢复"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.damaged_button.clicked.connect(lambda: self.done(DAMAGED))
        buttons.addButton(tr("退出程序"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.textEdited.connect(lambda _t: self.error.clear())
        fit_to_screen(self, 420, 200)

    def submit(self) -> None:
        passphrase = self.edit.text()
        if not passphrase:
            self.error.setText(tr("请输入口令"))
            return
        try:
            encryption.check_passphrase(self.path, passphrase)
        except encryption.WrongPassphrase:
            self.error.setText(tr("口令不正确"))
            self.edit.clear()
            self.edit.setFocus()
            return
        except StorageError as exc:
            self.error.setText(str(exc))
            return
        encryption.use_passphrase(passphrase)  # for this session's database and backups
        self.edit.clear()
        self.accept()


def unlock(path: Path | None, parent: QWidget | None = None) -> bool:
    """Before opening ``path``: True when it is plain, or the passphrase (given, from the
    environment, or typed here) opens it, or the person says it is damaged (the start then
    offers a backup); False when the person quit."""
    if path is None or not encryption.is_encrypted(path):
        return True
    if not encryption.available():
        QMessageBox.critical(parent, tr("无法打开数据库"), encryption.NOT_INSTALLED)
        return False
    if encryption.opens(path):
        encryption.use_passphrase(encryption.known_passphrase())
        return True
    return PassphraseDialog(path, parent).exec() in (QDialog.DialogCode.Accepted, DAMAGED)
