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
    story += [ds.bold("申请事项：", ds.flush),
              Paragraph(esc(f"请求{name}对申请人与被申请人之间因{trim(c.summary)}发生的纠纷进行调解。"), ds.body),
              ds.bold("事实和理由：", ds.flush)]
    story += paragraphs(c.details or c.summary, ds.body) or [Paragraph(blank(20), ds.body)]
    story.append(Paragraph("申请人自愿申请人民调解，并已知悉人民调解当事人的权利和义务。", ds.body))
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
    story += [ds.bold("请求事项：", ds.flush),
              Paragraph(esc(f"请求确认申请人于{cn_date(a.signed_on)}经{name}主持调解达成的人民调解协议"
                            f"（编号：{c.number}）有效。"), ds.body),
              ds.bold("事实和理由：", ds.flush),
              Paragraph(esc(f"申请人因{trim(c.summary)}发生纠纷，经{name}主持调解，于{cn_date(a.signed_on)}"
                            "自愿达成人民调解协议。申请人出于解决纠纷的目的自愿达成协议，没有恶意串通、规避"
                            "法律的行为；如果因为该协议内容而给他人造成损害的，愿意承担相应的民事责任和其他"
                            "法律责任。根据《中华人民共和国人民调解法》第三十三条的规定，现共同申请司法确认。"),
                        ds.body),
              Paragraph("附：人民调解协议书一份；申请人身份证明材料。", ds.body)]
    story.append(KeepTogether([Paragraph("此致", ds.body), Paragraph(esc(court), ds.flush),
                               Spacer(1, 4 * mm)] + [
        Paragraph(f"{esc(p.role)}（签名或按指印）：{LINE}　{esc(p.name)}", ds.sign) for p in parties]
        + [Paragraph(f"日期：{date_blank()}", ds.number)]))
    return write_document(path, story, styles, f"{title} {c.number}", name)
