"""One case list per kind: the filter bar (filter_bar.py) over the ID-backed table, with bulk
assign, export and the printed list (bulk.py).

Every filter change is one SQL query for the ordered ids (queries.case_ids); the table then
fetches rows in pages as they scroll in (ui/models/case_table.py). Nothing here touches the
database on the GUI thread: choices, counts, assign, export and print all go through ctx.runner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries
from caseapp.queries.case_list import CaseFilter, FirstPage
from ui.i18n import tr
from ui.models.case_table import COLUMNS, CaseTableModel
from ui.pages.case_list import bulk
from ui.pages.case_list.columns import (
    DEFAULT_WIDTHS,
    OFFICE_SAMPLE,
    SAMPLES,
    ColumnFitter,
    style_case_table,
)
from ui.pages.case_list.filter_bar import FilterBar
from ui.tasks import show_error
from ui.widgets.lazy import LazyPage

if TYPE_CHECKING:
    from ui.context import AppContext

OFFICE_WIDTH = 120  # a district's 单位 column


def kind_label(kind: str) -> str:
    return tr("信访件") if kind == "petition" else tr("矛盾纠纷")


def new_case_label(kind: str) -> str:
    return tr("新建信访") if kind == "petition" else tr("新建纠纷")


class CaseListPage(LazyPage):
    open_case = Signal(int)
    create_case = Signal(str)  # the empty state's 新建 button, with the kind
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self._keep_scroll = False
        self._restore_ids: list[int] = []
        self._restore_current: int | None = None
        self._restore_scroll = 0
        self._empty_filtered = False
        self.preview_dialog: QDialog | None = None
        self._first: FirstPage | None = None  # the first frame's rows, for the first load
        self._first_descending = True
        self.model = CaseTableModel(ctx, CaseFilter(kind=kind, today=ctx.today()), parent=self)
        self._build()
        self.model.loaded.connect(self._loaded)
        self.model.first_page_shown.connect(self._first_page)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        ctx.data_changed.connect(self._data_changed)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)

        top = QHBoxLayout()
        title = QLabel(kind_label(self.kind))
        title.setProperty("role", "title")
        top.addWidget(title)
        self.count_label = QLabel(tr("正在加载…"))
        self.count_label.setProperty("role", "muted")
        top.addSpacing(12)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.assign_button = QPushButton(tr("分派…"))
        self.assign_button.setToolTip(tr("把选中的案件分派给承办人"))
        self.assign_button.setEnabled(False)
        self.assign_button.clicked.connect(self.assign_selected)
        self.export_button = QPushButton(tr("导出…"))
        self.export_button.setToolTip(tr("把当前列表中的案件导出为 Excel 文件"))
        self.export_button.clicked.connect(self.export_list)
        self.print_button = QPushButton(tr("打印列表"))
        self.print_button.setToolTip(tr("按当前筛选和排序打印列表（横向A4）"))
        self.print_button.clicked.connect(self.print_list)
        top.addWidget(self.assign_button)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)
        layout.addLayout(top)

        self.filters = FilterBar(self.ctx, self.kind)
        self.filters.changed.connect(self.apply_filter)
        layout.addWidget(self.filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        style_case_table(self.table)
        header = self.table.horizontalHeader()
        for col, width in enumerate(DEFAULT_WIDTHS):
            header.resizeSection(col, width)
        state = self.ctx.settings().value(self._settings_key())
        if isinstance(state, QByteArray) and not state.isEmpty():
            header.restoreState(state)
        else:
            header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        col = header.sortIndicatorSection()
        if 0 <= col < len(COLUMNS):
            self.model.set_sort(COLUMNS[col][0],
                                header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        # Narrow (150 % scaling): the other columns give way so that 编号, 状态, 期限 and
        # 承办人 stay in view; the widths above are what it returns to when there is room.
        wanted = [header.sectionSize(c) for c in range(len(COLUMNS) - 1)] + [DEFAULT_WIDTHS[-1]]
        self.columns = ColumnFitter(self.table, wanted, SAMPLES)
        header.sectionResized.connect(self._save_header)
        header.sortIndicatorChanged.connect(self._save_header)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("font-size: 12pt; color: #656d76;")
        empty_layout.addWidget(self.empty_label)
        self.empty_button = QPushButton()
        self.empty_button.setProperty("primary", True)
        self.empty_button.clicked.connect(self._empty_action)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_button)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(2)

        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        layout.addWidget(self.body, 1)

    def _settings_key(self) -> str:
        # A district's list (with 单位) keeps its own widths: a header state fits one count.
        district = self.model.columnCount() > len(COLUMNS)
        return f"caseList/{self.kind}/{'districtHeader' if district else 'header'}"

    def show_offices(self, names: dict[int, str] | None) -> None:
        """A district's list: the 单位 column last, with these names by office id (None:
        none, as in a single office's file)."""
        had = self.model.columnCount() > len(COLUMNS)
        self.model.set_office_names(names)
        if had == (names is not None):
            return
        header = self.table.horizontalHeader()
        base = self.columns.wanted[:len(COLUMNS)]
        if names is not None:
            base[-1] = max(base[-1], header.sectionSize(len(COLUMNS) - 1))
            self.columns.wanted = base + [OFFICE_WIDTH]
            self.columns.samples = [*SAMPLES, OFFICE_SAMPLE]
            header.resizeSection(len(COLUMNS), OFFICE_WIDTH)
            state = self.ctx.settings().value(self._settings_key())
            if isinstance(state, QByteArray) and not state.isEmpty():
                header.restoreState(state)
        else:
            self.columns.wanted, self.columns.samples = base, list(SAMPLES)
        self.columns.refit()

    def _save_header(self, *_args) -> None:
        if self.columns.fitting:
            return  # fitted to a narrow window: not the user's widths
        self.ctx.settings().setValue(self._settings_key(),
                                     self.table.horizontalHeader().saveState())

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the filter choices and the list again (F5, data changed, first show)."""
        self.mark_loaded()
        self._keep_scroll = True
        first, self._first = self._first, None
        # first: the list matters most
        self.model.set_filter(self.current_filter(), first if self._fits(first) else None)
        self.filters.reload_choices()

    def take_first_page(self, page: FirstPage, descending: bool) -> bool:
        """The first page of this list as the first frame read it (ui/shell/first_frame.py),
        shown on the first load instead of being read again; False (and not kept) when the
        list would not show those rows: another sort or a filter."""
        self._first = page
        self._first_descending = descending
        if not self._fits(page):
            self._first = None
            return False
        return True

    def _fits(self, page: FirstPage | None) -> bool:
        return (page is not None and self.model.sort_key == "received_on"
                and self.model.descending == self._first_descending
                and self.filters.is_default(self.current_filter()))

    # -- the filter --------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        return self.filters.current_filter()

    def set_filter(self, flt: CaseFilter) -> None:
        """Show the cases of ``flt`` (e.g. a drill-down from the dashboard)."""
        self.filters.set_filter(flt)

    def clear_filter(self) -> None:
        self.filters.clear()

    def apply_filter(self) -> None:
        self._keep_scroll = False
        self._started = True
        self.model.set_filter(self.current_filter())

    def focus_search(self) -> None:
        self.filters.focus_search()

    # -- results -----------------------------------------------------------------------

    def _loaded(self, count: int) -> None:
        self.count_label.setText(tr("共 {0} 件").format(f"{count:,}"))
        if count:
            self.body.setCurrentWidget(self.table)
            return
        if self.filters.is_default(self.model.filter):
            self._show_empty(False)
        else:
            self.ctx.runner.run(self, queries.count, self.ctx.db, CaseFilter(kind=self.kind),
                                on_done=lambda n: self._show_empty(n > 0),
                                on_error=lambda _e: self._show_empty(True))

    def _first_page(self, rows: int) -> None:
        # The rows are painted before the full count arrives: show them, not the empty page.
        if rows:
            self.body.setCurrentWidget(self.table)

    def _show_empty(self, filtered: bool) -> None:
        if self.model.rowCount():
            return  # a later query found cases meanwhile
        self._empty_filtered = filtered
        if filtered:
            self.empty_label.setText(tr("没有符合条件的案件"))
            self.empty_button.setText(tr("清除筛选"))
        elif self.ctx.filling:
            self.empty_label.setText(self.ctx.filling)
        else:
            self.empty_label.setText(tr("还没有案件，点击「{0}」开始").format(new_case_label(self.kind)))
            self.empty_button.setText(new_case_label(self.kind))
        self.empty_button.setVisible(filtered or not self.ctx.filling)
        self.body.setCurrentWidget(self.empty)

    def _empty_action(self) -> None:
        if self._empty_filtered:
            self.clear_filter()
        else:
            self.create_case.emit(self.kind)

    def _remember_selection(self) -> None:
        model = self.model
        rows = self.table.selectionModel().selectedRows()
        self._restore_ids = [model.case_id_at(i.row()) for i in rows[:500]]
        current = self.table.currentIndex()
        self._restore_current = model.case_id_at(current.row()) if current.isValid() else None
        self._restore_scroll = self.table.verticalScrollBar().value()

    def _restore_selection(self) -> None:
        keep_scroll, self._keep_scroll = self._keep_scroll, False
        if keep_scroll:
            self.table.verticalScrollBar().setValue(self._restore_scroll)
        else:
            self.table.scrollToTop()
        if not self._restore_ids:
            return
        selection = QItemSelection()
        for case_id in self._restore_ids:
            row = self.model.row_of(case_id) if case_id is not None else None
            if row is not None:
                selection.select(self.model.index(row, 0),
                                 self.model.index(row, self.model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        row = self.model.row_of(self._restore_current) if self._restore_current else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            if not keep_scroll:
                self.table.scrollTo(self.model.index(row, 0))

    def _activated(self, index) -> None:
        case_id = self.model.case_id_at(index.row())
        if case_id is not None:
            self.open_case.emit(case_id)

    def _selection_changed(self, *_args) -> None:
        self.assign_button.setEnabled(bool(self.selected_ids()))

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [cid for cid in (self.model.case_id_at(r) for r in rows) if cid is not None]

    # -- acts --------------------------------------------------------------------------

    def assign_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            bulk.assign_cases(self, self.ctx, ids, list(self.filters.handlers),
                              self.status_message.emit)

    def export_list(self) -> None:
        ids = self.model.ids()
        if not ids:
            self.status_message.emit(tr("列表中没有案件，无需导出"))
            return
        name = f"{kind_label(self.kind)}-{self.ctx.today().isoformat()}.xlsx"
        bulk.export_cases(self, self.ctx, ids, name, self.status_message.emit,
                          today=self.model.filter.today)

    def print_list(self) -> None:
        """The list as it stands (the model's filter and sort) to a PDF, then its preview."""
        count = len(self.model.ids())
        if not count:
            self.status_message.emit(tr("列表中没有案件，无需打印"))
            return
        model = self.model
        self.print_button.setEnabled(False)

        def ready(dialog: QDialog | None) -> None:
            self.print_button.setEnabled(True)
            if self.preview_dialog is not None:
                self.preview_dialog.close()
            self.preview_dialog = dialog
            if dialog is not None:
                dialog.destroyed.connect(lambda _o=None: self._preview_closed(dialog))

        bulk.print_list(self, self.ctx, model.filter, model.sort_key, model.descending, count,
                        on_ready=ready, on_failed=lambda: ready(None))

    def _preview_closed(self, dialog: QDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
