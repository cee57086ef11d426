"""办结报告 of a petition received by 上级交办: to the superior, its 文号 and due date, what was
done, and the result when the petition is closed."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.platypus import Paragraph

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import prepare, trim, wording
from caseapp.reports.notices import petitioners
from caseapp.reports.page import doc_styles
from caseapp.reports.petition_letter import labelled, letter, petition_records
from caseapp.storage.db import Database

TITLE = "信访事项办结报告"


def report(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    c, styles, settings = prepare(db, case_id, mask)
    info = petition_records(c, TITLE)
    if not info.from_above:
        raise WorkflowError(f"{c.number} 不是上级交办件，没有办结报告")
    if info.report_on is None:
        raise WorkflowError(f"{c.number} 尚未填写办结报告的内容，不能出具{TITLE}")
    ds = doc_styles(styles)
    superior = trim(info.superior)
    ref = f"以{trim(info.superior_reference)}" if info.superior_reference else ""
    who = "、".join(petitioners(c))
    body = [Paragraph(esc(x), ds.body) for x in wording(db).lines(
        "report.body", 交办日期=cn_date(info.superior_assigned_on) or None, 交办文号=ref, 信访人=who,
        信访事项=trim(c.summary), 办结期限=cn_date(info.superior_due) or None,
        受理日期=cn_date(c.accepted_on) or None, 编号=c.number)]
    body += labelled(ds, "一、办理情况", info.report_text)
    if c.status == wf.Status.CLOSED.value and c.outcome:
        result = f"该信访事项已于{cn_date(c.closed_on)}办结，处理结果为{c.outcome}"
        if info.delivered_on:
            result += f"，处理意见书已于{cn_date(info.delivered_on)}送达信访人"
        body += [ds.bold("二、办理结果", ds.label), Paragraph(esc(result + "。"), ds.body)]
    return letter(path, c, styles, ds, settings, TITLE, body, info.report_on, to=superior,
                  closing="特此报告。", receipt=False)


__all__ = ["TITLE", "report"]
