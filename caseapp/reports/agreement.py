"""人民调解协议书, after the 司法部 template (GB/T 9704 layout)."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    Spacer,
)

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.queries.case_detail import PartyInfo
from caseapp.reports.base import (
    DOC_MARGINS,
    Frame,
    build,
    cn_date,
    cn_numeral,
    esc,
)
from caseapp.reports.case_common import (
    DOC_WIDTH,
    LINE,
    clean_term,
    doc_styles,
    font_warning,
    ordered_parties,
    paragraphs,
    prepare,
    signature_block,
    trim,
)
from caseapp.storage.db import Database
from caseapp.validation import mask_id_number, mask_phone


def _party_line(p: PartyInfo, mask: bool = False) -> str:
    if p.is_org:
        bits = [p.name]
        if p.legal_rep:
            bits.append(f"法定代表人：{p.legal_rep}")
        if p.address:
            bits.append(f"地址：{p.address}")
    else:
        bits = [p.name]
        if p.gender:
            bits.append(p.gender)
        if p.birth_date:
            bits.append(f"{cn_date(p.birth_date)}出生")
        if p.id_number:
            bits.append(f"身份证号：{mask_id_number(p.id_number) if mask else p.id_number}")
        if p.address:
            bits.append(f"住址：{p.address}")
    if p.phone:
        bits.append(f"联系电话：{mask_phone(p.phone) if mask else p.phone}")
    return f"{p.role}：" + "，".join(bits) + "。"


def agreement(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """人民调解协议书, after the 司法部 template, ready to be signed (``mask``: ID numbers and
    phones partly hidden, for a user whose role may not print them in full)."""
    c, styles, settings = prepare(db, case_id)
    if c.kind != wf.Kind.DISPUTE.value:
        raise WorkflowError(f"{c.number} 是信访件，没有人民调解协议书")
    if c.agreement is None:
        raise WorkflowError("该纠纷尚未记录调解协议")
    a, s = c.agreement, doc_styles(styles)
    parties = ordered_parties(c.parties)
    story: list = font_warning(styles)
    story += [Paragraph(esc(settings.committee_name), s["org"]),
              Paragraph("人民调解协议书", styles.title),
              Paragraph(f"编号：{esc(c.number)}", s["number"]), Spacer(1, 4 * mm)]
    story += [Paragraph(esc(_party_line(p, mask)), s["body"]) for p in parties]

    story += [Spacer(1, 3 * mm), Paragraph("纠纷主要事实、争议事项：", s["label"])]
    facts = a.facts or c.details or c.summary
    story += paragraphs(facts, s["body"])

    sides = "双方" if len(parties) <= 2 else "各方"
    story += [Spacer(1, 3 * mm), Paragraph(f"经调解，{sides}当事人自愿达成如下协议：", s["label"])]
    story += [Paragraph(f"{cn_numeral(i)}、{esc(clean_term(t))}", s["body"])
              for i, t in enumerate(a.terms, 1)]

    story += [Spacer(1, 3 * mm), Paragraph("履行协议的方式、地点、期限：", s["label"])]
    performance = []
    if a.performance_method:
        performance.append(f"履行方式：{trim(a.performance_method)}")
    if a.performance_place:
        performance.append(f"履行地点：{trim(a.performance_place)}")
    if a.performance_due:
        performance.append(f"履行期限：{cn_date(a.performance_due)}前履行完毕")
    text = "；".join(performance) + "。" if performance else "按上述协议内容履行。"
    story.append(Paragraph(esc(text), s["body"]))

    copies = cn_numeral(len(parties) + 1)
    story += [
        Spacer(1, 3 * mm),
        Paragraph("本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起"
                  f"生效。本协议一式{copies}份，当事人各执一份，人民调解委员会留存一份。", s["body"]),
        Paragraph("当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。", s["body"]),
    ]
    signs: list = [Spacer(1, 10 * mm)]
    signs += [Paragraph(f"{esc(p.role)}（签名盖章或按指印）：{LINE}", s["sign"]) for p in parties]
    signs += [Paragraph(f"人民调解员（签名）：{LINE}", s["sign"]),
              Paragraph(f"记录人（签名）：{LINE}", s["sign"]), Spacer(1, 8 * mm),
              signature_block(["（人民调解委员会印）", cn_date(a.signed_on)], s["body"], DOC_WIDTH)]
    story.append(KeepTogether(signs))
    frame = Frame(styles, settings.committee_name, "人民调解协议书", header=False)
    return build(path, story, frame, title=f"人民调解协议书 {c.number}",
                 author=settings.committee_name, margins=DOC_MARGINS)
