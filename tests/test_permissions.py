"""Each role tries each act it may not do: refused with a clear Chinese message, nothing
changed. A mediator acts on their own disputes only. The permissions live in caseapp, so the
GUI and the command line obey the same rules."""

from datetime import date

import pytest
from sqlalchemy import func, select
from test_services import dispute_input, petition_input, petitioner

from caseapp import exchange
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied
from caseapp.services import accounts, audit, privacy
from caseapp.storage.models import Case, CaseParty, Event, Person, Setting, Supervision, User

PASSWORD = "Passw0rd-2026"
MEDIATOR_NAME = "王调解"


@pytest.fixture
def office(db, tmp_path):
    """An admin, one user per other role, and cases in every state an act needs."""
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    users = {wf.ADMIN: admin}
    for role, name, display in ((wf.CLERK, "clerk", "李登记"), (wf.MEDIATOR, "med", MEDIATOR_NAME),
                                (wf.VIEWER, "viewer", "赵查看")):
        users[role] = accounts.add_user(db, admin, name, display, role, PASSWORD)
    applicant = s.PartyInput(name="陈明", role="申请人", id_number="500234199612106978",
                             phone="13912345678")
    c = {}
    c["reg_pet"] = s.register_petition(db, admin, petition_input(), [petitioner()]).id
    c["prog_pet"] = s.register_petition(db, admin, petition_input(), [petitioner()]).id
    s.accept(db, admin, c["prog_pet"], on=date(2026, 3, 2))
    c["closed_pet"] = s.register_petition(db, admin, petition_input(), [petitioner()]).id
    s.accept(db, admin, c["closed_pet"], on=date(2026, 3, 2))
    s.close(db, admin, c["closed_pet"], wf.SUPPORTED, on=date(2026, 3, 5))
    # The petition acts: one to transfer, one 交办, one to answer, one answered.
    for key in ("tr_pet", "above_pet", "reply_pet", "answered"):
        c[key] = s.register_petition(db, admin, petition_input(), [petitioner()]).id
        if key != "tr_pet":
            s.accept(db, admin, c[key], on=date(2026, 3, 2))
    s.reply(db, admin, c["answered"], "予以支持", date(2026, 3, 5))
    # Someone else's dispute, and the mediator's own.
    c["other_disp"] = s.register_dispute(db, admin, dispute_input(handler="张三"), [applicant]).id
    s.accept(db, admin, c["other_disp"], on=date(2026, 3, 2))
    c["own_disp"] = s.register_dispute(
        db, admin, dispute_input(handler="张三", mediators=f"刘某、{MEDIATOR_NAME}"), [applicant]).id
    s.accept(db, admin, c["own_disp"], on=date(2026, 3, 2))
    c["mediated"] = s.register_dispute(db, admin, dispute_input(handler="张三"), [applicant]).id
    s.accept(db, admin, c["mediated"], on=date(2026, 3, 2))
    s.record_agreement(db, admin, c["mediated"], "口头协议", date(2026, 3, 3), ["赔偿500元"])
    s.close(db, admin, c["mediated"], wf.MEDIATED, on=date(2026, 3, 4))
    # 司法确认 needs a written agreement.
    c["written"] = s.register_dispute(db, admin, dispute_input(handler="张三"), [applicant]).id
    s.accept(db, admin, c["written"], on=date(2026, 3, 2))
    s.record_agreement(db, admin, c["written"], "书面协议", date(2026, 3, 3), ["赔偿500元"])
    s.close(db, admin, c["written"], wf.MEDIATED, on=date(2026, 3, 4))
    attachment = tmp_path / "材料.txt"
    attachment.write_text("材料", encoding="utf-8")
    with db.read() as session:
        person = session.scalar(select(CaseParty.person_id).where(
            CaseParty.case_id == c["other_disp"]))
    return users, c, attachment, person


def snapshot(db):
    with db.read() as session:
        return (session.execute(select(Case.__table__)).all(),
                session.scalar(select(func.count(Event.id))),
                session.scalar(select(func.count(Person.id))),
                session.scalar(select(func.count(CaseParty.id))),
                session.execute(select(User.__table__)).all(),
                session.execute(select(Setting.__table__)).all())


def last_party(db, case_id):
    """The case's newest party, looked up when the act is tried."""
    with db.read() as session:
        return session.scalar(select(func.max(CaseParty.id)).where(CaseParty.case_id == case_id))


def number(db, case_id):
    with db.read() as session:
        return session.get(Case, case_id).number


def first_supervision(db):
    with db.read() as session:
        return session.scalar(select(func.min(Supervision.id))) or 0


def attempts(db, c, attachment, person, tmp_path):
    """One call per act, as an admin could do it on these cases."""
    day = date(2026, 3, 6)
    return {
        wf.Act.ACCEPT: lambda a: s.accept(db, a, c["reg_pet"], on=day),
        wf.Act.REJECT: lambda a: s.reject(db, a, c["reg_pet"], "不属于信访事项", on=day),
        wf.Act.ASSIGN: lambda a: s.assign(db, a, c["reg_pet"], "孙承办"),
        wf.Act.EXTEND: lambda a: s.extend(db, a, c["prog_pet"], "情况复杂"),
        wf.Act.RECORD_SESSION: lambda a: s.record_session(db, a, c["other_disp"], day, "调解室"),
        wf.Act.RECORD_AGREEMENT: lambda a: s.record_agreement(db, a, c["other_disp"], "书面协议",
                                                              day, ["一、赔偿"]),
        wf.Act.CLOSE: lambda a: s.close(db, a, c["prog_pet"], wf.SUPPORTED, on=day),
        wf.Act.REOPEN: lambda a: s.reopen(db, a, c["closed_pet"], "当事人不满意"),
        wf.Act.FOLLOW_UP: lambda a: s.record_follow_up(db, a, c["mediated"], day, "已履行"),
        wf.Act.MARK_ENTERED: lambda a: s.mark_entered(db, a, c["prog_pet"]),
        wf.Act.TRANSFER: lambda a: s.transfer(db, a, c["tr_pet"], "区住建局", day),
        wf.Act.FROM_ABOVE: lambda a: s.record_from_above(db, a, c["above_pet"], "市信访局",
                                                         date(2026, 4, 1), day),
        wf.Act.REPORT: lambda a: s.file_report(db, a, c["above_pet"], "已办结", day),
        wf.Act.SUPERVISE: lambda a: s.supervise(db, a, c["prog_pet"], "普通督办", "区信访局",
                                                date(2026, 3, 20), day),
        wf.Act.SUPERVISION_REPLY: lambda a: s.reply_supervision(db, a, first_supervision(db),
                                                                "已回复", day),
        wf.Act.REPLY: lambda a: s.reply(db, a, c["reply_pet"], "作出解释说明", day),
        wf.Act.RATE: lambda a: s.rate(db, a, c["answered"], "满意", day),
        wf.Act.REVIEW: lambda a: s.request_review(db, a, c["answered"], day, "不服处理意见"),
        wf.Act.JUDICIAL: lambda a: s.apply_judicial(db, a, c["written"], day, "马鞍区人民法院"),
        wf.Act.JUDICIAL_RESULT: lambda a: s.record_judicial_result(db, a, c["written"],
                                                                   "确认有效", day),
        wf.Act.RISK: lambda a: s.mark_risk(db, a, c["other_disp"], "重大", ["防止群体性上访"]),
        wf.Act.EDIT: lambda a: s.edit(db, a, c["reg_pet"], {"summary": "改过的摘要"}),
        wf.Act.ATTACH: lambda a: s.attach(db, a, c["other_disp"], attachment),
        wf.Act.ADD_PARTY: lambda a: s.add_party(db, a, c["prog_pet"],
                                                s.PartyInput(name="钱代理", role="代理人")),
        wf.Act.EDIT_PARTY: lambda a: s.edit_party(db, a, c["prog_pet"], last_party(db, c["prog_pet"]),
                                                  s.PartyInput(name="钱代理人", role="代理人")),
        wf.Act.REMOVE_PARTY: lambda a: s.remove_party(db, a, c["prog_pet"],
                                                      last_party(db, c["prog_pet"]), "登记错误"),
        wf.Act.DELETE: lambda a: s.delete_case(db, a, c["reg_pet"], "重复登记"),
        wf.Act.SETTINGS: lambda a: s.save_settings(db, a, db.settings()),
        wf.Act.WORKLOG: lambda a: s.add_worklog(db, a, s.WorkLogInput(day, "日常排查", "马鞍街道")),
        wf.Act.USERS: lambda a: accounts.add_user(db, a, "newbie", "新人", wf.VIEWER, PASSWORD),
        wf.Act.AUDIT: lambda a: audit.list_events(db, a),
        wf.Act.EXPORT: lambda a: exchange.run_export(db, tmp_path / "out.csv", actor=a),
        wf.Act.REVEAL_PERSONAL: lambda a: privacy.reveal_party(db, a, c["other_disp"], person),
        wf.Act.FULL_PERSONAL: lambda a: audit.print_case_document(
            db, a, number(db, c["reg_pet"]), "sheet", tmp_path / "full.pdf", full_personal=True),
    }


def test_every_act_is_covered():
    assert set(attempts(None, {}, None, None, None)) == set(wf.Act)


@pytest.mark.parametrize("role", [wf.CLERK, wf.MEDIATOR, wf.VIEWER])
def test_each_role_is_refused_each_act_it_may_not_do(db, office, role, tmp_path):
    users, c, attachment, person = office
    actor = users[role]
    refused = [act for act in wf.Act if not wf.role_may(role, act)]
    assert refused, role
    calls = attempts(db, c, attachment, person, tmp_path)
    for act in refused:
        before = snapshot(db)
        with pytest.raises(PermissionDenied) as err:
            calls[act](actor)
        message = str(err.value)
        assert message.endswith(f"（{wf.ROLE_LABELS[role]}）无权执行「{wf.ACT_LABELS[act]}」"), \
            (act, message)
        assert snapshot(db) == before, act
    assert not (tmp_path / "out.csv").exists() or role == wf.CLERK
    assert not (tmp_path / "full.pdf").exists()


def test_mediator_only_on_own_disputes(db, office, tmp_path):
    users, c, attachment, person = office
    med = users[wf.MEDIATOR]
    calls = attempts(db, c, attachment, person, tmp_path)
    for act in (wf.Act.RECORD_SESSION, wf.Act.RECORD_AGREEMENT, wf.Act.ATTACH,
                wf.Act.REVEAL_PERSONAL, wf.Act.FOLLOW_UP, wf.Act.JUDICIAL,
                wf.Act.JUDICIAL_RESULT, wf.Act.RISK):
        before = snapshot(db)
        with pytest.raises(PermissionDenied, match=f"不是{MEDIATOR_NAME}承办或参与调解的案件"):
            calls[act](med)
        assert snapshot(db) == before
    # Their own dispute: allowed.
    s.record_session(db, med, c["own_disp"], date(2026, 3, 6), "调解室")
    s.record_agreement(db, med, c["own_disp"], "书面协议", date(2026, 3, 6), ["一、赔偿"])
    s.attach(db, med, c["own_disp"], attachment)
    # Handler counts too.
    s.assign(db, users[wf.ADMIN], c["other_disp"], MEDIATOR_NAME)
    s.record_session(db, med, c["other_disp"], date(2026, 3, 6), "调解室")


def test_is_own_case():
    assert s.is_own_case("王调解", "王调解", None)
    assert s.is_own_case("王调解", None, "刘某、王调解")
    assert s.is_own_case("王调解", None, "刘某, 王调解；孙某")
    assert not s.is_own_case("王调解", "王调解员", "王调")
    assert not s.is_own_case("", None, "")


def test_admin_may_do_every_act(db, office, tmp_path):
    users, c, attachment, person = office
    calls = attempts(db, c, attachment, person, tmp_path)
    admin = users[wf.ADMIN]
    order = [wf.Act.ASSIGN, wf.Act.EDIT, wf.Act.ADD_PARTY, wf.Act.EDIT_PARTY,
             wf.Act.REMOVE_PARTY, wf.Act.ATTACH, wf.Act.EXTEND, wf.Act.MARK_ENTERED,
             wf.Act.SUPERVISE, wf.Act.SUPERVISION_REPLY, wf.Act.TRANSFER, wf.Act.FROM_ABOVE,
             wf.Act.REPORT, wf.Act.REPLY, wf.Act.RATE, wf.Act.REVIEW,
             wf.Act.RECORD_SESSION, wf.Act.RECORD_AGREEMENT, wf.Act.FOLLOW_UP,
             wf.Act.JUDICIAL, wf.Act.JUDICIAL_RESULT, wf.Act.RISK, wf.Act.REOPEN,
             wf.Act.CLOSE, wf.Act.ACCEPT, wf.Act.SETTINGS, wf.Act.USERS, wf.Act.AUDIT,
             wf.Act.EXPORT, wf.Act.REVEAL_PERSONAL, wf.Act.FULL_PERSONAL, wf.Act.WORKLOG,
             wf.Act.DELETE]
    assert set(order) | {wf.Act.REJECT} == set(wf.Act)
    for act in order:
        calls[act](admin)
