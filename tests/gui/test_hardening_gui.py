"""Issue #16 in the GUI: restoring a backup made before accounts says beforehand that the
current accounts are kept, and log-ins stay on afterwards (item 9); the intake form bounds its
numbers like the import and names the field (item 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from caseapp import workflow as wf
from caseapp.services import accounts
from caseapp.storage import backup as bk
from ui.dialogs import backup_dialog
from ui.dialogs.backup_dialog import BackupDialog

PASSWORD = "Passw0rd-2026"


def test_restoring_a_backup_without_accounts_warns_and_keeps_them(qtbot, ctx, wait_idle,
                                                                  monkeypatch):
    bk.backup(ctx.db)  # before accounts
    admin = accounts.setup_admin(ctx.db, "admin", "周主任", PASSWORD)
    accounts.add_user(ctx.db, admin, "clerk", "李登记", wf.CLERK, PASSWORD)
    ctx.set_user(admin)
    dialog = BackupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    asked: list[str] = []
    monkeypatch.setattr(backup_dialog, "confirm", lambda _p, text: asked.append(text) or True)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(ctx.data_changed, timeout=10000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "这个备份中没有登录账户" in asked[0] and "保留当前的账户" in asked[0]
    assert "保留了当前的 2 个账户" in dialog.status_label.text()
    assert accounts.accounts_enabled(ctx.db)
    assert accounts.authenticate(ctx.db, "clerk", PASSWORD)


def test_intake_form_refuses_a_hostile_number_by_field(qtbot, ctx, wait_idle, monkeypatch):
    """Item 10 at intake: typing 1e999999 names 涉及人数 and 涉及金额 at once (no CPU burnt)."""
    import time

    from ui.dialogs.intake.dialog import IntakeDialog
    from ui.widgets import forms

    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: True)
    dialog = IntakeDialog(ctx, "petition")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle()
    qtbot.keyClicks(dialog.case_form.people_count, "1e999999")
    qtbot.keyClicks(dialog.case_form.amount, "1e999999")
    start = time.process_time()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert time.process_time() - start < 2
    errors = dialog.errors.messages()
    assert "people_count" in errors and "amount" in errors
