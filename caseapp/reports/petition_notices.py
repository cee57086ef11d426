"""延期办理告知书, 转送告知书 and 转人民调解告知书: what the petitioner is told of the 延期
(条例 Art. 34), the 转送 (Art. 22) and the diversion to mediation, from the acts' records."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.platypus import Paragraph

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import committee, prepare, trim
from caseapp.reports.page import doc_styles
from caseapp.reports.petition_letter import inline, letter, opening, petition_records, you
from caseapp.storage.db import Database

EXTENSION, TRANSFER, DIVERSION = "延期办理告知书", "转送告知书", "转人民调解告知书"


def extension(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """The 延期: the reason (a labelled line), the new deadline and the 负责人 who approved it."""
    c, styles, settings = prepare(db, case_id, mask)
    info = petition_records(c, EXTENSION)
    if not info.extension_approver or info.extension_new_due is None:
        raise WorkflowError(f"{c.number} 没有经批准的延期，不能出具{EXTENSION}")
    ds = doc_styles(styles)
    body = [Paragraph(esc(
        opening(c) + f"本机关已于{cn_date(c.accepted_on)}受理。因该信访事项情况复杂，"
        f"经本机关负责人批准，根据《信访工作条例》第三十四条的规定，办理期限延长至"
        f"{cn_date(info.extension_new_due)}，本机关将在此期限内办结并书面答复{you(c)}。"), ds.body)]
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
    organ = trim(info.transferred_to)
    body = [Paragraph(esc(
        opening(c) + f"经审查，该事项依法应由{organ}处理。根据《信访工作条例》第二十二条的规定，"
        f"本机关已于{cn_date(info.transferred_on)}将该信访事项转送{organ}办理。"
        f"请{you(c)}就该信访事项直接与{organ}联系。"), ds.body)]
    return letter(path, c, styles, ds, settings, TRANSFER, body, info.transferred_on)


def diversion_notice(db: Database, case_id: int, path: str | os.PathLike, *,
                     mask: bool = False) -> Path:
    """The diversion: the committee that mediates and the linked dispute's number."""
    c, styles, settings = prepare(db, case_id, mask)
    petition_records(c, DIVERSION)
    if c.outcome != wf.DIVERTED or not c.derived_number:
        raise WorkflowError(f"{c.number} 未转人民调解，不能出具{DIVERSION}")
    ds = doc_styles(styles)
    body = [Paragraph(esc(
        opening(c) + "经审查，该事项属于平等主体之间的民事纠纷，适宜通过人民调解解决。"
        f"本机关已于{cn_date(c.closed_on)}将该事项导入人民调解程序，交由{committee(settings)}"
        f"依法调解，纠纷编号为{c.derived_number}。人民调解遵循当事人自愿、平等的原则；"
        f"调解不成的，{you(c)}可以依法通过仲裁、行政、司法等途径维护自己的合法权益。"), ds.body)]
    return letter(path, c, styles, ds, settings, DIVERSION, body, c.closed_on)


__all__ = ["DIVERSION", "EXTENSION", "TRANSFER", "diversion_notice", "extension",
           "transfer_notice"]
