"""Issue #16, item 13 on the command line: demo data only into a separate file, `check` asks
for a log-in like every other command, and a locked-out (only) admin has a way back in."""

from __future__ import annotations

from datetime import date

import pytest

from caseapp import services as s
from caseapp import workflow as wf
from caseapp.cli.main import main
from caseapp.errors import PermissionDenied
from caseapp.services import accounts
from caseapp.storage.migrate import open_database

PASSWORD = "Passw0rd-2026"


def _cases(path) -> int:
    db = open_database(path)
    try:
        from caseapp import queries
        return queries.count(db, queries.CaseFilter())
    finally:
        db.dispose()


@pytest.fixture
def real(tmp_path):
    """A real office's database: one case, an admin and a clerk."""
    path = tmp_path / "casedesk.db"
    db = open_database(path)
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, PASSWORD)
    s.register_petition(db, admin, s.CaseInput(summary="真实案件", category="劳动社保",
                                               received_on=date(2026, 3, 2)),
                        [s.PartyInput("张三", "信访人")])
    db.dispose()
    return path


def test_demo_refuses_a_real_database(real, capsys, monkeypatch):
    monkeypatch.setenv("CASEAPP_PASSWORD", PASSWORD)
    assert main(["--db", str(real), "--user", "clerk", "demo", "--cases", "5"]) != 0
    err = capsys.readouterr().err
    assert "示例数据" in err and "demo.db" in err
    assert _cases(real) == 1


def test_demo_refuses_a_database_with_cases_even_without_accounts(tmp_path, capsys):
    path = tmp_path / "office.db"
    db = open_database(path)
    s.register_petition(db, db.local_user_id(), s.CaseInput(
        summary="真实案件", category="劳动社保", received_on=date(2026, 3, 2)),
        [s.PartyInput("张三", "信访人")])
    db.dispose()
    assert main(["--db", str(path), "demo", "--cases", "5"]) != 0
    assert _cases(path) == 1


def test_demo_goes_into_a_new_file_and_a_demo_file(tmp_path, capsys):
    path = tmp_path / "new.db"
    assert main(["--db", str(path), "demo", "--cases", "5"]) == 0
    assert _cases(path) == 5
    demo = tmp_path / "demo.db"
    assert main(["--db", str(demo), "demo", "--cases", "5"]) == 0
    assert main(["--db", str(demo), "demo", "--cases", "5", "--seed", "2"]) == 0  # more, same file
    assert _cases(demo) == 10


def test_check_asks_for_a_login(real, capsys, monkeypatch):
    assert main(["--db", str(real), "check"]) != 0
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("CASEAPP_PASSWORD", PASSWORD)
    assert main(["--db", str(real), "--user", "clerk", "check"]) == 0


def lock_out(path, name: str = "admin") -> None:
    db = open_database(path)
    try:
        for _ in range(accounts.MAX_FAILURES):
            with pytest.raises(PermissionDenied):
                accounts.authenticate(db, name, "wrong-password")
        with pytest.raises(PermissionDenied, match="分钟后再试"):
            accounts.authenticate(db, name, PASSWORD)
    finally:
        db.dispose()


def test_a_locked_admin_is_unlocked_by_the_files_owner(real, capsys):
    lock_out(real)
    assert main(["--db", str(real), "user", "unlock", "admin"]) == 0
    assert "已解除" in capsys.readouterr().out
    db = open_database(real)
    try:
        assert accounts.authenticate(db, "admin", PASSWORD)
        from caseapp.services import audit
        admin = accounts.authenticate(db, "admin", PASSWORD)
        notes = [e.note or "" for e in audit.list_events(db, admin)
                 if e.action == "user_unlocked"]
        assert notes and "命令行" in notes[0]
    finally:
        db.dispose()


def test_a_forgotten_admin_password_is_reset_by_the_files_owner(real, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("New-Passw0rd-2026\n"))
    assert main(["--db", str(real), "user", "unlock", "admin", "--reset-password"]) == 0
    db = open_database(real)
    try:
        assert accounts.authenticate(db, "admin", "New-Passw0rd-2026")
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, "admin", PASSWORD)
    finally:
        db.dispose()


def test_unlock_names_an_unknown_user(real, capsys):
    assert main(["--db", str(real), "user", "unlock", "nobody"]) != 0
    assert "不存在" in capsys.readouterr().err
