"""Building blocks the settings tabs share: notes, inline errors, tab pages of a readable width."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

# The style sheet gives primary buttons no disabled look, so a disabled 保存 would still look
# pressable; this keeps it visibly off.
PRIMARY_DISABLED = ("QPushButton:disabled { background: #a8c5f7; border: 1px solid #a8c5f7;"
                    " color: #ffffff; }")
NAME_MAX = 64  # the width of the name columns in the database
NUMBER_MAX = 64


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def mark(widget: QWidget, label: QLabel, message: str) -> None:
    """Inline error: red text under the field and the invalid property on it."""
    widget.setProperty("invalid", bool(message))
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    label.setText(message)
    label.setVisible(bool(message))


def line_edit(parent: QWidget, placeholder: str = "", max_len: int = 128) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(max_len)
    return edit


def scroll_area(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """A tab's content, scrolled when the window is short."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    content.setAutoFillBackground(False)
    area.viewport().setAutoFillBackground(False)
    return area


def form_layout(page: QWidget) -> QVBoxLayout:
    """The layout of a form tab whose content keeps a readable width on a wide screen."""
    outer = QHBoxLayout(page)
    outer.setContentsMargins(20, 18, 20, 18)
    inner_widget = QWidget(page)
    inner_widget.setMaximumWidth(760)
    inner = QVBoxLayout(inner_widget)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.setSpacing(12)
    outer.addWidget(inner_widget, 1)
    outer.addStretch(0)
    return inner


def list_layout(page: QWidget) -> QVBoxLayout:
    """The layout of a tab of list editors, which use the whole width."""
    lay = QVBoxLayout(page)
    lay.setContentsMargins(20, 14, 20, 14)
    return lay
