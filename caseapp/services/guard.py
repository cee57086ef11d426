"""Who may: the acting user, the permission check of an act, a mediator's own cases, and the
offices a user sees (issue #18).

Every act calls ``require`` (or ``require_case``) first, inside its write transaction. It also
narrows the act's session to the acting user's offices (storage.db.SCOPE_INFO), so an act
neither reads nor changes another office's rows; a case of another office is refused as one
that does not exist (its existence is not revealed).
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.errors import NotFound, PermissionDenied, Problem, ValidationError
from caseapp.storage.db import SCOPE_INFO, Scope
from caseapp.storage.models import Case, Office, User, UserOffice

NO_OFFICE = "您的账户尚未分配单位，请管理员在「单位」中为您分配"
DISTRICT_SETTINGS = ("各单位共用一套设置（单位信息、办理期限、节假日、文书模板等），"
                     "只能由能查看全部单位的区级管理员修改")
PICK_OFFICE = ("您可以查看多个单位，请先选择本次登记到哪个单位"
               "（命令行：caseapp --office 单位代码 …）")


def acting_user(session: Session, actor: int) -> User:
    """The acting user; PermissionDenied when unknown or disabled."""
    user = session.get(User, actor)
    if user is None or not user.active:
        raise PermissionDenied("当前用户不存在或已停用")
    return user


def visible_offices(session: Session, user: User) -> Scope:
    """The offices ``user`` sees; None: every office. In a database of one office (a single
    office's file: as before offices existed) everyone sees it. Else an office's user sees
    their office; a district user (no office) the offices they are given, or every office
    when an admin; a district user given none sees none."""
    if (session.scalar(select(func.count(Office.id))) or 0) <= 1:
        return None
    if user.office_id is not None:
        return frozenset((user.office_id,))
    given = frozenset(session.scalars(select(UserOffice.office_id)
                                      .where(UserOffice.user_id == user.id)))
    if given:
        return given
    return None if user.role == wf.ADMIN else frozenset()


def require(session: Session, actor: int, act: wf.Act) -> User:
    """The acting user, if their role may do ``act``; PermissionDenied otherwise. The session
    sees only the user's offices from here on."""
    user = acting_user(session, actor)
    if not wf.role_may(user.role, act):
        raise PermissionDenied(
            f"{user.display_name}（{wf.ROLE_LABELS.get(user.role, user.role)}）"
            f"无权执行「{wf.ACT_LABELS[act]}」"
        )
    offices = visible_offices(session, user)
    if offices is not None:
        if act is wf.Act.SETTINGS:  # one set of settings for every office of the database
            raise PermissionDenied(DISTRICT_SETTINGS)
        session.info[SCOPE_INFO] = offices
    return user


def in_scope(session: Session, office_id: int) -> bool:
    """The acting user of this session (``require``) sees ``office_id``."""
    offices = session.info.get(SCOPE_INFO)
    return offices is None or office_id in offices


def narrow_to(session: Session, office_id: int) -> None:
    """The rest of this act's session sees only ``office_id`` (the office it writes to)."""
    session.info[SCOPE_INFO] = frozenset((office_id,))


def acting_office(session: Session, user: User, office_id: int | None = None,
                  scope: Scope = None) -> int:
    """The office a new case or work-log entry of ``user`` belongs to: ``office_id`` when
    named (one the user sees), else the user's office, else the one office the user sees
    within ``scope`` (the program's: a picked office, ``--office``); several: refused."""
    offices = visible_offices(session, user)
    if office_id is not None:
        if (offices is not None and office_id not in offices) or session.get(
                Office, office_id) is None:
            raise NotFound("单位不存在，或您无权在该单位登记")
        return office_id
    if user.office_id is not None:
        return user.office_id
    candidates = set(session.scalars(select(Office.id))) if offices is None else set(offices)
    if scope is not None:
        candidates &= scope
    if len(candidates) == 1:
        return candidates.pop()
    raise ValidationError(Problem("office", NO_OFFICE if not candidates else PICK_OFFICE))


def is_own_case(display_name: str, handler: str | None, mediators: str | None) -> bool:
    """A mediator's own case: they handle it or are named among its mediators."""
    name = (display_name or "").strip()
    if not name:
        return False
    if (handler or "").strip() == name:
        return True
    return name in {m.strip() for m in re.split(r"[、,，;；/\s]+", mediators or "") if m.strip()}


def require_case(session: Session, actor: int, act: wf.Act, case_id: int) -> Case:
    """``require``, then the live case of an office the user sees; a mediator may act only
    on their own disputes."""
    user = require(session, actor, act)
    case = live_case(session, case_id)
    if user.role == wf.MEDIATOR and not is_own_case(user.display_name, case.handler,
                                                    case.mediators):
        raise PermissionDenied(
            f"{case.number} 不是{user.display_name}承办或参与调解的案件，调解员无权"
            f"「{wf.ACT_LABELS[act]}」"
        )
    return case


def live_case(session: Session, case_id: int) -> Case:
    """The case, unless it does not exist, was deleted or is of an office the acting user
    does not see (told apart from neither)."""
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None or not in_scope(session, case.office_id):
        raise NotFound("案件不存在或已删除")
    return case
