"""The self-test's checks (ui/self_test.py, issue #19): both lists' first pages and counts
without waiting for the full id lists, and the monthly summary of the month before the file's
first case, read back with pypdf."""

from __future__ import annotations

import threading
from datetime import date

from pypdf import PdfReader

from caseapp import queries, services
from ui import self_test


def petition(db, actor, received: date) -> services.CaseRef:
    return services.register_petition(db, actor, services.CaseInput(
        summary="拖欠工资", category="劳动社保", received_on=received, source="来访"),
        [services.PartyInput(name="王建国", role="信访人")])


def dispute(db, actor, received: date) -> services.CaseRef:
    return services.register_dispute(db, actor, services.CaseInput(
        summary="邻里噪音", category="邻里纠纷", received_on=received, source="当事人申请"),
        [services.PartyInput(name="李桂兰", role="申请人")])


def test_the_summary_is_of_the_month_before_the_first_live_case(ctx, db, actor, monkeypatch):
    from caseapp.reports import summary

    petition(db, actor, date(2025, 11, 5))
    dispute(db, actor, date(2026, 1, 10))
    old = dispute(db, actor, date(2025, 6, 1))
    services.delete_case(db, actor, old.id, reason="录入错误")  # deleted: not the first
    real, read = summary.monthly_report, []

    def report(db_, year, month, path, **kw):  # the real one, read back before its folder goes
        made = real(db_, year, month, path, **kw)
        read.append((year, month, "".join(p.extract_text() for p in PdfReader(made).pages)))
        return made

    monkeypatch.setattr(summary, "monthly_report", report)
    assert self_test.summary_pdf(ctx).endswith("s (2025-10)")
    year, month, text = read[0]
    assert (year, month) == (2025, 10)
    assert "2025" in text and "10" in text


def test_an_empty_file_has_the_summary_of_last_month(ctx):
    assert self_test.summary_pdf(ctx).endswith("(2026-02)")  # ctx.today() is 2026-03-20


def test_the_lists_are_counted_without_waiting_for_their_full_ids(
        qtbot, qapp, ctx, db, actor, monkeypatch):
    from ui.shell.main_window import MainWindow

    for day in (1, 2):
        petition(db, actor, date(2026, 3, day))
    dispute(db, actor, date(2026, 3, 3))
    release = threading.Event()
    real = queries.case_ids
    waited = []

    def held(*args, **kwargs):  # the full id list (no limit) never comes while the test runs
        if kwargs.get("limit") is None:
            waited.append(args)
            release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(queries, "case_ids", held)
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show_page("petition")
    window.show()
    try:
        assert self_test.wait_for_lists(qapp, ctx, window) == 3
        assert waited  # the full lists were asked for, and not waited for
        assert not window.petitions.model.is_loaded()
        assert window.petitions.model.case_row(0) is not None  # the first page is painted
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.petitions.model.is_loaded(), timeout=10000)
