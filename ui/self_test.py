"""The GUI self-test's checks (`main.py --self-test`, run by ui.app.self_test)."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

TIMEOUT_S = 60.0
GRACE_MS = 1_000  # the start-up reads still running get this long to end on their own


def leave(code: int) -> None:
    """End the process now, its answer printed and the log written: the workers' reads
    still running (on a big file the window's start-up reads take seconds) end with it."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


class SelfTestFault(Exception):
    pass


def private_settings(folder: str) -> None:
    """The self-test keeps its window state (column widths…) out of the user's settings."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


def show_list_first() -> None:
    """The self-test's window opens on 信访件, and so does its first frame."""
    from PySide6.QtCore import QSettings

    QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "CaseDesk",
              "CaseDesk").setValue("mainWindow/page", "petition")


def check_frame(frame) -> None:
    """The first frame painted 信访件's first page without SQLAlchemy (a frozen build missing
    a module of that path fails here, not at a clerk's start)."""
    if "sqlalchemy" in sys.modules:
        raise SelfTestFault("首屏加载了 SQLAlchemy")
    if frame.table is None or frame.first is None or \
            frame.table.model().rowCount() != len(frame.first.rows):
        raise SelfTestFault("首屏没有显示信访件列表")


def reason(exc: BaseException) -> str:
    from caseapp.errors import CaseAppError

    if isinstance(exc, (CaseAppError, SelfTestFault)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def spin(app, done, what: str, deadline: float) -> None:
    from PySide6.QtCore import QEventLoop, QThread

    while not done():
        if time.perf_counter() > deadline:
            raise SelfTestFault(f"{what}超时（{TIMEOUT_S:.0f}秒）")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QThread.msleep(2)


def wait_for_lists(app, ctx, window) -> int:
    """The visible list's first page painted, the hidden one's first page read here (the
    query its model runs, not waited for behind the start-up's other reads on the two
    workers); returns the cases of both lists, counted through the lists' indexes. The
    ordered ids of every case, which scrolling needs, are not waited for: they grow with
    the file (the first page is the same id query with a LIMIT)."""
    from dataclasses import replace

    from caseapp import queries
    from ui.models.case_table import PAGE_SIZE

    deadline = time.perf_counter() + TIMEOUT_S
    petitions, disputes = window.petitions, window.disputes
    failures: list[BaseException] = []
    petitions.model.failed.connect(failures.append)
    disputes.ensure_loaded()  # built, so its queries are asked for too

    def ready() -> bool:
        if failures:
            raise SelfTestFault(f"案件列表加载失败：{reason(failures[0])}")
        model = petitions.model
        if model.rowCount() == 0:
            return model.is_loaded()  # an empty list: its ids say so
        petitions.table.viewport().update()
        return model.case_row(0) is not None

    spin(app, ready, "加载案件列表", deadline)
    try:
        model = disputes.model
        flt = replace(model.filter, today=ctx.today())
        queries.first_page(ctx.db, flt, model.sort_key, model.descending, PAGE_SIZE, ctx.today())
        return sum(queries.count(ctx.db, replace(page.model.filter, today=ctx.today()))
                   for page in (petitions, disputes))
    except Exception as exc:
        raise SelfTestFault(f"案件列表加载失败：{reason(exc)}") from exc


def _empty_month(ctx) -> tuple[int, int]:
    """The month before the file's first case (before this month in an empty file): its summary
    runs every query and draws every table of a monthly summary with nothing to add up.
    The first case by each kind's received_on index (deleted ones aside, as the figures)."""
    from sqlalchemy import func, select

    from caseapp import workflow as wf
    from caseapp.storage.models import Case

    with ctx.db.read() as session:
        firsts = [session.scalar(select(func.min(Case.received_on)).where(
            Case.deleted_at.is_(None), Case.kind == k.value)) for k in wf.Kind]
    first = min((d for d in firsts if d is not None), default=ctx.today())
    before = first.replace(day=1) - timedelta(days=1)
    return before.year, before.month


def summary_pdf(ctx) -> str:
    """A monthly summary into a temporary PDF, if the reports module is installed: built
    here, not on the workers, which are still reading the lists' full ids. Its time counts
    loading ReportLab too: all the self-test does after the list (benchmarks/bench_startup.py
    takes it off the time to the line)."""
    t0 = time.perf_counter()
    try:
        from caseapp.reports import summary
    except ModuleNotFoundError:
        return "-"
    year, month = _empty_month(ctx)
    with tempfile.TemporaryDirectory(prefix="casedesk-selftest-") as tmp:
        path = Path(tmp) / "monthly.pdf"
        try:
            summary.monthly_report(ctx.db, year, month, path)
        except Exception as exc:
            raise SelfTestFault(f"生成月度统计表失败：{reason(exc)}") from exc
        took = time.perf_counter() - t0
        if not path.exists() or not path.read_bytes().startswith(b"%PDF"):
            raise SelfTestFault("月度统计表没有生成")
        return f"{took:.2f}s ({year}-{month:02d})"
