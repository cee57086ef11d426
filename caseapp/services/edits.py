"""编辑 and the other acts on a case's record: field edits, attachments, deletion."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import NotFound, Problem, StaleEdit, ValidationError
from caseapp.queries.labels import FIELD_LABELS
from caseapp.services.events import add_event, now, refresh_due, set_fields
from caseapp.services.guard import live_case, require, require_case
from caseapp.services.intake import CaseRef
from caseapp.services.office import active_categories
from caseapp.storage.db import Database
from caseapp.storage.files import os_error
from caseapp.storage.models import Attachment

# Fields that 编辑 may change, with the parser that checks each.
EDITABLE = {
    "summary", "details", "category", "source", "street", "community", "received_on",
    "accepted_on", "closed_on", "handler", "people_count", "amount", "petition_type",
    "group_size", "via_proxy", "satisfaction", "mediators", "extension_reason",
}


def parse_field(name: str, value: Any) -> Any:
    """Turn a typed-in value into the column's type; ValueError with a Chinese message."""
    if name in ("received_on", "accepted_on", "closed_on", "judicial_applied_on"):
        return v.parse_date(value)
    if name in ("people_count", "group_size"):
        return v.parse_people(value)
    if name == "amount":
        return v.parse_amount(value)
    if name in ("via_proxy", "entered", "performed", "extended"):
        return v.parse_bool(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def edit(db: Database, actor: int, case_id: int, values: dict[str, Any],
         expected_version: int | None = None) -> CaseRef:
    """编辑: change fields; the event keeps old → new. A stale version is refused."""
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValidationError([Problem(k, "该项不能直接编辑") for k in sorted(unknown)])
    settings = db.settings()
    with db.write() as session:
        require(session, actor, wf.Act.EDIT)
        case = live_case(session, case_id)
        if expected_version is not None and case.version != expected_version:
            raise StaleEdit(f"{case.number} 在您打开后已被他人修改，请刷新后再编辑")
        problems: list[Problem] = []
        parsed: dict[str, Any] = {}
        for name, raw in values.items():
            try:
                parsed[name] = parse_field(name, raw)
            except ValueError as exc:
                problems.append(Problem(name, str(exc)))
        if "summary" in parsed and not parsed["summary"]:
            problems.append(Problem("summary", "事项摘要必须填写"))
        if "category" in parsed and parsed["category"] != case.category:
            if parsed["category"] not in active_categories(session, case.kind):
                problems.append(Problem("category", f"「{parsed['category']}」不在类别列表中"))
        if "source" in parsed and parsed["source"] and parsed["source"] not in wf.sources_for(case.kind):
            problems.append(Problem("source", f"「{parsed['source']}」不是有效的来源"))
        if "received_on" in parsed and parsed["received_on"] is None:
            problems.append(Problem("received_on", "登记日期必须填写"))
        if case.status == wf.Status.REGISTERED.value and parsed.get("accepted_on"):
            problems.append(Problem("accepted_on", "待受理的案件请使用「受理」操作"))
        for name in ("accepted_on", "closed_on"):
            if name in parsed and parsed[name] is None and getattr(case, name) is not None:
                problems.append(Problem(name, f"{FIELD_LABELS[name]}不能清空，请使用「重新打开」"))
            if name == "closed_on" and parsed.get(name) and case.closed_on is None:
                problems.append(Problem(name, "未办结的案件请使用「办结」操作"))
        merged = {k: parsed.get(k, getattr(case, k)) for k in ("received_on", "accepted_on", "closed_on")}
        for fname, msg in v.check_dates(merged["received_on"], merged["accepted_on"],
                                        merged["closed_on"], case.status == wf.Status.REJECTED.value):
            problems.append(Problem(fname, msg))
        if problems:
            raise ValidationError(problems)
        changes: dict = {}
        set_fields(case, changes, **parsed)
        refresh_due(case, settings, changes)
        if changes:
            add_event(session, case.id, actor, "edited", changes)
        return CaseRef(case.id, case.number)


def attach(db: Database, actor: int, case_id: int, source: str | Path,
           kind: str | None = None) -> int:
    """Copy a file into the data folder with its SHA-256, marked ``kind`` (身份证明 …, or None);
    returns the attachment id."""
    source = Path(source)
    problem = v.attachment_name_problem(source.name)
    if problem:
        raise ValidationError(Problem("file", problem))
    check_attachment_kind(kind)
    if not source.is_file():
        raise ValidationError(Problem("file", f"找不到文件：{source.name}"))
    with db.read() as session:  # a refused attachment copies nothing into the store
        require_case(session, actor, wf.Act.ATTACH, case_id)
    digest = hashlib.sha256()
    with open(source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    folder = db.files_dir
    stored_name = f"{sha[:2]}/{sha}{source.suffix.lower()}"
    target = folder / stored_name
    copied = False
    if not target.exists():
        tmp = target.with_suffix(target.suffix + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(source, tmp)
                tmp.replace(target)  # never a half-copied attachment under its final name
            finally:
                tmp.unlink(missing_ok=True)
        except OSError as exc:
            raise os_error(exc, "添加附件", "换一个位置存放数据") from exc
        copied = True
    try:
        with db.write() as session:
            case = require_case(session, actor, wf.Act.ATTACH, case_id)
            row = Attachment(case_id=case.id, filename=source.name, stored_name=stored_name,
                             sha256=sha, size=source.stat().st_size, added_at=now(),
                             user_id=actor, kind=kind or None)
            session.add(row)
            session.flush()
            add_event(session, case.id, actor, "attachment_added",
                      {"attachment_kind": (None, kind)} if kind else None, note=source.name)
            return row.id
    except BaseException:
        if copied:  # no file in the store that no attachment names
            target.unlink(missing_ok=True)
        raise


def check_attachment_kind(kind: str | None) -> None:
    if kind and kind not in wf.ATTACHMENT_KINDS:
        raise ValidationError(Problem("kind", f"附件类别应为：{'、'.join(wf.ATTACHMENT_KINDS)}"))


def set_attachment_kind(db: Database, actor: int, attachment_id: int, kind: str | None) -> CaseRef:
    """Mark what an attachment is in the 卷宗 (身份证明, 委托书, 证据, 履行凭证, 其他; None
    clears it); the event names the file and keeps old → new."""
    check_attachment_kind(kind)
    with db.write() as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise NotFound("附件不存在")
        case = require_case(session, actor, wf.Act.ATTACH, row.case_id)
        new = kind or None
        if row.kind != new:
            add_event(session, case.id, actor, "attachment_kind",
                      {"attachment_kind": (row.kind, new)}, note=row.filename)
            row.kind = new
        return CaseRef(case.id, case.number)


def attachment_path(db: Database, stored_name: str) -> Path:
    return db.files_dir / stored_name


def delete_case(db: Database, actor: int, case_id: int, reason: str) -> None:
    """A supervisor's act: the case is hidden everywhere, the event stays."""
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "删除案件必须写明理由"))
    with db.write() as session:
        require(session, actor, wf.Act.DELETE)
        case = live_case(session, case_id)
        case.deleted_at = now()
        add_event(session, case.id, actor, "deleted", note=reason.strip())
