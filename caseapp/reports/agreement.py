"""人民调解协议书 (a written agreement), after the 司法部 template, on the GB/T 9704 page."""

from __future__ import annotations

import os
import re
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.queries.case_detail import AgreementInfo, CaseDetail
from caseapp.reports.base import cn_date, cn_numeral, esc
from caseapp.reports.case_common import (
    LINE,
    clean_term,
    committee,
    font_warning,
    ordered_parties,
    paragraphs,
    party_line,
    prepare,
    sentence,
    trim,
    wording,
    write_document,
)
from caseapp.reports.page import SealBlock, doc_styles, title_block
from caseapp.storage.db import Database

# What the document prints itself: a clerk's copy of it in the facts or the terms goes.
_AGREED = re.compile(r"[^。；]*(?:达成如下协议|达成协议如下)[^。；]*[。；：:]?")
_COPIES = re.compile(r"本协议一式.{1,3}份")


def agreement_terms(a: AgreementInfo) -> list[str]:
    """The terms as printed: our numbering, each ending with "。", the copies clause (which the
    document states once itself) left out."""
    terms = [sentence(clean_term(t)) for t in a.terms]
    return [t for t in terms if t and not _COPIES.search(t) and not _AGREED.fullmatch(t)]


def agreement_facts(a: AgreementInfo, c: CaseDetail) -> str:
    """The facts without a closing "…自愿达成如下协议。" (the heading below says it)."""
    text = a.facts or c.details or c.summary or ""
    return _AGREED.sub("", text).strip()


def refuse_oral(c: CaseDetail) -> None:
    if c.agreement is not None and c.agreement.form != wf.WRITTEN_AGREEMENT:
        raise WorkflowError(
            f"{c.number} 的调解协议为{c.agreement.form}，当事人未签订书面协议，不能打印人民调解协议书；"
            "请打印人民调解口头协议登记表（oral）")


def agreement(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """人民调解协议书, after the 司法部 template, ready to be signed (``mask``: ID numbers and
    phones partly hidden, for a user whose role may not print them in full)."""
    c, styles, settings = prepare(db, case_id, mask)  # masked: no birth date, free text too
    if c.kind != wf.Kind.DISPUTE.value:
        raise WorkflowError(f"{c.number} 是信访件，没有人民调解协议书")
    if c.agreement is None:
        raise WorkflowError("该纠纷尚未记录调解协议")
    refuse_oral(c)
    a, ds = c.agreement, doc_styles(styles)
    parties = ordered_parties(c.parties)
    name = committee(settings)
    story: list = font_warning(styles)
    story += title_block(ds, "人民调解协议书", c.number, org=name)
    story.append(Spacer(1, 2 * mm))
    story += [Paragraph(esc(party_line(p)), ds.body) for p in parties]

    story += [Spacer(1, 2 * mm), ds.bold("纠纷主要事实、争议事项：")]
    story += paragraphs(agreement_facts(a, c), ds.body)

    w = wording(db)
    values = {"双方": "双方" if len(parties) <= 2 else "各方", "份数": cn_numeral(len(parties) + 1),
              "调解委员会": name, "协议日期": cn_date(a.signed_on) or None}
    story.append(Spacer(1, 2 * mm))
    story += [ds.bold(esc(x)) for x in w.lines("agreement.heading", **values)]
    story += [Paragraph(f"{cn_numeral(i)}、{esc(t)}", ds.body)
              for i, t in enumerate(agreement_terms(a), 1)]

    story += [Spacer(1, 2 * mm), ds.bold("履行协议的方式、地点、期限：")]
    performance = []
    if a.performance_method:
        performance.append(f"履行方式：{trim(a.performance_method)}")
    if a.performance_place:
        performance.append(f"履行地点：{trim(a.performance_place)}")
    if a.performance_due:
        performance.append(f"履行期限：{cn_date(a.performance_due)}前履行完毕")
    text = "；".join(performance) + "。" if performance else "按上述协议内容履行。"
    story.append(Paragraph(esc(text), ds.body))

    story.append(Spacer(1, 2 * mm))
    story += [Paragraph(esc(x), ds.body) for x in w.lines("agreement.effect", **values)]
    signs: list = [Spacer(1, 6 * mm)]
    signs += [Paragraph(f"{esc(p.role)}（签名盖章或按指印）：{LINE}", ds.sign) for p in parties]
    signs += [Paragraph(f"人民调解员（签名）：{LINE}", ds.sign),
              Paragraph(f"记录人（签名）：{LINE}", ds.sign),
              SealBlock([name, cn_date(a.signed_on)], ds.flush)]
    story.append(KeepTogether(signs))
    return write_document(path, story, styles, f"人民调解协议书 {c.number}", name)
