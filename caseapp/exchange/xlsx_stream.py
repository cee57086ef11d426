"""A streaming .xlsx writer for the case export: one sheet of plain values, written row by row.

openpyxl's write-only mode builds an element per cell (about 4,000 rows a second here); the
export needs only text, numbers and dates, so the sheet's XML is written as text straight into
the zip (issue #19 asks for ≥ 20,000 rows a second). Short repeated strings go into a
shared-strings table (each escaped and written once; the table is capped), others inline; text
is never a formula; dates are serial numbers in a yyyy-mm-dd cell style, which openpyxl and
Excel read back as dates.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
EPOCH = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk behind it)
# Characters XML 1.0 cannot hold; they are left out rather than failing the export.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CONTENT_TYPES = HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/></Types>')
ROOT_RELS = HEAD + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
WORKBOOK_RELS = HEAD + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>')
STYLES = HEAD + (
    f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles></styleSheet>')


_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH_DAY = EPOCH.toordinal()
_FLUSH = 256 * 1024  # characters of sheet XML gathered before one compressed write
# Strings up to SHARED_LEN characters are shared (categories, 是/否, names: they repeat); the
# table stops growing at SHARED_MAX entries, so memory stays bounded on a million rows.
SHARED_LEN = 40
SHARED_MAX = 200_000


def _text(value: str) -> str:
    if _SPECIAL.search(value) is None:  # most cells: nothing to escape
        return value
    return escape(_ILLEGAL.sub("", value))


def _inline(value: str) -> str:
    """The ``<t>`` of an inline string; xml:space="preserve" only where spaces or line breaks
    would otherwise be trimmed by the reader (a few bytes less per cell to compress)."""
    if value.isprintable() and value[0] != " " and value[-1] != " ":
        return f"<t>{_text(value)}</t>"
    return f'<t xml:space="preserve">{_text(value)}</t>'


class SheetWriter:
    """Write ``rows`` rows of ``widths``' columns to ``path``: ``row(values)`` per row, then
    ``close()``; on an error, ``abort()`` closes every handle (the caller removes the file)."""

    def __init__(self, path: Path, sheet: str, widths: Sequence[float], rows: int):
        self.letters = [get_column_letter(i) for i in range(1, len(widths) + 1)]
        self.prefixes = [f'<c r="{letter}' for letter in self.letters]
        self.pending: list[str] = []  # rows not yet written, in pieces
        self.shared: dict[str, int] = {}  # shared string -> its index in sharedStrings.xml
        self.refs = 0  # cells that refer to the table
        self.size = 0
        # About _FLUSH characters a write: fewer, larger compress calls.
        self.flush_rows = max(1, _FLUSH // (40 * max(1, len(widths))))
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True,
                                   compresslevel=1)  # the sheet is most of the time; 1 is ample
        self.out: IO[bytes] | None = None
        self.rownum = 0
        try:
            self._start(sheet, widths, rows)
        except BaseException:
            self.abort()
            raise

    def _start(self, sheet: str, widths: Sequence[float], rows: int) -> None:
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.zip.writestr("[Content_Types].xml", CONTENT_TYPES)
        self.zip.writestr("_rels/.rels", ROOT_RELS)
        self.zip.writestr("docProps/core.xml", HEAD + (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
            '</cp:coreProperties>'))
        self.zip.writestr("xl/workbook.xml", HEAD + (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        self.zip.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        self.zip.writestr("xl/styles.xml", STYLES)
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                       for i, w in enumerate(widths, start=1))
        self.out = self.zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        # The sheet states its size, so streaming readers know the row count up front; the
        # header row stays in view (frozen).
        self._write(HEAD + (
            f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<dimension ref="A1:{self.letters[-1]}{rows + 1}"/>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" '
            'activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'))

    def _write(self, text: str) -> None:
        assert self.out is not None
        self.out.write(text.encode("utf-8"))

    def row(self, values: Sequence[object]) -> None:
        self.rows([values])

    def rows(self, batch: Sequence[Sequence[object]]) -> None:
        """Write the rows of ``batch``. The cells are made a column at a time (issue #19,
        item 5): a column of one type is one comprehension, so a cell costs a format, not a
        chain of tests; a column of mixed types goes cell by cell."""
        if not batch:
            return
        width = len(self.prefixes)
        if any(len(r) != width for r in batch):  # short rows end in empty cells
            batch = [(list(r) + [None] * width)[:width] for r in batch]
        first = self.rownum + 1
        self.rownum += len(batch)
        nums = [str(i) for i in range(first, self.rownum + 1)]
        columns = []
        for pre, col in zip(self.prefixes, zip(*batch, strict=True), strict=True):
            kinds = set(map(type, col))
            kinds.discard(type(None))
            if not kinds:
                continue
            if kinds == {str}:
                columns.append(self._strings(pre, nums, col))
            elif kinds == {int}:
                columns.append([f'{pre}{n}"><v>{x}</v></c>' if x is not None else ""
                                for n, x in zip(nums, col, strict=True)])
            elif kinds == {date}:
                columns.append([f'{pre}{n}" s="1"><v>{x.toordinal() - _EPOCH_DAY}</v></c>'
                                if x is not None else "" for n, x in zip(nums, col, strict=True)])
            else:
                columns.append([self._cell(pre + n, x) for n, x in zip(nums, col, strict=True)])
        self.pending.extend(f'<row r="{n}">{"".join(cells)}</row>'
                            for n, cells in zip(nums, zip(*columns, strict=True), strict=True))
        if not columns:
            self.pending.extend(f'<row r="{n}"></row>' for n in nums)
        self.size += len(batch)
        if self.size >= self.flush_rows:
            self._flush()

    def _strings(self, pre: str, nums: list[str], col: Sequence[str | None]) -> list[str]:
        """A text column's cells. A column whose values repeat (类别, 是/否, 街镇) refers to the
        shared table; one of distinct values (编号, 摘要) is written inline, escaped only when
        the batch holds a character that needs it."""
        texts = [x for x in col if x]
        if not texts:
            return [""] * len(col)
        shared = self.shared
        if len(set(texts)) * 2 > len(texts) or len(shared) >= SHARED_MAX:
            if _SPECIAL.search("".join(texts)) is not None:
                col = [_text(x) if x else x for x in col]
            return [f'{pre}{n}" t="inlineStr"><is><t xml:space="preserve">{x}</t></is></c>'
                    if x else "" for n, x in zip(nums, col, strict=True)]
        found: list = list(map(shared.get, col))  # type: ignore[arg-type]
        for k in [k for k, i in enumerate(found) if i is None]:
            x = col[k]
            if not x:
                found[k] = ""
            elif len(x) > SHARED_LEN or len(shared) >= SHARED_MAX:
                found[k] = f'{pre}{nums[k]}" t="inlineStr"><is>{_inline(x)}</is></c>'
                self.refs -= 1
            else:
                found[k] = shared.setdefault(x, len(shared))
        self.refs += len(texts)
        return [f'{pre}{n}" t="s"><v>{i}</v></c>' if type(i) is int else i
                for n, i in zip(nums, found, strict=True)]

    def _cell(self, ref: str, x: object) -> str:
        """One cell of a column of mixed types."""
        if x is None or x == "":
            return ""
        if type(x) is str:
            return self._strings(ref, [""], [x])[0]
        return self._other(ref, x)

    @staticmethod
    def _other(ref: str, x: object) -> str:
        if isinstance(x, bool):
            return f'{ref}" t="b"><v>{int(x)}</v></c>'
        if isinstance(x, datetime):
            delta = x - datetime(1899, 12, 30)
            return f'{ref}" s="1"><v>{delta.days + delta.seconds / 86400}</v></c>'
        if isinstance(x, date):
            return f'{ref}" s="1"><v>{(x - EPOCH).days}</v></c>'
        if isinstance(x, Decimal):
            return f'{ref}"><v>{x:f}</v></c>'
        if isinstance(x, (int, float)):
            return f'{ref}"><v>{x}</v></c>'
        text = str(x)
        if not text:
            return ""
        return f'{ref}" t="inlineStr"><is>{_inline(text)}</is></c>'

    def _flush(self) -> None:
        if self.pending:
            self._write("".join(self.pending))
        self.pending, self.size = [], 0

    def close(self) -> None:
        self._flush()
        self._write("</sheetData></worksheet>")
        assert self.out is not None
        self.out.close()
        self.out = None
        # The table, in index order (a dict keeps insertion order), written in pieces.
        self.out = self.zip.open("xl/sharedStrings.xml", "w", force_zip64=True)
        self._write(HEAD + f'<sst xmlns="{MAIN}" count="{self.refs}" '
                    f'uniqueCount="{len(self.shared)}">')
        piece: list[str] = []
        for text in self.shared:
            piece.append(f"<si>{_inline(text)}</si>")
            if len(piece) >= 10_000:
                self._write("".join(piece))
                piece = []
        self._write("".join(piece) + "</sst>")
        self.out.close()
        self.out = None
        self.zip.close()

    def abort(self) -> None:
        """Close the handles after a failed write (a full disk), quietly: nothing is left for
        the garbage collector to finish and complain about."""
        out, self.out = self.out, None
        with contextlib.suppress(Exception):
            if out is not None:
                out.close()
        fp, self.zip.fp = self.zip.fp, None
        with contextlib.suppress(Exception):
            if fp is not None:
                fp.close()
