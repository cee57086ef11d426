"""备份与恢复: back up now (with progress), the backups with their date and case count,
restore one (after a confirmation that says what will happen), and the backup folder.

Every database and file call runs through ctx.runner (caseapp/storage/backup.py and restore.py
do the work).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp.storage import backup, restore
from caseapp.storage.db import LOCAL_USER
from ui.i18n import tr
from ui.style import CLOSED, OVERDUE
from ui.tasks import show_error
from ui.widgets import forms
from ui.widgets.fit import fit_minimum

if TYPE_CHECKING:
    from ui.context import AppContext

COLUMNS = ("备份时间", "类型", "案件数", "大小", "状态")


# Module functions, so tests can replace them (no modal dialogs in tests).
def confirm(parent: QWidget, text: str) -> bool:
    return forms.confirm(parent, text, tr("确认恢复"))


def choose_folder(parent: QWidget, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, tr("选择备份文件夹"), start)


def load(db) -> tuple[Path, list[backup.BackupInfo], object]:
    """On a worker: the backup folder, its backups of this database, the office settings."""
    settings = db.settings()
    root = backup.backup_root(settings.backup_dir)
    stem = db.path.stem if db.path else None
    return root, restore.list_backups(root, stem), settings


def save_folder(db, actor: int, folder: str) -> None:
    services.save_settings(db, actor, replace(db.settings(), backup_dir=folder))


def restore_live(db, backup_file: Path, root: Path) -> restore.RestoreResult:
    result = restore.restore(db.path, backup_file, backup_dir=root)
    db.invalidate_settings()  # the restored file may hold other office settings
    return result


def file_size_text(n: int) -> str:
    return f"{n / 1e6:,.1f} MB" if n >= 1e5 else f"{max(n, 1) / 1e3:,.0f} KB"


class BackupDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.root: Path | None = None
        self.settings = None
        self.backups: list[backup.BackupInfo] = []
        self.setWindowTitle(tr("备份与恢复"))
        fit_minimum(self, 760, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)

        title = QLabel(tr("备份与恢复"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(forms.muted(tr(
            "程序每天自动备份一次（启动时和退出时），连同附件一起保存。备份文件夹可以选在 U 盘"
            "或共享文件夹上；恢复前，当前数据库会先另存一份。")))

        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(tr("备份文件夹：")))
        self.folder_label = QLabel(tr("正在读取…"))
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        folder_row.addWidget(self.folder_label, 1)
        self.folder_button = QPushButton(tr("更改文件夹…"))
        self.folder_button.clicked.connect(self.change_folder)
        folder_row.addWidget(self.folder_button)
        layout.addLayout(folder_row)
        self.keep_label = forms.muted()
        layout.addWidget(self.keep_label)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.empty_label = forms.muted(tr("还没有备份。点击「立即备份」做第一份备份。"))
        self.empty_label.hide()
        layout.addWidget(self.empty_label)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        buttons = QHBoxLayout()
        self.backup_button = QPushButton(tr("立即备份"))
        self.backup_button.setProperty("primary", True)
        self.backup_button.setDefault(True)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(tr("恢复…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button = QPushButton(tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._busy = False
        self._update_buttons()
        if ctx.db.path is None:
            self.folder_label.setText(tr("服务器数据库请使用数据库自带的备份工具"))
            self.backup_button.setEnabled(False)
            self.folder_button.setEnabled(False)
        else:
            self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.runner.run(self, load, self.ctx.db, on_done=self._loaded,
                            on_error=lambda exc: show_error(self, exc))

    def _loaded(self, result) -> None:
        self.root, self.backups, self.settings = result
        self.folder_label.setText(str(self.root))
        self.keep_label.setText(tr("保留最近 {0} 天的每日备份和最近 {1} 个月的每月备份；"
                                   "升级前和恢复前的备份不会自动删除。")
                                .format(self.settings.keep_daily, self.settings.keep_monthly))
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            count = "—" if info.case_count is None else f"{info.case_count:,}"
            state = tr("正常") if info.ok else tr("无法使用：{0}").format(info.problem)
            cells = (info.made_at.strftime("%Y-%m-%d %H:%M:%S"), tr(info.folder_label), count,
                     file_size_text(info.size), state)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(info.path))
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 4:
                    item.setForeground(Qt.GlobalColor.darkGreen if info.ok else Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(self.backups))
        self.empty_label.setVisible(not self.backups)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        info = self.selected() if hasattr(self, "backups") else None
        idle = not self._busy
        self.restore_button.setEnabled(idle and info is not None and info.ok)
        self.backup_button.setEnabled(idle and self.ctx.db.path is not None)

    def say(self, text: str, ok: bool = True) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {CLOSED if ok else OVERDUE};")

    # -- acts ------------------------------------------------------------------------------

    def backup_now(self) -> None:
        self._busy = True
        self._update_buttons()
        self.say(tr("正在备份…"))
        self.ctx.runner.run_job(self, tr("正在备份"), lambda: backup.backup_job(self.ctx.db),
                                on_done=self._backed_up, on_error=self._failed)

    def _backed_up(self, info: backup.BackupInfo) -> None:
        self._busy = False
        self.say(tr("已备份：{0}（{1} 件案件，{2}）").format(
            info.path.name, f"{info.case_count:,}", file_size_text(info.size)))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        from caseapp.progress import Cancelled

        self._busy = False
        self._update_buttons()
        if isinstance(exc, Cancelled):
            self.say(tr("备份已取消，没有留下不完整的文件。"), ok=False)
            return
        self.say(str(exc) if str(exc) else tr("操作失败"), ok=False)
        show_error(self, exc)

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None or not info.ok or self._busy:
            return
        name = self.ctx.db.path.name
        text = tr(
            "将用 {when} 的备份（{count} 件案件）替换当前数据库「{name}」。\n\n"
            "· 当前数据库会先完整另存到备份文件夹的「before-restore」中，需要时可以找回；\n"
            "· 该备份之后登记和修改的所有内容都将不再显示；\n"
            "· 其他电脑或窗口如果正在使用这个数据库，请先关闭它们。\n\n确定恢复吗？").format(
            when=info.made_at.strftime("%Y-%m-%d %H:%M"), count=f"{info.case_count:,}", name=name)
        if info.accounts == 0 and self.ctx.user_name != LOCAL_USER:
            # A backup from before accounts would switch log-ins off (issue #16): say it won't.
            text += "\n\n" + tr("注意：这个备份中没有登录账户（备份于设置账户之前）。恢复后将保留"
                                 "当前的账户和密码，登录照常需要密码。")
        if not confirm(self, text):
            return
        self._busy = True
        self._update_buttons()
        self.say(tr("正在恢复…"))
        self.ctx.act(self, restore_live, self.ctx.db, info.path, self.root, changed=(),
                     on_done=self._restored, on_error=self._failed)

    def _restored(self, result: restore.RestoreResult) -> None:
        self._busy = False
        kept = tr("恢复前的数据库已另存为 {0}。").format(result.safety_copy) \
            if result.safety_copy else ""
        accounts = tr("备份中没有登录账户：保留了当前的 {0} 个账户。").format(
            result.accounts_kept) if result.accounts_kept else result.warning
        self.say(tr("已从 {0} 恢复，共 {1} 件案件。").format(
            result.restored_from.name, f"{result.case_count:,}") + accounts + kept)
        self.reload()

    def change_folder(self) -> None:
        folder = choose_folder(self, str(self.root or ""))
        if not folder:
            return
        self.ctx.runner.run(self, save_folder, self.ctx.db, self.ctx.actor, folder,
                            on_done=lambda _r: (self.say(tr("备份文件夹已改为 {0}").format(folder)),
                                                self.reload()),
                            on_error=self._failed)
