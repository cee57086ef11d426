"""Reading an exchange file (.xlsx or .csv) into rows of {alias: value}; a file that cannot
be read, or lacks a required column, is refused with ImportRefused."""

from __future__ import annotations

import codecs
import csv
import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path

from caseapp.errors import Problem, ValidationError
from caseapp.exchange.columns import LABELS, LOOKUP, REQUIRED
from caseapp.validation import is_formula_text

# (spreadsheet row number, cells) of a file, header row included; a generator, so that
# close() releases the file when the reader stops early.
RawRows = Generator[tuple[int, Sequence[object]], None, None]


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
    if suffix == ".csv":
        encoding, lines = _csv_encoding(path)

        def csv_rows() -> RawRows:
            with open(path, encoding=encoding, errors="replace", newline="") as fh:
                yield from enumerate(csv.reader(fh), start=1)

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


def mapped_rows(rows: Iterable[tuple[int, Sequence[object]]]) -> Iterator[tuple[int, dict[str, object]]]:
    columns: list[tuple[int, str]] | None = None
    for rownum, cells in rows:
        values = [_cell(c) for c in cells]
        if all(c is None or c == "" for c in values):
            continue
        if columns is None:
            seen: set[str] = set()
            columns = []
            for i, head in enumerate(values):
                alias = LOOKUP.get(str(head or "").strip().lower())
                if alias and alias not in seen:  # unknown and repeated headers are ignored
                    seen.add(alias)
                    columns.append((i, alias))
            missing = [LABELS[a] for a in REQUIRED if a not in seen]
            if missing:
                raise ImportRefused([Problem(m, "缺少必填列", rownum) for m in missing])
            continue
        yield rownum, {alias: values[i] if i < len(values) else None for i, alias in columns}
    if columns is None:
        raise ImportRefused([Problem("文件", "文件是空的，第一行应为列标题")])


def read_rows(path: str | os.PathLike) -> Iterator[tuple[int, dict[str, object]]]:
    """(spreadsheet row number, {alias: raw value}) for every non-blank data row."""
    _total, rows = raw_rows(Path(path))
    try:
        yield from mapped_rows(rows)
    finally:
        rows.close()
