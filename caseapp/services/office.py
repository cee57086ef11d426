"""The office's own settings and lists: names, number formats and limits, categories, 参与部门."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.errors import NotFound, Problem, ValidationError
from caseapp.services.calendar_acts import recompute_open
from caseapp.services.events import add_event
from caseapp.services.guard import require
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import Category, Department
from caseapp.storage.settings import (
    DEFAULT_COMMITTEE_NAME,
    DEFAULT_OFFICE_NAME,
    OfficeSettings,
    limits_to_json,
    load_settings,
    number_example,
    store_settings,
)
from caseapp.validation import check_phone, mask_phone

NAME_MAX = 64  # the width of the name, street and handler columns
LIST_MAX = 500  # entries in one pick list

# What the first-run setup asks, in its order, with the Chinese name a refusal gives it.
SETUP_LABELS = {
    "office_name": "单位名称",
    "committee_name": "人民调解委员会全称",
    "petition_organ": "信访事项处理机关",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "petition_number_format": "信访件编号格式",
    "dispute_number_format": "矛盾纠纷编号格式",
    "streets": "街镇",
    "handlers": "承办人",
}


@dataclass(frozen=True)
class OfficeSetup:
    """The office's names, contact, number formats and pick lists: what the first-run wizard
    asks (every field is also on a tab of 设置)."""

    office_name: str = ""
    committee_name: str = ""
    petition_organ: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    petition_number_format: str = OfficeSettings.petition_number_format
    dispute_number_format: str = OfficeSettings.dispute_number_format
    streets: tuple[str, ...] = ()
    handlers: tuple[str, ...] = ()

    @classmethod
    def of(cls, settings: OfficeSettings) -> OfficeSetup:
        """The setup as ``settings`` hold it, the shipped placeholder names left empty."""
        values = {name: getattr(settings, name) for name in SETUP_LABELS}
        if values["office_name"] == DEFAULT_OFFICE_NAME:
            values["office_name"] = ""
        if values["committee_name"] == DEFAULT_COMMITTEE_NAME:
            values["committee_name"] = ""
        return cls(**values)


def _clean_list(values, label: str, problems: list[Problem], field: str) -> tuple[str, ...]:
    """Entries stripped, blanks and repeats dropped (first kept); an entry too long refused."""
    out = tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))
    for entry in out:
        if len(entry) > NAME_MAX:
            problems.append(Problem(field, f"{label}「{entry[:12]}…」超过{NAME_MAX}字"))
    if len(out) > LIST_MAX:
        problems.append(Problem(field, f"{label}不能超过{LIST_MAX}项"))
    return out


def _office_text(values: dict, problems: list[Problem]) -> None:
    """Names and contact, in place: stripped, the phone normalised, each refusal named."""
    for name in ("office_name", "committee_name", "petition_organ", "contact_person"):
        values[name] = (values[name] or "").strip()
        limit = 32 if name == "contact_person" else NAME_MAX
        if len(values[name]) > limit:
            problems.append(Problem(name, f"{SETUP_LABELS[name]}不能超过{limit}字"))
    phone = (values["contact_phone"] or "").strip()
    if phone:
        try:
            phone = check_phone(phone)
        except ValueError as exc:
            problems.append(Problem("contact_phone", f"联系电话：{exc}"))
    values["contact_phone"] = phone


def check_office_setup(setup: OfficeSetup, year: int | None = None,
                       ) -> tuple[OfficeSetup, list[Problem]]:
    """The setup cleaned (stripped, phone normalised, lists without blanks or repeats) and
    what is wrong with it, each problem naming its field in Chinese. Pure: the wizard checks
    a page with it before going on; save_office_setup refuses with the same problems."""
    problems: list[Problem] = []
    values = {name: getattr(setup, name) for name in SETUP_LABELS}
    _office_text(values, problems)
    for name, default, sample in (("office_name", DEFAULT_OFFICE_NAME, "马鞍街道矛盾纠纷调解办"),
                                  ("committee_name", DEFAULT_COMMITTEE_NAME,
                                   "马鞍街道人民调解委员会")):
        label = SETUP_LABELS[name]
        if not values[name]:
            problems.append(Problem(name, f"{label}必须填写"))
        elif values[name] == default:
            problems.append(Problem(name, f"{label}不能只写「{default}」，如 {sample}"))
    for kind in ("petition", "dispute"):
        name = f"{kind}_number_format"
        values[name] = (values[name] or "").strip()
        _example, error = number_example(values[name], year or date.today().year)
        if error:
            problems.append(Problem(name, f"{SETUP_LABELS[name]}：{error}"))
    for name in ("streets", "handlers"):
        values[name] = _clean_list(values[name], SETUP_LABELS[name], problems, name)
    return OfficeSetup(**values), problems


def _shown(name: str, value):
    """A value as the event keeps it: lists as lists, the phone masked (rule: no phone in full
    outside its own field)."""
    if isinstance(value, tuple):
        return list(value)
    return mask_phone(value) if name == "contact_phone" else value


def save_office_setup(db: Database, actor: int, setup: OfficeSetup) -> OfficeSettings:
    """The first-run setup (or the same fields later): one act, one event 修改设置 with every
    changed field old → new. Refused whole, nothing saved, when any field is wrong."""
    clean, problems = check_office_setup(setup)
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = require(session, actor, wf.Act.SETTINGS)
        before = load_settings(session)
        after = replace(before, **{name: getattr(clean, name) for name in SETUP_LABELS})
        changes = {name: (_shown(name, getattr(before, name)), _shown(name, getattr(after, name)))
                   for name in SETUP_LABELS if getattr(before, name) != getattr(after, name)}
        store_settings(session, after)
        add_event(session, None, user.id, "settings_changed", changes, note="单位信息设置")
    db.invalidate_settings()
    return after


def active_categories(session: Session, kind: str) -> set[str]:
    """The names of the categories of ``kind`` a new or edited case may use."""
    return set(session.scalars(select(Category.name).where(Category.kind == kind,
                                                           Category.active.is_(True))))


# The early-warning thresholds (settings field, label, lowest, highest).
WARNING_BOUNDS = (("warning_window_days", "同村（社区）同类纠纷的天数", 1, 365),
                  ("warning_min_cluster", "相关未结案件的件数", 2, 100),
                  ("warning_min_people", "一件案件的涉及人数", 2, 10000))


def save_settings(db: Database, actor: int, settings: OfficeSettings) -> None:
    problems: list[Problem] = []
    values = {name: getattr(settings, name) for name in
              ("office_name", "committee_name", "petition_organ", "contact_person", "contact_phone")}
    _office_text(values, problems)
    settings = replace(settings, **values)
    for kind in ("petition", "dispute"):
        _example, error = number_example(settings.number_format(kind), 2026)
        if error:
            problems.append(Problem(f"{kind}_number_format", error))
    for f in fields(settings.limits):
        if f.name != "workdays" and getattr(settings.limits, f.name) < 1:
            problems.append(Problem("limits", "期限天数应为正整数"))
            break
    for name, label, low, high in WARNING_BOUNDS:
        if not low <= getattr(settings, name) <= high:
            problems.append(Problem(name, f"{label}应在{low}至{high}之间"))
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = require(session, actor, wf.Act.SETTINGS)
        old_limits = load_settings(session).limits
        store_settings(session, settings)
        changes: dict = {}
        note = None
        if settings.limits != old_limits:  # the open cases' deadlines follow, in this act
            count = recompute_open(session, settings.limits, load_calendar(session))
            changes = {"limits": (limits_to_json(old_limits), limits_to_json(settings.limits)),
                       "due_recomputed": (None, count)}
            note = f"办理期限已修改；重新计算 {count} 件未结案件的期限"
        add_event(session, None, user.id, "settings_changed", changes or None, note=note)
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
