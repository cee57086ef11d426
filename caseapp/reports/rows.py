"""The summaries' tables as rows, built once from the figures for the PDF (summary.py) and the
workbook (tables_xlsx.py): labels, counts as numbers, rates as printed, ／ where a figure does
not apply; and the months a period's month-by-month table covers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from caseapp.figures.model import (
    DISPUTE,
    KINDS,
    PETITION,
    BreakdownRow,
    Figures,
    MonthFigures,
    Shown,
    format_rate,
)

NA = "／"  # a figure that does not apply to that kind

Row = list[Shown]  # a table row: a label, then counts (int) and printed rates (str)

KIND_TITLES = {PETITION: "信访件", DISPUTE: "矛盾纠纷"}
# The column headers of a kind's figures in the breakdown and month-by-month tables.
COLUMN_TITLES = {"received": "登记", "handled": "办理", "closed": "办结", "succeeded": "调解成功",
                 "closure_rate": "办结率"}


class MainRow(NamedTuple):
    """A row of the main table: its label and the figure it shows of each kind (None: ／)."""

    label: str
    petition: str | None
    dispute: str | None


MAIN_ROWS = (
    MainRow("登记数", "received", "received"),
    MainRow("办理数（含上期结转）", "handled", "handled"),
    MainRow("办结数", "closed", "closed"),
    MainRow("办结率", "closure_rate", "closure_rate"),
    MainRow("按期办结数", "closed_on_time", "closed_on_time"),
    MainRow("按期办结率", "on_time_rate", "on_time_rate"),
    MainRow("超期未结数", "overdue_open", "overdue_open"),
    MainRow("不予受理数", "rejected", None),
    MainRow("信访代理件", "proxy", None),
    MainRow("已录入信访信息系统", "entered", None),
    MainRow("录入完成率", "entry_rate", None),
    MainRow("转人民调解", "diverted", None),
    MainRow("调结数（成功＋不成）", None, "concluded"),
    MainRow("调解成功数", None, "succeeded"),
    MainRow("调解成功率", None, "success_rate"),
    MainRow("纠纷调解率", None, "mediation_rate"),
    MainRow("协议已履行数", None, "performed"),
    MainRow("协议履行率", None, "performance_rate"),
)
MAIN_HEAD = ["指标", KIND_TITLES[PETITION], KIND_TITLES[DISPUTE]]


class BreakdownTable(NamedTuple):
    """A breakdown table: the figures' JSON key ("by_category"), the section of one kind
    ("petitions") or None for both side by side, its title and its first column's header."""

    key: str
    section: str | None
    title: str
    dim_label: str

    @property
    def dimension(self) -> str:
        return self.key.removeprefix("by_")

    @property
    def kind(self) -> str | None:
        return None if self.section is None else {"petitions": PETITION,
                                                  "disputes": DISPUTE}[self.section]


BREAKDOWNS = (
    BreakdownTable("by_category", "petitions", "信访件按类别", "类别"),
    BreakdownTable("by_category", "disputes", "矛盾纠纷按类型", "纠纷类型"),
    BreakdownTable("by_source", "petitions", "信访件按渠道", "渠道"),
    BreakdownTable("by_source", "disputes", "矛盾纠纷按来源", "来源"),
    BreakdownTable("by_street", None, "按街镇", "街镇"),
    BreakdownTable("by_handler", None, "按承办人", "承办人"),
)
BREAKDOWN_COLUMNS = ("received", "handled", "closed", "closure_rate")

# The month-by-month table's columns of each kind, as printed and in the workbook (which adds
# 办理), and the counts a series must have for them.
PRINTED_MONTH_COLUMNS = {PETITION: ("received", "closed", "closure_rate"),
                         DISPUTE: ("received", "closed", "succeeded", "closure_rate")}
SHEET_MONTH_COLUMNS = {PETITION: ("received", "handled", "closed", "closure_rate"),
                       DISPUTE: ("received", "handled", "closed", "succeeded", "closure_rate")}
MONTH_TABLE_FIGURES = ("received", "handled", "closed", "succeeded")


def printed(cell: Shown) -> str:
    """A cell as the PDF prints it: counts with thousands separators."""
    return cell if isinstance(cell, str) else f"{cell:,}"


def main_rows(fig: Figures) -> list[Row]:
    return [[row.label, fig.petitions.shown(row.petition) if row.petition else NA,
             fig.disputes.shown(row.dispute) if row.dispute else NA] for row in MAIN_ROWS]


def kinds_head(first: str, columns: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Two header rows: ``first`` over both, then each kind's title over its columns."""
    top, bottom = [first], [""]
    for kind in KINDS:
        top += [KIND_TITLES[kind]] + [""] * (len(columns[kind]) - 1)
        bottom += [COLUMN_TITLES[c] for c in columns[kind]]
    return [top, bottom]


def breakdown_head(table: BreakdownTable) -> list[list[str]]:
    if table.section is not None:
        return [[table.dim_label, *(COLUMN_TITLES[c] for c in BREAKDOWN_COLUMNS)]]
    return kinds_head(table.dim_label, dict.fromkeys(KINDS, BREAKDOWN_COLUMNS))


def breakdown_rows(fig: Figures, table: BreakdownTable) -> list[Row]:
    breakdown = fig.breakdown(table.dimension)
    if table.kind is not None:
        return [[r.name, *(r.shown(c) for c in BREAKDOWN_COLUMNS)]
                for r in breakdown.of(table.kind)]
    # Street and handler: both kinds side by side on one row per name.
    names: dict[str, dict[str, BreakdownRow]] = {}
    for kind in KINDS:
        for r in breakdown.of(kind):
            names.setdefault(r.name, {})[kind] = r
    rows = []
    # Most cases received first (a stable sort: ties keep the petitions' order).
    for name, by in sorted(names.items(), key=lambda kv: -sum(r.received for r in kv[1].values())):
        row: Row = [name]
        for kind in KINDS:
            r = by.get(kind) or BreakdownRow(name, 0, 0, 0)
            row += [r.shown(c) for c in BREAKDOWN_COLUMNS]
        rows.append(row)
    return rows


def month_label(m: MonthFigures) -> str:
    return f"{m.date_from.month}月"


def month_rows(series: Sequence[MonthFigures], columns: Mapping[str, Sequence[str]],
               label: Callable[[MonthFigures], str]) -> list[Row]:
    return [[label(m), *(m.of(k).shown(c) for k in KINDS for c in columns[k])] for m in series]


def _change(now: int, before: int) -> str:
    diff = now - before
    sign = "+" if diff > 0 else ""
    if before == 0:
        return f"{sign}{diff}" if diff else "0"
    return f"{sign}{diff}（{sign}{format_rate(diff, before)}）"


def yoy_rows(fig: Figures, prev: Figures) -> list[list[str]]:
    """同比: each figure this year, last year and the change: in cases (and percent) for a
    count, in percentage points between the JSON fractions for a rate."""
    rows = []
    for row in MAIN_ROWS:
        for kind, key in ((PETITION, row.petition), (DISPUTE, row.dispute)):
            if key is None:
                continue
            now, before = fig.of(kind), prev.of(kind)
            if key in now.rates():
                a, b = now.value(key), before.value(key)
                change = "—" if a is None or b is None else f"{(a - b) * 100:+.1f}个百分点"
            else:
                change = _change(now.count(key), before.count(key))
            rows.append([f"{KIND_TITLES[kind]}{row.label}", printed(now.shown(key)),
                         printed(before.shown(key)), change])
    return rows


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
