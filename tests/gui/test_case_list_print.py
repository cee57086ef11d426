"""打印列表 in a case list, clicked through: the list (its filter, its order) is built on the
worker, recorded in the audit trail and shown in a preview; the export counts 超期天数 to the
list's day."""

from __future__ import annotations

import csv
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from caseapp import queries
from caseapp.queries.case_list import CaseFilter
from caseapp.storage.models import Event
from gui.conftest import TODAY
from gui.test_case_list import import_cases, wait_loaded
from ui.pages.case_list import bulk
from ui.pages.case_list.page import CaseListPage
from ui.widgets import pdf_preview


@pytest.fixture(autouse=True)
def _no_dialogs(no_message_boxes, monkeypatch):
    # Nothing here may open a real print dialog.
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    yield no_message_boxes


@pytest.fixture
def page(qtbot, ctx, db, actor, tmp_path, wait_idle):
    import_cases(db, actor, tmp_path, 90)
    widget = CaseListPage(ctx, "petition")
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    wait_loaded(qtbot, widget, wait_idle)
    return widget


def flat(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_print_list_opens_the_preview_of_the_filtered_list(qtbot, page, db, ctx, wait_idle):
    page.set_filter(CaseFilter(kind="petition", street="马鞍街道", today=TODAY))
    wait_loaded(qtbot, page, wait_idle)
    want = [r.number for r in queries.case_rows(db, page.model.ids(), TODAY)]
    assert 10 < len(want) < 90
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30000)
    wait_idle()
    dialog = page.preview_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "信访件列表"
    path = dialog.preview.path
    assert path.parent == pdf_preview.printouts_dir()
    reader = PdfReader(path)
    assert dialog.preview.page_count() == len(reader.pages) >= 1
    text = flat(path)
    assert "筛选：街镇马鞍街道" in text and f"共{len(want)}件" in text
    assert re.findall(r"（\d{4}）信字第\d{4}号", text) == want  # the list's order
    assert page.print_button.isEnabled()
    with db.read() as session:
        notes = list(session.scalars(select(Event.note).where(Event.action == "printout")))
    assert notes == [f"信访件列表 {len(want)}件"]
    dialog.close()
    qtbot.waitUntil(lambda: page.preview_dialog is None)
    assert not path.exists()  # the temporary printout goes with its preview


def test_export_of_the_list_counts_days_over_to_its_day(qtbot, page, db, tmp_path, wait_idle,
                                                         monkeypatch):
    page.set_filter(CaseFilter(kind="petition", overdue_only=True, today=TODAY))
    wait_loaded(qtbot, page, wait_idle)
    ids = page.model.ids()
    assert ids
    rows = {r.number: r for r in queries.case_rows(db, ids, TODAY)}
    out = tmp_path / "list.csv"
    monkeypatch.setattr(bulk, "ask_save_path", lambda parent, suggested: str(out))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=30000)
    wait_idle()
    got = list(csv.DictReader(open(out, encoding="utf-8-sig", newline="")))
    assert len(got) == len(rows)
    for line in got:
        r = rows[line["编号"]]
        assert line["状态"] == r.status_label and line["期限"] == r.due_on.isoformat()
        assert int(line["超期天数"]) == (TODAY - r.due_on).days > 0
