"""延期办理告知书, 转送告知书 and 转人民调解告知书: what the petitioner is told of the 延期
(条例 Art. 34), the 转送 (Art. 22) and the diversion to mediation, from the acts' records; and
the 转送函 that goes with the petition to the organ it is sent to."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.platypus import Paragraph

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import committee, prepare, trim, wording
from caseapp.reports.notices import petitioners
from caseapp.reports.page import blank, doc_styles
from caseapp.reports.petition_letter import (
    inline,
    labelled,
    letter,
    opening_values,
    petition_records,
)
from caseapp.storage.db import Database

EXTENSION, TRANSFER, DIVERSION = "延期办理告知书", "转送告知书", "转人民调解告知书"
LETTER = "信访事项转送函"


def extension(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """The 延期: the reason (a labelled line), the new deadline and the 负责人 who approved it."""
    c, styles, settings = prepare(db, case_id, mask)
    info = petition_records(c, EXTENSION)
    if not info.extension_approver or info.extension_new_due is None:
        raise WorkflowError(f"{c.number} 没有经批准的延期，不能出具{EXTENSION}")
    ds = doc_styles(styles)
    body = [Paragraph(esc(x), ds.body) for x in wording(db).lines(
        "extension.body", **opening_values(c), 受理日期=cn_date(c.accepted_on) or None,
        延长至=cn_date(info.extension_new_due) or None)]
    body += inline(ds, "延期理由", c.extension_reason)
    body.append(Paragraph(esc(f"批准人：{trim(info.extension_approver)}，"
                              f"批准日期：{cn_date(info.extension_approved_on)}。"), ds.body))
    return letter(path, c, styles, ds, settings, EXTENSION, body, info.extension_approved_on)


def transfer_notice(db: Database, case_id: int, path: str | os.PathLike, *,
                    mask: bool = False) -> Path:
    """The 转送: the receiving organ and the day it was sent."""
    c, styles, settings = prepare(db, case_id, mask)
    info = petition_records(c, TRANSFER)
    if c.outcome != wf.TRANSFERRED or not info.transferred_to:
        raise WorkflowError(f"{c.number} 未转送，不能出具{TRANSFER}")
    ds = doc_styles(styles)
    body = [Paragraph(esc(x), ds.body) for x in wording(db).lines(
        "transfer.body", **opening_values(c), 转送机关=trim(info.transferred_to),
        转送日期=cn_date(info.transferred_on) or None)]
    return letter(path, c, styles, ds, settings, TRANSFER, body, info.transferred_on)


def transfer_letter(db: Database, case_id: int, path: str | os.PathLike, *,
                    mask: bool = False) -> Path:
    """转送函, to the organ the petition was sent to: who petitioned (and how to reach them),
    what about, the basis (条例 Art. 22; Art. 31–32 for its handling) and 请依法处理并告知信访人,
    our contact person and the organ's seal."""
    c, styles, settings = prepare(db, case_id, mask)
    info = petition_records(c, LETTER)
    if c.outcome != wf.TRANSFERRED or not info.transferred_to:
        raise WorkflowError(f"{c.number} 未转送，不能出具{LETTER}")
    ds = doc_styles(styles)
    organ = trim(info.transferred_to)
    who = [p for p in c.parties if p.role == "信访人"]
    body = [Paragraph(esc(x), ds.body) for x in wording(db).lines(
        "transfer_letter.body", 信访人="、".join(petitioners(c)) or None,
        登记日期=cn_date(c.received_on) or None, 信访事项=trim(c.summary), 转送机关=organ,
        转送日期=cn_date(info.transferred_on) or None, 编号=c.number)]
    body.append(ds.bold("信访人基本情况", ds.label))
    for p in who:
        bits = [p.name] + [x for x in (p.phone and f"联系电话：{p.phone}",
                                       p.address and f"住址：{p.address}") if x]
        body.append(Paragraph(esc("，".join(bits) + "。"), ds.body))
    body += labelled(ds, "信访事项摘要", "\n".join(x for x in (c.summary, c.details) if x))
    body.append(Paragraph(f"附：信访材料{blank(3)}份。", ds.body))
    return letter(path, c, styles, ds, settings, LETTER, body, info.transferred_on, to=organ,
                  closing="特此函告。", receipt=False)


def diversion_notice(db: Database, case_id: int, path: str | os.PathLike, *,
                     mask: bool = False) -> Path:
    """The diversion: the committee that mediates and the linked dispute's number."""
    c, styles, settings = prepare(db, case_id, mask)
    petition_records(c, DIVERSION)
    if c.outcome != wf.DIVERTED or not c.derived_number:
        raise WorkflowError(f"{c.number} 未转人民调解，不能出具{DIVERSION}")
    ds = doc_styles(styles)
    body = [Paragraph(esc(x), ds.body) for x in wording(db).lines(
        "diversion.body", **opening_values(c), 办结日期=cn_date(c.closed_on) or None,
        调解委员会=committee(settings), 纠纷编号=c.derived_number)]
    return letter(path, c, styles, ds, settings, DIVERSION, body, c.closed_on)


__all__ = ["DIVERSION", "EXTENSION", "LETTER", "TRANSFER", "diversion_notice", "extension",
           "transfer_letter", "transfer_notice"]
