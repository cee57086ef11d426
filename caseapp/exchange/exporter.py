"""Export of cases to .xlsx or .csv (docs/domain.md section 6): the columns of
caseapp/exchange/columns.py, then the export-only 状态, 期限 and 超期天数 (which import ignores),
written to a temporary file and renamed when complete."""

from __future__ import annotations

import csv
import errno
import os
import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.errors import CaseAppError, Problem, StorageError, ValidationError
from caseapp.exchange.columns import ALL_HEADERS, BATCH, EXPORT_ONLY_HEADERS, RESPONDENT
from caseapp.exchange.xlsx_stream import SheetWriter
from caseapp.progress import Job, Progress, run
from caseapp.storage.db import Database, office_terms
from caseapp.storage.models import Agreement, Case, CaseParty, Person
from caseapp.validation import (
    mask_id_number,
    mask_phone,
    mask_text,
    spreadsheet_text,
)

_EXPORT_COLS = (
    Case.id, Case.kind, Case.number, Case.received_on, Case.accepted_on, Case.closed_on,
    Case.outcome, Case.extended, Case.street, Case.category, Case.source, Case.via_proxy,
    Case.entered, Case.performed, Case.handler, Case.summary, Case.people_count, Case.amount,
    Case.petition_type, Case.group_size, Case.is_repeat, Case.details, Case.community,
    Case.satisfaction, Case.status, Case.due_on,
    Case.judicial_applied_on, Case.judicial_result, Case.risk_grade,
    *(getattr(Case, flag) for flag in wf.PREVENTION_FLAGS),
)
OUT_HEADERS = [zh for zh, _alias in ALL_HEADERS] + list(EXPORT_ONLY_HEADERS)


_KIND_SHORT = {k.value: short for k, short in wf.KIND_SHORT.items()}
_MAIN_ROLE = {k.value: wf.main_role(k) for k in wf.Kind}
_STATUS_LABELS = {(k.value, s.value): wf.status_label(k, s) for k in wf.Kind for s in wf.Status}
_DONE = (wf.Status.CLOSED.value, wf.Status.REJECTED.value)
_PETITION, _DISPUTE = wf.Kind.PETITION.value, wf.Kind.DISPUTE.value
_FLAGS = tuple(wf.PREVENTION_FLAGS.items())


def _export_row(c, main, respondent, mask: bool = False, today: date | None = None,
                agreement_form: str | None = None) -> list:
    """One exported row from a row of _EXPORT_COLS. Called once per case: the row is unpacked
    in one step and the labels come from dicts built once (issue #19, item 5)."""
    (_id, kind, number, received_on, accepted_on, closed_on, outcome, extended, street, category,
     source, via_proxy, entered, performed, handler, summary, people_count, amount,
     petition_type, group_size, is_repeat, details, community, satisfaction, status, due_on,
     judicial_applied_on, judicial_result, risk_grade, *flags) = c
    petition = kind == _PETITION
    mediated = outcome == wf.MEDIATED
    name, id_number, phone = main or ("", None, None)
    if mask:
        id_number, phone = mask_id_number(id_number) or None, mask_phone(phone) or None
        # Numbers typed into free text are personal data too (issue #16, item 7).
        summary, details, community = (mask_text(x) or x for x in (summary, details, community))
    label = _STATUS_LABELS.get((kind, status)) or wf.status_label(kind, status)
    overdue = None  # 超期天数: days past the deadline in force on ``today``, for an open case
    if status not in _DONE and due_on is not None:
        days = ((today or date.today()) - due_on).days
        overdue = days if days > 0 else None
    mediation: tuple
    if kind == _DISPUTE:  # 司法确认, 风险等级, 预防成效
        mediation = (wf.JUDICIAL_NOT_APPLIED if judicial_applied_on is None and not judicial_result
                     else queries.judicial_state(judicial_applied_on, judicial_result),
                     risk_grade or wf.RISK_DEFAULT,
                     "、".join(n for (_f, n), on in zip(_FLAGS, flags, strict=True) if on) or None)
    else:
        mediation = (None, None, None)
    return [
        _KIND_SHORT.get(kind) or wf.KIND_SHORT[wf.Kind(kind)], number, received_on,
        accepted_on, closed_on, outcome, "是" if extended else "否", name, id_number, phone,
        respondent, street, category, source,
        ("是" if via_proxy else "否") if petition else None,
        ("是" if entered else "否") if petition else None,
        ("是" if performed else "否") if mediated else None, handler, summary,
        people_count, amount, petition_type, group_size,
        ("是" if is_repeat else "否") if petition else None, details, community,
        satisfaction if petition else None,
        agreement_form if mediated else None, *mediation, label, due_on, overdue,
    ]


class _CsvOut:
    def __init__(self, path: Path):
        self.fh = open(path, "w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.fh)
        self.writer.writerow(OUT_HEADERS)

    def rows(self, batch: list[list]) -> None:
        self.writer.writerows([
            "" if x is None else x.isoformat() if isinstance(x, date)
            else spreadsheet_text(x) if isinstance(x, str) else x
            for x in values] for values in batch)

    def close(self) -> None:
        self.fh.close()


class _XlsxOut:
    """The sheet 案件, streamed (caseapp/exchange/xlsx_stream.py): frozen header, column widths,
    dates as date cells, text never a formula."""

    def __init__(self, path: Path, rows: int):
        widths = [40 if zh in ("事项摘要", "详细情况") else 22 if zh in ("编号", "身份证号") else 12
                  for zh in OUT_HEADERS]
        self.sheet = SheetWriter(path, "案件", widths, rows)
        self.sheet.row(OUT_HEADERS)

    def rows(self, batch: list[list]) -> None:
        self.sheet.rows(batch)

    def close(self) -> None:
        try:
            self.sheet.close()
        except BaseException:
            self.sheet.abort()
            raise


def _write_error(exc: OSError, target: Path) -> CaseAppError:
    """What a person reads when the export file cannot be written (issue #16)."""
    if exc.errno == errno.ENOSPC:
        return StorageError(f"导出失败：{target.parent} 所在的磁盘已满。没有留下不完整的文件，"
                            "请清理磁盘或导出到其他位置")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StorageError(f"导出失败：{target.parent} 是只读的或没有写入权限，请导出到其他位置")
    return ValidationError(Problem("文件", f"无法写入 {target.name}（是否正在 Excel 中打开？）："
                                   f"{exc.strerror or exc}"))


def _ids_clause(col, chunk: list[int]) -> ColumnElement[bool]:
    """``col`` among ``chunk``'s ids: a range when they are about consecutive (an export in
    date order of a file entered in date order), which SQLite reads from the key without
    binding a thousand parameters; else IN. Rows outside ``chunk`` are ignored by the caller."""
    lo, hi = min(chunk), max(chunk)
    return col.between(lo, hi) if hi - lo < 2 * len(chunk) else col.in_(chunk)


def _ordered_ids(session: Session, filters: list[ColumnElement[bool]], case_ids,
                 keep) -> list[int]:
    if case_ids is None:
        return list(session.scalars(select(Case.id).where(*filters).order_by(Case.received_on, Case.id)))
    ids = list(dict.fromkeys(case_ids))
    found: list[tuple] = []
    conn = session.connection()
    # The filters are applied here, not in SQL: with them SQLite's planner may walk a whole
    # received_on index once per batch instead of looking up the ids (30 ms a batch at 100k).
    for i in range(0, len(ids), BATCH):
        chunk = ids[i:i + BATCH]
        wanted = set(chunk)
        found += [(r.received_on, r.id) for r in conn.execute(
            select(Case.id, Case.received_on, Case.deleted_at, Case.kind, Case.office_id)
            .where(_ids_clause(Case.id, chunk))).all() if r.id in wanted and keep(r)]
    return [cid for _r, cid in sorted(found)]


def export_file(db: Database, path: str | os.PathLike, *, date_from: date | None = None,
                date_to: date | None = None, kind: str | None = None,
                case_ids=None, actor: int | None = None,
                full_personal: bool | None = None, today: date | None = None) -> Job[int]:
    """Write the cases (never deleted ones) to .csv or .xlsx; yields Progress, returns rows.
    超期天数 is counted to ``today`` (a list's filter passes its own day; default: today).

    A user's export (``actor`` given; the GUI and the command line always give one) needs
    Act.EXPORT, masks ID numbers and phones (also those typed into 事项摘要, 详细情况 and 村/社区)
    unless ``full_personal`` (an admin only), and is
    an "export" event. Without an actor (a program's own call) the data is written whole.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(Problem("文件", "只能导出为 .xlsx 或 .csv 文件"))
    if full_personal is None:
        full_personal = actor is None
    scope = db.scope  # the offices seen (Core reads by id are not narrowed by the session)
    if actor is not None:
        with db.read() as session:
            services.require(session, actor, wf.Act.EXPORT)
            if full_personal:
                services.require(session, actor, wf.Act.FULL_PERSONAL)
            scope = db.session_scope(session)  # and those the user sees
    mask = not full_personal
    today = today or date.today()
    filters: list[ColumnElement[bool]] = [Case.deleted_at.is_(None)]
    kind_value = None if kind is None else wf.Kind(kind).value
    if date_from is not None:
        filters.append(Case.received_on >= date_from)
    if date_to is not None:
        filters.append(Case.received_on <= date_to)
    if kind_value is not None:
        filters.append(Case.kind == kind_value)
    filters += office_terms(Case.office_id, scope)

    def keep(r) -> bool:  # the same filters, for a row read by id
        return (r.deleted_at is None and (kind_value is None or r.kind == kind_value)
                and (scope is None or r.office_id in scope)
                and (date_from is None or r.received_on >= date_from)
                and (date_to is None or r.received_on <= date_to))

    with db.read() as session:
        ids = _ordered_ids(session, filters, case_ids, keep)
    yield Progress(0, len(ids), "正在导出")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM):
            raise _write_error(exc, target) from exc
        raise ValidationError(Problem("文件", f"无法在 {target.parent} 写入文件：{exc.strerror}")) from exc
    tmp = Path(tmp_name)
    done = False
    try:
        out = _CsvOut(tmp) if suffix == ".csv" else _XlsxOut(tmp, len(ids))
        try:
            with db.read() as session:
                conn = session.connection()  # Core rows: no ORM bookkeeping per row
                for start in range(0, len(ids), BATCH):
                    chunk = ids[start:start + BATCH]
                    cases = {c.id: c for c in conn.execute(
                        select(*_EXPORT_COLS).where(_ids_clause(Case.id, chunk))).all()}
                    main: dict[int, tuple] = {}
                    respondent: dict[int, str] = {}
                    for cid, role, name, idn, phone in conn.execute(
                            select(CaseParty.case_id, CaseParty.role, Person.name, Person.id_number,
                                   Person.phone)
                            .join(Person, Person.id == CaseParty.person_id)
                            .where(_ids_clause(CaseParty.case_id, chunk),
                                   CaseParty.role.in_(("信访人", "申请人", RESPONDENT)))
                            .order_by(CaseParty.id)).all():
                        if role == RESPONDENT:
                            respondent.setdefault(cid, name)
                        elif role == _MAIN_ROLE.get(cases[cid].kind):
                            main.setdefault(cid, (name, idn, phone))
                    forms = dict(conn.execute(select(Agreement.case_id, Agreement.form)
                                              .where(_ids_clause(Agreement.case_id, chunk))).all())
                    out.rows([_export_row(cases[cid], main.get(cid), respondent.get(cid), mask,
                                          today, forms.get(cid)) for cid in chunk])
                    yield Progress(start + len(chunk), len(ids), "正在导出")
        finally:
            out.close()
        os.replace(tmp, target)
        done = True
    except OSError as exc:
        raise _write_error(exc, target) from exc
    finally:
        if not done:
            tmp.unlink(missing_ok=True)
    if actor is not None and not db.readonly:  # read-only media: nothing can be recorded
        note = f"{len(ids)}件 → {target.name}" + ("，完整个人信息" if full_personal else "")
        with db.write() as session:
            services.add_event(session, None, actor, "export", note=note)
    return len(ids)


def run_export(db: Database, path: str | os.PathLike, *, date_from: date | None = None,
               date_to: date | None = None, kind: str | None = None, case_ids=None,
               on_progress=None, actor: int | None = None,
               full_personal: bool | None = None, today: date | None = None) -> int:
    return run(export_file(db, path, date_from=date_from, date_to=date_to, kind=kind,
                           case_ids=case_ids, actor=actor, full_personal=full_personal,
                           today=today),
               on_progress)
