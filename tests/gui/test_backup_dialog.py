"""备份与恢复, clicked through: back up now, the list with date and case count, restore after
a confirmation that names what will happen, a damaged backup cannot be chosen, the folder."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from caseapp import queries, services
from ui.dialogs import backup_dialog
from ui.dialogs.backup_dialog import BackupDialog


def register(ctx, n: int) -> int:
    data = services.CaseInput(summary=f"界面备份测试{n}", category="劳动社保",
                              received_on=date(2026, 3, 2))
    return services.register_petition(ctx.db, ctx.actor, data,
                                      [services.PartyInput(f"赵{n}", "信访人")]).id


def count(ctx) -> int:
    return queries.count(ctx.db, queries.CaseFilter())


def open_dialog(qtbot, ctx, wait_idle) -> BackupDialog:
    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    return dialog


def test_backup_now_lists_the_backup(qtbot, ctx, wait_idle, tmp_path):
    register(ctx, 1)
    register(ctx, 2)
    dialog = open_dialog(qtbot, ctx, wait_idle)
    assert dialog.empty_label.isVisible() and not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10000)  # daily + monthly
    wait_idle()
    assert "已备份" in dialog.status_label.text() and "2 件案件" in dialog.status_label.text()
    assert dialog.table.item(0, 2).text() == "2" and dialog.table.item(0, 4).text() == "正常"
    assert {dialog.table.item(r, 1).text() for r in range(2)} == {"每日", "每月"}
    files = list((tmp_path / "home" / "backups" / "daily").glob("cases-*.db"))
    assert len(files) == 1 and dialog.table.item(0, 0).toolTip() in {str(f) for f in files}


def test_restore_after_confirmation(qtbot, ctx, wait_idle, monkeypatch):
    register(ctx, 1)
    dialog = open_dialog(qtbot, ctx, wait_idle)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
    wait_idle()
    register(ctx, 2)
    assert count(ctx) == 2

    asked = []
    monkeypatch.setattr(backup_dialog, "confirm", lambda _p, text: asked.append(text) or False)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert count(ctx) == 2  # refused: nothing happened
    assert "1 件案件" in asked[0] and "cases.db" in asked[0] and "before-restore" in asked[0]

    monkeypatch.setattr(backup_dialog, "confirm", lambda _p, _t: True)
    with qtbot.waitSignal(ctx.data_changed, timeout=10000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert count(ctx) == 1
    assert "已从" in dialog.status_label.text() and "before-restore" in dialog.status_label.text()
    kinds = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "恢复前" in kinds


def test_a_damaged_backup_cannot_be_restored(qtbot, ctx, wait_idle, tmp_path):
    folder = tmp_path / "home" / "backups" / "daily"
    folder.mkdir(parents=True)
    (folder / "cases-20260320-090000.db").write_bytes(b"not a database at all" * 50)
    dialog = open_dialog(qtbot, ctx, wait_idle)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 4).text().startswith("无法使用")
    dialog.table.selectRow(0)
    assert not dialog.restore_button.isEnabled()


def test_choose_backup_folder(qtbot, ctx, wait_idle, tmp_path, monkeypatch):
    target = tmp_path / "U盘"
    monkeypatch.setattr(backup_dialog, "choose_folder", lambda _p, _s: str(target))
    dialog = open_dialog(qtbot, ctx, wait_idle)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: dialog.folder_label.text() == str(target), timeout=5000)
    ctx.db.invalidate_settings()
    assert ctx.db.settings().backup_dir == str(target)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
    wait_idle()
    assert list((target / "daily").glob("*.db"))


def test_toolbar_opens_the_dialog(qtbot, ctx, wait_idle):
    from ui.shell.main_window import MainWindow

    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.backup_action.trigger()
    wait_idle()
    dialogs = [d for d in window.open_dialogs() if isinstance(d, BackupDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()


# -- start-up and exit (ui/backup_hooks.py) -------------------------------------------------


def test_damaged_file_at_start_is_reported_and_restored(qtbot, ctx, tmp_path, monkeypatch):
    from caseapp.storage import backup
    from caseapp.storage.migrate import open_database
    from ui.shell import backup_hooks

    register(ctx, 1)
    backup.backup(ctx.db)
    path = ctx.db.path
    ctx.db.dispose()
    path.write_bytes(b"\x00" * 4096)  # e.g. a crash of the disk wrote zeros over it
    asked = []

    def answer(_parent, problem, info, yes):
        asked.append((problem, info.case_count))
        return yes

    def opener():
        return open_database(path)

    monkeypatch.setattr(backup_hooks, "ask_restore", lambda p, pr, i: answer(p, pr, i, False))
    assert backup_hooks.open_safely(str(path), opener) is None  # quit: nothing opened
    assert path.read_bytes() == b"\x00" * 4096 and "SQLite" in asked[0][0]

    monkeypatch.setattr(backup_hooks, "ask_restore", lambda p, pr, i: answer(p, pr, i, True))
    db = backup_hooks.open_safely(str(path), opener)
    try:
        assert asked[1][1] == 1 and queries.count(db, queries.CaseFilter()) == 1
    finally:
        db.dispose()


def test_no_backup_means_a_clear_message(qtbot, tmp_path, monkeypatch):
    from ui.shell import backup_hooks

    bad = tmp_path / "lost.db"
    bad.write_text("hello", encoding="utf-8")
    told = []
    monkeypatch.setattr(backup_hooks, "tell", lambda _p, text: told.append(text))
    assert backup_hooks.open_safely(str(bad), lambda: None) is None
    assert "没有找到可用的备份" in told[0]


def test_daily_backup_after_start_and_exit_backup_after_changes(qtbot, ctx, wait_idle, tmp_path):
    from ui.shell.backup_hooks import SessionBackups
    from ui.shell.main_window import MainWindow

    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    hooks = SessionBackups(window, ctx)
    hooks.start()
    wait_idle()
    daily = tmp_path / "home" / "backups" / "daily"
    assert len(list(daily.glob("*.db"))) == 1
    hooks.start()  # a second start the same day makes no second backup
    wait_idle()
    assert len(list(daily.glob("*.db"))) == 1
    assert hooks.at_exit() is False  # nothing changed in this session
    register(ctx, 1)
    ctx.notify_changed(())
    assert hooks.at_exit() is True
    assert len(list(daily.glob("*.db"))) == 1  # the newest of the day is kept
    newest = backup_dialog.restore.list_backups(tmp_path / "home" / "backups", "cases")[0]
    assert newest.case_count == 1
