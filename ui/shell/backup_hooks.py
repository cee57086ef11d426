"""Backups around the GUI's life (issue #6): a damaged file is never opened silently, the
daily backup after the window shows, a bounded backup at exit when the session changed data.

ui/app.py calls open_safely(), start_background() and backup_at_exit(); the dialogs here go
through module functions (ask_restore, tell) so tests can answer them.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from caseapp.errors import StorageError
from caseapp.progress import Cancelled
from caseapp.storage import backup, restore
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.context import AppContext

log = logging.getLogger(__name__)

EXIT_BACKUP_S = 60.0  # at exit, a backup that takes longer is abandoned (no file is left)
SETTINGS_KEY = "backup/folder"  # the last backup folder seen, for a file whose settings are lost


def sqlite_file(db_arg: str | None) -> Path | None:
    from caseapp.storage.db import resolve_url

    url = resolve_url(db_arg)
    return Path(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else None


def ask_restore(parent: QWidget | None, problem: str, info: backup.BackupInfo) -> bool:
    box = QMessageBox(QMessageBox.Icon.Critical, tr("数据库文件有问题"), tr(
        "数据库文件无法正常使用：\n{0}\n\n找到最新的可用备份：{1}（{2} 件案件）。\n"
        "恢复时，当前文件会先另存到备份文件夹的「before-restore」中，不会丢弃。\n\n"
        "要用这个备份恢复吗？").format(problem, info.made_at.strftime("%Y-%m-%d %H:%M"),
                                  f"{info.case_count:,}"), parent=parent)
    restore = box.addButton(tr("用备份恢复"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def tell(parent: QWidget | None, text: str) -> None:
    QMessageBox.critical(parent, tr("数据库文件有问题"), text)


def _roots(path: Path) -> list[Path]:
    from PySide6.QtCore import QSettings

    roots = [backup.root_for_file(path)]
    remembered = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "CaseDesk",
                           "CaseDesk").value(SETTINGS_KEY)
    if remembered and Path(str(remembered)) not in roots:
        roots.append(Path(str(remembered)))
    return roots


def offer_restore(path: Path, problem: str, parent: QWidget | None = None) -> bool:
    """Say what is wrong and offer the newest good backup; True when it was restored."""
    log.error("database %s unusable: %s", path, problem)
    for root in _roots(path):
        info = restore.newest_good(root, path.stem)
        if info is None:
            continue
        if not ask_restore(parent, problem, info):
            return False
        try:
            restore.restore(path, info.path, backup_dir=root)
        except StorageError as exc:
            tell(parent, tr("恢复没有成功：{0}").format(exc))
            return False
        return True
    tell(parent, tr("数据库文件无法正常使用：\n{0}\n\n在备份文件夹（{1}）中没有找到可用的备份。"
                    "请不要删除这个文件，联系技术人员处理。").format(
        problem, "、".join(str(r) for r in _roots(path))))
    return False


def open_safely(db_arg: str | None, open_context):
    """open_context(), but a damaged or unreadable file is reported and, when the person
    agrees, restored from the newest good backup first. None: the person chose to quit."""
    path = sqlite_file(db_arg)
    if path is not None and path.exists():
        problem = restore.file_problem(path)
        if problem and not offer_restore(path, problem):
            return None
    try:
        return open_context()
    except StorageError as exc:
        if path is None or not path.exists() or not restore.file_problem(path):
            raise
        if not offer_restore(path, str(exc)):
            return None
        return open_context()


# -- after the window shows, and at exit -------------------------------------------------


def check_and_backup(db) -> tuple[str, object, Path]:
    """On a worker: a full quick_check of the live file, then the daily backup if none today."""
    root = backup.backup_root(db.settings().backup_dir)
    problem = restore.file_problem(db.path, deep=True)
    if problem:
        return problem, None, root
    return "", backup.backup_if_due(db), root


class SessionBackups:
    """Remembers whether the session changed data, so the exit backup runs only then."""

    def __init__(self, window: QMainWindow, ctx: AppContext):
        self.window, self.ctx = window, ctx
        self.changed = False
        ctx.data_changed.connect(self._changed)

    def _changed(self, _ids) -> None:
        self.changed = True

    def start(self) -> None:
        if self.ctx.db.path is None:
            return
        self.ctx.runner.run(self, check_and_backup, self.ctx.db, on_done=self._checked,
                            on_error=lambda exc: self._status(
                                tr("自动备份没有成功：{0}").format(exc)))

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    def _checked(self, result) -> None:
        problem, info, root = result
        self.ctx.settings().setValue(SETTINGS_KEY, str(root))
        if problem:
            tell(self.window, tr("数据库完整性检查发现问题：\n{0}\n\n请先不要继续登记，打开「备份与恢复」"
                                 "用最近的备份恢复，或联系技术人员。").format(problem))
        elif info is not None:
            self._status(tr("已自动备份（{0} 件案件）到 {1}").format(f"{info.case_count:,}",
                                                                 info.path.parent.parent))

    def at_exit(self, limit_s: float = EXIT_BACKUP_S) -> bool:
        """A backup when this session changed data, pumping events, abandoned after
        ``limit_s``; True when one was made."""
        if not self.changed or self.ctx.db.path is None:
            return False
        deadline = time.monotonic() + limit_s
        job = backup.backup_job(self.ctx.db)
        try:
            while True:
                next(job)
                QApplication.processEvents()
                if time.monotonic() > deadline:
                    job.close()
                    raise Cancelled("备份超时")
        except StopIteration:
            return True
        except (StorageError, Cancelled) as exc:
            log.warning("backup at exit not made: %s", exc)
            return False
