"""Offices in one database (issue #18, items 2 and 4): an office's user never sees or changes
another office's cases, persons, events or work-log entries — through every public read and
act, not only in the GUI; a district user sees the offices given; new rows get the right
office and are numbered per office; a single office's file behaves as before."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from caseapp import queries
from caseapp import services as s
from caseapp.cli.main import main
from caseapp.errors import NotFound, PermissionDenied, ValidationError
from caseapp.exchange.exporter import run_export
from caseapp.figures import stats
from caseapp.reports.case_list import run_case_list
from caseapp.services import accounts, audit, offices
from caseapp.storage.models import Case, Event, Person, WorkLogEntry

PW = "secret-pass-1"
ID1 = "500102195507142462"
TODAY = date.today()
DAY = TODAY - timedelta(days=3)


def _petition(summary: str) -> s.CaseInput:
    return s.CaseInput(summary=summary, category="劳动社保", received_on=DAY, source="来访",
                       community="幸福社区", street="城关街道")


def _petitioner() -> s.PartyInput:
    return s.PartyInput(name="张秀英", role="信访人", id_number=ID1, phone="13812345678")


@dataclass
class District:
    db: object
    admin: int
    a: int  # office ids
    b: int
    clerk_a: int
    admin_a: int
    clerk_b: int
    both: int
    nobody: int
    cases_a: list[int]
    cases_b: list[int]
    entry_a: int
    entry_b: int


def _office_cases(db, clerk: int, word: str) -> list[int]:
    ids = [s.register_petition(db, clerk, _petition(f"{word}事项{i}"), [_petitioner()]).id
           for i in range(3)]
    ids.append(s.register_dispute(db, clerk, s.CaseInput(
        summary=f"{word}邻里纠纷", category="邻里纠纷", received_on=DAY, source="当事人申请",
        community="幸福社区"), [s.PartyInput(name="高明花", role="申请人"),
                            s.PartyInput(name="林花平", role="被申请人")]).id)
    return ids


@pytest.fixture
def district(make_db) -> District:
    db = make_db()
    admin = accounts.setup_admin(db, "district", "区管理员", PW)
    a = offices.add_office(db, admin, "A01", "甲街道调解办")
    b = offices.add_office(db, admin, "B01", "乙街道调解办")
    users = {name: accounts.add_user(db, admin, name, name, role, PW, office_id=office)
             for name, role, office in (("clerk_a", "clerk", a), ("admin_a", "admin", a),
                                        ("clerk_b", "clerk", b), ("both", "clerk", None),
                                        ("nobody", "clerk", None))}
    offices.give_offices(db, admin, "both", [a, b])
    cases_a = _office_cases(db, users["clerk_a"], "甲方")
    cases_b = _office_cases(db, users["clerk_b"], "乙方")
    entry = s.WorkLogInput(DAY, "日常排查", "城关街道", "幸福社区", "张三", 1, "排查")
    entry_a = s.add_worklog(db, users["clerk_a"], entry, [cases_a[3]])
    entry_b = s.add_worklog(db, users["clerk_b"], entry, [cases_b[3]])
    return District(db, admin, a, b, users["clerk_a"], users["admin_a"], users["clerk_b"],
                    users["both"], users["nobody"], cases_a, cases_b, entry_a, entry_b)


def _offices_of(db, model, ids=None) -> set[int]:
    with db.read() as session:
        stmt = select(model.office_id).distinct()
        if ids is not None:
            stmt = stmt.where(model.id.in_(ids))
        return set(session.scalars(stmt))


def test_new_rows_take_the_office_and_number_within_it(district):
    d = district
    db = d.db
    assert _offices_of(db, Case, d.cases_a) == {d.a} and _offices_of(db, Case, d.cases_b) == {d.b}
    with db.read() as session:
        numbers = {o: sorted(session.scalars(select(Case.number).where(Case.office_id == o)))
                   for o in (d.a, d.b)}
        # The same ID number is one person per office: each office keeps its own.
        persons = session.execute(select(Person.office_id, func.count()).where(
            Person.id_number == ID1).group_by(Person.office_id)).all()
        events = dict(session.execute(select(Event.case_id, Event.office_id)
                                      .where(Event.case_id.is_not(None))).all())
        entries = dict(session.execute(select(WorkLogEntry.id, WorkLogEntry.office_id)).all())
    assert numbers[d.a] == numbers[d.b] and len(numbers[d.a]) == 4  # numbered per office
    assert sorted(persons) == [(d.a, 1), (d.b, 1)]
    assert {events[c] for c in d.cases_a} == {d.a} and {events[c] for c in d.cases_b} == {d.b}
    assert entries == {d.entry_a: d.a, d.entry_b: d.b}
    # A repeat is found within the office (the second and third petitions of the same person).
    assert [queries.case_detail(db, c).is_repeat for c in d.cases_a[:3]] == [False, True, True]


def _pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_an_office_user_reads_only_their_office(district, tmp_path):
    d = district
    db = d.db
    mine, theirs = set(d.cases_a), set(d.cases_b)
    assert offices.apply_scope(db, d.clerk_a) == frozenset({d.a})
    everything = queries.CaseFilter()
    assert queries.count(db, everything) == 4
    assert set(queries.case_ids(db, everything)) == mine
    assert {r.id for r in queries.case_rows(db, d.cases_a + d.cases_b)} == mine
    assert {r.id for r in queries.first_page(db, everything).rows} == mine
    number = queries.case_detail(db, d.cases_a[0]).number  # the other office's first has it too
    for indexed in ((True, False) if db.is_sqlite else (False,)):  # FTS5: SQLite's own
        for term in ("张秀英", "zxy", number, "事项", "5678"):
            hits = {h.id for h in queries.search_cases(db, term, indexed=indexed)}
            assert hits and hits <= mine, (term, indexed)
        assert queries.search_cases(db, "乙方", indexed=indexed) == []
    for case_id in d.cases_b:
        with pytest.raises(NotFound, match="案件不存在或已删除"):
            queries.case_detail(db, case_id)
    assert queries.related_cases(db, d.cases_a[0]) and all(
        r.id in mine for r in queries.related_cases(db, d.cases_a[0]))
    warnings = queries.group_warnings(db, window_days=30, min_cluster=3)
    assert warnings and all(set(w.case_ids) <= mine for w in warnings)
    lists = queries.workbench(db, TODAY, pending_days=0)
    assert lists["pending"] and all(r.id in mine for rows in lists.values() for r in rows)
    assert queries.workbench_counts(db, TODAY, pending_days=0)["pending"] == 4
    matches = queries.find_persons(db, id_number=ID1)
    with db.read() as session:
        a_persons = set(session.scalars(select(Person.id).where(Person.office_id == d.a)))
    assert matches and {m.person_id for m in matches} <= a_persons
    assert [r.id for r in queries.list_worklog(db)] == [d.entry_a]
    assert queries.count_worklog(db) == 1 and queries.worklog_entry(db, d.entry_b) is None
    assert queries.worklog_linked_cases(db, d.entry_b) == []
    fig = stats.figures(db, DAY, TODAY)
    assert fig.petitions.count("received") == 3 and fig.disputes.count("received") == 1
    assert fig.work.count("screenings") == 1
    out = run_export(db, tmp_path / "mine.csv", actor=d.clerk_a)
    with open(tmp_path / "mine.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert out == 4 and all("甲方" in r["事项摘要"] for r in rows)
    pdf = run_case_list(db, everything, tmp_path / "list.pdf")
    text = _pdf_text(pdf)
    assert "甲方" in text and "乙方" not in text
    entries = audit.list_events(db, d.admin_a)
    assert entries and all(e.case_id is None or e.case_id in mine for e in entries)
    assert all(e.action not in ("office_added",) or e.note.startswith("甲") for e in entries)
    # The district administrator sees both offices.
    offices.apply_scope(db, d.admin)
    assert db.scope is None and set(queries.case_ids(db, everything)) == mine | theirs
    assert stats.figures(db, DAY, TODAY).petitions.count("received") == 6


def _snapshot(db):
    with db.read() as session:
        return (session.execute(select(Case.__table__)).all(),
                session.execute(select(WorkLogEntry.__table__)).all(),
                session.scalar(select(func.count(Event.id))),
                session.scalar(select(func.count(Person.id))))


MISSING = 10 ** 6


@pytest.mark.parametrize("scoped", [True, False], ids=["program-scoped", "api-unscoped"])
def test_acts_on_another_offices_case_are_refused_as_if_missing(district, scoped):
    """Refused by the services themselves: also when the program set no scope."""
    d = district
    db = d.db
    if scoped:
        offices.apply_scope(db, d.clerk_a)
    other = d.cases_b[0]
    acts = [
        (d.clerk_a, s.accept, ()), (d.clerk_a, s.assign, ("甲承办",)),
        (d.clerk_a, s.edit, ({"summary": "改过"},)), (d.clerk_a, s.extend, ("需要延期",)),
        (d.clerk_a, s.add_party, (s.PartyInput(name="王五", role="信访人"),)),
        (d.admin_a, s.delete_case, ("误登",)), (d.admin_a, s.reopen, ("重新办理",)),
    ]
    before = _snapshot(db)
    for actor, act, args in acts:
        with pytest.raises(NotFound) as missing:
            act(db, actor, MISSING, *args)
        with pytest.raises(NotFound) as err:
            act(db, actor, other, *args)
        assert str(err.value) == str(missing.value), act.__name__  # nothing revealed
    with pytest.raises(NotFound, match="案件不存在或已删除"):
        s.link_worklog_case(db, d.clerk_a, d.entry_a, d.cases_b[3])
    with pytest.raises(NotFound, match="台账记录不存在"):
        s.edit_worklog(db, d.clerk_a, d.entry_b, s.WorkLogInput(DAY, "日常排查"))
    with pytest.raises(NotFound, match="台账记录不存在"):
        s.delete_worklog(db, d.clerk_a, d.entry_b, "重复")
    # A person of the other office named by id is not this office's: a new person is made.
    with db.read() as session:
        b_person = session.scalar(select(Person.id).where(Person.office_id == d.b))
    assert _snapshot(db) == before
    ref = s.register_petition(db, d.clerk_a, _petition("甲方另一件"), [s.PartyInput(
        name="陌生人", role="信访人", person_id=b_person)])
    with db.read() as session:
        linked = session.scalars(select(Person.office_id).where(Person.name == "陌生人")).all()
    assert ref.id and linked == [d.a]
    # Its own office's cases are acted on as usual.
    assert s.accept(db, d.clerk_a, d.cases_a[0]).id == d.cases_a[0]


def test_district_users_see_the_offices_given(district):
    d = district
    db = d.db
    assert offices.apply_scope(db, d.both) == frozenset({d.a, d.b})
    assert set(queries.case_ids(db, queries.CaseFilter())) == set(d.cases_a + d.cases_b)
    with pytest.raises(ValidationError) as err:
        s.register_petition(db, d.both, _petition("丙事项"), [_petitioner()])
    assert err.value.problems[0].field == "office" and "多个单位" in str(err.value)
    assert s.register_petition(db, d.both, _petition("丙事项"), [_petitioner()],
                               office_id=d.b).id
    db.scope = offices.scope_of(db, d.both, "A01")  # a picked office (--office A01)
    ref = s.register_petition(db, d.both, _petition("丁事项"), [_petitioner()])
    assert _offices_of(db, Case, [ref.id]) == {d.a}
    assert set(queries.case_ids(db, queries.CaseFilter())) == set(d.cases_a) | {ref.id}
    with pytest.raises(PermissionDenied):
        offices.scope_of(db, d.clerk_a, "B01")
    with pytest.raises(NotFound):
        s.register_petition(db, d.clerk_b, _petition("越权"), [_petitioner()], office_id=d.a)
    # Given no office, a district clerk sees nothing and registers nowhere.
    offices.apply_scope(db, d.nobody)
    assert db.scope == frozenset() and queries.count(db, queries.CaseFilter()) == 0
    with pytest.raises(ValidationError, match="尚未分配单位"):
        s.register_petition(db, d.nobody, _petition("无处"), [_petitioner()])


def test_office_management_is_the_district_admins_with_events(district):
    d = district
    db = d.db
    with pytest.raises(PermissionDenied, match="区级管理员"):
        offices.add_office(db, d.admin_a, "C01", "丙")
    with pytest.raises(ValidationError, match="已被使用"):
        offices.add_office(db, d.admin, "A01", "重复")
    with pytest.raises(ValidationError, match="单位代码"):
        offices.set_office_code(db, d.admin, d.b, "有 空格")
    offices.rename_office(db, d.admin, d.b, "乙街道人民调解委员会")
    offices.set_office_code(db, d.admin, d.b, "B02")
    assert [(o.code, o.name) for o in offices.list_offices(db)][1:] == [
        ("A01", "甲街道调解办"), ("B02", "乙街道人民调解委员会")]
    with db.read() as session:
        changes = dict(session.execute(select(Event.action, Event.changes).where(
            Event.action.in_(("office_renamed", "office_code_set")))).all())
    assert "乙街道调解办" in changes["office_renamed"] and "B01" in changes["office_code_set"]
    # The settings are the whole database's: a district administrator's.
    with pytest.raises(PermissionDenied, match="共用一套设置"):
        s.set_department_active(db, d.admin_a, "司法所", True)
    s.set_department_active(db, d.admin, "司法所", True)
    # An office's admin manages their own office's accounts only.
    with pytest.raises(NotFound):
        accounts.disable_user(db, d.admin_a, "clerk_b")
    with pytest.raises(PermissionDenied):
        accounts.add_user(db, d.admin_a, "x_b", "x", "clerk", PW, office_id=d.b)
    new = accounts.add_user(db, d.admin_a, "clerk_a2", "甲二", "clerk", PW)
    assert accounts.user_info(db, new).office_id == d.a
    offices.apply_scope(db, d.admin_a)
    assert {u.name for u in accounts.list_users(db)} == {"clerk_a", "admin_a", "clerk_a2"}
    offices.set_user_office(db, d.admin, "clerk_a2", d.b)
    assert offices.user_visible_offices(db, new) == frozenset({d.b})
    with pytest.raises(ValidationError):
        offices.give_offices(db, d.admin, "clerk_a2", [d.a])


def test_a_single_office_file_is_as_before(make_db):
    """One office: a clerk without an office sees and registers every case, unscoped."""
    db = make_db()
    admin = accounts.setup_admin(db, "admin", "管理员", PW)
    clerk = accounts.add_user(db, admin, "clerk", "登记员", "clerk", PW)
    assert offices.apply_scope(db, clerk) is None
    offices.set_user_office(db, admin, "clerk", 1)  # the file's own office named: the same
    assert offices.apply_scope(db, clerk) is None
    ref = s.register_petition(db, clerk, _petition("本单位事项"), [_petitioner()])
    assert _offices_of(db, Case) == {1} and _offices_of(db, Event) == {1}
    assert queries.case_ids(db, queries.CaseFilter()) == [ref.id]
    assert s.accept(db, clerk, ref.id).id == ref.id


def test_the_command_line_sees_the_acting_users_offices(district, tmp_path, monkeypatch,
                                                        capsys):
    d = district
    url = d.db.url
    monkeypatch.setenv("CASEAPP_PASSWORD", PW)
    out = tmp_path / "a.csv"
    assert main(["--db", url, "--user", "clerk_a", "export", str(out)]) == 0
    with open(out, encoding="utf-8-sig") as fh:
        assert {r["事项摘要"][:2] for r in csv.DictReader(fh)} == {"甲方"}
    assert main(["--db", url, "--user", "both", "--office", "B01", "export", str(out)]) == 0
    with open(out, encoding="utf-8-sig") as fh:
        assert {r["事项摘要"][:2] for r in csv.DictReader(fh)} == {"乙方"}
    capsys.readouterr()
    assert main(["--db", url, "--user", "clerk_a", "--office", "B01", "export", str(out)]) == 1
    assert "无权查看单位「B01」" in capsys.readouterr().err
    assert main(["--db", url, "--user", "district", "office", "add", "C01", "丙街道"]) == 0
    assert main(["--db", url, "--user", "district", "office", "assign", "nobody", "C01"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "--user", "district", "office", "list"]) == 0
    listed = capsys.readouterr().out
    assert "A01\t甲街道调解办" in listed and "C01\t丙街道\t1个用户" in listed
    assert main(["--db", url, "--user", "clerk_a", "office", "add", "D01", "丁"]) == 1
    assert main(["--db", url, "--office", "A01", "stats", "--from", DAY.isoformat(),
                 "--to", TODAY.isoformat(), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["petitions"]["received"] == 3 and figures["disputes"]["received"] == 1


def test_the_workbench_hints_keep_to_the_office(district):
    """A cluster only office B has (one respondent, one community) is B's hint alone; office A's
    workbench neither shows it nor fails on its cases (the hints are built of subqueries and
    windows the sessions' criteria do not all reach, so they name the office themselves)."""
    d = district
    made = [s.register_dispute(d.db, d.clerk_b, s.CaseInput(
        summary=f"乙方拖欠工程款{i}", category="合同纠纷", received_on=DAY, source="当事人申请",
        community="乙方新村"), [s.PartyInput(name=f"乙方工人{i}", role="申请人"),
                             s.PartyInput(name="乙方建筑公司", role="被申请人", is_org=True)]).id
            for i in range(4)]
    offices.apply_scope(d.db, d.clerk_a)
    hints = queries.group_warnings(d.db, window_days=30, min_cluster=3)
    assert hints and all(set(w.case_ids) <= set(d.cases_a) for w in hints)
    offices.apply_scope(d.db, d.clerk_b)
    hints = queries.group_warnings(d.db, window_days=30, min_cluster=3)
    theirs = [w for w in hints if "乙方建筑公司" in w.subject or "乙方新村" in w.subject]
    assert theirs and all(set(w.case_ids) <= set(made) for w in theirs)
    assert all(set(w.case_ids) <= set(d.cases_b) | set(made) for w in hints)
