"""ActDialog, the frame of every act dialog: a form, inline errors, 确定/取消, one act on submit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseapp.errors import Problem, ValidationError
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.forms import FormGrid, InlineErrors

if TYPE_CHECKING:
    from ui.context import AppContext


def text_edit(height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(max(height, 160))
    return edit


def required_text(problems: list[Problem], field: str, value: str, message: str) -> None:
    if not value.strip():
        problems.append(Problem(field, tr(message)))


class ActDialog(QDialog):
    """A form, a general error line and 确定/取消; ``submit`` runs the act ``call()`` names
    through ``ctx.act``, which broadcasts the change."""

    succeeded = Signal(object)
    ok_text = "确定"
    confirm_text: str | None = None  # asked before an irreversible act

    def __init__(self, ctx: AppContext, detail, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        heading = QLabel(f"{detail.number} · {detail.party}" if detail.party else detail.number)
        heading.setProperty("role", "muted")
        outer.addWidget(heading)
        self.general = forms.error_label()
        outer.addWidget(self.general)
        self.errors = InlineErrors(self.general)
        self.body = QWidget()
        self.grid = FormGrid(self.errors, columns=1)
        self.body.setLayout(self.grid)
        self.grid.setContentsMargins(0, 0, 8, 0)
        # A long agreement must not push the buttons off a 1366×768 screen.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(tr(self.ok_text),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(480)

    # Subclasses fill these two.
    def validate(self) -> list[Problem]:
        return []

    def call(self) -> tuple[Callable[..., Any], tuple, dict]:
        raise NotImplementedError

    def changed_cases(self) -> tuple[int, ...]:
        """The cases the act changes, for the broadcast (empty: anything may have)."""
        return (self.detail.id,)

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        # A date that cannot be kept as typed is refused before anything compares it.
        problems = self.errors.date_problems() or self.validate()
        if problems:
            self.errors.set_errors(problems)
            return
        self.errors.clear_errors()
        if self.confirm_text and not forms.confirm(self, tr(self.confirm_text)):
            return
        fn, args, kwargs = self.call()
        self.ok_button.setEnabled(False)
        self.ctx.act(self, fn, self.ctx.db, self.ctx.actor, *args, on_done=self._done,
                     on_error=self._failed, changed=self.changed_cases(), **kwargs)

    def _done(self, result: Any) -> None:
        self.result_value = result
        self.ok_button.setEnabled(True)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.set_errors(exc.problems)
        else:
            forms.report_error(self, exc)

    def today(self) -> date:
        return self.ctx.today()

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        wanted = self.body.sizeHint().height() + 130
        hint.setHeight(min(max(hint.height(), wanted), 680))
        return hint


__all__ = ["ActDialog", "required_text", "text_edit"]
