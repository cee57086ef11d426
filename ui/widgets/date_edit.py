"""DateField, the one date editor of the forms: a line edit that reads a typed date through
``caseapp.validation.parse_date`` (every form the exchange file accepts) and never changes what
was typed on its own, with a calendar popup. See docs/domain.md §6.

QDateEdit is not used in forms because it clamps typed text to its range and sections (typing
2027-01-31 under a maximum of today gave 2026-01-31 without a word).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from caseapp.validation import parse_date
from ui.i18n import tr

Day = date  # DateField.date() (QDateEdit's name) hides ``date`` inside the class
EMPTY_DATE = QDate(2000, 1, 1)  # what date() answers for an empty optional field
ISO_SECTIONS = ((0, 4), (5, 7), (8, 10))  # year, month, day in 2026-03-05


def to_qdate(value: date | None) -> QDate:
    return EMPTY_DATE if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _as_date(value: QDate | date | None) -> date | None:
    if isinstance(value, QDate):
        return None if not value.isValid() else from_qdate(value)
    return value


class DateField(QLineEdit):
    """A typed date. ``value()`` is exactly what the text says; unreadable or out-of-range text
    is reported by ``problem()`` (forms show it beside the field) and never corrected."""

    dateChanged = Signal(object)  # noqa: N815 - QDateEdit's name; the date or None

    def __init__(self, value: date | None = None, *, minimum: date | None = None,
                 maximum: date | None = None, optional: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.optional = optional
        self.minimum = minimum
        self.maximum = maximum
        self.field_name = ""  # the label, for messages; FormGrid fills it
        self._last: date | None = None
        self.setPlaceholderText("—" if optional else "2026-03-05")
        self.setMinimumWidth(130)
        self.calendar_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            tr("选择日期"), self)
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: QCalendarWidget | None = None
        self.textChanged.connect(self._text_changed)
        self.editingFinished.connect(self._mark)
        self.set_value(value)

    # -- value ------------------------------------------------------------------------

    def value(self) -> date | None:
        """The typed date; None when blank. Raises ValueError for unreadable text."""
        return parse_date(self.text())

    def problem(self) -> str | None:
        """Why the text cannot be kept (naming the field), or None."""
        name = self.field_name or tr("日期")
        text = self.text().strip()
        try:
            day = self.value()
        except ValueError:
            return tr("{0}：无法识别日期「{1}」，请写作 2026-03-05").format(name, text)
        if day is None:
            return None if self.optional else tr("{0}：请填写日期").format(name)
        if self.minimum is not None and day < self.minimum:
            return tr("{0}：{1} 早于 {2}，请核对").format(name, day.isoformat(),
                                                    self.minimum.isoformat())
        if self.maximum is not None and day > self.maximum:
            return tr("{0}：{1} 晚于 {2}，请核对").format(name, day.isoformat(),
                                                    self.maximum.isoformat())
        return None

    def set_value(self, value: date | None) -> None:
        self.setText(value.isoformat() if value is not None else "")

    # QDateEdit's names, so callers and tests written for it keep working.
    def date(self) -> QDate:
        try:
            return to_qdate(self.value())
        except ValueError:
            return QDate()

    def setDate(self, value: QDate | Day | None) -> None:  # noqa: N802
        day = _as_date(value)
        self.set_value(None if self.optional and day == from_qdate(EMPTY_DATE) else day)

    def minimumDate(self) -> QDate:  # noqa: N802
        return EMPTY_DATE if self.optional or self.minimum is None else to_qdate(self.minimum)

    def maximumDate(self) -> QDate:  # noqa: N802
        return QDate() if self.maximum is None else to_qdate(self.maximum)

    def setMinimumDate(self, value: QDate | Day | None) -> None:  # noqa: N802
        self.minimum = _as_date(value)

    def setMaximumDate(self, value: QDate | Day | None) -> None:  # noqa: N802
        self.maximum = _as_date(value)

    def setCurrentSectionIndex(self, index: int) -> None:  # noqa: N802
        """Put the cursor in the year (0), month (1) or day (2) for the arrow keys."""
        self.setCursorPosition(ISO_SECTIONS[index][0])

    # -- behaviour --------------------------------------------------------------------

    def _text_changed(self, _text: str) -> None:
        try:
            day = self.value()
        except ValueError:
            return
        if day != self._last:
            self._last = day
            self.dateChanged.emit(day)

    def _mark(self) -> None:
        """Paint the field red with the reason as its tip while its text cannot be kept."""
        message = self.problem()
        self.setToolTip(message or "")
        if bool(self.property("invalid")) != bool(message):
            self.setProperty("invalid", bool(message))  # resources/style.qss paints it red
            self.style().unpolish(self)
            self.style().polish(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Up/Down step the year, month or day under the cursor, as QDateEdit did."""
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        try:
            day = self.value()
        except ValueError:
            return
        if day is None:
            return
        pos = self.cursorPosition()
        section = 0 if pos <= 4 else (1 if pos <= 7 else 2)
        if section == 2:
            day += timedelta(days=step)
        else:
            months = day.year * 12 + day.month - 1 + (step * 12 if section == 0 else step)
            year, month = divmod(months, 12)
            last = (date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
                    - timedelta(days=1)).day
            day = date(year, month + 1, min(day.day, last))
        self.set_value(day)
        self.setCursorPosition(ISO_SECTIONS[section][0])

    def show_calendar(self) -> None:
        if self.popup is None:
            self.popup = QCalendarWidget(self)
            self.popup.setWindowFlags(Qt.WindowType.Popup)
            self.popup.setGridVisible(True)
            self.popup.clicked.connect(self._picked)
            self.popup.activated.connect(self._picked)
            self.popup.installEventFilter(self)
        try:
            current = self.value()
        except ValueError:
            current = None
        self.popup.setSelectedDate(to_qdate(current or date.today()))
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.popup.setFocus()

    def _picked(self, value: QDate) -> None:
        self.set_value(from_qdate(value))
        self._mark()
        if self.popup is not None:
            self.popup.hide()
        self.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (obj is self.popup and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            self.popup.hide()
            return True
        return super().eventFilter(obj, event)


__all__ = ["EMPTY_DATE", "DateField", "from_qdate", "to_qdate"]
