"""Small shared form helpers: labelled rows with inline error labels, date fields,
confirmation and reason prompts.

Errors are shown beside their field (docs/design.md, rule 7): a red label under the editor and the
``invalid`` property on the editor, which resources/style.qss paints red. Problems whose
field has no row go to a general label at the top of the form.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseapp.errors import Problem
from ui.i18n import tr
from ui.style import OVERDUE
from ui.tasks import show_error
from ui.widgets.date_edit import DateField
from ui.widgets.date_edit import to_qdate as to_qdate  # callers keep forms.to_qdate

# ---------------------------------------------------------------------------
# Widget helpers.


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    repolish(widget)


def watch_edits(root: QWidget, callback) -> None:
    """Call ``callback`` whenever the clerk changes any editor under ``root``."""
    for w in root.findChildren(QLineEdit):
        w.textEdited.connect(callback)
    for c in root.findChildren(QComboBox):
        c.currentIndexChanged.connect(callback)
        c.editTextChanged.connect(callback)
    for t in root.findChildren(QPlainTextEdit):
        t.textChanged.connect(callback)
    for b in root.findChildren(QAbstractButton):
        if b.isCheckable():
            b.toggled.connect(callback)
    for sp in root.findChildren(QSpinBox):
        sp.valueChanged.connect(callback)


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "fieldError")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def field_label(text: str, required: bool = False) -> QLabel:
    """A form label; required fields get a red asterisk."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    star = f'<span style="color:{OVERDUE}"> *</span>' if required else ""
    label.setText(f"{text}{star}")
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


def date_edit(value: date | None = None, *, maximum: date | None = None,
              minimum: date | None = None, optional: bool = False,
              parent: QWidget | None = None) -> DateField:
    """A date field showing 2026-03-05 with a calendar popup; it takes every date form the
    exchange file accepts and reports (never clamps) a date outside ``minimum``..``maximum``.
    ``optional`` fields may be left blank ("—")."""
    if value is None and not optional:
        value = date.today()
    return DateField(value, minimum=minimum, maximum=maximum, optional=optional, parent=parent)


def date_fields(editor: QWidget) -> list[DateField]:
    """The date fields of a form row: the editor itself or those inside it."""
    if isinstance(editor, DateField):
        return [editor]
    return editor.findChildren(DateField)


def date_value(edit: DateField) -> date | None:
    """The field's date; None when blank or unreadable (forms refuse that first, see
    ``InlineErrors.date_problems``)."""
    try:
        return edit.value()
    except ValueError:
        return None


def combo(items: Iterable[str] = (), *, editable: bool = False, blank: bool = False,
          parent: QWidget | None = None) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(editable)
    if blank:
        box.addItem("")
    box.addItems(list(items))
    if editable:
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


def set_combo_items(box: QComboBox, items: Iterable[str], *, blank: bool = False,
                    keep: str | None = None) -> None:
    """Replace a combo's items, keeping the current (or ``keep``) text."""
    current = box.currentText() if keep is None else keep
    box.blockSignals(True)
    box.clear()
    if blank:
        box.addItem("")
    box.addItems(list(items))
    set_combo_text(box, current)
    box.blockSignals(False)


def set_combo_text(box: QComboBox, text: str | None) -> None:
    text = text or ""
    index = box.findText(text)
    if index < 0 and text and not box.isEditable():
        box.addItem(text)  # a retired entry still shows on the cases that use it
        index = box.count() - 1
    if index >= 0:
        box.setCurrentIndex(index)
    elif box.isEditable():
        box.setEditText(text)


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    return widget.text().strip()


# ---------------------------------------------------------------------------
# Forms with inline errors.


class FieldRow(QWidget):
    """An editor with its (hidden) error label under it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None, note: str = ""):
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        if note:
            layout.addWidget(muted(note))
        self.error = error_label(self)
        layout.addWidget(self.error)
        layout.addStretch(1)  # spare height goes below the message, never between

    def set_error(self, message: str | None) -> None:
        if self.error.property("role") != "fieldError":
            self.error.setProperty("role", "fieldError")
            repolish(self.error)
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        set_invalid(self.editor, bool(message))

    def set_fixed(self) -> None:
        """The problem shown here is gone: say so in the same place, so nothing below moves
        while the clerk is typing; the line goes at the next save."""
        self.error.setProperty("role", "fieldFixed")
        repolish(self.error)
        self.error.setText(tr("已修改"))
        set_invalid(self.editor, False)

    def showing_error(self) -> bool:
        return not self.error.isHidden() and self.error.property("role") == "fieldError"


class InlineErrors:
    """Maps Problem.field to the row that shows it; the rest go to a general label."""

    def __init__(self, general: QLabel | None = None):
        self.general = general
        self.rows: dict[str, FieldRow] = {}
        self.aliases: dict[str, str] = {}

    def add(self, field: str, row: FieldRow) -> FieldRow:
        self.rows[field] = row
        return row

    def alias(self, field: str, target: str) -> None:
        """Show problems of ``field`` on ``target``'s row."""
        self.aliases[field] = target

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.set_error(None)
        if self.general is not None:
            self.general.clear()
            self.general.hide()

    def set_errors(self, problems: Iterable[Problem]) -> list[Problem]:
        """Show every problem; returns those that found no row (already shown in general)."""
        self.clear_errors()
        by_row: dict[str, list[str]] = {}
        rest: list[Problem] = []
        for p in problems:
            key = self.aliases.get(p.field, p.field)
            if key in self.rows and self.rows[key].isEnabled():
                by_row.setdefault(key, []).append(p.message)
            else:
                rest.append(p)
        for key, messages in by_row.items():
            self.rows[key].set_error("\n".join(messages))
        if rest and self.general is not None:
            self.general.setText("\n".join(p.message for p in rest))
            self.general.show()
        first = next(iter(by_row), None)
        if first is not None:
            self.rows[first].editor.setFocus()
        return rest

    def recheck(self, problems: Iterable[Problem]) -> None:
        """Show the problems still there on the rows already showing one, and 已修改 on those
        whose problem is gone; no new message appears until the next save."""
        current: dict[str, list[str]] = {}
        for p in problems:
            current.setdefault(self.aliases.get(p.field, p.field), []).append(p.message)
        for key, row in self.rows.items():
            if row.error.isHidden():
                continue
            if key in current:
                row.set_error("\n".join(current[key]))
            else:
                row.set_fixed()

    def date_problems(self) -> list[Problem]:
        """A problem for every shown date field whose text cannot be kept as typed."""
        out = []
        for key, row in self.rows.items():
            if row.isHidden() or not row.isEnabled():
                continue
            for edit in date_fields(row.editor):
                message = edit.problem() if edit.isEnabled() else None
                if message:
                    out.append(Problem(key, message))
        return out

    def messages(self) -> dict[str, str]:
        """What each visible error label says (for tests and screenshots)."""
        out = {k: r.error.text() for k, r in self.rows.items() if r.showing_error()}
        if self.general is not None and not self.general.isHidden():
            out[""] = self.general.text()
        return out


class FormGrid(QGridLayout):
    """A grid of (label, field row) pairs in ``columns`` columns."""

    def __init__(self, errors: InlineErrors, columns: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = errors
        self.columns = columns
        self._row = 0
        self._col = 0
        self.setHorizontalSpacing(10)
        self.setVerticalSpacing(8)
        for c in range(columns):
            self.setColumnStretch(2 * c + 1, 1)
        self.labels: dict[str, QLabel] = {}

    def add(self, field: str, text: str, editor: QWidget, *, required: bool = False,
            wide: bool = False, note: str = "") -> FieldRow:
        if wide and self._col:
            self.next_line()
        label = field_label(text, required)
        row = FieldRow(editor, note=note)
        label.setBuddy(editor)
        for edit in date_fields(editor):
            edit.field_name = edit.field_name or text  # its messages name the field
        self.addWidget(label, self._row, 2 * self._col)
        span = 2 * self.columns - 1 if wide else 1
        self.addWidget(row, self._row, 2 * self._col + 1, 1, span)
        self.labels[field] = label
        self.errors.add(field, row)
        if wide:
            self.next_line()
        else:
            self._col += 1
            if self._col >= self.columns:
                self.next_line()
        return row

    def next_line(self) -> None:
        self._row += 1
        self._col = 0

    def set_row_visible(self, field: str, visible: bool) -> None:
        self.labels[field].setVisible(visible)
        self.errors.rows[field].setVisible(visible)


# ---------------------------------------------------------------------------
# Prompts. Module-level so tests can monkeypatch them instead of clicking a modal box.


def confirm(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    answer = QMessageBox.question(
        parent, title or tr("请确认"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def destructive_box(parent: QWidget | None, text: str, action: str) -> QMessageBox:
    """The question before an act that cannot be taken back: the act's own name on a red
    button, 取消 the default, so Enter or Esc never destroys anything."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("请确认"), text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    yes.setProperty("destructive", True)
    yes.setObjectName("destructiveButton")
    no = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    return box


def confirm_destructive(parent: QWidget | None, text: str, action: str) -> bool:
    box = destructive_box(parent, text, action)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "destructiveButton"


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """An error that belongs to no field: a message box (tests patch this)."""
    show_error(parent, exc)


class ReasonDialog(QDialog):
    """Asks for a reason in a multi-line editor; empty text is refused inline."""

    def __init__(self, parent: QWidget | None, title: str, label: str,
                 empty_message: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.empty_message = empty_message or tr("请填写{0}").format(label)
        layout = QVBoxLayout(self)
        layout.addWidget(field_label(label, True), alignment=Qt.AlignmentFlag.AlignLeft)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumSize(420, 110)
        self.row = FieldRow(self.edit)
        layout.addWidget(self.row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.text():
            self.row.set_error(self.empty_message)
            self.edit.setFocus()
            return
        super().accept()


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    dialog = ReasonDialog(parent, title, label)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
