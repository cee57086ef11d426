"""Accounts: users, passwords, logins and lock-out (docs/domain.md, 账户与权限).

Passwords are hashed with scrypt and a per-user random salt and stored as
``scrypt$n$r$p$salt$hash`` (base64); the password itself is never stored or logged. Five
failed logins in a row make the account wait five minutes. Every login, failed login,
logout and change of an account is an event (case_id null) with its user.

A database that never set up accounts has one passwordless local admin (db.LOCAL_USER), so a
single-clerk office and scripts keep working. Setting up the first admin account retires
that local user (it stays, inactive, as the author of what it did before).

Offices (issue #18): an account belongs to an office (office_id) or is a district account
(none; services.offices gives it offices). An office's admin manages only the accounts of
their office, and the accounts they add belong to it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from caseapp import workflow as wf
from caseapp.errors import NotFound, PermissionDenied, Problem, ValidationError
from caseapp.services.events import add_event
from caseapp.services.guard import require
from caseapp.storage.db import LOCAL_USER, Database
from caseapp.storage.models import Office, User

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
SALT_BYTES = 16
MIN_PASSWORD = 8
MAX_FAILURES = 5
LOCK_MINUTES = 5
BAD_LOGIN = "用户名或密码不正确"
LOCKED = f"连续{MAX_FAILURES}次密码错误，请{LOCK_MINUTES}分钟后再试"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{1,64}$")
ROLES = (wf.ADMIN, wf.CLERK, wf.MEDIATOR, wf.VIEWER)


def now() -> datetime:
    """The clock of logins and lock-outs (tests move it instead of sleeping)."""
    return datetime.now().replace(microsecond=0)


# ---------------------------------------------------------------------------
# Hashing.


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(SALT_BYTES)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R,
                            p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Constant-time check of ``password`` against a stored hash; False for anything odd."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        want = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(want))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, want)


_DUMMY_HASH = None


def _dummy_check(password: str) -> None:
    """Spend the time of a real check, so an unknown name is not told apart by timing."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not a password")
    verify_password(password, _DUMMY_HASH)


def check_password_rules(password: str, field: str = "password") -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(Problem(field, f"密码至少需要{MIN_PASSWORD}个字符"))
    if password != password.strip():
        raise ValidationError(Problem(field, "密码首尾不能是空格"))


# ---------------------------------------------------------------------------
# Reading.


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    display_name: str
    role: str
    role_label: str
    active: bool
    has_password: bool
    locked_until: datetime | None
    office_id: int | None = None  # None: a district account


def _info(u: User) -> UserInfo:
    return UserInfo(id=u.id, name=u.name, display_name=u.display_name, role=u.role,
                    role_label=wf.ROLE_LABELS.get(u.role, u.role), active=bool(u.active),
                    has_password=u.password_hash is not None, locked_until=u.locked_until,
                    office_id=u.office_id)


def accounts_enabled(db: Database) -> bool:
    """True once an account with a password exists: from then on everyone logs in."""
    with db.read() as session:
        return session.execute(select(func.count(User.id)).where(
            User.password_hash.is_not(None), User.active.is_(True))).scalar_one() > 0


def needs_admin_setup(db: Database) -> bool:
    """True while no account has a password: the first start asks for the admin account."""
    return not accounts_enabled(db)


def user_info(db: Database, user_id: int) -> UserInfo:
    with db.read() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound("用户不存在")
        return _info(user)


def list_users(db: Database, *, include_local: bool = False) -> list[UserInfo]:
    """The accounts; within an office's scope (db.scope), that office's accounts only."""
    stmt = select(User).order_by(User.active.desc(), User.id)
    if db.scope is not None:
        stmt = stmt.where(User.office_id.in_(sorted(db.scope)))
    with db.read() as session:
        users = session.scalars(stmt)
        return [_info(u) for u in users if include_local or u.name != LOCAL_USER or
                u.active]


def _by_name(session, name: str, manager: User | None = None) -> User:
    """The account ``name``; one of another office than ``manager``'s (an office's admin)
    is not found, as if it did not exist."""
    user = session.scalar(select(User).where(User.name == (name or "").strip()))
    if user is None or (manager is not None and manager.office_id is not None
                        and user.office_id != manager.office_id):
        raise NotFound(f"用户「{name}」不存在")
    return user


def _new_office(session, manager: User, office_id: int | None) -> int | None:
    """The office of an account ``manager`` adds: an office's admin adds to their own."""
    if manager.office_id is not None:
        if office_id not in (None, manager.office_id):
            raise PermissionDenied("只能在本单位添加用户")
        return manager.office_id
    if office_id is not None and session.get(Office, office_id) is None:
        raise NotFound("单位不存在")
    return office_id


# ---------------------------------------------------------------------------
# Changing accounts.


def _check_new_user(session, name: str, display_name: str, role: str, password: str) -> None:
    problems = []
    if not NAME_PATTERN.match(name):
        problems.append(Problem("name", "用户名须为1-64个字母、数字、汉字或 _ . -"))
    elif name == LOCAL_USER or session.scalar(select(User.id).where(User.name == name)):
        problems.append(Problem("name", f"用户名「{name}」已被使用"))
    if not display_name or len(display_name) > 64:
        problems.append(Problem("display_name", "姓名必须填写，且不超过64字"))
    if role not in ROLES:
        labels = "、".join(f"{r}（{wf.ROLE_LABELS[r]}）" for r in ROLES)
        problems.append(Problem("role", f"角色应为：{labels}"))
    try:
        check_password_rules(password)
    except ValidationError as exc:
        problems += exc.problems
    if problems:
        raise ValidationError(problems)


def setup_admin(db: Database, name: str, display_name: str, password: str) -> int:
    """The first admin account; retires the passwordless local user. Only while no account
    has a password (afterwards an admin adds users with add_user)."""
    name, display_name = (name or "").strip(), (display_name or "").strip()
    with db.write() as session:
        if session.scalar(select(func.count(User.id)).where(
                User.password_hash.is_not(None), User.active.is_(True))):
            raise PermissionDenied("已经设置过管理员账户，请由管理员添加用户")
        _check_new_user(session, name, display_name, wf.ADMIN, password)
        user = User(name=name, display_name=display_name, role=wf.ADMIN, active=True,
                    created_at=now(), password_hash=hash_password(password), failed_logins=0)
        session.add(user)
        session.flush()
        local = session.scalar(select(User).where(User.name == LOCAL_USER))
        if local is not None:
            local.active = False
        add_event(session, None, user.id, "user_added",
                  note=f"首个管理员账户 {name}（{display_name}）；本机用户停用", at=now())
        return user.id


def add_user(db: Database, actor: int, name: str, display_name: str, role: str,
             password: str, office_id: int | None = None) -> int:
    """An admin adds an account (of ``office_id``; None: the admin's own office, or a
    district account when the admin has none). Without accounts yet, the first one must be
    an admin and sets accounts up (setup_admin)."""
    name, display_name = (name or "").strip(), (display_name or "").strip() or (name or "").strip()
    if needs_admin_setup(db):
        with db.read() as session:
            require(session, actor, wf.Act.USERS)
        if role != wf.ADMIN:
            raise ValidationError(Problem("role", "第一个账户必须是管理员（admin）"))
        return setup_admin(db, name, display_name, password)
    with db.write() as session:
        manager = require(session, actor, wf.Act.USERS)
        _check_new_user(session, name, display_name, role, password)
        user = User(name=name, display_name=display_name, role=role, active=True,
                    created_at=now(), password_hash=hash_password(password), failed_logins=0,
                    office_id=_new_office(session, manager, office_id))
        session.add(user)
        session.flush()
        add_event(session, None, actor, "user_added",
                  note=f"{name}（{display_name}），{wf.ROLE_LABELS[role]}", at=now())
        return user.id


def set_password(db: Database, actor: int, name: str, new: str, old: str | None = None) -> None:
    """Change one's own password (the old one is asked), or an admin resets another's."""
    check_password_rules(new, "new")
    with db.write() as session:
        user = _by_name(session, name)
        if user.id == actor:
            me = session.get(User, actor)
            if me is None or not me.active:
                raise PermissionDenied("当前用户不存在或已停用")
            if user.password_hash is not None and not verify_password(old or "", user.password_hash):
                raise ValidationError(Problem("old", "原密码不正确"))
        else:
            user = _by_name(session, name, require(session, actor, wf.Act.USERS))
        user.password_hash = hash_password(new)
        user.failed_logins = 0
        user.locked_until = None
        add_event(session, None, actor, "password_changed", note=user.name, at=now())


def disable_user(db: Database, actor: int, name: str) -> None:
    with db.write() as session:
        user = _by_name(session, name, require(session, actor, wf.Act.USERS))
        if user.id == actor:
            raise ValidationError(Problem("name", "不能停用自己的账户"))
        if not user.active:
            return
        if user.role == wf.ADMIN and session.scalar(select(func.count(User.id)).where(
                User.role == wf.ADMIN, User.active.is_(True), User.password_hash.is_not(None),
                User.id != user.id)) == 0:
            raise ValidationError(Problem("name", "这是最后一个管理员账户，不能停用"))
        user.active = False
        add_event(session, None, actor, "user_disabled", note=user.name, at=now())


def recover_account(db: Database, name: str, new_password: str | None = None,
                    via: str = "") -> None:
    """The way back in (issue #16): end an account's wait after wrong passwords and, when
    given, set a new password. Asks no log-in on purpose: it is for the operating-system user
    who owns the database file (``caseapp user unlock``), who could change the file anyway;
    docs/security.md says so. The event names how it was done."""
    if new_password is not None:
        check_password_rules(new_password, "new")
    with db.write() as session:
        user = _by_name(session, name)
        if user.name == LOCAL_USER or user.password_hash is None and new_password is None:
            raise ValidationError(Problem("name", f"「{name}」不是设有密码的登录账户"))
        user.failed_logins = 0
        user.locked_until = None
        if new_password is not None:
            user.password_hash = hash_password(new_password)
        what = "解除等待并重设密码" if new_password is not None else "解除等待"
        add_event(session, None, user.id, "user_unlocked",
                  note=f"{user.name}：{what}" + (f"（{via}）" if via else ""), at=now())


# ---------------------------------------------------------------------------
# Logging in and out.


def authenticate(db: Database, name: str, password: str, *, via: str = "") -> int:
    """The id of the user whose name and password these are; PermissionDenied otherwise.

    An unknown name and a wrong password get the same message. After MAX_FAILURES failures
    in a row the account waits LOCK_MINUTES minutes. Each attempt is an event; a failure is
    committed before the refusal is raised.
    """
    name = (name or "").strip()[:64]
    moment = now()
    suffix = f"（{via}）" if via else ""
    refusal: str | None = None
    with db.write() as session:
        user = session.scalar(select(User).where(User.name == name)) if name else None
        if user is None or not user.active or user.password_hash is None:
            _dummy_check(password or "")
            # The event needs a user: an unknown name is booked on the retired local user.
            # What was typed is not kept: it is often the password typed in the wrong box.
            who = user or session.scalar(select(User).where(User.name == LOCAL_USER))
            what = "账户已停用或未设密码" if user is not None else "用户名不存在"
            if who is not None:
                add_event(session, None, who.id, "login_failed", note=f"{what}{suffix}",
                          at=moment)
            refusal = BAD_LOGIN
        elif user.locked_until is not None and user.locked_until > moment:
            add_event(session, None, user.id, "login_failed", note=f"账户等待中{suffix}",
                      at=moment)
            refusal = LOCKED
        elif not verify_password(password or "", user.password_hash):
            user.failed_logins = (user.failed_logins or 0) + 1
            note = f"密码错误（连续第{user.failed_logins}次）{suffix}"
            refusal = BAD_LOGIN
            if user.failed_logins >= MAX_FAILURES:
                user.locked_until = moment + timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
                note += f"，账户等待{LOCK_MINUTES}分钟"
                refusal = LOCKED
            add_event(session, None, user.id, "login_failed", note=note, at=moment)
        else:
            user.failed_logins = 0
            user.locked_until = None
            add_event(session, None, user.id, "login", note=via or None, at=moment)
            return user.id
    raise PermissionDenied(refusal)


def logout(db: Database, actor: int, note: str | None = None) -> None:
    with db.write() as session:
        add_event(session, None, actor, "logout", note=note, at=now())


def lock_event(db: Database, actor: int) -> None:
    """The screen locked after the idle time (unlocking is a login)."""
    with db.write() as session:
        add_event(session, None, actor, "locked", at=now())
