"""The case list: what it shows is exactly what caseapp.queries returns, for filters, search
and sort; rows arrive in pages; bulk assign and export act on the right cases."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from caseapp import exchange, queries
from caseapp.figures import stats
from caseapp.queries.case_list import CaseFilter
from gui.conftest import TODAY
from gui.keyboard import type_chinese
from ui.models.case_table import COLUMNS, PLACEHOLDER
from ui.pages.case_list import bulk
from ui.pages.case_list.bulk import AssignDialog
from ui.pages.case_list.page import CaseListPage

SURNAMES = "张王李赵刘陈杨黄周吴"
GIVEN = ("秀英", "建国", "海燕", "志强", "丽", "伟", "芳", "军")
STREETS = ("马鞍街道", "江北街道", "李渡街道")
CATEGORIES = ("劳动社保", "城乡建设", "农业农村", "民政")
HANDLERS = ("周志强", "黄海燕", "")
HEADER = ["类型", "登记日期", "受理日期", "办结日期", "办理结果", "当事人", "街镇", "类别",
          "承办人", "事项摘要"]


def import_cases(db, actor, tmp_path, n: int, kind: str = "信访", name: str = "cases") -> None:
    """n cases of varied fields, in one import (fast and deterministic)."""
    path = tmp_path / f"{name}.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(n):
            received = TODAY - timedelta(days=(i * 7) % 150)
            accepted = received + timedelta(days=1) if i % 3 else None
            if accepted and accepted > TODAY:
                accepted = None
            closed = accepted + timedelta(days=10) if accepted and i % 5 == 0 else None
            if closed and closed > TODAY:
                closed = None
            outcome = ("解释说明" if kind == "信访" else "调解成功") if closed else ""
            party = SURNAMES[i % len(SURNAMES)] + GIVEN[(i // 3) % len(GIVEN)]
            category = CATEGORIES[i % len(CATEGORIES)] if kind == "信访" else "邻里纠纷"
            out.writerow([kind, received.isoformat(), accepted.isoformat() if accepted else "",
                          closed.isoformat() if closed else "", outcome, party,
                          STREETS[i % len(STREETS)], category, HANDLERS[i % len(HANDLERS)],
                          f"第{i}号事项：{party}反映{category}问题"])
    exchange.run_import(db, actor, path)


@pytest.fixture
def page(qtbot, ctx, db, actor, tmp_path, wait_idle):
    import_cases(db, actor, tmp_path, 60)
    widget = CaseListPage(ctx, "petition")
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    wait_loaded(qtbot, widget, wait_idle)
    return widget


def expected(db, **kw) -> list[int]:
    return queries.case_ids(db, CaseFilter(kind="petition", today=TODAY, **kw))


def wait_loaded(qtbot, page, wait_idle) -> None:
    """The id query answered and the rows on screen arrived."""
    model = page.model

    def ready() -> bool:
        if not model.is_loaded():
            return False
        if model.rowCount() == 0:
            return True
        top = max(page.table.rowAt(0), 0)
        return model.is_row_fresh(top)

    qtbot.waitUntil(ready)
    wait_idle()


def test_default_list_and_count(page, db):
    ids = expected(db)
    assert len(ids) == 60
    assert page.model.ids() == ids
    assert page.count_label.text() == "共 60 件"
    first = queries.case_rows(db, ids[:1], TODAY)[0]
    assert page.model.index(0, 0).data() == first.number
    assert page.model.index(0, 4).data() == first.received_on.isoformat()


def test_filters_show_what_queries_returns(qtbot, page, db, wait_idle):
    page.filters.status_combo.setCurrentIndex(page.filters.status_combo.findText("办理中"))
    wait_loaded(qtbot, page, wait_idle)
    ids = expected(db, statuses=("in_progress",))
    assert 0 < len(ids) < 60
    assert page.model.ids() == ids
    assert page.count_label.text() == f"共 {len(ids)} 件"

    page.filters.category_combo.setCurrentIndex(page.filters.category_combo.findText("城乡建设"))
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.ids() == expected(db, statuses=("in_progress",), category="城乡建设")

    page.filters.street_combo.setCurrentIndex(page.filters.street_combo.findText("江北街道"))
    wait_loaded(qtbot, page, wait_idle)
    ids = expected(db, statuses=("in_progress",), category="城乡建设", street="江北街道")
    assert page.model.ids() == ids
    assert page.count_label.text() == f"共 {len(ids)} 件"

    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.ids() == expected(db)

    page.filters.handler_combo.setCurrentIndex(page.filters.handler_combo.findData(stats.UNSET))
    wait_loaded(qtbot, page, wait_idle)
    ids = expected(db, handler=stats.UNSET)
    assert len(ids) == 20 and page.model.ids() == ids


def test_overdue_and_date_range(qtbot, page, db, wait_idle):
    qtbot.mouseClick(page.filters.overdue_check, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page, wait_idle)
    ids = expected(db, overdue_only=True)
    assert ids and page.model.ids() == ids
    assert page.model.index(0, 6).data().startswith("超期")

    qtbot.mouseClick(page.filters.overdue_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters.date_check, Qt.MouseButton.LeftButton)
    assert page.filters.date_from.isVisible()
    page.filters.date_from.setDate(date(2026, 2, 1))
    page.filters.date_to.setDate(date(2026, 3, 1))
    wait_loaded(qtbot, page, wait_idle)
    ids = expected(db, received_from=date(2026, 2, 1), received_to=date(2026, 3, 1))
    assert 0 < len(ids) < 60
    assert page.model.ids() == ids


def test_search_is_debounced_and_matches_queries(qtbot, page, db, wait_idle):
    type_chinese(page.filters.search, "王建")
    # One query for the whole word, after the pause: not one per keystroke.
    qtbot.waitUntil(lambda: page.model.filter.text == "王建")
    wait_loaded(qtbot, page, wait_idle)
    ids = expected(db, text="王建")
    assert ids and page.model.ids() == ids
    assert all("王建" in page.model.index(r, 1).data() for r in range(len(ids)))

    page.filters.search.clear()
    type_chinese(page.filters.search, "第7号")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.ids() == expected(db, text="第7号")


def test_empty_states(qtbot, ctx, page, wait_idle):
    type_chinese(page.filters.search, "没有这个人")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.rowCount() == 0
    assert page.body.currentWidget() is page.empty
    assert page.empty_label.text() == "没有符合条件的案件"
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)  # 清除筛选
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.rowCount() == 60 and page.body.currentWidget() is page.table

    disputes = CaseListPage(ctx, "dispute")
    qtbot.addWidget(disputes)
    disputes.show()
    wait_loaded(qtbot, disputes, wait_idle)
    assert disputes.empty_label.text() == "还没有案件，点击「新建纠纷」开始"
    with qtbot.waitSignal(disputes.create_case) as signal:
        qtbot.mouseClick(disputes.empty_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["dispute"]


def _click_header(qtbot, page, column: int) -> None:
    header = page.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_sorting_by_header_click(qtbot, page, db, wait_idle):
    _click_header(qtbot, page, 1)  # 当事人
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.sort_key == "party" and not page.model.descending
    assert page.model.ids() == queries.case_ids(
        db, CaseFilter(kind="petition", today=TODAY), "party", descending=False)
    names = [page.model.index(r, 1).data() for r in range(10)]
    assert names == sorted(names)

    _click_header(qtbot, page, 1)
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.descending
    assert page.model.ids() == queries.case_ids(
        db, CaseFilter(kind="petition", today=TODAY), "party", descending=True)

    _click_header(qtbot, page, 6)  # 期限
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.sort_key == "due_on"
    assert page.model.ids() == queries.case_ids(
        db, CaseFilter(kind="petition", today=TODAY), "due_on",
        descending=page.model.descending)


def test_rows_arrive_in_pages(qtbot, ctx, db, actor, tmp_path, wait_idle):
    import_cases(db, actor, tmp_path, 300)
    widget = CaseListPage(ctx, "petition")
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    wait_loaded(qtbot, widget, wait_idle)
    model = widget.model
    assert model.rowCount() == 300
    assert model.cached_pages() == [0]  # only what is on screen
    assert model.pages_fetched == 1
    ids = model.ids()
    last = queries.case_rows(db, ids[-1:], TODAY)[0]

    widget.table.scrollToBottom()
    qtbot.waitUntil(lambda: 2 in model.cached_pages())
    wait_idle()
    assert 1 not in model.cached_pages()  # the middle page was never on screen
    assert model.index(299, 0).data() == last.number
    assert model.index(299, 0).data() != PLACEHOLDER


def test_placeholder_before_the_page_arrives(qtbot, ctx, db, actor, tmp_path, wait_idle):
    import_cases(db, actor, tmp_path, 150)
    model = CaseListPage(ctx, "petition").model
    model.reload()
    qtbot.waitUntil(model.is_loaded)
    assert model.index(120, 0).data() == PLACEHOLDER  # asks for page 1 once
    assert model.index(130, 1).data() == PLACEHOLDER
    with qtbot.waitSignal(model.dataChanged):
        pass
    wait_idle()
    assert model.pages_fetched == 1
    assert model.index(120, 0).data() == queries.case_rows(db, model.ids()[120:121], TODAY)[0].number


def _select_rows(qtbot, page, rows: list[int]) -> None:
    view = page.table
    for i, row in enumerate(rows):
        rect = view.visualRect(page.model.index(row, 1))
        modifier = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_bulk_assign(qtbot, page, db, monkeypatch, wait_idle):
    asked = {}

    def fake_ask(parent, handlers, count):
        asked.update(handlers=handlers, count=count)
        return "王建国"

    monkeypatch.setattr(bulk, "ask_handler", fake_ask)
    assert not page.assign_button.isEnabled()
    _select_rows(qtbot, page, [1, 3, 4])
    assert page.assign_button.isEnabled()
    ids = page.selected_ids()
    assert ids == [page.model.case_id_at(r) for r in (1, 3, 4)]
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    assert asked["count"] == 3 and "周志强" in asked["handlers"]
    qtbot.waitUntil(lambda: page.model.index(1, 7).data() == "王建国")
    wait_idle()
    rows = queries.case_rows(db, ids, TODAY)
    assert [r.handler for r in rows] == ["王建国"] * 3
    assert [page.model.index(r, 7).data() for r in (1, 3, 4)] == ["王建国"] * 3
    assert page.model.index(0, 7).data() != "王建国"
    assert page.selected_ids() == ids  # the selection survives the refresh
    assert page.filters.handler_combo.findText("王建国") >= 0  # the new handler is offered


def test_assign_dialog_needs_a_name(qtbot):
    dialog = AssignDialog(["周志强", "黄海燕"], 2)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "请填写承办人"
    type_chinese(dialog.combo.lineEdit(), "刘芳")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == AssignDialog.DialogCode.Accepted
    assert dialog.handler() == "刘芳"


def test_export_of_the_filtered_list(qtbot, page, db, tmp_path, monkeypatch, wait_idle):
    from openpyxl import load_workbook

    page.filters.category_combo.setCurrentIndex(page.filters.category_combo.findText("民政"))
    wait_loaded(qtbot, page, wait_idle)
    ids = expected(db, category="民政")
    assert 0 < len(ids) < 60 and page.model.ids() == ids
    target = tmp_path / "out" / "民政.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(bulk, "ask_save_path", lambda parent, suggested: str(target))
    messages = []
    page.status_message.connect(messages.append)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages))
    wait_idle()
    sheet = load_workbook(target, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("编号")
    exported = sorted(r[column] for r in rows[1:])
    assert exported == sorted(r.number for r in queries.case_rows(db, ids, TODAY))
    assert messages[-1].startswith(f"已导出 {len(ids)} 件")


def test_open_case_by_double_click_and_enter(qtbot, page):
    view = page.table
    rect = view.visualRect(page.model.index(2, 0))
    with qtbot.waitSignal(page.open_case) as signal:
        # A real double click: press and release, then the double-click press.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [page.model.case_id_at(2)]
    view.setFocus()
    view.setCurrentIndex(page.model.index(5, 0))
    with qtbot.waitSignal(page.open_case) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [page.model.case_id_at(5)]


def test_drill_down_filter(qtbot, page, db, wait_idle):
    flt = CaseFilter(kind="petition", street="李渡街道",
                     figure=("closed", date(2025, 1, 1), date(2026, 3, 31)), today=TODAY)
    page.set_filter(flt)
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.ids() == queries.case_ids(db, flt)
    assert page.filters.street_combo.currentText() == "李渡街道"
    assert page.filters.extra_label.isVisible() and "已办结" in page.filters.extra_label.text()
    assert page.current_filter() == flt
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, page, wait_idle)
    assert page.model.rowCount() == 60 and not page.filters.extra_label.isVisible()


def test_column_widths_are_remembered(qtbot, ctx):
    first = CaseListPage(ctx, "petition")
    qtbot.addWidget(first)
    first.table.horizontalHeader().resizeSection(1, 177)
    second = CaseListPage(ctx, "petition")
    qtbot.addWidget(second)
    assert second.table.horizontalHeader().sectionSize(1) == 177
    other = CaseListPage(ctx, "dispute")
    qtbot.addWidget(other)
    assert other.table.horizontalHeader().sectionSize(1) != 177
    assert [other.model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))] \
        == ["编号", "当事人", "类别", "街镇", "登记日期", "状态", "期限", "承办人"]
