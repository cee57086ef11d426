"""The first frame (ui/shell/first_frame.py): the window's look and the list's first page
before the program has loaded, then the real window in its place with the same rows, size,
scroll position and chosen row; a case opened in the frame opens in the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtWidgets import QLabel

from caseapp import queries
from caseapp.demo.generator import generate
from caseapp.progress import run
from tests.gui.conftest import TODAY


@pytest.fixture
def filled(ctx):
    if not ctx.db.is_sqlite:
        pytest.skip("the first frame reads SQLite files only")
    run(generate(ctx.db, ctx.actor, 400, seed=4, today=TODAY))
    return ctx


def frame_for(ctx, page: str = "petition", ask_setup: bool = False, today: date = TODAY):
    from ui.shell.first_frame import show_first_frame

    ctx.settings().setValue("mainWindow/page", page)
    return show_first_frame(str(ctx.db.path), ask_setup=ask_setup, today=today)


def texts(table, rows: int) -> list[list[str]]:
    model = table.model()
    return [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(rows)]


def test_the_frame_draws_the_lists_first_page(qtbot, filled):
    from ui.shell.main_window import MainWindow

    frame = frame_for(filled)
    assert frame is not None and frame.isVisible()
    qtbot.addWidget(frame)
    assert frame.table.model().rowCount() == 100
    window = MainWindow(filled)
    qtbot.addWidget(window)
    window.show()
    page = window.petitions
    qtbot.waitUntil(lambda: page.model.rowCount() >= 100 and page.model.case_row(99) is not None,
                    timeout=15_000)
    assert texts(frame.table, 100) == texts(page.table, 100)
    assert "（" in texts(frame.table, 1)[0][0]  # a number: the check is real
    colours = [frame.table.model().index(r, 6).data(Qt.ItemDataRole.ForegroundRole)
               for r in range(100)]
    assert colours == [page.model.index(r, 6).data(Qt.ItemDataRole.ForegroundRole)
                       for r in range(100)]
    assert frame.windowTitle().endswith("CaseDesk")
    frame.close()


def test_the_window_takes_the_frames_place(qtbot, filled, wait_idle):
    from PySide6.QtTest import QTest

    from ui.shell.first_frame import hand_over
    from ui.shell.main_window import MainWindow

    frame = frame_for(filled)
    qtbot.addWidget(frame)
    frame.setGeometry(QRect(40, 30, 1100, 700))
    table = frame.table
    table.setCurrentIndex(table.model().index(7, 0))  # a row chosen by the keyboard…
    table.verticalScrollBar().setValue(60)
    chosen = frame.current_case()
    QTest.keyClick(table.viewport(), Qt.Key.Key_Return)  # …and opened with Enter
    qtbot.waitUntil(lambda: frame.opened == chosen, timeout=5_000)
    assert "正在打开" in frame.statusBar().currentMessage()

    window = MainWindow(filled)
    qtbot.addWidget(window)
    model = window.petitions.model
    hand_over(frame, window)
    # The rows are there at once, from the frame: no read has been answered yet.
    assert model.rowCount() == 100 and model.case_row(0) is not None
    assert window.isVisible() and not frame.isVisible()
    assert window.size() == frame.size()
    assert window.current_case == chosen and window.showing_case()
    window.back_to_list()
    page = window.petitions
    assert page.selected_ids() == [chosen]
    wait_idle()
    petitions = queries.count(filled.db, queries.CaseFilter(kind="petition"))
    assert petitions > 100 and model.rowCount() == petitions
    assert model.ids()[:100] == [r.id for r in frame.first.rows]  # the rest came below


def test_a_frame_of_another_day_or_sort_is_not_handed_over(qtbot, filled, wait_idle):
    from ui.shell.first_frame import hand_over
    from ui.shell.main_window import MainWindow

    frame = frame_for(filled, today=date(2026, 3, 21))  # midnight passed meanwhile
    qtbot.addWidget(frame)
    window = MainWindow(filled)
    qtbot.addWidget(window)
    hand_over(frame, window)
    assert window.petitions.model.rowCount() == 0  # read again, for the window's day
    qtbot.waitUntil(lambda: window.petitions.model.rowCount() > 0, timeout=15_000)
    wait_idle()

    # A list sorted by 编号: the frame shows its place without rows, the list reads its own.
    header = window.petitions.table.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    window.close()
    state = filled.settings().value("caseList/petition/header")
    assert isinstance(state, QByteArray) and not state.isEmpty()
    frame = frame_for(filled)
    qtbot.addWidget(frame)
    assert frame.first is None and frame.table.model().rowCount() == 0
    assert frame.table.horizontalHeader().sortIndicatorSection() == 0
    frame.close()


def test_pages_without_a_list_show_their_place(qtbot, filled):
    frame = frame_for(filled, page="workbench")
    qtbot.addWidget(frame)
    assert frame.table is None and frame.first is None
    labels = [w.text() for w in frame.findChildren(QLabel)]
    assert "工作台" in labels and "正在加载…" in labels
    frame.close()


def test_no_frame_where_the_start_asks_first(qtbot, filled):
    from ui.user_settings import skip_setup_key

    # The admin account's setup is offered first (until the office says 不再提示).
    assert frame_for(filled, ask_setup=True) is None
    filled.settings().setValue(skip_setup_key(filled.db.display_name), True)
    frame = frame_for(filled, ask_setup=True)
    assert frame is not None
    frame.close()


def test_a_frame_closed_while_loading_ends_the_start(qtbot, filled, monkeypatch):
    from ui import app

    frame = frame_for(filled)
    frame.close()
    built = []
    monkeypatch.setattr("ui.shell.main_window.MainWindow.__init__",
                        lambda *a, **k: built.append(a))
    assert app.open_window(app.parse_args(["--db", str(filled.db.path)]), ask_setup=False,
                           frame=frame) == 0
    assert built == []


def test_the_path_names_the_file_as_the_database_does(tmp_path, monkeypatch):
    from caseapp.storage.db import resolve_url
    from ui.shell.first_frame import sqlite_path

    monkeypatch.chdir(tmp_path)
    for arg in ("cases.db", str(tmp_path / "x.db"), "~/y.db", f"sqlite:///{tmp_path}/z.db"):
        assert "sqlite:///" + str(sqlite_path(arg)) == resolve_url(arg)
    monkeypatch.setenv("CASEAPP_DB", str(tmp_path / "env.db"))
    assert sqlite_path(None) == tmp_path / "env.db"
    assert sqlite_path("postgresql://u@h/db") is None
