"""Run caseapp calls off the GUI thread (docs/architecture.md, "Threads").

A call runs on a QThreadPool worker; its result or error comes back on the GUI thread by a
queued signal. A worker never touches a widget. Every call names its owner, the widget that
asked: when the owner has been destroyed by the time the answer arrives, the answer is
dropped, never delivered to a deleted object. Long work is a caseapp job (a generator that
yields Progress): it runs with a QProgressDialog whose Cancel stops it, and a cancelled job
rolls its transaction back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from caseapp.errors import CaseAppError, ValidationError
from caseapp.progress import Cancelled, Progress
from ui.i18n import tr

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals, cancel: threading.Event,
                 is_job: bool):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._signals, self._cancel, self._is_job = fn, signals, cancel, is_job

    def run(self) -> None:  # runs on a worker thread
        try:
            result = self._drive(self._fn()) if self._is_job else self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never raised here
            if not isinstance(exc, (CaseAppError, Cancelled)):
                log.exception("task failed")
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)

    def _drive(self, job):
        try:
            while True:
                if self._cancel.is_set():
                    job.close()  # GeneratorExit inside the job rolls its transaction back
                    raise Cancelled(tr("已取消"))
                step = next(job)
                self._signals.progress.emit(step)
        except StopIteration as stop:
            return stop.value


class Task(QObject):
    """A handle on one call: cancel() asks a job to stop."""

    finished = Signal()

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.signals = _Signals(self)
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()


def error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "\n".join(str(p) for p in exc.problems)
    if isinstance(exc, CaseAppError):
        return str(exc)
    return tr("程序内部错误，操作未完成。详细信息已写入日志文件。")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if isinstance(exc, Cancelled):
        return
    QMessageBox.warning(parent, title or tr("无法完成"), error_text(exc))


class TaskRunner(QObject):
    """Starts calls on the pool and keeps their handles alive until they finish."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(self, owner: QObject | None, fn: Callable[..., Any], *args: Any,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[Progress], None] | None = None,
            job: bool = False, after: Callable[[Any], None] | None = None,
            **kwargs: Any) -> Task:
        """Run ``fn(*args, **kwargs)`` on a worker; answer ``owner`` on the GUI thread.

        ``owner`` is the widget whose callbacks these are (None only for calls that belong to
        no widget, such as start-up work); its callbacks are skipped once it is destroyed.
        ``after`` runs on success whatever became of the owner (the data did change), before
        ``on_done``: the context uses it to broadcast an act's changes from one place.
        """
        task = Task(self)
        queued = Qt.ConnectionType.QueuedConnection

        def alive() -> bool:
            return owner is None or isValid(owner)

        def done(result: Any) -> None:
            if after is not None:
                after(result)
            if on_done is not None and alive():
                on_done(result)

        def failed(exc: BaseException) -> None:
            if not alive():
                if not isinstance(exc, (CaseAppError, Cancelled)):
                    log.warning("answer dropped: its window was closed (%s)", type(exc).__name__)
                return
            if on_error is not None:
                on_error(exc)
            else:
                show_error(owner if isinstance(owner, QWidget) else None, exc)

        def progress(step: Progress) -> None:
            if on_progress is not None and alive():
                on_progress(step)

        task.signals.done.connect(done, queued)
        task.signals.failed.connect(failed, queued)
        task.signals.progress.connect(progress, queued)
        task.signals.done.connect(lambda _r: self._finish(task), queued)
        task.signals.failed.connect(lambda _e: self._finish(task), queued)
        self._running.add(task)
        self.pool.start(_Runnable(lambda: fn(*args, **kwargs), task.signals, task.cancel_event, job))
        return task

    def run_job(self, parent: QWidget, title: str, job_factory: Callable[[], Any],
                on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None,
                after: Callable[[Any], None] | None = None) -> Task:
        """A long caseapp job with a progress dialog and Cancel."""
        dialog = QProgressDialog(title, tr("取消"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def progress(step: Progress) -> None:
            if step.total:
                dialog.setMaximum(step.total)
                dialog.setValue(min(step.done, step.total))
            if step.message:
                dialog.setLabelText(f"{title}\n{step.message}")

        def finished(_x=None) -> None:
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

        def failed(exc: BaseException) -> None:
            finished()
            (on_error or (lambda e: show_error(parent, e)))(exc)

        def done(result: Any) -> None:
            finished()
            if on_done is not None:
                on_done(result)

        task = self.run(parent, job_factory, on_done=done, on_error=failed, on_progress=progress,
                        job=True, after=after)
        dialog.canceled.connect(task.cancel)
        return task

    def _finish(self, task: Task) -> None:
        self._running.discard(task)
        task.finished.emit()
        task.deleteLater()
        if not self._running:
            self.idle.emit()
