"""设置 → 文书模板 (reports/wording.py, services/wording_acts.py): an unknown placeholder is
refused naming it, unpaired braces and an empty text are refused; an office's text changes the
PDF, 恢复默认 brings the shipped one back, each with its event; a missing value prints a
blank, never a brace. The 转送函; each 不予受理 reason of the pick list through the act."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.queries.case_detail import case_detail
from caseapp.reports import documents
from caseapp.reports.documents import offered
from caseapp.reports.reject_reasons import reject_reason
from caseapp.reports.wording import BLANK, TEMPLATES, Wording, check_text, fill, previewing
from caseapp.services import accounts
from caseapp.storage.models import Event

ORGAN = "重庆市涪陵区李渡街道办事处"
TO = "区人力资源和社会保障局"


def read(path) -> str:
    return "".join(re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(str(path)).pages)


@pytest.fixture
def office(db, actor):
    s.save_settings(db, actor, replace(db.settings(), petition_organ=ORGAN,
                                       committee_name="涪陵区李渡街道人民调解委员会",
                                       contact_person="刘晓燕", contact_phone="023-72281234"))


def petition(db, actor, *names, accept=True):
    parties = [s.PartyInput(name=n, role="信访人", phone="13812345678", address="玉屏村3组")
               for n in names or ("张秀英",)]
    ref = s.register_petition(db, actor, s.CaseInput(
        summary="反映某公司拖欠工资", category="劳动社保", received_on=date(2026, 3, 2),
        source="来访", details="某公司拖欠三个月工资共计1.2万元。"), parties)
    if accept:
        s.accept(db, actor, ref.id, on=date(2026, 3, 3))
    return ref


def render(db, ref, key, tmp_path) -> str:
    return read(documents.render(db, ref.id, key, tmp_path / f"{key}.pdf"))


def template_events(db) -> list[Event]:
    with db.read() as session:
        rows = session.scalars(select(Event).where(Event.action == "settings_changed")
                               .order_by(Event.id)).all()
    return [e for e in rows if e.changes and "template:" in e.changes]


# ---------------------------------------------------------------------------
# The check.

def test_unknown_placeholder_is_refused_naming_it(db, actor):
    with pytest.raises(ValidationError) as err:
        s.set_template(db, actor, "notice.accepted", "{你}于{登记日期}来访，{承办人}已受理。")
    (problem,) = err.value.problems
    assert problem.field == "text" and "{承办人}" in problem.message
    assert "{受理日期}" in problem.message  # and says which it may use
    assert s.document_templates(db) == {} and template_events(db) == []


@pytest.mark.parametrize("text, words", [("", "不能为空"), ("  \n ", "不能为空"),
                                         ("{你于{登记日期}", "「{」没有配对"),
                                         ("你于{登记日期}}来访", "「}」没有配对"),
                                         ("你于登记日期}来访", "「}」没有配对")])
def test_empty_and_unpaired_braces_refused(db, actor, text, words):
    with pytest.raises(ValidationError) as err:
        s.set_template(db, actor, "notice.accepted", text)
    assert err.value.problems[0].field == "text" and words in err.value.problems[0].message


def test_every_shipped_text_passes_its_own_check():
    for key, t in TEMPLATES.items():
        assert check_text(key, t.default) == [], key
        assert set(re.findall(r"\{([^{}]*)\}", t.default)) <= set(t.fields), key
    assert {t.doc for t in TEMPLATES.values()} <= set(documents.DOCUMENTS)


def test_missing_value_is_a_blank_never_a_brace():
    text = fill("本机关已于{受理日期}受理{信访事项}。", {"受理日期": None})
    assert text == f"本机关已于{BLANK}受理{BLANK}。"
    assert fill("{交办文号}", {"交办文号": ""}) == ""  # an empty value stays empty


# ---------------------------------------------------------------------------
# The act, the PDF, 恢复默认.

def test_override_changes_the_pdf_and_restore_brings_it_back(db, actor, office, tmp_path):
    ref = petition(db, actor)
    shipped = render(db, ref, "notice", tmp_path)
    assert "本机关已于2026年3月3日依据《信访工作条例》规定予以受理" in shipped
    own = "{你}于{登记日期}反映的{信访事项}一事，本机关已于{受理日期}受理，{办理期限}日内答复。\n请保持电话畅通。"
    s.set_template(db, actor, "notice.accepted", own)
    text = render(db, ref, "notice", tmp_path)
    assert "你于2026年3月2日反映的反映某公司拖欠工资一事，本机关已于2026年3月3日受理，六十日内答复。" in text
    assert "请保持电话畅通。" in text and "依据《信访工作条例》规定予以受理" not in text
    assert s.document_templates(db) == {"notice.accepted": own}
    (event,) = template_events(db)
    assert json.loads(event.changes) == {"template:notice.accepted": [None, own]}
    assert "受理告知书" in event.note and event.case_id is None

    s.restore_template(db, actor, "notice.accepted")
    assert render(db, ref, "notice", tmp_path) == shipped
    assert s.document_templates(db) == {}
    events = template_events(db)
    assert len(events) == 2 and json.loads(events[1].changes) == {
        "template:notice.accepted": [own, None]} and "恢复默认" in events[1].note
    s.restore_template(db, actor, "notice.accepted")  # nothing to restore: no event
    assert len(template_events(db)) == 2


def test_list_template_numbers_its_lines(db, actor, tmp_path):
    ref = s.register_dispute(db, actor, s.CaseInput(
        summary="邻居加建雨棚遮挡采光", category="邻里纠纷", received_on=date(2026, 3, 1),
        source="当事人申请"), [s.PartyInput(name="高明花", role="申请人"),
                           s.PartyInput(name="林花平", role="被申请人")])
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    s.set_template(db, actor, "rights.rights", "选择人民调解员；\n接受或拒绝调解；\n申请回避；\n"
                   "要求公开调解；\n自主表达意愿；\n自愿达成协议。")
    text = render(db, ref, "rights", tmp_path)
    assert "（一）选择人民调解员；" in text and "（六）自愿达成协议。" in text


def test_preview_text_wins_without_saving(db, actor, office, tmp_path):
    ref = petition(db, actor)
    with previewing({"notice.accepted": "预览{受理日期}。"}):
        assert Wording({}).raw("notice.accepted") == "预览{受理日期}。"
        assert "预览2026年3月3日。" in render(db, ref, "notice", tmp_path)
    assert "预览" not in render(db, ref, "notice", tmp_path) and s.document_templates(db) == {}


def test_only_an_admin_sets_templates(db):
    admin = accounts.setup_admin(db, "admin", "周主任", "Pass-word-1")
    clerk = accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, "Pass-word-1")
    with pytest.raises(PermissionDenied):
        s.set_template(db, clerk, "oral.confirm", "当事人确认无误。")
    with pytest.raises(PermissionDenied):
        s.restore_template(db, clerk, "oral.confirm")
    s.set_template(db, admin, "oral.confirm", "当事人确认无误。")
    assert s.document_templates(db) == {"oral.confirm": "当事人确认无误。"}


# ---------------------------------------------------------------------------
# 转送函.

def test_transfer_letter(db, actor, office, tmp_path):
    sent = petition(db, actor, "张秀英", "李大军", accept=False)
    assert "transfer_letter" not in {sp.key for sp, why in offered(case_detail(db, sent.id))
                                     if why is None}
    with pytest.raises(Exception, match="未转送"):
        render(db, sent, "transfer_letter", tmp_path)
    s.transfer(db, actor, sent.id, TO, date(2026, 3, 10), note="属劳动监察职责")
    offers = {sp.key for sp, why in offered(case_detail(db, sent.id)) if why is None}
    assert {"transfer", "transfer_letter"} <= offers
    text = render(db, sent, "transfer_letter", tmp_path)
    number = case_detail(db, sent.id).number
    assert text.startswith("—1—信访事项转送函") and f"编号：{number}" in text
    assert f"{TO}：" in text  # addressed to the organ, not to the petitioners
    assert "张秀英、李大军于2026年3月2日提出的关于反映某公司拖欠工资的信访事项" in text
    assert "第二十二条" in text and "第三十一条、第三十二条" in text
    assert "请依照《信访工作条例》第三十一条、第三十二条的规定依法处理，并将处理意见书面告知信访人。" in text
    assert "张秀英，联系电话：13812345678，住址：玉屏村3组。" in text
    assert "信访事项摘要" in text and "某公司拖欠三个月工资共计1.2万元。" in text
    assert "联系人：刘晓燕，联系电话：023-72281234。" in text and "特此函告。" in text
    assert text.endswith(ORGAN + "2026年3月10日") and "签收人" not in text
    assert "属劳动监察职责" not in text  # the internal note stays out


# ---------------------------------------------------------------------------
# The 不予受理 reasons of the pick list, through the act.

def doubled(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(r"(\w{2,6})\1", text)
            if not m.group(1).isdigit() and "_" not in m.group(1)]


NOTE = "信访人称已多次反映"


@pytest.mark.parametrize("choice", [*wf.REJECT_CHOICES, wf.REJECT_OTHER], ids=lambda c: c.key)
@pytest.mark.parametrize("with_organ", [True, False], ids=["organ", "no-organ"])
def test_each_reason_of_the_list_makes_whole_sentences(db, actor, office, tmp_path, choice,
                                                       with_organ):
    ref = petition(db, actor, accept=False)
    organ = TO if with_organ else ""
    s.reject(db, actor, ref.id, wf.reject_text(choice.key, organ, NOTE), date(2026, 3, 6))
    stored = case_detail(db, ref.id).reject_reason
    assert wf.parse_reject(stored) == (choice, organ if choice.organ else "", NOTE)
    text = render(db, ref, "notice", tmp_path)
    body = text[text.index("张秀英：") + 4:text.index("联系人")]
    assert body.startswith("你于2026年3月2日提出的关于反映某公司拖欠工资的信访事项，经审查，该信访事项")
    assert "该事项" not in body.replace("该信访事项", "") and doubled(body) == [], body
    assert "本机关决定不予受理。" in body and body.endswith("。") and "{" not in body
    reason = reject_reason(stored)
    assert reason.key == choice.key and reason.finding.format(you="") in body
    if choice is wf.REJECT_OTHER:
        assert body.endswith(f"不予受理理由：{NOTE}。")  # on a labelled line of its own
    else:
        assert NOTE not in body  # the 说明 is never pasted into a sentence
    if choice.organ and with_organ:
        assert TO in body and "____" not in body
    elif choice.organ in ("正在办理的机关", "有权处理的机关"):
        assert "____" in body  # the organ left for the office to write in
    assert ORGAN + "2026年3月6日" in text
