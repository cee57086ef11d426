"""上报包 (docs/package.md): an office's cases with every row they carry, and its work log, as a
zip of JSON lines with a manifest and a SHA-256 checksum; the format and the export.

Public names: ``export_package``/``run_export_package`` (``caseapp export --package``),
``package_office`` (the office a package is made of; a package must carry its code, given by
services.offices.set_office_code), ``PackageInfo``, ``PackageRefused``, ``FORMAT``, ``MEMBERS``. Reading and checking a package is package_read.py, the
import into a district package_import.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.errors import CaseAppError, StorageError
from caseapp.progress import Job, Progress, run
from caseapp.services.events import add_event
from caseapp.services.guard import require
from caseapp.storage.db import Database
from caseapp.storage.migrate import HEAD
from caseapp.storage.models import (
    LOCAL_OFFICE,
    Agreement,
    AssignmentFromAbove,
    Case,
    CaseDepartment,
    CaseParty,
    Department,
    Event,
    ExtensionApproval,
    FollowUp,
    JudicialConfirmation,
    MediationSession,
    Office,
    Person,
    PetitionReply,
    Supervision,
    Transfer,
    User,
    WorkLogCase,
    WorkLogEntry,
)

FORMAT = "casedesk-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".zip"
NO_CODE = ("本单位还没有单位代码，上报包须带单位代码，区里凭它认出单位。请先设置单位代码（由区里"
           "统一分配，如 A01）：在「导入」窗口点「导出上报包…」时填写，或运行 caseapp office code "
           "{0} 代码")


class PackageRefused(CaseAppError):
    """A package that cannot be made or taken: the message says why; nothing was written."""


# The per-case tables whose rows go as they are, their case named by its number.
CASE_ROWS: dict[str, Table] = {
    "mediation_sessions": MediationSession.__table__,
    "agreements": Agreement.__table__,
    "follow_ups": FollowUp.__table__,
    "supervisions": Supervision.__table__,
    "petition_replies": PetitionReply.__table__,
    "transfers": Transfer.__table__,
    "judicial_confirmations": JudicialConfirmation.__table__,
    "extension_approvals": ExtensionApproval.__table__,
    "assignments_from_above": AssignmentFromAbove.__table__,
}

# Columns a package leaves out: the database's own keys and what it derives. References to other
# rows go by their natural key instead: "case" (number), "person" and "entry" (the package's own
# ids), "origin"/"review_of" (numbers), "department" (name), "user" (a display name).
_LEFT_OUT = {"id", "case_id", "office_id", "origin_case_id", "review_of_id", "user_id",
             "created_by", "name_initials"}


def columns(table: Table, keep_id: bool = False) -> list[str]:
    """The columns of ``table`` a package carries as they are."""
    return [c.name for c in table.columns
            if c.name not in _LEFT_OUT or (keep_id and c.name == "id")]


# Every member, in the order it is written and read, with the table it fills.
MEMBERS: dict[str, Table] = {
    "persons": Person.__table__,
    "cases": Case.__table__,
    "case_parties": CaseParty.__table__,
    "case_departments": CaseDepartment.__table__,
    "events": Event.__table__,
    **CASE_ROWS,
    "worklog_entries": WorkLogEntry.__table__,
    "worklog_cases": WorkLogCase.__table__,
}


# The keys each member's rows carry besides its columns: references by natural key.
REFERENCES: dict[str, tuple[str, ...]] = {
    "persons": (), "cases": ("origin", "review_of"), "case_parties": ("case", "person"),
    "case_departments": ("case", "department"), "events": ("case", "user"),
    "worklog_entries": ("user",), "worklog_cases": ("entry", "case"),
}


def carried(key: str) -> list[str]:
    """The columns member ``key`` carries as they are (besides its REFERENCES)."""
    if key in ("case_departments", "worklog_cases"):
        return []  # nothing but references
    if key == "case_parties":
        return ["role"]
    return columns(MEMBERS[key], keep_id=key in ("persons", "worklog_entries"))


def member_name(key: str) -> str:
    return f"{key}.jsonl"


def encode(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def checksum(manifest: dict) -> str:
    """SHA-256 over the manifest without its checksum: it holds every member's own SHA-256,
    row count and size, the office, the schema revision and the time it was made."""
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PackageInfo:
    path: Path
    office_code: str
    office_name: str
    cases: int
    worklog: int
    checksum: str
    created_at: datetime


# ---------------------------------------------------------------------------
# Export.


def _office(session: Session, code: str | None, scope: frozenset[int] | None) -> Office:
    """The office a package is made of: the one named by ``code``, else the one office the
    program sees (``caseapp --office CODE``, a user of one office), else the file's only one."""
    if code:
        office = session.scalar(select(Office).where(Office.code == code))
        if office is None or (scope is not None and office.id not in scope):
            raise PackageRefused(f"数据库中没有代码为「{code}」的单位（或您无权查看）")
    elif scope is not None and len(scope) == 1:
        office = session.get(Office, next(iter(scope)))
    else:
        offices = list(session.scalars(select(Office).order_by(Office.id).limit(2)))
        if len(offices) != 1:
            raise PackageRefused("数据库中有多个单位，请指明导出哪一个（caseapp --office 代码 "
                                 "export --package 文件）")
        office = offices[0]
    if office is None:
        raise PackageRefused("单位不存在")
    if not office.code:
        raise PackageRefused(NO_CODE.format(office.id))
    return office


def package_office(db: Database, office: str | None = None) -> tuple[int, str, str]:
    """The office a package would be made of: (id, code, name); its code may be "" still."""
    with db.read() as session:
        try:
            chosen = _office(session, office, db.session_scope(session))
        except PackageRefused:
            chosen = None
        if chosen is None:
            chosen = session.get(Office, LOCAL_OFFICE)
        assert chosen is not None
        return chosen.id, chosen.code, _office_name(db, chosen)


def _office_name(db: Database, office: Office) -> str:
    if office.id == LOCAL_OFFICE and not db.settings().office_unnamed():
        return db.settings().office_name
    return office.name


def _rows(session: Session, office_id: int, numbers: dict[int, str],
          users: dict[int, str]) -> Iterator[tuple[str, Iterator[dict]]]:
    """Each member's rows as JSON-ready dicts."""
    of_office = Case.office_id == office_id

    def plain(_table: Table, names: list[str], stmt, extra) -> Iterator[dict]:
        for row in session.execute(stmt).mappings():
            out = {n: encode(row[n]) for n in names}
            out.update(extra(row))
            yield out

    person, case = Person.__table__, Case.__table__
    linked = select(CaseParty.person_id).join(Case, Case.id == CaseParty.case_id).where(of_office)
    yield "persons", plain(person, carried("persons"),
                           select(person).where(person.c.id.in_(linked)).order_by(person.c.id),
                           lambda r: {})
    yield "cases", plain(case, carried("cases"), select(case).where(of_office).order_by(case.c.id),
                         lambda r: {"origin": numbers.get(r["origin_case_id"]),
                                    "review_of": numbers.get(r["review_of_id"])})
    parties = CaseParty.__table__
    yield "case_parties", plain(
        parties, carried("case_parties"), select(parties).join(Case, Case.id == parties.c.case_id)
        .where(of_office).order_by(parties.c.id),
        lambda r: {"case": numbers[r["case_id"]], "person": r["person_id"]})
    yield "case_departments", (
        {"case": numbers[cid], "department": name} for cid, name in session.execute(
            select(CaseDepartment.case_id, Department.name)
            .join(Department, Department.id == CaseDepartment.department_id)
            .join(Case, Case.id == CaseDepartment.case_id).where(of_office)
            .order_by(CaseDepartment.case_id, Department.name)))
    events = Event.__table__
    yield "events", plain(
        events, carried("events"), select(events).join(Case, Case.id == events.c.case_id)
        .where(of_office).order_by(events.c.id),
        lambda r: {"case": numbers[r["case_id"]], "user": users.get(r["user_id"], "")})
    for key, table in CASE_ROWS.items():
        yield key, plain(table, carried(key), select(table).join(Case, Case.id == table.c.case_id)
                         .where(of_office).order_by(*table.primary_key.columns),
                         lambda r: {"case": numbers[r["case_id"]]})
    entries = WorkLogEntry.__table__
    yield "worklog_entries", plain(
        entries, carried("worklog_entries"),
        select(entries).where(entries.c.office_id == office_id).order_by(entries.c.id),
        lambda r: {"user": users.get(r["created_by"], "")})
    yield "worklog_cases", (
        {"entry": entry, "case": numbers[cid]} for entry, cid in session.execute(
            select(WorkLogCase.entry_id, WorkLogCase.case_id)
            .join(WorkLogEntry, WorkLogEntry.id == WorkLogCase.entry_id)
            .where(WorkLogEntry.office_id == office_id, WorkLogCase.case_id.in_(
                select(Case.id).where(of_office)))
            .order_by(WorkLogCase.entry_id, WorkLogCase.case_id)))


def _flush(fh, digest, buffer: list[bytes]) -> int:
    block = b"".join(buffer)
    buffer.clear()
    digest.update(block)
    fh.write(block)
    return len(block)


def export_package(db: Database, actor: int, path: str | os.PathLike, *,
                   office: str | None = None) -> Job[PackageInfo]:
    """Write the package of ``office`` (a code; default the file's only office) to ``path``:
    written to a temporary file beside it and renamed when complete. Yields Progress."""
    target = Path(path)
    created = datetime.now().replace(microsecond=0)
    with db.read() as session:
        require(session, actor, wf.Act.FULL_PERSONAL)  # it holds every party's ID and phone
        chosen = _office(session, office, db.session_scope(session))
        name = _office_name(db, chosen)
        numbers = dict(session.execute(select(Case.id, Case.number)
                                       .where(Case.office_id == chosen.id)).all())
        users = dict(session.execute(select(User.id, User.display_name)).all())
        files: dict[str, dict] = {}
        total = len(MEMBERS)
        yield Progress(0, total, "正在导出")
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part",
                                            dir=target.parent)
        except OSError as exc:
            raise StorageError(f"无法写入 {target.parent}：{exc.strerror or exc}") from exc
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as zf:
                for done, (key, rows) in enumerate(_rows(session, chosen.id, numbers, users), 1):
                    digest, count, size = hashlib.sha256(), 0, 0
                    with zf.open(member_name(key), "w", force_zip64=True) as fh:
                        buffer: list[bytes] = []  # compressed a block at a time, not by line
                        for row in rows:
                            buffer.append((json.dumps(row, ensure_ascii=False, sort_keys=True,
                                                      separators=(",", ":")) + "\n").encode())
                            count += 1
                            if len(buffer) >= 2000:
                                size += _flush(fh, digest, buffer)
                        size += _flush(fh, digest, buffer)
                    files[member_name(key)] = {"rows": count, "sha256": digest.hexdigest(),
                                               "bytes": size}
                    yield Progress(done, total, f"正在导出 {key}")
                manifest: dict[str, Any] = {
                    "format": FORMAT, "format_version": FORMAT_VERSION, "schema": HEAD,
                    "created_at": created.isoformat(),
                    "office": {"code": chosen.code, "name": name}, "files": files}
                manifest["checksum"] = checksum(manifest)
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            os.replace(tmp_name, target)
        except BaseException as exc:
            Path(tmp_name).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise StorageError(f"上报包未能写入 {target}：{exc.strerror or exc}") from exc
            raise
    cases = files[member_name("cases")]["rows"]
    if not db.readonly:  # an export of personal data is on the record, as the exporter's are
        with db.write() as session:
            add_event(session, None, actor, "export", office_id=chosen.id,
                      note=f"上报包 {cases}件 → {target.name}，完整个人信息")
    return PackageInfo(target, chosen.code, name, cases,
                       files[member_name("worklog_entries")]["rows"], manifest["checksum"],
                       created)


def run_export_package(db: Database, actor: int, path: str | os.PathLike, *,
                       office: str | None = None, on_progress=None) -> PackageInfo:
    return run(export_package(db, actor, path, office=office), on_progress)
