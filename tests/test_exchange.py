"""Import and export of the exchange file (docs/domain.md §6)."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from stdnum.cn import ric

from caseapp import exchange, services
from caseapp import workflow as wf
from caseapp.errors import ValidationError
from caseapp.exchange import HEADERS, ImportRefused, read_rows, run_export, run_import
from caseapp.progress import Cancelled, Progress
from caseapp.services.intake import CaseInput, PartyInput
from caseapp.storage.models import Case, CaseParty, Event, NumberSequence, Person

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "samples" / "cases-sample.csv"
DATE_HEADERS = ("登记日期", "受理日期", "办结日期")


def make_id(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")  # it ignores the last character


ID_A = make_id("50010219800101123")  # 男 (odd 17th digit)
ID_B = make_id("50010219920715004")  # 女


def petition(**extra) -> dict[str, str]:
    row = {"类型": "信访", "登记日期": "2026-03-02", "当事人": "张秀英", "类别": "劳动社保",
           "事项摘要": "反映拖欠工资", "联系电话": "13800138000"}
    row.update(extra)
    return row


def dispute(**extra) -> dict[str, str]:
    row = {"类型": "纠纷", "登记日期": "2026-03-02", "受理日期": "2026-03-03", "当事人": "李建国",
           "对方当事人": "王强", "类别": "邻里纠纷", "事项摘要": "楼上漏水"}
    row.update(extra)
    return row


def write_csv(path: Path, rows: list[dict], headers: list[str] | None = None,
              encoding: str = "utf-8-sig") -> Path:
    if headers is None:
        present = {k for r in rows for k in r}
        headers = [zh for zh, _ in exchange.ALL_HEADERS if zh in present]
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        for r in rows:
            writer.writerow([r.get(h, "") for h in headers])
    return path


def counts(db) -> tuple[int, int, int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Case, Person, Event, CaseParty))


def snapshot(db) -> list[tuple]:
    """Every live case, field by field, with its parties; sorted by number."""
    out = []
    with db.read() as s:
        for c in s.scalars(select(Case).where(Case.deleted_at.is_(None)).order_by(Case.number)):
            parties = sorted((cp.role, cp.person.name, cp.person.id_number, cp.person.phone)
                             for cp in c.parties)
            out.append((c.kind, c.number, c.status, c.received_on, c.accepted_on, c.closed_on,
                        c.due_on, c.outcome, c.extended, c.category, c.source, c.street,
                        c.community, c.handler, c.summary, c.details, c.people_count, c.amount,
                        c.via_proxy, c.entered, c.performed, c.petition_type, c.group_size,
                        c.is_repeat, tuple(parties)))
    return out


def refused(db, actor, path) -> list[str]:
    with pytest.raises(ImportRefused) as info:
        run_import(db, actor, path)
    assert isinstance(info.value, ValidationError)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def sample() -> Path:
    return SAMPLE  # the sample file offices were given (tests/fixtures/samples)


@pytest.fixture
def fresh_db(make_db):
    return make_db  # another database of the run's kind (tests/conftest.py)


def sample_rows(sample: Path) -> list[dict[str, str]]:
    with open(sample, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------------------
# The shared sample.


def test_sample_imports_all_rows(db, actor, sample):
    rows = sample_rows(sample)
    result = run_import(db, actor, sample)
    assert result.rows == len(rows) == 120
    assert result.petitions == sum(r["类型"] == "信访" for r in rows)
    assert result.disputes == sum(r["类型"] == "纠纷" for r in rows)
    assert result.numbered == sum(not r["编号"] for r in rows)
    assert not result.dry_run
    assert counts(db)[0] == 120
    with db.read() as s:
        numbers = set(s.scalars(select(Case.number)))
        assert {r["编号"] for r in rows if r["编号"]} <= numbers
        assert len(numbers) == 120
        rejected = s.scalar(select(func.count()).where(Case.status == wf.Status.REJECTED.value))
        assert rejected == sum(r["办理结果"] == "不予受理" for r in rows)
        # Row 5 of the file: a dispute closed with 调解成功, respondent, ID number.
        c = s.scalar(select(Case).where(Case.number == "（2025）涪高调字第4号"))
        assert (c.kind, c.status, c.outcome, c.performed) == ("dispute", "closed", "调解成功", True)
        assert (c.received_on, c.accepted_on, c.closed_on) == (
            date(2025, 11, 18), date(2025, 11, 20), date(2026, 1, 18))
        # accepted + 30 days = 12-20, a Saturday → the Monday (民法典 Art. 203)
        assert c.due_on == date(2025, 12, 22)
        assert (c.category, c.source, c.street, c.handler) == ("征地拆迁纠纷", "信访转入", "马鞍街道", "刘晓燕")
        roles = {cp.role: cp.person for cp in c.parties}
        assert roles["申请人"].name == "高明花"
        assert roles["申请人"].id_number == "500234199612106978"
        assert roles["申请人"].birth_date == date(1996, 12, 10)
        assert roles["申请人"].gender == "男"
        assert roles["被申请人"].name == "林花平"
        # Row 4: petition, money and people, no number given.
        c = s.scalar(select(Case).join(CaseParty).join(Person).where(Person.name == "吕超峰"))
        assert (c.people_count, c.amount, c.status, c.via_proxy, c.entered) == (
            6, Decimal("2925.92"), "in_progress", False, True)
        assert c.due_on == date(2025, 9, 27) + timedelta(days=60)


def test_sample_in_gb18030_and_xlsx_imports_identically(db, actor, sample, tmp_path, fresh_db):
    run_import(db, actor, sample)
    expected = snapshot(db)
    rows = sample_rows(sample)
    headers = list(rows[0].keys())

    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(sample.read_text(encoding="utf-8-sig").encode("gb18030"))
    with pytest.raises(UnicodeDecodeError):
        gbk.read_bytes().decode("utf-8")
    db_gbk = fresh_db("gbk")
    run_import(db_gbk, db_gbk.local_user_id(), gbk)
    assert snapshot(db_gbk) == expected

    from caseapp.validation import parse_date

    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        values = []
        for h in headers:
            value = r[h]
            if h in DATE_HEADERS and value:
                value = datetime.combine(parse_date(value), datetime.min.time())
            elif h in ("涉及人数",) and value:
                value = int(value)
            elif h == "涉及金额" and value:
                value = float(value)
            values.append(value or None)
        ws.append(values)
    xlsx = tmp_path / "sample.xlsx"
    wb.save(xlsx)
    check = load_workbook(xlsx)
    assert check.active.cell(row=2, column=headers.index("登记日期") + 1).is_date
    db_x = fresh_db("xlsx")
    result = run_import(db_x, db_x.local_user_id(), xlsx)
    assert result.rows == 120
    assert snapshot(db_x) == expected


def test_mixed_date_forms(db, actor, tmp_path):
    forms = ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "20260305", " 2026-3-5 "]
    path = write_csv(tmp_path / "dates.csv", [petition(登记日期=f, 当事人=f"人{i}") for i, f in enumerate(forms)])
    assert run_import(db, actor, path).rows == len(forms)
    wb = Workbook()
    ws = wb.active
    ws.append(["类型", "登记日期", "受理日期", "当事人", "类别", "事项摘要"])
    ws.append(["信访", datetime(2026, 3, 5), 20260306, "赵一", "教育", "学位"])
    ws.append(["信访", date(2026, 3, 5), "2026年3月6日", "赵二", "教育", "学位"])
    xlsx = tmp_path / "dates.xlsx"
    wb.save(xlsx)
    assert run_import(db, actor, xlsx).rows == 2
    with db.read() as s:
        assert set(s.scalars(select(Case.received_on))) == {date(2026, 3, 5)}
        assert set(s.scalars(select(Case.accepted_on).where(Case.accepted_on.is_not(None)))) == {date(2026, 3, 6)}


# ---------------------------------------------------------------------------
# Refusals: every problem, by row and column, and nothing written.

BAD_ROWS = [
    ("bad id checksum", petition(身份证号=ID_A[:-1] + ("0" if ID_A[-1] != "0" else "1")), "身份证号", "校验位"),
    ("accepted before received", petition(受理日期="2026-03-01"), "受理日期", "不能早于登记日期"),
    ("closed before accepted", dispute(办结日期="2026-03-02", 办理结果="调解成功"), "办结日期", "不能早于受理日期"),
    ("outcome of the other kind", dispute(办结日期="2026-03-05", 办理结果="支持"), "办理结果", "不是矛盾纠纷的办理结果"),
    ("petition with a dispute outcome", petition(受理日期="2026-03-03", 办结日期="2026-03-05", 办理结果="调解成功"), "办理结果", "不是信访件的办理结果"),
    ("unknown category", petition(类别="外星人"), "类别", "不在信访件类别列表中"),
    ("dispute category on a petition", petition(类别="邻里纠纷"), "类别", "不在信访件类别列表中"),
    ("closed without outcome", dispute(办结日期="2026-03-05"), "办理结果", "须同时填写办理结果"),
    ("outcome without closed", dispute(办理结果="调解成功"), "办结日期", "须同时填写办结日期"),
    ("closed without accepted", petition(办结日期="2026-03-05", 办理结果="支持"), "受理日期", "已办结的案件须有受理日期"),
    ("rejected with accepted", petition(受理日期="2026-03-03", 办结日期="2026-03-05", 办理结果="不予受理"), "受理日期", "不予受理"),
    ("rejected before received", petition(办结日期="2026-03-01", 办理结果="不予受理"), "办结日期", "不能早于登记日期"),
    ("bad phone", petition(联系电话="12345"), "联系电话", "不是有效的手机号或固定电话"),
    ("bad kind", petition(类型="投诉"), "类型", "应为 信访 或 纠纷"),
    ("future date", petition(登记日期=(date.today() + timedelta(days=3)).isoformat()), "登记日期", "晚于今天"),
    ("no party", petition(当事人=""), "当事人", "必须填写"),
    ("no summary", petition(事项摘要=" "), "事项摘要", "必须填写"),
    ("no received date", petition(登记日期=""), "登记日期", "必须填写"),
    ("bad date", petition(登记日期="2026-02-30"), "登记日期", "不是存在的日期"),
    ("bad source", petition(来源="当事人申请"), "来源", "应为"),
    ("bad yes/no", petition(信访代理="也许"), "信访代理", "应填 是 或 否"),
    ("proxy on a dispute", dispute(信访代理="是"), "信访代理", "纠纷没有此项"),
    ("performed without success", dispute(办结日期="2026-03-05", 办理结果="调解不成", 协议履行="是"), "协议履行", "调解成功"),
    ("respondent on a petition", petition(对方当事人="某公司"), "对方当事人", "信访件没有对方当事人"),
    ("people zero", petition(涉及人数="0"), "涉及人数", "不小于1"),
    ("negative amount", petition(涉及金额="-5"), "涉及金额", "不小于0"),
]


@pytest.mark.parametrize("row,column,message", [b[1:] for b in BAD_ROWS], ids=[b[0] for b in BAD_ROWS])
def test_bad_row_is_refused_and_nothing_written(db, actor, tmp_path, row, column, message):
    run_import(db, actor, write_csv(tmp_path / "first.csv", [petition(当事人="先前")]))
    before = counts(db)
    rows = [petition(当事人="甲"), dispute(当事人="乙"), row, petition(当事人="丁")]
    problems = refused(db, actor, write_csv(tmp_path / "bad.csv", rows))
    assert any(p.startswith(f"第4行 {column}: ") and message in p for p in problems), problems
    assert all(p.startswith("第4行 ") for p in problems), problems
    assert counts(db) == before


def test_duplicate_number_within_the_file(db, actor, tmp_path):
    rows = [petition(编号="A-1"), petition(编号="A-2"), petition(编号="A-1")]
    problems = refused(db, actor, write_csv(tmp_path / "dup.csv", rows))
    assert problems == ["第4行 编号: 编号「A-1」与第2行重复"]
    assert counts(db)[0] == 0


def test_duplicate_number_against_the_database(db, actor, tmp_path):
    run_import(db, actor, write_csv(tmp_path / "a.csv", [petition(编号="A-1")]))
    before = counts(db)
    rows = [petition(编号="B-1"), petition(编号="A-1", 类别="外星人")]
    problems = refused(db, actor, write_csv(tmp_path / "b.csv", rows))
    # Every problem of the row, including the number checked against the database.
    assert sorted(problems) == sorted(["第3行 类别: 「外星人」不在信访件类别列表中",
                                       "第3行 编号: 编号「A-1」已存在"])
    assert counts(db) == before


def test_missing_required_column(db, actor, tmp_path):
    headers = ["类型", "登记日期", "当事人", "事项摘要"]
    path = write_csv(tmp_path / "nocat.csv", [petition()], headers=headers)
    assert refused(db, actor, path) == ["第1行 类别: 缺少必填列"]
    assert counts(db) == (0, 0, 0, 0)


def test_every_problem_is_listed_after_many_inserted_rows(db, actor, tmp_path):
    """Rows past the first insert batch are bad: everything is rolled back."""
    good = [petition(当事人=f"人{i}", 联系电话=f"139{i:08d}") for i in range(1500)]
    rows = good + [petition(联系电话="1"), dispute(类别="外星人"), petition(编号="X-1"), petition(编号="X-1")]
    before = counts(db)
    problems = refused(db, actor, write_csv(tmp_path / "many.csv", rows))
    assert [p.split(":")[0] for p in problems] == ["第1502行 联系电话", "第1503行 类别", "第1505行 编号"]
    assert counts(db) == before
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(NumberSequence)) == 0


def test_problem_list_is_capped(db, actor, tmp_path):
    rows = [petition(类别="外星人", 当事人=f"人{i}") for i in range(1200)]
    with pytest.raises(ImportRefused) as info:
        run_import(db, actor, write_csv(tmp_path / "cap.csv", rows))
    problems = info.value.problems
    assert len(problems) == exchange.MAX_PROBLEMS + 1
    assert str(problems[0]).startswith("第2行 类别")
    assert "另有200处问题" in str(problems[-1])
    assert info.value.total == 1200
    assert "1200处问题" in str(info.value)


def test_not_a_spreadsheet(db, actor, tmp_path):
    path = tmp_path / "cases.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert "另存为 .xlsx" in refused(db, actor, path)[0]
    assert "找不到文件" in refused(db, actor, tmp_path / "missing.csv")[0]


# ---------------------------------------------------------------------------
# Dry run, numbering, persons, events, progress.


def test_dry_run_writes_nothing(db, actor, tmp_path):
    run_import(db, actor, write_csv(tmp_path / "a.csv", [petition(编号="A-1")]))
    before = counts(db)
    path = write_csv(tmp_path / "b.csv", [petition(当事人="新人"), dispute(), petition(编号="A-2")])
    result = run_import(db, actor, path, dry_run=True)
    assert (result.rows, result.petitions, result.disputes, result.numbered, result.dry_run) == (3, 2, 1, 2, True)
    assert result.persons_created == 3  # 新人, 李建国, 王强; 张秀英 is found
    assert counts(db) == before
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(NumberSequence)) == 0
    # A dry run still checks numbers against the database.
    with pytest.raises(ImportRefused) as info:
        run_import(db, actor, write_csv(tmp_path / "c.csv", [petition(编号="A-1")]), dry_run=True)
    assert [str(p) for p in info.value.problems] == ["第2行 编号: 编号「A-1」已存在"]


def test_automatic_numbers(db, actor, tmp_path):
    services.register_dispute(db, actor, CaseInput(summary="先登记", category="邻里纠纷",
                                                   received_on=date(2026, 1, 5), number="（2026）调字第0001号"),
                              [PartyInput(name="某人", role="申请人")])
    rows = [petition(登记日期="2025-05-01"), petition(登记日期="2025-06-01", 编号="（2025）信字第0001号"),
            petition(登记日期="2026-01-02"), dispute(登记日期="2026-01-02", 受理日期=""),
            dispute(登记日期="2026-01-03", 受理日期="")]
    result = run_import(db, actor, write_csv(tmp_path / "n.csv", rows))
    assert result.numbered == 4
    with db.read() as s:
        numbers = list(s.scalars(select(Case.number).order_by(Case.id)))
    # The given number is skipped, and so is the number already in the database.
    assert numbers == ["（2026）调字第0001号", "（2025）信字第0002号", "（2025）信字第0001号",
                       "（2026）信字第0001号", "（2026）调字第0002号", "（2026）调字第0003号"]


def test_given_number_later_equal_to_an_automatic_one(db, actor, tmp_path):
    rows = [petition(当事人=f"人{i}", 登记日期="2025-05-01") for i in range(1100)]
    rows.append(petition(编号="（2025）信字第0005号"))
    problems = refused(db, actor, write_csv(tmp_path / "late.csv", rows))
    assert problems == ["第1102行 编号: 编号「（2025）信字第0005号」与第6行自动分配的编号重复"]
    assert counts(db)[0] == 0


def test_persons_are_shared(db, actor, tmp_path):
    services.register_petition(db, actor, CaseInput(summary="旧案", category="教育", received_on=date(2026, 1, 5)),
                               [PartyInput(name="周老", role="信访人", id_number=ID_B)])
    services.register_petition(db, actor, CaseInput(summary="旧案2", category="教育", received_on=date(2026, 1, 5)),
                               [PartyInput(name="钱多", role="信访人", phone="13911112222")])
    persons_before = counts(db)[1]
    id_x, id_y = make_id("11010519491231002"), make_id("11010519500101003")
    rows = [
        petition(当事人="赵甲", 身份证号=ID_A, 联系电话=""),
        petition(当事人="赵甲", 身份证号=ID_A, 联系电话="13600000001"),  # same ID: phone filled in
        petition(当事人="孙乙", 联系电话="13600000002"),
        petition(当事人="孙乙", 联系电话=" 136 0000 0002"),  # same name + phone once normalised
        petition(当事人="孙乙", 联系电话="13600000002", 身份证号=id_x),  # fills the ID in
        petition(当事人="孙乙", 联系电话="13600000002", 身份证号=id_y),  # another ID: another person
        petition(当事人="无名", 联系电话=""), petition(当事人="无名", 联系电话=""),  # no ID, no phone
        petition(当事人="周老", 身份证号=ID_B, 联系电话="13700000000"),  # existing, by ID
        petition(当事人="钱多", 联系电话="13911112222"),  # existing, by name + phone (ID below)
        dispute(当事人="赵甲", 身份证号=ID_A, 对方当事人="钱多"),
    ]
    rows[9]["身份证号"] = make_id("11010519491231005")  # existing, by name + phone
    result = run_import(db, actor, write_csv(tmp_path / "p.csv", rows))
    with db.read() as s:
        by_name = dict(s.execute(select(Person.name, func.count()).group_by(Person.name)).all())
        zhao = s.scalar(select(Person).where(Person.name == "赵甲"))
        zhou = s.scalar(select(Person).where(Person.name == "周老"))
        qian = s.scalar(select(Person).where(Person.name == "钱多", Person.phone.is_not(None)))
        sun = s.scalars(select(Person).where(Person.name == "孙乙").order_by(Person.id)).all()
        zhao_cases = s.scalar(select(func.count()).select_from(CaseParty).where(CaseParty.person_id == zhao.id))
        sun_cases = [s.scalar(select(func.count()).select_from(CaseParty).where(CaseParty.person_id == p.id))
                     for p in sun]
    assert by_name["赵甲"] == 1 and zhao_cases == 3
    assert (zhao.gender, zhao.birth_date, zhao.phone) == ("男", date(1980, 1, 1), "13600000001")
    assert [(p.id_number, p.phone) for p in sun] == [(id_x, "13600000002"), (id_y, "13600000002")]
    assert sun_cases == [3, 1]
    assert by_name["无名"] == 2
    assert by_name["周老"] == 1 and zhou.phone == "13700000000"  # filled in, not duplicated
    assert qian.id_number == make_id("11010519491231005")
    assert by_name["钱多"] == 2  # the respondent has neither ID nor phone: a new person
    new_persons = counts(db)[1] - persons_before
    assert new_persons == result.persons_created == 6  # 赵甲, 孙乙 ×2, 无名 ×2, respondent 钱多


def test_each_case_has_an_imported_event(db, actor, tmp_path, sample):
    run_import(db, actor, sample)
    with db.read() as s:
        events = s.execute(select(Event.case_id, Event.action, Event.note, Event.user_id)).all()
        case_ids = set(s.scalars(select(Case.id)))
    assert {e.case_id for e in events} == case_ids
    assert len(events) == len(case_ids)
    assert {(e.action, e.note, e.user_id) for e in events} == {("imported", "从 cases-sample.csv 导入", actor)}


def test_progress_is_yielded_and_cancel_writes_nothing(db, actor, tmp_path):
    rows = [petition(当事人=f"人{i}") for i in range(2500)]
    path = write_csv(tmp_path / "big.csv", rows)
    seen: list[Progress] = []
    result = run_import(db, actor, path, dry_run=True, on_progress=seen.append)
    assert result.rows == 2500
    assert [p.done for p in seen] == [1000, 2000, 2500]
    assert seen[-1].total == 2500 and all(p.total == 2500 for p in seen)
    with pytest.raises(Cancelled):
        run_import(db, actor, path, on_progress=lambda p: p.done < 2000)
    assert counts(db) == (0, 0, 0, 0)


def test_read_rows_headers_aliases_blank_rows(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("\ufeff summary ,KIND,未知列,received_on,party,类别\n"
                    "事,信访,x,2026-03-02,张三,教育\n"
                    ",,,,,\n"
                    "事2,纠纷,y,2026-03-03,李四,邻里纠纷\n", encoding="utf-8")
    rows = list(read_rows(path))
    assert rows == [
        (2, {"summary": "事", "kind": "信访", "received_on": "2026-03-02", "party": "张三", "category": "教育"}),
        (4, {"summary": "事2", "kind": "纠纷", "received_on": "2026-03-03", "party": "李四", "category": "邻里纠纷"}),
    ]
    wb = Workbook()
    ws = wb.active
    ws.append(["kind", "received_on", "party", "category", "summary"])
    ws.append(["信访", date(2026, 3, 2), "张三", "教育", "事"])
    ws.append([None] * 5)
    ws.append(["纠纷", date(2026, 3, 3), "李四", "邻里纠纷", "事2"])
    wb.save(tmp_path / "a.xlsx")
    got = list(read_rows(tmp_path / "a.xlsx"))
    assert [n for n, _ in got] == [2, 4]
    assert got[1][1]["received_on"] == datetime(2026, 3, 3)


def test_alias_headers_import(db, actor, tmp_path):
    path = tmp_path / "en.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([alias for _zh, alias in HEADERS][::-1])  # any order
        row = {"kind": "纠纷", "received_on": "2026-03-02", "accepted_on": "2026-03-03",
               "closed_on": "2026-03-10", "outcome": "调解成功", "performed": "是", "party": "李建国",
               "respondent": "王强", "category": "邻里纠纷", "summary": "漏水", "extended": "是"}
        w.writerow([row.get(alias, "") for _zh, alias in HEADERS][::-1])
    run_import(db, actor, path)
    with db.read() as s:
        c = s.scalar(select(Case))
        assert (c.status, c.performed, c.extended, c.extension_reason) == ("closed", True, True, "导入")
        # 3-03 + 60 = 5-02, in 劳动节 (5-01…5-05) → the first working day (Art. 203)
        assert c.due_on == date(2026, 5, 6)


# ---------------------------------------------------------------------------
# Export.


def _populate(db, actor, sample) -> int:
    """The sample, one case with the extra columns, and one deleted case."""
    run_import(db, actor, sample)
    ref = services.register_petition(db, actor, CaseInput(
        summary="集体反映", category="城乡建设", received_on=date(2026, 2, 1), source="来访",
        details="详细经过……", community="龙桥村", petition_type="申诉求决类", group_size=8,
        people_count=8, amount=Decimal("1200.50")),
        [PartyInput(name="韩梅", role="信访人", id_number=ID_B, phone="023-72281234"),
         PartyInput(name="代理甲", role="代理人")])
    services.accept(db, actor, ref.id, on=date(2026, 2, 3))
    services.extend(db, actor, ref.id, "情况复杂")
    gone = services.register_petition(db, actor, CaseInput(summary="误录", category="教育",
                                                           received_on=date(2026, 2, 2)),
                                      [PartyInput(name="误录人", role="信访人")])
    services.delete_case(db, actor, gone.id, "重复登记")
    return 121


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_gives_the_same_cases(db, actor, sample, tmp_path, fresh_db, suffix):
    expected_rows = _populate(db, actor, sample)
    out = tmp_path / f"out{suffix}"
    assert run_export(db, out) == expected_rows
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    other = fresh_db("again")
    result = run_import(other, other.local_user_id(), out)
    assert result.rows == expected_rows and result.numbered == 0
    # The exported file holds the main party only (the 代理人 is not a column).
    want = [c[:-1] + (tuple(p for p in c[-1] if p[0] != "代理人"),) for c in snapshot(db)]
    assert snapshot(other) == want
    assert any(c[21] == "申诉求决类" and c[22] == 8 for c in want)


def test_export_csv_has_bom_and_headers(db, actor, tmp_path):
    run_import(db, actor, write_csv(tmp_path / "in.csv", [petition(), dispute()]))
    out = tmp_path / "out.csv"
    assert run_export(db, out) == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].split(",")[:len(HEADERS)] == [zh for zh, _ in HEADERS]
    assert lines[1].startswith("信访,（2026）信字第0001号,2026-03-02,,,,否,张秀英,,13800138000,,")
    assert lines[2].startswith("纠纷,（2026）调字第0001号,2026-03-02,2026-03-03,,,否,李建国,,,王强,")


def test_export_xlsx_has_date_cells(db, actor, tmp_path):
    run_import(db, actor, write_csv(tmp_path / "in.csv", [dispute(办结日期="2026-03-09", 办理结果="调解成功")]))
    out = tmp_path / "out.xlsx"
    run_export(db, out)
    ws = load_workbook(out).worksheets[0]
    head = [c.value for c in ws[1]]
    assert head[:len(HEADERS)] == [zh for zh, _ in HEADERS]
    row = {h: c for h, c in zip(head, ws[2], strict=True)}
    for name, day in (("登记日期", date(2026, 3, 2)), ("受理日期", date(2026, 3, 3)), ("办结日期", date(2026, 3, 9))):
        assert row[name].is_date and row[name].number_format == "yyyy-mm-dd"
        assert row[name].value.date() == day
    assert row["协议履行"].value == "否" and row["类型"].value == "纠纷"
    # The sheet states its size, so streaming readers know the row count up front.
    streamed = load_workbook(out, read_only=True)
    assert streamed.worksheets[0].max_row == 2
    streamed.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_text_that_looks_like_a_formula_round_trips(db, actor, tmp_path, fresh_db, suffix):
    rows = [petition(事项摘要="=HYPERLINK(\"http://x\",\"点我\")", 承办人="-周", 街镇="@马鞍", 当事人="+甲")]
    run_import(db, actor, write_csv(tmp_path / "in.csv", rows))
    out = tmp_path / f"out{suffix}"
    run_export(db, out)
    if suffix == ".csv":
        text = out.read_text(encoding="utf-8-sig")
        assert "'=HYPERLINK" in text and "'-周" in text
    else:
        ws = load_workbook(out).worksheets[0]
        summary = ws.cell(row=2, column=[zh for zh, _ in HEADERS].index("事项摘要") + 1)
        assert summary.data_type == "s" and summary.value.startswith("=HYPERLINK")
    other = fresh_db("again")
    run_import(other, other.local_user_id(), out)
    assert snapshot(other) == snapshot(db)


def test_export_filters(db, actor, tmp_path):
    rows = [petition(登记日期="2026-01-10"), petition(登记日期="2026-02-10"),
            dispute(登记日期="2026-02-11", 受理日期=""), dispute(登记日期="2026-03-01", 受理日期="")]
    run_import(db, actor, write_csv(tmp_path / "in.csv", rows))

    def numbers(**kw) -> list[str]:
        out = tmp_path / "f.csv"
        run_export(db, out, **kw)
        return [r["编号"] for r in csv.DictReader(open(out, encoding="utf-8-sig", newline=""))]

    assert numbers(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)) == [
        "（2026）信字第0002号", "（2026）调字第0001号"]
    assert numbers(kind="dispute") == ["（2026）调字第0001号", "（2026）调字第0002号"]
    with db.read() as s:
        ids = list(s.scalars(select(Case.id).order_by(Case.id.desc())))
    assert numbers(case_ids=[ids[0], ids[3]]) == ["（2026）信字第0001号", "（2026）调字第0002号"]
    assert numbers(case_ids=[ids[0]], kind="petition") == []


def test_failed_export_leaves_no_file(db, actor, tmp_path):
    run_import(db, actor, write_csv(tmp_path / "in.csv", [petition()]))
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(Cancelled):  # stopped after the first rows were written
        run_export(db, target, on_progress=lambda p: p.done == 0)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(ValidationError):
        run_export(db, tmp_path / "out.pdf")
    with pytest.raises(ValidationError):
        run_export(db, tmp_path / "no-such-folder" / "out.csv")
