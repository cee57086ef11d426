"""The petition acts of the 信访工作条例 (2022): 延期 with its approval, 转送, 上级交办 and its
办结报告, 督办 and the late-reply queue, 答复 with the 意见书, 满意度, 复查/复核; every refusal
names its field and changes nothing; the 满意度 column round-trips; the figures agree with a
plain count."""

from datetime import date

import pytest
from sqlalchemy import func, select
from test_services import petition_input, petitioner, refused, snapshot

from caseapp import exchange, queries
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, ValidationError, WorkflowError
from caseapp.figures import stats
from caseapp.services import accounts
from caseapp.storage.checks import check
from caseapp.storage.models import (
    Case,
    Event,
    ExtensionApproval,
    PetitionReply,
    Supervision,
    Transfer,
)

PASSWORD = "Passw0rd-2026"


def new_petition(db, actor, accepted: date | None = date(2026, 3, 2), **kw):
    ref = s.register_petition(db, actor, petition_input(received_on=date(2026, 3, 2), **kw),
                              [petitioner()])
    if accepted is not None:
        s.accept(db, actor, ref.id, on=accepted)
    return ref.id


def last_event(db, case_id):
    with db.read() as session:
        return session.scalars(select(Event).where(Event.case_id == case_id)
                               .order_by(Event.id.desc())).first()


# ---------------------------------------------------------------------------
# 延期


def test_extension_needs_approver_and_date_and_gives_the_notice_data(db, actor):
    pid = new_petition(db, actor)
    before = queries.case_detail(db, pid).due_on
    assert before == date(2026, 5, 6)  # 03-02 + 60 = 05-01, in 劳动节 (05-01..05) → 05-06
    refused(db, ValidationError, s.extend_petition, actor, pid, "需多部门会商", "",
            field="approver")
    refused(db, ValidationError, s.extend_petition, actor, pid, "", "王主任", field="reason")
    refused(db, ValidationError, s.extend_petition, actor, pid, "需多部门会商", "王主任",
            date(2026, 3, 1), field="approved_on", match="不能早于受理日期")
    s.extend_petition(db, actor, pid, "需多部门会商", "王主任", date(2026, 3, 20))
    d = queries.case_detail(db, pid)
    assert d.extended and d.extension_reason == "需多部门会商"
    assert d.due_on == date(2026, 6, 1)  # 03-02 + 90 = 05-31, a Sunday → Monday 06-01
    p = d.petition
    assert (p.extension_approver, p.extension_approved_on) == ("王主任", date(2026, 3, 20))
    assert (p.extension_old_due, p.extension_new_due) == (date(2026, 5, 6), date(2026, 6, 1))
    e = d.events[-1]
    assert e.action_label == "延期"
    assert ("延期批准人", "", "王主任") in e.changes and ("期限", "2026-05-06", "2026-06-01") in e.changes
    assert ("延期批准日期", "", "2026-03-20") in e.changes and e.note == "需多部门会商"
    refused(db, WorkflowError, s.extend_petition, actor, pid, "再延", "王主任",
            match="已经延期过一次")


def test_extension_of_a_dispute_is_not_a_petition_act(db, actor):
    ref = s.register_dispute(db, actor, s.CaseInput(summary="邻里", category="邻里纠纷",
                                                    received_on=date(2026, 3, 2)),
                             [s.PartyInput(name="陈明", role="申请人")])
    s.accept(db, actor, ref.id, on=date(2026, 3, 2))
    refused(db, WorkflowError, s.extend_petition, actor, ref.id, "复杂", "王主任",
            match="不是信访件")


# ---------------------------------------------------------------------------
# 转送


def test_transfer_closes_with_the_receiving_organ(db, actor):
    pid = new_petition(db, actor, accepted=None)
    refused(db, ValidationError, s.transfer, actor, pid, " ", field="organ")
    refused(db, ValidationError, s.transfer, actor, pid, "区人社局", date(2026, 3, 1),
            field="transferred_on", match="不能早于登记日期")
    s.transfer(db, actor, pid, "区人力资源和社会保障局", date(2026, 3, 10), note="属劳动监察职责")
    d = queries.case_detail(db, pid)
    assert (d.status, d.outcome, d.closed_on) == ("closed", "转送", date(2026, 3, 10))
    assert d.accepted_on == date(2026, 3, 10)  # taken up by sending it on
    assert d.petition.transferred_to == "区人力资源和社会保障局" and not d.petition.transfer_late
    e = d.events[-1]
    assert e.action_label == "转送"
    assert e.note == "转送区人力资源和社会保障局（2026-03-10）。属劳动监察职责"
    refused(db, WorkflowError, s.transfer, actor, pid, "区人社局", match="不能转送")


def test_a_late_transfer_is_recorded_as_late(db, actor):
    pid = new_petition(db, actor)
    s.transfer(db, actor, pid, "区住建局", date(2026, 3, 30))
    with db.read() as session:
        assert session.get(Transfer, pid).late
    assert "已超过登记之日起15日的转送期限（2026-03-17）" in last_event(db, pid).note


def test_close_does_not_take_the_transfer_outcome(db, actor):
    pid = new_petition(db, actor)
    refused(db, ValidationError, s.close, actor, pid, wf.TRANSFERRED, date(2026, 3, 5),
            field="outcome", match="转送请使用「转送」操作")


# ---------------------------------------------------------------------------
# 上级交办 and the 办结报告


def test_from_above_needs_a_report_before_closing(db, actor):
    pid = new_petition(db, actor)
    refused(db, ValidationError, s.record_from_above, actor, pid, "", date(2026, 4, 1),
            field="superior")
    refused(db, ValidationError, s.record_from_above, actor, pid, "市信访局", None,
            field="superior_due")
    refused(db, ValidationError, s.record_from_above, actor, pid, "市信访局",
            date(2026, 3, 1), date(2026, 3, 2), field="superior_due")
    refused(db, WorkflowError, s.file_report, actor, pid, "已办结", match="不是上级交办件")
    s.record_from_above(db, actor, pid, "市信访局", date(2026, 4, 1), date(2026, 3, 2),
                        reference="市信交〔2026〕12号")
    d = queries.case_detail(db, pid)
    assert d.source == "上级交办" and d.petition.from_above
    assert (d.petition.superior, d.petition.superior_due) == ("市信访局", date(2026, 4, 1))
    assert d.events[-1].note == ("市信访局于2026-03-02交办（市信交〔2026〕12号），"
                                 "要求2026-04-01前办结并报送办结报告")
    refused(db, ValidationError, s.close, actor, pid, wf.SUPPORTED, date(2026, 3, 20),
            field="report", match="须先向市信访局报送办结报告")
    refused(db, ValidationError, s.reply, actor, pid, "予以支持", date(2026, 3, 20),
            field="report")
    refused(db, ValidationError, s.file_report, actor, pid, " ", field="report_text")
    s.file_report(db, actor, pid, "已督促公司补发工资，信访人无异议。", date(2026, 4, 3))
    assert last_event(db, pid).note == "向市信访局报送办结报告（2026-04-03），晚于交办期限2026-04-01"
    s.close(db, actor, pid, wf.SUPPORTED, date(2026, 4, 3))
    assert queries.case_detail(db, pid).petition.report_on == date(2026, 4, 3)


# ---------------------------------------------------------------------------
# 督办 and the queue of late replies


def test_supervision_and_its_reply(db, actor):
    pid = new_petition(db, actor)
    refused(db, ValidationError, s.supervise, actor, pid, "蓝牌督办", "区信访局",
            date(2026, 3, 20), field="level")
    refused(db, ValidationError, s.supervise, actor, pid, "红牌督办", "", date(2026, 3, 20),
            field="by_whom")
    refused(db, ValidationError, s.supervise, actor, pid, "红牌督办", "区信访局",
            date(2026, 3, 9), date(2026, 3, 10), field="reply_due")
    first = s.supervise(db, actor, pid, "黄牌督办", "区信访局", date(2026, 3, 20),
                        date(2026, 3, 10), demand="尽快答复信访人")
    second = s.supervise(db, actor, pid, "红牌督办", "区委督查室", date(2026, 4, 20),
                         date(2026, 4, 10))
    e = last_event(db, pid)
    assert e.action == "supervised"
    assert e.note == "红牌督办：区委督查室于2026-04-10督办，要求2026-04-20前回复"
    late = queries.late_supervision_replies(db, today=date(2026, 3, 25))
    assert [(r.supervision_id, r.days_late, r.level) for r in late] == [(first, 5, "黄牌督办")]
    assert [r.supervision_id for r in queries.late_supervision_replies(
        db, today=date(2026, 4, 21))] == [first, second]
    refused(db, ValidationError, s.reply_supervision, actor, first, "", field="reply")
    refused(db, ValidationError, s.reply_supervision, actor, first, "已答复",
            date(2026, 3, 9), field="replied_on")
    s.reply_supervision(db, actor, first, "已约谈公司负责人", date(2026, 3, 23))
    assert last_event(db, pid).note == ("回复区信访局的黄牌督办（2026-03-23）：已约谈公司负责人"
                                        "（逾期3天，回复期限2026-03-20）")
    refused(db, WorkflowError, s.reply_supervision, actor, first, "再复", match="已于2026-03-23回复")
    assert [r.supervision_id for r in queries.late_supervision_replies(
        db, today=date(2026, 4, 21))] == [second]
    info = queries.case_detail(db, pid).petition
    assert [x.level for x in info.supervisions] == ["黄牌督办", "红牌督办"]
    assert [x.id for x in info.open_supervisions] == [second]


def test_no_supervision_of_a_closed_case(db, actor):
    pid = new_petition(db, actor)
    s.close(db, actor, pid, wf.EXPLAINED, date(2026, 3, 5))
    refused(db, WorkflowError, s.supervise, actor, pid, "普通督办", "区信访局",
            date(2026, 3, 20), date(2026, 3, 10), match="督办只能针对未办结的信访件")


def test_a_deleted_case_leaves_the_queue(db, actor):
    pid = new_petition(db, actor)
    s.supervise(db, actor, pid, "普通督办", "区信访局", date(2026, 3, 20), date(2026, 3, 10))
    assert queries.late_supervision_replies(db, today=date(2026, 3, 25))
    s.delete_case(db, actor, pid, "重复登记")
    assert queries.late_supervision_replies(db, today=date(2026, 3, 25)) == []


# ---------------------------------------------------------------------------
# 答复 and the 信访处理意见书; 满意度


def test_reply_of_a_claim_needs_the_full_opinion(db, actor):
    pid = new_petition(db, actor, petition_type="申诉求决类")
    err = refused(db, ValidationError, s.reply, actor, pid, "不予支持", date(2026, 3, 20))
    assert {p.field for p in err.problems} == {"request", "facts", "basis"}
    refused(db, ValidationError, s.reply, actor, pid, "驳回", date(2026, 3, 20),
            field="decision")
    refused(db, ValidationError, s.reply, actor, pid, "予以支持", None, field="delivered_on")
    refused(db, ValidationError, s.reply, actor, pid, "予以支持", date(2026, 3, 9),
            "补发工资", "查实拖欠", "劳动合同法第30条", on=date(2026, 3, 10),
            field="delivered_on", match="不能早于办结日期")
    s.reply(db, actor, pid, "予以支持", date(2026, 3, 12), request="补发拖欠工资",
            facts="经查，公司拖欠三个月工资属实", basis="《劳动合同法》第三十条",
            on=date(2026, 3, 10))
    d = queries.case_detail(db, pid)
    assert (d.status, d.outcome, d.closed_on) == ("closed", "支持", date(2026, 3, 10))
    p = d.petition
    assert (p.decision, p.request, p.basis) == ("予以支持", "补发拖欠工资", "《劳动合同法》第三十条")
    assert p.delivered_on == date(2026, 3, 12)
    assert p.review_until == date(2026, 4, 13)  # 03-12 + 30 = 04-11, a Saturday → Monday
    e = d.events[-1]
    assert e.action_label == "答复" and ("答复日期", "", "2026-03-12") in e.changes
    assert e.note == ("出具信访处理意见书（予以支持），2026-03-12送达信访人；"
                      "信访人可于2026-04-13前申请复查")


def test_reply_of_a_suggestion_needs_no_opinion_text(db, actor):
    pid = new_petition(db, actor, petition_type="建议意见类")
    s.reply(db, actor, pid, "作出解释说明", date(2026, 3, 12), on=date(2026, 3, 12))
    assert queries.case_detail(db, pid).outcome == "解释说明"


def test_satisfaction_at_or_after_the_reply(db, actor):
    pid = new_petition(db, actor)
    refused(db, WorkflowError, s.rate, actor, pid, "满意", match="不能满意度")
    s.reply(db, actor, pid, "予以支持", date(2026, 3, 12), on=date(2026, 3, 10))
    refused(db, ValidationError, s.rate, actor, pid, "很满意", field="satisfaction")
    refused(db, ValidationError, s.rate, actor, pid, "满意", date(2026, 3, 11),
            field="rated_on", match="不能早于答复日期")
    s.rate(db, actor, pid, "基本满意", date(2026, 3, 12))
    d = queries.case_detail(db, pid)
    assert d.satisfaction == "基本满意" and d.petition.rated_on == date(2026, 3, 12)
    assert d.events[-1].note == "信访人对答复的评价：基本满意（2026-03-12）"
    assert ("满意度", "", "基本满意") in d.events[-1].changes


# ---------------------------------------------------------------------------
# 复查 / 复核


def answered(db, actor, delivered=date(2026, 3, 10)):
    pid = new_petition(db, actor)
    s.reply(db, actor, pid, "不予支持", delivered, on=delivered)
    return pid


def test_review_is_a_linked_petition_within_30_days(db, actor):
    pid = answered(db, actor)
    refused(db, ValidationError, s.request_review, actor, pid, date(2026, 4, 10), "不服",
            field="received_on", match="最迟2026-04-09；2026-04-10提出已超过期限")
    refused(db, ValidationError, s.request_review, actor, pid, date(2026, 4, 9), " ",
            field="reason")
    ref = s.request_review(db, actor, pid, date(2026, 4, 9), "对处理意见不服，请求复查")
    r = queries.case_detail(db, ref.id)
    assert (r.status, r.accepted_on, r.petition.review_stage) == ("in_progress", date(2026, 4, 9),
                                                                  "复查")
    assert r.petition.review_of == (pid, queries.case_detail(db, pid).number)
    assert r.due_on == date(2026, 5, 9)  # 04-09 + 30: a 调休 Saturday, a working day
    assert r.summary.startswith("申请复查：") and r.parties[0].name == "张秀英"
    assert "复查意见应于2026-05-09前作出" in r.events[-1].note
    original = queries.case_detail(db, pid)
    assert original.petition.reviews == ((ref.id, ref.number, "复查"),)
    assert original.events[-1].note == f"信访人于2026-04-09申请复查，复查件编号 {ref.number}"
    refused(db, WorkflowError, s.request_review, actor, pid, date(2026, 4, 9), "再次",
            match="不能重复申请")
    refused(db, WorkflowError, s.extend_petition, actor, ref.id, "复杂", "王主任",
            match="不能延期")
    # The 30-day limit survives a recompute of the deadlines (calendar or limits changed).
    with db.write() as session:
        session.get(Case, ref.id).due_on = date(2026, 6, 30)
    s.recompute_due(db, actor)
    assert queries.case_detail(db, ref.id).due_on == date(2026, 5, 9)
    # `caseapp check` finds the 转送 outcome and the 30-day deadline in order.
    s.transfer(db, actor, new_petition(db, actor), "区住建局", date(2026, 3, 5))
    assert check(db) == []


def test_review_then_re_review_then_no_more(db, actor):
    pid = answered(db, actor)
    first = s.request_review(db, actor, pid, date(2026, 3, 20), "不服")
    refused(db, WorkflowError, s.request_review, actor, first.id, date(2026, 3, 25), "不服",
            match="尚未答复")
    s.reply(db, actor, first.id, "不予支持", date(2026, 4, 1), on=date(2026, 4, 1))
    assert last_event(db, first.id).note == (
        "复查意见：出具信访处理意见书（不予支持），2026-04-01送达信访人；信访人可于2026-05-06前申请复核")
    second = s.request_review(db, actor, first.id, date(2026, 4, 15), "请求复核")
    assert queries.case_detail(db, second.id).petition.review_stage == "复核"
    s.reply(db, actor, second.id, "不予支持", date(2026, 4, 30), on=date(2026, 4, 30))
    assert "复核意见为终结意见" in last_event(db, second.id).note
    assert wf.Act.REVIEW.value not in queries.case_detail(db, second.id).allowed_acts
    refused(db, WorkflowError, s.request_review, actor, second.id, date(2026, 5, 6), "再复核",
            match="终结意见")
    with db.read() as session:
        person = session.get(Case, pid).parties[0].person_id
    assert queries.final_reviews(db, [person], "劳动社保") == [second.number]
    assert queries.final_reviews(db, [person], "教育") == []
    # At intake a new petition of the same person and category is flagged, not refused.
    again = new_petition(db, actor, accepted=None)
    assert queries.case_detail(db, again).events[0].note == (
        f"提示：信访人同类事项已复核终结（{second.number}），同一事实和理由不再受理")
    other = new_petition(db, actor, accepted=None, category="教育")
    assert queries.case_detail(db, other).events[0].note is None


# ---------------------------------------------------------------------------
# Roles: a mediator or a viewer records none of these; a clerk records them all.


@pytest.fixture
def users(db):
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    return admin, {role: accounts.add_user(db, admin, role, name, role, PASSWORD)
                   for role, name in ((wf.CLERK, "李登记"), (wf.MEDIATOR, "王调解"),
                                      (wf.VIEWER, "赵查看"))}


PETITION_ACTS = {
    wf.Act.TRANSFER: lambda db, a, c: s.transfer(db, a, c, "区住建局", date(2026, 3, 5)),
    wf.Act.FROM_ABOVE: lambda db, a, c: s.record_from_above(db, a, c, "市信访局",
                                                            date(2026, 4, 1), date(2026, 3, 2)),
    wf.Act.SUPERVISE: lambda db, a, c: s.supervise(db, a, c, "普通督办", "区信访局",
                                                   date(2026, 3, 20), date(2026, 3, 5)),
    wf.Act.EXTEND: lambda db, a, c: s.extend_petition(db, a, c, "复杂", "王主任", date(2026, 3, 5)),
    wf.Act.REPLY: lambda db, a, c: s.reply(db, a, c, "予以支持", date(2026, 3, 5),
                                           on=date(2026, 3, 5)),
}


@pytest.mark.parametrize("role", [wf.MEDIATOR, wf.VIEWER])
def test_mediator_and_viewer_are_refused(db, users, role):
    admin, others = users
    pid = new_petition(db, admin)
    sid = s.supervise(db, admin, pid, "普通督办", "区信访局", date(2026, 3, 20), date(2026, 3, 5))
    done = answered(db, admin)
    calls = dict(PETITION_ACTS)
    calls[wf.Act.SUPERVISION_REPLY] = lambda db, a, c: s.reply_supervision(db, a, sid, "已办")
    calls[wf.Act.REPORT] = lambda db, a, c: s.file_report(db, a, c, "报告")
    calls[wf.Act.RATE] = lambda db, a, c: s.rate(db, a, done, "满意")
    calls[wf.Act.REVIEW] = lambda db, a, c: s.request_review(db, a, done, date(2026, 3, 20), "不服")
    for act, call in calls.items():
        assert not wf.role_may(role, act)
        before = snapshot(db)
        with pytest.raises(PermissionDenied, match=f"无权执行「{wf.ACT_LABELS[act]}」"):
            call(db, others[role], pid)
        assert snapshot(db) == before, act


def test_a_clerk_records_them(db, users):
    admin, others = users
    clerk = others[wf.CLERK]
    for act, call in PETITION_ACTS.items():
        call(db, clerk, new_petition(db, admin))
        assert wf.role_may(wf.CLERK, act)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ExtensionApproval)) == 1
        assert session.scalar(select(func.count()).select_from(PetitionReply)) == 1


def test_the_workflow_offers_the_acts_by_state():
    reg = wf.allowed_acts("petition", "registered")
    assert {wf.Act.TRANSFER, wf.Act.FROM_ABOVE, wf.Act.SUPERVISE} <= set(reg)
    assert wf.Act.REPLY not in reg and wf.Act.RATE not in reg
    prog = wf.allowed_acts("petition", "in_progress")
    assert {wf.Act.REPLY, wf.Act.REPORT, wf.Act.TRANSFER, wf.Act.SUPERVISE} <= set(prog)
    closed = wf.allowed_acts("petition", "closed", "支持")
    assert {wf.Act.RATE, wf.Act.REVIEW, wf.Act.SUPERVISION_REPLY} <= set(closed)
    assert wf.Act.SUPERVISE not in closed and wf.Act.TRANSFER not in closed
    assert wf.Act.REVIEW not in wf.allowed_acts("petition", "closed", "转送")
    assert wf.Act.REVIEW not in wf.allowed_acts("petition", "closed", "支持", review_stage="复核")
    for status in ("registered", "in_progress", "closed"):
        assert not {wf.Act.TRANSFER, wf.Act.SUPERVISE, wf.Act.REPLY, wf.Act.REVIEW} & set(
            wf.allowed_acts("dispute", status, "调解成功"))


# ---------------------------------------------------------------------------
# Exchange: 满意度 round-trips; 转送 imports as an outcome.


def test_satisfaction_and_transfer_round_trip(db, actor, tmp_path, make_db):
    a = answered(db, actor)
    s.rate(db, actor, a, "不满意", date(2026, 3, 11))
    t = new_petition(db, actor)
    s.transfer(db, actor, t, "区住建局", date(2026, 3, 5))
    out = tmp_path / "out.csv"
    exchange.run_export(db, out, actor=actor)
    text = out.read_text(encoding="utf-8-sig")
    assert "满意度" in text.splitlines()[0] and ",不满意," in text
    other = make_db("fresh")
    try:
        exchange.run_import(other, other.local_user_id(), out)
        with other.read() as session:
            got = sorted(session.execute(select(Case.outcome, Case.satisfaction)).all())
        assert got == [("不予支持", "不满意"), ("转送", None)]
        before = stats.figures(db, date(2026, 3, 1), date(2026, 3, 31)).to_dict()["petitions"]
        after = stats.figures(other, date(2026, 3, 1), date(2026, 3, 31)).to_dict()["petitions"]
        for key in ("transferred", "rated", "satisfied", "closed", "handled"):
            assert before[key] == after[key], key
    finally:
        other.dispose()


def test_import_refuses_a_bad_satisfaction(db, actor, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("类型,登记日期,当事人,类别,事项摘要,满意度\n"
                    "信访,2026-03-02,张三,劳动社保,欠薪,很满意\n"
                    "纠纷,2026-03-02,李四,邻里纠纷,噪音,满意\n", encoding="utf-8")
    with pytest.raises(exchange.ImportRefused) as err:
        exchange.run_import(db, actor, path, dry_run=True)
    assert "第2行 满意度: 应为：满意、基本满意、不满意、未评价" in str(err.value)
    assert "第3行 满意度: 纠纷没有此项，应留空" in str(err.value)


# ---------------------------------------------------------------------------
# Figures against a plain count


def test_figures_of_the_acts_against_a_plain_count(db, actor):
    F, T = date(2026, 3, 1), date(2026, 3, 31)
    sup_in = new_petition(db, actor)
    s.supervise(db, actor, sup_in, "普通督办", "区信访局", date(2026, 4, 20), date(2026, 3, 5))
    s.supervise(db, actor, sup_in, "红牌督办", "区委", date(2026, 4, 20), date(2026, 3, 6))
    sup_out = new_petition(db, actor)
    s.supervise(db, actor, sup_out, "普通督办", "区信访局", date(2026, 4, 20), date(2026, 4, 5))
    reg_sup = new_petition(db, actor, accepted=None)  # supervised but never handled
    s.supervise(db, actor, reg_sup, "普通督办", "区信访局", date(2026, 4, 20), date(2026, 3, 5))
    s.transfer(db, actor, new_petition(db, actor), "区住建局", date(2026, 3, 5))
    ok = answered(db, actor, date(2026, 3, 10))
    s.rate(db, actor, ok, "满意", date(2026, 3, 10))
    bad = answered(db, actor, date(2026, 3, 11))
    s.rate(db, actor, bad, "不满意", date(2026, 3, 11))
    review = s.request_review(db, actor, bad, date(2026, 3, 20), "不服")
    s.request_review(db, actor, ok, date(2026, 4, 2), "不服")  # received in April
    got = stats.figures(db, F, T, today=date(2026, 12, 1)).to_dict()["petitions"]
    with db.read() as session:
        rows = session.execute(select(Case.id, Case.accepted_on, Case.closed_on, Case.status,
                                      Case.outcome, Case.satisfaction, Case.received_on,
                                      Case.review_stage)).all()
        sup = session.execute(select(Supervision.case_id, Supervision.supervised_on)).all()

    def handled(r):
        return (r.accepted_on is not None and r.accepted_on <= T and r.status != "rejected"
                and (r.closed_on is None or r.closed_on >= F))

    closed = [r for r in rows if handled(r) and r.closed_on and r.closed_on <= T]
    rated = [r for r in closed if r.satisfaction not in (None, "未评价")]
    plain = {
        "supervised": sum(1 for r in rows if handled(r)
                          and any(c == r.id and F <= d <= T for c, d in sup)),
        "reviews": sum(1 for r in rows if F <= r.received_on <= T and r.review_stage),
        "transferred": sum(1 for r in closed if r.outcome == "转送"),
        "rated": len(rated),
        "satisfied": sum(1 for r in rated if r.satisfaction in ("满意", "基本满意")),
    }
    assert plain == {"supervised": 1, "reviews": 1, "transferred": 1, "rated": 2, "satisfied": 1}
    assert {k: got[k] for k in plain} == plain
    assert got["satisfaction_rate"] == 0.5
    assert review.id  # the 复查 received in the period is the one counted


def test_a_claim_petition_is_closed_by_its_opinion_not_by_a_plain_close(db, actor):
    # Art. 32: 申诉求决类 closes with a 信访处理意见书 (答复); 办结 with a decision is refused.
    pid = new_petition(db, actor, petition_type="申诉求决类")
    for outcome in ("支持", "解释说明", "不予支持"):
        refused(db, ValidationError, s.close, actor, pid, outcome, date(2026, 3, 12),
                field="outcome", match="信访处理意见书")
    s.reply(db, actor, pid, "予以支持", date(2026, 3, 12), request="支付拖欠工资",
            facts="经核实，工资确未支付", basis="《保障农民工工资支付条例》", on=date(2026, 3, 12))
    assert queries.case_detail(db, pid).outcome == "支持"
    # Other types still close plainly; 转人民调解 stays open to a claim petition too.
    other = new_petition(db, actor, petition_type="建议意见类")
    s.close(db, actor, other, "解释说明", date(2026, 3, 12))
    claim = new_petition(db, actor, petition_type="申诉求决类")
    s.close(db, actor, claim, "转人民调解", date(2026, 3, 12))
    assert queries.case_detail(db, claim).outcome == "转人民调解"
