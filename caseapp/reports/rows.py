"""The summaries' cells and main table, built once from the figures for the PDF (summary.py)
and the workbook (tables_xlsx.py): labels, counts and amounts as numbers, rates as ``Rate``
(printed "95.2%", a number in Excel), the comparisons (环比, 同比) in words; and the months a
period's month-by-month table covers. The other tables' rows are in detail_rows.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import NamedTuple, Protocol, TypeAlias

from caseapp.figures import stats
from caseapp.figures.dashboard import same_day_last_year
from caseapp.figures.model import (
    DISPUTE,
    NO_DATA,
    NO_RATE,
    PETITION,
    Counted,
    Figures,
    format_rate,
)
from caseapp.storage.db import Database

NA = "／"  # a figure that does not apply to that kind
NO_DATA_MARK = "（暂无数据）"  # the line of a figure whose data is not recorded yet


class Rate(NamedTuple):
    """A rate as its two counts: printed from them (``text``), written to Excel as the printed
    percentage's fraction (``fraction``: 95.2% → 0.952, so both show the same digits)."""

    num: int
    den: int

    @property
    def text(self) -> str:
        return format_rate(self.num, self.den)

    @property
    def tenths(self) -> int | None:
        """The printed percentage in tenths (95.2% → 952); None without a denominator."""
        if not self.den:
            return None
        return (2 * self.num * 1000 + self.den) // (2 * self.den)

    @property
    def fraction(self) -> float | None:
        tenths = self.tenths
        return None if tenths is None else tenths / 1000


# A table cell: a label or words (str), a count (int), an amount in yuan (Decimal), a rate.
Cell: TypeAlias = str | int | Decimal | Rate
Row = list[Cell]

KIND_TITLES = {PETITION: "信访件", DISPUTE: "矛盾纠纷"}


def printed(cell: Cell) -> str:
    """A cell as the printouts write it: counts with thousands separators (tables and prose
    alike), amounts with two decimals, rates as docs/domain.md §5 prints them."""
    if isinstance(cell, Rate):
        return cell.text
    if isinstance(cell, Decimal):
        return f"{cell:,.2f}"
    if isinstance(cell, int):
        return f"{cell:,}"
    return cell


class Figured(Protocol):
    """What a cell reads a figure from: a kind's figures, a breakdown row, a month's counts."""

    def rates(self) -> dict[str, tuple[str, str]]: ...

    def count(self, name: str) -> int: ...


def figure_cell(source: Figured, name: str) -> Cell:
    """A figure as a cell: a rate from its exact counts, an amount, a count; "carried" (结转)
    is handled less closed: the handled cases not closed by the period's end."""
    pair = source.rates().get(name)
    if pair is not None:
        return Rate(source.count(pair[0]), source.count(pair[1]))
    if name == "carried":
        return source.count("handled") - source.count("closed")
    if isinstance(source, Counted) and name in source.amount_names():
        return source.amount(name)
    return source.count(name)


# ---------------------------------------------------------------------------
# The main table: one section per kind and one for the work log, a line per figure.


class Line(NamedTuple):
    label: str
    key: str

    @property
    def no_data(self) -> bool:
        return self.key in NO_DATA

    @property
    def shown_label(self) -> str:
        return self.label + NO_DATA_MARK if self.no_data else self.label


class Section(NamedTuple):
    key: str  # "petitions", "disputes", "work": the JSON key
    title: str
    lines: tuple[Line, ...]


_COMMON = (Line("登记数", "received"), Line("办理数（含上期结转）", "handled"), Line("办结数", "closed"),
           Line("办结率", "closure_rate"), Line("按期办结数", "closed_on_time"),
           Line("按期办结率", "on_time_rate"), Line("超期未结数", "overdue_open"))
MAIN_SECTIONS = (
    Section("petitions", KIND_TITLES[PETITION], _COMMON + (
        Line("不予受理数", "rejected"), Line("信访代理件", "proxy"),
        Line("已录入信访信息系统", "entered"), Line("录入完成率", "entry_rate"),
        Line("转人民调解", "diverted"), Line("转送数", "transferred"), Line("督办件数", "supervised"),
        Line("复查/复核件数", "reviews"), Line("满意度已评价数", "rated"),
        Line("满意数（含基本满意）", "satisfied"), Line("满意率", "satisfaction_rate"))),
    Section("disputes", KIND_TITLES[DISPUTE], _COMMON + (
        Line("调结数（成功＋不成）", "concluded"), Line("调解成功数", "succeeded"),
        Line("调解成功率", "success_rate"), Line("纠纷调解率", "mediation_rate"),
        Line("协议已履行数", "performed"), Line("协议履行率", "performance_rate"),
        Line("协议涉及金额（元）", "agreement_amount"), Line("书面协议数", "written"),
        Line("口头协议数", "oral"), Line("申请司法确认数", "confirmation_applied"),
        Line("司法确认有效数", "confirmed"), Line("防止民转刑案件", "prevented_crime"),
        Line("防止群体性上访", "prevented_group_petition"),
        Line("防止群体性械斗", "prevented_group_fight"),
        Line("防止民间纠纷引起自杀", "prevented_suicide"), Line("重大纠纷数", "major"))),
    Section("work", "排查与安保维稳", (
        Line("排查次数", "screenings"), Line("其中集中排查", "concentrated_screenings"),
        Line("排查发现纠纷数", "screenings_found"),
        Line("安保维稳次数", "security_events"))),
)


def section_of(fig: Figures, key: str) -> Counted:
    return {"petitions": fig.petitions, "disputes": fig.disputes, "work": fig.work}[key]


def _units(cell: Cell) -> str:
    return "元" if isinstance(cell, Decimal) else "件"


def change(now: Cell, before: Cell, percent: bool = False) -> str:
    """The change from ``before`` to ``now`` in words: a count in 件 (an amount in 元), a rate
    in 个百分点 between the printed percentages, 上升/下降/增加/减少 or 持平, never a sign;
    "—" when a rate has no denominator. ``percent`` adds the relative change of a count."""
    if isinstance(now, Rate) and isinstance(before, Rate):
        a, b = now.tenths, before.tenths
        if a is None or b is None:
            return NO_RATE
        diff = a - b
        if diff == 0:
            return "持平"
        whole, frac = divmod(abs(diff), 10)
        points = f"{whole}" if frac == 0 else f"{whole}.{frac}"
        return f"{'上升' if diff > 0 else '下降'}{points}个百分点"
    if isinstance(now, (int, Decimal)) and isinstance(before, (int, Decimal)):
        delta: int | Decimal = now - before
        if delta == 0:
            return "持平"
        size: int | Decimal = delta if delta > 0 else -delta
        text = f"{'增加' if delta > 0 else '减少'}{printed(size)}{_units(now)}"
        if percent and before and isinstance(now, int) and isinstance(before, int):
            growth = format_rate(abs(now - before), before)
            text += f"（{'增长' if delta > 0 else '下降'}{growth}）"
        return text
    return NO_RATE


class Compared(NamedTuple):
    """A period the main table compares with: its column headers and its figures."""

    value_head: str  # 上月, 上年同月, 上年 …
    change_head: str  # 环比, 同比 …
    figures: Figures


def _same_span(year: int, month: int, fig: Figures) -> tuple[date, date]:
    """The calendar month (year, month), or, while ``fig``'s period runs, as many of its first
    days as the period has had (never past the month's end): what a running month is
    compared with."""
    f, t = stats.month_range(year, month)
    if fig.complete:
        return f, t
    return f, min(t, f + (fig.as_of - fig.date_from))


def month_comparisons(db: Database, fig: Figures, today: date | None = None) -> list[Compared]:
    """环比 (the month before) and 同比 (the same month a year before) of the calendar month
    ``fig`` measures; while the month runs, the same days of each."""
    year, month = fig.date_from.year, fig.date_from.month
    prev_y, prev_m = (year - 1, 12) if month == 1 else (year, month - 1)
    same = "" if fig.complete else "同期"
    before = stats.figures(db, *_same_span(prev_y, prev_m, fig), today)
    last_year = stats.figures(db, *_same_span(year - 1, month, fig), today)
    return [Compared(f"上月{same}", "环比", before),
            Compared("上年同月" if fig.complete else "上年同期", "同比", last_year)]


def year_comparison(db: Database, fig: Figures, today: date | None = None) -> Compared:
    """同比 of the calendar year ``fig`` measures: the year before, or its same days while
    this one runs."""
    year = fig.date_from.year
    prev_to = date(year - 1, 12, 31) if fig.complete else same_day_last_year(fig.as_of)
    prev = stats.figures(db, date(year - 1, 1, 1), prev_to, today)
    return Compared("上年" if fig.complete else "上年同期", "同比增减", prev)


def comparisons(db: Database, fig: Figures,
                today: date | None = None) -> tuple[str, list[Compared], bool]:
    """(the current column's header, the periods compared with, whether counts add their
    relative change) for ``fig``'s period: a calendar month has 环比 and 同比, a calendar year
    同比, any other period none."""
    f, t = fig.date_from, fig.date_to
    if (f.year, f.month) == (t.year, t.month) and (f, t) == stats.month_range(f.year, f.month):
        return "本月", month_comparisons(db, fig, today), False
    if f == date(f.year, 1, 1) and t == date(f.year, 12, 31):
        return "本年", [year_comparison(db, fig, today)], True
    return "本期", [], False


def main_head(current: str, compared: Sequence[Compared] = ()) -> list[str]:
    head = ["指标", current]
    for c in compared:
        head += [c.value_head, c.change_head]
    return head


def main_rows(fig: Figures, compared: Sequence[Compared] = (),
              percent: bool = False) -> tuple[list[Row], list[int]]:
    """The main table's rows (the section title rows included) and the indexes of the title
    rows among them."""
    rows: list[Row] = []
    titles: list[int] = []
    width = 2 + 2 * len(compared)
    for section in MAIN_SECTIONS:
        titles.append(len(rows))
        title: Row = [section.title, *[""] * (width - 1)]
        rows.append(title)
        for line in section.lines:
            now = figure_cell(section_of(fig, section.key), line.key)
            row: Row = [line.shown_label, now]
            for c in compared:
                before = figure_cell(section_of(c.figures, section.key), line.key)
                row += [before, NO_RATE if line.no_data else change(now, before, percent)]
            rows.append(row)
    return rows, titles


# ---------------------------------------------------------------------------
# The months a period's month-by-month table and chart cover.

# A custom period's month-by-month table and chart show its months, at most the last 24.
RANGE_CHART_MONTHS = 24


def period_months(date_from: date, date_to: date,
                  at_most: int = RANGE_CHART_MONTHS) -> tuple[int, int, int]:
    """(first year, first month, count) of the calendar months [date_from, date_to] touches,
    at most the last ``at_most`` of them."""
    months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
    count = min(months, at_most)
    first = date_to.year * 12 + date_to.month - 1 - (count - 1)
    return first // 12, first % 12 + 1, count


def rolling_months(year: int, month: int) -> tuple[int, int, int]:
    """The 12 months ending with (year, month), as (first year, first month, 12)."""
    return (year, 1, 12) if month == 12 else (year - 1, month + 1, 12)
