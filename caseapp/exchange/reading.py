"""Reading an exchange file (.xlsx or .csv) into rows of {alias: value}; a file that cannot
be read, or lacks a required column, is refused with ImportRefused."""

from __future__ import annotations

import codecs
import csv
import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path

from caseapp.errors import Problem, ValidationError
from caseapp.exchange.columns import EXPORT_ONLY_HEADERS, LABELS, LOOKUP, REQUIRED, hard_limit
from caseapp.validation import is_formula_text

MAX_FILE_BYTES = 200 * 1024 * 1024  # a larger file is refused before reading
# The csv module's own limit (131072 characters) raised to a bound above every column's
# hard_limit, so that an over-long cell is reported by row and column instead of csv.Error.
CSV_FIELD_LIMIT = 16 * 1024 * 1024

# (spreadsheet row number, cells) of a file, header row included; a generator, so that
# close() releases the file when the reader stops early.
RawRows = Generator[tuple[int, Sequence[object]], None, None]


class TooLong:
    """Stands for a cell longer than its column's hard_limit; the text itself is dropped."""

    __slots__ = ("length", "limit")

    def __init__(self, length: int, limit: int):
        self.length, self.limit = length, limit

    def __str__(self) -> str:
        return f"内容过长（{self.length}字），不能超过{self.limit}字"


class ImportRefused(ValidationError):
    """The file has problems; nothing was imported. ``problems`` lists them by row."""

    def __init__(self, problems: list[Problem], total: int | None = None):
        super().__init__(problems)
        self.total = total if total is not None else len(problems)
        self.message = f"文件中有{self.total}处问题，未导入任何案件：\n" + "\n".join(
            str(p) for p in self.problems)


def _csv_encoding(path: Path) -> tuple[str, int]:
    """UTF-8 (BOM or not) if the whole file decodes as UTF-8, else GB18030; plus a line count."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, lines = True, 0
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            lines += chunk.count(b"\n")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return ("utf-8-sig" if utf8 else "gb18030"), lines


def raw_rows(path: Path) -> tuple[int | None, RawRows]:
    """(estimated data rows, iterator of (spreadsheet row, cells)) including the header row."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRefused([Problem("文件", f"找不到文件：{path}")])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImportRefused([Problem("文件", (
            f"{path.name} 有 {size / 2**20:.1f} MB，超过导入上限 {MAX_FILE_BYTES / 2**20:.0f} MB，"
            "请分成几个文件导入"))])
    if suffix == ".csv":
        encoding, lines = _csv_encoding(path)

        def csv_rows() -> RawRows:
            if csv.field_size_limit() < CSV_FIELD_LIMIT:
                csv.field_size_limit(CSV_FIELD_LIMIT)
            with open(path, encoding=encoding, errors="replace", newline="") as fh:
                reader = csv.reader(fh)
                try:
                    yield from enumerate(reader, start=1)
                except csv.Error as exc:
                    raise ImportRefused([Problem(
                        "文件", f"第{reader.line_num}行附近无法读取（{exc}）")]) from exc

        return max(lines - 1, 0), csv_rows()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # a damaged or mislabelled file
            raise ImportRefused([Problem("文件", f"无法读取 Excel 文件：{exc}")]) from exc
        ws = wb.worksheets[0]
        total = (ws.max_row - 1) if ws.max_row else None

        def xlsx_rows() -> RawRows:
            try:
                yield from enumerate(ws.iter_rows(values_only=True), start=1)
            finally:
                wb.close()

        return total, xlsx_rows()
    hint = "（.xls 请先在 Excel 中另存为 .xlsx）" if suffix == ".xls" else ""
    raise ImportRefused([Problem("文件", f"只能导入 .xlsx 或 .csv 文件{hint}")])


def _cell(value: object) -> object:
    """Text stripped (and the export's formula guard undone); an integral float as int."""
    if isinstance(value, str):
        value = value.strip()
        return value[1:] if value[:1] == "'" and is_formula_text(value[1:]) else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _header(rownum: int, values: list[object], warnings: list[str] | None) -> list[tuple[int, str]]:
    """The recognised columns (index, alias). A header given twice refuses the file; unknown
    headers are ignored and listed in ``warnings``."""
    seen: dict[str, int] = {}
    columns: list[tuple[int, str]] = []
    unknown: list[str] = []
    for i, head in enumerate(values):
        name = str(head if head is not None else "").strip()
        alias = LOOKUP.get(name.lower())
        if alias is None:
            if name and name not in EXPORT_ONLY_HEADERS:
                unknown.append(name[:40])
        elif alias in seen:
            raise ImportRefused([Problem(LABELS[alias], (
                f"列标题重复：第{seen[alias] + 1}列和第{i + 1}列都是「{LABELS[alias]}」，"
                "请删去其中一列"), rownum)])
        else:
            seen[alias] = i
            columns.append((i, alias))
    missing = [LABELS[a] for a in REQUIRED if a not in seen]
    if missing:
        raise ImportRefused([Problem(m, "缺少必填列", rownum) for m in missing])
    if unknown and warnings is not None:
        warnings.append(f"以下列不认识，已忽略：{'、'.join(unknown)}")
    return columns


def _value(values: list[object], i: int, alias: str) -> object:
    value = values[i] if i < len(values) else None
    if isinstance(value, str) and len(value) > (limit := hard_limit(alias)):
        return TooLong(len(value), limit)
    return value


def mapped_rows(rows: Iterable[tuple[int, Sequence[object]]],
                warnings: list[str] | None = None) -> Iterator[tuple[int, dict[str, object]]]:
    """(row, {alias: value}) of the data rows; a cell over its hard_limit becomes TooLong."""
    columns: list[tuple[int, str]] | None = None
    for rownum, cells in rows:
        values = [_cell(c) for c in cells]
        if all(c is None or c == "" for c in values):
            continue
        if columns is None:
            columns = _header(rownum, values, warnings)
            continue
        yield rownum, {alias: _value(values, i, alias) for i, alias in columns}
    if columns is None:
        raise ImportRefused([Problem("文件", "文件是空的，第一行应为列标题")])


def read_rows(path: str | os.PathLike) -> Iterator[tuple[int, dict[str, object]]]:
    """(spreadsheet row number, {alias: raw value}) for every non-blank data row."""
    _total, rows = raw_rows(Path(path))
    try:
        yield from mapped_rows(rows)
    finally:
        rows.close()
