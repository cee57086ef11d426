"""Every act of services.py and every refusal: nothing changes when an act is refused."""

import json
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import NotFound, PermissionDenied, StaleEdit, ValidationError, WorkflowError
from caseapp.storage.models import (
    Agreement,
    Case,
    CaseParty,
    Event,
    FollowUp,
    MediationSession,
    Person,
    User,
)

ID1 = "500102195507142462"  # 女, 1955-07-14
ID2 = "500234199612106978"


def petition_input(**kw):
    base = dict(summary="反映某公司拖欠工资", category="劳动社保", received_on=date(2026, 3, 1), source="来访")
    base.update(kw)
    return s.CaseInput(**base)


def dispute_input(**kw):
    base = dict(summary="邻居加建房屋遮挡采光", category="邻里纠纷", received_on=date(2026, 3, 1),
                source="当事人申请")
    base.update(kw)
    return s.CaseInput(**base)


def petitioner(**kw):
    base = dict(name="张秀英", role="信访人", id_number=ID1, phone="13812345678")
    base.update(kw)
    return s.PartyInput(**base)


def snapshot(db):
    """Everything an act could change, to prove a refused act changed nothing."""
    with db.read() as session:
        cases = session.execute(select(Case.__table__)).all()
        return (cases, session.scalar(select(func.count(Event.id))),
                session.scalar(select(func.count(Person.id))),
                session.scalar(select(func.count(CaseParty.id))))


def refused(db, exc, fn, *args, field=None, match=None, **kwargs):
    """The act is refused (with a Problem naming ``field``) and nothing changed."""
    before = snapshot(db)
    with pytest.raises(exc, match=match) as err:
        fn(db, *args, **kwargs)
    if field is not None:
        assert field in [p.field for p in err.value.problems], err.value.problems
    assert snapshot(db) == before
    return err.value


def events(db, case_id):
    with db.read() as session:
        return [(e.action, json.loads(e.changes) if e.changes else None, e.note, e.user_id)
                for e in session.scalars(select(Event).where(Event.case_id == case_id).order_by(Event.id))]


def get(db, case_id):
    with db.read() as session:
        return session.get(Case, case_id)


def new_petition(db, actor, **kw):
    return s.register_petition(db, actor, petition_input(**kw), [petitioner()])


def new_dispute(db, actor, **kw):
    return s.register_dispute(db, actor, dispute_input(**kw), [
        s.PartyInput(name="高明花", role="申请人", id_number=ID2),
        s.PartyInput(name="林花平", role="被申请人", phone="13900001111"),
    ])


def test_register_petition_numbers_and_records(db, actor):
    ref = new_petition(db, actor)
    assert ref.number == "（2026）信字第0001号"
    case = get(db, ref.id)
    assert case.status == "registered" and case.due_on == date(2026, 3, 16)
    assert events(db, ref.id) == [("registered", None, None, actor)]
    assert new_petition(db, actor).number == "（2026）信字第0002号"
    assert new_dispute(db, actor).number == "（2026）调字第0001号"


def test_register_finds_the_existing_person_and_flags_a_repeat(db, actor):
    first = new_petition(db, actor)
    # Same person found by name + phone, without an ID number this time.
    second = s.register_petition(db, actor, petition_input(summary="再次反映"),
                                 [petitioner(id_number=None)])
    with db.read() as session:
        assert session.scalar(select(func.count(Person.id))) == 1
        person = session.scalar(select(Person))
        assert person.gender == "女" and person.birth_date == date(1955, 7, 14)
    assert get(db, first.id).is_repeat is False
    assert get(db, second.id).is_repeat is True
    other = s.register_petition(db, actor, petition_input(category="城乡建设"), [petitioner()])
    assert get(db, other.id).is_repeat is False  # another matter is not a repeat


def test_register_refuses_bad_input_and_writes_nothing(db, actor):
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        s.register_petition(db, actor, petition_input(summary=" ", category="不存在的类别",
                                                      source="微信"),
                            [petitioner(id_number=ID1[:-1] + "3", phone="123")])
    fields = {p.field for p in err.value.problems}
    assert {"summary", "category", "source", "id_number", "phone"} <= fields
    assert "校验位" in " ".join(err.value.for_field("id_number"))
    with pytest.raises(ValidationError, match="至少需要一位信访人"):
        s.register_petition(db, actor, petition_input(), [])
    with pytest.raises(ValidationError, match="身份"):
        s.register_petition(db, actor, petition_input(), [petitioner(role="申请人")])
    with pytest.raises(ValidationError, match="晚于今天"):
        s.register_petition(db, actor, petition_input(received_on=date.today() + timedelta(days=1)),
                            [petitioner()])
    assert snapshot(db) == before


def test_given_number_must_be_unique(db, actor):
    new_petition(db, actor, number="（2026）信字第0001号")
    # The sequence skips a number that already exists.
    assert new_petition(db, actor).number == "（2026）信字第0002号"
    with pytest.raises(ValidationError, match="已被使用"):
        new_petition(db, actor, number="（2026）信字第0002号")


def test_petition_life_cycle(db, actor):
    ref = new_petition(db, actor)
    s.accept(db, actor, ref.id, date(2026, 3, 1), handler="周志强")
    case = get(db, ref.id)
    assert (case.status, case.accepted_on, case.due_on, case.handler) == (
        "in_progress", date(2026, 3, 1), date(2026, 4, 30), "周志强")
    s.extend(db, actor, ref.id, "需要多部门会商")
    # 3-01 + 90 = 5-30, a Saturday: the next working day (民法典 Art. 203, docs/domain.md §4)
    assert get(db, ref.id).due_on == date(2026, 6, 1)
    s.mark_entered(db, actor, ref.id)
    s.close(db, actor, ref.id, wf.EXPLAINED, date(2026, 4, 20), note="已当面解释")
    case = get(db, ref.id)
    assert (case.status, case.outcome, case.closed_on, case.entered) == (
        "closed", "解释说明", date(2026, 4, 20), True)
    actions = [e[0] for e in events(db, ref.id)]
    assert actions == ["registered", "accepted", "extended", "marked_entered", "closed"]
    accepted = events(db, ref.id)[1][1]
    assert accepted["status"] == ["registered", "in_progress"]
    assert accepted["due_on"] == ["2026-03-16", "2026-04-30"]


def test_reject_needs_a_reason_and_only_petitions(db, actor):
    ref = new_petition(db, actor)
    with pytest.raises(ValidationError, match="理由"):
        s.reject(db, actor, ref.id, "  ")
    s.reject(db, actor, ref.id, "不属于本机关职权范围", date(2026, 3, 5))
    case = get(db, ref.id)
    assert (case.status, case.outcome, case.closed_on) == ("rejected", "不予受理", date(2026, 3, 5))
    dispute = new_dispute(db, actor)
    with pytest.raises(WorkflowError, match="不能不予受理"):
        s.reject(db, actor, dispute.id, "理由")
    with pytest.raises(WorkflowError):
        s.accept(db, actor, ref.id)  # a rejected petition cannot be accepted


def test_acts_refused_in_the_wrong_state_change_nothing(db, actor):
    ref = new_petition(db, actor)
    before = snapshot(db)
    with pytest.raises(WorkflowError):
        s.close(db, actor, ref.id, wf.SUPPORTED)
    with pytest.raises(WorkflowError):
        s.extend(db, actor, ref.id, "理由")
    with pytest.raises(WorkflowError):
        s.reopen(db, actor, ref.id, "理由")
    with pytest.raises(WorkflowError):
        s.record_session(db, actor, ref.id, date(2026, 3, 2))
    with pytest.raises(ValidationError, match="受理日期不能早于登记日期"):
        s.accept(db, actor, ref.id, date(2026, 2, 1))
    assert snapshot(db) == before
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    s.extend(db, actor, ref.id, "复杂")
    with pytest.raises(WorkflowError, match="已经延期"):
        s.extend(db, actor, ref.id, "再次")
    with pytest.raises(ValidationError, match="办理结果"):
        s.close(db, actor, ref.id, wf.MEDIATED)
    with pytest.raises(ValidationError, match="不能早于受理日期"):
        s.close(db, actor, ref.id, wf.SUPPORTED, date(2026, 3, 1))
    with pytest.raises(NotFound):
        s.accept(db, actor, 9999)


def test_dispute_mediated_with_agreement_and_follow_up(db, actor):
    ref = new_dispute(db, actor)
    s.accept(db, actor, ref.id, date(2026, 3, 2), handler="刘晓燕")
    assert get(db, ref.id).due_on == date(2026, 4, 1)
    s.record_session(db, actor, ref.id, date(2026, 3, 5), "园区调解室", "双方当事人", "双方陈述")
    s.record_session(db, actor, ref.id, date(2026, 3, 12), "园区调解室", "双方当事人", "达成一致")
    with pytest.raises(ValidationError, match="先记录调解协议"):
        s.close(db, actor, ref.id, wf.MEDIATED, date(2026, 3, 12))
    with pytest.raises(ValidationError, match="至少需要一条"):
        s.record_agreement(db, actor, ref.id, "书面协议", date(2026, 3, 12), ["  "])
    s.record_agreement(db, actor, ref.id, "书面协议", date(2026, 3, 12),
                       ["林花平于2026年4月1日前拆除加建部分", "高明花放弃其他请求"],
                       facts="加建遮挡采光", performance_method="自行拆除",
                       performance_place="马鞍街道", performance_due=date(2026, 4, 1))
    s.close(db, actor, ref.id, wf.MEDIATED, date(2026, 3, 12))
    with db.read() as session:
        assert session.scalar(select(func.count()).where(MediationSession.case_id == ref.id)) == 2
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == ref.id))
        assert json.loads(agreement.terms)[0].startswith("林花平")
        fu = session.scalar(select(FollowUp).where(FollowUp.case_id == ref.id))
        # closed 3-12 + 30 = 4-11, a Saturday: the visit is due the Monday after (Art. 203)
        assert fu.due_on == date(2026, 4, 13) and fu.done_on is None
    s.record_follow_up(db, actor, ref.id, date(2026, 4, 10), "已拆除，双方满意")
    s.record_performance(db, actor, ref.id, True, date(2026, 3, 20), "已确认")
    case = get(db, ref.id)
    assert case.performed is True and case.judicial_applied_on == date(2026, 3, 20)
    with db.read() as session:
        assert session.scalar(select(FollowUp.done_on).where(FollowUp.case_id == ref.id)) == date(2026, 4, 10)
    actions = [e[0] for e in events(db, ref.id)]
    assert actions == ["registered", "accepted", "session_held", "session_held",
                       "agreement_recorded", "closed", "follow_up", "performance"]


def test_mediation_failed_needs_the_route(db, actor):
    ref = new_dispute(db, actor)
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    with pytest.raises(ValidationError, match="途径"):
        s.close(db, actor, ref.id, wf.MEDIATION_FAILED, date(2026, 3, 9))
    s.close(db, actor, ref.id, wf.MEDIATION_FAILED, date(2026, 3, 9), route="诉讼")
    assert get(db, ref.id).failed_route == "诉讼"
    with pytest.raises(WorkflowError):
        s.record_follow_up(db, actor, ref.id, date(2026, 3, 20), "回访")


def test_divert_creates_the_linked_dispute_with_the_parties(db, actor):
    ref = s.register_petition(db, actor, petition_input(street="马鞍街道"), [
        petitioner(), s.PartyInput(name="李明", role="代理人", phone="13700002222")])
    s.accept(db, actor, ref.id, date(2026, 3, 2), handler="周志强")
    dispute = s.divert(db, actor, ref.id, date(2026, 3, 6), dispute_category="劳动争议纠纷")
    petition = get(db, ref.id)
    assert (petition.status, petition.outcome, petition.closed_on) == ("closed", "转人民调解", date(2026, 3, 6))
    d = get(db, dispute.id)
    assert d.kind == "dispute" and d.source == "信访转入" and d.origin_case_id == ref.id
    assert d.received_on == date(2026, 3, 6) and d.category == "劳动争议纠纷" and d.street == "马鞍街道"
    with db.read() as session:
        roles = set(session.execute(
            select(Person.name, CaseParty.role).join(CaseParty.person).where(CaseParty.case_id == dispute.id)).all())
        assert roles == {("李明", "第三人"), ("张秀英", "申请人")}
        assert session.scalar(select(func.count(Person.id))) == 2  # the same persons, not copies
    assert "转人民调解" in events(db, ref.id)[-1][2] and dispute.number in events(db, ref.id)[-1][2]
    assert events(db, dispute.id)[0][2] == f"由信访件 {ref.number} 转入"


def test_reopen_is_for_supervisors(db, actor):
    ref = new_petition(db, actor)
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    s.close(db, actor, ref.id, wf.SUPPORTED, date(2026, 3, 9))
    with db.write() as session:
        session.add(User(name="clerk", display_name="登记员甲", role=wf.CLERK, active=True,
                         created_at=get(db, ref.id).created_at))
    with db.read() as session:
        clerk = session.scalar(select(User.id).where(User.name == "clerk"))
    before = snapshot(db)
    with pytest.raises(PermissionDenied, match="无权"):
        s.reopen(db, clerk, ref.id, "当事人补充材料")
    with pytest.raises(PermissionDenied):
        s.delete_case(db, clerk, ref.id, "重复登记")
    assert snapshot(db) == before
    with pytest.raises(ValidationError, match="理由"):
        s.reopen(db, actor, ref.id, "")
    s.reopen(db, actor, ref.id, "当事人补充材料")
    case = get(db, ref.id)
    assert (case.status, case.outcome, case.closed_on) == ("in_progress", None, None)
    assert events(db, ref.id)[-1][0] == "reopened"


def test_assign_many_in_one_act(db, actor):
    a, b = new_petition(db, actor), new_petition(db, actor)
    assert s.assign(db, actor, [a.id, b.id], "黄海燕") == 2
    assert get(db, a.id).handler == get(db, b.id).handler == "黄海燕"
    assert events(db, a.id)[-1][:2] == ("assigned", {"handler": [None, "黄海燕"]})
    s.reject(db, actor, b.id, "不属于受理范围")
    before = snapshot(db)
    with pytest.raises(WorkflowError):
        s.assign(db, actor, [a.id, b.id], "周志强")  # one refused → none changed
    assert snapshot(db) == before
    with pytest.raises(ValidationError):
        s.assign(db, actor, [a.id], " ")


def test_edit_keeps_old_and_new_and_checks(db, actor):
    ref = new_petition(db, actor)
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    version = get(db, ref.id).version
    s.edit(db, actor, ref.id, {"summary": "反映拖欠工资（已核实）", "people_count": "12",
                               "amount": "86000"}, expected_version=version)
    case = get(db, ref.id)
    assert case.people_count == 12 and str(case.amount) == "86000.00"
    action, changes, _, _ = events(db, ref.id)[-1]
    assert action == "edited" and changes["summary"] == ["反映某公司拖欠工资", "反映拖欠工资（已核实）"]
    with pytest.raises(StaleEdit, match="已被他人修改"):
        s.edit(db, actor, ref.id, {"summary": "旧版本上的修改"}, expected_version=version)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        s.edit(db, actor, ref.id, {"accepted_on": "2026-02-01", "people_count": "0",
                                   "category": "无此类别"})
    assert {p.field for p in err.value.problems} == {"accepted_on", "people_count", "category"}
    with pytest.raises(ValidationError, match="不能直接编辑"):
        s.edit(db, actor, ref.id, {"status": "closed"})
    assert snapshot(db) == before
    # Moving the acceptance date moves the deadline, and the event says so.
    # 3-02 + 60 = 5-01, in 劳动节 (5-01…5-05) → 5-06; 3-10 + 60 = 5-09, a Saturday worked in
    # lieu (调休), so a working day (民法典 Art. 203, docs/domain.md §4)
    s.edit(db, actor, ref.id, {"accepted_on": "2026/3/10"})
    assert get(db, ref.id).due_on == date(2026, 5, 9)
    assert events(db, ref.id)[-1][1]["due_on"] == ["2026-05-06", "2026-05-09"]


def test_attach_copies_with_sha256(db, actor, tmp_path):
    import hashlib

    ref = new_petition(db, actor)
    source = tmp_path / "来信扫描.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    att_id = s.attach(db, actor, ref.id, source)
    with db.read() as session:
        from caseapp.storage.models import Attachment

        row = session.get(Attachment, att_id)
    assert row.sha256 == hashlib.sha256(b"%PDF-1.4 test").hexdigest()
    assert s.attachment_path(db, row.stored_name).read_bytes() == b"%PDF-1.4 test"
    assert events(db, ref.id)[-1][:3] == ("attachment_added", None, "来信扫描.pdf")
    with pytest.raises(ValidationError, match="找不到文件"):
        s.attach(db, actor, ref.id, tmp_path / "missing.pdf")


def test_delete_leaves_an_event_and_hides_the_case(db, actor):
    ref = new_petition(db, actor)
    with pytest.raises(ValidationError):
        s.delete_case(db, actor, ref.id, "")
    s.delete_case(db, actor, ref.id, "重复登记")
    assert get(db, ref.id).deleted_at is not None
    assert events(db, ref.id)[-1][:3] == ("deleted", None, "重复登记")
    with pytest.raises(NotFound):
        s.accept(db, actor, ref.id)


def test_settings_round_trip_and_number_format(db, actor):
    from dataclasses import replace

    settings = replace(db.settings(), office_name="涪陵高新区矛盾纠纷调解办",
                       petition_number_format="涪高信〔{year}〕{seq}号")
    s.save_settings(db, actor, settings)
    assert db.settings().office_name == "涪陵高新区矛盾纠纷调解办"
    assert new_petition(db, actor).number == "涪高信〔2026〕1号"
    with pytest.raises(ValidationError, match="seq"):
        s.save_settings(db, actor, replace(settings, dispute_number_format="固定编号"))


def test_categories_are_retired_not_deleted(db, actor):
    s.set_category_active(db, actor, "petition", "劳动社保", False)
    with pytest.raises(ValidationError, match="不在信访件类别列表中"):
        new_petition(db, actor)
    s.set_category_active(db, actor, "petition", "劳动社保", True)
    assert new_petition(db, actor).number


def test_two_writers_never_share_a_number(make_db_url):
    """Two connections registering at once: numbers stay unique and consecutive."""
    from caseapp.storage.migrate import open_database

    path = make_db_url("shared")
    first = open_database(path)
    second = open_database(path)
    actor = first.local_user_id()
    numbers, errors = [], []

    def work(database):
        try:
            for _ in range(15):
                numbers.append(new_petition(database, actor).number)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(d,)) for d in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == [f"（2026）信字第{i:04d}号" for i in range(1, 31)]


def test_same_name_and_phone_but_another_id_is_another_person(db, actor):
    new_petition(db, actor)  # 张秀英, ID1, 13812345678
    other_id = "110101199003074477"
    ref = s.register_petition(db, actor, petition_input(category="教育"),
                              [petitioner(id_number=other_id)])
    with db.read() as session:
        ids = set(session.scalars(select(Person.id_number)))
        linked = session.scalar(select(Person.id_number).join(CaseParty.person)
                                .where(CaseParty.case_id == ref.id))
    assert ids == {ID1, other_id} and linked == other_id
