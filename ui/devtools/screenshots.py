"""Render every main screen with demo data to PNG, offscreen, to look at them.

    python -m ui.devtools.screenshots OUT_DIR [--cases 2000]

Writes OUT_DIR/1366x768/*.png and OUT_DIR/1920x1080/*.png (the main window on each page and
the case view on each tab) and OUT_DIR/dialogs/*.png (intake with a validation message, the
act dialogs including the outcome dialog, the import dialog with errors) at their natural
size. Uses a throw-away database and settings folder; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.context import AppContext

TODAY = date(2026, 3, 20)  # fixed, so the screenshots do not drift with the calendar
SIZES = ((1366, 768), (1920, 1080))
OFFICE = "涪陵高新区矛盾纠纷调解办"


def _prepare_environment(tmp: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CASEAPP_HOME"] = str(tmp / "home")


def _settle(ctx: AppContext, widget=None, timeout_ms: int = 30000) -> None:
    """Spin the event loop until every background call has delivered its result."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(timeout_ms)
    quiet = 0
    while not deadline.hasExpired() and quiet < 3:
        QApplication.processEvents()
        if widget is not None:
            widget.repaint()
        ctx.runner.pool.waitForDone(20)
        quiet = quiet + 1 if not ctx.runner.busy else 0
    QApplication.processEvents()


def _save(widget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.repaint()
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.devtools.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="casedesk-shots-") as tmp_name:
        tmp = Path(tmp_name)
        _prepare_environment(tmp)
        return _render(args.out, args.cases, tmp)


def _render(out: Path, cases: int, tmp: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from caseapp import queries, services
    from caseapp.demo.generator import run_demo
    from caseapp.storage.migrate import open_database
    from ui.context import AppContext
    from ui.style import apply_style

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("CaseDesk")
    app.setApplicationName("CaseDesk")
    apply_style(app)

    db = open_database(tmp / "demo.db")
    actor = db.local_user_id()
    services.save_settings(db, actor, replace(db.settings(), office_name=OFFICE,
                                              committee_name="涪陵高新区人民调解委员会"))
    run_demo(db, actor, cases=cases, seed=1, today=TODAY)
    ctx = AppContext(db, actor, today=TODAY)

    from ui.shell.main_window import MainWindow

    dispute = queries.case_ids(db, queries.CaseFilter(kind="dispute", statuses=("closed",)))
    sample = _rich_dispute(db, dispute) or (dispute[0] if dispute else None)
    for w, h in SIZES:
        folder = out / f"{w}x{h}"
        window = MainWindow(ctx, remember=False)
        window.resize(w, h)
        window.show()
        for i, key in enumerate(("workbench", "petition", "dispute", "reports", "settings")):
            window.show_page(key)
            _settle(ctx, window)
            _save(window, folder / f"{i + 1:02d}_{key}.png")
            if key == "reports" and hasattr(window.reports_page, "generate"):
                _build_report(ctx, window)
                _save(window, folder / f"{i + 1:02d}_{key}_monthly.png")
        # 统计概览 of each kind, at the top and scrolled to the charts below.
        window.show_page("overview")
        n = 6
        for kind in ("petition", "dispute"):
            window.dashboard.set_kind(kind)
            _settle(ctx, window)
            _save(window, folder / f"{n:02d}_overview_{kind}.png")
            bar = window.dashboard.scroll.verticalScrollBar()
            bar.setValue(bar.maximum())
            _settle(ctx, window)
            _save(window, folder / f"{n + 1:02d}_overview_{kind}_charts.png")
            bar.setValue(0)
            n += 2
        if sample is not None:
            window.show_page("dispute")
            window.open_case(sample)
            _settle(ctx, window)
            tabs = window.case_view.tabs
            for t in range(tabs.count()):
                if hasattr(tabs, "isTabVisible") and not tabs.isTabVisible(t):
                    continue
                tabs.setCurrentIndex(t)
                _settle(ctx, window)
                _save(window, folder / f"{10 + t:02d}_case_{tabs.tabText(t)}.png")
        window.hide()

    from ui.devtools import (
        case_states,
        file_states,
        form_states,
        intake_states,
        page_states,
        settings_states,
        shell_states,
    )

    dialogs = out / "dialogs"
    for module in (intake_states, case_states, file_states, page_states,
                   shell_states, settings_states, form_states):
        for name, widget in module.screenshot_states(ctx):
            widget.show()
            _settle(ctx, widget)
            _save(widget, dialogs / f"{name}.png")
            widget.hide()  # not close(): a form with typed input would ask before discarding
    _settle(ctx)
    db.dispose()
    return 0


def _build_report(ctx: AppContext, window) -> None:
    """Last month's summary built on the reports page, its preview rendered."""
    from ui.widgets.pdf_preview import spin

    page = window.reports_page
    page.made_by.setText("周志强")
    page.generate()
    _settle(ctx, window)
    spin(800)  # QPdfView renders its pages on its own threads


def _rich_dispute(db, ids: list[int]) -> int | None:
    """A mediated dispute with sessions, an agreement and a follow-up, so every tab has content."""
    from caseapp import queries

    for case_id in ids[:300]:
        d = queries.case_detail(db, case_id)
        if d.agreement is not None and len(d.sessions) >= 2 and d.follow_ups and len(d.parties) >= 2:
            return case_id
    return None


if __name__ == "__main__":
    sys.exit(main())
