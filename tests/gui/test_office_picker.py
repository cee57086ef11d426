"""A district database in the main window (issue #18): the office picker narrows what the pages
show and the case lists show 单位; a single office's file, and an office's own user, see
neither."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from caseapp.services import accounts
from caseapp.services.offices import add_office, rename_office
from gui.test_case_list import import_cases, wait_loaded
from ui.models.case_table import COLUMNS
from ui.shell.main_window import MainWindow
from ui.widgets.office_picker import OfficePicker

# The imported petitions by id: office 1 keeps ids 1-4, office 2 gets 5-7, office 3 8-9.
MOVES = {2: (5, 7), 3: (8, 9)}


def move_cases(db, office_id: int, first: int, last: int) -> None:
    """Test set-up: cases (and their parties) moved to another office, as a package would
    bring them (the importer of packages is tested on its own)."""
    with db.engine.begin() as conn:
        args = {"o": office_id, "a": first, "b": last}
        conn.execute(text("UPDATE cases SET office_id = :o WHERE id BETWEEN :a AND :b"), args)
        conn.execute(text("UPDATE persons SET office_id = :o WHERE id IN (SELECT person_id FROM "
                          "case_parties WHERE case_id BETWEEN :a AND :b)"), args)


@pytest.fixture
def district(db, actor, tmp_path):
    import_cases(db, actor, tmp_path, 9)
    rename_office(db, actor, 1, "城关街道调解办")
    assert add_office(db, actor, "D02", "东城街道调解办") == 2
    assert add_office(db, actor, "D03", "高新园区调解办") == 3
    for office_id, (first, last) in MOVES.items():
        move_cases(db, office_id, first, last)
    return db


def open_window(qtbot, ctx, wait_idle) -> MainWindow:
    win = MainWindow(ctx, remember=False)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    wait_idle()
    return win


def column(model) -> list[str]:
    """The 单位 column, every row, asking for the pages not yet here."""
    for row in range(model.rowCount()):
        model.case_row(row)
    return [model.index(row, len(COLUMNS)).data() for row in range(model.rowCount())]


def wait_offices(qtbot, win, wait_idle, expected: list[str]) -> None:
    """The petitions list comes to show exactly these offices (in any order): the list reads
    again after the pick, so it is waited for, not read at once."""
    page = win.petitions
    wait_loaded(qtbot, page, wait_idle)
    seen: list[list[str]] = []
    qtbot.waitUntil(lambda: seen.append(sorted(column(page.model))) or seen[-1] == sorted(expected),
                    timeout=10000)
    wait_idle()
    assert sorted(column(page.model)) == sorted(expected)


def test_a_single_office_file_shows_no_picker_and_no_column(qtbot, ctx, db, actor, tmp_path,
                                                           wait_idle):
    import_cases(db, actor, tmp_path, 3)
    win = open_window(qtbot, ctx, wait_idle)
    win.show_page("petition")
    wait_loaded(qtbot, win.petitions, wait_idle)
    assert win.offices is None
    assert win.findChildren(OfficePicker) == []
    model = win.petitions.model
    assert model.columnCount() == len(COLUMNS) == 8
    assert model.headerData(len(COLUMNS) - 1, Qt.Orientation.Horizontal) == "承办人"
    assert model.rowCount() == 3


def test_the_district_picks_an_office_and_every_list_follows(qtbot, district, ctx, wait_idle):
    win = open_window(qtbot, ctx, wait_idle)
    picker = win.offices.picker
    assert picker.isVisible()
    combo = picker.combo
    assert [combo.itemText(i) for i in range(combo.count())] == \
        ["全部单位", "城关街道调解办", "东城街道调解办", "高新园区调解办"]
    win.show_page("petition")
    model = win.petitions.model
    assert model.headerData(len(COLUMNS), Qt.Orientation.Horizontal) == "单位"
    everyone = ["城关街道调解办"] * 4 + ["东城街道调解办"] * 3 + ["高新园区调解办"] * 2
    wait_offices(qtbot, win, wait_idle, everyone)
    # The keyboard on the closed combo, as a clerk would: one step down is the first office,
    # two the second.
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert picker.current_office() == 2
    wait_offices(qtbot, win, wait_idle, ["东城街道调解办"] * 3)
    assert district.scope == frozenset({2})
    assert win.petitions.count_label.text() == "共 3 件"  # the count says the same office
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    wait_offices(qtbot, win, wait_idle, ["高新园区调解办"] * 2)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert picker.current_office() is None
    wait_offices(qtbot, win, wait_idle, everyone)
    assert district.scope is None


def test_an_office_user_sees_only_their_office_without_a_picker(qtbot, district, ctx, actor,
                                                                wait_idle):
    admin = accounts.add_user(district, actor, "quadmin", "区管理员", "admin", "Passw0rd!2026")
    clerk = accounts.add_user(district, admin, "dongcheng", "东城录入员", "clerk",
                              "Passw0rd!2026", office_id=2)
    ctx.set_user(clerk)
    win = open_window(qtbot, ctx, wait_idle)
    assert win.offices is None
    assert district.scope == frozenset({2})
    assert win.findChildren(OfficePicker) == []
    win.show_page("petition")
    wait_loaded(qtbot, win.petitions, wait_idle)
    assert win.petitions.model.columnCount() == len(COLUMNS)
    assert win.petitions.model.rowCount() == 3


def test_the_picker_names_what_it_offers(qtbot):
    picker = OfficePicker([(4, "临江镇调解办"), (7, "青石镇调解办")])
    qtbot.addWidget(picker)
    seen: list = []
    picker.chosen.connect(seen.append)
    assert picker.current_office() is None
    picker.set_current_office(7)
    picker.set_current_office(99)  # not offered: the choice stays
    picker.set_current_office(None)
    assert seen == [7, None]
    assert picker.offices() == [(4, "临江镇调解办"), (7, "青石镇调解办")]
