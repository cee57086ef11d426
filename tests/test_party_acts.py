"""Parties after registration: 添加/修改/移除当事人 as acts (role, state and last-applicant checks,
events old → new with ID numbers and phones masked), the shared person's other cases, and the
diversion that brings every party of the petition in its mapped role."""

from datetime import date

import pytest
from sqlalchemy import select
from test_services import ID1, ID2, dispute_input, events, petition_input, petitioner, snapshot

from caseapp import queries
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import NotFound, PermissionDenied, ValidationError, WorkflowError
from caseapp.services import accounts
from caseapp.storage.models import CaseParty, Person

PASSWORD = "Passw0rd-2026"
ID3 = "11010519491231002X"


def applicant(**kw):
    base = dict(name="陈明", role="申请人", id_number=ID2, phone="13912345678")
    base.update(kw)
    return s.PartyInput(**base)


def dispute(db, actor, *parties):
    return s.register_dispute(db, actor, dispute_input(), list(parties) or [applicant()]).id


def parties(db, case_id):
    return [(p.role, p.name, p.phone) for p in queries.case_detail(db, case_id).parties]


def party_id(db, case_id, name):
    return next(p.party_id for p in queries.case_detail(db, case_id).parties if p.name == name)


def test_add_a_respondent_person_and_an_organisation(db, actor):
    case_id = dispute(db, actor)
    pid = s.add_party(db, actor, case_id, s.PartyInput(
        name="林花平", role="被申请人", id_number=ID1.lower(), phone=" 13900001111 ",
        address="渝中区解放碑1号"))
    org = s.add_party(db, actor, case_id, s.PartyInput(
        name="重庆某某装饰公司", role="第三人", is_org=True, legal_rep="赵经理"))
    assert pid != org
    detail = queries.case_detail(db, case_id)
    lin = next(p for p in detail.parties if p.name == "林花平")
    assert (lin.party_id, lin.role, lin.id_number, lin.gender, lin.birth_date) == (
        pid, "被申请人", ID1, "女", date(1955, 7, 14))
    assert lin.phone == "13900001111"
    company = next(p for p in detail.parties if p.name == "重庆某某装饰公司")
    assert company.is_org and company.legal_rep == "赵经理" and company.role == "第三人"
    action, changes, note, user = events(db, case_id)[-2]
    assert (action, note, user) == ("party_added", "被申请人 林花平", actor)
    assert changes["role"] == [None, "被申请人"] and changes["name"] == [None, "林花平"]
    # Personal numbers stand masked in the event, as the case view shows them.
    assert changes["id_number"] == [None, "500102********2462"]
    assert changes["phone"] == [None, "139****1111"]
    assert ID1 not in str(events(db, case_id)) and "13900001111" not in str(events(db, case_id))
    assert [e.action_label for e in detail.events][-2:] == ["添加当事人", "添加当事人"]


def test_add_is_checked_like_intake(db, actor):
    case_id = dispute(db, actor)
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        s.add_party(db, actor, case_id, s.PartyInput(name="", role="信访人",
                                                     id_number="500102195507142463", phone="12"))
    fields = {p.field for p in err.value.problems}
    assert fields == {"parties", "id_number", "phone"}
    messages = " ".join(p.message for p in err.value.problems)
    assert "姓名或名称必须填写" in messages and "「信访人」不适用" in messages
    assert snapshot(db) == before


def test_a_known_person_is_reused_and_not_added_twice(db, actor):
    first = dispute(db, actor)
    second = s.register_dispute(db, actor, dispute_input(), [
        s.PartyInput(name="刘大爷", role="申请人")]).id
    s.add_party(db, actor, second, applicant(role="被申请人"))  # same ID number as on `first`
    with db.read() as session:
        assert session.scalar(select(Person.id).where(Person.id_number == ID2)) is not None
        assert len(session.scalars(select(Person).where(Person.id_number == ID2)).all()) == 1
    before = snapshot(db)
    with pytest.raises(ValidationError, match="此人已经是本案的被申请人"):
        s.add_party(db, actor, second, applicant(role="被申请人"))
    assert snapshot(db) == before
    assert [c.number for c in s.person_other_cases(
        db, queries.case_detail(db, first).parties[0].person_id, first)] == [
        queries.case_detail(db, second).number]


def test_edit_role_and_facts_with_old_and_new(db, actor):
    case_id = dispute(db, actor, applicant(), s.PartyInput(name="林华平", role="被申请人",
                                                           phone="13900001111"))
    pid = party_id(db, case_id, "林华平")
    s.edit_party(db, actor, case_id, pid, s.PartyInput(
        name="林花平", role="第三人", phone="13900002222", address="解放碑1号", id_number=ID1))
    assert parties(db, case_id) == [("申请人", "陈明", "13912345678"),
                                    ("第三人", "林花平", "13900002222")]
    lin = queries.case_detail(db, case_id).parties[1]
    assert (lin.gender, lin.birth_date) == ("女", date(1955, 7, 14))  # read from the ID number
    action, changes, note, _user = events(db, case_id)[-1]
    assert (action, note) == ("party_edited", "被申请人 林华平")
    assert changes == {"role": ["被申请人", "第三人"], "name": ["林华平", "林花平"],
                       "gender": [None, "女"], "id_number": [None, "500102********2462"],
                       "phone": ["139****1111", "139****2222"], "address": [None, "解放碑1号"]}
    timeline = queries.case_detail(db, case_id).events[-1]
    assert timeline.action_label == "修改当事人"
    assert ("联系电话", "139****1111", "139****2222") in timeline.changes
    # Nothing changed: no event.
    count = len(events(db, case_id))
    s.edit_party(db, actor, case_id, pid, s.PartyInput(
        name="林花平", role="第三人", phone="13900002222", address="解放碑1号", id_number=ID1))
    assert len(events(db, case_id)) == count


def test_edit_refusals(db, actor):
    case_id = dispute(db, actor, applicant(), s.PartyInput(name="林花平", role="被申请人"))
    s.register_dispute(db, actor, dispute_input(), [s.PartyInput(name="孙七", role="申请人",
                                                                 id_number=ID3)])
    main, lin = party_id(db, case_id, "陈明"), party_id(db, case_id, "林花平")
    before = snapshot(db)
    with pytest.raises(ValidationError, match="陈明是本案唯一的申请人，不能改为被申请人"):
        s.edit_party(db, actor, case_id, main, applicant(role="被申请人"))
    with pytest.raises(ValidationError, match=r"已登记为另一人（孙七）"):
        s.edit_party(db, actor, case_id, lin, s.PartyInput(name="林花平", role="被申请人",
                                                           id_number=ID3))
    with pytest.raises(ValidationError, match="不是有效的手机号"):
        s.edit_party(db, actor, case_id, lin, s.PartyInput(name="林花平", role="被申请人",
                                                           phone="123"))
    with pytest.raises(NotFound):
        s.edit_party(db, actor, case_id + 1, lin, s.PartyInput(name="林花平", role="被申请人"))
    assert snapshot(db) == before


def test_remove_keeps_the_last_applicant(db, actor):
    case_id = dispute(db, actor, applicant(), s.PartyInput(name="林花平", role="被申请人"))
    main = party_id(db, case_id, "陈明")
    before = snapshot(db)
    with pytest.raises(ValidationError) as err:
        s.remove_party(db, actor, case_id, main, "登记错误")
    assert str(err.value.problems[0].message).startswith("陈明是本案唯一的申请人，不能移除")
    with pytest.raises(ValidationError, match="必须写明理由"):
        s.remove_party(db, actor, case_id, party_id(db, case_id, "林花平"), " ")
    assert snapshot(db) == before
    s.remove_party(db, actor, case_id, party_id(db, case_id, "林花平"), "登记错误")
    assert parties(db, case_id) == [("申请人", "陈明", "13912345678")]
    action, changes, note, _user = events(db, case_id)[-1]
    assert (action, changes, note) == ("party_removed", {"role": ["被申请人", None],
                                                         "name": ["林花平", None]},
                                       "被申请人 林花平：登记错误")
    # A person named by no case any more is not kept for intake's look-up.
    assert queries.find_persons(db, name="林花平") == []
    # With a second applicant the first may go; the person stays for the other case.
    s.add_party(db, actor, case_id, s.PartyInput(name="高明花", role="申请人"))
    other = dispute(db, actor)  # names 陈明 too
    s.remove_party(db, actor, case_id, main, "并非申请人")
    assert [p[1] for p in parties(db, case_id)] == ["高明花"]
    assert [p[1] for p in parties(db, other)] == ["陈明"]


def test_only_open_cases_and_permitted_roles(db, actor):
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    viewer = accounts.add_user(db, admin, "viewer", "赵查看", wf.VIEWER, PASSWORD)
    mediator = accounts.add_user(db, admin, "med", "王调解", wf.MEDIATOR, PASSWORD)
    clerk = accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, PASSWORD)
    case_id = s.register_dispute(db, admin, dispute_input(mediators="王调解"), [applicant()]).id
    respondent = s.PartyInput(name="林花平", role="被申请人")
    before = snapshot(db)
    for user, label in ((viewer, "查看"), (mediator, "调解员")):
        with pytest.raises(PermissionDenied, match=f"（{label}）无权执行「添加当事人」"):
            s.add_party(db, user, case_id, respondent)
        with pytest.raises(PermissionDenied, match="无权执行「修改当事人」"):
            s.edit_party(db, user, case_id, party_id(db, case_id, "陈明"), applicant())
        with pytest.raises(PermissionDenied, match="无权执行「移除当事人」"):
            s.remove_party(db, user, case_id, party_id(db, case_id, "陈明"), "错")
    assert snapshot(db) == before
    pid = s.add_party(db, clerk, case_id, respondent)  # a clerk may, on 待受理 and 办理中
    s.accept(db, admin, case_id, on=date(2026, 3, 2))
    s.edit_party(db, clerk, case_id, pid, s.PartyInput(name="林花平", role="第三人"))
    s.record_agreement(db, admin, case_id, "口头协议", date(2026, 3, 3), ["赔偿500元"])
    s.close(db, admin, case_id, wf.MEDIATED, on=date(2026, 3, 4))
    before = snapshot(db)
    with pytest.raises(WorkflowError, match="已办结」，不能添加当事人"):
        s.add_party(db, admin, case_id, respondent)
    with pytest.raises(WorkflowError, match="不能修改当事人"):
        s.edit_party(db, admin, case_id, pid, s.PartyInput(name="林花平", role="被申请人"))
    with pytest.raises(WorkflowError, match="不能移除当事人"):
        s.remove_party(db, admin, case_id, pid, "错")
    assert snapshot(db) == before
    rejected = s.register_petition(db, admin, petition_input(), [petitioner()]).id
    s.reject(db, admin, rejected, "不属于信访事项", on=date(2026, 3, 2))
    with pytest.raises(WorkflowError, match="不予受理」，不能添加当事人"):
        s.add_party(db, admin, rejected, s.PartyInput(name="王五", role="代理人"))
    s.delete_case(db, admin, case_id, "重复登记")
    with pytest.raises(NotFound):
        s.add_party(db, admin, case_id, respondent)
    assert wf.Act.ADD_PARTY not in wf.allowed_acts("dispute", "closed", wf.MEDIATED)
    assert set(wf.PARTY_ACTS) <= set(wf.allowed_acts("petition", "registered"))


def test_person_other_cases_lists_the_shared_person(db, actor):
    first = s.register_petition(db, actor, petition_input(), [petitioner()])
    second = s.register_petition(db, actor, petition_input(category="城乡建设",
                                                           received_on=date(2026, 3, 5)),
                                 [petitioner()])
    third = dispute(db, actor, applicant(), petitioner(role="被申请人"))
    deleted = dispute(db, actor, applicant(), petitioner(role="被申请人"))
    s.delete_case(db, actor, deleted, "重复登记")
    person = queries.case_detail(db, first.id).parties[0].person_id
    others = s.person_other_cases(db, person, first.id)
    assert [(c.number, c.kind, c.status_label) for c in others] == [
        (second.number, "petition", "待受理"),
        (queries.case_detail(db, third).number, "dispute", "待受理")]
    chen = queries.case_detail(db, third).parties[0]
    assert chen.name == "陈明"
    assert s.person_other_cases(db, chen.person_id, third) == []  # the deleted case not counted
    # The correction is on the one person: every case shows it.
    s.edit_party(db, actor, first.id, queries.case_detail(db, first.id).parties[0].party_id,
                 petitioner(phone="13800009999"))
    assert parties(db, second.id)[0][2] == "13800009999"


def test_diversion_brings_every_party_in_its_role(db, actor):
    ref = s.register_petition(db, actor, petition_input(), [
        petitioner(), s.PartyInput(name="王律师", role="代理人", phone="13700000001"),
        s.PartyInput(name="某建筑公司", role="被反映人", is_org=True, legal_rep="钱总")])
    s.accept(db, actor, ref.id, on=date(2026, 3, 2))
    new = s.divert(db, actor, ref.id, date(2026, 3, 6), dispute_category="劳动争议纠纷")
    detail = queries.case_detail(db, new.id)
    assert [(p.role, p.name) for p in detail.parties] == [
        ("申请人", "张秀英"), ("第三人", "王律师"), ("被申请人", "某建筑公司")]
    petition = queries.case_detail(db, ref.id)
    assert [p.person_id for p in detail.parties] == [p.person_id for p in petition.parties]
    company = detail.parties[2]
    assert company.is_org and company.legal_rep == "钱总"
    with db.read() as session:
        assert session.query(CaseParty).filter_by(case_id=new.id).count() == 3
        assert session.query(Person).count() == 3  # the same persons, none copied


def test_petition_roles_include_the_respondent():
    assert wf.roles_for("petition") == ("信访人", "代理人", "被反映人")
    assert wf.DIVERSION_ROLES["被反映人"] == "被申请人"


def test_masked_numbers_sent_back_stay_as_stored(db, actor):
    case_id = dispute(db, actor)
    pid = party_id(db, case_id, "陈明")
    s.edit_party(db, actor, case_id, pid, applicant(id_number="500234********6978",
                                                   phone="139****5678", address="新地址"))
    chen = queries.case_detail(db, case_id).parties[0]
    assert (chen.id_number, chen.phone, chen.address) == (ID2, "13912345678", "新地址")
    assert events(db, case_id)[-1][1] == {"address": [None, "新地址"]}
    with pytest.raises(ValidationError, match="请填写完整的联系电话"):
        s.edit_party(db, actor, case_id, pid, applicant(phone="139****0000"))
