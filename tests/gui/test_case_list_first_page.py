"""The case list paints its first page (queries.first_page, read in index order) before the
ordered ids of the whole list arrive, then appends the rest below it (issue #19)."""

from __future__ import annotations

import threading

from caseapp import queries
from caseapp.queries.case_list import CaseFilter
from gui.conftest import TODAY
from gui.test_case_list import import_cases
from ui.models.case_table import PAGE_SIZE, PLACEHOLDER
from ui.pages.case_list.page import CaseListPage


def test_first_page_shows_before_the_whole_list(qtbot, ctx, db, actor, tmp_path, wait_idle,
                                                monkeypatch):
    import_cases(db, actor, tmp_path, 250)
    release = threading.Event()
    real = queries.case_ids

    def held(*args, **kwargs):
        if kwargs.get("limit") is None and len(args) < 5:
            release.wait(10)  # the full id query waits until the test has looked
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "case_ids", held)
    widget = CaseListPage(ctx, "petition")
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    model = widget.model
    with qtbot.waitSignal(model.first_page_shown, timeout=10000) as shown:
        widget.show()
        widget.reload()
    assert shown.args == [PAGE_SIZE]
    assert not model.is_loaded()  # the whole list is still being ordered
    whole = real(db, CaseFilter(kind="petition", today=TODAY), "received_on", True)
    assert model.rowCount() == PAGE_SIZE and model.ids() == whole[:PAGE_SIZE]
    first = queries.case_rows(db, whole[:1], TODAY)[0]
    assert model.index(0, 0).data() == first.number != PLACEHOLDER
    with qtbot.waitSignal(model.loaded, timeout=10000) as loaded:
        release.set()
    assert loaded.args == [250]
    wait_idle()
    assert model.rowCount() == 250 and model.ids() == whole
    assert model.index(0, 0).data() == first.number
    assert widget.count_label.text().endswith("250 件")
