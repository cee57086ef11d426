"""Offices (单位, issue #18): the list, adding, renaming and coding one, which office a user
belongs to or which offices a district user is given, and the scope a program session sees.

Managing offices is a district administrator's act (an admin without an office of their
own); each act is one transaction with its event. ``scope_of`` is what ``Database.scope``
is set to after a login (the GUI, the command line's ``--user`` and ``--office``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.errors import NotFound, PermissionDenied, Problem, ValidationError
from caseapp.services.events import add_event, now
from caseapp.services.guard import acting_user, require, visible_offices
from caseapp.storage.db import Database, Scope
from caseapp.storage.models import LOCAL_OFFICE, Office, User, UserOffice

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]{1,32}$")
DISTRICT_ONLY = "只有区级管理员（不属于某个单位的管理员）可以管理单位"


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    code: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.name}（{self.code}）" if self.code else self.name


def _info(o: Office) -> OfficeInfo:
    return OfficeInfo(id=o.id, code=o.code, name=o.name)


# ---------------------------------------------------------------------------
# Reading.


def list_offices(db: Database, actor: int | None = None) -> list[OfficeInfo]:
    """The offices, by id: those the program's scope and ``actor`` (when given) see."""
    with db.read() as session:
        offices = db.scope
        if actor is not None:
            seen = visible_offices(session, acting_user(session, actor))
            offices = seen if offices is None else (offices if seen is None else offices & seen)
        stmt = select(Office).order_by(Office.id)
        if offices is not None:
            stmt = stmt.where(Office.id.in_(sorted(offices)))
        return [_info(o) for o in session.scalars(stmt)]


def office_by_code(db: Database, code: str) -> OfficeInfo:
    with db.read() as session:
        office = session.scalar(select(Office).where(Office.code == (code or "").strip()))
        if office is None:
            raise NotFound(f"单位代码「{code}」不存在（caseapp office list 列出全部单位）")
        return _info(office)


def user_visible_offices(db: Database, user_id: int) -> Scope:
    """The offices the user sees (None: every office); see guard.visible_offices."""
    with db.read() as session:
        return visible_offices(session, acting_user(session, user_id))


def scope_of(db: Database, user_id: int, code: str | None = None) -> Scope:
    """What ``db.scope`` is for ``user_id``: the offices they see, or the one office of
    ``code`` when named (refused when they do not see it)."""
    offices = user_visible_offices(db, user_id)
    if not code:
        return offices
    office = office_by_code(db, code)
    if offices is not None and office.id not in offices:
        raise PermissionDenied(f"您无权查看单位「{code}」")
    return frozenset((office.id,))


def apply_scope(db: Database, user_id: int, code: str | None = None) -> Scope:
    """Set ``db.scope`` for the rest of this program's session (``scope_of``)."""
    db.scope = scope_of(db, user_id, code)
    return db.scope


# ---------------------------------------------------------------------------
# Acts.


def _district_admin(session: Session, actor: int) -> User:
    user = require(session, actor, wf.Act.USERS)
    if visible_offices(session, user) is not None:
        raise PermissionDenied(DISTRICT_ONLY)
    return user


def _office(session: Session, office_id: int) -> Office:
    office = session.get(Office, office_id)
    if office is None:
        raise NotFound("单位不存在")
    return office


def _check_code(session: Session, code: str, office_id: int | None = None) -> str:
    code = (code or "").strip()
    if not CODE_PATTERN.match(code):
        raise ValidationError(Problem("code", "单位代码须为1-32个字母、数字或 _ . -"))
    other = session.scalar(select(Office.id).where(Office.code == code))
    if other is not None and other != office_id:
        raise ValidationError(Problem("code", f"单位代码「{code}」已被使用"))
    return code


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 128:
        raise ValidationError(Problem("name", "单位名称必须填写，且不超过128字"))
    return name


def add_office(db: Database, actor: int, code: str, name: str) -> int:
    """A new office of the district; its id."""
    with db.write() as session:
        _district_admin(session, actor)
        # The id given: on PostgreSQL migration 0012 wrote office 1 past the id sequence.
        next_id = (session.scalar(select(func.max(Office.id))) or 0) + 1
        office = Office(id=next_id, code=_check_code(session, code), name=_check_name(name),
                        created_at=now())
        session.add(office)
        session.flush()
        add_event(session, None, actor, "office_added",
                  {"office_code": (None, office.code), "office_name": (None, office.name)},
                  note=f"{office.name}（{office.code}）", office_id=office.id)
        return office.id


def rename_office(db: Database, actor: int, office_id: int, name: str) -> None:
    with db.write() as session:
        _district_admin(session, actor)
        office = _office(session, office_id)
        name = _check_name(name)
        if name != office.name:
            add_event(session, None, actor, "office_renamed", {"office_name": (office.name, name)},
                      note=office.code or None, office_id=office.id)
            office.name = name


def set_office_code(db: Database, actor: int, office_id: int, code: str) -> None:
    """The code the district gives an office (its packages carry it)."""
    with db.write() as session:
        _district_admin(session, actor)
        office = _office(session, office_id)
        code = _check_code(session, code, office.id)
        if code != office.code:
            add_event(session, None, actor, "office_code_set", {"office_code": (office.code, code)},
                      note=office.name, office_id=office.id)
            office.code = code


def _user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == (name or "").strip()))
    if user is None:
        raise NotFound(f"用户「{name}」不存在")
    return user


def set_user_office(db: Database, actor: int, user_name: str, office_id: int | None) -> None:
    """The office ``user_name`` belongs to (sees and records in); None makes them a district
    user, who sees the offices ``give_offices`` gives (all, when an admin)."""
    with db.write() as session:
        _district_admin(session, actor)
        user = _user(session, user_name)
        if office_id is not None:
            _office(session, office_id)
        if user.id == actor and office_id is not None:
            raise ValidationError(Problem("office", "不能把自己的账户归入某个单位（会失去区级管理权限）"))
        if user.office_id != office_id:
            add_event(session, None, actor, "user_office_set",
                      {"office_id": (user.office_id, office_id)}, note=user.name,
                      office_id=office_id or LOCAL_OFFICE)
            user.office_id = office_id


def give_offices(db: Database, actor: int, user_name: str, office_ids: list[int]) -> None:
    """The offices a district user sees (replacing those given before; [] gives none: an
    admin then sees every office, anyone else none)."""
    wanted = sorted(set(office_ids))
    with db.write() as session:
        _district_admin(session, actor)
        user = _user(session, user_name)
        if user.office_id is not None:
            raise ValidationError(Problem("office", (
                f"{user.name} 属于一个单位，只能查看本单位；先取消其所属单位，再分配多个单位")))
        known = set(session.scalars(select(Office.id).where(Office.id.in_(wanted))))
        if len(known) != len(wanted):
            raise NotFound("单位不存在")
        rows = session.scalars(select(UserOffice).where(UserOffice.user_id == user.id)).all()
        before = sorted(r.office_id for r in rows)
        if before == wanted:
            return
        for row in rows:
            session.delete(row)
        session.flush()
        session.add_all(UserOffice(user_id=user.id, office_id=o) for o in wanted)
        changes: dict[str, tuple[Any, Any]] = {"offices": (before, wanted)}
        add_event(session, None, actor, "user_offices_given", changes, note=user.name)


def office_counts(db: Database) -> dict[int, int]:
    """Users per office (the district user's given offices counted too), for the list."""
    with db.read() as session:
        own: dict[int, int] = {}
        for office_id, n in session.execute(select(User.office_id, func.count(User.id))
                                            .where(User.office_id.is_not(None),
                                                   User.active.is_(True))
                                            .group_by(User.office_id)):
            if office_id is not None:
                own[office_id] = n
        for office_id, n in session.execute(select(UserOffice.office_id, func.count())
                                            .group_by(UserOffice.office_id)):
            own[office_id] = own.get(office_id, 0) + n
        return own
