"""The documents of section 8 on the GB/T 9704 page (docs/documents.md), read back with pypdf:
parties, terms, dates, the issuing body, no "（印章）" line, the page number's form and place;
the registry's offers and refusals; the 不予受理 sentences; the font resolution."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from caseapp import services as s
from caseapp.errors import WorkflowError
from caseapp.queries.case_detail import case_detail
from caseapp.reports import documents, fonts
from caseapp.reports.case_common import find_case
from caseapp.reports.case_render import render_case_document
from caseapp.reports.documents import DOCUMENTS, offered
from caseapp.reports.reject_reasons import OTHER, REJECT_REASONS, reject_reason

ID_A = "500234199612106978"
COMMITTEE = "涪陵区李渡街道人民调解委员会"
ORGAN = "重庆市涪陵区李渡街道办事处"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read(path) -> tuple[str, list[str]]:
    pages = [flat(p.extract_text() or "") for p in PdfReader(str(path)).pages]
    return "".join(pages), pages


@pytest.fixture
def office(db, actor):
    s.save_settings(db, actor, replace(db.settings(), committee_name=COMMITTEE,
                                       petition_organ=ORGAN, contact_person="刘晓燕",
                                       contact_phone="023-72281234"))


def dispute(db, actor, form="书面协议", outcome="调解成功", route=None):
    ref = s.register_dispute(db, actor, s.CaseInput(
        summary="邻居加建雨棚遮挡采光", category="邻里纠纷", received_on=date(2026, 3, 1),
        source="当事人申请", street="李渡街道", community="玉屏村", handler="周志强",
        mediators="王德明", details="申请人称被申请人加建雨棚遮挡其房屋采光。"), [
        s.PartyInput(name="高明花", role="申请人", id_number=ID_A, phone="13812345678",
                     address="玉屏村3组15号", ethnicity="汉族", occupation="务农"),
        s.PartyInput(name="林花平", role="被申请人", gender="女", phone="13900001111",
                     address="玉屏村3组17号")])
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    s.record_session(db, actor, ref.id, date(2026, 3, 10), place="李渡街道调解室",
                     participants="双方当事人、村干部", record="双方陈述意见，同意拆除雨棚")
    if outcome == "调解成功":
        s.record_agreement(db, actor, ref.id, form, date(2026, 3, 12),
                           ["1、被申请人于2026年3月31日前拆除雨棚；", "双方和睦相处",
                            "本协议一式三份，双方当事人及人民调解委员会各执一份"],
                           facts="双方系前后邻居，经调解，双方自愿达成如下协议。",
                           performance_method="自行拆除", performance_due=date(2026, 3, 31))
    s.close(db, actor, ref.id, outcome, date(2026, 3, 12), route=route)
    return ref


def render(db, number, key, tmp_path, today=None):
    if today is None:
        return read(render_case_document(db, number, key, tmp_path / f"{key}.pdf"))
    case_id = find_case(db, number)
    return read(documents.render(db, case_id, key, tmp_path / f"{key}.pdf", today=today))


def assert_page_numbers(pages):
    """Each page carries "— N —" (the dashes of GB/T 9704) once."""
    for n, text in enumerate(pages, 1):
        assert f"—{n}—" in text


def assert_frame(path):
    """The page number sits at the outer corner in 4号: right on odd pages, left on even ones."""
    reader = PdfReader(str(path))
    for n, page in enumerate(reader.pages, 1):
        found = []

        def visit(text, cm, tm, font, size, n=n, found=found):
            if text.strip() == f"— {n} —":
                found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], size * tm[0]))

        page.extract_text(visitor_text=visit)
        assert found, n
        x, y, size = found[0]
        assert size == pytest.approx(14, abs=0.5)
        width = float(page.mediabox.width)
        assert (x > width / 2) if n % 2 else (x < width / 2)
        assert y < 35 * 72 / 25.4  # below the type area (bottom margin 35 mm)


# ---------------------------------------------------------------------------
# Every mediation document of a written agreement, on the frame.


def test_written_agreement_documents(db, actor, office, tmp_path):
    ref = dispute(db, actor)
    c = case_detail(db, ref.id)
    keys = [spec.key for spec, why in offered(c, date(2026, 3, 20)) if why is None]
    assert "agreement" in keys and "oral" not in keys and "termination" not in keys
    for key in ("application", "register", "rights", "investigation", "record", "agreement",
                "confirmation", "sheet"):
        text, pages = render(db, ref.number, key, tmp_path, today=date(2026, 3, 20))
        assert "（印章）" not in text and "本机用户" not in text, key
        assert "高明花" in text and "林花平" in text, key
        assert_page_numbers(pages)
        assert_frame(tmp_path / f"{key}.pdf")
        if key != "sheet":
            assert COMMITTEE in text, key
    text, _ = render(db, ref.number, "agreement", tmp_path)
    assert "申请人：高明花，男，汉族，1996年12月10日出生" in text
    assert "职业或工作单位：务农" in text
    assert text.count("自愿达成如下协议") == 1 and text.count("本协议一式") == 1
    assert "一、被申请人于2026年3月31日前拆除雨棚。" in text and "二、双方和睦相处。" in text
    assert "三、" not in text.split("履行协议")[0].split("如下协议")[1]
    assert text.endswith(COMMITTEE + "2026年3月12日")
    text, _ = render(db, ref.number, "register", tmp_path)
    assert "2026年3月2日" in text and "邻里纠纷" in text and "王德明" in text
    text, pages = render(db, ref.number, "record", tmp_path)
    assert "2026年3月10日" in text and "同意拆除雨棚" in text and "李渡街道调解室" in text
    text, _ = render(db, ref.number, "rights", tmp_path)
    assert "拒绝调解或者要求终止调解" in text and "如实陈述纠纷事实" in text
    with pytest.raises(WorkflowError, match="期限已于2026年4月13日届满"):
        render(db, ref.number, "confirmation", tmp_path, today=date(2026, 4, 20))
    text, _ = render(db, ref.number, "confirmation", tmp_path, today=date(2026, 3, 20))
    assert "请求确认申请人于2026年3月12日经" + COMMITTEE in text
    text, _ = render(db, ref.number, "sheet", tmp_path)
    assert "承办人（签名）：" in text and "负责人（签名）：" in text
    assert "2026-03" not in text  # one date style
    assert "周志强" in text  # the machine's user named as the handler


def test_oral_agreement_yields_the_register_and_refuses_the_agreement(db, actor, office,
                                                                       tmp_path):
    ref = dispute(db, actor, form="口头协议")
    c = case_detail(db, ref.id)
    why = dict((spec.key, why) for spec, why in offered(c))
    assert why["oral"] is None and "口头协议" in why["agreement"]
    text, pages = render(db, ref.number, "oral", tmp_path)
    assert "人民调解口头协议登记表" in text and COMMITTEE in text
    assert "被申请人于2026年3月31日前拆除雨棚。" in text and "2026年3月12日" in text
    assert_page_numbers(pages)
    with pytest.raises(WorkflowError, match="口头协议.*不能打印人民调解协议书.*oral"):
        render_case_document(db, ref.number, "agreement", tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()


def test_termination_names_the_route(db, actor, office, tmp_path):
    ref = dispute(db, actor, outcome="调解不成", route="仲裁")
    text, _ = render(db, ref.number, "termination", tmp_path)
    assert "终止人民调解告知书" in text and "高明花、林花平：" in text
    assert "未能达成调解协议" in text and "向仲裁机构申请仲裁" in text
    assert "第二十六条" in text and text.endswith(COMMITTEE + "2026年3月12日")
    ok = dispute(db, actor)
    with pytest.raises(WorkflowError, match="终止调解"):
        render_case_document(db, ok.number, "termination", tmp_path / "t.pdf")


def test_visit_record_from_follow_ups(db, actor, office, tmp_path):
    ref = dispute(db, actor)
    c = case_detail(db, ref.id)
    if not c.follow_ups:
        pytest.skip("no follow-up scheduled on closing")
    s.record_follow_up(db, actor, ref.id, date(2026, 4, 10), "协议已履行，双方关系融洽")
    text, _ = render(db, ref.number, "visit", tmp_path)
    assert "人民调解回访记录" in text and "2026年4月10日" in text and "协议已履行" in text


# ---------------------------------------------------------------------------
# Notices: issued by the organ, 你/你们, contact, the fixed list of reasons.


def petition(db, actor, names=("张秀英",)):
    return s.register_petition(db, actor, s.CaseInput(
        summary="反映某公司拖欠工资", category="劳动社保", received_on=date(2026, 3, 1),
        source="来访", petition_type="申诉求决类"),
        [s.PartyInput(name=n, role="信访人") for n in names])


def test_accept_notice_from_the_organ_with_contact(db, actor, office, tmp_path):
    one = petition(db, actor)
    s.accept(db, actor, one.id, date(2026, 3, 5))
    text, pages = render(db, one.number, "notice", tmp_path)
    assert "你于2026年3月1日提出的关于反映某公司拖欠工资的信访事项" in text and "你（你们）" not in text
    assert "联系人：刘晓燕，联系电话：023-72281234。" in text
    assert ORGAN + "2026年3月5日" in text and "（印章）" not in text
    assert_frame(tmp_path / "notice.pdf")
    two = petition(db, actor, ("张秀英", "李国强"))
    s.accept(db, actor, two.id, date(2026, 3, 5))
    text, _ = render(db, two.number, "notice", tmp_path)
    assert "张秀英、李国强：" in text and "你们于2026年3月1日" in text


DEMO_REASONS = ("该事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，已告知信访人",
                "不属于本机关职权范围，已告知信访人向有权处理的机关提出",
                "信访事项已办结，信访人无新的事实和理由再次提出",
                "该事项正在办理期间，信访人就同一事项重复提出")


def doubled(text: str) -> list[str]:
    """Words of two or more characters written twice in a row ("该事项该事项")."""
    return [m.group(0) for m in re.finditer(r"(\w{2,6})\1", text)
            if not m.group(1).isdigit() and "_" not in m.group(1)]


@pytest.mark.parametrize("reason", [r.label for r in REJECT_REASONS] + list(DEMO_REASONS)
                         + ["属于已经或者依法应当通过诉讼途径解决的事项", "其他原因"])
def test_reject_notice_sentence(db, actor, office, tmp_path, reason):
    ref = petition(db, actor)
    s.reject(db, actor, ref.id, reason, date(2026, 3, 6))
    text, _ = render(db, ref.number, "notice", tmp_path)
    body = text[text.index("张秀英：") + 4:text.index("联系人")]
    assert body.startswith("你于2026年3月1日提出的关于反映某公司拖欠工资的信访事项，经审查，该信访事项")
    assert "该信访事项该" not in body and doubled(body) == [], body
    assert "本机关决定不予受理。" in body and body.endswith("。")
    matched = reject_reason(reason)
    if matched is not OTHER:
        if reason in DEMO_REASONS:
            assert reason not in body  # the clerk's text is never pasted into the sentence
        assert matched.finding.format(you="") in body
    assert ORGAN + "2026年3月6日" in text and "（印章）" not in text


def test_reasons_map_to_routes():
    assert reject_reason(DEMO_REASONS[0]).key == "legal_routes"
    assert reject_reason(DEMO_REASONS[1]).key == "not_ours"
    assert reject_reason(DEMO_REASONS[2]).key == "closed"
    assert reject_reason(DEMO_REASONS[3]).key == "in_hand"
    assert reject_reason("应当通过仲裁解决").key == "arbitration"
    assert "人民法院" in reject_reason("请向人民法院起诉").route


def test_unknown_document_and_wrong_kind(db, actor, tmp_path):
    ref = petition(db, actor)
    with pytest.raises(WorkflowError, match="信访件"):
        render_case_document(db, ref.number, "oral", tmp_path / "x.pdf")
    assert set(DOCUMENTS) >= {"application", "register", "rights", "investigation", "record",
                              "agreement", "oral", "visit", "confirmation", "termination",
                              "sheet", "notice"}


# ---------------------------------------------------------------------------
# Fonts by role.


def _fake_fonts(folder, names):
    """Copies of a real TrueType face under the names of the faces we look for."""
    real = next((f.path for f in fonts.chinese_fonts().faces.values()), None)
    if real is None:
        pytest.skip("no embeddable Chinese font on this machine")
    folder.mkdir()
    for name in names:
        (folder / name).write_bytes(open(real, "rb").read())
    return folder


def test_fonts_by_role(tmp_path, monkeypatch):
    folder = _fake_fonts(tmp_path / "win", ["SIMFANG.TTF", "simhei.ttf", "FZXBSJW.TTF"])
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(folder))
    got = fonts.chinese_fonts()
    assert got.missing == () and got.notice == "" and not got.fake_bold
    assert {r: a.path.split("/")[-1] for r, a in got.faces.items()} == {
        "body": "SIMFANG.TTF", "bold": "simhei.ttf", "title": "FZXBSJW.TTF"}
    rows = fonts.font_roles()
    assert [r[0] for r in rows] == ["正文（仿宋）", "标题（小标宋）", "标签（黑体）"]


def test_fonts_of_uos_and_the_free_serif(tmp_path, monkeypatch):
    folder = _fake_fonts(tmp_path / "uos", ["CESI_FS_GB2312.TTF", "CESI_XBS_GB2312.TTF",
                                            "CESI_HT_GB2312.TTF"])
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(folder))
    assert fonts.chinese_fonts().missing == ()
    serif = _fake_fonts(tmp_path / "debian", ["uming.ttc", "wqy-microhei.ttc"])
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(serif))
    got = fonts.chinese_fonts()
    assert got.faces["body"].path.endswith("uming.ttc")  # the serif before the sans face
    assert got.faces["bold"].path.endswith("wqy-microhei.ttc")
    assert set(got.missing) == {"仿宋", "小标宋", "黑体"}
    assert "仿宋、小标宋" in got.notice


def test_one_face_gives_a_stroked_bold(tmp_path, monkeypatch):
    folder = _fake_fonts(tmp_path / "one", ["wqy-microhei.ttc"])
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(folder))
    got = fonts.chinese_fonts()
    assert got.fake_bold and "描边加粗" in fonts.font_roles()[2][1]


def test_a_stroked_bold_is_drawn_when_one_face_serves_all(db, actor, tmp_path, monkeypatch):
    folder = _fake_fonts(tmp_path / "only", ["uming.ttc"])
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(folder))
    assert fonts.chinese_fonts().fake_bold
    ref = dispute(db, actor)
    path = render_case_document(db, ref.number, "agreement", tmp_path / "a.pdf")
    content = PdfReader(str(path)).pages[0].get_contents().get_data()
    assert b"2 Tr" in content  # the labels: filled and stroked


def test_persons_carry_ethnicity_and_occupation(db, actor):
    ref = dispute(db, actor)
    parties = {p.name: p for p in case_detail(db, ref.id).parties}
    assert (parties["高明花"].ethnicity, parties["高明花"].occupation) == ("汉族", "务农")
    assert (parties["林花平"].ethnicity, parties["林花平"].occupation) == (None, None)
    from sqlalchemy import inspect  # the columns on SQLite and PostgreSQL alike

    with db.read() as session:
        columns = {c["name"] for c in inspect(session.connection()).get_columns("persons")}
        version = session.connection().exec_driver_sql(
            "SELECT version_num FROM alembic_version").scalar()
    assert {"ethnicity", "occupation"} <= columns and version >= "0008"


def test_cli_prints_each_offered_document_and_refuses_the_rest(db, actor, office, tmp_path,
                                                               capsys):
    from caseapp.cli.main import main

    ref = dispute(db, actor, form="口头协议")
    dbpath = db.url  # the file, or the server database (--db-url)
    out = tmp_path / "oral.pdf"
    assert main(["--db", dbpath, "report", "case", ref.number, "--doc", "oral", "-o",
                 str(out)]) == 0
    assert "人民调解口头协议登记表" in read(out)[0]
    refused = tmp_path / "agreement.pdf"
    assert main(["--db", dbpath, "report", "case", ref.number, "--doc", "agreement", "-o",
                 str(refused)]) == 1
    err = capsys.readouterr().err
    assert "口头协议" in err and "oral" in err and "Traceback" not in err
    assert not refused.exists()
    assert main(["--db", dbpath, "report", "case", ref.number, "--doc", "letter", "-o",
                 str(refused)]) == 1
    assert "文书类型应为" in capsys.readouterr().err


def test_the_rights_notice_never_leaves_its_signatures_alone_on_a_page(db, actor, office,
                                                                       tmp_path):
    """GB/T 9704-2012 §7.3.5: the seal, the date and the parties' acknowledgement go over with
    the closing text (after the line spacing has been tightened to try one page)."""
    ref = dispute(db, actor)
    _text, pages = render(db, ref.number, "rights", tmp_path)
    signed = [p for p in pages if "以上内容已向本人告知" in p]
    assert len(signed) == 1
    assert "人民调解不收取任何费用" in signed[0] and COMMITTEE in signed[0]
    assert "申请人（签名或按指印）" in signed[0] and "被申请人（签名或按指印）" in signed[0]
