"""The pages a 卷宗 writes itself: 封面, 卷内目录, 卷宗情况说明, 卷内备考表 (封底) and the page of
an image attachment, on the GB/T 9704 type area (reports/page.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, Spacer, Table, TableStyle

from caseapp.queries.case_detail import CaseDetail
from caseapp.reports.base import GRID, cn_date, esc
from caseapp.reports.case_common import NBSP, ordered_parties
from caseapp.reports.dossier_plan import BACK_TITLE, NOT_PRINTED, NOTE_TITLE, Part
from caseapp.reports.page import DOC_WIDTH, LEADING, TYPE_HEIGHT, DocStyles, blank, form_table

COVER_TITLE = "人民调解卷宗"
INDEX_TITLE = "卷内目录"


@dataclass(frozen=True)
class Cover:
    """What the cover and the 备考表 name."""

    committee: str
    name: str  # 卷名
    number: str  # 卷号 = the case number
    mediators: str
    dates: str  # 调解日期
    filer: str  # 立卷人
    filed_on: date  # 立卷日期
    retention: str  # 保管期限


def volume_name(c: CaseDetail) -> str:
    """卷名: 甲与乙 + the dispute type, e.g. 高明花与林花平邻里纠纷."""
    sides: dict[str, list[str]] = {}
    for p in ordered_parties(c.parties):
        sides.setdefault("申请人" if p.role == "申请人" else "其他", []).append(p.name)
    first = "、".join(sides.get("申请人", [])[:3])
    others = "、".join(sides.get("其他", [])[:3])
    who = f"{first}与{others}" if first and others else (first or others)
    category = c.category if c.category.endswith("纠纷") else f"{c.category}纠纷"
    return f"{who}{category}"


def mediation_dates(c: CaseDetail) -> str:
    first = c.sessions[0].held_on if c.sessions else c.accepted_on
    last = c.closed_on or (c.sessions[-1].held_on if c.sessions else None)
    if first and last and first != last:
        return f"{cn_date(first)}至{cn_date(last)}"
    return cn_date(first or last)


def _style(ds: DocStyles, name: str, size: float, leading: float, **kw) -> ParagraphStyle:
    return ParagraphStyle(f"dossier_{name}", parent=ds.flush, fontSize=size, leading=leading, **kw)


def cover_story(ds: DocStyles, cover: Cover) -> list:
    """封面: the committee, 人民调解卷宗, then 卷名 … 保管期限 on ruled lines."""
    big = ParagraphStyle("dossier_cover", parent=ds.title, fontSize=36, leading=52)
    org = ParagraphStyle("dossier_org", parent=ds.org, fontSize=20, leading=32)
    rows = [("卷　　名", cover.name), ("卷　　号", cover.number),
            ("调 解 员", cover.mediators or blank(8)), ("调解日期", cover.dates or blank(8)),
            ("立 卷 人", cover.filer or blank(8)), ("立卷日期", cn_date(cover.filed_on)),
            ("保管期限", cover.retention)]
    cell = _style(ds, "cover_cell", 16, 24)
    label = _style(ds, "cover_label", 16, 24, fontName=ds.label.fontName)
    data = [[Paragraph(esc(a) + "：", label), Paragraph(esc(b), cell)] for a, b in rows]
    table = Table(data, colWidths=[32 * mm, DOC_WIDTH - 52 * mm], hAlign="CENTER")
    table.setStyle(TableStyle([
        ("LINEBELOW", (1, 0), (1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [Paragraph(esc(cover.committee), org), Spacer(1, 30 * mm),
            Paragraph(COVER_TITLE, big), Spacer(1, 35 * mm), table]


def page_span(first: int, count: int) -> str:
    return str(first) if count <= 1 else f"{first}-{first + count - 1}"


def index_story(ds: DocStyles, number: str,
                rows: list[tuple[Part, int | None, int]]) -> list:
    """卷内目录: 序号, 文件材料名称, 日期, 页号, 备注 — ``rows`` as (part, first page or None
    for a file not printed, pages)."""
    head = ["序号", "文件材料名称", "日期", "页号", "备注"]
    center = ds.cell_center
    data: list[list] = [head]
    for n, (part, first, count) in enumerate(rows, 1):
        data.append([Paragraph(str(n), center), Paragraph(esc(part.title), ds.cell),
                     Paragraph(esc(cn_date(part.on)), center),
                     Paragraph(page_span(first, count) if first else "", center),
                     Paragraph(esc("" if part.printed else NOT_PRINTED), ds.cell)])
    widths = [13 * mm, DOC_WIDTH - 85 * mm, 34 * mm, 16 * mm, 22 * mm]
    table = form_table(data, widths, ds, labels=tuple((col, 0) for col in range(len(head))))
    table.repeatRows = 1
    return [Paragraph(INDEX_TITLE, ds.title),
            Paragraph(f"卷号：{esc(number)}", ds.number), table]


def note_story(ds: DocStyles, c: CaseDetail, committee: str, cover: Cover, *, items: int,
               pages: int, attachments: dict[str, int], not_printed: list[str],
               missing: list[str]) -> list:
    """卷宗情况说明: what the file holds, its page count, the files not printed and the gaps."""
    n_sessions = len(c.sessions)
    held = f"经{n_sessions}次调解，" if n_sessions else ""
    story: list = [Paragraph(NOTE_TITLE, ds.title)]
    story.append(Paragraph(esc(
        f"本卷为{cover.name}的人民调解卷宗，卷号{c.number}。{committee}于{cn_date(c.accepted_on)}"
        f"受理该纠纷，{held}于{cn_date(c.closed_on)}以“{c.outcome or ''}”办结。"), ds.body))
    kinds = "、".join(f"{k}{n}件" for k, n in attachments.items() if n)
    story.append(Paragraph(esc(
        f"本卷收录文件材料{items}件，共{pages}页（封面、卷内目录不编页号）"
        + (f"；随卷附件有{kinds}" if kinds else "") + "。"), ds.body))
    if not_printed:
        story.append(Paragraph(esc(
            f"以下{len(not_printed)}件为电子文件，未随卷打印，存于本案电子档案："
            + "、".join(not_printed) + "。"), ds.body))
    if missing:
        story.append(Paragraph(esc("本卷缺少以下必备材料：" + "；".join(missing)
                                   + "。应补齐后重新立卷。"), ds.body))
    else:
        story.append(Paragraph("本卷必备材料齐全。", ds.body))
    story += [Spacer(1, LEADING),
              Paragraph(f"立卷人：{esc(cover.filer or blank(5))}", ds.sign),
              Paragraph(f"日期：{cn_date(cover.filed_on)}", ds.sign)]
    return story


def back_story(ds: DocStyles, cover: Cover, *, items: int, pages: int, attached: int,
               notes: str) -> list:
    """卷内备考表 (封底): 本卷共N件N页 (of which the attachments' pages), notes, 立卷人,
    检查人, 立卷时间."""
    text = (f"本卷共有文件材料{items}件，共{pages}页，其中文书{pages - attached}页，"
            f"附件材料{attached}页。" + (notes and f"\n{notes}"))
    rows = [["本卷情况说明", Paragraph(esc(text), ds.cell)],
            ["立卷人", f"{cover.filer}{NBSP * 4}（签名）{blank(6)}"],
            ["检查人", f"{blank(8)}（签名）"], ["立卷时间", cn_date(cover.filed_on)]]
    table = form_table(rows, [36 * mm, DOC_WIDTH - 36 * mm], ds,
                       labels=tuple((0, r) for r in range(len(rows))),
                       min_heights={0: 120 * mm, 1: 14 * mm, 2: 14 * mm, 3: 14 * mm})
    return [Paragraph(BACK_TITLE, ds.title),
            Paragraph(f"卷号：{esc(cover.number)}", ds.number), table]


def image_story(ds: DocStyles, part: Part, path: Path) -> list:
    """An image attachment on a page of its own, scaled into the type area under its caption."""
    caption = ParagraphStyle("dossier_caption", parent=ds.note, alignment=TA_CENTER)
    img = Image(str(path))
    # The frame's padding (6 pt a side) and the caption come off the type area.
    room_w, room_h = DOC_WIDTH - 12, TYPE_HEIGHT - 12 - 16 * mm
    scale = min(room_w / img.imageWidth, room_h / img.imageHeight)
    img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
    return [Paragraph(esc(part.title), caption), Spacer(1, 3 * mm), img]


__all__ = ["COVER_TITLE", "Cover", "INDEX_TITLE", "back_story", "cover_story", "image_story",
           "index_story", "mediation_dates", "note_story", "page_span", "volume_name"]
