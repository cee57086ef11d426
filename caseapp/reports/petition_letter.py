"""The letter the petition documents share: title, addressee, body, contact, the organ's seal
block and the receipt; and the opening sentence about the petition (你 / 你们 resolved)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.queries.case_detail import CaseDetail
from caseapp.queries.petition_info import PetitionInfo
from caseapp.reports.base import Styles, cn_date, esc
from caseapp.reports.case_common import NBSP, font_warning, trim, write_document
from caseapp.reports.notices import contact_line, petitioners, you_suffix
from caseapp.reports.page import DocStyles, SealBlock, blank, date_blank, title_block
from caseapp.storage.settings import OfficeSettings


def petition_records(c: CaseDetail, title: str) -> PetitionInfo:
    """The petition's act records; refused for a dispute."""
    if c.kind != wf.Kind.PETITION.value or c.petition is None:
        raise WorkflowError(f"{c.number} 是矛盾纠纷，没有{title}")
    return c.petition


def you(c: CaseDetail) -> str:
    """你 or 你们, by the number of 信访人."""
    return "你" + you_suffix(c)


def opening(c: CaseDetail) -> str:
    """"你于2026年3月2日提出的关于……的信访事项，" — the summary as a noun phrase."""
    return f"{you(c)}于{cn_date(c.received_on)}提出的关于{trim(c.summary)}的信访事项，"


def opening_values(c: CaseDetail) -> dict[str, str | None]:
    """The placeholders of the petition documents' opening (reports/wording.py)."""
    return {"你": you(c), "登记日期": cn_date(c.received_on) or None, "信访事项": trim(c.summary),
            "编号": c.number}


def labelled(ds: DocStyles, label: str, text: str | None) -> list[Flowable]:
    """A label in 黑体 and free text as paragraphs of its own (never inside a sentence)."""
    lines = [x.strip() for x in (text or "").splitlines() if x.strip()]
    if not lines:
        return []
    out: list[Flowable] = [ds.bold(esc(label), ds.label)]
    out += [Paragraph(esc(sentence_end(x)), ds.body) for x in lines]
    return out


def inline(ds: DocStyles, label: str, text: str | None) -> list[Flowable]:
    """"label：text。" — free text on a labelled line of its own, its further lines below."""
    lines = [x.strip() for x in (text or "").splitlines() if x.strip()]
    if not lines:
        return []
    lines[0] = f"{label}：{lines[0]}"
    return [Paragraph(esc(sentence_end(x)), ds.body) for x in lines]


def sentence_end(text: str) -> str:
    text = text.rstrip("；;，,、 ")
    return text if text.endswith(("。", "！", "？", "”", "）")) else text + "。"


def letter(path: str | os.PathLike, c: CaseDetail, styles: Styles, ds: DocStyles,
           settings: OfficeSettings, title: str, body: list[Flowable], signed_on: date | None,
           *, to: str | None = None, closing: str = "特此告知。",
           delivered_on: date | None = None, receipt: bool = True) -> Path:
    """The document: title and 编号, 主送 (the petitioners unless ``to``), the body, the contact
    line, the closing, the organ and date under the seal and the receipt (签收)."""
    organ = settings.organ()
    story: list = font_warning(styles)
    story += title_block(ds, title, c.number)
    addressee = to if to is not None else "、".join(petitioners(c))
    story += [Spacer(1, 4 * mm), Paragraph(esc(addressee) + "：", ds.flush)]
    story += body[:-1]
    # The signature never stands alone on a page: the last paragraph goes along (GB/T 9704).
    tail: list = body[-1:]
    contact = contact_line(settings.contact_person, settings.contact_phone)
    if contact:
        tail.append(Paragraph(esc(contact), ds.body))
    tail += [Paragraph(esc(closing), ds.body), SealBlock([organ, cn_date(signed_on)], ds.flush)]
    if receipt:
        when = cn_date(delivered_on) if delivered_on else date_blank()
        tail += [Spacer(1, 16 * mm),
                 HRFlowable(width="100%", thickness=0.6, color=colors.black, dash=(3, 2)),
                 Spacer(1, 3 * mm),
                 Paragraph(f"签收人：{blank(6)}{NBSP * 4}签收日期：{when}", ds.foot)]
    story.append(KeepTogether(tail))
    return write_document(path, story, styles, f"{title} {c.number}", organ)


__all__ = ["inline", "labelled", "letter", "opening", "opening_values", "petition_records",
           "sentence_end", "you"]
