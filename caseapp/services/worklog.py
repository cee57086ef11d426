"""The work log's acts (docs/domain.md §9): add, edit, delete an entry, 零上报, link a dispute,
import rows all or nothing. Each is one transaction with its event (case_id empty)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import NotFound, PermissionDenied, Problem, ValidationError
from caseapp.queries.worklog import area_text
from caseapp.services.events import add_event, now
from caseapp.services.guard import acting_office, in_scope, live_case, require
from caseapp.storage.db import Database
from caseapp.storage.models import User, WorkLogCase, WorkLogEntry

# The import file's headers (docs/domain.md §9) -> the entry's field.
WORKLOG_HEADERS = {"日期": "day", "类型": "type", "范围": "area", "参加人员": "participants",
                  "发现纠纷数": "found", "说明": "note"}
WORKLOG_REQUIRED = ("日期", "类型", "范围")
LABELS = {"day": "日期", "type": "类型", "area": "范围", "street": "范围", "community": "范围",
          "participants": "参加人员", "found": "发现纠纷数", "note": "说明"}
MAX_LEN = {"street": 64, "community": 64, "participants": 255, "note": 2000}
MAX_FOUND = 10_000
MAX_PROBLEMS = 1000


@dataclass(frozen=True)
class WorkLogInput:
    """An entry as typed or read from a file; checked by ``check_entry``."""

    day: object
    type: str
    street: str | None = None  # None or "" = 全区
    community: str | None = None
    participants: str | None = None
    found: object = 0
    note: str | None = None


def _text(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def split_area(value: object) -> tuple[str | None, str | None]:
    """范围 as written in a file: 全区 (or blank), 街镇, or 街镇/村社区."""
    text = _text(value) or wf.WHOLE_DISTRICT
    if text == wf.WHOLE_DISTRICT:
        return None, None
    street, _sep, community = text.replace("／", "/").partition("/")
    return street.strip() or None, community.strip() or None


def check_worklog(inp: WorkLogInput, today: date, row: int | None = None,
                ) -> tuple[dict[str, Any], list[Problem]]:
    """The entry's column values, or every problem of it (named by field, and row in a file)."""
    problems: list[Problem] = []

    def bad(name: str, message: str) -> None:
        problems.append(Problem(LABELS[name] if row is not None else name, message, row))

    values: dict[str, Any] = {}
    try:
        day = v.parse_date(inp.day)
    except ValueError as exc:
        bad("day", str(exc))
    else:
        if day is None:
            bad("day", "必须填写")
        elif day > today:
            bad("day", "不能晚于今天")
        values["day"] = day
    kind = _text(inp.type) or ""
    if kind not in wf.WORKLOG_TYPES:
        bad("type", f"「{kind}」不是排查类型，应为：{'、'.join(wf.WORKLOG_TYPES)}" if kind
            else "必须填写")
    values["type"] = kind
    found: int | None = None
    raw = inp.found
    if raw is None or str(raw).strip() == "":
        found = 0
    else:
        try:
            number = float(str(raw).strip())
            if number != int(number) or not 0 <= number <= MAX_FOUND:
                raise ValueError
            found = int(number)
        except ValueError:
            bad("found", f"「{raw}」应为0到{MAX_FOUND}的整数")
    values["found"] = found
    if inp.community and not _text(inp.street):
        bad("street", "填写村/社区时须同时填写街镇")
    for name in ("street", "community", "participants", "note"):
        text = _text(getattr(inp, name))
        if text is not None:
            if len(text) > MAX_LEN[name]:
                bad(name, f"不能超过{MAX_LEN[name]}字")
            elif (message := v.text_problem(text, multiline=name == "note")) is not None:
                bad(name, message)
        values[name] = text
    return values, problems


def _entry(session: Session, entry_id: int) -> WorkLogEntry:
    entry = session.get(WorkLogEntry, entry_id)
    if entry is None or entry.deleted_at is not None or not in_scope(session, entry.office_id):
        raise NotFound("台账记录不存在或已删除")
    return entry


def _own(user: User, entry: WorkLogEntry) -> None:
    """A mediator changes only the entries they recorded."""
    if user.role == wf.MEDIATOR and entry.created_by != user.id:
        raise PermissionDenied(f"这条台账记录不是{user.display_name}录入的，调解员只能修改自己的记录")


def _describe(entry: WorkLogEntry) -> str:
    zero = "（零上报）" if entry.zero_report else ""
    return f"台账#{entry.id} {entry.day.isoformat()} {entry.type}{zero} {area_text(entry.street, entry.community)}"


def add_worklog(db: Database, actor: int, inp: WorkLogInput, case_ids: Iterable[int] = (),
                office_id: int | None = None) -> int:
    """A new entry of the acting user's office (or ``office_id``; guard.acting_office) and
    the disputes registered from it; its id."""
    values, problems = check_worklog(inp, date.today())
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = require(session, actor, wf.Act.WORKLOG)
        office = acting_office(session, user, office_id, db.scope)
        entry = WorkLogEntry(**values, office_id=office, zero_report=False, created_by=user.id,
                             created_at=now())
        session.add(entry)
        session.flush()
        changes = {k: (None, val) for k, val in values.items() if val not in (None, "")}
        add_event(session, None, user.id, "worklog_added", {"entry_id": (None, entry.id), **changes},
                  note=_describe(entry), office_id=office)
        for case_id in case_ids:
            _link(session, user, entry, case_id)
        return entry.id


def edit_worklog(db: Database, actor: int, entry_id: int, inp: WorkLogInput) -> int:
    """Change an entry; the event keeps old → new. A 零上报 entry cannot gain disputes."""
    values, problems = check_worklog(inp, date.today())
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = require(session, actor, wf.Act.WORKLOG)
        entry = _entry(session, entry_id)
        _own(user, entry)
        if entry.zero_report and values["found"]:
            raise ValidationError(Problem("found", "零上报的记录发现纠纷数只能为0，请删除后另行录入"))
        changes: dict[str, tuple[Any, Any]] = {}
        for name, new in values.items():
            old = getattr(entry, name)
            if old != new:
                changes[name] = (old, new)
                setattr(entry, name, new)
        if changes:
            add_event(session, None, user.id, "worklog_edited",
                      {"entry_id": (entry.id, entry.id), **changes}, note=_describe(entry),
                      office_id=entry.office_id)
        return entry.id


def delete_worklog(db: Database, actor: int, entry_id: int, reason: str) -> None:
    """Hide an entry from the log and the figures; the event stays."""
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "删除台账记录必须写明理由"))
    with db.write() as session:
        user = require(session, actor, wf.Act.WORKLOG)
        entry = _entry(session, entry_id)
        _own(user, entry)
        entry.deleted_at = now()
        add_event(session, None, user.id, "worklog_deleted", {"entry_id": (entry.id, None)},
                  note=f"{_describe(entry)}；理由：{reason.strip()}", office_id=entry.office_id)


def zero_report(db: Database, actor: int, street: str | None, community: str | None,
                year: int, month: int, office_id: int | None = None) -> int:
    """零上报: the area found no dispute in the month; dated the month's last day (today while
    the month runs). Refused when the area already reported disputes or a 零上报 that month."""
    today = date.today()
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    if first > today:
        raise ValidationError(Problem("month", "不能为尚未开始的月份零上报"))
    values, problems = check_worklog(WorkLogInput(min(last, today), wf.SCREENING_TYPES[0], street,
                                                community, None, 0, "零上报"), today)
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = require(session, actor, wf.Act.WORKLOG)
        office = acting_office(session, user, office_id, db.scope)
        same = [WorkLogEntry.office_id == office, WorkLogEntry.deleted_at.is_(None),
                WorkLogEntry.day.between(first, last),
                WorkLogEntry.street.is_(values["street"]) if values["street"] is None
                else WorkLogEntry.street == values["street"],
                WorkLogEntry.community.is_(values["community"]) if values["community"] is None
                else WorkLogEntry.community == values["community"]]
        area = area_text(values["street"], values["community"])
        if session.scalar(select(func.count()).select_from(WorkLogEntry)
                          .where(*same, WorkLogEntry.zero_report.is_(True))):
            raise ValidationError(Problem("month", f"{area}{year}年{month}月已经零上报"))
        if session.scalar(select(func.coalesce(func.sum(WorkLogEntry.found), 0)).where(*same)):
            raise ValidationError(Problem("month", f"{area}{year}年{month}月已有发现纠纷的排查记录，不能零上报"))
        entry = WorkLogEntry(**values, office_id=office, zero_report=True, created_by=user.id,
                             created_at=now())
        session.add(entry)
        session.flush()
        add_event(session, None, user.id, "worklog_zero_report",
                  {"entry_id": (None, entry.id), "zero_report": (None, f"{year}年{month}月")},
                  note=_describe(entry), office_id=office)
        return entry.id


def _link(session: Session, user: User, entry: WorkLogEntry, case_id: int) -> None:
    case = live_case(session, case_id)
    if case.office_id != entry.office_id:  # told apart from a missing case by nothing
        raise NotFound("案件不存在或已删除")
    if case.kind != wf.Kind.DISPUTE.value:
        raise ValidationError(Problem("case", f"{case.number} 不是矛盾纠纷，不能关联到排查记录"))
    if entry.zero_report:
        raise ValidationError(Problem("case", "零上报的记录不能关联纠纷"))
    if session.get(WorkLogCase, (entry.id, case.id)) is not None:
        return
    session.add(WorkLogCase(entry_id=entry.id, case_id=case.id))
    add_event(session, case.id, user.id, "worklog_linked", {"entry_id": (None, entry.id)},
              note=f"排查发现：{_describe(entry)}")


def link_worklog_case(db: Database, actor: int, entry_id: int, case_id: int) -> None:
    """A dispute registered from an entry: the link, and an event on the case's timeline."""
    with db.write() as session:
        user = require(session, actor, wf.Act.WORKLOG)
        _link(session, user, _entry(session, entry_id), case_id)


def import_worklog(db: Database, actor: int, rows: Iterable[tuple[int, Mapping[str, object]]],
                   source: str = "", office_id: int | None = None) -> int:
    """Rows of {header: value} (headers of WORKLOG_HEADERS), numbered as in the file: all are
    inserted in one transaction, or none with every problem as "第N行 列名: 问题"."""
    today = date.today()
    problems: list[Problem] = []
    checked: list[dict[str, Any]] = []
    total = 0
    for rownum, raw in rows:
        street, community = split_area(raw.get("范围"))
        inp = WorkLogInput(raw.get("日期"), str(raw.get("类型") or ""), street, community,
                           _text(raw.get("参加人员")), raw.get("发现纠纷数"), _text(raw.get("说明")))
        values, found = check_worklog(inp, today, rownum)
        total += len(found)
        problems += found[:max(0, MAX_PROBLEMS - len(problems))]
        checked.append(values)
    if problems:
        more = f"（共{total}处，只列出前{len(problems)}处）" if total > len(problems) else ""
        error = ValidationError(problems)
        error.message = (f"文件中有{total}处问题，未导入任何台账记录{more}：\n"
                         + "\n".join(str(p) for p in problems))
        raise error
    if not checked:
        raise ValidationError(Problem("文件", "文件中没有台账记录"))
    with db.write() as session:
        user = require(session, actor, wf.Act.WORKLOG)
        office = acting_office(session, user, office_id, db.scope)
        stamp = now()
        session.execute(insert(WorkLogEntry), [dict(r, office_id=office, zero_report=False,
                                                     created_by=user.id, created_at=stamp)
                                                for r in checked])
        add_event(session, None, user.id, "worklog_imported", {"rows": (None, len(checked))},
                  note=f"从 {source or '文件'} 导入 {len(checked)} 条台账记录", at=stamp,
                  office_id=office)
    return len(checked)
