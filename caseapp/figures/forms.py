"""Filling a superior's form (填报模板, docs/forms.md): an .xlsx whose cells hold ``{{…}}``
placeholders gets the figures of a period; every other cell is kept as it is.

A cell that holds only a placeholder gets the typed value (a count as a number, a rate as its
fraction with a percent format, a text as text); a cell with text around its placeholders
gets text (a rate printed as the printouts print it). An unknown placeholder is a Problem
naming its cell (``Sheet1!C7``); every problem is collected and nothing is written. The file
is written to a temporary name and renamed, like the summary's workbook.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook

from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.figures import stats
from caseapp.figures.placeholders import (
    PATTERN,
    YTD,
    Scope,
    Unknown,
    Value,
    canonical,
    placeholders_in,
    resolve,
    unclosed,
)
from caseapp.queries.case_list import distinct_values
from caseapp.queries.lookups import list_categories
from caseapp.storage.db import Database

TEMPLATES_DIR = Path(__file__).with_name("templates")
SUFFIX = ".xlsx"
RATE_FORMAT = "0.0%"
# The category rows of the 矛盾纠纷排查情况表, in its order: what form[行名] may name besides the
# rows the office's mapping uses (settings.form_rows).
FORM_ROWS = (
    "民族宗教矛盾纠纷", "军转干部、复员退伍军人安置引发的矛盾纠纷", "征地拆迁安置引发的矛盾纠纷",
    "建筑工程质量、物业管理等问题引发的矛盾纠纷", "土地矿产山林水利界限权属纠纷",
    "经济活动引发的矛盾纠纷", "劳资纠纷", "企业改制引发的矛盾纠纷", "环境污染、生态破坏引发的矛盾纠纷",
    "司法活动引发的矛盾纠纷", "行政执法活动引发的矛盾纠纷", "大中专院校、中小学校引发的矛盾纠纷",
    "海事渔事纠纷", "干部作风等问题引发的矛盾纠纷", "村务管理引发的矛盾纠纷",
    "农村土地承包、农村集体“三资”及农民负担等问题引发的矛盾纠纷", "婚姻家庭邻里等各类民间纠纷",
    "医患纠纷", "其他",
)


@dataclass(frozen=True)
class FilledCell:
    """One cell of the template that holds placeholders, and what it becomes."""

    sheet: str
    coordinate: str
    template: str  # the cell's text in the template
    value: Any  # what is written: a number, a fraction, a text or None
    rate: bool = False

    @property
    def address(self) -> str:
        return f"{self.sheet}!{self.coordinate}"

    @property
    def shown(self) -> str:
        """The value as a person reads it (a rate as a percentage)."""
        if self.rate and isinstance(self.value, float):
            return f"{self.value * 100:.1f}%"
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class FilledForm:
    path: Path | None  # None for a preview
    cells: tuple[FilledCell, ...]


def shipped_templates() -> dict[str, Path]:
    """The templates that come with the program: {name without .xlsx: path}."""
    return {p.stem: p for p in sorted(TEMPLATES_DIR.glob(f"*{SUFFIX}"))}


def template_path(name_or_path: str | os.PathLike[str]) -> Path:
    """A shipped template's name (with or without .xlsx) or a file's path."""
    text = os.fspath(name_or_path)
    shipped = shipped_templates()
    stem = text.removesuffix(SUFFIX)
    if stem in shipped and not Path(text).exists():
        return shipped[stem]
    path = Path(text)
    if not path.is_file():
        names = "、".join(shipped)
        raise ValidationError(Problem("template", f"找不到模板「{text}」（随程序提供的模板：{names}）"))
    if path.suffix.lower() != SUFFIX:
        raise ValidationError(Problem("template", "模板须为 .xlsx 文件"))
    return path


def period_text(date_from: date, date_to: date) -> str:
    """2026年3月 for a calendar month, 2026年 for a year, else 2026年3月1日至2026年3月20日."""
    if date_from.day == 1 and stats.month_range(date_from.year, date_from.month)[1] == date_to:
        return f"{date_from.year}年{date_from.month}月"
    if (date_from.month, date_from.day, date_to.month, date_to.day) == (1, 1, 12, 31) \
            and date_from.year == date_to.year:
        return f"{date_from.year}年"
    return f"{day_text(date_from)}至{day_text(date_to)}"


def day_text(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _load(path: Path) -> Workbook:
    try:
        return load_workbook(path)
    except Exception as exc:  # a damaged or foreign file: say so, in Chinese
        raise ValidationError(Problem("template", f"无法读取模板「{path.name}」：{exc}")) from None


def _placeholder_cells(wb: Workbook) -> list[tuple[str, Cell]]:
    found = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                # A formula is kept as it is, whatever text it holds.
                if isinstance(cell, Cell) and isinstance(cell.value, str) \
                        and not cell.value.startswith("=") \
                        and ("{{" in cell.value or "}}" in cell.value):
                    found.append((ws.title, cell))
    return found


def _scope(db: Database, date_from: date, date_to: date, today: date | None,
           ytd: bool) -> Scope:
    fig = stats.figures(db, date_from, date_to, today)
    year_start = date(date_to.year, 1, 1)
    ytd_data = None
    if ytd:
        ytd_data = (fig if year_start == date_from else
                    stats.figures(db, year_start, date_to, today)).to_dict()
    settings = db.settings()
    categories = frozenset(c.name for k in wf.Kind for c in list_categories(db, k.value))
    names = {
        "category": categories,
        "street": frozenset(settings.streets) | frozenset(distinct_values(db, "street")),
        "source": (frozenset(wf.PETITION_CHANNELS) | frozenset(wf.DISPUTE_SOURCES)
                   | frozenset(distinct_values(db, "source"))),
        "handler": frozenset(settings.handlers) | frozenset(distinct_values(db, "handler")),
    }
    names = {d: n | {stats.UNSET} for d, n in names.items()}  # 未填写: the empty ones' row
    texts = {"period": period_text(date_from, date_to),
             "office": settings.report_header or settings.office_name,
             "today": day_text(today or date.today())}
    return Scope(fig.to_dict(), texts, dict(settings.form_rows), frozenset(FORM_ROWS), names,
                 ytd_data)


def _uses_ytd(text: str) -> bool:
    return any(canonical(p).split(".")[0] == YTD for p in placeholders_in(text))


def _plan(db: Database, template: Path, date_from: date, date_to: date,
          today: date | None) -> tuple[Workbook, list[tuple[Cell, FilledCell]]]:
    stats.check_period(date_from, date_to)
    wb = _load(template)
    cells = _placeholder_cells(wb)
    scope = _scope(db, date_from, date_to, today,
                   any(_uses_ytd(str(c.value)) for _s, c in cells))
    problems: list[Problem] = []
    planned: list[tuple[Cell, FilledCell]] = []
    for sheet, cell in cells:
        text = str(cell.value)
        where = f"{sheet}!{cell.coordinate}"
        if unclosed(text):
            problems.append(Problem(where, f"占位符不完整（「{{{{」与「}}}}」须成对）：{text}"))
            continue
        inside = list(placeholders_in(text))
        values: list[Value] = []
        for p in inside:
            try:
                values.append(resolve(p, scope))
            except Unknown as exc:
                reason = f"（{exc}）" if str(exc) else ""
                problems.append(Problem(where, f"未知的占位符「{{{{{p}}}}}」{reason}"))
        if len(values) != len(inside):
            continue
        if len(inside) == 1 and text.strip() == "{{" + inside[0] + "}}":
            v = values[0]
            written: Any = v.printed if v.rate and v.value is None else v.value
            planned.append((cell, FilledCell(sheet, cell.coordinate, text, written,
                                             v.rate and v.value is not None)))
        else:
            filled = _substitute(text, [v.text for v in values])
            planned.append((cell, FilledCell(sheet, cell.coordinate, text, filled)))
    if problems:
        raise ValidationError(problems)
    return wb, planned


def _substitute(text: str, parts: list[str]) -> str:
    """``text`` with its placeholders, in order, replaced by ``parts``."""
    it = iter(parts)
    return PATTERN.sub(lambda _m: next(it), text)


def preview_form(db: Database, template: str | os.PathLike[str], date_from: date,
                 date_to: date, today: date | None = None) -> FilledForm:
    """What filling ``template`` for [date_from, date_to] would write, cell by cell; raises
    ValidationError naming every cell whose placeholder is unknown."""
    _wb, planned = _plan(db, template_path(template), date_from, date_to, today)
    return FilledForm(None, tuple(f for _c, f in planned))


def fill_form(db: Database, template: str | os.PathLike[str], date_from: date, date_to: date,
              path: str | os.PathLike[str], today: date | None = None) -> FilledForm:
    """``template`` (a shipped name or an .xlsx) filled with the figures of [date_from,
    date_to] (deadline figures measured as of ``today``), written to ``path``. Nothing is
    written when a placeholder is unknown (ValidationError with every problem)."""
    source = template_path(template)
    out = Path(path)
    if out.suffix.lower() != SUFFIX:
        raise ValidationError(Problem("output", "输出文件须为 .xlsx"))
    if out.resolve() == source.resolve():
        raise ValidationError(Problem("output", "输出文件不能覆盖模板本身"))
    wb, planned = _plan(db, source, date_from, date_to, today)
    for cell, filled in planned:
        cell.value = filled.value
        if filled.rate and "%" not in (cell.number_format or ""):
            cell.number_format = RATE_FORMAT
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=SUFFIX, dir=out.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return FilledForm(out, tuple(f for _c, f in planned))
