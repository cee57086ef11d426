"""The rows of the summaries' other tables, for the PDF and the workbook alike: the
breakdowns (with 合计, and 占比 by category and by source), month by month (with 办理 and 结转)
and the overdue list. Cells as in rows.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from caseapp.figures.model import DISPUTE, KINDS, PETITION, BreakdownRow, Figures, MonthFigures
from caseapp.queries.case_list import CaseFilter, case_ids, case_rows
from caseapp.reports.rows import KIND_TITLES, Rate, Row, figure_cell
from caseapp.storage.db import Database
from caseapp.validation import mask_name

# The column headers of a kind's figures in the breakdown and month-by-month tables.
COLUMN_TITLES = {"received": "登记", "share": "占比", "handled": "办理", "closed": "办结",
                 "carried": "结转", "succeeded": "调解成功", "closure_rate": "办结率"}

# ---------------------------------------------------------------------------
# Breakdowns, with 合计 and (by category and by source) 占比.


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
# A district's table, first when several offices are seen (issue #18).
OFFICE_TABLE = BreakdownTable("by_office", None, "按单位", "单位")
# One kind's table (category, source) shows each row's share of received; the side-by-side
# tables (street, handler) have no room for it.
BREAKDOWN_COLUMNS = ("received", "share", "handled", "closed", "closure_rate")
SIDE_COLUMNS = ("received", "handled", "closed", "closure_rate")
TOTAL = "合计"


def breakdown_head(table: BreakdownTable) -> list[list[str]]:
    if table.section is not None:
        return [[table.dim_label, *(COLUMN_TITLES[c] for c in BREAKDOWN_COLUMNS)]]
    return kinds_head(table.dim_label, dict.fromkeys(KINDS, SIDE_COLUMNS))


def _total(rows: Sequence[BreakdownRow]) -> BreakdownRow:
    return BreakdownRow(TOTAL, sum(r.received for r in rows), sum(r.handled for r in rows),
                        sum(r.closed for r in rows))


def breakdown_rows(fig: Figures, table: BreakdownTable) -> list[Row]:
    """The table's rows, its 合计 row last (none when the table has no row)."""
    breakdown = fig.breakdown(table.dimension)
    if table.kind is not None:
        rows = breakdown.of(table.kind)
        if not rows:
            return []
        total = _total(rows)

        def line(r: BreakdownRow) -> Row:
            return [r.name, r.received, Rate(r.received, total.received),
                    *(figure_cell(r, c) for c in BREAKDOWN_COLUMNS[2:])]

        return [line(r) for r in rows] + [line(total)]
    # Street and handler: both kinds side by side on one row per name.
    names: dict[str, dict[str, BreakdownRow]] = {}
    for kind in KINDS:
        for r in breakdown.of(kind):
            names.setdefault(r.name, {})[kind] = r
    if not names:
        return []
    out: list[Row] = []
    # Most cases received first (a stable sort: ties keep the petitions' order).
    for name, by in sorted(names.items(), key=lambda kv: -sum(r.received for r in kv[1].values())):
        row: Row = [name]
        for kind in KINDS:
            r = by.get(kind) or BreakdownRow(name, 0, 0, 0)
            row += [figure_cell(r, c) for c in SIDE_COLUMNS]
        out.append(row)
    total_row: Row = [TOTAL]
    for kind in KINDS:
        total_row += [figure_cell(_total(breakdown.of(kind)), c) for c in SIDE_COLUMNS]
    return out + [total_row]


# ---------------------------------------------------------------------------
# Month by month.

# The month-by-month table's columns of each kind (the PDF and the workbook alike), and the
# counts a series must have for them.
MONTH_COLUMNS = {PETITION: ("received", "handled", "closed", "carried", "closure_rate"),
                 DISPUTE: ("received", "handled", "closed", "carried", "succeeded",
                           "closure_rate")}
MONTH_TABLE_FIGURES = ("received", "handled", "closed", "succeeded")


def kinds_head(first: str, columns: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Two header rows: ``first`` over both, then each kind's title over its columns."""
    top, bottom = [first], [""]
    for kind in KINDS:
        top += [KIND_TITLES[kind]] + [""] * (len(columns[kind]) - 1)
        bottom += [COLUMN_TITLES[c] for c in columns[kind]]
    return [top, bottom]


def month_label(m: MonthFigures) -> str:
    return f"{m.date_from.month}月"


def month_rows(series: Sequence[MonthFigures], columns: Mapping[str, Sequence[str]],
               label: Callable[[MonthFigures], str]) -> list[Row]:
    return [[label(m), *(figure_cell(m.of(k), c) for k in KINDS for c in columns[k])]
            for m in series]


# ---------------------------------------------------------------------------
# The overdue list.

OVERDUE_HEAD = ["编号", "类型", "当事人", "类别", "承办人", "期限", "超期天数"]


def overdue_rows(db: Database, fig: Figures) -> list[list[str | int | date]]:
    """The cases counted by 超期未结 as of the day the figures were measured (``fig.as_of``),
    the earliest deadline first: number, kind, the masked party, category, handler, the
    deadline and the days overdue counted to that day, never to a day still to come."""
    f, t, a = fig.date_from, fig.date_to, fig.as_of
    rows: list[list[str | int | date]] = []
    for kind, label in KIND_TITLES.items():
        ids = case_ids(db, CaseFilter(kind=kind, figure=("overdue_open", f, t), today=a),
                       sort="due_on", descending=False)
        for start in range(0, len(ids), 500):
            for r in case_rows(db, ids[start:start + 500], today=a):
                due = r.due_on  # always set: overdue_open counts only cases with a deadline
                if due is None:
                    continue
                rows.append([r.number, label, mask_name(r.party), r.category, r.handler or "",
                             due, (a - due).days])
    return rows
