"""The read side: filters, search, sort, paging, case details, intake look-ups, workbench."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from caseapp import queries, services
from caseapp.errors import NotFound
from caseapp.figures import stats
from caseapp.queries.case_list import CaseFilter
from caseapp.storage.models import Case
from tests.big_file_plans import case_steps, plant_million_case_stats, statements
from tests.calendar_days import every_day_a_working_day

TODAY = date.today()


def day(n: int) -> date:
    """n days before today (services refuse dates after today)."""
    return TODAY - timedelta(days=n)


def id_number(body17: str) -> str:
    """A resident ID number with a valid GB 11643 check digit."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(body17, weights, strict=True))
    return body17 + "10X98765432"[total % 11]


ZHANG_ID = id_number("50010219800101123")


def petition(db, actor, name, summary, received, category="劳动社保", street=None, handler=None,
             phone=None, id_no=None, via_proxy=False):
    return services.register_petition(
        db, actor,
        services.CaseInput(summary=summary, category=category, received_on=received,
                           street=street, handler=handler, via_proxy=via_proxy, source="来访"),
        [services.PartyInput(name=name, role="信访人", phone=phone, id_number=id_no)])


@dataclass
class Office:
    p1: services.CaseRef  # accepted 40 days ago, due in 20 days
    p2: services.CaseRef  # registered 10 days ago: pending, acceptance due in 5 days
    p3: services.CaseRef  # accepted 100 days ago: overdue by 40 days
    p4: services.CaseRef  # rejected
    p5: services.CaseRef  # diverted into d1
    p6: services.CaseRef  # registered today
    d1: services.CaseRef  # from p5, closed 调解成功 30 days ago: follow-up due today
    d2: services.CaseRef  # accepted 5 days ago, a session held
    gone: services.CaseRef  # deleted


@pytest.fixture
def office(db, actor, tmp_path) -> Office:
    # The deadlines below are plain days from the real today, whatever weekday it is: no day
    # is a rest day here (the rule of docs/domain.md §4 is tested in tests/test_calendar.py).
    every_day_a_working_day(db, TODAY)
    p1 = petition(db, actor, "张秀英", "拖欠工资问题", day(40), street="马鞍街道", handler="周志强",
                  phone="13812345678", id_no=ZHANG_ID, via_proxy=True)
    services.accept(db, actor, p1.id, on=day(40))
    p2 = petition(db, actor, "李四", "小区WiFi信号塔选址", day(10), category="城乡建设",
                  street="江北街道", handler="李红")
    p3 = petition(db, actor, "王五", "宅基地确权100%满意吗", day(100), category="自然资源")
    services.accept(db, actor, p3.id, on=day(100))
    p4 = petition(db, actor, "赵六", "要求撤销法院判决", day(20), category="涉法涉诉",
                  street="马鞍街道")
    services.reject(db, actor, p4.id, "属诉讼途径", on=day(19))
    p5 = petition(db, actor, "孙七", "邻居占用通道", day(50), category="其他", street="李渡街道",
                  handler="周志强", phone="13987654321")
    services.accept(db, actor, p5.id, on=day(50))
    d1 = services.divert(db, actor, p5.id, on=day(45), dispute_category="邻里纠纷")
    services.accept(db, actor, d1.id, on=day(44), handler="李红")
    services.record_session(db, actor, d1.id, day(35), place="调解室", participants="双方",
                            record="第一次调解")
    services.record_agreement(db, actor, d1.id, "书面协议", day(31),
                              ["被申请人三日内清理通道", "双方互谅互让"],
                              performance_method="自行履行")
    services.close(db, actor, d1.id, "调解成功", on=day(30))
    p6 = petition(db, actor, "郑十", "路灯不亮", day(0), category="城乡建设", street="江北街道")
    d2 = services.register_dispute(
        db, actor,
        services.CaseInput(summary="装修噪音扰民", category="邻里纠纷", received_on=day(5),
                           street="马鞍街道", handler="周志强", source="当事人申请"),
        [services.PartyInput(name="周八", role="申请人"),
         services.PartyInput(name="吴九", role="被申请人")])
    services.accept(db, actor, d2.id, on=day(5))
    gone = petition(db, actor, "张秀英", "重复登记的件", day(3), id_no=ZHANG_ID)
    services.delete_case(db, actor, gone.id, "重复登记")
    return Office(p1, p2, p3, p4, p5, p6, d1, d2, gone)


def ids(db, **kw) -> set[int]:
    return set(queries.case_ids(db, CaseFilter(today=TODAY, **kw)))


# ---------------------------------------------------------------------------
# Filters and search.


def test_filters(db, office):
    o = office
    everyone = {o.p1.id, o.p2.id, o.p3.id, o.p4.id, o.p5.id, o.p6.id, o.d1.id, o.d2.id}
    assert ids(db) == everyone  # the deleted case is nowhere
    assert ids(db, kind="dispute") == {o.d1.id, o.d2.id}
    assert ids(db, kind="petition", statuses=("registered",)) == {o.p2.id, o.p6.id}
    assert ids(db, statuses=("closed", "rejected")) == {o.p4.id, o.p5.id, o.d1.id}
    assert ids(db, category="城乡建设") == {o.p2.id, o.p6.id}
    assert ids(db, street="马鞍街道") == {o.p1.id, o.p4.id, o.d2.id}
    assert ids(db, street="马鞍街道", kind="petition") == {o.p1.id, o.p4.id}
    assert ids(db, street=stats.UNSET) == {o.p3.id}
    assert ids(db, handler="周志强") == {o.p1.id, o.p5.id, o.d2.id}
    assert ids(db, handler=stats.UNSET) == {o.p3.id, o.p4.id, o.p6.id}
    assert ids(db, source="当事人申请") == {o.d2.id}
    assert ids(db, received_from=day(20), received_to=day(5)) == {o.p2.id, o.p4.id, o.d2.id}
    assert ids(db, received_from=day(0)) == {o.p6.id}
    for flt in (CaseFilter(), CaseFilter(kind="petition"), CaseFilter(street="江北街道")):
        assert queries.count(db, flt) == len(queries.case_ids(db, flt))


def test_deadline_filters(db, office):
    o = office
    # p3 is overdue; p2 (registered) is past nothing yet but due for acceptance in 5 days.
    assert ids(db, overdue_only=True) == {o.p3.id}
    assert ids(db, due_soon_only=True) == {o.p2.id}
    # Seen from six days later, p2's acceptance deadline has passed too.
    later = TODAY + timedelta(days=6)
    assert set(queries.case_ids(db, CaseFilter(overdue_only=True, today=later))) == {o.p3.id, o.p2.id}
    # Closed and rejected cases are never overdue, however old their deadline.
    assert o.p4.id not in ids(db, overdue_only=True)


def test_deadline_boundaries(db, office):
    due = queries.case_detail(db, office.p1.id).due_on
    on_the_day = CaseFilter(kind="petition", today=due, overdue_only=True)
    assert office.p1.id not in queries.case_ids(db, on_the_day)  # due today is not overdue
    soon = CaseFilter(kind="petition", today=due, due_soon_only=True)
    assert office.p1.id in queries.case_ids(db, soon)
    after = CaseFilter(kind="petition", today=due + timedelta(days=1), overdue_only=True)
    assert office.p1.id in queries.case_ids(db, after)
    week_before = CaseFilter(kind="petition", today=due - timedelta(days=7), due_soon_only=True)
    assert office.p1.id in queries.case_ids(db, week_before)
    too_early = CaseFilter(kind="petition", today=due - timedelta(days=8), due_soon_only=True)
    assert office.p1.id not in queries.case_ids(db, too_early)


def test_main_party_is_the_applicant_even_when_listed_later(db, actor):
    ref = services.register_dispute(
        db, actor,
        services.CaseInput(summary="货款纠纷", category="合同纠纷", received_on=day(1)),
        [services.PartyInput(name="某某公司", role="被申请人", is_org=True, legal_rep="刘总"),
         services.PartyInput(name="陈秀兰", role="申请人", phone="13700000001"),
         services.PartyInput(name="陈秀兰", role="第三人", phone="13700000001")])
    assert [r.party for r in queries.case_rows(db, [ref.id])] == ["陈秀兰"]
    detail = queries.case_detail(db, ref.id)
    assert detail.party == "陈秀兰"
    assert [(p.role, p.name, p.is_org, p.legal_rep) for p in detail.parties] == [
        ("被申请人", "某某公司", True, "刘总"), ("申请人", "陈秀兰", False, None),
        ("第三人", "陈秀兰", False, None)]
    # One person named twice in one case: the case is listed once for them.
    [chen] = queries.find_persons(db, name="陈秀兰", phone="13700000001")
    assert [c.case_id for c in chen.cases] == [ref.id]


def test_text_search(db, office):
    o = office
    assert ids(db, text="工资") == {o.p1.id}  # summary
    assert ids(db, text="张秀英") == {o.p1.id}  # a party's name (the deleted case is left out)
    assert ids(db, text="吴九") == {o.d2.id}  # the respondent counts too
    assert ids(db, text="孙七") == {o.p5.id, o.d1.id}  # the diverted dispute copied the party
    assert ids(db, text="wifi") == {o.p2.id}  # case-insensitive
    assert ids(db, text="WIFI 选址") == {o.p2.id}  # every word must be found
    assert ids(db, text="WIFI 工资") == set()
    assert ids(db, text="100%") == {o.p3.id}  # % and _ are plain characters
    assert ids(db, text="%") == {o.p3.id}
    assert ids(db, text="_") == set()
    number = queries.case_detail(db, o.d2.id).number  # （2026）调字第0002号 or alike
    assert ids(db, text=number) == {o.d2.id}
    assert ids(db, text="调字") == {o.d1.id, o.d2.id}
    assert ids(db, text="   ") == ids(db)


def test_figure_drill_down(db, office):
    o = office
    f, t = day(60), TODAY
    # p3, accepted before the period and still open, is carried over.
    assert ids(db, kind="petition", figure=("handled", f, t)) == {o.p1.id, o.p3.id, o.p5.id}
    assert ids(db, kind="petition", figure=("overdue_open", f, t)) == {o.p3.id}
    assert ids(db, kind="petition", figure=("closed", f, t)) == {o.p5.id}
    assert ids(db, kind="petition", figure=("rejected", f, t)) == {o.p4.id}
    assert ids(db, kind="petition", figure=("proxy", f, t)) == {o.p1.id}
    assert ids(db, figure=("received", f, t)) == {o.p1.id, o.p2.id, o.p4.id, o.p5.id,
                                                   o.p6.id, o.d1.id, o.d2.id}
    assert ids(db, figure=("succeeded", f, t)) == {o.d1.id}  # a dispute-only figure
    fig = stats.figures(db, f, t)
    for name in stats.COUNTS["petition"]:
        assert len(ids(db, kind="petition", figure=(name, f, t))) == fig.petitions.count(name)
    with pytest.raises(ValueError):
        ids(db, figure=("nonsense", f, t))


# ---------------------------------------------------------------------------
# Sorting and paging.

STATUS_ORDER = ["registered", "in_progress", "closed", "rejected"]


def expected_order(rows, key, descending):
    def value(r):
        if key == "status":
            return STATUS_ORDER.index(r.status)
        return getattr(r, key)

    present = sorted((r for r in rows if value(r) is not None),
                     key=lambda r: (value(r), r.id), reverse=descending)
    empty = sorted((r for r in rows if value(r) is None), key=lambda r: r.id, reverse=descending)
    return [r.id for r in present + empty]


@pytest.mark.parametrize("key", sorted(queries.SORT_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_sort_on_every_key(db, office, key, descending):
    flt = CaseFilter(today=TODAY)
    rows = queries.case_rows(db, queries.case_ids(db, flt))
    got = queries.case_ids(db, flt, sort=key, descending=descending)
    assert got == expected_order(rows, key, descending)


def test_sort_keys_are_checked(db, office):
    with pytest.raises(ValueError):
        queries.case_ids(db, CaseFilter(), sort="summary")


def test_paging_keeps_the_order_of_the_ids(db, office):
    all_ids = queries.case_ids(db, CaseFilter(), sort="number", descending=False)
    assert len(all_ids) == 8
    page = queries.case_rows(db, all_ids[2:5], today=TODAY)
    assert [r.id for r in page] == all_ids[2:5]
    backwards = queries.case_rows(db, list(reversed(all_ids)), today=TODAY)
    assert [r.id for r in backwards] == list(reversed(all_ids))
    # A case deleted since the IDs were read is simply not shown.
    assert [r.id for r in queries.case_rows(db, [office.gone.id, all_ids[0]])] == [all_ids[0]]
    assert queries.case_rows(db, []) == []


def test_case_rows_content(db, office):
    o = office
    rows = {r.id: r for r in queries.case_rows(db, sorted(ids(db)), today=TODAY)}
    p1 = rows[o.p1.id]
    assert (p1.party, p1.kind, p1.status, p1.status_label) == ("张秀英", "petition", "in_progress", "办理中")
    assert (p1.category, p1.street, p1.handler) == ("劳动社保", "马鞍街道", "周志强")
    assert p1.due_on == day(40) + timedelta(days=60) and not p1.extended
    assert (p1.days_left, p1.deadline_state, p1.deadline_text) == (20, "ok", "剩20天")
    p2 = rows[o.p2.id]
    assert (p2.status_label, p2.days_left, p2.deadline_state, p2.deadline_text) == (
        "待受理", 5, "due_soon", "剩5天")
    p3 = rows[o.p3.id]
    assert (p3.deadline_state, p3.deadline_text, p3.days_left) == ("overdue", "超期40天", -40)
    d1 = rows[o.d1.id]
    assert (d1.party, d1.status_label, d1.outcome) == ("孙七", "已办结", "调解成功")
    assert (d1.deadline_state, d1.deadline_text, d1.days_left) == ("closed", "已办结", None)
    d2 = rows[o.d2.id]
    assert (d2.party, d2.status_label) == ("周八", "调解中")  # the applicant, not the respondent
    assert rows[o.p4.id].deadline_state == "closed" and rows[o.p4.id].status_label == "不予受理"


# ---------------------------------------------------------------------------
# One case in full.


def test_case_detail_of_a_diverted_petition_and_its_dispute(db, actor, office, tmp_path):
    o = office
    p5 = queries.case_detail(db, o.p5.id, today=TODAY)
    d1 = queries.case_detail(db, o.d1.id, today=TODAY)
    assert (p5.status, p5.outcome, p5.closed_on) == ("closed", "转人民调解", day(45))
    assert (p5.derived_case_id, p5.derived_number) == (d1.id, d1.number)
    assert (d1.origin_case_id, d1.origin_number) == (p5.id, p5.number)
    assert d1.source == "信访转入" and d1.category == "邻里纠纷" and d1.street == "李渡街道"
    assert [(p.role, p.name) for p in d1.parties] == [("申请人", "孙七")]
    assert [e.action_label for e in p5.events] == ["登记", "受理", "转人民调解"]
    assert all(e.user == "本机用户" for e in p5.events)
    diverted = p5.events[-1]
    assert ("状态", "办理中", "已办结") in diverted.changes
    assert ("办理结果", "", "转人民调解") in diverted.changes
    assert d1.number in diverted.note
    assert [e.action for e in d1.events] == [
        "registered", "accepted", "session_held", "agreement_recorded", "closed"]
    assert d1.events[1].action_label == "受理"
    assert ("承办人", "周志强", "李红") in d1.events[1].changes
    assert [(s.held_on, s.place, s.record) for s in d1.sessions] == [(day(35), "调解室", "第一次调解")]
    assert d1.agreement is not None
    assert d1.agreement.terms == ("被申请人三日内清理通道", "双方互谅互让")
    assert (d1.agreement.form, d1.agreement.signed_on) == ("书面协议", day(31))
    assert [(f.due_on, f.done_on) for f in d1.follow_ups] == [(day(0), None)]
    assert "follow_up" in d1.allowed_acts and "reopen" in d1.allowed_acts
    assert "close" not in d1.allowed_acts
    assert p5.agreement is None and p5.sessions == () and p5.follow_ups == ()
    assert p5.party == "孙七" and p5.kind_label == "信访件"

    file = tmp_path / "调解笔录.txt"
    file.write_text("笔录", encoding="utf-8")
    services.attach(db, actor, o.d1.id, file)
    d1 = queries.case_detail(db, o.d1.id)
    assert [(a.filename, a.size, a.user) for a in d1.attachments] == [("调解笔录.txt", 6, "本机用户")]
    assert d1.events[-1].action_label == "添加附件"


def test_case_detail_fields(db, actor, office):
    o = office
    services.extend(db, actor, o.p1.id, "情况复杂")
    services.mark_entered(db, actor, o.p1.id)
    services.edit(db, actor, o.p1.id, {"people_count": "3", "amount": "8000"})
    p1 = queries.case_detail(db, o.p1.id, today=TODAY)
    assert (p1.extended, p1.extension_reason, p1.entered, p1.via_proxy) == (True, "情况复杂", True, True)
    assert p1.due_on == day(40) + timedelta(days=90) and p1.days_left == 50
    assert p1.people_count == 3 and p1.amount == 8000
    assert p1.parties[0].id_number == ZHANG_ID and p1.parties[0].gender == "男"
    assert p1.parties[0].birth_date == date(1980, 1, 1)
    assert [e.action_label for e in p1.events][-3:] == ["延期", "标记已录入", "编辑"]
    assert ("延期", "否", "是") in p1.events[-3].changes
    assert ("涉及人数", "", "3") in p1.events[-1].changes
    assert set(p1.allowed_acts) >= {"assign", "extend", "close", "mark_entered"}
    assert "accept" not in p1.allowed_acts
    assert p1.version >= 4
    p4 = queries.case_detail(db, o.p4.id)
    assert (p4.status_label, p4.reject_reason, p4.deadline_state) == ("不予受理", "属诉讼途径", "closed")


def test_case_detail_of_missing_or_deleted_case(db, office):
    with pytest.raises(NotFound):
        queries.case_detail(db, office.gone.id)
    with pytest.raises(NotFound):
        queries.case_detail(db, 999999)


# ---------------------------------------------------------------------------
# Intake look-ups and combos.


def test_find_persons(db, office):
    o = office
    by_id = queries.find_persons(db, id_number=ZHANG_ID.lower(), name="张秀英")
    assert [m.matched_by for m in by_id] == ["id_number"]
    assert by_id[0].name == "张秀英" and by_id[0].phone == "13812345678"
    # The deleted case is not shown among the earlier cases.
    assert [c.case_id for c in by_id[0].cases] == [o.p1.id]
    assert by_id[0].cases[0].status_label == "办理中" and by_id[0].cases[0].category == "劳动社保"

    by_phone = queries.find_persons(db, name="张秀英", phone="13812345678")
    assert [m.matched_by for m in by_phone] == ["name_phone"]
    other_phone = queries.find_persons(db, name="张秀英", phone="13900000000")
    assert [m.matched_by for m in other_phone] == ["name"]
    # 孙七 is one person named in the petition and in the dispute made from it: newest first.
    sun = queries.find_persons(db, name="孙七")
    assert len(sun) == 1
    assert [c.case_id for c in sun[0].cases] == [o.d1.id, o.p5.id]
    assert [c.kind for c in sun[0].cases] == ["dispute", "petition"]
    assert queries.find_persons(db, name="无此人") == []
    assert queries.find_persons(db) == []


def test_a_diverted_petitions_party_stays_one_person(db, actor):
    p = petition(db, actor, "钱十一", "邻里漏水", day(10), category="其他")
    services.accept(db, actor, p.id, on=day(10))
    d = services.divert(db, actor, p.id, on=day(9))
    before = queries.case_detail(db, p.id).parties[0].person_id
    after = queries.case_detail(db, d.id).parties[0].person_id
    assert before == after
    assert [len(m.cases) for m in queries.find_persons(db, name="钱十一")] == [2]


def test_distinct_values(db, office):
    assert queries.distinct_values(db, "street") == sorted(["马鞍街道", "江北街道", "李渡街道"])
    assert queries.distinct_values(db, "street", kind="dispute") == sorted(["马鞍街道", "李渡街道"])
    assert queries.distinct_values(db, "handler") == sorted(["周志强", "李红"])
    assert queries.distinct_values(db, "category", kind="dispute") == ["邻里纠纷"]
    with pytest.raises(ValueError):
        queries.distinct_values(db, "summary")


# ---------------------------------------------------------------------------
# The workbench.


def test_workbench(db, office):
    o = office
    wb = queries.workbench(db, today=TODAY)
    assert set(wb) == {"pending", "due_soon", "overdue", "follow_up"}
    assert [r.id for r in wb["pending"]] == [o.p2.id]  # p6, received today, is not pending yet
    assert [r.id for r in wb["due_soon"]] == [o.p2.id]
    assert [r.id for r in wb["overdue"]] == [o.p3.id]
    assert [r.id for r in wb["follow_up"]] == [o.d1.id]
    assert wb["overdue"][0].deadline_text == "超期40天"
    assert queries.workbench_counts(db, today=TODAY) == {
        "pending": 1, "due_soon": 1, "overdue": 1, "follow_up": 1}

    # Ten days on: p6 waits too (oldest first), p2 is overdue for acceptance (longest first).
    later = TODAY + timedelta(days=10)
    wb = queries.workbench(db, today=later)
    assert [r.id for r in wb["pending"]] == [o.p2.id, o.p6.id]
    assert [r.id for r in wb["overdue"]] == [o.p3.id, o.p2.id]
    assert [r.id for r in wb["due_soon"]] == [o.p6.id]  # due on day 15
    counts = queries.workbench_counts(db, today=later)
    assert counts == {k: len(v) for k, v in wb.items()}
    assert queries.workbench(db, today=TODAY, pending_days=20)["pending"] == []


def test_workbench_follow_up_done_leaves_the_list(db, actor, office):
    services.record_follow_up(db, actor, office.d1.id, TODAY, "双方已和好")
    assert queries.workbench(db, today=TODAY)["follow_up"] == []
    assert queries.workbench_counts(db, today=TODAY)["follow_up"] == 0


def test_workbench_is_capped(db, office):
    wb = queries.workbench(db, today=TODAY + timedelta(days=10), cap=1)
    assert [r.id for r in wb["pending"]] == [office.p2.id]


@pytest.mark.sqlite_only("EXPLAIN QUERY PLAN is SQLite's")
def test_rows_of_many_ids_are_read_by_key(db, actor):
    """A page of rows (an overdue list of a report, 500 ids at a time) is read by primary key:
    with `deleted_at IS NULL` beside the IN list SQLite walked the whole live index instead
    (a 1,000,000-case file's monthly report: 327 ms a chunk against 25)."""
    from caseapp.demo.generator import generate
    from caseapp.progress import run

    run(generate(db, actor, 600, seed=2, today=date(2026, 3, 10)))
    plant_million_case_stats(db)
    ids = queries.case_ids(db, CaseFilter())[:500]
    with statements(db) as seen:
        rows = queries.case_rows(db, ids)
    assert [r.id for r in rows] == ids
    reads = [(s, p) for s, p in seen if "FROM cases" in s and "IN (" in s]
    assert reads
    for statement, params in reads:
        steps = case_steps(db, statement, params)
        assert steps and all("PRIMARY KEY" in step for step in steps), steps


@pytest.mark.parametrize("kind", ["petition", "dispute", None])
def test_overdue_lists_are_the_plain_definitions(db, actor, kind):
    """超期未结's list (a report's overdue list, the dashboard's drill-down), read through its
    index guide (stats.list_guide), holds exactly the cases of the plain definition: handled,
    not closed by A = min(T, today), past its deadline on A."""
    from caseapp.demo.generator import generate
    from caseapp.progress import run

    today = date(2026, 3, 10)
    run(generate(db, actor, 500, seed=6, today=today))
    with db.read() as session:
        first = session.scalar(select(func.min(Case.received_on)))
    start = first.replace(day=1)
    periods = [(date(2025, 10, 1), date(2025, 10, 31)), (date(2026, 3, 1), date(2026, 3, 31)),
               (date(2025, 1, 1), date(2025, 12, 31)),
               # the file's first months and the month before it: few cases accepted by A
               (start, start + timedelta(days=40)), (start - timedelta(days=31), start - timedelta(days=1))]
    found = 0
    guides = set()
    for f, t in periods:
        a = min(t, today)
        flt = CaseFilter(kind=kind, figure=("overdue_open", f, t), today=today)
        with statements(db) as seen:
            listed = queries.case_ids(db, flt)
        # the index guide chosen: the cases accepted by A, or those not closed by A
        heads = {"accepted": "IN (SELECT cases.id FROM cases WHERE cases.kind = ? AND "
                             "cases.accepted_on <= ?",
                 "closed": "IN (SELECT cases.id FROM cases WHERE cases.kind = ? AND "
                           "cases.closed_on IS NULL"}
        # one placeholder style: SQLite's ? and psycopg's %(name)s::TYPE
        said = [re.sub(r"%\(\w+\)s(::\w+)?", "?", " ".join(sql.split())) for sql, _ in seen]
        guides |= {name for name, head in heads.items() for sql in said if head in sql}
        with db.read() as session:
            of_kind = "AND kind = :k " if kind else ""
            plain = set(session.execute(text(
                f"SELECT id FROM cases WHERE deleted_at IS NULL {of_kind}"
                "AND accepted_on <= :t AND (closed_on IS NULL OR closed_on >= :f) "
                "AND status <> 'rejected' AND (closed_on IS NULL OR closed_on > :a) "
                "AND due_on < :a"), {"k": kind, "f": f, "t": t, "a": a}).scalars())
        assert set(listed) == plain and len(listed) == len(plain)
        assert queries.count(db, flt) == len(plain)
        found += len(plain)
    assert found  # the check is real
    assert guides == {"accepted", "closed"}  # both guides were taken
