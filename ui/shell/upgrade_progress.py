"""Opening the database with a window that says what an upgrade is doing: a big file's upgrade
takes minutes (migrations 0011 and 0012 on a 1,000,000-case file), and a start that shows
nothing for that long looks hung. A file that needs no upgrade opens as before, without it."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QMetaObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from caseapp.progress import Progress
from ui.i18n import tr

T = TypeVar("T")
POLL_MS = 50


def run_with_progress(open_fn: Callable[[Callable[[Progress], None]], T]) -> T:
    """``open_fn(on_progress)`` on a worker thread while the GUI thread keeps painting; the
    first progress it reports opens a dialog (no cancel: an upgrade runs to its end or rolls
    back whole). Its result is returned, its error raised here."""
    heard: queue.Queue[Progress] = queue.Queue()
    outcome: dict[str, object] = {}

    loop = QEventLoop()

    def work() -> None:
        try:
            outcome["value"] = open_fn(heard.put)
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc
        finally:  # at once, not at the next poll: a plain start must not wait for a tick
            QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

    thread = threading.Thread(target=work, name="open-database", daemon=True)
    thread.start()
    dialog: QProgressDialog | None = None

    def poll() -> None:
        nonlocal dialog
        while True:
            try:
                step = heard.get_nowait()
            except queue.Empty:
                break
            if dialog is None:
                dialog = _dialog()
            dialog.setMaximum(step.total or 0)  # 0: a busy bar while the total is unknown
            dialog.setValue(step.done)
            dialog.setLabelText(label(step))

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(POLL_MS)
    loop.exec()  # a quit posted before this runs ends it at once
    timer.stop()
    thread.join()
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def label(step: Progress) -> str:
    """The dialog's text for a step of caseapp.storage.migrate's upgrade."""
    if step.total is None:
        return tr("正在备份数据库（升级前保留原文件）…")
    if step.done >= step.total:
        return tr("数据库格式已升级（共 {0} 步），正在打开…").format(step.total)
    return (tr("正在升级数据库格式：第 {0} 步，共 {1} 步…").format(step.done + 1, step.total)
            + "\n" + tr("升级前已备份原文件，请勿关闭程序或电脑。"))


def _dialog() -> QProgressDialog:
    dialog = QProgressDialog(QApplication.activeWindow())
    dialog.setWindowTitle(tr("正在升级数据库"))
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60)
    dialog.show()
    return dialog
