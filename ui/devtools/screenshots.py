"""Render every main screen and dialog with demo data to PNG, offscreen, and check they fit.

    python -m ui.devtools.screenshots OUT_DIR [--cases 2000] [--scale 1.5] [--only main,intake]
                                      [--lang en]

At --scale 1.0 (the default) writes OUT_DIR/1366x768/*.png and OUT_DIR/1920x1080/*.png (the
main window on each page and the case view on each tab) and OUT_DIR/dialogs/*.png (every
state of STATE_MODULES: intake, the act dialogs, import, backup, settings, …). At another
scale the offscreen screen is a 1366×768 one (1920×1080 from 2.0) at that display scaling,
and OUT_DIR/scale-150/main/ holds the main window filling the screen, OUT_DIR/scale-150/dialogs/
the same states. Every PNG must lie within the screen in physical pixels and every button
outside a scroll area within its window: offenders are listed and the exit status is 1.
Uses a throw-away database and settings folder; nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext

TODAY = date(2026, 3, 20)  # fixed, so the screenshots do not drift with the calendar
SIZES = ((1366, 768), (1920, 1080))  # the main window at scale 1.0
OFFICE = "涪陵高新区矛盾纠纷调解办"
# The main window's pages shown at each size (keys of MainWindow.show_page): a new page
# (搜索, 排查台账, …) is added here.
PAGES = ("workbench", "petition", "dispute", "reports", "settings")
# The hook for new screens: a module of ui/devtools with ``screenshot_states(ctx)`` returning
# [(name, widget)] — add it here and every scale renders and checks its states.
STATE_MODULES = ("intake_states", "case_states", "file_states", "page_states", "shell_states",
                 "settings_states", "form_states", "workspace_states", "warning_states",
                 "district_states")
GROUPS = ("main",) + tuple(m.removesuffix("_states") for m in STATE_MODULES)


def screen_for(scale: float) -> tuple[int, int]:
    """The physical screen a scale is checked on: 200 % is a 1920×1080 laptop's setting."""
    return (1920, 1080) if scale >= 2.0 else (1366, 768)


@dataclass
class Checks:
    """What was written, and what did not fit."""
    scale: float
    screen: tuple[int, int]
    written: int = 0
    offenders: list[str] = field(default_factory=list)

    def check(self, path: Path, widget: QWidget, image_size, screen: tuple[int, int]) -> None:
        from PySide6.QtWidgets import QDialog

        from ui.widgets.fit import available_rect, buttons_outside, squeezed

        self.written += 1
        w, h = image_size.width(), image_size.height()
        if w > screen[0] or h > screen[1]:
            self.offenders.append(f"{path}: {w}×{h} px, larger than the {screen[0]}×{screen[1]} screen")
        if isinstance(widget, QDialog) and screen == self.screen:  # with its frame
            avail = available_rect(widget)
            frame = widget.frameGeometry()
            if frame.width() > avail.width() or frame.height() > avail.height():
                self.offenders.append(f"{path}: window {frame.width()}×{frame.height()} larger than "
                                      f"the screen's {avail.width()}×{avail.height()} logical px")
        need = squeezed(widget)
        if need is not None:
            self.offenders.append(f"{path}: needs {need.width()}×{need.height()}, has "
                                  f"{widget.width()}×{widget.height()}: its rows are squeezed")
        for button in buttons_outside(widget):
            self.offenders.append(f"{path}: button 「{button.text() or button.toolTip()}」 "
                                  "outside its window")


def _prepare_environment(tmp: Path, scale: float) -> None:
    """Offscreen, with one screen of the physical size at that scaling (set before Qt starts)."""
    width, height = screen_for(scale)
    config = {"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                           "logicalDpi": round(96 * scale), "logicalBaseDpi": 96, "dpr": 1.0}]}
    path = tmp / "offscreen.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"
    for name in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS", "QT_FONT_DPI",
                 "QT_ENABLE_HIGHDPI_SCALING", "QT_AUTO_SCREEN_SCALE_FACTOR"):
        os.environ.pop(name, None)  # the config above alone sets the scaling
    os.environ["QT_SCALE_FACTOR_ROUNDING_POLICY"] = "PassThrough"  # 125 % stays 1.25
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


def _save(widget, path: Path, checks: Checks, screen: tuple[int, int] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.repaint()
    image = widget.grab()
    if not image.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    checks.check(path, widget, image.size(), screen or checks.screen)
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.devtools.screenshots",
                                     description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="display scaling: 1.0, 1.25, 1.5 (1366×768) or 2.0 (1920×1080)")
    parser.add_argument("--only", default="", help="a comma list of: " + ",".join(GROUPS))
    parser.add_argument("--lang", default="zh_CN", help="the interface language: zh_CN or en")
    args = parser.parse_args(argv)
    only = tuple(g for g in args.only.split(",") if g) or GROUPS
    unknown = [g for g in only if g not in GROUPS]
    if unknown or not 1.0 <= args.scale <= 3.0:
        parser.error(f"unknown group {unknown}" if unknown else "--scale between 1.0 and 3.0")
    with tempfile.TemporaryDirectory(prefix="casedesk-shots-") as tmp_name:
        tmp = Path(tmp_name)
        _prepare_environment(tmp, args.scale)
        checks = Checks(args.scale, screen_for(args.scale))
        _render(args.out, args.cases, tmp, checks, only, args.lang)
    if checks.offenders:
        bad = len({line.split(": ")[0] for line in checks.offenders})
        print(f"{bad} of {checks.written} screenshots do not fit at "
              f"{args.scale:.0%} on {checks.screen[0]}×{checks.screen[1]}:", file=sys.stderr)
        for line in checks.offenders:
            print("  " + line, file=sys.stderr)
        return 1
    print(f"{checks.written} screenshots, all within {checks.screen[0]}×{checks.screen[1]} "
          f"at {args.scale:.0%}")
    return 0


def _render(out: Path, cases: int, tmp: Path, checks: Checks, only: tuple[str, ...],
            language: str = "zh_CN") -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from caseapp import services
    from caseapp.demo.generator import run_demo
    from caseapp.storage.migrate import open_database
    from ui.context import AppContext
    from ui.style import apply_style

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("CaseDesk")
    app.setApplicationName("CaseDesk")
    from ui.i18n import install_translations

    install_translations(app, language)
    apply_style(app)

    db = open_database(tmp / "demo.db")
    actor = db.local_user_id()
    services.save_settings(db, actor, replace(db.settings(), office_name=OFFICE,
                                              committee_name="涪陵高新区人民调解委员会"))
    run_demo(db, actor, cases=cases, seed=1, today=TODAY)
    ctx = AppContext(db, actor, today=TODAY)

    base = out if checks.scale == 1.0 else out / f"scale-{round(checks.scale * 100)}"
    if "main" in only:
        if checks.scale == 1.0:
            for w, h in SIZES:
                _main_window(ctx, base / f"{w}x{h}", (w, h), checks)
        else:  # the window filling the screen, in logical pixels (910×512 at 150 %)
            phys = checks.screen
            logical = (int(phys[0] / checks.scale), int(phys[1] / checks.scale))
            _main_window(ctx, base / "main", logical, checks, phys)
    for name in STATE_MODULES:
        if name.removesuffix("_states") not in only:
            continue
        module = importlib.import_module(f"ui.devtools.{name}")
        for state, widget in module.screenshot_states(ctx):
            widget.show()
            _settle(ctx, widget)
            _save(widget, base / "dialogs" / f"{state}.png", checks)
            widget.hide()  # not close(): a form with typed input would ask before discarding
    _settle(ctx)
    db.dispose()


def _main_window(ctx: AppContext, folder: Path, size: tuple[int, int], checks: Checks,
                 screen: tuple[int, int] | None = None) -> None:
    """The main window at ``size`` (logical) on each page, the overview and a case's tabs;
    checked against ``screen`` (physical; default: its own size at scale 1.0)."""
    from caseapp import queries
    from ui.shell.main_window import MainWindow

    screen = screen or size
    db = ctx.db
    dispute = queries.case_ids(db, queries.CaseFilter(kind="dispute", statuses=("closed",)))
    sample = _rich_dispute(db, dispute) or (dispute[0] if dispute else None)
    window = MainWindow(ctx, remember=False)
    window.resize(*size)
    window.show()
    for i, key in enumerate(PAGES):
        window.show_page(key)
        _settle(ctx, window)
        _save(window, folder / f"{i + 1:02d}_{key}.png", checks, screen)
        if key == "reports" and hasattr(window.reports_page, "generate"):
            _build_report(ctx, window)
            _save(window, folder / f"{i + 1:02d}_{key}_monthly.png", checks, screen)
    # 统计概览 of each kind, at the top and scrolled to the charts below.
    window.show_page("overview")
    n = 6
    for kind in ("petition", "dispute"):
        window.dashboard.set_kind(kind)
        _settle(ctx, window)
        _save(window, folder / f"{n:02d}_overview_{kind}.png", checks, screen)
        bar = window.dashboard.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        _settle(ctx, window)
        _save(window, folder / f"{n + 1:02d}_overview_{kind}_charts.png", checks, screen)
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
            _save(window, folder / f"{10 + t:02d}_case_{tabs.tabText(t)}.png", checks, screen)
    window.hide()


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
