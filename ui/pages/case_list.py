"""One case list per kind: a filter bar, the ID-backed table, bulk assign and export.

Every filter change is one SQL query for the ordered ids (queries.case_ids); the table then
fetches rows in pages as they scroll in (ui/models/case_table.py). Nothing here touches the
database on the GUI thread: choices, counts, assign and export all go through ctx.runner.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseapp import exchange, queries, services
from caseapp import workflow as wf
from caseapp.figures import stats
from caseapp.queries import lookups
from caseapp.queries.cases import CaseFilter
from ui.i18n import tr
from ui.models.case_table import COLUMNS, CaseTableModel
from ui.tasks import show_error
from ui.widgets.lazy import LazyPage

SEARCH_DELAY_MS = 250
# Column widths on first start; the user's own widths are kept in QSettings afterwards.
DEFAULT_WIDTHS = (200, 96, 140, 100, 104, 80, 96, 90)


def kind_label(kind: str) -> str:
    return tr("信访件") if kind == "petition" else tr("矛盾纠纷")


def new_case_label(kind: str) -> str:
    return tr("新建信访") if kind == "petition" else tr("新建纠纷")


def status_choices(kind: str) -> list[tuple[str, tuple[str, ...]]]:
    choices = [
        (tr("全部"), ()),
        (tr("未办结"), ("registered", "in_progress")),
        (tr("待受理"), ("registered",)),
        (tr("办理中") if kind == "petition" else tr("调解中"), ("in_progress",)),
        (tr("已办结"), ("closed",)),
    ]
    if kind == "petition":
        choices.append((tr("不予受理"), ("rejected",)))
    return choices


def filter_choices(db, kind: str) -> dict[str, list[str]]:
    """Runs on a worker: the values offered by the 类别, 街镇 and 承办人 filters."""
    settings = db.settings()
    # The office's category list (retired ones too: old cases still carry them).
    defaults = [c.name for c in lookups.list_categories(db, kind)]

    def merged(first, used) -> list[str]:
        return list(dict.fromkeys([*first, *used]))

    return {
        "category": merged(defaults, queries.distinct_values(db, "category", kind)),
        "street": merged(settings.streets, queries.distinct_values(db, "street", kind)),
        "handler": merged(settings.handlers, queries.distinct_values(db, "handler")),
    }


# -- small prompts, module-level so tests can replace them -----------------------------


class AssignDialog(QDialog):
    """Pick (or type) the handler for the selected cases."""

    def __init__(self, handlers: list[str], count: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("分派案件"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("将选中的 {0} 件案件分派给：").format(count)))
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(handlers)
        self.combo.setCurrentIndex(-1)
        self.combo.lineEdit().setPlaceholderText(tr("承办人姓名"))
        self.combo.setMinimumWidth(240)
        layout.addWidget(self.combo)
        self.error = QLabel()
        self.error.setProperty("role", "fieldError")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("分派"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def handler(self) -> str:
        return self.combo.currentText().strip()

    def accept(self) -> None:
        if not self.handler():
            self.error.setText(tr("请填写承办人"))
            self.error.show()
            return
        super().accept()


def ask_handler(parent: QWidget, handlers: list[str], count: int) -> str | None:
    dialog = AssignDialog(handlers, count, parent)
    return dialog.handler() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("导出案件"), suggested,
                                          tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"))
    return path or None


# -- the page ----------------------------------------------------------------------


class CaseListPage(LazyPage):
    open_case = Signal(int)
    create_case = Signal(str)  # the empty state's 新建 button, with the kind
    status_message = Signal(str)

    def __init__(self, ctx, kind: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self._extra: dict = {}  # filter parts without a widget (dashboard drill-down)
        self._keep_scroll = False
        self._restore_ids: list[int] = []
        self._restore_current: int | None = None
        self._restore_scroll = 0
        self._any_cases: bool | None = None
        self.model = CaseTableModel(ctx, CaseFilter(kind=kind, today=ctx.today()), parent=self)
        self._build()
        self.model.loaded.connect(self._loaded)
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
        top.addWidget(self.assign_button)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("编号/姓名/事项"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(320)
        bar.addWidget(self.search, 2)
        self.status_combo = QComboBox()
        self.status_combo.setMaximumWidth(200)
        for label, statuses in status_choices(self.kind):
            self.status_combo.addItem(label, statuses)
        self.category_combo = self._choice_combo()
        self.street_combo = self._choice_combo()
        self.handler_combo = self._choice_combo()
        for label, combo in ((tr("状态"), self.status_combo), (tr("类别"), self.category_combo),
                             (tr("街镇"), self.street_combo), (tr("承办人"), self.handler_combo)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addSpacing(6)
            bar.addWidget(caption)
            bar.addWidget(combo, 1)
        bar.addStretch(1)
        layout.addLayout(bar)

        bar2 = QHBoxLayout()
        bar2.setSpacing(6)
        self.date_check = QCheckBox(tr("登记日期"))
        self.date_check.setToolTip(tr("不勾选时不限登记日期"))
        today = self.ctx.today()
        self.date_from = self._date_edit(QDate(today.year, 1, 1))
        self.date_to = self._date_edit(QDate(today.year, today.month, today.day))
        self.date_any = QLabel(tr("不限"))
        self.date_any.setProperty("role", "muted")
        bar2.addWidget(self.date_check)
        bar2.addWidget(self.date_any)
        bar2.addWidget(self.date_from)
        self.date_sep = QLabel("～")
        bar2.addWidget(self.date_sep)
        bar2.addWidget(self.date_to)
        bar2.addSpacing(16)
        self.overdue_check = QCheckBox(tr("仅超期"))
        bar2.addWidget(self.overdue_check)
        bar2.addSpacing(16)
        self.extra_label = QLabel()
        self.extra_label.setProperty("role", "muted")
        bar2.addWidget(self.extra_label)
        self.clear_button = QPushButton(tr("清除筛选"))
        self.clear_button.clicked.connect(self.clear_filter)
        bar2.addWidget(self.clear_button)
        bar2.addStretch(1)
        layout.addLayout(bar2)
        self._show_date_range(False)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setStyleSheet("QTableView::item { padding: 0px 8px; }")
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.table.verticalHeader()
        vheader.hide()
        # Fixed row heights keep 100,000 rows cheap to lay out.
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        header.setMinimumSectionSize(48)
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

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        for combo in (self.status_combo, self.category_combo, self.street_combo,
                      self.handler_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.date_check.toggled.connect(self._date_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.apply_filter())
        self.date_to.dateChanged.connect(lambda _d: self.apply_filter())
        self.overdue_check.toggled.connect(lambda _c: self.apply_filter())
        self._update_clear_button()

    def _choice_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(tr("全部"), None)
        combo.setMinimumContentsLength(6)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMaxVisibleItems(20)
        combo.setMaximumWidth(240)  # wide screens: the bar stays compact, not stretched
        return combo

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def _settings_key(self) -> str:
        return f"caseList/{self.kind}/header"

    def _save_header(self, *_args) -> None:
        self.ctx.settings().setValue(self._settings_key(),
                                     self.table.horizontalHeader().saveState())

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the filter choices and the list again (F5, data changed, first show)."""
        self.mark_loaded()
        self._keep_scroll = True
        self.model.set_filter(self.current_filter())  # first: the list matters most
        self.ctx.runner.run(self, filter_choices, self.ctx.db, self.kind,
                            on_done=self._choices_arrived, on_error=lambda _e: None)

    def _choices_arrived(self, choices: dict[str, list[str]]) -> None:
        self._fill(self.category_combo, choices["category"], unset=False)
        self._fill(self.street_combo, choices["street"], unset=True)
        self._fill(self.handler_combo, choices["handler"], unset=True)
        self._handlers = choices["handler"]

    def _fill(self, combo: QComboBox, values: list[str], unset: bool) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("全部"), None)
        if unset:
            combo.addItem(tr("（未填写）"), stats.UNSET)
        for value in values:
            combo.addItem(value, value)
        self._select_data(combo, current)
        combo.blockSignals(False)

    @staticmethod
    def _select_data(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        if index < 0 and value is not None:
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # -- the filter --------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        ranged = self.date_check.isChecked()
        return CaseFilter(
            kind=self.kind,
            statuses=tuple(self.status_combo.currentData() or ()),
            category=self.category_combo.currentData(),
            street=self.street_combo.currentData(),
            handler=self.handler_combo.currentData(),
            received_from=self.date_from.date().toPython() if ranged else None,
            received_to=self.date_to.date().toPython() if ranged else None,
            overdue_only=self.overdue_check.isChecked(),
            text=self.search.text().strip(),
            today=self.ctx.today(),
            **self._extra,
        )

    def set_filter(self, flt: CaseFilter) -> None:
        """Show the cases of ``flt`` (e.g. a drill-down from the dashboard)."""
        widgets = (self.search, self.status_combo, self.category_combo, self.street_combo,
                   self.handler_combo, self.date_check, self.date_from, self.date_to,
                   self.overdue_check)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.search.setText(flt.text or "")
            extra: dict = {}
            index = next((i for i in range(self.status_combo.count())
                          if set(self.status_combo.itemData(i) or ()) == set(flt.statuses)), -1)
            if index < 0:
                index = 0
                extra["statuses"] = tuple(flt.statuses)
            self.status_combo.setCurrentIndex(index)
            self._select_data(self.category_combo, flt.category)
            self._select_data(self.street_combo, flt.street)
            self._select_data(self.handler_combo, flt.handler)
            ranged = flt.received_from is not None or flt.received_to is not None
            self.date_check.setChecked(ranged)
            if flt.received_from:
                self.date_from.setDate(QDate(flt.received_from))
            else:
                self.date_from.setDate(QDate(2000, 1, 1) if ranged else
                                       QDate(self.ctx.today().year, 1, 1))
            self.date_to.setDate(QDate(flt.received_to or self.ctx.today()))
            self._show_date_range(ranged)
            self.overdue_check.setChecked(flt.overdue_only)
            if flt.figure:
                extra["figure"] = flt.figure
            if flt.due_soon_only:
                extra["due_soon_only"] = True
            if flt.source:
                extra["source"] = flt.source
            if flt.outcome:
                extra["outcome"] = flt.outcome
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._extra = extra
        self._search_timer.stop()
        self.apply_filter()

    def clear_filter(self) -> None:
        self.set_filter(CaseFilter(kind=self.kind))

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self._keep_scroll = False
        self._started = True
        self._update_clear_button()
        self.model.set_filter(self.current_filter())

    def _is_default(self, flt: CaseFilter) -> bool:
        return flt == CaseFilter(kind=self.kind, today=flt.today)

    def _update_clear_button(self) -> None:
        # Always shown (a steady layout), usable only when there is something to clear.
        self.clear_button.setEnabled(not self._is_default(self.current_filter()))
        parts = []
        if "figure" in self._extra:
            name, f, t = self._extra["figure"]
            parts.append(tr("统计口径「{0}」{1}～{2}").format(
                stats_label(name), f.isoformat(), t.isoformat()))
        if self._extra.get("due_soon_only"):
            parts.append(tr("即将到期"))
        if "source" in self._extra:
            parts.append(tr("来源：{0}").format(self._extra["source"]))
        if "outcome" in self._extra:
            parts.append(tr("办理结果：{0}").format(self._extra["outcome"]))
        if "statuses" in self._extra:
            parts.append(tr("状态：{0}").format("、".join(
                wf.status_label(self.kind, s) for s in self._extra["statuses"])))
        self.extra_label.setText(tr("另加条件：") + "，".join(parts) if parts else "")
        self.extra_label.setVisible(bool(parts))

    def _date_toggled(self, on: bool) -> None:
        self._show_date_range(on)
        self.apply_filter()

    def _show_date_range(self, on: bool) -> None:
        self.date_any.setVisible(not on)
        for w in (self.date_from, self.date_sep, self.date_to):
            w.setVisible(on)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- results -----------------------------------------------------------------------

    def _loaded(self, count: int) -> None:
        self.count_label.setText(tr("共 {0} 件").format(f"{count:,}"))
        if count:
            self.body.setCurrentWidget(self.table)
            return
        flt = self.model.filter
        if self._is_default(flt):
            self._show_empty(False)
        else:
            self.ctx.runner.run(self, queries.count, self.ctx.db, CaseFilter(kind=self.kind),
                                on_done=lambda n: self._show_empty(n > 0),
                                on_error=lambda _e: self._show_empty(True))

    def _show_empty(self, filtered: bool) -> None:
        if self.model.rowCount():
            return  # a later query found cases meanwhile
        self._empty_filtered = filtered
        if filtered:
            self.empty_label.setText(tr("没有符合条件的案件"))
            self.empty_button.setText(tr("清除筛选"))
        else:
            self.empty_label.setText(tr("还没有案件，点击「{0}」开始").format(new_case_label(self.kind)))
            self.empty_button.setText(new_case_label(self.kind))
        self.body.setCurrentWidget(self.empty)

    def _empty_action(self) -> None:
        if getattr(self, "_empty_filtered", False):
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
                                 self.model.index(row, len(COLUMNS) - 1))
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
        if not ids:
            return
        handler = ask_handler(self, list(getattr(self, "_handlers", [])), len(ids))
        if not handler:
            return

        def done(changed: int) -> None:
            self.status_message.emit(tr("已将 {0} 件案件分派给 {1}").format(changed, handler))
            self.ctx.notify_changed(ids)

        self.ctx.runner.run(self, services.assign, self.ctx.db, self.ctx.actor, ids, handler,
                            on_done=done, on_error=lambda exc: show_error(self, exc))

    def export_list(self) -> None:
        ids = self.model.ids()
        if not ids:
            self.status_message.emit(tr("列表中没有案件，无需导出"))
            return
        settings = self.ctx.settings()
        folder = str(settings.value("export/folder", "") or Path.home())
        name = f"{kind_label(self.kind)}-{self.ctx.today().isoformat()}.xlsx"
        path = ask_save_path(self, os.path.join(folder, name))
        if not path:
            return
        if not Path(path).suffix:
            path += ".xlsx"
        settings.setValue("export/folder", str(Path(path).parent))
        db, actor = self.ctx.db, self.ctx.actor

        def done(count: int) -> None:
            self.status_message.emit(tr("已导出 {0} 件案件到 {1}").format(count, path))

        # As the user: the export is an event, ID numbers and phones masked (privacy.py).
        self.ctx.runner.run_job(self, tr("正在导出"),
                                lambda: exchange.export_file(db, path, case_ids=ids,
                                                             actor=actor),
                                on_done=done)


def stats_label(name: str) -> str:
    labels = {"received": "登记", "handled": "办理", "closed": "已办结",
              "closed_on_time": "按期办结", "overdue_open": "超期未结", "rejected": "不予受理",
              "proxy": "信访代理", "entered": "已录入", "diverted": "转人民调解",
              "concluded": "调结", "succeeded": "调解成功", "performed": "协议已履行"}
    return tr(labels.get(name, name))


def screenshot_states(ctx) -> list[tuple[str, QWidget]]:
    """Ready-to-grab list pages, loaded with data (for ui/screenshots.py)."""
    from PySide6.QtWidgets import QApplication

    out = []
    for kind in ("petition", "dispute"):
        page = CaseListPage(ctx, kind)
        page.resize(1180, 700)
        page.show()
        _settle(ctx, page)
        out.append((f"case_list_{kind}", page))
    page = CaseListPage(ctx, "petition")
    page.resize(1180, 700)
    page.show()
    _settle(ctx, page)
    page.set_filter(replace(page.current_filter(), overdue_only=True))
    _settle(ctx, page)
    out.append(("case_list_overdue", page))
    QApplication.processEvents()
    return out


def _settle(ctx, page: CaseListPage, timeout_ms: int = 20000) -> None:
    """Spin the event loop until the list and its visible pages are loaded."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(timeout_ms)
    while not deadline.hasExpired():
        QApplication.processEvents()
        page.table.viewport().repaint()
        if page.model.is_loaded() and not ctx.runner.busy:
            QApplication.processEvents()
            if not ctx.runner.busy:
                return
        ctx.runner.pool.waitForDone(20)

