"""The petition documents of the 信访工作条例's acts (意见书, 延期办理告知书, 转送告知书,
转人民调解告知书, 办结报告), read back with pypdf: the decision, dates, organ, the 复查 sentence;
offered only in the state that has them (the CLI refuses with exit 1); free text never inside a
sentence; personal data masked."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from caseapp import services as s
from caseapp.cli.main import main
from caseapp.errors import WorkflowError
from caseapp.queries.case_detail import case_detail
from caseapp.reports import documents
from caseapp.reports.documents import offered

ORGAN = "重庆市涪陵区李渡街道办事处"
ID1 = "500234199612106978"
PETITION_DOCS = ("opinion", "extension", "transfer", "diversion", "report")


def read(path) -> str:
    return "".join(re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(str(path)).pages)


@pytest.fixture
def office(db, actor):
    s.save_settings(db, actor, replace(db.settings(), petition_organ=ORGAN,
                                       committee_name="涪陵区李渡街道人民调解委员会",
                                       contact_person="刘晓燕", contact_phone="023-72281234"))


def petition(db, actor, *names, accept=True, **kw):
    names = names or ("张秀英",)
    parties = [s.PartyInput(name=n, role="信访人", id_number=ID1 if i == 0 else None,
                            phone="13812345678") for i, n in enumerate(names)]
    data = dict(summary="反映某公司拖欠工资", category="劳动社保", received_on=date(2026, 3, 2),
                source="来访")
    data.update(kw)
    ref = s.register_petition(db, actor, s.CaseInput(**data), parties)
    if accept:
        s.accept(db, actor, ref.id, on=date(2026, 3, 3))
    return ref


def render(db, ref, key, tmp_path, mask=False) -> str:
    return read(documents.render(db, ref.id, key, tmp_path / f"{key}.pdf", mask=mask))


def offers(db, ref) -> set[str]:
    return {spec.key for spec, why in offered(case_detail(db, ref.id)) if why is None}


def test_opinion_carries_decision_basis_dates_organ_and_the_review_sentence(db, actor, office,
                                                                         tmp_path):
    ref = petition(db, actor, petition_type="申诉求决类")
    assert not offers(db, ref) & {"opinion", "extension", "transfer", "diversion", "report"}
    s.reply(db, actor, ref.id, "予以支持", date(2026, 3, 20), request="要求公司支付拖欠工资3万元。",
            facts="经核实，公司拖欠信访人2025年10月至12月工资共计3万元属实；",
            basis="《保障农民工工资支付条例》第十五条", on=date(2026, 3, 18))
    assert "opinion" in offers(db, ref)
    text = render(db, ref, "opinion", tmp_path)
    assert "信访事项处理意见书" in text and ref.number in text
    assert "张秀英：" in text and "你们" not in text
    assert "你于2026年3月2日提出的关于反映某公司拖欠工资的信访事项" in text
    assert "本机关已于2026年3月3日依法受理" in text
    assert "要求公司支付拖欠工资3万元。" in text
    assert "共计3万元属实。" in text and "属实；" not in text  # a free-text line ends once
    assert "处理依据：《保障农民工工资支付条例》第十五条。" in text
    assert "本机关对你的信访请求予以支持。" in text
    assert ("你如对本处理意见不服，可以自收到本意见书之日起30日内，"
            "向本机关的上一级机关、单位书面请求复查。") in text
    assert text.count(ORGAN) == 1 and "2026年3月18日" in text  # signed on the day of 办结
    assert "签收日期：2026年3月20日" in text  # the recorded delivery
    assert "联系人：刘晓燕，联系电话：023-72281234。" in text and "特此答复。" in text


def test_opinion_of_a_review_tells_复核_and_a_复核_ends_the_road(db, actor, office, tmp_path):
    ref = petition(db, actor, "张秀英", "李大军")
    s.reply(db, actor, ref.id, "不予支持", date(2026, 3, 20), on=date(2026, 3, 20))
    review = s.request_review(db, actor, ref.id, date(2026, 4, 1), reason="不服处理意见")
    s.reply(db, actor, review.id, "作出解释说明", date(2026, 4, 20), on=date(2026, 4, 20))
    text = render(db, review, "opinion", tmp_path)
    assert "信访事项复查意见书" in text and "张秀英、李大军：" in text
    assert f"你们于2026年4月1日对{ref.number}信访事项的处理意见提出的复查请求" in text
    assert "本机关已就你们反映的问题作出如上解释说明。" in text
    assert "向复查机关的上一级机关、单位书面请求复核。" in text and "请求复查" not in text
    assert documents.DOCUMENTS["opinion"].label(case_detail(db, review.id)) == "信访事项复查意见书"
    final = s.request_review(db, actor, review.id, date(2026, 5, 1), reason="不服复查意见")
    s.reply(db, actor, final.id, "不予支持", date(2026, 5, 20), on=date(2026, 5, 20))
    text = render(db, final, "opinion", tmp_path)
    assert "信访事项复核意见书" in text and "本复核意见为终结意见。" in text
    assert f"对{review.number}信访事项的复查意见提出的复核请求" in text
    assert "不服复查意见。" in text and "申请复核：申请复查" not in text
    assert "30日内" not in text


def test_extension_notice_reason_deadline_approver(db, actor, office, tmp_path):
    ref = petition(db, actor, summary="反映某公司拖欠工资。")  # a typed full stop stays out
    s.extend_petition(db, actor, ref.id, "需会同区人社局、住建局共同核查。", "王建国",
                      date(2026, 3, 25))
    d = case_detail(db, ref.id)
    assert "extension" in offers(db, ref) and "opinion" not in offers(db, ref)
    text = render(db, ref, "extension", tmp_path)
    assert "延期办理告知书" in text and "张秀英：" in text
    assert "关于反映某公司拖欠工资的信访事项，本机关已于2026年3月3日受理。" in text
    assert f"办理期限延长至{d.due_on.year}年{d.due_on.month}月{d.due_on.day}日" in text
    assert "延期理由：需会同区人社局、住建局共同核查。" in text and "查。。" not in text
    assert "批准人：王建国，批准日期：2026年3月25日。" in text
    assert "《信访工作条例》第三十四条" in text and ORGAN in text


def test_transfer_and_diversion_notices(db, actor, office, tmp_path):
    sent = petition(db, actor, "张秀英", "李大军", accept=False)
    s.transfer(db, actor, sent.id, "区人力资源和社会保障局。", date(2026, 3, 10), note="属劳动监察职责")
    text = render(db, sent, "transfer", tmp_path)
    assert "转送告知书" in text and "张秀英、李大军：" in text and "你们于2026年3月2日" in text
    assert "本机关已于2026年3月10日将该信访事项转送区人力资源和社会保障局办理。" in text
    assert "局。办理" not in text and "属劳动监察职责" not in text  # the internal note stays out
    assert offers(db, sent) & set(PETITION_DOCS) == {"transfer"}

    ref = petition(db, actor)
    dispute = s.divert(db, actor, ref.id, date(2026, 3, 12), dispute_category="劳动争议纠纷")
    text = render(db, ref, "diversion", tmp_path)
    assert "转人民调解告知书" in text and f"纠纷编号为{dispute.number}" in text
    assert "本机关已于2026年3月12日将该事项导入人民调解程序" in text
    assert "涪陵区李渡街道人民调解委员会" in text and ORGAN in text
    assert offers(db, ref) & set(PETITION_DOCS) == {"diversion"}


def test_report_to_the_superior(db, actor, office, tmp_path):
    ref = petition(db, actor)
    s.record_from_above(db, actor, ref.id, "区信访局", date(2026, 4, 1), date(2026, 3, 2),
                        reference="涪信交〔2026〕12号")
    assert "report" not in offers(db, ref)
    why = dict((sp.key, w) for sp, w in offered(case_detail(db, ref.id)))["report"]
    assert why == "尚未填写办结报告的内容"
    s.file_report(db, actor, ref.id, "已督促公司补发工资3万元。\n信访人表示满意", date(2026, 3, 28))
    s.reply(db, actor, ref.id, "予以支持", date(2026, 3, 29), on=date(2026, 3, 29))
    text = render(db, ref, "report", tmp_path)
    assert "信访事项办结报告" in text and "区信访局：" in text
    assert "2026年3月2日，你单位以涪信交〔2026〕12号交办张秀英反映的关于反映某公司拖欠工资" in text
    assert "要求于2026年4月1日前办结并报送办结报告" in text
    assert "已督促公司补发工资3万元。信访人表示满意。" in text
    assert "该信访事项已于2026年3月29日办结，处理结果为支持" in text
    assert "特此报告。" in text and "2026年3月28日" in text and ORGAN in text
    assert "签收人" not in text


def test_masked_printout_masks_numbers_in_free_text(db, actor, office, tmp_path):
    ref = petition(db, actor)
    s.extend_petition(db, actor, ref.id, "需联系信访人13812345678核实", "王建国", date(2026, 3, 25))
    assert "13812345678" in render(db, ref, "extension", tmp_path)
    masked = render(db, ref, "extension", tmp_path, mask=True)
    assert "13812345678" not in masked and "延期理由：需联系信访人" in masked


@pytest.mark.parametrize("key", PETITION_DOCS)
def test_cli_refuses_a_document_the_state_does_not_offer(db, actor, office, tmp_path, capsys,
                                                         key):
    ref = petition(db, actor)
    out = tmp_path / f"{key}.pdf"
    assert main(["--db", db.url, "report", "case", ref.number, "--doc", key, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert ref.number in err and "不能出具" in err and "Traceback" not in err
    assert not out.exists()
    with pytest.raises(WorkflowError):
        documents.render(db, ref.id, key, out)


def test_cli_prints_the_opinion(db, actor, office, tmp_path):
    ref = petition(db, actor)
    s.reply(db, actor, ref.id, "不予支持", date(2026, 3, 20), on=date(2026, 3, 20))
    out = tmp_path / "opinion.pdf"
    assert main(["--db", db.url, "report", "case", ref.number, "--doc", "opinion", "-o",
                 str(out)]) == 0
    assert "本机关对你的信访请求不予支持。" in read(out)
    s.reopen(db, actor, ref.id, "信访人补充新的材料")
    assert "opinion" not in offers(db, ref)  # a reopened petition has no answer to print
