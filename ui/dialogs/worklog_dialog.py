"""The work log's dialogs: an entry (新增 / 修改 排查记录) and 零上报 for an area and month."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.errors import ValidationError
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_to_screen
from ui.widgets.forms import FormGrid, InlineErrors

if TYPE_CHECKING:
    from ui.context import AppContext

WHOLE = "全区"


def street_box(streets: Sequence[str], current: str | None = None) -> QComboBox:
    """街镇, editable; 全区 (no street) first."""
    box = forms.combo((tr(WHOLE), *streets), editable=True)
    forms.set_combo_text(box, current or tr(WHOLE))
    return box


def street_of(box: QComboBox) -> str | None:
    text = forms.text_of(box)
    return None if text in ("", tr(WHOLE)) else text


class _Form(QDialog):
    """A one-column form, a general error line and 确定/取消; ``submit`` runs ``act()``."""

    succeeded = Signal(object)

    def __init__(self, ctx: AppContext, title: str, ok_text: str, parent: QWidget | None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        self.outer = QVBoxLayout(self)
        self.general = forms.error_label()
        self.outer.addWidget(self.general)
        self.errors = InlineErrors(self.general)
        self.grid = FormGrid(self.errors, columns=1)
        self.outer.addLayout(self.grid)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish(self, width: int, height: int) -> None:
        self.outer.addStretch(1)
        self.outer.addWidget(self.buttons)
        fit_to_screen(self, width, height)

    def act(self) -> tuple[Callable[..., Any], tuple]:
        raise NotImplementedError

    def submit(self) -> None:
        problems = self.errors.date_problems()
        if problems:
            self.errors.set_errors(problems)
            return
        self.errors.clear_errors()
        fn, args = self.act()
        self.ok_button.setEnabled(False)
        # A work-log entry changes no case: the broadcast says "anything may have changed".
        self.ctx.act(self, fn, self.ctx.db, self.ctx.actor, *args, on_done=self._done,
                     on_error=self._failed)

    def _done(self, result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.set_errors(exc.problems)
        else:
            forms.report_error(self, exc)


class WorkLogDialog(_Form):
    """新增 (entry None) or 修改 an entry of the log."""

    def __init__(self, ctx: AppContext, streets: Sequence[str] = (),
                 entry: queries.WorkLogRow | None = None, parent: QWidget | None = None):
        super().__init__(ctx, tr("修改排查记录") if entry else tr("新增排查记录"), tr("保存"), parent)
        self.entry = entry
        today = ctx.today()
        self.day = forms.date_edit(entry.day if entry else today, maximum=today)
        self.grid.add("day", tr("日期"), self.day, required=True)
        self.type_box = forms.combo(wf.WORKLOG_TYPES)
        forms.set_combo_text(self.type_box, entry.type if entry else wf.WORKLOG_TYPES[0])
        self.grid.add("type", tr("类型"), self.type_box, required=True)
        self.street = street_box(streets, entry.street if entry else None)
        self.grid.add("street", tr("街镇"), self.street, note=tr("选「全区」表示不限街镇"))
        self.community = QLineEdit(entry.community or "" if entry else "")
        self.grid.add("community", tr("村/社区"), self.community)
        self.participants = QLineEdit(entry.participants or "" if entry else "")
        self.participants.setPlaceholderText(tr("如：李红、周志强"))
        self.grid.add("participants", tr("参加人员"), self.participants)
        self.found = QSpinBox()
        self.found.setRange(0, 10_000)  # services.check_worklog's bound
        self.found.setValue(entry.found if entry else 0)
        self.grid.add("found", tr("发现纠纷数"), self.found,
                      note=tr("发现的纠纷请另行登记为矛盾纠纷（来源：主动排查）"))
        self.note = QPlainTextEdit(entry.note or "" if entry else "")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.grid.add("note", tr("说明"), self.note)
        if entry is not None and entry.zero_report:
            self.found.setEnabled(False)
        self.finish(460, 520)

    def value(self) -> services.WorkLogInput:
        return services.WorkLogInput(
            forms.date_value(self.day), self.type_box.currentText(), street_of(self.street),
            self.community.text().strip() or None, self.participants.text().strip() or None,
            self.found.value(), self.note.toPlainText().strip() or None)

    def act(self) -> tuple[Callable[..., Any], tuple]:
        if self.entry is None:
            return services.add_worklog, (self.value(),)
        return services.edit_worklog, (self.entry.id, self.value())


class ZeroReportDialog(_Form):
    """零上报: an area found no dispute in a month."""

    def __init__(self, ctx: AppContext, streets: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(ctx, tr("零上报"), tr("零上报"), parent)
        today = ctx.today()
        self.month = QComboBox()
        y, m = today.year, today.month
        for _ in range(24):
            self.month.addItem(tr("{0}年{1}月").format(y, m), (y, m))
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        self.grid.add("month", tr("月份"), self.month, required=True)
        self.street = street_box(streets)
        self.grid.add("street", tr("街镇"), self.street)
        self.community = QLineEdit()
        self.grid.add("community", tr("村/社区"), self.community)
        self.outer.insertWidget(0, forms.muted(tr("本月该范围内排查未发现矛盾纠纷时，录入一条零上报记录。")))
        self.finish(420, 300)

    def act(self) -> tuple[Callable[..., Any], tuple]:
        year, month = self.month.currentData()
        return services.zero_report, (street_of(self.street),
                                      self.community.text().strip() or None, year, month)


__all__ = ["WorkLogDialog", "ZeroReportDialog", "street_box", "street_of"]
