"""The office's own settings and lists: number formats and limits, categories, 参与部门."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.errors import NotFound, Problem, ValidationError
from caseapp.services.events import add_event
from caseapp.services.guard import require
from caseapp.storage.db import Database
from caseapp.storage.models import Category, Department
from caseapp.storage.settings import OfficeSettings, format_number, store_settings


def active_categories(session: Session, kind: str) -> set[str]:
    """The names of the categories of ``kind`` a new or edited case may use."""
    return set(session.scalars(select(Category.name).where(Category.kind == kind,
                                                           Category.active.is_(True))))


def save_settings(db: Database, actor: int, settings: OfficeSettings) -> None:
    problems = []
    for kind in ("petition", "dispute"):
        template = settings.number_format(kind)
        try:
            a, b = format_number(template, 2026, 1), format_number(template, 2026, 2)
        except (KeyError, ValueError, IndexError, TypeError, AttributeError):
            a = b = ""
        if not a or a == b:
            problems.append(Problem(f"{kind}_number_format", "编号格式须含 {seq}，例如 （{year}）调字第{seq:04d}号"))
    for f in fields(settings.limits):
        if getattr(settings.limits, f.name) < 1:
            problems.append(Problem("limits", "期限天数应为正整数"))
            break
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = require(session, actor, wf.Act.SETTINGS)
        store_settings(session, settings)
        add_event(session, None, user.id, "settings_changed")
    db.invalidate_settings()


def _list_entry_name(name: str, what: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(Problem("name", f"{what}名称必须填写"))
    if len(name) > 64:
        raise ValidationError(Problem("name", f"{what}名称不能超过64字"))
    return name


def set_category_active(db: Database, actor: int, kind: str, name: str, active: bool) -> None:
    """Add a category, or retire/restore one; a used category is never deleted."""
    name = _list_entry_name(name, "类别")
    with db.write() as session:
        require(session, actor, wf.Act.SETTINGS)
        row = session.scalar(select(Category).where(Category.kind == kind, Category.name == name))
        if row is None:
            if not active:
                raise NotFound(f"类别「{name}」不存在")
            order = session.execute(select(func.coalesce(func.max(Category.sort_order), 0))
                                    .where(Category.kind == kind)).scalar_one() + 1
            session.add(Category(kind=kind, name=name, active=True, sort_order=order))
        else:
            row.active = active
        add_event(session, None, actor, "settings_changed",
                  note=f"类别「{name}」{'启用' if active else '停用'}")


def set_department_active(db: Database, actor: int, name: str, active: bool) -> None:
    """Add a 参与部门, or retire/restore one; a department once used is never deleted."""
    name = _list_entry_name(name, "部门")
    with db.write() as session:
        require(session, actor, wf.Act.SETTINGS)
        row = session.scalar(select(Department).where(Department.name == name))
        if row is None:
            if not active:
                raise NotFound(f"部门「{name}」不存在")
            session.add(Department(name=name, active=True))
        else:
            row.active = active
        add_event(session, None, actor, "settings_changed",
                  note=f"参与部门「{name}」{'启用' if active else '停用'}")
