"""统计概览: every tile, bar and slice opens a list of exactly the cases it counts."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from caseapp import queries
from caseapp.demo.generator import run_demo
from caseapp.figures import dashboard
from ui.pages.dashboard import page as dashboard_ui
from ui.pages.dashboard import tiles
from ui.pages.dashboard.page import DashboardPage

TODAY = date(2026, 3, 20)


@pytest.fixture
def demo(ctx):
    run_demo(ctx.db, ctx.actor, cases=1500, seed=3, today=TODAY)
    return ctx


@pytest.fixture
def page(qtbot, demo, wait_idle):
    widget = DashboardPage(demo)
    qtbot.addWidget(widget)
    widget.resize(1366, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.data is not None and not widget.loading)
    wait_idle()
    return widget


def shown_kind(qtbot, page, kind, wait_idle):
    qtbot.mouseClick(page.kind_buttons[kind], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.data is not None and page.data.kind == kind
                    and not page.loading)
    wait_idle()


def number(text: str) -> int:
    return int(re.search(r"[\d,]+", text).group().replace(",", ""))


def click_and_catch(qtbot, page, click):
    with qtbot.waitSignal(page.open_filter, timeout=2000) as blocker:
        click()
    return blocker.args[0]


@pytest.mark.parametrize("kind", ["petition", "dispute"])
def test_every_tile_opens_exactly_the_cases_it_counts(qtbot, page, demo, wait_idle, kind):
    shown_kind(qtbot, page, kind, wait_idle)
    cards = [c for c in page.tile_cards if c.isVisible()]
    assert [c.title.text() for c in cards] == [tiles.TILE_LABELS[k] for k, *_ in
                                               dashboard.TILES[kind]]
    for card in cards:
        for button, value in ((card.month, card.tile.month), (card.year, card.tile.year)):
            flt = click_and_catch(qtbot, page, lambda b=button: qtbot.mouseClick(
                b, Qt.MouseButton.LeftButton))
            assert flt.kind == kind
            assert flt.figure == (card.tile.numerator, value.date_from, value.date_to)
            # What the tile shows: the rate and its numerator, or the count itself.
            shown = number(button.counts.text()) if value.den is not None \
                else number(button.value.text())
            assert queries.count(demo.db, flt) == shown == value.num
            assert len(queries.case_ids(demo.db, flt)) == shown
            assert button.value.text() == value.text
            assert "点击查看" in button.toolTip()


@pytest.mark.parametrize("kind", ["petition", "dispute"])
def test_each_bar_and_slice_opens_exactly_its_cases(qtbot, page, demo, wait_idle, kind):
    shown_kind(qtbot, page, kind, wait_idle)
    data = page.data
    bar_set = page.charts.bar_sets["category"]
    n = bar_set.count()
    assert n == len(data.by_category) > 5  # every category, none lumped into 其他
    categories = page.charts.cards["category"].view.chart().axes(Qt.Orientation.Vertical)[0]
    for qt_index in range(n):
        flt = click_and_catch(qtbot, page, lambda i=qt_index: bar_set.clicked.emit(i))
        assert flt.category == categories.at(qt_index)
        assert queries.count(demo.db, flt) == int(bar_set.at(qt_index))
        assert flt.figure == ("received", data.date_from, data.date_to)
    streets = page.charts.bar_sets["street"]
    for qt_index in range(streets.count()):
        flt = click_and_catch(qtbot, page, lambda i=qt_index: streets.clicked.emit(i))
        assert queries.count(demo.db, flt) == int(streets.at(qt_index))
    slices = page.charts.pie_series.slices()
    assert len(slices) >= 3
    for pie_slice in slices:
        flt = click_and_catch(qtbot, page, lambda s=pie_slice: s.clicked.emit())
        assert flt.outcome and flt.outcome in pie_slice.label()
        assert queries.count(demo.db, flt) == int(pie_slice.value())
    months = page.charts.bar_sets["months"]
    for figure in ("received", "closed"):
        for qt_index in (0, 11):
            flt = click_and_catch(qtbot, page,
                                  lambda i=qt_index, f=figure: months[f].clicked.emit(i))
            assert queries.count(demo.db, flt) == int(months[figure].at(qt_index))


def test_period_picker_changes_the_charts(qtbot, page, demo, wait_idle):
    year_received = page.data.received
    index = page.period_combo.findData("last_month")
    page.period_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.data.date_from == date(2026, 2, 1) and not page.loading)
    assert page.data.date_to == date(2026, 2, 28)
    assert page.data.received < year_received
    assert "2026-02-01" in page.charts.cards["category"].subtitle.text()
    # 自定义 shows the dates; a reversed range is refused and keeps the last numbers.
    page.period_combo.setCurrentIndex(page.period_combo.findData("custom"))
    assert page.date_from.isVisible() and page.date_to.isVisible()
    wait_idle()
    before = page.data
    page.date_from.setDate(page.date_to.date().addDays(1))
    assert page.date_from.property("invalid") is True
    assert page.data is before
    wait_idle()


def test_tile_click_shows_the_list_with_that_count(qtbot, demo, wait_idle):
    from ui.shell.main_window import MainWindow

    window = MainWindow(demo, remember=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("overview")
    page = window.dashboard
    qtbot.waitUntil(lambda: page.data is not None and not page.loading)
    wait_idle()
    for card in [c for c in page.tile_cards if c.isVisible()][:2] + [page.tile_cards[3]]:
        qtbot.mouseClick(card.year, Qt.MouseButton.LeftButton)
        lst = window.list_page(page.kind)
        assert window.stack.currentWidget() is lst
        expected = card.tile.year.num
        qtbot.waitUntil(lambda lst=lst, n=expected: lst.count_label.text() == f"共 {n:,} 件")
        assert "统计口径" in lst.filters.extra_label.text()
        window.show_page("overview")
        wait_idle()
    # A slice: the list carries the outcome too.
    pie_slice = page.charts.pie_series.slices()[0]
    pie_slice.clicked.emit()
    lst = window.list_page(page.kind)
    qtbot.waitUntil(lambda: lst.count_label.text() == f"共 {int(pie_slice.value()):,} 件")
    assert "办理结果" in lst.filters.extra_label.text()
    wait_idle()


def test_save_chart_as_png(qtbot, page, tmp_path, monkeypatch, wait_idle):
    target = tmp_path / "图表.png"
    asked = []
    monkeypatch.setattr(dashboard_ui, "ask_png_path",
                        lambda parent, suggested: asked.append(suggested) or str(target))
    qtbot.mouseClick(page.charts.cards["category"].save_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0].endswith(".png") and "按类别登记" in asked[0]
    assert target.stat().st_size > 1000
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(target))
    assert image.width() > 300 and image.height() > 200
    # Cancelled: nothing written.
    monkeypatch.setattr(dashboard_ui, "ask_png_path", lambda parent, suggested: None)
    assert page.save_chart("months") is None


def test_data_changed_refreshes_once_without_blanking(qtbot, page, demo, monkeypatch,
                                                      wait_idle):
    calls = []
    real_run = demo.runner.run

    def counting(owner, fn, *args, **kw):
        calls.append(fn)
        return real_run(owner, fn, *args, **kw)

    monkeypatch.setattr(demo.runner, "run", counting)
    shown = page.tile_cards[0].month.value.text()
    for _ in range(3):  # a burst of acts
        demo.notify_changed((1,))
    assert calls == []  # debounced
    qtbot.waitUntil(lambda: page.loading, timeout=2000)
    assert page.tile_cards[0].month.value.text() == shown  # the old numbers stay meanwhile
    qtbot.waitUntil(lambda: not page.loading)
    wait_idle()
    assert calls == [dashboard.snapshot]

    # Hidden: no work until it is shown again.
    page.hide()
    demo.notify_changed(())
    assert not page._refresh_timer.isActive() and page._dirty
    assert calls == [dashboard.snapshot]
    page.show()
    qtbot.waitUntil(lambda: len(calls) == 2 and not page.loading)
    wait_idle()

