"""casedesk-probe: checks that a frozen CaseDesk folder carries everything the program loads by
name or from files, which a start-up alone would not notice (an icon that silently stays empty,
Qt's dialogs in English, a migration left behind). One line per check; exit 1 if any failed.

    casedesk-probe [--source PROJECT_ROOT]

With --source (CI), the modules, migrations and templates are compared with the source tree.
"""

from __future__ import annotations

import argparse
import os
import pkgutil
import sys
import tempfile
import traceback
from pathlib import Path

failures: list[str] = []


def check(name: str):
    def run(fn):
        try:
            detail = fn()
            print(f"ok      {name}: {detail}", flush=True)
        except Exception as exc:  # every fault is an answer here
            failures.append(name)
            print(f"FAILED  {name}: {type(exc).__name__}: {exc}", flush=True)
            if os.environ.get("CASEDESK_PROBE_TRACE"):
                traceback.print_exc()
        return fn
    return run


def source_modules(root: Path) -> set[str]:
    names = set()
    for package in ("caseapp", "ui"):
        for path in (root / package).rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[:2] in (["caseapp", "migrations"], ["ui", "devtools"]):
                continue
            if parts[-1] == "__main__":
                continue  # `python -m caseapp`: importing it runs the command line
            if parts[-1] == "__init__":
                parts.pop()
            names.add(".".join(parts))
    return names


def bundled_modules() -> set[str]:
    import caseapp
    import ui

    names = {"caseapp", "ui"}
    for package in (caseapp, ui):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not info.name.startswith(("caseapp.migrations", "ui.devtools")) \
                    and not info.name.endswith(".__main__"):
                names.add(info.name)
    return names


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="casedesk-probe")
    parser.add_argument("--source", type=Path, help="the project's source tree to compare with")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"casedesk-probe: {sys.executable} (frozen: {getattr(sys, 'frozen', False)})")

    @check("modules")
    def modules():
        import importlib

        names = bundled_modules()
        if args.source:
            missing = source_modules(args.source) - names
            if missing:
                raise RuntimeError(f"not in the build: {sorted(missing)}")
        for name in sorted(names):
            importlib.import_module(name)
        return f"{len(names)} modules of caseapp and ui import"

    from PySide6.QtCore import QCoreApplication, QLibraryInfo
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["casedesk-probe"])

    @check("qt plugins")
    def plugins():
        formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
        missing = {"svg", "png", "ico", "jpg"} - formats
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        platforms = {p.stem.removeprefix("libq").removeprefix("q") for p in folder.glob("*q*")}
        wanted = {"windows", "offscreen"} if sys.platform == "win32" else {"xcb", "wayland", "offscreen"}
        missing |= wanted - platforms
        if missing:
            raise RuntimeError(f"missing {sorted(missing)} (platforms: {sorted(platforms)})")
        return f"platforms {sorted(platforms)}, image formats incl. svg/ico"

    @check("qt translation")
    def translation():
        from ui.i18n import UI_LANGUAGE, install_qt_translations

        installed = install_qt_translations(app)
        said = QCoreApplication.translate("QPlatformTheme", "Cancel")
        if not installed or said != "取消":
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            raise RuntimeError(f"qtbase_{UI_LANGUAGE}.qm not loaded from {folder} (Cancel -> {said!r})")
        from PySide6.QtCore import QTranslator

        from ui.i18n import TRANSLATIONS

        english = QTranslator()  # the interface's own English (issue 17), loaded, not installed
        if not english.load("casedesk_en", str(TRANSLATIONS)) or english.translate("CaseDesk", "设置") != "Settings":
            raise RuntimeError(f"casedesk_en.qm not loaded from {TRANSLATIONS}")
        return f"qtbase_{UI_LANGUAGE}: Cancel -> {said}; casedesk_en: 设置 -> Settings"

    @check("icons")
    def icons():
        from ui.shell.menus import NAVIGATION, icon
        from ui.style import STYLE_SHEET

        resources = STYLE_SHEET.parent
        app_icon = resources / "casedesk.svg"  # packaging/casedesk.svg, placed by the spec
        if not getattr(sys, "frozen", False):
            app_icon = resources.parent / "packaging" / "casedesk.svg"
        files = sorted((resources / "icons").glob("*")) + [app_icon]
        empty = [p.name for p in files if QIcon(str(p)).pixmap(32, 32).isNull()]
        import qtawesome as qta

        qta.icon(NAVIGATION[0][2])  # raises when its fonts are missing (menus.icon hides that)
        from ui.shell.icons import FONTS, fonts_dir, glyph_font

        if any(glyph_font(prefix) is None for prefix in FONTS):  # else qtawesome draws them
            raise RuntimeError(f"the window's icon font is not in {fonts_dir()}")
        empty += [name for _key, _label, name in NAVIGATION if icon(name).pixmap(32, 32).isNull()]
        if empty or not STYLE_SHEET.is_file():
            raise RuntimeError(f"empty: {empty}, style sheet {STYLE_SHEET.is_file()}")
        return f"{len(files)} files, {len(NAVIGATION)} qtawesome icons, style sheet"

    @check("fonts")
    def fonts():
        from PySide6.QtGui import QFontDatabase

        from caseapp.reports.fonts import chinese_fonts

        pdf = chinese_fonts()
        screen = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not pdf.embedded or not screen:
            raise RuntimeError(f"PDF font {pdf.source} (embedded {pdf.embedded}), screen fonts {screen[:3]}")
        return f"PDF {pdf.source}; screen {len(screen)} Chinese families"

    @check("migrations")
    def migrations():
        from alembic.script import ScriptDirectory

        from caseapp.storage.migrate import migrations_dir

        def revisions(folder: Path) -> set[str]:
            return {s.revision for s in ScriptDirectory(str(folder)).walk_revisions()}

        have = revisions(migrations_dir())
        heads = ScriptDirectory(str(migrations_dir())).get_heads()
        if args.source:
            want = revisions(args.source / "caseapp" / "migrations")
            if want != have:
                raise RuntimeError(f"missing {sorted(want - have)}, extra {sorted(have - want)}")
        if len(heads) != 1:
            raise RuntimeError(f"heads {heads}")
        return f"{len(have)} revisions, head {heads[0]}"

    @check("xlsx templates")
    def templates():
        from openpyxl import load_workbook

        from caseapp.figures.forms import TEMPLATES_DIR

        have = sorted(p.name for p in TEMPLATES_DIR.glob("*.xlsx"))
        if args.source:
            want = sorted(p.name for p in (args.source / "caseapp/figures/templates").glob("*.xlsx"))
            if want != have:
                raise RuntimeError(f"have {have}, want {want}")
        for name in have:
            load_workbook(TEMPLATES_DIR / name)
        if not have:
            raise RuntimeError(f"none in {TEMPLATES_DIR}")
        return ", ".join(have)

    @check("pdf preview, charts, printing")
    def widgets():
        from pypdf import PdfReader  # the 卷宗 merges its parts with it (reports/dossier.py)
        from PySide6.QtCharts import QChart, QChartView
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrinter
        from reportlab.pdfgen import canvas

        from caseapp.reports.fonts import chinese_fonts

        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "probe.pdf")
            c = canvas.Canvas(path)
            c.setFont(chinese_fonts().body, 14)
            c.drawString(72, 720, "信访与调解案件管理")
            c.save()
            doc = QPdfDocument()
            doc.load(path)
            pages = doc.pageCount()
            doc.close()
            merged = len(PdfReader(path).pages)
        QChartView(QChart())
        QPrinter()
        if pages != 1 or merged != 1:
            raise RuntimeError(f"QtPdf read {pages} pages, pypdf {merged}")
        return "QtPdf and pypdf read a ReportLab page; QChartView; QPrinter"

    print("casedesk-probe: " + (f"FAILED {failures}" if failures else "all checks passed"), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
