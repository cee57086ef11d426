"""The case list model (docs/design.md, rule 5): a table over the ordered IDs of ONE SQL query.

Filter, sort and search run in SQL (queries.case_ids). Row data arrives in pages of
PAGE_SIZE rows (queries.case_rows) only when the view asks for a row, so 100,000 cases cost a
list of ints plus a bounded page cache. Every database call runs on ctx.runner; a generation
counter drops results that arrive after the filter or sort has changed.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from caseapp import queries
from caseapp.queries.case_list import CaseFilter, CaseRow, FirstPage
from ui.models.case_cells import (  # noqa: F401 (COLUMNS, PLACEHOLDER: the list's own names)
    ALIGN_LEFT,
    ALIGN_RIGHT,
    COL_DEADLINE,
    COL_OFFICE,
    COL_RECEIVED,
    COL_STATUS,
    COLUMNS,
    ID_ROLE,
    OFFICE_COLUMN,
    PLACEHOLDER,
    ROW_ROLE,
    CaseCells,
    header_data,
)

if TYPE_CHECKING:
    from ui.context import AppContext

log = logging.getLogger(__name__)

PAGE_SIZE = 100
MAX_PAGES = 50  # bounded cache: 5,000 rows at most, whatever the list's length
_Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    """Rows are cases in the order of one case_ids query; cells fill in page by page."""

    loaded = Signal(int)  # after each id query, with the number of cases
    first_page_shown = Signal(int)  # the first page painted before the full id query ended
    failed = Signal(object)  # an id query failed (the exception)

    def __init__(self, ctx: AppContext, flt: CaseFilter | None = None, sort: str = "received_on",
                 descending: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._filter = flt or CaseFilter()
        self._sort = sort
        self._descending = descending
        self._ids: list[int] = []
        self._shown: tuple | None = None  # (filter, sort, descending) of the ids shown
        self._first_gen = -1  # the generation whose first page (queries.first_page) is shown
        self._first_unread = False
        self._gen = 0  # bumped on every id query; stale answers are dropped
        self._loaded_gen = -1  # the generation whose ids are shown
        self._rows_gen = 0  # bumped when cached rows may be out of date (after an act)
        self._pages: OrderedDict[int, tuple[int, dict[int, CaseRow]]] = OrderedDict()
        self._pending: set[int] = set()
        self._row_of: dict[int, int] | None = None
        self.pages_fetched = 0  # page queries answered for the current ids (tests, benchmarks)
        self.query_running = False
        self._cells = CaseCells()
        self._office_names: dict[int, str] | None = None  # the 单位 column's names, if shown

    def columns(self) -> tuple[tuple[str, str], ...]:
        """(sort key, header) of each column shown: COLUMNS, and 单位 in a district's list."""
        return COLUMNS + ((OFFICE_COLUMN,) if self._office_names is not None else ())

    def set_office_names(self, names: dict[int, str] | None) -> None:
        """Show the 单位 column with these names (office id → name), or hide it (None)."""
        shown = self._office_names is not None
        if names is not None and not shown:
            self.beginInsertColumns(QModelIndex(), COL_OFFICE, COL_OFFICE)
            self._office_names = dict(names)
            self.endInsertColumns()
        elif names is None and shown:
            self.beginRemoveColumns(QModelIndex(), COL_OFFICE, COL_OFFICE)
            self._office_names = None
            self.endRemoveColumns()
        elif names is not None:
            self._office_names = dict(names)
            self._changed_all()

    def _changed_all(self) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, self.columnCount() - 1))

    # -- the id query --------------------------------------------------------------

    @property
    def filter(self) -> CaseFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def ids(self) -> list[int]:
        """The ordered ids of the current list (a copy)."""
        return list(self._ids)

    def is_loaded(self) -> bool:
        return self._loaded_gen == self._gen and not self.query_running

    def set_filter(self, flt: CaseFilter, first: FirstPage | None = None) -> None:
        self._filter = flt
        self.reload(first)

    def reload(self, first: FirstPage | None = None) -> None:
        """Run the id query again (filter, sort or data changed). Rows already shown stay
        visible until their fresh page arrives, so a refresh does not flicker. A new filter or
        sort first asks for its first page alone (queries.first_page, read in index order),
        which paints before the ordered ids of the whole list arrive. ``first``: that page,
        already read for this filter and sort (the first frame's, ui/shell/first_frame.py),
        shown at once instead."""
        self._gen += 1
        self._rows_gen += 1
        gen = self._gen
        flt = self._filter
        if flt.today is None:
            flt = replace(flt, today=self.ctx.today())
        self.query_running = True
        shown = (self._filter, self._sort, self._descending)
        if first is not None:
            self._first_page_arrived(gen, first)
        elif shown != self._shown or not self._ids:
            self.ctx.runner.run(self, queries.first_page, self.ctx.db, flt, self._sort,
                                self._descending, PAGE_SIZE, self.ctx.today(),
                                on_done=lambda page: self._first_page_arrived(gen, page),
                                on_error=lambda exc: log.warning("first page failed: %s", exc))
        self._shown = shown
        self.ctx.runner.run(self, queries.case_ids, self.ctx.db, flt, self._sort, self._descending,
                            on_done=lambda ids: self._ids_arrived(gen, ids),
                            on_error=lambda exc: self._ids_failed(gen, exc))

    def _first_page_arrived(self, gen: int, page: FirstPage) -> None:
        """Show the first rows while the full id query runs (dropped if it came first)."""
        if gen != self._gen or self._loaded_gen == gen:
            return
        self.beginResetModel()
        self._ids = list(page.ids)
        self._rows_gen += 1  # as in _ids_arrived: earlier page requests were for other ids
        self._pages.clear()
        self._pending.clear()
        self._row_of = None
        self._pages[0] = (self._rows_gen, {r.id: r for r in page.rows})
        self._first_gen, self._first_unread = gen, True
        self.pages_fetched = 0
        self.endResetModel()
        self.first_page_shown.emit(len(page.ids))

    def _ids_arrived(self, gen: int, ids: list[int]) -> None:
        if gen != self._gen:
            return
        self.query_running = False
        head = len(self._ids)
        if self._first_gen == gen and ids[:head] == self._ids:
            # The first page is on screen: the rest of the list is appended below it.
            if len(ids) > head:
                self.beginInsertRows(QModelIndex(), head, len(ids) - 1)
                self._ids = ids
                self._row_of = None
                self.endInsertRows()
            self._loaded_gen = gen
            self.loaded.emit(len(ids))
            return
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            # A page asked for in this generation before the ids came was asked for the old
            # list's ids: its answer must not be taken for the new list's page (it is asked
            # again). Seen as a page stuck on placeholders after an office pick.
            self._rows_gen += 1
            self._pages.clear()
            self._pending.clear()
            self._row_of = None
            self.endResetModel()
        else:
            # Same cases in the same order: keep the cached rows (marked stale) on screen.
            self._pending.clear()
            self._changed_all()
        self.pages_fetched = 0
        self._loaded_gen = gen
        self.loaded.emit(len(ids))

    def _ids_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self.query_running = False
        self.failed.emit(exc)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: a new id query with that sort key (never a proxy model)."""
        columns = self.columns()
        if not 0 <= column < len(columns):
            return
        key = columns[column][0]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._sort and descending == self._descending:
            return
        self._sort, self._descending = key, descending
        self.reload()

    def set_sort(self, key: str, descending: bool) -> None:
        """Set the sort without running a query (before the first load)."""
        self._sort, self._descending = key, descending

    # -- rows in pages -------------------------------------------------------------

    def case_id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {cid: i for i, cid in enumerate(self._ids)}
        return self._row_of.get(case_id)

    def case_row(self, row: int) -> CaseRow | None:
        """The row's data if its page is cached, else None (and the page is requested)."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        entry = self._pages.get(page)
        if entry is None or entry[0] != self._rows_gen:
            self._request(page)
        if entry is None:
            # Scrolling usually goes on downwards: ask for the next page too, so it is
            # there before it scrolls in (one paint instead of placeholder + rows).
            # Not for the first page: that one must arrive alone, as fast as it can.
            following = page + 1
            if page and following * PAGE_SIZE < len(self._ids) and following not in self._pages:
                self._request(following)
            return None
        self._pages.move_to_end(page)
        if page == 0 and self._first_unread and self._first_gen == self._gen:
            self._first_unread = False  # the first page, read by the view: one page answered
            self.pages_fetched += 1
        return entry[1].get(self._ids[row])

    def is_row_fresh(self, row: int) -> bool:
        """True when the row's page has arrived since the last reload (no request made)."""
        entry = self._pages.get(row // PAGE_SIZE)
        return entry is not None and entry[0] == self._rows_gen

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        gen, rows_gen = self._gen, self._rows_gen
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        self.ctx.runner.run(self, queries.case_rows, self.ctx.db, ids, self.ctx.today(),
                            on_done=lambda rows: self._page_arrived(gen, rows_gen, page, rows),
                            on_error=lambda exc: self._page_failed(gen, page, exc))

    def _page_arrived(self, gen: int, rows_gen: int, page: int, rows: list[CaseRow]) -> None:
        if gen != self._gen:
            return
        self._pending.discard(page)
        if rows_gen != self._rows_gen:
            self._request(page)  # an act changed the data meanwhile; ask again
            return
        self._pages[page] = (rows_gen, {r.id: r for r in rows})
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        self.pages_fetched += 1
        first = page * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _page_failed(self, gen: int, page: int, exc: BaseException) -> None:
        if gen == self._gen:
            self._pending.discard(page)
        # A page that fails stays a placeholder; the next repaint asks again. Log only.
        log.warning("case page %s failed: %s", page, exc)

    def refresh_rows(self) -> None:
        """Mark every cached row stale: visible rows are fetched again, the ids kept."""
        self._rows_gen += 1
        self._pending.clear()
        self._changed_all()

    # -- Qt model interface --------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        return header_data(self.columns(), section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == ID_ROLE:
            return self.case_id_at(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if col == COL_DEADLINE else ALIGN_LEFT
        if role != ROW_ROLE and not self._cells.wants(role):
            return None
        r = self.case_row(row)
        if role == ROW_ROLE:
            return r
        return self._cells.cell(r, col, role, self._office_names)


