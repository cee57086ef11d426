"""The audit trail (操作日志): every act, login, export and printout with its user.

Events are written by the acts themselves (services, accounts, exchange, privacy); this
module reads them back with filters, in pages, exports them, and records printouts.
Reading the trail is an admin's act (Act.AUDIT).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import func, or_, select

from caseapp import workflow as wf
from caseapp.errors import NotFound, Problem, ValidationError
from caseapp.progress import Job, Progress, run
from caseapp.queries.case_detail import parse_changes
from caseapp.queries.labels import ACTION_LABELS
from caseapp.services.events import add_event
from caseapp.services.guard import acting_user, require, visible_offices
from caseapp.storage.db import Database
from caseapp.storage.models import Case, Event, User
from caseapp.validation import is_formula_text, spreadsheet_text

PAGE = 500


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None  # login name or display name
    action: str | None = None  # an Event.action value
    case_number: str | None = None  # exact, or a part of it
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user_name: str
    user: str  # display name
    action: str
    action_label: str
    case_id: int | None
    case_number: str | None
    changes: tuple[tuple[str, str, str], ...]
    note: str | None

    @property
    def changes_text(self) -> str:
        return "；".join(f"{label}：{old or '—'} → {new or '—'}" for label, old, new in self.changes)


def action_choices() -> list[tuple[str, str]]:
    """(action, label) for the filter, in label order."""
    return sorted(ACTION_LABELS.items(), key=lambda kv: kv[1])


def _conditions(flt: AuditFilter) -> list:
    conds = []
    if flt.user:
        conds.append(or_(User.name == flt.user.strip(), User.display_name == flt.user.strip()))
    if flt.action:
        conds.append(Event.action == flt.action)
    if flt.case_number:
        number = flt.case_number.strip()
        conds.append(Case.number.contains(number, autoescape=True))
    if flt.date_from:
        conds.append(Event.at >= datetime.combine(flt.date_from, time.min))
    if flt.date_to:
        conds.append(Event.at <= datetime.combine(flt.date_to, time.max))
    return conds


def _base(columns, flt: AuditFilter):
    stmt = select(*columns).select_from(Event).outerjoin(User, User.id == Event.user_id)
    stmt = stmt.outerjoin(Case, Case.id == Event.case_id)
    return stmt.where(*_conditions(flt))


def _check(db: Database, actor: int) -> None:
    with db.read() as session:
        require(session, actor, wf.Act.AUDIT)


def count_events(db: Database, actor: int, flt: AuditFilter = AuditFilter()) -> int:
    _check(db, actor)
    with db.read() as session:
        return session.scalar(_base([func.count(Event.id)], flt))


def list_events(db: Database, actor: int, flt: AuditFilter = AuditFilter(), *, offset: int = 0,
                limit: int | None = PAGE) -> list[AuditEntry]:
    """Newest first; ``limit`` None for all."""
    _check(db, actor)
    stmt = _base([Event.id, Event.at, Event.action, Event.changes, Event.note, Event.case_id,
                  User.name, User.display_name, Case.number], flt)
    stmt = stmt.order_by(Event.at.desc(), Event.id.desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as session:
        return [
            AuditEntry(id=r.id, at=r.at, user_name=r.name or "", user=r.display_name or "",
                       action=r.action, action_label=ACTION_LABELS.get(r.action, r.action),
                       case_id=r.case_id, case_number=r.number, changes=parse_changes(r.changes),
                       note=r.note)
            for r in session.execute(stmt)
        ]


HEADERS = ("时间", "用户名", "用户", "操作", "案件编号", "变更", "说明")


def entry_row(e: AuditEntry) -> list[str]:
    return [e.at.strftime("%Y-%m-%d %H:%M:%S"), e.user_name, e.user, e.action_label,
            e.case_number or "", e.changes_text, e.note or ""]


def _text_cell(ws, value: str):
    """A text cell: openpyxl would otherwise write "=…" as a live formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    return cell


def export_events(db: Database, actor: int, path: str | os.PathLike,
                  flt: AuditFilter = AuditFilter()) -> Job[int]:
    """The filtered trail to .xlsx (or .csv); the export itself is an event."""
    from openpyxl import Workbook

    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError(Problem("文件", "只能导出为 .xlsx 或 .csv 文件"))
    _check(db, actor)
    total = count_events(db, actor, flt)
    yield Progress(0, total, "正在导出操作日志")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if target.suffix.lower() == ".csv":
            import csv

            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADERS)
                done = 0
                while done < total:
                    page = list_events(db, actor, flt, offset=done, limit=PAGE)
                    if not page:
                        break
                    writer.writerows([spreadsheet_text(v) for v in entry_row(e)] for e in page)
                    done += len(page)
                    yield Progress(done, total, "正在导出操作日志")
        else:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("操作日志")
            for col, width in zip("ABCDEFG", (20, 12, 12, 14, 24, 40, 40), strict=True):
                ws.column_dimensions[col].width = width
            ws.append(list(HEADERS))
            done = 0
            while done < total:
                page = list_events(db, actor, flt, offset=done, limit=PAGE)
                if not page:
                    break
                for e in page:
                    ws.append([_text_cell(ws, v) if is_formula_text(v) else v
                               for v in entry_row(e)])
                done += len(page)
                yield Progress(done, total, "正在导出操作日志")
            wb.save(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    with db.write() as session:
        add_event(session, None, actor, "export", note=f"操作日志 {total}条 → {target.name}")
    return total


def run_export_events(db: Database, actor: int, path, flt: AuditFilter = AuditFilter(),
                      on_progress=None) -> int:
    return run(export_events(db, actor, path, flt), on_progress)


# ---------------------------------------------------------------------------
# Printouts: the masking the user's role asks for, and an event.


def record_printout(db: Database, actor: int, what: str, case_id: int | None = None,
                    masked: bool = True) -> None:
    note = what + ("" if masked else "，完整个人信息")
    with db.write() as session:
        add_event(session, case_id, actor, "printout", note=note)


DOC_LABELS = {"sheet": "案件登记表", "agreement": "人民调解协议书", "notice": "告知书"}


def print_case_document(db: Database, actor: int, number: str, doc: str,
                        path: str | os.PathLike, *, full_personal: bool = False,
                        force: bool = False) -> Path:
    """A case document as ``actor`` may print it: ID numbers and phones masked unless
    ``full_personal`` (an admin only); the printout is an event on the case. ``force``: a
    卷宗 that lacks a required item is printed anyway (its gaps on the 情况说明)."""
    from caseapp.reports.case_common import find_case
    from caseapp.reports.documents import document, render

    with db.read() as session:
        # anyone may print (查看 included), but a known, active user
        seen = visible_offices(session, acting_user(session, actor))
        if full_personal:
            require(session, actor, wf.Act.FULL_PERSONAL)
    spec = document(doc)  # the registry of case documents: an unknown key is refused
    case_id = find_case(db, number)
    with db.read() as session:  # a case of an office the user does not see is not there
        office = session.scalar(select(Case.office_id).where(Case.id == case_id))
    if seen is not None and office not in seen:
        raise NotFound("案件不存在或已删除")
    mask = not full_personal
    out = render(db, case_id, doc, path, mask=mask, force=force)
    record_printout(db, actor, DOC_LABELS.get(doc, spec.title), case_id, masked=mask)
    return out
