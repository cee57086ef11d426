"""The first frame: the main window's look and the list's first page, shown before the program
has loaded (issue #17: the window and its first page within 2× a bare Qt window).

SQLAlchemy, the models and the pages take ~1.5 s of imports and building on an office PC; the
list's first page itself needs none of that. So the start shows this frame first: the same
geometry, menus, toolbar and navigation, and on a list the first page of rows read with
sqlite3 (caseapp/storage/first_read.py) and drawn by the list's own cells (ui/models/
case_cells.py). It takes no input but scrolling and choosing a row: the toolbar and the menus
are disabled, and a case opened (double-click, Enter) is opened once the window is up.
ui/app.py then builds the real window and ``hand_over`` puts it in the frame's place with
those rows, the scroll position and the chosen row; the frame closes.

Only Qt, ui.i18n, ui.style, ui.widgets.fit and the light caseapp leaves are imported here
(tests/test_lazy_imports.py fails when SQLAlchemy is loaded by the time the frame is painted).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from caseapp.case_rows import CaseRow, FirstPage
from caseapp.storage import first_read
from ui.i18n import tr
from ui.models.case_cells import (
    COL_RECEIVED,
    COLUMNS,
    ID_ROLE,
    CaseCells,
    header_data,
)
from ui.pages.case_list.columns import DEFAULT_WIDTHS, SAMPLES, ColumnFitter, style_case_table
from ui.shell.menus import NAVIGATION, PAGE_KEYS  # the window's own pages, in order
from ui.user_settings import skip_setup_key, user_settings
from ui.widgets.fit import fit_minimum, fit_to_screen

LISTS = ("petition", "dispute")
FILTER_HEIGHT_KEY = "firstFrame/filterHeight"  # the list's filter bar, as the last start drew it
FILTER_HEIGHT = 70
STATUS_HEIGHT_KEY = "firstFrame/statusHeight"  # the status bar with its user button

TOOLBAR = ("新建信访", "新建纠纷", "导入", None, "打印", "刷新", "备份")
MENUS = ("文件(&F)", "查看(&V)", "工具(&T)", "帮助(&H)")


def sqlite_path(db_arg: str | None) -> Path | None:
    """The SQLite file ``--db`` names (as caseapp.storage.db.resolve_url resolves it), or None
    for a server's address."""
    from caseapp.paths import data_dir

    value = db_arg or os.environ.get("CASEAPP_DB") or str(data_dir() / "casedesk.db")
    if "://" in value:
        prefix = "sqlite:///"
        return Path(value[len(prefix):]) if value.startswith(prefix) and \
            value[len(prefix):] not in ("", ":memory:") else None
    return Path(value).expanduser().absolute()


class FirstRows(QAbstractTableModel):
    """The first page's rows, drawn as the case list draws them."""

    def __init__(self, rows: list[CaseRow], parent=None):
        super().__init__(parent)
        self.rows = rows
        self._cells = CaseCells()

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        return header_data(COLUMNS, section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return header_data(COLUMNS, index.column(), Qt.Orientation.Horizontal, role)
        if not self._cells.wants(role):
            return None
        return self._cells.cell(r, index.column(), role)


class FirstFrame(QMainWindow):
    """The window as it will look, with the first page's rows; see the module's docstring."""

    def __init__(self, read: first_read.FirstRead, page: str, today: date | None = None):
        super().__init__()
        self.read = read
        self.page = page
        self.today = today or date.today()  # the rows' deadlines are counted to this day
        self.first: FirstPage | None = None
        self.descending = True
        self.table: QTableView | None = None
        self.opened: int | None = None  # a case chosen to open (double-click, Enter)
        self.closed = False  # the user closed the frame: the program ends
        title = read.office_name
        self.setWindowTitle(f"{title} — CaseDesk" if title else "CaseDesk")
        fit_minimum(self, 1024, 640)
        self._build_bars()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        navigation = QListWidget()
        navigation.setObjectName("navigation")
        navigation.setFixedWidth(168)
        navigation.setIconSize(QSize(18, 18))
        for _key, label, _icon in NAVIGATION:
            QListWidgetItem(tr(label), navigation).setSizeHint(QSize(0, 40))
        navigation.setCurrentRow(PAGE_KEYS.index(page))
        # Drawn as the window's, not yet chosen from: a page is built only by the window.
        navigation.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(navigation)
        stack = QStackedWidget()
        stack.addWidget(self._list_page() if page in LISTS else self._loading_page())
        layout.addWidget(stack, 1)
        self.setCentralWidget(central)
        # The keyboard starts where the window's does (its navigation), not in the table: no
        # focus frame on a first cell that the window would not show.
        central.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        central.setFocus(Qt.FocusReason.OtherFocusReason)
        self.statusBar().showMessage(tr("正在打开…"))
        database = QLabel(tr("数据库: {0}").format(read.path.name))
        database.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(database)
        settings = user_settings()
        self.statusBar().setMinimumHeight(int(settings.value(STATUS_HEIGHT_KEY, 0) or 0))
        self._restore_geometry()

    def _build_bars(self) -> None:
        toolbar = QToolBar(tr("工具栏"))
        toolbar.setObjectName("mainToolbar")  # the real toolbar's: its saved state fits
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(16, 16))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for label in TOOLBAR:
            if label is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(tr(label)).setEnabled(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(tr("查找")).setEnabled(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        for title in MENUS:
            self.menuBar().addMenu(tr(title)).setEnabled(False)

    def _top_row(self, title_text: str, buttons: tuple[str, ...]) -> QHBoxLayout:
        top = QHBoxLayout()
        title = QLabel(title_text)
        title.setProperty("role", "title")
        top.addWidget(title)
        count = QLabel(tr("正在加载…"))
        count.setProperty("role", "muted")
        top.addSpacing(12)
        top.addWidget(count, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        for label in buttons:
            button = QPushButton(tr(label))
            button.setEnabled(False)
            top.addWidget(button)
        return top

    def _loading_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        label = NAVIGATION[PAGE_KEYS.index(self.page)][1]
        layout.addLayout(self._top_row(tr(label), ()))
        layout.addStretch(1)
        return page

    def _list_page(self) -> QWidget:
        """The case list's layout (ui/pages/case_list/page.py) with the first page's rows."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        title = tr("信访件") if self.page == "petition" else tr("矛盾纠纷")
        layout.addLayout(self._top_row(title, ("分派…", "导出…", "打印列表")))
        settings = user_settings()
        filters = QWidget()  # the filter bar's place, as high as it was drawn last time
        filters.setFixedHeight(int(settings.value(FILTER_HEIGHT_KEY, FILTER_HEIGHT) or FILTER_HEIGHT))
        layout.addWidget(filters)
        self.table = table = QTableView()
        model = FirstRows([], table)
        table.setModel(model)  # first: the header's sections are the model's columns
        style_case_table(table)
        header = table.horizontalHeader()
        for col, width in enumerate(DEFAULT_WIDTHS):
            header.resizeSection(col, width)
        state = settings.value(f"caseList/{self.page}/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            header.restoreState(state)
        else:
            header.setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        # Narrow windows: the list's own fitting (ui/pages/case_list/page.py)
        wanted = [header.sectionSize(c) for c in range(len(COLUMNS) - 1)] + [DEFAULT_WIDTHS[-1]]
        self.columns = ColumnFitter(table, wanted, SAMPLES)
        if header.sortIndicatorSection() == COL_RECEIVED:  # the order first_read reads in
            self.descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            self.first = first_read.first_page(self.read, self.page, self.descending,
                                               today=self.today)
        if self.first is not None:
            model.set_rows(self.first.rows)
        table.activated.connect(self._activated)
        layout.addWidget(table, 1)
        return page

    def _activated(self, index: QModelIndex) -> None:
        self.opened = index.data(ID_ROLE)
        self.statusBar().showMessage(tr("正在打开…（稍后显示所选案件）"))

    def _restore_geometry(self) -> None:
        settings = user_settings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 760, cap=False)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def current_case(self) -> int | None:
        if self.table is None or not self.table.currentIndex().isValid():
            return None
        return self.table.currentIndex().data(ID_ROLE)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed = True
        super().closeEvent(event)


def show_first_frame(db_arg: str | None, ask_setup: bool = True,
                     today: date | None = None) -> FirstFrame | None:
    """The first frame, shown and painted, when the file is one the program opens as it is
    and nothing asks the user first (a passphrase, a login, the admin account's setup);
    otherwise None and the start goes the usual way."""
    read = first_read.peek(sqlite_path(db_arg))
    if read is None:
        return None
    settings = user_settings()
    if ask_setup and not settings.value(skip_setup_key(str(read.path)), False, type=bool):
        return None  # the first start offers the admin account before the window
    page = str(settings.value("mainWindow/page", "workbench"))
    frame = FirstFrame(read, page if page in PAGE_KEYS else "workbench", today)
    frame.show()
    frame.repaint()  # painted now: the program's imports follow on this thread
    return frame


def hand_over(frame: FirstFrame, window: Any) -> None:
    """Show the real main window in the frame's place, with the frame's rows (not read again),
    its size and place, scroll position and chosen row; then close the frame. A case opened
    in the frame is opened now."""
    if frame.first is not None and frame.today == window.ctx.today():  # first: a list's
        window.list_page(frame.page).take_first_page(frame.first, frame.descending)
    window.restoreGeometry(frame.saveGeometry())  # maximised or not, on which screen
    if not (frame.isMaximized() or frame.isFullScreen()):
        window.setGeometry(frame.geometry())  # exactly where the frame is, as moved meanwhile
    window.show()
    # How high the window drew what the frame leaves empty: the next start's frame matches.
    user_settings().setValue(STATUS_HEIGHT_KEY, window.statusBar().height())
    if frame.table is not None and frame.page in LISTS:
        page = window.list_page(frame.page)
        drawn = page.filters.height() or page.filters.sizeHint().height()
        user_settings().setValue(FILTER_HEIGHT_KEY, drawn)
        current = frame.current_case()
        row = page.model.row_of(current) if current is not None else None
        if row is not None:
            page.table.selectRow(row)
        page.table.verticalScrollBar().setValue(frame.table.verticalScrollBar().value())
    frame.hide()
    frame.deleteLater()
    if frame.opened is not None:
        window.open_case(frame.opened)
