"""受理告知书 / 不予受理告知书 for a petition, issued by the organ that answers petitions."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.queries.case_detail import CaseDetail
from caseapp.reports.base import cn_date, cn_numeral, esc
from caseapp.reports.case_common import (
    NBSP,
    font_warning,
    prepare,
    trim,
    wording,
    write_document,
)
from caseapp.reports.page import SealBlock, blank, date_blank, doc_styles, title_block
from caseapp.reports.reject_reasons import OTHER, reject_reason
from caseapp.reports.wording import Wording
from caseapp.storage.db import Database


def contact_line(person: str, phone: str) -> str:
    """Whom the petitioner may ask (设置 → 单位信息), or "" when neither is set."""
    if person and phone:
        return f"联系人：{person}，联系电话：{phone}。"
    if person:
        return f"联系人：{person}。"
    return f"联系电话：{phone}。" if phone else ""


def petitioners(c: CaseDetail) -> list[str]:
    names = [p.name for p in c.parties if p.role == "信访人" and p.name]
    return names or ([c.party] if c.party else [])


def you_suffix(c: CaseDetail) -> str:
    """"们" when the notice goes to more than one petitioner (你们), else "" (你)."""
    return "们" if len(petitioners(c)) > 1 else ""


def notice_text(c: CaseDetail, handle_days: int, w: Wording | None = None) -> list[str]:
    """The paragraphs of the notice, from the case's data, the fixed list of reasons and the
    office's wording ``w``: never the stored reason pasted into a sentence."""
    w = w or Wording({})
    you = you_suffix(c)
    values = {"你": "你" + you, "登记日期": cn_date(c.received_on) or None,
              "信访事项": trim(c.summary), "编号": c.number}
    if c.status == wf.Status.REJECTED.value:
        reason = reject_reason(c.reject_reason)
        _choice, organ, note = wf.parse_reject(c.reject_reason)
        route = reason.organ_route if organ and reason.organ_route else reason.route
        out = w.lines("notice.rejected", **values, 不予受理情形=reason.finding.format(you=you),
                      告知途径=route.format(you=you, organ=trim(organ)),
                      办结日期=cn_date(c.closed_on) or None)
        if reason is OTHER and note:
            out.append(f"不予受理理由：{trim(note)}。")  # a labelled line, not a sentence
        return out
    return w.lines("notice.accepted", **values, 受理日期=cn_date(c.accepted_on) or None,
                   办理期限=cn_numeral(handle_days))


def notice(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """受理告知书 for an accepted petition, 不予受理告知书 for a rejected one (``mask``: numbers
    typed into the summary or the reason masked, for a user who may not print them in full)."""
    c, styles, settings = prepare(db, case_id, mask)
    if c.kind != wf.Kind.PETITION.value:
        raise WorkflowError(f"{c.number} 是矛盾纠纷，受理告知书只适用于信访件")
    rejected = c.status == wf.Status.REJECTED.value
    if not rejected and c.accepted_on is None:
        raise WorkflowError(f"{c.number} 尚未受理，不能出具告知书，请先受理或不予受理")
    ds = doc_styles(styles)
    title = "不予受理告知书" if rejected else "受理告知书"
    signed_on = c.closed_on if rejected else c.accepted_on
    story: list = font_warning(styles)
    story += title_block(ds, title, c.number)
    story += [Spacer(1, 4 * mm), Paragraph(esc("、".join(petitioners(c))) + "：", ds.flush)]
    story += [Paragraph(esc(t), ds.body)
              for t in notice_text(c, settings.limits.petition_handle, wording(db))]
    contact = contact_line(settings.contact_person, settings.contact_phone)
    if contact:
        story.append(Paragraph(esc(contact), ds.body))
    story.append(Paragraph("特此告知。", ds.body))
    story.append(KeepTogether([
        SealBlock([settings.organ(), cn_date(signed_on)], ds.flush),
        Spacer(1, 16 * mm),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, dash=(3, 2)),
        Spacer(1, 3 * mm),
        Paragraph(f"签收人：{blank(6)}{NBSP * 4}签收日期：{date_blank()}", ds.foot),
    ]))
    return write_document(path, story, styles, f"{title} {c.number}", settings.organ())
