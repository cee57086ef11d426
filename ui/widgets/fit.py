"""Windows and their content fitted to the screen: sizes, scrolling, wrapping, eliding, checks.

At 150 % scaling a 1366×768 screen is 910×512 logical pixels: a dialog asked for 1000×700
would put its buttons off screen. Every dialog sizes itself through ``fit_to_screen`` (and
``fit_minimum`` for a floor) and scrolls inside (``scroll_area``, ``scrolling_body``) when
its content is taller than what is left; its buttons stay outside the scrolling part.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

# Room kept free around a window: the title bar and frame the window manager adds.
MARGIN_W, MARGIN_H = 24, 48
# A screen of 1366×768 less a taskbar, used when Qt reports no screen.
FALLBACK = QRect(0, 0, 1366, 728)


def available_rect(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen ``widget`` is on (or the primary screen)."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent or widget).screen()
    if screen is None:
        screen = QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(FALLBACK)


def max_size(widget: QWidget | None = None) -> QSize:
    """The largest a top-level window may be on that screen, frame included."""
    avail = available_rect(widget)
    return QSize(max(320, avail.width() - MARGIN_W), max(240, avail.height() - MARGIN_H))


def fit_to_screen(widget: QWidget, width: int, height: int, *, cap: bool = True) -> QSize:
    """Resize ``widget`` to width×height, or less where the screen is smaller, and return
    the size given. With ``cap`` (dialogs) it can never grow past the screen either, also
    when its layout would like more: such content must scroll inside. A main window passes
    ``cap=False`` so that it can still be maximised on a larger screen."""
    limit = max_size(widget)
    if cap:
        widget.setMaximumSize(limit)
    minimum = widget.minimumSize()
    if minimum.width() > limit.width() or minimum.height() > limit.height():
        widget.setMinimumSize(minimum.boundedTo(limit))
    size = QSize(min(width, limit.width()), min(height, limit.height()))
    widget.resize(size)
    return size


def fit_minimum(widget: QWidget, width: int = 0, height: int = 0) -> QSize:
    """A minimum size of width×height, or what the screen allows when it is smaller (a
    bare ``setMinimumSize(1024, 640)`` would push a window off a 150 % screen)."""
    limit = max_size(widget)
    size = QSize(min(width, limit.width()), min(height, limit.height()))
    if width:
        widget.setMinimumWidth(size.width())
    if height:
        widget.setMinimumHeight(size.height())
    return size


def fitted_height(widget: QWidget, wanted: int) -> int:
    """``wanted`` or the screen's limit, whichever is smaller (for a dialog's sizeHint)."""
    return min(wanted, max_size(widget).height())


def columns_for(width: int, count: int, min_width: int, spacing: int = 12) -> int:
    """How many columns of cards at least ``min_width`` wide fit in ``width``, balanced so
    that the rows are as even as can be (4 cards in room for 3 make two rows of 2)."""
    if count <= 0:
        return 1
    fit = max(1, min(count, (width + spacing) // (min_width + spacing)))
    rows = -(-count // fit)
    return -(-count // rows)


class ElidedLabel(QLabel):
    """A one-line label that gives way when its row is short: the text ends in … and the
    whole of it is in the tooltip (a subtitle beside a title, a path)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        # Its own width where there is room (Preferred), down to 24 px where there is not.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(24)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.fontMetrics().horizontalAdvance(self.text()) + 4,
                     super().sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line where the width ends (a row of buttons
    that would otherwise be squeezed until their labels are cut, as at 150 %)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    # As QHBoxLayout, so a row can become a FlowLayout unchanged: a fixed gap, a stretch
    # (nothing: a wrapping row has no end to push to).
    def addSpacing(self, size: int) -> None:  # noqa: N802 - as QBoxLayout
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def addStretch(self, _stretch: int = 0) -> None:  # noqa: N802 - as QBoxLayout
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def setSpacing(self, spacing: int) -> None:  # noqa: N802 - Qt's name
        self._spacing = spacing
        self.invalidate()

    def spacing(self) -> int:
        return self._spacing

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 - as QBoxLayout
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        gaps = sum(self._gap(i) for i in self._items)
        if not shown:
            return QSize(0, 0)
        return QSize(sum(s.width() for s in shown) + self._spacing * (len(shown) - 1) + gaps,
                     max(s.height() for s in shown))

    @staticmethod
    def _gap(item) -> int:
        """The width of a fixed spacer (addSpacing); 0 for anything else."""
        spacer = item.spacerItem()
        if spacer is None or spacer.sizePolicy().horizontalPolicy() != QSizePolicy.Policy.Fixed:
            return 0
        return spacer.sizeHint().width()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Lay the items out in lines (each centred on its tallest item); the height used."""
        x, y, line = rect.x(), rect.y(), 0
        placed: list = []  # (item, x, size) of the current line

        def finish() -> None:
            for item, left, size in placed:
                item.setGeometry(QRect(left, y + (line - size.height()) // 2, size.width(),
                                       size.height()))
            placed.clear()

        for item in self._items:
            if item.spacerItem() is not None:
                if x > rect.x():  # a gap between items, never at the start of a line
                    x += self._gap(item)
                continue
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                if apply:
                    finish()
                x, y, line = rect.x(), y + line + self._spacing, 0
            placed.append((item, x, hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        if apply:
            finish()
        return y + line - rect.y()


def scroll_area(content: QWidget, *, horizontal: bool = False) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls only when the window is too
    small. Forms scroll vertically only (``horizontal=False``): their fields shrink in width."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def scrolling_body(dialog: QWidget, content: QWidget, bottom: QWidget | QLayout | None = None,
                   *, margins: tuple[int, int, int, int] | None = None) -> QScrollArea:
    """Lay ``dialog`` out as ``content`` scrolling above ``bottom`` (its buttons), which
    therefore stays visible however small the screen. Returns the scroll area."""
    outer = QVBoxLayout(dialog)
    if margins is not None:
        outer.setContentsMargins(*margins)
    area = scroll_area(content)
    outer.addWidget(area, 1)
    if isinstance(bottom, QLayout):
        outer.addLayout(bottom)
    elif bottom is not None:
        outer.addWidget(bottom)
    return area


def buttons_outside(window: QWidget) -> list[QAbstractButton]:
    """The visible buttons of ``window`` that lie (partly) outside it, those inside a scroll
    area aside (they can be scrolled to). Empty when every button can be reached."""
    frame = window.rect()
    out: list[QAbstractButton] = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _in_scroll_area(button, window):
            continue
        rect = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not frame.contains(rect):
            out.append(button)
    return out


def squeezed(window: QWidget) -> QSize | None:
    """The size ``window``'s layout needs when the window is smaller (Qt then squeezes
    every row below its minimum and cuts their text); None when it fits."""
    layout = window.layout()
    if layout is None:
        return None
    need = layout.totalMinimumSize()  # (a height-for-width one would only say "preferred")
    have = window.size()
    return need if need.width() > have.width() or need.height() > have.height() else None


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


__all__ = ["FALLBACK", "MARGIN_H", "MARGIN_W", "ElidedLabel", "FlowLayout", "available_rect",
           "buttons_outside", "columns_for", "fit_minimum", "fit_to_screen", "fitted_height", "max_size", "scroll_area", "squeezed",
           "scrolling_body"]
