"""Screenshot states of a district database (issue #18): the main window over three offices'
cases, with the office picker and the lists' 单位 column, on 全部单位 and on one office."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from caseapp.demo.generator import run_demo
from caseapp.services.offices import add_office, rename_office
from caseapp.storage.migrate import open_database
from ui.context import AppContext
from ui.devtools.settle import settle
from ui.shell.main_window import MainWindow

OFFICES = ("城关街道调解办", "东城街道调解办", "高新园区调解办")


def district_file(ctx: AppContext) -> Path:
    """A second throw-away database beside the screenshots' own: the demo's cases shared out
    over three offices (by their parties: person id modulo 3)."""
    folder = ctx.db.path.parent if ctx.db.path else Path.cwd()
    path = folder / "district.db"
    db = open_database(path)
    actor = db.local_user_id()
    run_demo(db, actor, cases=300, seed=3, today=ctx.today())
    rename_office(db, actor, 1, OFFICES[0])
    for i, name in enumerate(OFFICES[1:], start=2):
        add_office(db, actor, f"D{i:02d}", name)
    with db.engine.begin() as conn:
        # By person, so that a case's parties are of its own office (as in a real district).
        conn.execute(text("UPDATE persons SET office_id = id % 3 + 1"))
        conn.execute(text("UPDATE cases SET office_id = coalesce((SELECT min(p.office_id) "
                          "FROM case_parties cp JOIN persons p ON p.id = cp.person_id "
                          "WHERE cp.case_id = cases.id), 1)"))
    db.dispose()
    return path


def district_window(path: Path, today, office: int | None) -> MainWindow:
    """The window on its own context and Database: a picked office is that Database's scope."""
    db = open_database(path)
    ctx = AppContext(db, db.local_user_id(), today=today)
    ctx.settings().setValue("mainWindow/page", "petition")  # opens on the list (its own settings)
    window = MainWindow(ctx, remember=False)
    # The screen's whole size, as screenshots.py shows the main window (maximised, in effect);
    # a pixel less, so that 150 % (1366 / 1.5 = 910.7) does not round up past the screen.
    full = QGuiApplication.primaryScreen().availableGeometry().size()
    window.resize(full.width() - 1, full.height() - 1)
    window.show()
    window.show_page("petition")
    if window.offices is not None:
        window.offices.picker.set_current_office(office)
    window.repaint()  # the list asks for its visible rows when painted
    settle(ctx, 20000)
    return window


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    path = district_file(ctx)
    return [("district_all_offices", district_window(path, ctx.today(), None)),
            ("district_one_office", district_window(path, ctx.today(), 2))]
