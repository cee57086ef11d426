"""Shared styles and the page frame of every printout (GB/T 9704 where it fits): A4, the
office name at the top, "— N —" page numbers at the foot, when it was made."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from caseapp.reports.fonts import FontSet, chinese_fonts

PAGE_W, PAGE_H = A4
# GB/T 9704: top 37 mm, left 28 mm, type area 156 × 225 mm. Tables get a little more room.
DOC_MARGINS = dict(topMargin=37 * mm, bottomMargin=35 * mm, leftMargin=28 * mm, rightMargin=26 * mm)
TABLE_MARGINS = dict(topMargin=24 * mm, bottomMargin=22 * mm, leftMargin=18 * mm, rightMargin=18 * mm)

GRID = colors.HexColor("#7a7a7a")
HEAD_BG = colors.HexColor("#eef1f5")
RED = colors.HexColor("#b42318")


def _kinsoku() -> None:
    """ReportLab's CJK line breaking lets full-width ，：；？！ and closing quotes start a line;
    Chinese typesetting never does. Add them to the characters that cannot start a line
    (both splitters read the name at call time: ``textsplit.wordSplit`` for one-style
    paragraphs, ``paragraph.cjkFragSplit`` for mixed ones)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "，：；？！…％》」』】〕”’"
    for module in (textsplit, paragraph):
        missing = "".join(ch for ch in extra if ch not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing


_kinsoku()

_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 30 → 三十, 105 → 一百零五 (for 1 ≤ n ≤ 9999)."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            out += ("" if (unit == "十" and digit == 1 and not out) else _DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    return out


@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle  # documents: 16 pt
    text: ParagraphStyle  # reports: 10.5 pt
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    small: ParagraphStyle
    warning: ParagraphStyle


def make_styles(font_path: str = "") -> Styles:
    fonts = chinese_fonts(font_path)
    f, b = fonts.body, fonts.bold

    def st(name, font=f, size=10.5, leading=None, align=TA_LEFT, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.5,
                              alignment=align, wordWrap="CJK", **kw)

    return Styles(
        fonts=fonts,
        title=st("title", fonts.title_font, 22, 32, TA_CENTER, spaceAfter=6),
        subtitle=st("subtitle", f, 12, 18, TA_CENTER, spaceAfter=10, textColor=colors.HexColor("#333333")),
        heading=st("heading", b, 13, 20, spaceBefore=10, spaceAfter=5),
        body=st("body", f, 16, 28, TA_JUSTIFY, firstLineIndent=32),
        text=st("text", f, 10.5, 17, TA_JUSTIFY),
        cell=st("cell", f, 9.5, 13),
        cell_center=st("cell_center", f, 9.5, 13, TA_CENTER),
        cell_right=st("cell_right", f, 9.5, 13, TA_RIGHT),
        head=st("head", b, 9.5, 13, TA_CENTER),
        small=st("small", f, 8.5, 12.5, textColor=colors.HexColor("#444444")),
        warning=st("warning", b, 10, 14, textColor=RED, spaceAfter=6),
    )


def compact(styles: Styles, size: float = 8.5) -> Styles:
    """``styles`` with smaller table cells, for a wide table of many columns."""
    def smaller(style: ParagraphStyle) -> ParagraphStyle:
        return ParagraphStyle(f"{style.name}_{size}", parent=style, fontSize=size,
                              leading=size * 1.4)

    return replace(styles, cell=smaller(styles.cell), cell_center=smaller(styles.cell_center),
                   cell_right=smaller(styles.cell_right), head=smaller(styles.head))


def esc(value: object) -> str:
    """Text for a Paragraph: markup characters escaped, None as empty."""
    if value is None:
        return ""
    return (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>"))


def cn_date(d: date | None) -> str:
    """2026年3月5日, as documents write dates."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def iso(d: date | None) -> str:
    return d.isoformat() if d else ""


CELL_PADDING = 3  # points above and below a table cell's text
SIDE_PADDING = 4  # and either side of it


def table(rows: Sequence[Sequence[object]], widths: Sequence[float], styles: Styles,
          header_rows: int = 1, align: Sequence[str] | None = None,
          extra: Sequence[tuple] = (), grid: bool = True, plain: bool = False) -> Table:
    """A grid table whose cells wrap Chinese text and whose header repeats on every page.
    ``align`` per column: "l", "c" or "r" (numbers right-aligned). ``plain``: a body cell
    whose text fits its column on one line is drawn as a plain string in the cell style's
    font, size, leading and alignment (it looks the same, and a table of thousands of rows
    lays out several times faster); longer text still wraps as a Paragraph."""
    align = align or ["l"] * len(widths)
    by_align = {"l": styles.cell, "c": styles.cell_center, "r": styles.cell_right}
    cell = styles.cell
    data = []
    for i, row in enumerate(rows):
        cells = []
        for j, value in enumerate(row):
            if isinstance(value, (Paragraph, Table)):
                cells.append(value)
            elif i < header_rows:
                cells.append(Paragraph(esc(value), styles.head))
            elif plain and _fits(value, widths[j] - 8, cell):
                cells.append(str(value or ""))
            else:
                cells.append(Paragraph(esc(value), by_align[align[j]]))
        data.append(cells)
    # A row of plain strings alone is one line high: its height is known, which spares
    # ReportLab measuring every remaining row at each page break (a 2,900-row overdue list:
    # most of its layout time). The same height ReportLab would measure: leading + paddings.
    line = cell.leading + 2 * CELL_PADDING
    heights = [line if i >= header_rows and all(isinstance(c, str) for c in row) else None
               for i, row in enumerate(data)]
    for i in range(min(header_rows, len(data))):  # the header, repeated on every page
        if all(isinstance(c, Paragraph) for c in data[i]):
            heights[i] = 2 * CELL_PADDING + max(
                c.wrap(w - 2 * SIDE_PADDING, 1e6)[1] for c, w in zip(data[i], widths, strict=True))
    t = Table(data, colWidths=list(widths), repeatRows=header_rows,
              rowHeights=heights if plain else None)
    commands = [
        # Tables set a font per cell even for Paragraph cells; not Helvetica, which is never
        # embedded. The leading is the cell style's, for the plain cells.
        ("FONT", (0, 0), (-1, -1), styles.fonts.body, cell.fontSize, cell.leading),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), SIDE_PADDING),
    ]
    if plain:
        names = {"l": "LEFT", "c": "CENTER", "r": "RIGHT"}
        commands += [("ALIGN", (j, header_rows), (j, -1), names[a]) for j, a in enumerate(align)]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, GRID))
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG))
    t.setStyle(TableStyle(commands + list(extra)))
    return t


def sign_off(styles: Styles, office: str, made_by: str, checked_by: str,
             on: date) -> KeepTogether:
    """The sign-off block of an official statistical report: 填报单位（盖章） and 报出日期, then
    单位负责人 (left blank to sign), 审核人 and 填表人 (the names given, else a line to sign)."""
    blank = "____________"
    cells = [[f"填报单位（盖章）：{office}", "", f"报出日期：{cn_date(on)}"],
             [f"单位负责人：{blank}", f"审核人：{checked_by or blank}", f"填表人：{made_by or blank}"]]
    t = table(cells, [64 * mm, 55 * mm, 55 * mm], styles, header_rows=0, grid=False,
              extra=[("SPAN", (0, 0), (1, 0)), ("TOPPADDING", (0, 0), (-1, -1), 10)])
    return KeepTogether([Spacer(1, 8 * mm), t])


def _fits(value: object, width: float, style: ParagraphStyle) -> bool:
    text = "" if value is None else str(value)
    if "\n" in text:
        return False
    return stringWidth(text, style.fontName, style.fontSize) <= width


class Frame:
    """Draws the running header and the footer on every page."""

    def __init__(self, styles: Styles, office: str, title: str, made: datetime | None = None,
                 header: bool = True):
        self.styles, self.office, self.title = styles, office, title
        self.made = made or datetime.now()
        self.header = header

    def __call__(self, canvas, doc) -> None:
        canvas.saveState()
        font = self.styles.fonts.body
        page_w, page_h = doc.pagesize  # portrait A4, or landscape (the case list)
        if self.header:
            canvas.setFont(font, 8.5)
            canvas.setFillColor(colors.HexColor("#555555"))
            top = page_h - doc.topMargin + 10 * mm
            canvas.drawString(doc.leftMargin, top, self.office)
            canvas.drawRightString(page_w - doc.rightMargin, top, self.title)
            canvas.setStrokeColor(colors.HexColor("#999999"))
            canvas.setLineWidth(0.4)
            canvas.line(doc.leftMargin, top - 2.5 * mm, page_w - doc.rightMargin, top - 2.5 * mm)
        canvas.setFont(font, 11)
        canvas.setFillColor(colors.black)
        canvas.drawCentredString(page_w / 2, doc.bottomMargin - 14 * mm, f"— {doc.page} —")
        if self.header:
            canvas.setFont(font, 7.5)
            canvas.setFillColor(colors.HexColor("#777777"))
            canvas.drawRightString(page_w - doc.rightMargin, doc.bottomMargin - 14 * mm,
                                   f"制表时间：{self.made:%Y-%m-%d %H:%M}")
        canvas.restoreState()


class PageFrame(Protocol):
    """What ``build`` draws on every page: ``Frame`` (reports) or ``page.DocFrame`` (documents)."""

    styles: Styles

    def __call__(self, canvas: Any, doc: Any) -> None: ...


def build(path: str | os.PathLike, story: list, frame: PageFrame, *, title: str, author: str,
          margins: dict | None = None, pagesize: tuple[float, float] = A4) -> Path:
    """Write the PDF to a temporary file beside ``path`` and rename it: a failure never leaves
    half a document under the real name."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        doc = SimpleDocTemplate(tmp, pagesize=pagesize, title=title, author=author,
                                creator="CaseDesk", **(margins or TABLE_MARGINS),
                                # else the canvas starts in Helvetica, a font no PDF embeds
                                initialFontName=frame.styles.fonts.body)
        doc.build(story, onFirstPage=frame, onLaterPages=frame)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
