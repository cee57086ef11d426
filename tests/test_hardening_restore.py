"""Issue #16, item 9: restoring a backup made before accounts existed must not switch log-ins
off. The restore says so before, keeps the current accounts, and takes the backup as it is
only when an admin asks for it."""

from __future__ import annotations

import pytest

from caseapp import workflow as wf
from caseapp.cli.main import main
from caseapp.errors import PermissionDenied
from caseapp.services import accounts
from caseapp.storage import backup as bk
from caseapp.storage import restore as rs
from caseapp.storage.migrate import open_database

pytestmark = pytest.mark.sqlite_only("restoring a SQLite backup file")

PASSWORD = "Passw0rd-2026"


@pytest.fixture
def early(db):
    """A backup from before accounts, then an office that set up an admin and a clerk."""
    info = bk.backup(db)
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, PASSWORD)
    accounts.add_user(db, admin, "gone", "王离职", wf.CLERK, PASSWORD)
    accounts.disable_user(db, admin, "gone")
    return info


def test_the_backup_says_it_has_no_accounts(db, early):
    assert rs.inspect(early.path).accounts == 0
    later = bk.backup(db)
    assert rs.inspect(later.path).accounts == 2  # active accounts with a password


def test_restoring_an_early_backup_keeps_the_accounts(db, early):
    result = rs.restore(db.path, early.path)
    assert result.accounts_kept == 3
    db.invalidate_settings()
    assert accounts.accounts_enabled(db)  # log-ins stay on
    assert accounts.authenticate(db, "admin", PASSWORD)
    clerk = accounts.authenticate(db, "clerk", PASSWORD)
    assert accounts.user_info(db, clerk).role == wf.CLERK
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, "gone", PASSWORD)  # still disabled
    # The passwordless local user is retired again: nobody acts without logging in.
    local = db.local_user_id()
    assert not accounts.user_info(db, local).active


def test_an_admin_may_take_the_backup_as_it_is(db, early):
    result = rs.restore(db.path, early.path, keep_accounts=False)
    assert result.accounts_kept == 0
    assert not accounts.accounts_enabled(db)


def test_a_backup_with_its_own_accounts_is_taken_as_it_is(db, early):
    with_accounts = bk.backup(db)
    admin = accounts.authenticate(db, "admin", PASSWORD)
    accounts.add_user(db, admin, "late", "晚来", wf.VIEWER, PASSWORD)
    result = rs.restore(db.path, with_accounts.path)
    assert result.accounts_kept == 0
    assert {u.name for u in accounts.list_users(db)} == {"admin", "clerk", "gone"}


def test_cli_warns_and_keeps_accounts(db, early, capsys, monkeypatch):
    path = db.path
    db.dispose()
    monkeypatch.setenv("CASEAPP_PASSWORD", PASSWORD)
    assert main(["--db", str(path), "--user", "admin", "restore", str(early.path)]) == 0
    out = capsys.readouterr().out
    assert "备份中没有登录账户" in out and "保留了当前的 3 个账户" in out
    again = open_database(path)
    try:
        assert accounts.accounts_enabled(again)
    finally:
        again.dispose()


def test_cli_may_take_the_backups_accounts(db, early, capsys, monkeypatch):
    path = db.path
    db.dispose()
    monkeypatch.setenv("CASEAPP_PASSWORD", PASSWORD)
    assert main(["--db", str(path), "--user", "admin", "restore", str(early.path),
                 "--backup-accounts"]) == 0
    assert "登录已关闭" in capsys.readouterr().out
    again = open_database(path)
    try:
        assert not accounts.accounts_enabled(again)
    finally:
        again.dispose()
