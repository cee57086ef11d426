"""人民调解申请书 (a dispute the parties brought) and 司法确认申请书 (人民调解法 Art. 33)."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import (
    LINE,
    committee,
    font_warning,
    ordered_parties,
    paragraphs,
    party_line,
    prepare,
    require_dispute,
    trim,
    wording,
    write_document,
)
from caseapp.reports.page import blank, date_blank, doc_styles, title_block
from caseapp.storage.db import Database


def application(db: Database, case_id: int, path: str | os.PathLike, *,
                mask: bool = False) -> Path:
    """人民调解申请书, signed by the 申请人 on the day of 登记."""
    title = "人民调解申请书"
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, title)
    ds = doc_styles(styles)
    name = committee(settings)
    parties = ordered_parties(c.parties)
    story: list = font_warning(styles)
    story += title_block(ds, title, c.number)
    story += [Paragraph(esc(party_line(p)), ds.body) for p in parties]
    w = wording(db)
    values = {"调解委员会": name, "纠纷事项": trim(c.summary), "编号": c.number,
              "登记日期": cn_date(c.received_on) or None}
    story.append(ds.bold("申请事项：", ds.flush))
    story += [Paragraph(esc(x), ds.body) for x in w.lines("application.request", **values)]
    story.append(ds.bold("事实和理由：", ds.flush))
    story += paragraphs(c.details or c.summary, ds.body) or [Paragraph(blank(20), ds.body)]
    story += [Paragraph(esc(x), ds.body) for x in w.lines("application.pledge", **values)]
    applicants = [p for p in parties if p.role == "申请人"] or parties[:1]
    story.append(KeepTogether([Paragraph("此致", ds.body), Paragraph(esc(name), ds.flush),
                               Spacer(1, 4 * mm)] + [
        Paragraph(f"申请人（签名或按指印）：{LINE}　{esc(p.name)}", ds.sign) for p in applicants]
        + [Paragraph(f"{cn_date(c.received_on)}", ds.number)]))
    return write_document(path, story, styles, f"{title} {c.number}", name)


def confirmation(db: Database, case_id: int, path: str | os.PathLike, *,
                 mask: bool = False) -> Path:
    """司法确认申请书: the parties apply together to the court within 30 days of the agreement."""
    title = "司法确认申请书"
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, title)
    a = c.agreement
    if a is None or a.form != wf.WRITTEN_AGREEMENT:
        raise WorkflowError(f"{c.number} 没有书面调解协议，不能申请司法确认")
    ds = doc_styles(styles)
    name = committee(settings)
    court = (c.mediation.judicial_court if c.mediation else None) or f"{blank(6)}人民法院"
    parties = ordered_parties(c.parties)
    story: list = font_warning(styles)
    story += title_block(ds, title)
    story += [Paragraph(esc(party_line(p)), ds.body) for p in parties]
    w = wording(db)
    values = {"协议日期": cn_date(a.signed_on) or None, "调解委员会": name, "编号": c.number,
              "纠纷事项": trim(c.summary)}
    story.append(ds.bold("请求事项：", ds.flush))
    story += [Paragraph(esc(x), ds.body) for x in w.lines("confirmation.request", **values)]
    story.append(ds.bold("事实和理由：", ds.flush))
    story += [Paragraph(esc(x), ds.body) for x in w.lines("confirmation.reasons", **values)]
    story.append(KeepTogether([Paragraph("此致", ds.body), Paragraph(esc(court), ds.flush),
                               Spacer(1, 4 * mm)] + [
        Paragraph(f"{esc(p.role)}（签名或按指印）：{LINE}　{esc(p.name)}", ds.sign) for p in parties]
        + [Paragraph(f"日期：{date_blank()}", ds.number)]))
    return write_document(path, story, styles, f"{title} {c.number}", name)
