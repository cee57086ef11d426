"""The passphrase dialog before an encrypted database opens (issue #16, item 8)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from PySide6.QtCore import Qt

pytest.importorskip("sqlcipher3", reason="sqlcipher3 is not installed: pip install -e .[encryption]")

from caseapp import queries, services  # noqa: E402
from caseapp.storage import encryption  # noqa: E402
from caseapp.storage.migrate import open_database  # noqa: E402
from gui.keyboard import type_text  # noqa: E402

pytestmark = pytest.mark.sqlite_only("encryption is of the SQLite file")

PASS = "Office-pass-2026"


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch):
    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)
    encryption.use_passphrase(None)
    yield
    encryption.use_passphrase(None)


@pytest.fixture
def locked(tmp_path):
    path = tmp_path / "office.db"
    db = open_database(path)
    data = services.CaseInput(summary="口令测试", category="劳动社保", received_on=date(2026, 3, 2))
    services.register_petition(db, db.local_user_id(), data,
                               [services.PartyInput("诸葛口令", "信访人")])
    db.dispose()
    encryption.encrypt_file(path, PASS)
    return path


def test_a_wrong_passphrase_is_refused_in_the_dialog_then_the_right_one_opens(qtbot, qapp, locked):
    from ui.dialogs.passphrase_dialog import PassphraseDialog

    before = hashlib.sha256(locked.read_bytes()).hexdigest()
    dialog = PassphraseDialog(locked)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.edit, "wrong-passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "口令不正确"
    assert dialog.edit.text() == "" and encryption.known_passphrase() is None
    assert hashlib.sha256(locked.read_bytes()).hexdigest() == before
    type_text(qtbot, dialog.edit, PASS)
    assert dialog.error.text() == ""  # typing again clears the message
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
    assert encryption.known_passphrase() == PASS
    db = open_database(locked)  # what the program's start does next
    try:
        assert queries.count(db, queries.CaseFilter()) == 1
    finally:
        db.dispose()


def test_unlock_asks_only_for_an_encrypted_file_without_a_known_passphrase(qapp, locked, tmp_path,
                                                                           monkeypatch):
    from ui.dialogs import passphrase_dialog

    shown = []
    monkeypatch.setattr(passphrase_dialog.PassphraseDialog, "exec",
                        lambda self: shown.append(self.path) or 0)
    plain = tmp_path / "plain.db"
    open_database(plain).dispose()
    assert passphrase_dialog.unlock(plain) and shown == []
    assert passphrase_dialog.unlock(locked) is False and shown == [locked]  # 退出程序
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASS)
    assert passphrase_dialog.unlock(locked) and shown == [locked]
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, "wrong-passphrase")
    encryption.use_passphrase(None)
    assert passphrase_dialog.unlock(locked) is False and shown == [locked, locked]


def test_a_damaged_file_can_be_sent_on_to_the_backup_offer(qtbot, qapp, locked):
    from ui.dialogs.passphrase_dialog import DAMAGED, PassphraseDialog

    dialog = PassphraseDialog(locked)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.damaged_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == DAMAGED and not dialog.isVisible()
    assert encryption.known_passphrase() is None
