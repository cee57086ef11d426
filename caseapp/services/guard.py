"""Who may: the acting user, the permission check of an act, and a mediator's own cases.

Every act calls ``require`` (or ``require_case``) first, inside its write transaction.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.errors import NotFound, PermissionDenied
from caseapp.storage.models import Case, User


def acting_user(session: Session, actor: int) -> User:
    """The acting user; PermissionDenied when unknown or disabled."""
    user = session.get(User, actor)
    if user is None or not user.active:
        raise PermissionDenied("当前用户不存在或已停用")
    return user


def require(session: Session, actor: int, act: wf.Act) -> User:
    """The acting user, if their role may do ``act``; PermissionDenied otherwise."""
    user = acting_user(session, actor)
    if not wf.role_may(user.role, act):
        raise PermissionDenied(
            f"{user.display_name}（{wf.ROLE_LABELS.get(user.role, user.role)}）"
            f"无权执行「{wf.ACT_LABELS[act]}」"
        )
    return user


def is_own_case(display_name: str, handler: str | None, mediators: str | None) -> bool:
    """A mediator's own case: they handle it or are named among its mediators."""
    name = (display_name or "").strip()
    if not name:
        return False
    if (handler or "").strip() == name:
        return True
    return name in {m.strip() for m in re.split(r"[、,，;；/\s]+", mediators or "") if m.strip()}


def require_case(session: Session, actor: int, act: wf.Act, case_id: int) -> Case:
    """``require``, then the live case; a mediator may act only on their own disputes."""
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
    """The case, unless it does not exist or was deleted."""
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound("案件不存在或已删除")
    return case
