"""查找 over both kinds (caseapp.queries.search) and the pinyin initials it relies on
(persons.name_initials: migration 0003, the ORM event, the bulk inserts of import and demo)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin
from sqlalchemy import select

from caseapp import demo, exchange, queries, services
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, CaseParty, Person
from caseapp.storage.pinyin import name_initials

TODAY = date.today()
FIXTURE_DB = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"
ORG = "重庆凯隆物业管理有限公司"


def day(n: int) -> date:
    return TODAY - timedelta(days=n)


@dataclass
class Office:
    wages: services.CaseRef  # petition of 张三, phone 13812345678, 10 days ago
    fees: services.CaseRef  # dispute 李四 (023-71234567) against the org, 3 days ago
    noise: services.CaseRef  # dispute of 单田芳 (surname read shàn), yesterday; names wages
    zhang: services.CaseRef  # dispute of 张三 against 李四, 5 days ago
    gone: services.CaseRef  # petition of 张三丰, deleted


@pytest.fixture
def office(db, actor) -> Office:
    wages = services.register_petition(
        db, actor, services.CaseInput(summary="拖欠工资问题", category="劳动社保",
                                      received_on=day(10), source="来访", handler="周志强"),
        [services.PartyInput(name="张三", role="信访人", phone="13812345678")])
    fees = services.register_dispute(
        db, actor, services.CaseInput(summary="物业费收取纠纷", category="物业纠纷",
                                      received_on=day(3), source="当事人申请"),
        [services.PartyInput(name="李四", role="申请人", phone="023-71234567"),
         services.PartyInput(name=ORG, role="被申请人", is_org=True)])
    number = queries.case_detail(db, wages.id).number
    noise = services.register_dispute(
        db, actor, services.CaseInput(summary=f"夜间噪音扰民，曾于{number}反映过拖欠工资以外的事",
                                      category="邻里纠纷", received_on=day(1), source="当事人申请"),
        [services.PartyInput(name="单田芳", role="申请人")])
    zhang = services.register_dispute(
        db, actor, services.CaseInput(summary="借款未还", category="邻里纠纷",
                                      received_on=day(5), source="当事人申请"),
        [services.PartyInput(name="张三", role="申请人", phone="13812345678"),
         services.PartyInput(name="李四", role="被申请人", phone="023-71234567")])
    gone = services.register_petition(
        db, actor, services.CaseInput(summary="已删除的张三丰来信", category="其他",
                                      received_on=day(2), source="来信"),
        [services.PartyInput(name="张三丰", role="信访人", phone="13900009999")])
    services.delete_case(db, actor, gone.id, "重复登记")
    return Office(wages, fees, noise, zhang, gone)


def number_of(db, case_id: int) -> str:
    return queries.case_detail(db, case_id).number


def by_id(hits) -> dict[int, queries.SearchHit]:
    return {h.id: h for h in hits}


# -- each field -----------------------------------------------------------------------


def test_full_number_comes_first_even_before_newer_cases_that_mention_it(db, office):
    number = number_of(db, office.wages.id)
    hits = queries.search_cases(db, number)
    assert [h.id for h in hits] == [office.wages.id, office.noise.id]
    first = hits[0]
    assert (first.field, first.matched, first.exact) == ("编号", number, True)
    assert (first.kind, first.kind_label, first.status_label) == ("petition", "信访", "待受理")
    assert (first.summary, first.received_on, first.handler) == ("拖欠工资问题", day(10), "周志强")
    # the newer dispute only mentions it in its summary
    assert (hits[1].field, hits[1].exact) == ("事项摘要", False)
    assert number in hits[1].matched


def test_number_fragment_finds_both_kinds_and_kind_narrows(db, office):
    fees = number_of(db, office.fees.id)
    seq = fees[fees.index("第") + 1:fees.index("号")]  # "0001"
    hits = queries.search_cases(db, seq)
    kinds = {h.kind for h in hits if h.field == "编号"}
    assert kinds == {"petition", "dispute"}
    assert all(h.id != office.gone.id for h in hits)
    fragment = "调字第" + seq
    hits = queries.search_cases(db, fragment)
    assert [h.id for h in hits] == [office.fees.id]
    assert hits[0].field == "编号" and hits[0].kind_label == "纠纷"
    only = queries.search_cases(db, seq, kind="dispute")
    assert only and all(h.kind == "dispute" for h in only)
    # ASCII brackets typed for the full-width ones of the number format
    ascii_number = fees.replace("（", "(").replace("）", ")")
    assert queries.search_cases(db, ascii_number)[0].id == office.fees.id


def test_party_name_most_recent_first(db, office):
    hits = queries.search_cases(db, "李四")
    assert [h.id for h in hits] == [office.fees.id, office.zhang.id]
    assert [(h.field, h.matched) for h in hits] == [("当事人", "李四（申请人）"),
                                                    ("当事人", "李四（被申请人）")]
    org = queries.search_cases(db, "凯隆物业")
    assert [(h.id, h.field) for h in org] == [(office.fees.id, "当事人")]


def test_summary_fragment_shows_the_part_that_matched(db, office):
    hits = queries.search_cases(db, "工资")
    assert [(h.id, h.field) for h in hits] == [(office.noise.id, "事项摘要"),
                                               (office.wages.id, "事项摘要")]
    assert hits[1].matched == "拖欠工资问题"
    assert "工资" in hits[0].matched
    assert queries.search_cases(db, "扰民")[0].matched.startswith("夜间噪音扰民")


def test_snippet_cuts_long_text_around_the_term():
    from caseapp.queries.search import snippet

    text = "甲" * 50 + "漏水" + "乙" * 50
    part = snippet(text, "漏水", width=20)
    assert part.startswith("…") and part.endswith("…") and "漏水" in part
    assert len(part) == 22


def test_phone_tail_is_found_and_shown_masked(db, office):
    hits = by_id(queries.search_cases(db, "5678"))
    assert set(hits) == {office.wages.id, office.zhang.id}
    assert hits[office.wages.id].field == "电话尾号"
    assert hits[office.wages.id].matched == "张三 138****5678"
    assert "13812345678" not in repr(hits)
    longer = queries.search_cases(db, "12345678")
    assert {h.id for h in longer} == {office.wages.id, office.zhang.id}
    # a landline kept with its dash: its digits are compared
    land = by_id(queries.search_cases(db, "71234567"))
    assert set(land) == {office.fees.id, office.zhang.id}
    assert land[office.fees.id].matched == "李四 023****4567"  # validation.mask_phone
    # three digits are no phone tail (and here match nothing else)
    assert queries.search_cases(db, "678") == []
    # the deleted case's phone finds nothing
    assert queries.search_cases(db, "9999") == []


def test_pinyin_initials_of_persons_and_organisations(db, office):
    hits = by_id(queries.search_cases(db, "zs"))
    assert set(hits) == {office.wages.id, office.zhang.id}  # not the deleted 张三丰
    assert hits[office.zhang.id].field == "拼音首字母"
    assert hits[office.zhang.id].matched == "张三（申请人）"
    assert {h.id for h in queries.search_cases(db, "ZS")} == set(hits)
    org = queries.search_cases(db, "cqkl")
    assert [(h.id, h.field, h.matched) for h in org] == [
        (office.fees.id, "拼音首字母", f"{ORG}（被申请人）")]
    # a surname read as a surname: 单 shàn, not dān
    assert [h.id for h in queries.search_cases(db, "stf")] == [office.noise.id]
    assert queries.search_cases(db, "dtf") == []
    # only ASCII letters are initials
    assert queries.search_cases(db, "z s") == []
    assert queries.search_cases(db, "zs1") == []


def test_deleted_cases_are_never_found(db, office):
    with db.read() as s:
        gone = s.scalar(select(Case.number).where(Case.id == office.gone.id))
    for term in (gone, "张三丰", "zsf", "已删除", "13900009999"):
        assert all(h.id != office.gone.id for h in queries.search_cases(db, term)), term


def test_blank_term_and_the_limit(db, office):
    assert queries.search_cases(db, "  ") == []
    assert len(queries.search_cases(db, "纠纷")) == 1  # only 物业费收取纠纷 says it
    everything = queries.search_cases(db, "0")
    assert len(everything) == 4
    assert [h.id for h in queries.search_cases(db, "0", limit=2)] == [h.id for h in everything[:2]]
    assert [h.received_on for h in everything] == sorted((h.received_on for h in everything),
                                                         reverse=True)


# -- initials kept on every path ----------------------------------------------------------


def independent_initials(name: str) -> str:
    letters = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))
    return "".join(c for c in letters if c.isascii() and c.isalpha()).lower()


def test_name_initials_rules():
    assert name_initials("张三") == "zs"
    assert name_initials(ORG, is_org=True) == "cqklwyglyxgs"
    assert name_initials("ABC科技 2号楼", is_org=True) == "abckjhl"
    assert name_initials("单田芳") == "stf" and name_initials("单田芳", is_org=True) == "dtf"
    assert name_initials("") is None and name_initials("123") is None
    assert len(name_initials("张" * 40) or "") == 32


def test_the_fast_path_reads_names_as_pypinyin_does():
    """Short names without a phrase are read character by character (caseapp.storage.pinyin,
    for speed); names with one (秀英, 重庆) go through pypinyin whole: both as pypinyin."""
    from caseapp.demo.words import FEMALE_CHARS, MALE_CHARS
    from caseapp.storage.pinyin import SURNAME_INITIAL

    rng = random.Random(7)
    given = "".join(FEMALE_CHARS) + "".join(MALE_CHARS)
    surnames = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑长重朝"
    names = {rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.randint(1, 2)))
             for _ in range(2000)} | {"张秀英", "重庆", "长林", "朝阳"}
    for name in names:
        expected = independent_initials(name)
        if name[0] in SURNAME_INITIAL:
            expected = SURNAME_INITIAL[name[0]] + expected[1:]
        assert name_initials(name) == expected, name
    assert name_initials("重庆") == "cq"  # a phrase: 重 read chóng, not the everyday zhòng


def test_orm_event_keeps_initials_when_a_name_is_corrected(db, actor, office):
    with db.read() as s:
        link = s.scalars(select(CaseParty).where(CaseParty.case_id == office.fees.id,
                                                 CaseParty.role == "申请人")).one()
        link_id = link.id
    services.edit_party(db, actor, office.fees.id, link_id,
                        services.PartyInput(name="王五", role="申请人", phone="023-71234567"))
    assert queries.search_cases(db, "ww")[0].id == office.fees.id
    assert office.fees.id not in {h.id for h in queries.search_cases(db, "ls")}
    with db.read() as s:
        assert s.scalar(select(Person.name_initials).where(Person.name == "王五")) == "ww"


def test_import_and_demo_bulk_inserts_fill_initials(db, actor, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("类型,登记日期,当事人,类别,事项摘要,联系电话\n"
                    f"信访,{day(3).isoformat()},欧阳娜娜,劳动社保,反映拖欠工资,13800138000\n",
                    encoding="utf-8-sig")
    exchange.run_import(db, actor, path)
    assert [h.matched for h in queries.search_cases(db, "oynn")] == ["欧阳娜娜（信访人）"]
    demo.run_demo(db, actor, cases=60, seed=3)
    with db.read() as s:
        rows = s.execute(select(Person.name, Person.is_org, Person.name_initials)).all()
    assert len(rows) > 60
    assert any(is_org for _n, is_org, _i in rows)
    for name, is_org, initials in rows:
        assert initials == name_initials(name, is_org=bool(is_org)), name
    with db.read() as s:
        some = s.execute(select(Case.id, Person.name_initials)
                         .join(CaseParty, CaseParty.case_id == Case.id)
                         .join(Person, Person.id == CaseParty.person_id).limit(1)).one()
    assert some.id in {h.id for h in queries.search_cases(db, some.name_initials)}


def test_migration_fills_initials_of_a_release_0_1_0_file(tmp_path):
    copy = tmp_path / "casedesk.db"
    shutil.copy2(FIXTURE_DB, copy)
    database = open_database(copy)  # migrates to head (0003 among them)
    database.dispose()
    con = sqlite3.connect(copy)
    try:
        rows = con.execute("SELECT name, is_org, name_initials FROM persons").fetchall()
        indexes = {r[1] for r in con.execute("PRAGMA index_list(persons)")}
    finally:
        con.close()
    assert "ix_persons_name_initials" in indexes
    assert len(rows) == 190 and sum(1 for r in rows if r[1]) == 12
    for name, is_org, initials in rows:
        assert initials == name_initials(name, is_org=bool(is_org)), name
        # none of the fixture's surnames is read differently, so plain pypinyin agrees
        assert initials == independent_initials(name), name
    assert ("张斌勇", 0, "zby") in rows
    assert ("重庆凯隆物业管理有限公司", 1, "cqklwyglyxgs") in rows
