"""The command line acts as a named user: user add|list|passwd|disable, log, --user."""

import io
import json

import pytest

from caseapp.cli.main import main

ADMIN_PW, CLERK_PW = "Admin-pass-1", "Clerk-pass-1"


def run(capsys, monkeypatch, *args, stdin="", password=None):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    if password is None:
        monkeypatch.delenv("CASEAPP_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("CASEAPP_PASSWORD", password)
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(tmp_path, capsys, monkeypatch):
    dbfile = tmp_path / "office.db"
    # Without accounts the local admin acts: the first account must be an admin.
    code, _, err = run(capsys, monkeypatch, "--db", dbfile, "user", "add", "clerk1", "--role",
                       "clerk", stdin=CLERK_PW + "\n")
    assert code == 1 and "第一个账户必须是管理员" in err
    code, out, _ = run(capsys, monkeypatch, "--db", dbfile, "user", "add", "boss", "--role",
                       "admin", "--display", "周主任", stdin=ADMIN_PW + "\n")
    assert code == 0 and "已添加账户 boss（管理员）" in out
    code, out, err = run(capsys, monkeypatch, "--db", dbfile, "--user", "boss", "user", "add",
                         "clerk1", "--role", "clerk", "--display", "李娜",
                         stdin=f"{ADMIN_PW}\n{CLERK_PW}\n")
    assert code == 0, err
    return dbfile


def test_user_list_and_log_json(office, capsys, monkeypatch):
    code, out, _ = run(capsys, monkeypatch, "--db", office, "--user", "boss", "user", "list",
                       password=ADMIN_PW)
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines == [["boss", "周主任", "管理员", "正常"], ["clerk1", "李娜", "登记员", "正常"]]
    code, out, _ = run(capsys, monkeypatch, "--db", office, "--user", "boss", "log", "--json",
                       password=ADMIN_PW)
    assert code == 0
    entries = json.loads(out)
    actions = [e["action"] for e in entries]
    assert actions[:3] == ["login", "login", "user_added"] and "user_added" in actions
    assert entries[0]["user"] == "boss" and entries[0]["action_label"] == "登录"
    assert entries[0]["note"] == "命令行 log"


def test_commands_need_a_user_once_accounts_exist(office, capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "--db", office, "export", tmp_path / "x.csv")
    assert code == 2 and "--user" in err
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "export",
                       tmp_path / "x.csv", password="wrong-password")
    assert code == 1 and "用户名或密码不正确" in err and not (tmp_path / "x.csv").exists()
    code, out, _ = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "export",
                       tmp_path / "x.csv", password=CLERK_PW)
    assert code == 0 and (tmp_path / "x.csv").exists()
    # A clerk may not export in full, nor read the trail, nor add users.
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "export",
                       tmp_path / "y.csv", "--full-personal", password=CLERK_PW)
    assert code == 1 and "无权执行「导出或打印完整个人信息」" in err
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "log",
                       password=CLERK_PW)
    assert code == 1 and "无权执行「查看操作日志」" in err
    # stats reads figures only and needs no user.
    code, _, _ = run(capsys, monkeypatch, "--db", office, "stats", "--from", "2026-01-01",
                     "--to", "2026-03-31")
    assert code == 0
    code, out, _ = run(capsys, monkeypatch, "--db", office, "--user", "boss", "log",
                       "--user", "clerk1", "--json", password=ADMIN_PW)
    entries = json.loads(out)
    assert {e["user"] for e in entries} == {"clerk1"}
    # Newest first.
    assert [e["action"] for e in entries if e["action"] != "login"] == ["export", "login_failed"]


def test_passwd_and_disable(office, capsys, monkeypatch):
    # Own password: the login password is the old one; the new one from the next line.
    code, out, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "user",
                         "passwd", "clerk1", stdin=f"{CLERK_PW}\nNew-clerk-pass\n")
    assert code == 0, err
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "user", "list",
                       password="New-clerk-pass")
    assert code == 1 and "无权执行「管理用户」" in err  # logged in with the new password
    code, _, _ = run(capsys, monkeypatch, "--db", office, "--user", "boss", "user", "disable",
                     "clerk1", password=ADMIN_PW)
    assert code == 0
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "user", "list",
                       password="New-clerk-pass")
    assert code == 1 and "用户名或密码不正确" in err
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "boss", "user", "passwd",
                       "nobody", stdin="Whatever-123\n", password=ADMIN_PW)
    assert code == 1 and "不存在" in err


def test_short_password_refused(office, capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "boss", "user", "add",
                       "v1", "--role", "viewer", stdin="short\n", password=ADMIN_PW)
    assert code == 1 and "至少需要8个字符" in err


def test_backup_and_restore_are_for_administrators(office, capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "backup",
                       "--to", tmp_path / "bk", password=CLERK_PW)
    assert code == 1 and "无权执行" in err and not (tmp_path / "bk").exists()
    code, out, err = run(capsys, monkeypatch, "--db", office, "--user", "boss", "backup",
                         "--to", tmp_path / "bk", password=ADMIN_PW)
    assert code == 0, err
    made = next((tmp_path / "bk").rglob("*.db"))
    before = _content(office)
    code, _, err = run(capsys, monkeypatch, "--db", office, "--user", "clerk1", "restore", made,
                       password=CLERK_PW)
    assert code == 1 and "无权执行" in err
    # Nothing restored: every row as it was, but for the log of the clerk's sign-in (a command
    # now closes the file when it ends, so what it logged is in the file, not a -wal beside it).
    assert _content(office) == before


def _content(path) -> dict:
    import sqlite3

    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted(map(repr, conn.execute(
            f"SELECT * FROM {t}" + (" WHERE case_id IS NOT NULL" if t == "events" else ""))))
            for t in tables}
