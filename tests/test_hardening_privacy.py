"""Issue #16, items 1 and 7: a masked ID number cannot be rebuilt (the birth date, whose 8
digits the mask hides, never stands beside it), and ID numbers and phones typed into free text
are masked wherever personal data is masked (exports and printouts)."""

from __future__ import annotations

import csv
import re
from datetime import date

import pytest
from openpyxl import load_workbook
from stdnum.cn import ric
from test_case_docs import text

from caseapp import exchange, queries
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied
from caseapp.services import accounts, audit, privacy
from caseapp.validation import BIRTH_HIDDEN, mask_id_number, mask_phone, mask_text

PASSWORD = "Passw0rd-2026"
ID1, PHONE1 = "500102195507142462", "13812345678"  # 女, 1955-07-14
ID2, PHONE2 = "500234199612106978", "13912345679"  # 男, 1996-12-10
# Personal data typed into free text: another person's ID, a mobile with +86, a landline.
TYPED_ID, TYPED_MOBILE, TYPED_LANDLINE = "500101198001010019", "+86 137 0000 1234", "023-72281234"
FREE = f"儿子身份证{TYPED_ID}，电话{TYPED_MOBILE}，座机{TYPED_LANDLINE}。"
SECRETS = (TYPED_ID, "137 0000 1234", "13700001234", "72281234")


@pytest.fixture
def office(db):
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    clerk = accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, PASSWORD)
    viewer = accounts.add_user(db, admin, "viewer", "赵查看", wf.VIEWER, PASSWORD)
    pet = s.register_petition(db, admin, s.CaseInput(
        summary=f"反映拖欠工资，联系{PHONE2}", category="劳动社保", received_on=date(2026, 3, 1),
        source="来访", details=FREE), [
        s.PartyInput(name="张秀英", role="信访人", id_number=ID1, phone=PHONE1)])
    s.accept(db, admin, pet.id, on=date(2026, 3, 2))
    disp = s.register_dispute(db, admin, s.CaseInput(
        summary="邻居加建房屋遮挡采光", category="邻里纠纷", received_on=date(2026, 3, 1),
        source="当事人申请", details=FREE), [
        s.PartyInput(name="陈明", role="申请人", id_number=ID2, phone=PHONE2),
        s.PartyInput(name="刘强", role="被申请人")])
    s.accept(db, admin, disp.id, on=date(2026, 3, 2))
    s.record_session(db, admin, disp.id, date(2026, 3, 3), place="调解室",
                     participants=f"陈明（{PHONE2}）", record=FREE)
    s.record_agreement(db, admin, disp.id, "书面协议", date(2026, 3, 3),
                       [f"被申请人向申请人（身份证{ID2}）赔偿500元"], facts=FREE)
    return {"admin": admin, "clerk": clerk, "viewer": viewer, "pet": pet, "disp": disp}


def birth_forms(d: date) -> list[str]:
    return [d.isoformat(), f"{d.year}年{d.month}月{d.day}日", f"{d:%Y%m%d}", f"{d:%Y/%m/%d}"]


def rebuilt(masked: str, document: str) -> set[str]:
    """The attack: every date printed in the document, put into the 8 hidden digits of the
    masked number, checked against the ID checksum."""
    head, tail = masked[:6], masked[-4:]
    found = set()
    for y, m, d in re.findall(r"(?<!\d)(\d{4})[-年/.]?(\d{1,2})[-月/.]?(\d{1,2})", document):
        try:
            date(int(y), int(m), int(d))
        except ValueError:
            continue
        body = f"{head}{int(y):04d}{int(m):02d}{int(d):02d}{tail[:3]}"
        if ric.calc_check_digit(body) == tail[3]:
            found.add(body + tail[3])
    return found


# --- 1. The birth date goes with the masked ID number ----------------------------------------


def test_the_attack_rebuilds_a_number_when_the_birth_date_is_printed():
    # The attack itself works: a masked number beside its birth date gives the number back.
    printed = f"{mask_id_number(ID1)} 1955-07-14"
    assert rebuilt(mask_id_number(ID1), printed) == {ID1}


@pytest.mark.parametrize("role", ["viewer", "clerk"])
def test_masked_case_sheet_prints_no_birth_date(db, office, tmp_path, role):
    sheet = text(audit.print_case_document(db, office[role], office["pet"].number, "sheet",
                                           tmp_path / "s.pdf"))
    assert mask_id_number(ID1) in sheet and BIRTH_HIDDEN in sheet
    assert not any(f in sheet for f in birth_forms(date(1955, 7, 14)))
    assert ID1 not in rebuilt(mask_id_number(ID1), sheet)


def test_masked_agreement_prints_no_birth_date(db, office, tmp_path):
    doc = text(audit.print_case_document(db, office["viewer"], office["disp"].number,
                                         "agreement", tmp_path / "a.pdf"))
    assert mask_id_number(ID2) in doc
    assert "出生" not in doc and not any(f in doc for f in birth_forms(date(1996, 12, 10)))
    assert ID2 not in rebuilt(mask_id_number(ID2), doc)


def test_a_viewer_cannot_print_the_number_in_full(db, office, tmp_path):
    for doc in ("sheet", "agreement"):
        with pytest.raises(PermissionDenied):
            audit.print_case_document(db, office["viewer"], office["disp"].number, doc,
                                      tmp_path / f"{doc}.pdf", full_personal=True)
    assert not list(tmp_path.glob("*.pdf"))


def test_the_admin_full_printout_keeps_the_birth_date(db, office, tmp_path):
    sheet = text(audit.print_case_document(db, office["admin"], office["pet"].number, "sheet",
                                           tmp_path / "s.pdf", full_personal=True))
    assert ID1 in sheet and BIRTH_HIDDEN not in sheet
    assert any(f in sheet for f in birth_forms(date(1955, 7, 14)))
    doc = text(audit.print_case_document(db, office["admin"], office["disp"].number,
                                         "agreement", tmp_path / "a.pdf", full_personal=True))
    assert ID2 in doc and "1996年12月10日出生" in doc  # the document as the parties sign it


def test_the_case_view_detail_carries_no_birth_date(db, office):
    masked = privacy.masked_detail(queries.case_detail(db, office["pet"].id))
    assert masked.parties[0].id_number == mask_id_number(ID1)
    assert masked.parties[0].birth_date is None
    assert date(1955, 7, 14).isoformat() not in repr(masked)


def test_an_export_carries_no_birth_date(db, office, tmp_path):
    out = tmp_path / "e.csv"
    exchange.run_export(db, out, actor=office["clerk"])
    data = out.read_text(encoding="utf-8-sig")
    assert not any(f in data for f in birth_forms(date(1955, 7, 14)) + birth_forms(date(1996, 12, 10)))
    assert ID1 not in rebuilt(mask_id_number(ID1), data)
    assert ID2 not in rebuilt(mask_id_number(ID2), data)


# --- 7. Free text is masked where personal data is masked ------------------------------------


def test_mask_text_masks_numbers_in_running_text():
    masked = mask_text(FREE)
    assert not any(x in masked for x in SECRETS)
    assert mask_id_number(TYPED_ID) in masked and "儿子身份证" in masked
    assert mask_text("2026年3月5日赔偿3000元，案号（2026）信字第0003号") == \
        "2026年3月5日赔偿3000元，案号（2026）信字第0003号"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_masked_export_masks_free_text(db, office, tmp_path, suffix):
    out = tmp_path / f"clerk{suffix}"
    exchange.run_export(db, out, actor=office["clerk"])
    if suffix == ".csv":
        with open(out, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    else:
        sheet = load_workbook(out).worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
        rows = [dict(zip(values[0], r, strict=True)) for r in values[1:]]
    blob = repr(rows)
    assert not any(x in blob for x in SECRETS + (PHONE2,))
    details = {r["当事人"]: r["详细情况"] for r in rows}
    assert details["张秀英"] == mask_text(FREE)
    summaries = {r["当事人"]: r["事项摘要"] for r in rows}
    assert summaries["张秀英"] == f"反映拖欠工资，联系{mask_phone(PHONE2)}"


def test_full_export_keeps_free_text(db, office, tmp_path):
    out = tmp_path / "full.csv"
    exchange.run_export(db, out, actor=office["admin"], full_personal=True)
    data = out.read_text(encoding="utf-8-sig")
    assert TYPED_ID in data and TYPED_LANDLINE in data and PHONE2 in data


@pytest.mark.parametrize("doc,case", [("sheet", "pet"), ("sheet", "disp"), ("agreement", "disp"),
                                      ("notice", "pet")])
def test_masked_printouts_mask_free_text(db, office, tmp_path, doc, case):
    out = text(audit.print_case_document(db, office["viewer"], office[case].number, doc,
                                         tmp_path / "d.pdf"))
    assert not any(x.replace(" ", "") in out for x in SECRETS + (PHONE2, ID2))


def test_masked_sheet_masks_edits_on_the_timeline(db, office, tmp_path):
    # An edit of 详细情况 is an event old → new: the timeline prints both texts.
    s.edit(db, office["admin"], office["pet"].id, {"details": f"补充：信访人丈夫{ID2}"})
    sheet = text(audit.print_case_document(db, office["clerk"], office["pet"].number, "sheet",
                                           tmp_path / "s.pdf"))
    assert ID2 not in sheet and TYPED_ID not in sheet and mask_id_number(ID2) in sheet


def test_full_printout_keeps_free_text(db, office, tmp_path):
    sheet = text(audit.print_case_document(db, office["admin"], office["pet"].number, "sheet",
                                           tmp_path / "s.pdf", full_personal=True))
    assert TYPED_ID in sheet and TYPED_LANDLINE in sheet


def test_printed_case_list_masks_numbers_in_the_summary(db, office, tmp_path):
    from caseapp.queries.case_list import CaseFilter
    from caseapp.reports.case_list import run_case_list

    out = text(run_case_list(db, CaseFilter(kind=wf.Kind.PETITION.value), tmp_path / "l.pdf"))
    assert "反映拖欠工资" in out and PHONE2 not in out and mask_phone(PHONE2) in out
