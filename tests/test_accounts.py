"""Accounts: hashing, the first admin, logins, lock-out after five failures, events."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.services import accounts
from caseapp.storage.db import LOCAL_USER
from caseapp.storage.models import Event, User

PASSWORD = "Qiuju#2026spring"


class Clock:
    def __init__(self, start=datetime(2026, 3, 20, 9, 0, 0)):
        self.now = start

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(accounts, "now", c)
    return c


@pytest.fixture
def admin(db):
    return accounts.setup_admin(db, "zhouzq", "周志强", PASSWORD)


def login_events(db):
    with db.read() as s:
        return [(e.action, e.user_id, e.note) for e in s.scalars(
            select(Event).where(Event.action.in_(("login", "login_failed"))).order_by(Event.id))]


def test_hash_has_salt_and_verifies():
    a, b = accounts.hash_password(PASSWORD), accounts.hash_password(PASSWORD)
    assert a != b and a.startswith("scrypt$16384$8$1$") and PASSWORD not in a
    assert accounts.verify_password(PASSWORD, a) and accounts.verify_password(PASSWORD, b)
    assert not accounts.verify_password(PASSWORD + "x", a)
    assert not accounts.verify_password(PASSWORD, None)
    assert not accounts.verify_password(PASSWORD, "md5$abc")


def test_without_accounts_the_local_admin_acts(db, actor):
    assert accounts.needs_admin_setup(db) and not accounts.accounts_enabled(db)
    info = accounts.user_info(db, actor)
    assert info.name == LOCAL_USER and info.role == wf.ADMIN and not info.has_password


def test_first_admin_retires_the_local_user(db, actor, admin):
    assert accounts.accounts_enabled(db) and not accounts.needs_admin_setup(db)
    assert not accounts.user_info(db, actor).active
    assert accounts.user_info(db, admin).role == wf.ADMIN
    with pytest.raises(PermissionDenied):
        accounts.setup_admin(db, "second", "二号", PASSWORD)
    # The local user, now inactive, may not act any more.
    from caseapp import services
    with pytest.raises(PermissionDenied):
        services.save_settings(db, actor, db.settings())


def test_first_account_must_be_an_admin(db, actor):
    with pytest.raises(ValidationError, match="管理员"):
        accounts.add_user(db, actor, "li", "李娜", wf.CLERK, PASSWORD)
    assert accounts.needs_admin_setup(db)
    uid = accounts.add_user(db, actor, "boss", "王主任", wf.ADMIN, PASSWORD)
    assert accounts.accounts_enabled(db) and accounts.user_info(db, uid).role == wf.ADMIN


def test_add_user_checks_input(db, admin):
    with pytest.raises(ValidationError) as err:
        accounts.add_user(db, admin, "zhouzq", "", "boss", "short")
    fields = {p.field for p in err.value.problems}
    assert fields == {"name", "role", "password"}  # a blank display name is the user name
    uid = accounts.add_user(db, admin, "lina", "李娜", wf.CLERK, PASSWORD)
    assert [u.name for u in accounts.list_users(db)] == ["zhouzq", "lina"]
    with pytest.raises(PermissionDenied, match="李娜（登记员）无权执行「管理用户」"):
        accounts.add_user(db, uid, "x2", "某某", wf.VIEWER, PASSWORD)


@pytest.mark.sqlite_only("reads the SQLite file's bytes")
def test_database_file_holds_no_clear_password(db, admin, tmp_path):
    accounts.add_user(db, admin, "lina", "李娜", wf.CLERK, "LinaSecret-77")
    accounts.set_password(db, admin, "lina", "LinaSecret-88")
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, "lina", "LinaSecret-99")
    accounts.authenticate(db, "lina", "LinaSecret-88")
    db.dispose()  # checkpoint the WAL into the file
    data = b"".join(p.read_bytes() for p in tmp_path.glob("cases.db*"))
    for secret in (PASSWORD, "LinaSecret-77", "LinaSecret-88", "LinaSecret-99"):
        assert secret.encode() not in data and secret.encode("utf-16-le") not in data
    assert b"scrypt$16384$8$1$" in data


def test_login_success_and_failure_are_events(db, admin, clock):
    assert accounts.authenticate(db, "zhouzq", PASSWORD, via="测试") == admin
    with pytest.raises(PermissionDenied) as wrong:
        accounts.authenticate(db, "zhouzq", "nope-nope")
    with pytest.raises(PermissionDenied) as unknown:
        accounts.authenticate(db, "nobody", "nope-nope")
    # The same message for an unknown name and a wrong password.
    assert str(wrong.value) == str(unknown.value) == "用户名或密码不正确"
    events = login_events(db)
    assert [e[0] for e in events] == ["login", "login_failed", "login_failed"]
    assert events[0][1] == admin and events[1][1] == admin
    # What was typed as an unknown name is not kept (issue #16: often a password).
    assert "nobody" not in events[2][2] and "用户名不存在" in events[2][2]


def test_five_failures_make_the_account_wait(db, admin, clock):
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="用户名或密码不正确"):
            accounts.authenticate(db, "zhouzq", "wrong-pass")
    with pytest.raises(PermissionDenied, match="连续5次密码错误，请5分钟后再试"):
        accounts.authenticate(db, "zhouzq", "wrong-pass")
    # Even the right password waits.
    clock.now += timedelta(minutes=4, seconds=59)
    with pytest.raises(PermissionDenied, match="5分钟后再试"):
        accounts.authenticate(db, "zhouzq", PASSWORD)
    clock.now += timedelta(seconds=2)
    assert accounts.authenticate(db, "zhouzq", PASSWORD) == admin
    with db.read() as s:
        user = s.get(User, admin)
        assert user.failed_logins == 0 and user.locked_until is None
    actions = [e[0] for e in login_events(db)]
    assert actions == ["login_failed"] * 6 + ["login"]


def test_a_success_resets_the_count(db, admin, clock):
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            accounts.authenticate(db, "zhouzq", "wrong-pass")
    accounts.authenticate(db, "zhouzq", PASSWORD)
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="用户名或密码不正确"):
            accounts.authenticate(db, "zhouzq", "wrong-pass")


def test_change_password_own_needs_old(db, admin, clock):
    clerk = accounts.add_user(db, admin, "lina", "李娜", wf.CLERK, PASSWORD)
    with pytest.raises(ValidationError, match="原密码不正确"):
        accounts.set_password(db, clerk, "lina", "NewPass-2026", old="bad-old")
    accounts.set_password(db, clerk, "lina", "NewPass-2026", old=PASSWORD)
    assert accounts.authenticate(db, "lina", "NewPass-2026") == clerk
    with pytest.raises(PermissionDenied):  # a clerk may not reset another's password
        accounts.set_password(db, clerk, "zhouzq", "Hijack-2026")
    accounts.set_password(db, admin, "lina", "Reset-2026!")  # an admin may
    assert accounts.authenticate(db, "lina", "Reset-2026!") == clerk


def test_disable_user(db, admin):
    clerk = accounts.add_user(db, admin, "lina", "李娜", wf.CLERK, PASSWORD)
    with pytest.raises(ValidationError, match="自己"):
        accounts.disable_user(db, admin, "zhouzq")
    accounts.disable_user(db, admin, "lina")
    with pytest.raises(PermissionDenied, match="用户名或密码不正确"):
        accounts.authenticate(db, "lina", PASSWORD)
    from caseapp import services
    with pytest.raises(PermissionDenied, match="停用"):
        services.save_settings(db, clerk, db.settings())
