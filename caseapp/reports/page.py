"""The GB/T 9704-2012 page every case document stands on (docs/documents.md "The page").

A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 × 225 mm type area);
body 3号仿宋 (15.75 pt: 28 characters fill a line) on a 22-line grid; titles 2号小标宋;
the page number "— 1 —" in 4号 half-width Arabic numerals 7 mm under the type area, one
character in from the outer edge (odd pages right, even pages left); the issuing body and the
date right-aligned, the date four characters in, with room for the seal pressed over both.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from caseapp.reports.base import DOC_MARGINS, GRID, PAGE_W, Styles, esc

BODY_SIZE = 15.75  # 3号
TITLE_SIZE = 22  # 2号
PAGE_NUMBER_SIZE = 14  # 4号
FORM_SIZE = 12  # 小四, the cells of a form
TYPE_HEIGHT = 225 * mm
LEADING = TYPE_HEIGHT / 22  # 22 lines a page
DOC_WIDTH = PAGE_W - DOC_MARGINS["leftMargin"] - DOC_MARGINS["rightMargin"]
SEAL = 42 * mm  # an organ's round seal


# The number of a document's first page: 1, or where it starts in a 卷宗 that numbers its pages
# continuously (reports/dossier.py sets it around each part it renders).
FIRST_PAGE: ContextVar[int] = ContextVar("FIRST_PAGE", default=1)


def page_number_text(n: int) -> str:
    return f"— {n} —"


class DocFrame:
    """Draws the page number of a GB/T 9704 document (no running header)."""

    def __init__(self, styles: Styles):
        self.styles = styles

    def __call__(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(self.styles.fonts.body, PAGE_NUMBER_SIZE)
        canvas.setFillColor(colors.black)
        page_w, _page_h = doc.pagesize
        y = doc.bottomMargin - 7 * mm - PAGE_NUMBER_SIZE * 0.85  # its top 7 mm under the text
        n = doc.page + FIRST_PAGE.get() - 1
        text = page_number_text(n)
        if n % 2:
            canvas.drawRightString(page_w - doc.rightMargin - PAGE_NUMBER_SIZE, y, text)
        else:
            canvas.drawString(doc.leftMargin + PAGE_NUMBER_SIZE, y, text)
        canvas.restoreState()


class BoldParagraph(Paragraph):
    """A paragraph drawn filled and stroked: bold from a face that has no bold of its own."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.style.fontSize * 0.04)
        canvas.setStrokeColor(self.style.textColor)
        canvas._code.append("2 Tr")  # text render mode fill + stroke, outside the text object
        super().draw()
        canvas.restoreState()


@dataclass(frozen=True)
class DocStyles:
    """The styles of the formal documents, from the registered faces."""

    fake_bold: bool
    title: ParagraphStyle
    org: ParagraphStyle  # the committee's name above a title
    number: ParagraphStyle  # 编号, right-aligned
    body: ParagraphStyle  # 3号, first line two characters in
    flush: ParagraphStyle  # 3号, no indent (主送, signature lines)
    center: ParagraphStyle
    label: ParagraphStyle  # 3号黑体
    sign: ParagraphStyle  # a signature line, airy
    foot: ParagraphStyle  # 4号, the receipt under a notice
    cell: ParagraphStyle  # a form's cells
    cell_center: ParagraphStyle
    cell_label: ParagraphStyle
    note: ParagraphStyle  # small print under a form

    def bold(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """``text`` (markup) in the label face, stroked when that face is the body face."""
        style = style or self.label
        if style.fontName != self.label.fontName:
            style = ParagraphStyle(f"{style.name}_bold", parent=style, fontName=self.label.fontName)
        return (BoldParagraph if self.fake_bold else Paragraph)(text, style)


def doc_styles(styles: Styles, leading_scale: float = 1.0) -> DocStyles:
    """The document styles; ``leading_scale`` below 1 tightens the body's line spacing, which
    GB/T 9704-2012 §7.3.5 allows when the seal and date would otherwise sit alone on a page."""
    f, b, t = styles.fonts.body, styles.fonts.bold, styles.fonts.title_font
    body_leading = LEADING * leading_scale

    def st(name, font=f, size=BODY_SIZE, leading=body_leading, align=TA_JUSTIFY, indent=0.0,
           **kw):
        return ParagraphStyle(f"gb_{name}", fontName=font, fontSize=size, leading=leading,
                              alignment=align, firstLineIndent=indent, wordWrap="CJK", **kw)

    return DocStyles(
        fake_bold=styles.fonts.fake_bold,
        title=st("title", t, TITLE_SIZE, TITLE_SIZE * 1.45, TA_CENTER, spaceAfter=LEADING * 0.5),
        org=st("org", t, 18, 30, TA_CENTER),
        number=st("number", f, 14, 24, TA_RIGHT),
        body=st("body", indent=2 * BODY_SIZE),
        flush=st("flush", align=TA_LEFT),
        center=st("center", align=TA_CENTER),
        label=st("label", b, align=TA_LEFT),
        sign=st("sign", align=TA_LEFT, leading=body_leading * 1.4),
        foot=st("foot", f, 14, 24, TA_LEFT),
        cell=st("cell", f, FORM_SIZE, FORM_SIZE * 1.45, TA_LEFT),
        cell_center=st("cell_center", f, FORM_SIZE, FORM_SIZE * 1.45, TA_CENTER),
        cell_label=st("cell_label", b, FORM_SIZE, FORM_SIZE * 1.45, TA_CENTER),
        note=st("note", f, 10.5, 16, TA_LEFT),
    )


def blank(chars: int = 8) -> str:
    """An underlined blank the office fills in by hand, ``chars`` characters wide."""
    return "_" * (chars * 2)


def date_blank() -> str:
    return f"{'_' * 8}年{'_' * 4}月{'_' * 4}日"


class SealBlock(Flowable):
    """署名 and 成文日期 at the right, the date four characters in and the name centred over it
    (two characters in at most), with the seal's room around them: the seal is pressed over
    both, name and date a little below its centre (GB/T 9704 7.3.5.1)."""

    def __init__(self, lines: list[str], style: ParagraphStyle, width: float = DOC_WIDTH):
        super().__init__()
        self.style, self.width = style, width
        self.size = style.fontSize
        most = (width - 4 * self.size) if width else 10**6
        self.lines = [part for x in lines if x for part in self._wrapped(x, most)]
        self.step = self.size * 1.9
        self.height = SEAL * 0.5 + self.step * len(self.lines) + self.size * 0.5

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def _wrapped(self, text: str, most: float) -> list[str]:
        """A name too long for one line, broken (centred lines, GB/T 9704 回行)."""
        out, line = [], ""
        for ch in text:
            if line and stringWidth(line + ch, self.style.fontName, self.size) > most:
                out.append(line)
                line = ""
            line += ch
        return out + [line]

    def _widths(self) -> list[float]:
        return [stringWidth(x, self.style.fontName, self.size) for x in self.lines]

    def draw(self) -> None:
        c = self.canv
        widths = self._widths()
        date_w = widths[-1]
        centre = self.width - 4 * self.size - date_w / 2  # the date four characters in
        widest = max(widths)
        centre = min(centre, self.width - 2 * self.size - widest / 2)  # a long name: 右空二字
        centre = max(centre, widest / 2)
        c.setFont(self.style.fontName, self.size)
        c.setFillColor(colors.black)
        y = self.height - SEAL * 0.5  # the seal's centre; the lines start just under it
        for text in self.lines:
            y -= self.step
            c.drawCentredString(centre, y + self.size * 0.9, text)


class SealCell(SealBlock):
    """The seal's cell at the foot of a form: the committee and the date at the cell's right,
    room above them for the seal."""

    def __init__(self, lines: list[str], style: ParagraphStyle):
        super().__init__(lines, style, width=0)
        self.step = self.size * 1.6
        self.height = 9 * mm + self.step * len(self.lines)

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        widths = self._widths()
        centre = self.width - 2 * self.size - max(widths) / 2
        c.setFont(self.style.fontName, self.size)
        y = self.height - 9 * mm
        for text in self.lines:
            y -= self.step
            c.drawCentredString(centre, y + self.size * 0.6, text)


def form_table(rows: list[list], widths: list[float], ds: DocStyles,
               spans: tuple[tuple[int, int, int, int], ...] = (),
               labels: tuple[tuple[int, int], ...] = (), min_heights: dict[int, float] | None = None
               ) -> Table:
    """A ruled form: strings become cells (``labels`` — (col, row) — in the label face),
    Paragraphs stay; ``spans`` as (col0, row0, col1, row1); ``min_heights`` by row."""
    label_set = set(labels)
    data = []
    for r, row in enumerate(rows):
        cells = []
        for col, value in enumerate(row):
            if isinstance(value, Flowable):
                cells.append(value)
            elif (col, r) in label_set:
                cells.append(ds.bold(esc(value), ds.cell_label))
            else:
                cells.append(Paragraph(esc(value), ds.cell))
        data.append(cells)
    for r, least in (min_heights or {}).items():
        # A row at least ``least`` high (room to write by hand): its widest cell padded below.
        span = next((sp for sp in spans if sp[1] == r and sp[0] == 1), None)
        col = 1 if len(data[r]) > 1 else 0
        width = sum(widths[col:span[2] + 1]) if span else widths[col]
        cell = data[r][col]
        _w, h = cell.wrap(width - 10, 10**6)
        if h + 8 < least:
            data[r][col] = [cell, Spacer(1, least - h - 8)]
    t = Table(data, colWidths=widths, splitInRow=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), ds.cell.fontName),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ] + [("SPAN", (a, b), (c, d)) for a, b, c, d in spans]))
    return t


def title_block(ds: DocStyles, title: str, number: str = "", org: str = "") -> list:
    """The committee's name (when given), the title and the 编号 line."""
    out: list = []
    if org:
        out.append(Paragraph(esc(org), ds.org))
    out.append(Paragraph(esc(title), ds.title))
    if number:
        out.append(Paragraph(f"编号：{esc(number)}", ds.number))
    return out


__all__ = ["DOC_WIDTH", "FIRST_PAGE", "LEADING", "BoldParagraph", "DocFrame", "DocStyles", "SealBlock", "SealCell",
           "blank",
           "date_blank", "doc_styles", "form_table", "page_number_text", "title_block"]
