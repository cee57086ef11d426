"""查找: one box over both kinds (number, party names, pinyin initials, phone tail, summary);
the results say what matched, and Enter or a double-click opens the case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries
from ui.i18n import tr
from ui.tasks import show_error

if TYPE_CHECKING:
    from ui.context import AppContext

SEARCH_DELAY_MS = 300  # typing pauses this long before the search runs
COLUMNS = ("编号", "类型", "状态", "匹配项", "事项摘要", "登记日期", "承办人")
WIDTHS = (190, 56, 70, 230, 320, 96, 90)
SUMMARY_COLUMN = COLUMNS.index("事项摘要")
HINT = "可按编号、姓名、拼音首字母、电话后四位查找"


def hit_cells(hit: queries.SearchHit) -> tuple[str, ...]:
    return (hit.number, tr(hit.kind_label), tr(hit.status_label),
            f"{tr(hit.field)}：{hit.matched}", hit.summary, hit.received_on.isoformat(),
            hit.handler or "")


class SearchBox(QLineEdit):
    """The search box: ↓ moves into the results, so Enter there opens the case."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    open_case = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[queries.SearchHit] = []
        self._asked = 0  # each search is numbered; an answer to an older one is dropped
        self.shown_term: str | None = None  # the term the table shows the results of
        self._stale = False  # the data changed while the page was hidden
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(tr("查找案件"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.box = SearchBox()
        self.box.setObjectName("globalSearch")
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(tr("编号、当事人姓名、拼音首字母（如 zs）、电话后四位或事项摘要"))
        self.box.setToolTip(tr("在信访件和矛盾纠纷中一起查找"))
        layout.addWidget(self.box)
        self.status = QLabel()
        self.status.setProperty("role", "muted")
        layout.addWidget(self.status)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(48)
        for col, width in enumerate(WIDTHS):
            header.resizeSection(col, width)
        # The summary takes what the window has left; the others keep their width.
        header.setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        # activated: a double-click, or Enter on the current row (the platform's way)
        self.table.activated.connect(lambda index: self._open_row(index.row()))

        self.empty_label = QLabel()
        self.empty_label.setObjectName("searchEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-size: 12pt; color: #656d76;")
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty_label)
        layout.addWidget(self.body, 1)
        self._show_empty(tr("输入要查找的内容。") + tr(HINT))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self._enter)
        self.box.down.connect(self._into_results)
        ctx.data_changed.connect(self._data_changed)

    # -- searching ---------------------------------------------------------------------

    def term(self) -> str:
        return " ".join(self.box.text().split())

    def focus_box(self, text: str | None = None) -> None:
        """Ctrl+F: the box focused with its text selected (typing replaces it)."""
        if text:
            self.box.setText(text)
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def reload(self) -> None:
        """刷新 (F5): the same term asked again."""
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        term = self.term()
        self._asked += 1
        asked = self._asked
        if not term:
            self.shown_term = ""
            self.hits = []
            self.table.setRowCount(0)
            self.status.setText("")
            self._show_empty(tr("输入要查找的内容。") + tr(HINT))
            return
        self.status.setText(tr("正在查找…"))
        self.ctx.runner.run(self, queries.search_cases, self.ctx.db, term,
                            on_done=lambda hits: self._arrived(asked, term, hits),
                            on_error=lambda exc: self._failed(asked, exc))

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked == self._asked:
            self.status.setText("")
            show_error(self, exc)

    def _arrived(self, asked: int, term: str, hits: list[queries.SearchHit]) -> None:
        if asked != self._asked:
            return  # the clerk typed on meanwhile
        self.shown_term = term
        self.hits = hits
        self.table.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            for col, text in enumerate(hit_cells(hit)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        if not hits:
            self.status.setText("")
            self._show_empty(tr("没有找到「{0}」；").format(term) + tr(HINT))
            return
        self.body.setCurrentWidget(self.table)
        if len(hits) >= queries.SEARCH_LIMIT:
            self.status.setText(tr("找到很多案件，只显示最近的 {0} 件；请输入更多内容缩小范围")
                                .format(len(hits)))
        else:
            self.status.setText(tr("找到 {0} 件（信访件和矛盾纠纷）").format(len(hits)))
        self.table.setCurrentCell(0, 0)

    def _show_empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.body.setCurrentWidget(self.empty_label)

    # -- opening -----------------------------------------------------------------------

    def _enter(self) -> None:
        """Enter in the box: search now if the term changed, else open the current result."""
        if self._timer.isActive() or self.term() != self.shown_term:
            self.run_search()
        elif self.hits:
            self._open_row(max(self.table.currentRow(), 0))

    def _into_results(self) -> None:
        if self.hits:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.table.currentRow() < 0:
                self.table.setCurrentCell(0, 0)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.open_case.emit(self.hits[row].id)

    def _data_changed(self, _ids) -> None:
        if not self.shown_term:
            return
        if self.isVisible():
            self.run_search()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.run_search()
