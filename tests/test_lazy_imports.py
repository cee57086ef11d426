"""Start-up stays lean (issues #17 and #19): the real start (ui.app.make_app, the first frame
and open_window, as `python main.py` runs them) to the first page with its rows, offscreen, in
a fresh process, loads none of the modules only later pages, printouts, exports or upgrades
need; and the first frame paints its rows before SQLAlchemy is loaded at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Each is loaded where first used: printouts, Excel, upgrades, charts, the PDF preview,
# pinyin and the legal calendar (writes), PostgreSQL, the qtawesome/qtpy icon layer.
NOT_AT_START = ("reportlab", "openpyxl", "alembic", "PySide6.QtCharts", "PySide6.QtPdf",
                "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport", "pypdf", "pypinyin",
                "chinesecalendar", "psycopg", "psycopg2", "qtawesome", "qtpy", "mako")

START = """
import json, sys, time
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CaseDesk",
          "CaseDesk").setValue("mainWindow/page", "petition")
from ui.app import make_app, open_window, parse_args
from ui.shell.first_frame import show_first_frame
app = make_app([])
frame = show_first_frame(sys.argv[1], ask_setup=False)  # as ui.app.run shows it
at_frame = sorted(sys.modules)
frame_rows = frame.table.model().rowCount()
ctx, window, _backups = open_window(parse_args(["--db", sys.argv[1]]), ask_setup=False,
                                    frame=frame)
model = window.petitions.model
deadline = time.monotonic() + 60
while not (model.is_loaded() and model.rowCount() and model.case_row(0) is not None):
    assert time.monotonic() < deadline, "the first page never came"
    app.processEvents()
    time.sleep(0.005)
for _ in range(20):  # the icons and the status bar, queued behind the first page
    app.processEvents()
    time.sleep(0.005)
icons = [window.navigation.item(i).icon() for i in range(window.navigation.count())]
print(json.dumps({"modules": sorted(sys.modules), "rows": model.rowCount(),
                  "at_frame": at_frame, "frame_rows": frame_rows,
                  "number": model.case_row(0).number,
                  "icons": all(not i.isNull() and not i.pixmap(18, 18).toImage().isNull()
                               for i in icons)}))
ctx.runner.pool.waitForDone(30000)
ctx.db.dispose()
"""


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("lazy")
    env = {k: v for k, v in os.environ.items() if k not in ("CASEAPP_DB", "CASEDESK_LANG")}
    env.update(CASEAPP_HOME=str(tmp / "home"), QT_QPA_PLATFORM="offscreen", LANG="zh_CN.UTF-8")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    db = tmp / "casedesk.db"  # made (and migrated) beforehand: the start finds it current
    subprocess.run([sys.executable, "-m", "caseapp", "--db", str(db), "demo", "--cases", "40",
                    "--seed", "1"], check=True, env=env, cwd=ROOT, capture_output=True,
                   timeout=300)
    result = subprocess.run([sys.executable, "-c", START, str(db), str(tmp / "qsettings")],
                            capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_first_page_shows_its_rows(started):
    assert started["rows"] > 0
    assert started["number"]  # a real case row, read from the file


def test_the_first_page_loads_nothing_heavy(started):
    loaded = set(started["modules"])
    assert "sqlalchemy.orm" in loaded and "PySide6.QtWidgets" in loaded  # the check is real
    early = [name for name in NOT_AT_START
             if name in loaded or any(m.startswith(name + ".") for m in loaded)]
    assert early == []


def test_the_navigation_has_its_icons_without_qtawesome(started):
    assert started["icons"]
    assert "qtawesome" not in started["modules"]


def test_the_first_frame_paints_its_rows_before_sqlalchemy(started):
    assert started["frame_rows"] > 0
    assert "PySide6.QtWidgets" in started["at_frame"]  # the check is real
    early = [m for m in started["at_frame"]
             if m.split(".")[0] in ("sqlalchemy", "alembic", "reportlab", "openpyxl")]
    assert early == []
