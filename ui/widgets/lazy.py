"""Pages that load when first shown, and reload on their next show when the data changed
while they were hidden: a hidden list or chart costs nothing after an act."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class LazyPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._started = False
        self._dirty = False

    def reload(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError

    def refresh_now(self) -> None:
        """What a visible page does when the data changed (a page may debounce it)."""
        self.reload()

    def mark_loaded(self) -> None:
        """Called by reload() when it starts fetching."""
        self._started = True
        self._dirty = False

    def ensure_loaded(self) -> None:
        if not self._started:
            self.reload()

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if not self._started or self._dirty:
            self.reload()

    def _data_changed(self, _ids) -> None:
        if self.isVisible():
            self.refresh_now()
        else:
            self._dirty = True
