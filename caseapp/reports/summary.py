"""月度统计报表 and 年度统计报告 (and a custom period in the monthly layout), laid out with
ReportLab. Every figure comes from stats.py and every table's rows from rows.py; this module
only places them on the page."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from caseapp.errors import Problem, ValidationError
from caseapp.figures import stats
from caseapp.figures.dashboard import same_day_last_year
from caseapp.figures.model import Figures, MonthFigures
from caseapp.progress import Job, Progress, run
from caseapp.queries.case_list import CaseFilter, case_ids, case_rows
from caseapp.reports.base import Frame, Styles, build, cn_date, cn_numeral, esc, make_styles, table
from caseapp.reports.chart import monthly_chart
from caseapp.reports.rows import (
    BREAKDOWNS,
    KIND_TITLES,
    MAIN_HEAD,
    MONTH_TABLE_FIGURES,
    PRINTED_MONTH_COLUMNS,
    Row,
    breakdown_head,
    breakdown_rows,
    kinds_head,
    main_rows,
    month_label,
    month_rows,
    period_months,
    printed,
    rolling_months,
    yoy_rows,
)
from caseapp.storage.db import Database
from caseapp.validation import mask_name

CONTENT_W = 174 * mm  # A4 less TABLE_MARGINS


def _printed(rows: list[Row]) -> list[list[str]]:
    return [[printed(cell) for cell in row] for row in rows]


def main_table(fig: Figures, st: Styles) -> Table:
    """指标 | 信访件 | 矛盾纠纷."""
    rows = [MAIN_HEAD] + _printed(main_rows(fig))
    first = 58 * mm
    widths = [first] + [(CONTENT_W - first) / 2] * 2
    return table(rows, widths, st, align=["l", "r", "r"])


def breakdown_tables(fig: Figures, st: Styles, number: int = 2) -> tuple[list[Flowable], int]:
    story: list[Flowable] = []
    for bt in BREAKDOWNS:
        rows = _printed(breakdown_rows(fig, bt))
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(f"{cn_numeral(number)}、{bt.title}", st.heading))
        number += 1
        if not rows:
            story.append(Paragraph("本期无数据。", st.text))
            continue
        head = breakdown_head(bt)
        if bt.section is not None:
            widths = [62 * mm] + [28 * mm] * 4
            story.append(table(head + rows, widths, st, align=["l", "r", "r", "r", "r"]))
        else:
            widths = [30 * mm] + [18 * mm] * 8
            spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (4, 0)), ("SPAN", (5, 0), (8, 0))]
            story.append(table(head + rows, widths, st, header_rows=2, align=["l"] + ["r"] * 8,
                               extra=spans))
    return story, number


def formulas(st: Styles) -> list[Flowable]:
    notes = [Paragraph("注：" + esc(stats.FORMULAS[0]), st.small)]
    notes += [Paragraph(esc(line), st.small) for line in stats.FORMULAS[1:]]
    return [Spacer(1, 4 * mm), KeepTogether(notes)]


def signatures(st: Styles, made_by: str, checked_by: str, on: date) -> KeepTogether:
    cells = [[f"制表人：{made_by or '__________'}", f"审核人：{checked_by or '__________'}",
              f"日期：{cn_date(on)}"]]
    t = table(cells, [58 * mm] * 3, st, header_rows=0, grid=False,
              extra=[("TOPPADDING", (0, 0), (-1, -1), 10)])
    return KeepTogether([Spacer(1, 6 * mm), t])


# The figures the month-by-month chart prints: counting only these (and the table's,
# rows.MONTH_TABLE_FIGURES) keeps the series query small (12 months × 3 or 4 counts per kind
# instead of 12 × 12).
CHART_FIGURES = ("received", "handled", "closed")


def chart_for(series: Sequence[MonthFigures], kind: str, st: Styles) -> Drawing:
    months = [m.of(kind) for m in series]
    return monthly_chart([month_label(m) for m in series],
                         [m.count("received") for m in months],
                         [m.count("closed") for m in months],
                         [m.rate("closure_rate") for m in months], st.fonts.body,
                         KIND_TITLES[kind], width=CONTENT_W, height=62 * mm)


def overdue_table(db: Database, fig: Figures, st: Styles) -> list[Flowable]:
    """The cases counted by 超期未结 as of the day the figures were measured (``fig.as_of``):
    the days overdue are counted to that day, never to a day still to come."""
    f, t, a = fig.date_from, fig.date_to, fig.as_of
    rows = [["编号", "类型", "当事人", "类别", "承办人", "期限", "超期天数"]]
    for kind, label in KIND_TITLES.items():
        ids = case_ids(db, CaseFilter(kind=kind, figure=("overdue_open", f, t), today=a),
                       sort="due_on", descending=False)
        for start in range(0, len(ids), 500):
            for r in case_rows(db, ids[start:start + 500], today=a):
                due = r.due_on  # always set: overdue_open counts only cases with a deadline
                rows.append([r.number, label, mask_name(r.party), r.category, r.handler or "",
                             due.isoformat() if due else "", f"{(a - due).days}" if due else ""])
    if len(rows) == 1:
        return [Paragraph(f"截至{cn_date(a)}无超期未结案件。", st.text)]
    widths = [42 * mm, 18 * mm, 20 * mm, 30 * mm, 20 * mm, 24 * mm, 20 * mm]
    return [table(rows, widths, st, align=["l", "c", "l", "l", "l", "c", "r"], plain=True)]


def period_line(office: str, fig: Figures) -> str:
    """The line under the title: the office, the period and, for a period not yet over, the
    day its figures stand at (统计截至…)."""
    line = f"{office}　　统计期间：{cn_date(fig.date_from)}至{cn_date(fig.date_to)}"
    return line if fig.complete else f"{line}　　统计截至{cn_date(fig.as_of)}"


def _header(st: Styles, title: str, period: str) -> list[Flowable]:
    story: list[Flowable] = []
    if st.fonts.warning:
        story.append(Paragraph(esc(st.fonts.warning), st.warning))
    story += [Paragraph(esc(title), st.title), Paragraph(esc(period), st.subtitle)]
    return story


def build_monthly(db: Database, year: int, month: int, path: str | os.PathLike, *,
                  made_by: str = "", checked_by: str = "", made: datetime | None = None) -> Job[Path]:
    """月度统计报表 of (year, month) to ``path``; yields progress."""
    if not 1 <= month <= 12:
        raise ValidationError(Problem("month", "月份应为1至12"))
    f, t = stats.month_range(year, month)
    title = f"{year}年{month}月信访及矛盾纠纷办理情况统计表"
    return (yield from _build_period(db, f, t, path, title, rolling_months(year, month),
                                     "近12个月登记与办结情况", made_by, checked_by, made))


def build_range(db: Database, date_from: date, date_to: date, path: str | os.PathLike, *,
                made_by: str = "", checked_by: str = "", made: datetime | None = None) -> Job[Path]:
    """The monthly summary's layout for any period [date_from, date_to] (自定义期间): the same
    tables, the chart over the calendar months the period touches, the overdue cases at its
    end; yields progress."""
    stats.check_period(date_from, date_to)
    title = f"{cn_date(date_from)}至{cn_date(date_to)}信访及矛盾纠纷办理情况统计表"
    return (yield from _build_period(db, date_from, date_to, path, title,
                                     period_months(date_from, date_to),
                                     "期间各月登记与办结情况", made_by, checked_by, made))


def _build_period(db: Database, f: date, t: date, path: str | os.PathLike, title: str,
                  chart_months: tuple[int, int, int], chart_heading: str, made_by: str,
                  checked_by: str, made: datetime | None) -> Job[Path]:
    settings = db.settings()
    st = make_styles(settings.font_path)
    made = made or datetime.now()
    yield Progress(0, 5, "统计本期数据")
    fig = stats.figures(db, f, t, made.date())  # measured on the day it is made
    yield Progress(1, 5, "统计各月数据")
    series = stats.month_series(db, *chart_months, names=CHART_FIGURES, today=made.date())
    office = settings.report_header or settings.office_name
    story = _header(st, title, period_line(office, fig))
    story += [Paragraph("一、主要指标", st.heading), main_table(fig, st)]
    yield Progress(2, 5, "生成分类统计")
    more, number = breakdown_tables(fig, st)
    story += more
    story += [CondPageBreak(70 * mm),
              Paragraph(f"{cn_numeral(number)}、{chart_heading}", st.heading),
              chart_for(series, stats.PETITION, st), Spacer(1, 3 * mm),
              chart_for(series, stats.DISPUTE, st)]
    yield Progress(3, 5, "列出超期未结案件")
    story += [CondPageBreak(40 * mm),
              Paragraph(f"{cn_numeral(number + 1)}、超期未结案件（截至{cn_date(fig.as_of)}）",
                        st.heading)]
    story += overdue_table(db, fig, st)
    story += formulas(st)
    story.append(signatures(st, made_by, checked_by, made.date()))
    yield Progress(4, 5, "排版")
    out = build(path, story, Frame(st, office, title, made), title=title, author=office)
    yield Progress(5, 5, "完成")
    return out


def range_report(db: Database, date_from: date, date_to: date, path: str | os.PathLike,
                 **kw) -> Path:
    return run(build_range(db, date_from, date_to, path, **kw))


def monthly_report(db: Database, year: int, month: int, path: str | os.PathLike, **kw) -> Path:
    return run(build_monthly(db, year, month, path, **kw))


def yoy_table(fig: Figures, prev: Figures, st: Styles) -> Table:
    """同比: this year, last year (its same days while this year runs) and the change, for
    the counts; rates in points."""
    last = "上年" if fig.complete else "上年同期"
    rows = [["指标", "本年", last, "增减（同比）"]] + yoy_rows(fig, prev)
    widths = [70 * mm, 30 * mm, 30 * mm, 44 * mm]
    return table(rows, widths, st, align=["l", "r", "r", "r"])


def monthly_table(series: Sequence[MonthFigures], st: Styles) -> Table:
    columns = PRINTED_MONTH_COLUMNS
    rows = kinds_head("月份", columns) + _printed(month_rows(series, columns,
                                                                   month_label))
    widths = [20 * mm] + [22 * mm] * 7
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (3, 0)), ("SPAN", (4, 0), (7, 0))]
    return table(rows, widths, st, header_rows=2, align=["c"] + ["r"] * 7, extra=spans)


def build_annual(db: Database, year: int, path: str | os.PathLike, *, made_by: str = "",
                 checked_by: str = "", made: datetime | None = None) -> Job[Path]:
    """年度统计报告 of ``year``: the annual sentence, the year's tables, month by month, 同比."""
    settings = db.settings()
    st = make_styles(settings.font_path)
    made = made or datetime.now()
    f, t = date(year, 1, 1), date(year, 12, 31)
    yield Progress(0, 5, "统计全年数据")
    fig = stats.figures(db, f, t, made.date())
    yield Progress(1, 5, "统计上年数据")
    # A year still running is compared with the same days of the year before.
    prev_to = date(year - 1, 12, 31) if fig.complete else same_day_last_year(fig.as_of)
    prev = stats.figures(db, date(year - 1, 1, 1), prev_to, made.date())
    yield Progress(2, 5, "统计各月数据")
    series = stats.month_series(db, year, 1, 12, names=MONTH_TABLE_FIGURES, today=made.date())
    office = settings.report_header or settings.office_name
    title = f"{year}年度信访及矛盾纠纷办理情况统计报告"
    story = _header(st, title, period_line(office, fig))
    story += [Paragraph("一、总体情况", st.heading),
              Paragraph(esc(stats.annual_sentence(fig)), st.body),
              Paragraph("二、主要指标", st.heading), main_table(fig, st)]
    yield Progress(3, 5, "生成分类统计")
    more, number = breakdown_tables(fig, st, number=3)
    story += more
    story += [CondPageBreak(90 * mm),
              Paragraph(f"{cn_numeral(number)}、各月办理情况", st.heading), monthly_table(series, st),
              Spacer(1, 4 * mm), chart_for(series, stats.PETITION, st), Spacer(1, 3 * mm),
              chart_for(series, stats.DISPUTE, st),
              CondPageBreak(60 * mm),
              Paragraph(f"{cn_numeral(number + 1)}、与上年{'' if fig.complete else '同期'}比较（同比）",
                        st.heading), yoy_table(fig, prev, st)]
    story += formulas(st)
    story.append(signatures(st, made_by, checked_by, made.date()))
    yield Progress(4, 5, "排版")
    out = build(path, story, Frame(st, office, title, made), title=title, author=office)
    yield Progress(5, 5, "完成")
    return out


def annual_report(db: Database, year: int, path: str | os.PathLike, **kw) -> Path:
    return run(build_annual(db, year, path, **kw))
