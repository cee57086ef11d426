"""Case documents (案件登记表, 人民调解协议书, 受理/不予受理告知书), read back with pypdf."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from caseapp import services as s
from caseapp.errors import NotFound, ValidationError, WorkflowError
from caseapp.reports import agreement as agreement_doc
from caseapp.reports import base, case_render, notices
from caseapp.reports import case_sheet as sheet_doc
from caseapp.reports.base import make_styles
from caseapp.reports.fonts import FALLBACK_WARNING
from caseapp.validation import mask_id_number, mask_phone

ID_APPLICANT = "500234199612106978"  # 男, 1996-12-10
ID_PETITIONER = "500102195507142462"  # 女, 1955-07-14
PHONE_APPLICANT = "13812345678"
TERMS = [
    "被申请人林花平于2026年3月31日前拆除加建的二层雨棚，恢复原状；",
    "被申请人一次性补偿申请人采光损失人民币叁仟元整；",
    "第三人负责拆除施工，费用由被申请人承担；",
    "双方今后和睦相处，不再就此事发生纠纷。",
]
FACTS = "申请人高明花与被申请人林花平系前后邻居，被申请人加建雨棚遮挡申请人房屋采光，双方协商未果。"


def flat(text: str) -> str:
    """CJK extraction may insert spaces and line breaks anywhere: compare without them."""
    return re.sub(r"\s+", "", text)


def pages(path) -> list[str]:
    return [flat(p.extract_text() or "") for p in PdfReader(str(path)).pages]


def text(path) -> str:
    """The whole document without its page numbers ("— N —", drawn before the text)."""
    return re.sub(r"—\d+—", "", "".join(pages(path)))


def dispute(db, actor, *, parties=None, details=None, **kw):
    data = dict(summary="邻居加建房屋遮挡采光", category="邻里纠纷", received_on=date(2026, 3, 1),
                source="当事人申请", street="李渡街道", community="玉屏村", handler="周志强",
                mediators="王德明", people_count=3, amount=Decimal("3000"), details=details)
    data.update(kw)
    parties = parties or [
        s.PartyInput(name="高明花", role="申请人", id_number=ID_APPLICANT, phone=PHONE_APPLICANT,
                     address="重庆市涪陵区李渡街道玉屏村3组15号"),
        s.PartyInput(name="林花平", role="被申请人", gender="女", phone="13900001111",
                     address="重庆市涪陵区李渡街道玉屏村3组17号"),
        s.PartyInput(name="重庆某某建筑工程有限公司", role="第三人", is_org=True,
                     legal_rep="王建国", address="重庆市涪陵区太白大道88号"),
    ]
    ref = s.register_dispute(db, actor, s.CaseInput(**data), parties)
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    return ref


def with_agreement(db, actor, ref, terms=TERMS, facts=FACTS):
    s.record_session(db, actor, ref.id, date(2026, 3, 10), place="李渡街道调解室",
                     participants="双方当事人", record="双方陈述意见")
    s.record_agreement(db, actor, ref.id, "书面协议", date(2026, 3, 12), list(terms), facts=facts,
                       performance_method="银行转账", performance_place="李渡街道人民调解委员会",
                       performance_due=date(2026, 4, 1))
    s.close(db, actor, ref.id, "调解成功", date(2026, 3, 12))
    return ref


def petition(db, actor, summary="反映某公司拖欠工资"):
    return s.register_petition(
        db, actor,
        s.CaseInput(summary=summary, category="劳动社保", received_on=date(2026, 3, 1),
                    source="来访", petition_type="申诉求决类"),
        [s.PartyInput(name="张秀英", role="信访人", id_number=ID_PETITIONER, phone="13812345679")])


# ---------------------------------------------------------------------------
# 人民调解协议书.


def test_agreement_carries_parties_terms_and_clauses(db, actor, tmp_path):
    ref = with_agreement(db, actor, dispute(db, actor))
    out = agreement_doc.agreement(db, ref.id, tmp_path / "协议书.pdf")
    assert out == tmp_path / "协议书.pdf"
    t = text(out)
    settings = db.settings()
    assert settings.committee_name in t and "人民调解协议书" in t
    assert f"编号：{ref.number}" in t
    # 民族 and 职业或工作单位 follow the template; unknown, they are blanks to fill in by hand.
    assert f"申请人：高明花，男，{'_' * 4}族，1996年12月10日出生" in t
    assert f"身份证号：{ID_APPLICANT}" in t and PHONE_APPLICANT in t
    assert "被申请人：林花平，女" in t
    assert "第三人：重庆某某建筑工程有限公司，法定代表人：王建国，地址：重庆市涪陵区太白大道88号" in t
    assert t.index("申请人：高明花") < t.index("被申请人：林花平") < t.index("第三人：重庆某某")
    assert "纠纷主要事实、争议事项：" + flat(FACTS) in t
    assert "自愿达成如下协议：" in t
    # Each term ends with "。" (issue 14), whatever the clerk typed.
    numbered = [f"{n}、{flat(term).rstrip('；。')}。" for n, term in zip("一二三四", TERMS, strict=True)]
    positions = [t.index(item) for item in numbered]
    assert positions == sorted(positions)
    assert "履行地点：李渡街道人民调解委员会" in t and "2026年4月1日" in t
    assert "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。" in t
    assert "本协议一式四份，当事人各执一份，人民调解委员会留存一份。" in t
    for role in ("申请人", "被申请人", "第三人"):
        assert f"{role}（签名盖章或按指印）：" in t
    assert "人民调解员（签名）：" in t and "记录人（签名）：" in t
    # The seal goes over the committee's name and the date, no "（印）" line (issue 14).
    assert "（人民调解委员会印）" not in t and t.endswith("人民调解委员会2026年3月12日")


def test_agreement_two_parties_three_copies_and_facts_fallback(db, actor, tmp_path):
    parties = [s.PartyInput(name="高明花", role="申请人"), s.PartyInput(name="林花平", role="被申请人")]
    ref = dispute(db, actor, parties=parties, details="双方因宅基地边界发生争执。")
    with_agreement(db, actor, ref, terms=["1、双方以现有围墙为界；", "2.互不干涉。",
                                          "3.5万元补偿款由被申请人支付。"], facts="")
    t = text(agreement_doc.agreement(db, ref.id, tmp_path / "a.pdf"))
    assert "本协议一式三份" in t and "双方当事人自愿达成如下协议" in t
    assert "纠纷主要事实、争议事项：双方因宅基地边界发生争执。" in t
    # Numbering a clerk typed is replaced by ours, never doubled.
    assert "一、双方以现有围墙为界。" in t and "二、互不干涉。" in t and "1、" not in t
    assert "三、3.5万元补偿款由被申请人支付。" in t


def test_agreement_refused_without_one(db, actor, tmp_path):
    ref = dispute(db, actor)
    path = tmp_path / "a.pdf"
    with pytest.raises(WorkflowError, match="该纠纷尚未记录调解协议"):
        case_render.render_case_document(db, ref.number, "agreement", path)
    with pytest.raises(WorkflowError, match="信访件"):
        agreement_doc.agreement(db, petition(db, actor).id, path)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".~*")) == []


# ---------------------------------------------------------------------------
# 案件登记表.


def test_case_sheet_shows_fields_parties_and_timeline(db, actor, tmp_path):
    ref = with_agreement(db, actor, dispute(db, actor))
    t = text(sheet_doc.case_sheet(db, ref.id, tmp_path / "sheet.pdf"))
    assert "矛盾纠纷登记表" in t and ref.number in t and "邻居加建房屋遮挡采光" in t
    for label in ("登记日期", "来源", "类别", "街镇", "村/社区", "承办人", "状态", "受理日期",
                  "期限", "办结日期", "办理结果", "延期", "涉及人数", "涉及金额", "调解员",
                  "协议履行", "司法确认", "事项摘要", "详细情况"):
        assert label in t, label
    for value in ("李渡街道", "玉屏村", "周志强", "王德明", "3,000.00元", "调解成功", "2026年3月2日"):
        assert value in t, value
    for name in ("高明花", "林花平", "重庆某某建筑工程有限公司"):
        assert name in t
    assert ID_APPLICANT in t and PHONE_APPLICANT in t
    for header in ("时间", "操作人", "操作", "变更/说明"):
        assert header in t
    for action in ("登记", "受理", "调解", "记录协议", "办结"):
        assert action in t
    assert "状态：办理中→已办结" in t
    assert db.settings().office_name in t and "—1—" in "".join(pages(tmp_path / "sheet.pdf"))


def test_petition_sheet_masks_ids_and_phones(db, actor, tmp_path):
    ref = petition(db, actor)
    s.accept(db, actor, ref.id, date(2026, 3, 5))
    plain = text(sheet_doc.case_sheet(db, ref.id, tmp_path / "plain.pdf"))
    assert "信访事项登记表" in plain and ID_PETITIONER in plain
    for label in ("渠道", "信访类型", "信访代理", "集体访", "重复信访", "已录入"):
        assert label in plain
    t = text(sheet_doc.case_sheet(db, ref.id, tmp_path / "masked.pdf", mask=True))
    assert ID_PETITIONER not in t and "13812345679" not in t
    assert mask_id_number(ID_PETITIONER) in t and mask_phone("13812345679") in t
    assert "张秀英" in t


def test_long_details_wrap_and_many_events_repeat_header(db, actor, tmp_path):
    details = ("申请人称" + "被申请人长期占用公共通道堆放杂物，" * 40)[:594] + "详情结束标记"
    assert len(details) == 600
    ref = dispute(db, actor, details=details)
    for i in range(78):  # with registered and accepted: 80 events
        s.assign(db, actor, ref.id, f"承办人{i + 1}")
    path = sheet_doc.case_sheet(db, ref.id, tmp_path / "long.pdf")
    texts = pages(path)
    assert len(texts) >= 2
    assert "详情结束标记" in texts[0]
    assert "承办人：周志强→承办人1" in texts[0] + texts[1]
    assert "承办人：承办人77→承办人78" in texts[-1]
    with_header = [i for i, t in enumerate(texts) if "操作人" in t and "变更/说明" in t]
    assert len(with_header) >= 2
    assert "办理经过" not in texts[-1] and with_header[-1] == len(texts) - 1  # repeated header
    assert f"—{len(texts)}—" in texts[-1]


def test_very_long_details_split_across_pages(db, actor, tmp_path):
    details = "\n".join(f"第{i}段：双方就院墙高度和排水沟走向多次发生争执，村调解小组曾多次上门做工作。"
                        for i in range(1, 120))
    ref = dispute(db, actor, details=details)
    t = text(sheet_doc.case_sheet(db, ref.id, tmp_path / "very-long.pdf"))
    assert "第1段" in t and "第119段" in t


# ---------------------------------------------------------------------------
# 受理告知书 / 不予受理告知书.


def test_notice_for_accepted_petition(db, actor, tmp_path):
    ref = petition(db, actor, summary="反映某公司拖欠工资。")
    s.accept(db, actor, ref.id, date(2026, 3, 5))
    t = text(case_render.render_case_document(db, ref.number, "notice", tmp_path / "n.pdf"))
    assert t.startswith("受理告知书") and "不予受理" not in t
    assert "张秀英：" in t
    # One petitioner: 你 (issue 14: "你（你们）" resolved); the seal over the name, no "（印章）".
    assert ("你于2026年3月1日提出的关于反映某公司拖欠工资的信访事项，本机关已于2026年3月5日"
            "依据《信访工作条例》规定予以受理，将在受理之日起六十日内办结并书面答复。") in t
    assert db.settings().office_name in t and "（印章）" not in t
    assert "签收人：" in t and "签收日期：" in t


def test_notice_for_rejected_petition(db, actor, tmp_path):
    ref = petition(db, actor)
    reason = "属于已经或者依法应当通过诉讼途径解决的事项，请依法向人民法院提起诉讼"
    s.reject(db, actor, ref.id, reason + "。", date(2026, 3, 6))
    t = text(notices.notice(db, ref.id, tmp_path / "n.pdf"))
    assert t.startswith("不予受理告知书")
    # The sentence comes from the fixed list of reasons, with the route (issue 14).
    assert ("你于2026年3月1日提出的关于反映某公司拖欠工资的信访事项，经审查，该信访事项"
            "属于已经或者依法应当通过诉讼途径解决的事项。根据《信访工作条例》的有关规定，"
            "本机关决定不予受理。你可以依法向有管辖权的人民法院提起诉讼。") in t
    assert "2026年3月6日" in t and "（印章）" not in t


def test_notice_with_a_long_office_name(db, actor, tmp_path):
    office = "重庆市涪陵区人民政府李渡街道办事处矛盾纠纷多元化解中心信访办公室"
    s.save_settings(db, actor, replace(db.settings(), office_name=office))
    ref = petition(db, actor)
    s.accept(db, actor, ref.id, date(2026, 3, 5))
    t = text(notices.notice(db, ref.id, tmp_path / "n.pdf"))
    assert office in t and t.index(office) < t.rindex("2026年3月5日") and "（印章）" not in t


def test_notice_refused_for_registered_petition_and_dispute(db, actor, tmp_path):
    path = tmp_path / "n.pdf"
    with pytest.raises(WorkflowError, match="尚未受理"):
        notices.notice(db, petition(db, actor).id, path)
    with pytest.raises(WorkflowError, match="矛盾纠纷"):
        case_render.render_case_document(db, dispute(db, actor).number, "notice", path)
    assert not path.exists()


def test_unknown_number_and_unknown_document(db, actor, tmp_path):
    with pytest.raises(NotFound, match="找不到编号为「（2026）信字第9999号」的案件"):
        case_render.render_case_document(db, "（2026）信字第9999号", "sheet", tmp_path / "x.pdf")
    ref = petition(db, actor)
    with pytest.raises(ValidationError, match="文书类型"):
        case_render.render_case_document(db, ref.number, "letter", tmp_path / "x.pdf")
    s.delete_case(db, actor, ref.id, "重复登记")
    with pytest.raises(NotFound):
        case_render.render_case_document(db, ref.number, "sheet", tmp_path / "x.pdf")


def test_render_dispatches_by_number(db, actor, tmp_path):
    ref = with_agreement(db, actor, dispute(db, actor))
    sheet = text(case_render.render_case_document(db, f" {ref.number} ", "sheet", tmp_path / "s.pdf"))
    assert "矛盾纠纷登记表" in sheet
    agreement = text(case_render.render_case_document(db, ref.number, "agreement", tmp_path / "a.pdf"))
    assert "人民调解协议书" in agreement


# ---------------------------------------------------------------------------
# Fonts.


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def test_fonts_are_embedded(db, actor, tmp_path):
    if not make_styles(db.settings().font_path).fonts.embedded:
        pytest.skip("no embeddable Chinese font on this machine")
    ref = with_agreement(db, actor, dispute(db, actor))
    accepted = petition(db, actor)
    s.accept(db, actor, accepted.id, date(2026, 3, 5))
    for maker, case_id in ((sheet_doc.case_sheet, ref.id), (agreement_doc.agreement, ref.id),
                           (notices.notice, accepted.id)):
        reader = PdfReader(str(maker(db, case_id, tmp_path / f"{maker.__name__}.pdf")))
        seen = 0
        for page in reader.pages:
            fonts = _resolve(_resolve(page["/Resources"]).get("/Font", {}))
            for font in fonts.values():
                font = _resolve(font)
                if "/DescendantFonts" in font:
                    font = _resolve(_resolve(font["/DescendantFonts"])[0])
                descriptor = _resolve(font["/FontDescriptor"])
                assert "/FontFile2" in descriptor, font.get("/BaseFont")
                seen += 1
        assert seen


def test_warning_when_no_embeddable_font(db, actor, tmp_path, monkeypatch):
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(tmp_path / "no-fonts"))
    assert make_styles().fonts.warning == FALLBACK_WARNING
    ref = with_agreement(db, actor, dispute(db, actor))
    warning = flat(FALLBACK_WARNING)
    for maker, title in ((sheet_doc.case_sheet, ref.number), (agreement_doc.agreement, "人民调解协议书"),
                         (notices.notice, "受理告知书")):
        if maker is notices.notice:
            ref = petition(db, actor)
            s.accept(db, actor, ref.id, date(2026, 3, 5))
        t = pages(maker(db, ref.id, tmp_path / f"{maker.__name__}.pdf"))[0]
        assert warning in t and t.index(warning) < t.index(title)


@pytest.mark.parametrize(("n", "expected"), [(1, "一"), (4, "四"), (10, "十"), (11, "十一"),
                                             (20, "二十"), (31, "三十一"), (60, "六十"),
                                             (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_numerals(n, expected):
    assert base.cn_numeral(n) == expected
