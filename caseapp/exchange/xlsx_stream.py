"""A streaming .xlsx writer for the case export: one sheet of plain values, written row by row.

openpyxl's write-only mode builds an element per cell (about 4,000 rows a second here); the
export needs only text, numbers and dates, so the sheet's XML is written as text straight into
the zip (issue #19: ≥ 20,000 rows a second). Strings are inline strings, never formulas;
dates are serial numbers in a yyyy-mm-dd cell style, which openpyxl and Excel read back as dates.
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
    f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
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


def _text(value: str) -> str:
    if _SPECIAL.search(value) is None:  # most cells: nothing to escape
        return value
    return escape(_ILLEGAL.sub("", value))


class SheetWriter:
    """Write ``rows`` rows of ``widths``' columns to ``path``: ``row(values)`` per row, then
    ``close()``; on an error, ``abort()`` closes every handle (the caller removes the file)."""

    def __init__(self, path: Path, sheet: str, widths: Sequence[float], rows: int):
        self.letters = [get_column_letter(i) for i in range(1, len(widths) + 1)]
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
        self.rownum += 1
        n = self.rownum
        cells = []
        for letter, x in zip(self.letters, values, strict=False):
            if x is None or x == "":
                continue
            if isinstance(x, str):
                cells.append(f'<c r="{letter}{n}" t="inlineStr"><is><t xml:space="preserve">'
                             f'{_text(x)}</t></is></c>')
            elif isinstance(x, bool):
                cells.append(f'<c r="{letter}{n}" t="b"><v>{int(x)}</v></c>')
            elif isinstance(x, datetime):
                delta = x - datetime(1899, 12, 30)
                serial = delta.days + delta.seconds / 86400
                cells.append(f'<c r="{letter}{n}" s="1"><v>{serial}</v></c>')
            elif isinstance(x, date):
                cells.append(f'<c r="{letter}{n}" s="1"><v>{(x - EPOCH).days}</v></c>')
            elif isinstance(x, Decimal):
                cells.append(f'<c r="{letter}{n}"><v>{x:f}</v></c>')
            elif isinstance(x, (int, float)):
                cells.append(f'<c r="{letter}{n}"><v>{x}</v></c>')
            else:
                cells.append(f'<c r="{letter}{n}" t="inlineStr"><is><t xml:space="preserve">'
                             f'{_text(str(x))}</t></is></c>')
        self._write(f'<row r="{n}">{"".join(cells)}</row>')

    def close(self) -> None:
        self._write("</sheetData></worksheet>")
        assert self.out is not None
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
