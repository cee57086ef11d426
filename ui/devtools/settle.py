"""Wait until every background call of a context has answered (screenshots and their states)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ui.context import AppContext


def settle(ctx: AppContext, timeout_ms: int = 15000) -> None:
    """Run the event loop until ``ctx.runner`` is idle (or ``timeout_ms`` passed), then
    process the events its last answers posted. An answer that starts another call is
    waited for too."""
    runner = ctx.runner
    deadline = QDeadlineTimer(timeout_ms)
    QApplication.processEvents()
    while runner.busy and not deadline.hasExpired():
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        runner.idle.connect(loop.quit)
        try:
            timer.start(max(1, deadline.remainingTime()))
            if runner.busy:  # it may have gone idle between the checks
                loop.exec()
        finally:
            timer.stop()
            runner.idle.disconnect(loop.quit)
        QApplication.processEvents()  # the answers' own posted events, maybe new calls
    QApplication.processEvents()


__all__ = ["settle"]
