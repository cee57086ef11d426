"""Personal data: masked in lists, exports and printouts unless an admin asks; reveals and
full exports are events."""

import csv
from dataclasses import fields
from datetime import date

import pytest
from sqlalchemy import select
from test_case_docs import text
from test_services import dispute_input, petition_input

from caseapp import exchange, queries
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied
from caseapp.services import accounts, audit, privacy
from caseapp.storage.models import Event, Person
from caseapp.validation import mask_id_number, mask_phone

PASSWORD = "Passw0rd-2026"
ID1, PHONE1 = "500102195507142462", "13812345678"
ID2, PHONE2 = "500234199612106978", "13912345679"


@pytest.fixture
def office(db):
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    clerk = accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, PASSWORD)
    viewer = accounts.add_user(db, admin, "viewer", "赵查看", wf.VIEWER, PASSWORD)
    pet = s.register_petition(db, admin, petition_input(), [
        s.PartyInput(name="张秀英", role="信访人", id_number=ID1, phone=PHONE1)])
    disp = s.register_dispute(db, admin, dispute_input(), [
        s.PartyInput(name="陈明", role="申请人", id_number=ID2, phone=PHONE2),
        s.PartyInput(name="刘强", role="被申请人")])
    s.accept(db, admin, disp.id, on=date(2026, 3, 2))
    s.record_agreement(db, admin, disp.id, "书面协议", date(2026, 3, 3), ["一、赔偿500元"])
    return {"admin": admin, "clerk": clerk, "viewer": viewer, "pet": pet, "disp": disp}


def events(db, action):
    with db.read() as session:
        return [(e.user_id, e.case_id, e.note) for e in session.scalars(
            select(Event).where(Event.action == action).order_by(Event.id))]


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_roles():
    assert privacy.may_see_personal(wf.ADMIN)
    assert not any(privacy.may_see_personal(r) for r in (wf.CLERK, wf.MEDIATOR, wf.VIEWER))
    assert privacy.may_reveal(wf.CLERK) and not privacy.may_reveal(wf.VIEWER)


def test_export_is_masked_for_a_clerk_and_logged(db, office, tmp_path):
    out = tmp_path / "clerk.csv"
    assert exchange.run_export(db, out, actor=office["clerk"]) == 2
    data = out.read_text(encoding="utf-8-sig")
    assert ID1 not in data and PHONE1 not in data and ID2 not in data
    got = {r["当事人"]: (r["身份证号"], r["联系电话"]) for r in rows(out)}
    assert got["张秀英"] == ("500102********2462", "138****5678")
    assert events(db, "export") == [(office["clerk"], None, "2件 → clerk.csv")]
    # A clerk may not ask for the full data.
    with pytest.raises(PermissionDenied, match="导出或打印完整个人信息"):
        exchange.run_export(db, tmp_path / "full.csv", actor=office["clerk"], full_personal=True)
    assert not (tmp_path / "full.csv").exists() and len(events(db, "export")) == 1


def test_admin_export_masked_by_default_full_on_request(db, office, tmp_path):
    masked, full = tmp_path / "m.xlsx", tmp_path / "f.csv"
    exchange.run_export(db, masked, actor=office["admin"])
    exchange.run_export(db, full, actor=office["admin"], full_personal=True)
    from openpyxl import load_workbook
    values = {c.value for row in load_workbook(masked).worksheets[0].iter_rows() for c in row}
    assert ID1 not in values and mask_id_number(ID1) in values
    assert {r["身份证号"] for r in rows(full)} == {ID1, ID2}
    assert [n for _u, _c, n in events(db, "export")] == ["2件 → m.xlsx", "2件 → f.csv，完整个人信息"]


def test_a_masked_export_imports_back_with_the_same_figures(db, office, tmp_path, make_db):
    out = tmp_path / "m.csv"
    exchange.run_export(db, out, actor=office["clerk"])
    other = make_db("other")
    try:
        result = exchange.run_import(other, other.local_user_id(), out)
        assert result.rows == 2
        with other.read() as session:
            assert set(session.scalars(select(Person.id_number))) == {None}
            assert set(session.scalars(select(Person.phone))) == {None}
    finally:
        other.dispose()


def test_list_rows_carry_no_id_or_phone(db, office):
    names = {f.name for f in fields(queries.CaseRow)}
    assert not names & {"id_number", "phone", "address"}
    row = queries.case_rows(db, [office["pet"].id])[0]
    assert ID1 not in repr(row) and PHONE1 not in repr(row)


def test_case_sheet_and_agreement_masked_unless_admin_asks(db, office, tmp_path):
    pet, disp = office["pet"], office["disp"]
    sheet = text(audit.print_case_document(db, office["viewer"], pet.number, "sheet",
                                           tmp_path / "v.pdf"))
    assert ID1 not in sheet and PHONE1 not in sheet
    assert mask_id_number(ID1) in sheet and mask_phone(PHONE1) in sheet
    agreement = text(audit.print_case_document(db, office["clerk"], disp.number, "agreement",
                                               tmp_path / "a.pdf"))
    assert ID2 not in agreement and mask_id_number(ID2) in agreement
    with pytest.raises(PermissionDenied):
        audit.print_case_document(db, office["clerk"], disp.number, "agreement",
                                  tmp_path / "af.pdf", full_personal=True)
    full = text(audit.print_case_document(db, office["admin"], disp.number, "agreement",
                                          tmp_path / "f.pdf", full_personal=True))
    assert ID2 in full
    assert events(db, "printout") == [
        (office["viewer"], pet.id, "案件登记表"), (office["clerk"], disp.id, "人民调解协议书"),
        (office["admin"], disp.id, "人民调解协议书，完整个人信息")]


def test_reveal_is_logged_and_refused_for_a_viewer(db, office):
    detail = queries.case_detail(db, office["pet"].id)
    masked = privacy.masked_detail(detail)
    assert masked.parties[0].id_number == "500102********2462"
    assert masked.parties[0].phone == "138****5678"
    person = detail.parties[0].person_id
    with pytest.raises(PermissionDenied):
        privacy.reveal_party(db, office["viewer"], office["pet"].id, person)
    assert privacy.reveal_party(db, office["clerk"], office["pet"].id, person) == (ID1, PHONE1)
    assert events(db, "reveal_personal") == [(office["clerk"], office["pet"].id, "信访人 张秀英")]
    labels = [e.action_label for e in queries.case_detail(db, office["pet"].id).events]
    assert "查看个人信息" in labels


def test_audit_lists_filters_and_exports(db, office, tmp_path):
    admin, clerk = office["admin"], office["clerk"]
    with pytest.raises(PermissionDenied):
        accounts.authenticate(db, "clerk", "wrong-pass")
    accounts.authenticate(db, "clerk", PASSWORD)
    entries = audit.list_events(db, admin)
    assert entries[0].action == "login" and entries[0].user == "李登记"
    assert entries[1].action_label == "登录失败"
    assert [e.action for e in audit.list_events(db, admin, audit.AuditFilter(user="clerk"))] == [
        "login", "login_failed"]
    on_case = audit.list_events(db, admin, audit.AuditFilter(case_number=office["disp"].number))
    assert {e.action for e in on_case} == {"registered", "accepted", "agreement_recorded"}
    assert audit.count_events(db, admin, audit.AuditFilter(action="login_failed")) == 1
    assert audit.list_events(db, admin, audit.AuditFilter(date_to=date(2020, 1, 1))) == []
    with pytest.raises(PermissionDenied):
        audit.list_events(db, clerk)
    out = tmp_path / "log.xlsx"
    n = audit.run_export_events(db, admin, out)
    from openpyxl import load_workbook
    sheet = load_workbook(out).worksheets[0]
    assert sheet.max_row == n + 1 and sheet.cell(1, 4).value == "操作"
    assert audit.list_events(db, admin)[0].action == "export"
