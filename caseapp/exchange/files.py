"""Import and export of cases as .xlsx or .csv (DOMAIN.md section 6).

Import streams the file: each row is checked as it is read, and valid rows are inserted in
batches of about 1000 with Core executemany, all inside ONE write transaction. Once any
problem is found nothing more is inserted, but checking goes on so the clerk gets every
problem at once; ImportRefused raised inside ``db.write()`` then rolls everything back.
"""

from __future__ import annotations

import codecs
import csv
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.progress import Job, Progress, run
from caseapp.services import acts as services
from caseapp.storage.db import Database
from caseapp.storage.models import Case, CaseParty, Category, Event, NumberSequence, Person
from caseapp.storage.settings import format_number
from caseapp.validation import is_masked, mask_id_number, mask_phone

HEADERS: list[tuple[str, str]] = [
    ("类型", "kind"), ("编号", "number"), ("登记日期", "received_on"), ("受理日期", "accepted_on"),
    ("办结日期", "closed_on"), ("办理结果", "outcome"), ("延期", "extended"), ("当事人", "party"),
    ("身份证号", "id_number"), ("联系电话", "phone"), ("对方当事人", "respondent"),
    ("街镇", "street"), ("类别", "category"), ("来源", "source"), ("信访代理", "via_proxy"),
    ("已录入系统", "entered"), ("协议履行", "performed"), ("承办人", "handler"),
    ("事项摘要", "summary"), ("涉及人数", "people"), ("涉及金额", "amount"),
]
# Optional columns: import takes them when present, export writes them after HEADERS.
EXTRA_HEADERS: list[tuple[str, str]] = [
    ("信访类型", "petition_type"), ("集体访人数", "group_size"), ("重复信访", "is_repeat"),
    ("详细情况", "details"), ("村/社区", "community"),
]
ALL_HEADERS = HEADERS + EXTRA_HEADERS
LABELS = dict((alias, zh) for zh, alias in ALL_HEADERS)
_LOOKUP = {k.lower(): alias for zh, alias in ALL_HEADERS for k in (zh, alias)}
REQUIRED = ("kind", "received_on", "party", "category", "summary")
_KINDS = {"信访": "petition", "信访件": "petition", "petition": "petition",
          "纠纷": "dispute", "矛盾纠纷": "dispute", "dispute": "dispute"}
_MAX_LEN = {"number": 64, "summary": 500, "street": 64, "community": 64, "handler": 64,
            "party": 128, "respondent": 128}
BATCH = 1000
# Text that Excel would run as a formula ("=HYPERLINK(…)", "@SUM(…)") is written to CSV behind
# an apostrophe (OWASP "CSV injection"); import takes the apostrophe off again.
_FORMULA_START = ("=", "+", "-", "@")
MAX_PROBLEMS = 1000
RESPONDENT = "被申请人"


class ImportRefused(ValidationError):
    """The file has problems; nothing was imported. ``problems`` lists them by row."""

    def __init__(self, problems: list[Problem], total: int | None = None):
        super().__init__(problems)
        self.total = total if total is not None else len(problems)
        self.message = f"文件中有{self.total}处问题，未导入任何案件：\n" + "\n".join(
            str(p) for p in self.problems)


@dataclass(frozen=True)
class ImportResult:
    rows: int
    petitions: int
    disputes: int
    persons_created: int
    dry_run: bool
    numbered: int


# ---------------------------------------------------------------------------
# Reading.


def _csv_encoding(path: Path) -> tuple[str, int]:
    """UTF-8 (BOM or not) if the whole file decodes as UTF-8, else GB18030; plus a line count."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines = True, 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            lines += chunk.count(b"\n")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return ("utf-8-sig" if utf8 else "gb18030"), lines


def _raw_rows(path: Path) -> tuple[int | None, Iterator[tuple[int, tuple]]]:
    """(estimated data rows, iterator of (spreadsheet row, cells)) including the header row."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRefused([Problem("文件", f"找不到文件：{path}")])
    if suffix == ".csv":
        encoding, lines = _csv_encoding(path)

        def csv_rows():
            with open(path, encoding=encoding, errors="replace", newline="") as fh:
                yield from enumerate(csv.reader(fh), start=1)

        return max(lines - 1, 0), csv_rows()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # a damaged or mislabelled file
            raise ImportRefused([Problem("文件", f"无法读取 Excel 文件：{exc}")]) from exc
        ws = wb.worksheets[0]
        total = (ws.max_row - 1) if ws.max_row else None

        def xlsx_rows():
            try:
                yield from enumerate(ws.iter_rows(values_only=True), start=1)
            finally:
                wb.close()

        return total, xlsx_rows()
    hint = "（.xls 请先在 Excel 中另存为 .xlsx）" if suffix == ".xls" else ""
    raise ImportRefused([Problem("文件", f"只能导入 .xlsx 或 .csv 文件{hint}")])


def _cell(value: object) -> object:
    """Text stripped (and the export's formula guard undone); an integral float as int."""
    if isinstance(value, str):
        value = value.strip()
        return value[1:] if value[:1] == "'" and value[1:2] in _FORMULA_START else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _mapped(rows: Iterator[tuple[int, tuple]]) -> Iterator[tuple[int, dict[str, object]]]:
    columns: list[tuple[int, str]] | None = None
    for rownum, cells in rows:
        values = [_cell(c) for c in cells]
        if all(c is None or c == "" for c in values):
            continue
        if columns is None:
            seen: set[str] = set()
            columns = []
            for i, head in enumerate(values):
                alias = _LOOKUP.get(str(head or "").strip().lower())
                if alias and alias not in seen:  # unknown and repeated headers are ignored
                    seen.add(alias)
                    columns.append((i, alias))
            missing = [LABELS[a] for a in REQUIRED if a not in seen]
            if missing:
                raise ImportRefused([Problem(m, "缺少必填列", rownum) for m in missing])
            continue
        yield rownum, {alias: values[i] if i < len(values) else None for i, alias in columns}
    if columns is None:
        raise ImportRefused([Problem("文件", "文件是空的，第一行应为列标题")])


def read_rows(path: str | os.PathLike) -> Iterator[tuple[int, dict[str, object]]]:
    """(spreadsheet row number, {alias: raw value}) for every non-blank data row."""
    _total, rows = _raw_rows(Path(path))
    try:
        yield from _mapped(rows)
    finally:
        rows.close()


# ---------------------------------------------------------------------------
# Checking one row.


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


def _date(value: object) -> date | None:
    if isinstance(value, int) and 19000101 <= value <= 99991231:
        value = str(value)  # 20260305 typed into a number cell
    return v.parse_date(value)


@dataclass
class _Row:
    rownum: int
    kind: str
    number: str  # "" when numbered on import
    values: dict  # the cases columns
    party: tuple[str, str | None, str | None, str | None, date | None]  # name, id, phone, gender, birth
    respondent: str | None


class _Checker:
    def __init__(self, session: Session, db: Database):
        self.today = date.today()
        self.limits = db.settings().limits
        self.categories = {
            kind: set(session.scalars(select(Category.name).where(
                Category.kind == kind, Category.active.is_(True))))
            for kind in ("petition", "dispute")
        }
        self.given: dict[str, int] = {}  # number given in the file → its row
        self.auto: dict[str, int] = {}  # number allocated on import → its row
        self.fresh: list[tuple[str, int]] = []  # given numbers not yet checked in the database

    def check(self, rownum: int, raw: dict[str, object]) -> tuple[_Row | None, list[tuple[str, str]]]:
        bad: list[tuple[str, str]] = []

        def get(alias, parse=_text):
            try:
                return parse(raw.get(alias))
            except ValueError as exc:
                bad.append((LABELS[alias], str(exc)))
                return None

        text = {a: _text(raw.get(a)) for a in (
            "number", "party", "respondent", "street", "category", "source", "handler",
            "summary", "outcome", "petition_type", "details", "community")}
        for alias, limit in _MAX_LEN.items():
            if len(text[alias]) > limit:
                bad.append((LABELS[alias], f"不能超过{limit}字"))
        for alias in REQUIRED:
            if alias not in ("kind", "received_on") and not text[alias]:
                bad.append((LABELS[alias], "必须填写"))
        kind_text = _text(raw.get("kind"))
        kind = _KINDS.get(kind_text.lower())
        if not kind_text:
            bad.append(("类型", "必须填写"))
        elif kind is None:
            bad.append(("类型", f"「{kind_text}」应为 信访 或 纠纷"))
        petition = kind == "petition"

        received, accepted, closed = (get(a, _date) for a in ("received_on", "accepted_on", "closed_on"))
        if received is None and not any(p[0] == "登记日期" for p in bad):
            bad.append(("登记日期", "必须填写"))
        for alias, day in (("received_on", received), ("accepted_on", accepted), ("closed_on", closed)):
            if day is not None and day > self.today:
                bad.append((LABELS[alias], f"{day.isoformat()} 晚于今天"))
        outcome = text["outcome"] or None
        rejected = outcome == wf.REJECTED
        if outcome and kind and (msg := wf.check_outcome(kind, outcome)):
            bad.append(("办理结果", msg))
        if closed and not outcome:
            bad.append(("办理结果", "填写了办结日期，须同时填写办理结果"))
        if outcome and not closed and "办结日期" not in (p[0] for p in bad):
            bad.append(("办结日期", "填写了办理结果，须同时填写办结日期"))
        if received and accepted and accepted < received:
            bad.append(("受理日期", "受理日期不能早于登记日期"))
        if rejected:
            if accepted and kind != "dispute":  # on a dispute 不予受理 itself is the problem
                bad.append(("受理日期", "不予受理的信访件不应有受理日期"))
            if closed and received and closed < received:
                bad.append(("办结日期", "办结日期不能早于登记日期"))
        elif closed:
            if accepted is None and "受理日期" not in (p[0] for p in bad):
                bad.append(("受理日期", "已办结的案件须有受理日期"))
            elif accepted and closed < accepted:
                bad.append(("办结日期", "办结日期不能早于受理日期"))

        if kind and text["category"] and text["category"] not in self.categories[kind]:
            bad.append(("类别", f"「{text['category']}」不在{wf.KIND_LABELS[wf.Kind(kind)]}类别列表中"))
        if kind and text["source"] and text["source"] not in wf.sources_for(kind):
            bad.append(("来源", f"「{text['source']}」应为：{'、'.join(wf.sources_for(kind))}"))
        flags = {a: get(a, v.parse_bool) for a in ("extended", "via_proxy", "entered", "performed", "is_repeat")}
        if kind == "dispute":
            for alias in ("via_proxy", "entered", "is_repeat"):
                if flags[alias]:
                    bad.append((LABELS[alias], "纠纷没有此项，应留空或填 否"))
            for alias in ("petition_type", "group_size"):
                if _text(raw.get(alias)):
                    bad.append((LABELS[alias], "纠纷没有此项，应留空"))
        if flags["performed"] and not (kind == "dispute" and outcome == wf.MEDIATED and closed):
            bad.append(("协议履行", "只有调解成功的纠纷才有协议履行"))
        if petition and text["respondent"]:
            bad.append(("对方当事人", "信访件没有对方当事人，应留空"))
        if petition and text["petition_type"] and text["petition_type"] not in wf.PETITION_TYPES:
            bad.append(("信访类型", f"应为：{'、'.join(wf.PETITION_TYPES)}"))
        group_size = get("group_size", v.parse_people)
        if group_size is not None and group_size < 5:
            bad.append(("集体访人数", "集体访人数应不少于5人"))

        id_info = None
        # A masked value (from a masked export, privacy.py) carries no number: taken as blank.
        if _text(raw.get("id_number")) and not is_masked(_text(raw.get("id_number"))):
            id_info = get("id_number", lambda x: v.check_id_number(_text(x)))
        phone = get("phone", lambda x: v.check_phone(_text(x))
                    if _text(x) and not is_masked(_text(x)) else None)
        people, amount = get("people", v.parse_people), get("amount", v.parse_amount)

        number = text["number"]
        if number:
            if number in self.given:
                bad.append(("编号", f"编号「{number}」与第{self.given[number]}行重复"))
            elif number in self.auto:
                bad.append(("编号", f"编号「{number}」与第{self.auto[number]}行自动分配的编号重复"))
            else:
                self.given[number] = rownum
                self.fresh.append((number, rownum))
        if bad:
            return None, bad

        extended = bool(flags["extended"])
        out = dict(
            kind=kind, outcome=outcome, summary=text["summary"], details=text["details"] or None,
            category=text["category"], source=text["source"] or None,
            street=text["street"] or None, community=text["community"] or None,
            received_on=received, accepted_on=accepted, closed_on=closed,
            due_on=wf.due_on(kind, received, accepted, extended, self.limits),
            status=wf.status_from_dates(accepted, closed, outcome).value,
            extended=extended, extension_reason="导入" if extended else None,
            handler=text["handler"] or None, people_count=people, amount=amount,
            petition_type=(text["petition_type"] or None) if petition else None,
            group_size=group_size if petition else None,
            is_repeat=bool(flags["is_repeat"]), via_proxy=bool(flags["via_proxy"]),
            entered=bool(flags["entered"]), performed=bool(flags["performed"]), version=1,
        )
        party = (text["party"], id_info.number if id_info else None, phone,
                 id_info.gender if id_info else None, id_info.birth_date if id_info else None)
        return _Row(rownum, kind, number, out, party, text["respondent"] or None), []


# ---------------------------------------------------------------------------
# Writing: persons, numbers, batches.


def _insert_ids(session: Session, table, rows: list[dict]) -> list[int]:
    """Insert many rows; their new ids in the order of ``rows``.

    PostgreSQL returns them with INSERT … RETURNING in parameter order. SQLite cannot promise
    the order of RETURNING rows, so SQLAlchemy would fall back to one statement per row (5×
    slower); there the import gives the ids itself: it holds the write lock from BEGIN
    IMMEDIATE to commit, and max(id) + 1 is what SQLite itself would give (no AUTOINCREMENT)."""
    if session.get_bind().dialect.name != "sqlite":
        return list(session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())
    start = session.scalar(select(func.max(table.c.id))) or 0
    ids = list(range(start + 1, start + 1 + len(rows)))
    session.execute(insert(table), [dict(r, id=i) for r, i in zip(rows, ids, strict=True)])
    return ids


class _Person:
    __slots__ = ("id", "name", "id_number", "phone", "gender", "birth_date", "dirty")

    def __init__(self, id, name, id_number, phone, gender=None, birth_date=None):
        self.id, self.name, self.id_number, self.phone = id, name, id_number, phone
        self.gender, self.birth_date, self.dirty = gender, birth_date, False


class _Persons:
    """Find a person the way services.find_person does (ID number, else name + phone), in the
    database and among the persons this file already created; one cache for both. A name +
    phone match is refused when both sides carry different ID numbers (a different person)."""

    def __init__(self, session: Session):
        self.session = session
        self.cache: dict[tuple, _Person] = {}
        self.created = 0
        self.new: list[_Person] = []
        self.dirty: list[_Person] = []

    def prefetch(self, rows: list[_Row]) -> None:
        ids = {r.party[1] for r in rows if r.party[1] and ("i", r.party[1]) not in self.cache}
        pairs = {(r.party[0], r.party[2]) for r in rows if r.party[2]
                 and ("n", r.party[0], r.party[2]) not in self.cache}
        cols = (Person.id, Person.name, Person.id_number, Person.phone)
        if ids:
            for pid, name, idn, phone in self.session.execute(
                    select(*cols).where(Person.id_number.in_(ids))):
                self.cache[("i", idn)] = _Person(pid, name, idn, phone)
        if pairs:
            phones = {p for _, p in pairs}
            for pid, name, idn, phone in self.session.execute(
                    select(*cols).where(Person.phone.in_(phones)).order_by(Person.id)):
                if (name, phone) in pairs:
                    self.cache.setdefault(("n", name, phone), _Person(pid, name, idn, phone))

    def get(self, name, id_number, phone, gender, birth) -> _Person:
        person = self.cache.get(("i", id_number)) if id_number else None
        if person is None and phone:
            found = self.cache.get(("n", name, phone))
            if found is not None and (not id_number or found.id_number in (None, id_number)):
                person = found
        if person is None:
            person = _Person(None, name, id_number, phone, gender, birth)
            self.new.append(person)
            self.created += 1
        else:  # fill what we now know; never overwrite what an earlier case recorded
            changed = False
            if id_number and person.id_number is None:
                person.id_number, person.gender, person.birth_date = id_number, gender, birth
                changed = True
            if phone and person.phone is None:
                person.phone, changed = phone, True
            if changed and person.id is not None and not person.dirty:
                person.dirty = True  # already in the database: updated with the batch
                self.dirty.append(person)
        if id_number:
            self.cache[("i", id_number)] = person
        if phone:
            self.cache.setdefault(("n", name, phone), person)
        return person

    def stranger(self, name: str) -> _Person:
        """A party with neither ID number nor phone: always a new person."""
        person = _Person(None, name, None, None)
        self.new.append(person)
        self.created += 1
        return person

    def write(self, now: datetime) -> None:
        table = Person.__table__
        if self.new:
            ids = _insert_ids(self.session, table, [
                dict(is_org=False, name=p.name, gender=p.gender, birth_date=p.birth_date,
                     id_number=p.id_number, phone=p.phone, created_at=now) for p in self.new])
            for p, pid in zip(self.new, ids, strict=True):
                p.id = pid
        if self.dirty:
            self.session.execute(
                update(table).where(table.c.id == bindparam("pid")).values(
                    id_number=bindparam("idn"), gender=bindparam("g"),
                    birth_date=bindparam("b"), phone=bindparam("ph")),
                [dict(pid=p.id, idn=p.id_number, g=p.gender, b=p.birth_date, ph=p.phone)
                 for p in self.dirty])
            for p in self.dirty:
                p.dirty = False
        self.new, self.dirty = [], []


class _Numbers:
    """Automatic numbers, the same sequence rows and format as services.allocate_number, but
    taken a batch at a time (one query per batch instead of two statements per case).

    A number the file gives must not collide with one given automatically. Numbers given in
    the rows read so far are skipped when allocating; a number given in a LATER row that
    equals one already allocated is reported as a duplicate of that row (see _Checker.check)."""

    def __init__(self, session: Session, db: Database, checker: _Checker):
        self.session, self.settings, self.checker = session, db.settings(), checker
        self.seqs: dict[tuple[str, int], NumberSequence] = {}

    def take(self, kind: str, year: int, count: int) -> list[str]:
        seq = self.seqs.get((kind, year))
        if seq is None:
            seq = self.session.get(NumberSequence, (kind, year), with_for_update=True)
            if seq is None:
                seq = NumberSequence(kind=kind, year=year, last=0)
                self.session.add(seq)
            self.seqs[(kind, year)] = seq
        template = self.settings.number_format(kind)
        out: list[str] = []
        while len(out) < count:
            tries = [(seq.last + i, format_number(template, year, seq.last + i))
                     for i in range(1, count - len(out) + 1)]
            taken = set(self.session.scalars(
                select(Case.number).where(Case.number.in_([n for _, n in tries]))))
            for last, number in tries:
                seq.last = last
                if number not in taken and number not in self.checker.given:
                    out.append(number)
        self.session.flush()
        return out


def import_file(db: Database, actor: int, path: str | os.PathLike, *,
                dry_run: bool = False) -> Job[ImportResult]:
    """Check every row, then insert all (or, with ``dry_run``, nothing). Yields Progress."""
    path = Path(path)
    total, raw = _raw_rows(path)
    db.settings()  # read (and cache) the settings before the write lock is taken
    problems: list[Problem] = []
    more = 0
    counts = {"rows": 0, "petition": 0, "dispute": 0, "numbered": 0}
    note = f"从 {path.name} 导入"

    def problem(p: Problem) -> None:
        nonlocal more
        if len(problems) < MAX_PROBLEMS:
            problems.append(p)
        else:
            more += 1

    try:
        with (db.read() if dry_run else db.write()) as session:
            services._require(session, actor, wf.Act.EDIT)
            checker = _Checker(session, db)
            persons = _Persons(session)
            numbers = None if dry_run else _Numbers(session, db, checker)
            now = datetime.now().replace(microsecond=0)

            def flush(batch: list[_Row]) -> None:
                # Every given number (of valid rows or not) is checked against the database.
                given = dict(checker.fresh)
                checker.fresh = []
                if given:
                    for number in session.scalars(select(Case.number).where(Case.number.in_(given))):
                        problem(Problem("编号", f"编号「{number}」已存在", given[number]))
                if problems or more:
                    return  # nothing more will be written; keep checking only
                if numbers is not None:
                    wanted: dict[tuple[str, int], list[_Row]] = {}
                    for r in batch:
                        if not r.number:
                            wanted.setdefault((r.kind, r.values["received_on"].year), []).append(r)
                    for (kind, year), rows in wanted.items():
                        for r, number in zip(rows, numbers.take(kind, year, len(rows)), strict=True):
                            r.number = number
                            checker.auto[number] = r.rownum
                persons.prefetch(batch)
                links = []
                for r in batch:
                    links.append([(persons.get(*r.party), wf.main_role(r.kind))])
                    if r.respondent:
                        links[-1].append((persons.stranger(r.respondent), RESPONDENT))
                if dry_run:
                    persons.new, persons.dirty = [], []
                    return
                persons.write(now)
                table = Case.__table__
                case_ids = _insert_ids(session, table, [
                    dict(r.values, number=r.number, created_at=now) for r in batch])
                session.execute(insert(CaseParty.__table__), [
                    dict(case_id=cid, person_id=p.id, role=role)
                    for cid, link in zip(case_ids, links, strict=True) for p, role in link])
                session.execute(insert(Event.__table__), [
                    dict(case_id=cid, at=now, user_id=actor, action="imported", changes=None, note=note)
                    for cid in case_ids])

            batch: list[_Row] = []
            for rownum, values in _mapped(raw):
                counts["rows"] += 1
                row, bad = checker.check(rownum, values)
                for field, message in bad:
                    problem(Problem(field, message, rownum))
                if row is not None:
                    counts[row.kind] += 1
                    counts["numbered"] += not row.number
                    batch.append(row)
                if len(batch) >= BATCH or len(checker.fresh) >= BATCH:
                    flush(batch)
                    batch = []
                if counts["rows"] % BATCH == 0:
                    yield Progress(counts["rows"], None if total is None else max(total, counts["rows"]),
                                   f"正在{'检查' if dry_run or problems else '导入'}第{rownum}行")
            if batch or checker.fresh:
                flush(batch)
            if problems or more:
                problems.sort(key=lambda p: p.row or 0)
                if more:
                    problems.append(Problem("文件", f"另有{more}处问题未列出，请先改正以上问题"))
                raise ImportRefused(problems, len(problems) + more - (1 if more else 0))
            if counts["rows"] == 0:
                raise ImportRefused([Problem("文件", "文件中没有案件行")])
            yield Progress(counts["rows"], counts["rows"], "完成")
    finally:
        raw.close()
    return ImportResult(rows=counts["rows"], petitions=counts["petition"],
                        disputes=counts["dispute"], persons_created=persons.created,
                        dry_run=dry_run, numbered=counts["numbered"])


def run_import(db: Database, actor: int, path: str | os.PathLike, *, dry_run: bool = False,
               on_progress=None) -> ImportResult:
    return run(import_file(db, actor, path, dry_run=dry_run), on_progress)


# ---------------------------------------------------------------------------
# Export.

_EXPORT_COLS = (
    Case.id, Case.kind, Case.number, Case.received_on, Case.accepted_on, Case.closed_on,
    Case.outcome, Case.extended, Case.street, Case.category, Case.source, Case.via_proxy,
    Case.entered, Case.performed, Case.handler, Case.summary, Case.people_count, Case.amount,
    Case.petition_type, Case.group_size, Case.is_repeat, Case.details, Case.community,
)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _export_row(c, main, respondent, mask: bool = False) -> list:
    petition = c.kind == wf.Kind.PETITION.value
    name, id_number, phone = main or ("", None, None)
    if mask:
        id_number, phone = mask_id_number(id_number) or None, mask_phone(phone) or None
    return [
        wf.KIND_SHORT[wf.Kind(c.kind)], c.number, c.received_on, c.accepted_on, c.closed_on,
        c.outcome, _yes(c.extended), name, id_number, phone, respondent, c.street, c.category,
        c.source, _yes(c.via_proxy) if petition else None, _yes(c.entered) if petition else None,
        _yes(c.performed) if c.outcome == wf.MEDIATED else None, c.handler, c.summary,
        c.people_count, c.amount, c.petition_type, c.group_size,
        _yes(c.is_repeat) if petition else None, c.details, c.community,
    ]


class _CsvOut:
    def __init__(self, path: Path):
        self.fh = open(path, "w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.fh)
        self.writer.writerow([zh for zh, _alias in ALL_HEADERS])

    def row(self, values: list) -> None:
        self.writer.writerow([
            "" if x is None else x.isoformat() if isinstance(x, date)
            else "'" + x if isinstance(x, str) and x.startswith(_FORMULA_START) else x
            for x in values])

    def close(self) -> None:
        self.fh.close()


class _XlsxOut:
    def __init__(self, path: Path, rows: int):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        self.path, self.cell_type = path, WriteOnlyCell
        self.wb = Workbook(write_only=True)
        self.ws = self.wb.create_sheet("案件")
        self.ws.freeze_panes = "A2"
        # Write-only sheets carry no <dimension>; openpyxl's writer asks the sheet for one if it
        # can. Without it every read-only reader (ours included) parses the sheet twice.
        size = f"A1:{get_column_letter(len(ALL_HEADERS))}{rows + 1}"
        self.ws.calculate_dimension = lambda: size
        for i, (zh, _alias) in enumerate(ALL_HEADERS, start=1):
            width = 40 if zh in ("事项摘要", "详细情况") else 22 if zh in ("编号", "身份证号") else 12
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.ws.append([zh for zh, _alias in ALL_HEADERS])

    def row(self, values: list) -> None:
        out = []
        for x in values:
            if isinstance(x, date):
                cell = self.cell_type(self.ws, value=x)
                cell.number_format = "yyyy-mm-dd"
                x = cell
            elif isinstance(x, str) and x.startswith("="):
                cell = self.cell_type(self.ws, value=x)
                cell.data_type = "s"  # text, not a formula openpyxl would write
                x = cell
            out.append(x)
        self.ws.append(out)

    def close(self) -> None:
        self.wb.save(self.path)


def _ordered_ids(session: Session, filters: list, case_ids) -> list[int]:
    if case_ids is None:
        return list(session.scalars(select(Case.id).where(*filters).order_by(Case.received_on, Case.id)))
    ids = list(dict.fromkeys(case_ids))
    found: list[tuple] = []
    for i in range(0, len(ids), BATCH):
        found += session.execute(select(Case.received_on, Case.id).where(
            Case.id.in_(ids[i:i + BATCH]), *filters)).all()
    return [cid for _r, cid in sorted(found)]


def export_file(db: Database, path: str | os.PathLike, *, date_from: date | None = None,
                date_to: date | None = None, kind: str | None = None,
                case_ids=None, actor: int | None = None,
                full_personal: bool | None = None) -> Job[int]:
    """Write the cases (never deleted ones) to .csv or .xlsx; yields Progress, returns rows.

    A user's export (``actor`` given; the GUI and the command line always give one) needs
    Act.EXPORT, masks ID numbers and phones unless ``full_personal`` (an admin only), and is
    an "export" event. Without an actor (a program's own call) the data is written whole.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(Problem("文件", "只能导出为 .xlsx 或 .csv 文件"))
    if full_personal is None:
        full_personal = actor is None
    if actor is not None:
        with db.read() as session:
            services._require(session, actor, wf.Act.EXPORT)
            if full_personal:
                services._require(session, actor, wf.Act.FULL_PERSONAL)
    mask = not full_personal
    filters = [Case.deleted_at.is_(None)]
    if date_from is not None:
        filters.append(Case.received_on >= date_from)
    if date_to is not None:
        filters.append(Case.received_on <= date_to)
    if kind is not None:
        filters.append(Case.kind == wf.Kind(kind).value)
    with db.read() as session:
        ids = _ordered_ids(session, filters, case_ids)
    yield Progress(0, len(ids), "正在导出")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise ValidationError(Problem("文件", f"无法在 {target.parent} 写入文件：{exc.strerror}")) from exc
    tmp = Path(tmp_name)
    done = False
    try:
        out = _CsvOut(tmp) if suffix == ".csv" else _XlsxOut(tmp, len(ids))
        try:
            with db.read() as session:
                for start in range(0, len(ids), BATCH):
                    chunk = ids[start:start + BATCH]
                    cases = {c.id: c for c in session.execute(
                        select(*_EXPORT_COLS).where(Case.id.in_(chunk)))}
                    main: dict[int, tuple] = {}
                    respondent: dict[int, str] = {}
                    for cid, role, name, idn, phone in session.execute(
                            select(CaseParty.case_id, CaseParty.role, Person.name, Person.id_number,
                                   Person.phone)
                            .join(Person, Person.id == CaseParty.person_id)
                            .where(CaseParty.case_id.in_(chunk),
                                   CaseParty.role.in_(("信访人", "申请人", RESPONDENT)))
                            .order_by(CaseParty.id)):
                        if role == RESPONDENT:
                            respondent.setdefault(cid, name)
                        elif role == wf.main_role(cases[cid].kind):
                            main.setdefault(cid, (name, idn, phone))
                    for cid in chunk:
                        out.row(_export_row(cases[cid], main.get(cid), respondent.get(cid), mask))
                    yield Progress(start + len(chunk), len(ids), "正在导出")
        finally:
            out.close()
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise ValidationError(Problem(
                "文件", f"无法写入 {target.name}（是否正在 Excel 中打开？）：{exc.strerror}")) from exc
        done = True
    finally:
        if not done:
            tmp.unlink(missing_ok=True)
    if actor is not None:
        note = f"{len(ids)}件 → {target.name}" + ("，完整个人信息" if full_personal else "")
        with db.write() as session:
            services.add_event(session, None, actor, "export", note=note)
    return len(ids)


def run_export(db: Database, path: str | os.PathLike, *, date_from: date | None = None,
               date_to: date | None = None, kind: str | None = None, case_ids=None,
               on_progress=None, actor: int | None = None,
               full_personal: bool | None = None) -> int:
    return run(export_file(db, path, date_from=date_from, date_to=date_to, kind=kind,
                           case_ids=case_ids, actor=actor, full_personal=full_personal),
               on_progress)


