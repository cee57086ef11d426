"""Small look-ups: the category and department lists with how often each entry is used, the
next sequence number of a year (the settings page) and the acting user's name (status bar).

Pure reads; every write goes through caseapp.services (docs/architecture.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from caseapp.storage.db import Database
from caseapp.storage.models import (
    Case,
    CaseDepartment,
    Category,
    Department,
    NumberSequence,
    User,
)


@dataclass(frozen=True)
class CategoryInfo:
    name: str
    active: bool
    used_count: int  # cases (not deleted) of that kind filed under the name


@dataclass(frozen=True)
class DepartmentInfo:
    name: str
    active: bool
    used_count: int  # cases the department took part in


def list_categories(db: Database, kind: str, include_retired: bool = True) -> list[CategoryInfo]:
    """The category list of one kind in its display order, with use counts."""
    used = (
        select(Case.category.label("name"), func.count(Case.id).label("n"))
        .where(Case.kind == kind, Case.deleted_at.is_(None))
        .group_by(Case.category)
        .subquery()
    )
    stmt = (
        select(Category.name, Category.active, func.coalesce(used.c.n, 0))
        .outerjoin(used, used.c.name == Category.name)
        .where(Category.kind == kind)
        .order_by(Category.sort_order, Category.id)
    )
    if not include_retired:
        stmt = stmt.where(Category.active.is_(True))
    with db.read() as session:
        return [CategoryInfo(name, bool(active), int(n)) for name, active, n in session.execute(stmt)]


def list_departments(db: Database, include_retired: bool = True) -> list[DepartmentInfo]:
    """参与部门 in the order they were added, with use counts."""
    used = (
        select(CaseDepartment.department_id.label("id"), func.count().label("n"))
        .group_by(CaseDepartment.department_id)
        .subquery()
    )
    stmt = (
        select(Department.name, Department.active, func.coalesce(used.c.n, 0))
        .outerjoin(used, used.c.id == Department.id)
        .order_by(Department.id)
    )
    if not include_retired:
        stmt = stmt.where(Department.active.is_(True))
    with db.read() as session:
        return [DepartmentInfo(name, bool(active), int(n)) for name, active, n in session.execute(stmt)]


def next_sequence(db: Database, kind: str, year: int) -> int:
    """The sequence number the next automatically numbered case of that year would get
    (a later number may be used if a hand-given number already took it)."""
    with db.read() as session:
        last = session.scalar(select(NumberSequence.last).where(
            NumberSequence.kind == kind, NumberSequence.year == year))
    return (last or 0) + 1


def user_display_name(db: Database, user_id: int) -> str | None:
    """The name the status bar shows for the acting user."""
    with db.read() as session:
        return session.scalar(select(User.display_name).where(User.id == user_id))
