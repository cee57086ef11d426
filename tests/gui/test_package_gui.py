"""上报包 on the import window, clicked through: 导出上报包… asks for the office's code when it
has none and writes the package; 导入上报包… takes it (again: nothing changes) and says so; a
damaged package is refused in red and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from caseapp import exchange
from caseapp.demo import run_demo
from caseapp.services import offices
from caseapp.storage.models import LOCAL_OFFICE, Case, Office
from ui.dialogs import package_panel
from ui.dialogs.import_dialog import ImportDialog

TODAY = date(2026, 3, 20)


def open_dialog(qtbot, ctx):
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def case_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Case.id)))


@pytest.fixture
def package(make_db, tmp_path):
    """An office of 25 cases with code P01, and its package."""
    office = make_db("office")
    actor = office.local_user_id()
    run_demo(office, actor, 25, seed=3, today=TODAY)
    offices.set_office_code(office, actor, LOCAL_OFFICE, "P01")
    path = tmp_path / "P01.zip"
    exchange.run_export_package(office, actor, path)
    return path


def test_export_asks_for_the_code_then_writes_the_package(qtbot, ctx, db, wait_idle, tmp_path,
                                                          monkeypatch):
    run_demo(db, ctx.actor, 20, seed=4, today=TODAY)
    asked = []
    monkeypatch.setattr(package_panel, "ask_office_code",
                        lambda parent, name: asked.append(name) or "G01")
    saved = []
    monkeypatch.setattr(package_panel, "choose_package_to_save",
                        lambda parent, suggested: saved.append(suggested) or str(tmp_path / "up"))
    dialog = open_dialog(qtbot, ctx)
    panel = dialog.package_panel
    assert panel.export_button.isEnabled() and not panel.result_label.isVisible()
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result_label.isVisible(), timeout=20000)
    wait_idle()
    assert len(asked) == 1 and saved == ["上报包-G01-20260320.zip"]
    text = panel.result_label.text()
    assert text.startswith("✓ 已导出上报包 up.zip") and "（G01），案件 20 件" in text, text
    assert (tmp_path / "up.zip").is_file()
    with db.read() as session:
        assert session.scalar(select(Office.code).where(Office.id == LOCAL_OFFICE)) == "G01"
    assert exchange.read_package(tmp_path / "up.zip").office_code == "G01"

    # The code is kept: a second export does not ask again.
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=20000)
    wait_idle()
    assert len(asked) == 1


def test_import_takes_the_package_once_and_says_so(qtbot, ctx, db, wait_idle, package,
                                                   monkeypatch):
    monkeypatch.setattr(package_panel, "choose_package_to_open", lambda parent: str(package))
    changed = []
    ctx.data_changed.connect(changed.append)
    dialog = open_dialog(qtbot, ctx)
    panel = dialog.package_panel
    before = case_count(db)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result_label.isVisible(), timeout=20000)
    wait_idle()
    text = panel.result_label.text()
    assert text.startswith("✓ 已导入") and "（P01）（新单位）" in text and "新增 25 件" in text, text
    assert case_count(db) == before + 25 and changed

    panel.result_label.setText("")
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(panel.result_label.text()), timeout=20000)
    wait_idle()
    assert "新增 0 件" in panel.result_label.text() and "未变 25 件" in panel.result_label.text()
    assert case_count(db) == before + 25


def test_a_damaged_package_is_refused_in_red(qtbot, ctx, db, wait_idle, package, tmp_path,
                                             monkeypatch):
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(package.read_bytes()[:300])
    monkeypatch.setattr(package_panel, "choose_package_to_open", lambda parent: str(damaged))
    dialog = open_dialog(qtbot, ctx)
    panel = dialog.package_panel
    before = case_count(db)
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result_label.isVisible(), timeout=20000)
    wait_idle()
    assert "上报包已损坏或不完整" in panel.result_label.text()
    assert "#cf222e" in panel.result_label.styleSheet()
    assert case_count(db) == before
    assert panel.import_button.isEnabled()
