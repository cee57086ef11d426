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
from ui.widgets.fit import fit_minimum, fit_to_screen, fitted_height, max_size
from ui.widgets.forms import FormGrid, InlineErrors

if TYPE_CHECKING:
    from ui.context import AppContext


def text_edit(height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setMinimumHeight(height)
    # style.qss gives every text box min-height: 20px, which would win once polished and let a
    # short screen squash this to one line; the box's own rule keeps it (less padding, border).
    edit.setStyleSheet(f"QPlainTextEdit {{ min-height: {height - 10}px; }}")
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
        fit_minimum(self, 480)
        self._fitted = False

    # Subclasses fill these two.
    def validate(self) -> list[Problem]:
        return []

    def call(self) -> tuple[Callable[..., Any], tuple, dict]:
        raise NotImplementedError

    def confirmed(self, text: str) -> bool:
        """The question asked before the act (a destructive act names itself on a red button)."""
        return forms.confirm(self, text)

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
        if self.confirm_text and not self.confirmed(tr(self.confirm_text)):
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

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        if visible and not self._fitted:
            # Qt's own first size stops at 2/3 of the screen (341 px at 150 %): take the
            # hint instead, as far as the screen allows, before Qt places the dialog.
            self._fitted = True
            hint = self.sizeHint()
            sized = self.testAttribute(Qt.WidgetAttribute.WA_Resized)
            fit_to_screen(self, max(self.width(), hint.width()) if sized else hint.width(),
                          hint.height())
        super().setVisible(visible)

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        wanted = self.body.sizeHint().height() + 130
        # 680 at most, and never taller or wider than the screen (the body scrolls).
        hint.setHeight(fitted_height(self, min(max(hint.height(), wanted), 680)))
        hint.setWidth(min(hint.width(), max_size(self).width()))
        return hint


__all__ = ["ActDialog", "required_text", "text_edit"]
