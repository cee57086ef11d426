"""统计报表: choose 月度统计报表, 年度统计报告 or 自定义期间, build the PDF on a worker with
progress and Cancel, preview it here, print it, save it, export the same tables to Excel;
填报模板 opens the form-filling window (ui/dialogs/form_dialog.py).

Every figure comes from caseapp (summary.build_monthly / build_annual / build_range and
tables_xlsx.summary_xlsx); this page only chooses the period and shows the result.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp.figures import stats
from caseapp.reports import rows, summary, tables_xlsx
from caseapp.services import audit
from ui.dialogs.form_dialog import FormDialog
from ui.i18n import tr
from ui.tasks import show_error
from ui.widgets import pdf_preview
from ui.widgets.fit import scroll_area
from ui.widgets.forms import muted, repolish
from ui.widgets.pdf_preview import PdfPreview

if TYPE_CHECKING:
    from ui.context import AppContext

MONTHLY, ANNUAL, RANGE = "monthly", "annual", "range"
KIND_LABELS = {MONTHLY: "月度统计报表", ANNUAL: "年度统计报告", RANGE: "自定义期间"}
FIRST_YEAR = 2000


def ask_excel_path(parent: QWidget, suggested: str) -> str | None:
    """Where to export the tables (module-level so tests can patch it)."""
    return pdf_preview.ask_save_path(parent, tr("导出Excel"), suggested,
                                     tr("Excel 工作簿 (*.xlsx)"))


@dataclass(frozen=True)
class Period:
    kind: str
    date_from: date
    date_to: date
    year: int
    month: int = 0

    @property
    def title(self) -> str:
        if self.kind == MONTHLY:
            return tr("{0}年{1}月统计报表").format(self.year, self.month)
        if self.kind == ANNUAL:
            return tr("{0}年度统计报告").format(self.year)
        return tr("{0}至{1}统计报表").format(self.date_from.isoformat(), self.date_to.isoformat())

    @property
    def series_months(self) -> tuple[int, int, int]:
        """The months the PDF's chart shows, so the Excel series matches it."""
        if self.kind == MONTHLY:
            return rows.rolling_months(self.year, self.month)
        if self.kind == ANNUAL:
            return (self.year, 1, 12)
        return rows.period_months(self.date_from, self.date_to)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportsPage(QWidget):
    built = Signal(object)  # the Path of the PDF now shown
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.period: Period | None = None  # of the PDF on screen
        self.pdf_path: Path | None = None
        self.last_seconds: float | None = None
        self._started = 0.0
        self.form_dialog: FormDialog | None = None
        self._build()
        self._restore()
        ctx.runner.run(self, pdf_preview.clean_printouts, on_error=lambda _e: None)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(14)

        panel = QFrame()
        panel.setProperty("card", True)
        panel.setFixedWidth(300)
        p = QVBoxLayout(panel)
        p.setContentsMargins(16, 14, 16, 14)
        p.setSpacing(10)
        heading = QLabel(tr("统计报表"))
        heading.setProperty("role", "title")
        p.addWidget(heading)

        p.addWidget(self._caption(tr("报表类型")))
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for i, kind in enumerate((MONTHLY, ANNUAL, RANGE)):
            button = QRadioButton(tr(KIND_LABELS[kind]))
            self.kind_group.addButton(button, i)
            self.kind_buttons[kind] = button
            p.addWidget(button)
        self.kind_group.idToggled.connect(self._kind_toggled)

        p.addWidget(self._caption(tr("统计期间")))
        self.period_stack = QStackedWidget()
        today = self.ctx.today()
        last_month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)

        # Each period page keeps its inputs at the top (the stack is as tall as the range page).
        month_page = QWidget()
        month_v = QVBoxLayout(month_page)
        month_v.setContentsMargins(0, 0, 0, 0)
        m = QHBoxLayout()
        month_v.addLayout(m)
        month_v.addStretch(1)
        self.month_year = self._year_spin(last_month[0])
        self.month_combo = QComboBox()
        for n in range(1, 13):
            self.month_combo.addItem(tr("{0}月").format(n), n)
        self.month_combo.setCurrentIndex(last_month[1] - 1)
        m.addWidget(self.month_year, 1)
        m.addWidget(self.month_combo, 1)
        self.period_stack.addWidget(month_page)

        year_page = QWidget()
        year_v = QVBoxLayout(year_page)
        year_v.setContentsMargins(0, 0, 0, 0)
        y = QHBoxLayout()
        year_v.addLayout(y)
        year_v.addStretch(1)
        self.year_spin = self._year_spin(today.year - 1)
        y.addWidget(self.year_spin)
        y.addStretch(1)
        self.period_stack.addWidget(year_page)

        range_page = QWidget()
        r = QFormLayout(range_page)
        r.setContentsMargins(0, 0, 0, 0)
        self.range_from = self._date_edit(date(today.year, 1, 1))
        self.range_to = self._date_edit(today)
        r.addRow(tr("起始日期"), self.range_from)
        r.addRow(tr("截止日期"), self.range_to)
        self.period_stack.addWidget(range_page)
        p.addWidget(self.period_stack)
        self.period_error = QLabel()
        self.period_error.setProperty("role", "fieldError")
        self.period_error.setWordWrap(True)
        self.period_error.hide()
        p.addWidget(self.period_error)
        for edit in (self.range_from, self.range_to):
            edit.dateChanged.connect(lambda _d: self._show_period_error(""))

        p.addWidget(self._caption(tr("署名")))
        names = QFormLayout()
        names.setContentsMargins(0, 0, 0, 0)
        self.made_by = QLineEdit()
        self.made_by.setPlaceholderText(tr("可不填，打印后手写"))
        self.checked_by = QLineEdit()
        self.checked_by.setPlaceholderText(tr("可不填，打印后手写"))
        names.addRow(tr("填表人"), self.made_by)
        names.addRow(tr("审核人"), self.checked_by)
        p.addLayout(names)

        p.addSpacing(4)
        self.build_button = QPushButton(tr("生成"))
        self.build_button.setProperty("primary", True)
        self.build_button.setDefault(True)
        self.build_button.setToolTip(tr("按所选期间生成报表（Enter）"))
        self.build_button.clicked.connect(self.generate)
        p.addWidget(self.build_button)
        self.hint = muted()
        p.addWidget(self.hint)
        p.addStretch(1)
        self.form_button = QPushButton(tr("填报模板…"))
        self.form_button.setAutoDefault(False)
        self.form_button.setToolTip(tr("把统计数字填入上级下发的 Excel 表格（如矛盾纠纷排查情况表）"))
        self.form_button.clicked.connect(self.open_form_dialog)
        p.addWidget(self.form_button)
        # Scrolls where the page is short (150 % scaling) instead of squeezing the choices.
        panel_area = scroll_area(panel)
        panel_area.setFixedWidth(300 + panel_area.verticalScrollBar().sizeHint().width())
        outer.addWidget(panel_area)

        right = QVBoxLayout()
        right.setSpacing(8)
        self.result_label = muted()
        self.result_label.setWordWrap(False)
        self.result_label.hide()  # shown with the first report; the empty state stands alone
        right.addWidget(self.result_label)
        self.right_stack = QStackedWidget()
        empty = QFrame()
        empty.setProperty("card", True)
        e = QVBoxLayout(empty)
        e.addStretch(1)
        self.empty_label = QLabel(tr("选择报表类型和期间，点击「生成」"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #656d76; font-size: 12pt;")
        e.addWidget(self.empty_label)
        detail = muted(tr("报表包括主要指标、分类统计、各月趋势图和超期未结案件清单，"
                          "生成后可以在这里预览、打印、另存为 PDF 或导出 Excel。"))
        detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        e.addWidget(detail)
        e.addStretch(2)
        self.right_stack.addWidget(empty)
        self.preview = PdfPreview(self, settings=self.ctx.settings())
        self.excel_button = QPushButton(tr("导出Excel…"))
        self.excel_button.setAutoDefault(False)
        self.excel_button.setToolTip(tr("把报表中的各张统计表导出为 Excel 工作簿"))
        self.excel_button.clicked.connect(self.export_excel)
        self.preview.extra_bar.addWidget(self.excel_button)
        self.preview.status_message.connect(self.status_message)
        self.right_stack.addWidget(self.preview)
        right.addWidget(self.right_stack, 1)
        outer.addLayout(right, 1)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("color: #424a53; font-weight: bold; margin-top: 4px;")
        return label

    def _year_spin(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(FIRST_YEAR, self.ctx.today().year)
        spin.setSuffix(tr(" 年"))
        spin.setValue(value)
        spin.setGroupSeparatorShown(False)
        return spin

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(_qdate(value))
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def open_form_dialog(self) -> FormDialog:
        """填报模板 (ui/dialogs/form_dialog.py), one window kept while it is open."""
        if self.form_dialog is None:
            self.form_dialog = FormDialog(self.ctx, self)
            self.form_dialog.status_message.connect(self.status_message)
        self.form_dialog.show()
        self.form_dialog.raise_()
        return self.form_dialog

    # -- state -------------------------------------------------------------------------

    def _restore(self) -> None:
        settings = self.ctx.settings()
        self.made_by.setText(str(settings.value("reports/madeBy", "") or ""))
        self.checked_by.setText(str(settings.value("reports/checkedBy", "") or ""))
        kind = settings.value("reports/kind", MONTHLY)
        self.kind_buttons.get(kind, self.kind_buttons[MONTHLY]).setChecked(True)
        self._kind_toggled(self.kind_group.checkedId(), True)

    def _remember(self) -> None:
        settings = self.ctx.settings()
        settings.setValue("reports/madeBy", self.made_by.text().strip())
        settings.setValue("reports/checkedBy", self.checked_by.text().strip())
        settings.setValue("reports/kind", self.kind())

    def kind(self) -> str:
        return (MONTHLY, ANNUAL, RANGE)[max(self.kind_group.checkedId(), 0)]

    def set_kind(self, kind: str) -> None:
        self.kind_buttons[kind].setChecked(True)

    def _kind_toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        self.period_stack.setCurrentIndex(index)
        # The stack is as tall as the current page only (no gap under a single row).
        for i in range(self.period_stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            self.period_stack.widget(i).setSizePolicy(policy, policy)
        self.period_stack.adjustSize()
        self._show_period_error("")
        self.hint.setText({
            0: tr("按月统计登记、办理、办结等指标，附近12个月趋势和月末超期未结案件。"),
            1: tr("全年总体情况（年度表述）、各项指标、各月情况和与上年的比较。"),
            2: tr("任意期间的统计，格式与月度统计报表相同。"),
        }[index])

    def selected_period(self) -> Period:
        kind = self.kind()
        if kind == MONTHLY:
            year, month = self.month_year.value(), self.month_combo.currentData()
            f, t = stats.month_range(year, month)
            return Period(kind, f, t, year, month)
        if kind == ANNUAL:
            year = self.year_spin.value()
            return Period(kind, date(year, 1, 1), date(year, 12, 31), year)
        f, t = _pydate(self.range_from.date()), _pydate(self.range_to.date())
        return Period(kind, f, t, t.year)

    def _show_period_error(self, text: str) -> None:
        self.period_error.setText(text)
        self.period_error.setVisible(bool(text))
        for edit in (self.range_from, self.range_to):
            edit.setProperty("invalid", bool(text) and edit is self.range_to)
            repolish(edit)

    # -- building ----------------------------------------------------------------------

    def generate(self) -> None:
        period = self.selected_period()
        if period.kind == RANGE and period.date_from > period.date_to:
            self._show_period_error(tr("截止日期不能早于起始日期"))
            self.range_to.setFocus()
            return
        self._remember()
        path = pdf_preview.new_printout_path(period.title)
        db, made_by, checked_by = self.ctx.db, self.made_by.text().strip(), self.checked_by.text().strip()
        # Made (and measured, for a period not yet over) on the context's day.
        made = datetime.combine(self.ctx.today(), datetime.now().time())
        names = {"made_by": made_by, "checked_by": checked_by, "made": made}
        if period.kind == MONTHLY:
            def job():
                return summary.build_monthly(db, period.year, period.month, path, **names)
        elif period.kind == ANNUAL:
            def job():
                return summary.build_annual(db, period.year, path, **names)
        else:
            def job():
                return summary.build_range(db, period.date_from, period.date_to, path, **names)
        actor, title, build = self.ctx.actor, period.title, job

        def recorded():  # every printout is an event of the audit trail (issue 7)
            out = yield from build()
            audit.record_printout(db, actor, title)
            return out

        self.build_button.setEnabled(False)
        self._started = time.perf_counter()
        self.ctx.runner.run_job(self, tr("正在生成报表"), recorded,
                                on_done=lambda out: self._built(period, Path(out)),
                                on_error=lambda exc: self._failed(path, exc))

    def _built(self, period: Period, path: Path) -> None:
        self.build_button.setEnabled(True)
        self.last_seconds = time.perf_counter() - self._started
        old = self.pdf_path
        if not self.preview.load(path, f"{period.title}.pdf"):
            self._failed(path, RuntimeError("unreadable PDF"))
            return
        self.period, self.pdf_path = period, path
        self.right_stack.setCurrentWidget(self.preview)
        self.result_label.show()
        pages = self.preview.page_count()
        self.result_label.setText(tr("{0} · 共 {1} 页 · 生成用时 {2:.1f} 秒").format(
            period.title, pages, self.last_seconds))
        if old is not None and old != path:
            old.unlink(missing_ok=True)  # the preview has let go of it
        self.built.emit(path)
        self.status_message.emit(tr("报表已生成：{0}").format(period.title))

    def _failed(self, path: Path, exc: BaseException) -> None:
        self.build_button.setEnabled(True)
        path.unlink(missing_ok=True)
        show_error(self, exc, tr("报表没有生成"))

    # -- output ------------------------------------------------------------------------

    def has_document(self) -> bool:
        return self.preview.has_document()

    def print_report(self) -> int:
        return self.preview.print_document()

    def save_pdf(self) -> str | None:
        return self.preview.save_as()

    def export_excel(self) -> None:
        period = self.period
        if period is None:
            return
        settings = self.ctx.settings()
        suggested = str(Path(pdf_preview.last_folder(settings)) / f"{period.title}.xlsx")
        target = ask_excel_path(self, suggested)
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        settings.setValue("printouts/lastFolder", str(Path(target).parent))
        self.excel_button.setEnabled(False)
        self.ctx.runner.run(self, tables_xlsx.summary_xlsx, self.ctx.db, period.date_from,
                            period.date_to, target, series_months=period.series_months,
                            title=period.title, today=self.ctx.today(),
                            on_done=self._exported, on_error=self._export_failed)

    def _exported(self, path) -> None:
        self.excel_button.setEnabled(True)
        self.status_message.emit(tr("已导出到 {0}").format(path))

    def _export_failed(self, exc: BaseException) -> None:
        self.excel_button.setEnabled(True)
        show_error(self, exc, tr("没有导出"))
