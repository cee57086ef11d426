"""What the case documents share: the case by number, the data and styles of a case, the
term and party helpers, the operator's name and writing a document on the GB/T 9704 page.

The data comes from ``queries.case_detail`` and the office settings; fonts, styles and the
atomic ``build`` come from ``base``; the page, its styles and the seal block from ``page``.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate
from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.errors import NotFound, WorkflowError
from caseapp.queries.case_detail import CaseDetail, PartyInfo, case_detail
from caseapp.reports.base import DOC_MARGINS, Styles, build, cn_date, esc, make_styles
from caseapp.reports.page import DocFrame, blank
from caseapp.reports.wording import Wording
from caseapp.storage.db import Database
from caseapp.storage.doc_templates import load_templates
from caseapp.storage.models import Case
from caseapp.storage.settings import DEFAULT_COMMITTEE_NAME, OfficeSettings
from caseapp.validation import masked_copy

ROLE_ORDER = {"申请人": 0, "被申请人": 1, "第三人": 2, "信访人": 0, "代理人": 1, "被反映人": 2}
LINE = "_" * 16  # a line to sign on
NBSP = "\u00a0"  # a space a Paragraph keeps (it collapses ordinary and ideographic spaces)
LOCAL_DISPLAY = "本机用户"  # the display name of the machine's user while no accounts exist


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


def prepare(db: Database, case_id: int, mask: bool = False) -> tuple[CaseDetail, Styles, OfficeSettings]:
    """The case, its styles and the settings; ``mask``: the case as a masked printout shows it
    (validation.masked_copy: ID numbers and phones masked, no birth date, free text masked)."""
    settings = db.settings()
    detail = case_detail(db, case_id)
    return masked_copy(detail) if mask else detail, make_styles(settings.font_path), settings


def wording(db: Database) -> Wording:
    """The documents' texts as the office set them (设置 → 文书模板), else the shipped ones."""
    with db.read() as session:
        return Wording(load_templates(session))


def section(title: str, styles: Styles) -> list:
    """A heading that never stays alone at the foot of a page."""
    return [CondPageBreak(35 * mm), Paragraph(esc(title), styles.heading)]


def font_warning(styles: Styles) -> list:
    return [Paragraph(esc(styles.fonts.warning), styles.warning)] if styles.fonts.warning else []


def find_case(db: Database, number: str) -> int:
    """The id of the case with this number; NotFound when there is none."""
    number = (number or "").strip()
    with db.read() as session:
        case_id = session.scalar(select(Case.id).where(Case.number == number,
                                                       Case.deleted_at.is_(None)))
    if case_id is None:
        raise NotFound(f"找不到编号为「{number}」的案件")
    return case_id


def party_line(p: PartyInfo, *, details: bool = True) -> str:
    """A party as a document introduces them: 申请人：姓名，性别，民族，出生日期，职业或工作单位，
    住址，联系电话 — a person's missing 民族 or 职业 left as a blank to fill in by hand."""
    if p.is_org:
        bits = [p.name]
        if p.legal_rep:
            bits.append(f"法定代表人：{p.legal_rep}")
        if p.address:
            bits.append(f"地址：{p.address}")
    else:
        bits = [p.name, p.gender or f"性别{blank(2)}", p.ethnicity or f"{blank(2)}族"]
        if p.birth_date:
            bits.append(f"{cn_date(p.birth_date)}出生")
        if details and p.id_number:
            bits.append(f"身份证号：{p.id_number}")
        bits.append(f"职业或工作单位：{p.occupation or blank(6)}")
        if p.address:
            bits.append(f"住址：{p.address}")
    if details and p.phone:
        bits.append(f"联系电话：{p.phone}")
    return f"{p.role}：" + "，".join(bits) + "。"


def operator(name: str, c: CaseDetail, settings: OfficeSettings) -> str:
    """Who did it, as a case sheet names them: the user's display name; the machine's user
    (no accounts) as the case's handler, else the office's contact person."""
    if name and name != LOCAL_DISPLAY:
        return name
    return c.handler or settings.contact_person or name


def sentence(text: str) -> str:
    """``text`` ending with one full stop (a term, a result) — "" stays ""."""
    text = (text or "").strip().rstrip("；;，,、")
    if not text:
        return ""
    return text if text.endswith(("。", "！", "？", "”")) else text + "。"


def write_document(path: str | os.PathLike, story: list, styles: Styles, title: str,
                   author: str) -> Path:
    """The story on the GB/T 9704 page (margins, page numbers), written atomically."""
    return build(path, story, DocFrame(styles), title=title, author=author, margins=DOC_MARGINS)


def page_count(story: list, styles: Styles) -> int:
    """How many pages ``story`` takes on the document page (built in memory, then dropped:
    ReportLab splits a story's flowables as it lays them out, so make a fresh one to write)."""
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, **DOC_MARGINS,
                            initialFontName=styles.fonts.body)
    frame = DocFrame(styles)
    doc.build(story, onFirstPage=frame, onLaterPages=frame)
    return doc.page



def committee(settings: OfficeSettings) -> str:
    """The committee's full name; a blank before 人民调解委员会 while it is not set."""
    name = settings.committee_name.strip()
    if name in ("", DEFAULT_COMMITTEE_NAME):
        return f"{blank(6)}{DEFAULT_COMMITTEE_NAME}"
    return name


def require_dispute(c: CaseDetail, title: str) -> None:
    if c.kind != wf.Kind.DISPUTE.value:
        raise WorkflowError(f"{c.number} 是信访件，没有{title}")


def sign_lines(c: CaseDetail, styles: ParagraphStyle, *, mediator: bool = True,
               recorder: bool = True) -> list[Paragraph]:
    """A line to sign for each party (by role), the mediator and the recorder."""
    lines = [Paragraph(f"{esc(p.role)}（签名或按指印）：{LINE}", styles) for p in ordered_parties(c.parties)]
    if mediator:
        lines.append(Paragraph(f"人民调解员（签名）：{LINE}", styles))
    if recorder:
        lines.append(Paragraph(f"记录人（签名）：{LINE}", styles))
    return lines
