"""受理告知书 / 不予受理告知书 for a petition (GB/T 9704 layout)."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
)

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
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
    NBSP,
    doc_styles,
    font_warning,
    prepare,
    signature_block,
    trim,
)
from caseapp.storage.db import Database


def notice(db: Database, case_id: int, path: str | os.PathLike) -> Path:
    """受理告知书 for an accepted petition, 不予受理告知书 for a rejected one."""
    c, styles, settings = prepare(db, case_id)
    if c.kind != wf.Kind.PETITION.value:
        raise WorkflowError(f"{c.number} 是矛盾纠纷，受理告知书只适用于信访件")
    rejected = c.status == wf.Status.REJECTED.value
    if not rejected and c.accepted_on is None:
        raise WorkflowError(f"{c.number} 尚未受理，不能出具告知书，请先受理或不予受理")
    s = doc_styles(styles)
    title = "不予受理告知书" if rejected else "受理告知书"
    names = [p.name for p in c.parties if p.role == "信访人"] or [c.party]
    opening = f"你（你们）于{cn_date(c.received_on)}提出的关于{trim(c.summary)}的信访事项，"
    if rejected:
        text = (opening + f"经审查，该信访事项{trim(c.reject_reason)}，根据《信访工作条例》"
                "第三十条、第三十一条的规定，本机关决定不予受理。")
        signed_on = c.closed_on
    else:
        days = cn_numeral(settings.limits.petition_handle)
        text = (opening + f"本机关已于{cn_date(c.accepted_on)}依据《信访工作条例》规定予以受理，"
                f"将在受理之日起{days}日内办结并书面答复。")
        signed_on = c.accepted_on
    story: list = font_warning(styles)
    story += [Paragraph(title, styles.title), Paragraph(esc(c.number), s["center"]),
              Spacer(1, 8 * mm), Paragraph(esc("、".join(n for n in names if n)) + "：", s["flush"]),
              Paragraph(esc(text), s["body"]), Paragraph("特此告知。", s["body"])]
    story.append(KeepTogether([
        Spacer(1, 18 * mm),
        signature_block([settings.office_name, cn_date(signed_on), "（印章）"], s["body"],
                         DOC_WIDTH),
        Spacer(1, 28 * mm),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, dash=(3, 2)),
        Spacer(1, 3 * mm),
        Paragraph(f"签收人：{LINE}{NBSP * 6}签收日期：{'_' * 8}年{'_' * 5}月{'_' * 5}日",
                  s["foot"]),
    ]))
    frame = Frame(styles, settings.office_name, title, header=False)
    return build(path, story, frame, title=f"{title} {c.number}", author=settings.office_name,
                 margins=DOC_MARGINS)
