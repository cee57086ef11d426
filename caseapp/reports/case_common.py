"""What the case documents share: the case by number, the data and styles of a case, the
term and party helpers, the 署名 block and the styles of the formal documents.

The data comes from ``queries.case_detail`` and the office settings; fonts, styles, the table
helper, the page frame and the atomic ``build`` come from ``base``. Formal documents (the
agreement and the notices) follow GB/T 9704 where it fits: A4, title 22 pt, body 16 pt, no
running header, "— N —" page numbers.
"""

from __future__ import annotations

import re

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Paragraph,
    Table,
    TableStyle,
)
from sqlalchemy import select

from caseapp.errors import NotFound
from caseapp.queries.case_detail import CaseDetail, PartyInfo, case_detail
from caseapp.reports.base import (
    DOC_MARGINS,
    PAGE_W,
    Styles,
    esc,
    make_styles,
)
from caseapp.storage.db import Database
from caseapp.storage.models import Case
from caseapp.storage.settings import OfficeSettings

ROLE_ORDER = {"申请人": 0, "被申请人": 1, "第三人": 2, "信访人": 0, "代理人": 1}
LINE = "_" * 16  # a line to sign on
NBSP = "\u00a0"  # a space a Paragraph keeps (it collapses ordinary and ideographic spaces)
DOC_WIDTH = PAGE_W - DOC_MARGINS["leftMargin"] - DOC_MARGINS["rightMargin"]


# "1、" "2." "(3)" "四、" — but not the "3.5" of "3.5万元由……".
_NUMBERING = re.compile(r"^\s*[（(]?(?:\d+|[一二三四五六七八九十]+)(?:[)）、]|[.．](?!\d))\s*")


def clean_term(term: str) -> str:
    """A term without the numbering a clerk may have typed (we number the terms)."""
    return _NUMBERING.sub("", term.strip(), count=1)


def trim(text: str | None) -> str:
    """Text to embed in a sentence: no trailing full stop or comma."""
    return (text or "").strip().rstrip("。.，,；;")


def paragraphs(text: str | None, style: ParagraphStyle) -> list[Paragraph]:
    return [Paragraph(esc(line.strip()), style) for line in (text or "").splitlines() if line.strip()]


def ordered_parties(parties: tuple[PartyInfo, ...]) -> list[PartyInfo]:
    return sorted(parties, key=lambda p: ROLE_ORDER.get(p.role, 9))  # stable within a role


def prepare(db: Database, case_id: int) -> tuple[CaseDetail, Styles, OfficeSettings]:
    settings = db.settings()
    return case_detail(db, case_id), make_styles(settings.font_path), settings


def section(title: str, styles: Styles) -> list:
    """A heading that never stays alone at the foot of a page."""
    return [CondPageBreak(35 * mm), Paragraph(esc(title), styles.heading)]


def signature_block(lines: list[str], style: ParagraphStyle, width: float) -> Table:
    """署名 and date as a block at the right, each line centred over the others, two
    characters in from the right margin (GB/T 9704)."""
    size = style.fontSize
    block = min(max(len(line) for line in lines) * size + 2 * size, width * 0.6)  # long names wrap
    centred = ParagraphStyle("doc_sign_centre", parent=style, firstLineIndent=0,
                             alignment=TA_CENTER, rightIndent=0, leftIndent=0)
    t = Table([["", Paragraph(esc(line), centred)] for line in lines],
              colWidths=[width - block - 2 * size, block + 2 * size])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), style.fontName),  # the "" cells
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (1, 0), (1, -1), 2 * size),
                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return t


def font_warning(styles: Styles) -> list:
    return [Paragraph(esc(styles.fonts.warning), styles.warning)] if styles.fonts.warning else []


def doc_styles(styles: Styles) -> dict[str, ParagraphStyle]:
    """Styles of the formal documents, derived from ``styles.body`` (16 pt)."""
    body = styles.body
    size = body.fontSize
    return {
        "body": body,
        "label": ParagraphStyle("doc_label", parent=body, fontName=styles.fonts.bold),
        "flush": ParagraphStyle("doc_flush", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        "center": ParagraphStyle("doc_center", parent=body, firstLineIndent=0,
                                 alignment=TA_CENTER),
        "org": ParagraphStyle("doc_org", parent=body, fontName=styles.fonts.bold,
                              fontSize=18, leading=30, firstLineIndent=0, alignment=TA_CENTER),
        "number": ParagraphStyle("doc_number", parent=body, fontSize=14, leading=24,
                                 firstLineIndent=0, alignment=TA_RIGHT),
        "sign": ParagraphStyle("doc_sign", parent=body, firstLineIndent=0, alignment=TA_LEFT,
                               leading=size * 2.4),
        "foot": ParagraphStyle("doc_foot", parent=body, fontSize=14, leading=24,
                               firstLineIndent=0, alignment=TA_LEFT),
    }


def find_case(db: Database, number: str) -> int:
    """The id of the case with this number; NotFound when there is none."""
    number = (number or "").strip()
    with db.read() as session:
        case_id = session.scalar(select(Case.id).where(Case.number == number,
                                                       Case.deleted_at.is_(None)))
    if case_id is None:
        raise NotFound(f"找不到编号为「{number}」的案件")
    return case_id
