"""人民调解口头协议登记表 (人民调解法 Art. 28): what an oral agreement recorded, never a 协议书."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.agreement import agreement_facts, agreement_terms
from caseapp.reports.base import cn_date, cn_numeral, esc
from caseapp.reports.case_common import (
    committee,
    font_warning,
    ordered_parties,
    party_line,
    prepare,
    require_dispute,
    trim,
    wording,
    write_document,
)
from caseapp.reports.page import DOC_WIDTH, SealCell, blank, doc_styles, form_table, title_block
from caseapp.storage.db import Database

TITLE = "人民调解口头协议登记表"


def oral(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, TITLE)
    a = c.agreement
    if a is None or a.form == wf.WRITTEN_AGREEMENT:
        raise WorkflowError(f"{c.number} 没有记录口头协议，不能打印{TITLE}")
    ds = doc_styles(styles)
    name = committee(settings)
    parties = "<br/>".join(esc(party_line(p)) for p in ordered_parties(c.parties))
    terms = "<br/>".join(f"{cn_numeral(i)}、{esc(t)}" for i, t in enumerate(agreement_terms(a), 1))
    bits = [x for x in (trim(a.performance_method), trim(a.performance_place),
                        f"{cn_date(a.performance_due)}前履行完毕" if a.performance_due else "") if x]
    label_w = 30 * mm
    signers = "　".join(f"{p.role}：{blank(5)}" for p in ordered_parties(c.parties))
    said = "<br/>".join(esc(x) for x in wording(db).lines("oral.confirm",
                                                          协议日期=cn_date(a.signed_on) or None))
    confirm = Paragraph(f"{said}<br/>当事人（签名或按指印）：{signers}", ds.cell)
    rows = [
        ["达成日期", cn_date(a.signed_on), "人民调解员", c.mediators or ""],
        ["当事人", Paragraph(parties, ds.cell), "", ""],
        ["纠纷简要情况", Paragraph(esc(agreement_facts(a, c)), ds.cell), "", ""],
        ["口头协议内容", Paragraph(terms or "", ds.cell), "", ""],
        ["履行方式、地点、期限", Paragraph(esc("；".join(bits) + "。" if bits else ""), ds.cell), "", ""],
        ["当事人确认", confirm, "", ""],
        ["调解员签名", "", "记录人签名", ""],
        ["调解委员会", SealCell([name, cn_date(a.signed_on)], ds.cell), "", ""],
    ]
    value_w = (DOC_WIDTH - 2 * label_w) / 2
    table = form_table(rows, [label_w, value_w, label_w, value_w], ds,
                       spans=tuple((1, r, 3, r) for r in (1, 2, 3, 4, 5, 7)),
                       labels=((0, 0), (2, 0), (0, 6), (2, 6), (0, 7))
                       + tuple((0, r) for r in range(1, 6)),
                       min_heights={3: 22 * mm, 6: 12 * mm})
    story: list = font_warning(styles)
    story += title_block(ds, TITLE, c.number, org=name)
    story.append(table)
    return write_document(path, story, styles, f"{TITLE} {c.number}", name)
