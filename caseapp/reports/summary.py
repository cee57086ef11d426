"""月度统计报表 and 年度统计报告 (and a custom period in the monthly layout), laid out with
ReportLab. Every figure comes from stats.py and every table's rows from rows.py; this module
only places them on the page."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from caseapp.errors import Problem, ValidationError
from caseapp.figures import stats
from caseapp.figures.model import Figures, MonthFigures, no_data_note
from caseapp.progress import Job, Progress, run
from caseapp.reports.base import (
    HEAD_BG,
    Frame,
    Styles,
    build,
    cn_date,
    cn_numeral,
    compact,
    esc,
    make_styles,
    sign_off,
    table,
)
from caseapp.reports.chart import monthly_chart
from caseapp.reports.detail_rows import (
    BREAKDOWNS,
    MONTH_COLUMNS,
    MONTH_TABLE_FIGURES,
    OFFICE_TABLE,
    OVERDUE_HEAD,
    breakdown_head,
    breakdown_rows,
    kinds_head,
    month_label,
    month_rows,
    overdue_rows,
)
from caseapp.reports.rows import (
    KIND_TITLES,
    Cell,
    Compared,
    Row,
    main_head,
    main_rows,
    month_comparisons,
    period_months,
    printed,
    rolling_months,
    year_comparison,
)
from caseapp.storage.db import Database

CONTENT_W = 174 * mm  # A4 less TABLE_MARGINS
TOTAL_BG = colors.HexColor("#f6f7f9")

# What the comparison columns mean, for the footnote of a table that has them.
COMPARISON_NOTE = ("环比为与上月比较，同比为与上年同期比较；统计期尚未结束时与上月、上年的相同天数比较。"
                   "件数比较增减件数，比率比较增减百分点。")


def _printed(rows: Sequence[Sequence[Cell | date]]) -> list[list[object]]:
    return [[cell.isoformat() if isinstance(cell, date) else printed(cell) for cell in row]
            for row in rows]


def main_table(fig: Figures, st: Styles, current: str = "本期",
               compared: Sequence[Compared] = (), percent: bool = False) -> Table:
    """The main figures, a section per kind (and one for the work log) and a line per figure:
    指标 | 本期 | then, per period compared with, its value and the change."""
    rows, titles = main_rows(fig, compared, percent)
    head = main_head(current, compared)
    if not compared:
        widths = [100 * mm, 40 * mm]
    elif len(compared) == 1:
        widths = [58 * mm, 28 * mm, 28 * mm, 60 * mm]
    else:
        # Six columns: smaller cells, so an amount (603,010.00) and its change
        # (增加130,950.00元) stay on one line.
        st = compact(st)
        widths = [51 * mm, 21 * mm, 21 * mm, 30 * mm, 21 * mm, 30 * mm]
    body = _printed(rows)
    extra: list[tuple] = []
    for i in titles:
        body[i] = [Paragraph(esc(body[i][0]), st.head)] + [""] * (len(head) - 1)
        extra += [("SPAN", (0, i + 1), (-1, i + 1)), ("BACKGROUND", (0, i + 1), (-1, i + 1), HEAD_BG)]
    return table([head, *body], widths, st, align=["l"] + ["r"] * (len(head) - 1), extra=extra)


def _total_style(rows: Sequence[Row], header_rows: int) -> list[tuple]:
    """The 合计 row (the last) shaded, so it does not read as one more category."""
    if not rows:
        return []
    last = header_rows + len(rows) - 1
    return [("BACKGROUND", (0, last), (-1, last), TOTAL_BG),
            ("LINEABOVE", (0, last), (-1, last), 0.9, colors.black)]


def breakdown_tables(fig: Figures, st: Styles, number: int = 2) -> tuple[list[Flowable], int]:
    story: list[Flowable] = []
    tables = ((OFFICE_TABLE,) if fig.by_office is not None else ()) + BREAKDOWNS
    for bt in tables:
        rows = breakdown_rows(fig, bt)
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(f"{cn_numeral(number)}、{bt.title}", st.heading))
        number += 1
        if not rows:
            story.append(Paragraph("本期无数据。", st.text))
            continue
        head = breakdown_head(bt)
        if bt.section is not None:
            widths = [54 * mm] + [24 * mm] * 5
            story.append(table([*head, *_printed(rows)], widths, st, align=["l"] + ["r"] * 5,
                               extra=_total_style(rows, 1)))
        else:
            widths = [30 * mm] + [18 * mm] * 8
            spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (4, 0)), ("SPAN", (5, 0), (8, 0))]
            story.append(table([*head, *_printed(rows)], widths, st, header_rows=2,
                               align=["l"] + ["r"] * 8, extra=spans + _total_style(rows, 2)))
    return story, number


def formulas(st: Styles, *more: str) -> list[Flowable]:
    lines = [*stats.FORMULAS, *more, no_data_note()]
    notes = [Paragraph("注：" + esc(lines[0]), st.small)]
    notes += [Paragraph(esc(line), st.small) for line in lines[1:] if line]
    return [Spacer(1, 4 * mm), KeepTogether(notes)]


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
    """The cases counted by 超期未结 as of the day the figures were measured (``fig.as_of``)."""
    rows = overdue_rows(db, fig)
    if not rows:
        return [Paragraph(f"截至{cn_date(fig.as_of)}无超期未结案件。", st.text)]
    widths = [42 * mm, 18 * mm, 20 * mm, 30 * mm, 20 * mm, 24 * mm, 20 * mm]
    return [table([OVERDUE_HEAD, *_printed(rows)], widths, st,
                  align=["l", "c", "l", "l", "l", "c", "r"], plain=True)]


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
    """月度统计报表 of (year, month) to ``path``, with 环比 and 同比; yields progress."""
    if not 1 <= month <= 12:
        raise ValidationError(Problem("month", "月份应为1至12"))
    f, t = stats.month_range(year, month)
    title = f"{year}年{month}月信访及矛盾纠纷办理情况统计表"
    return (yield from _build_period(db, f, t, path, title, rolling_months(year, month),
                                     "近12个月登记与办结情况", made_by, checked_by, made,
                                     (year, month)))


def build_range(db: Database, date_from: date, date_to: date, path: str | os.PathLike, *,
                made_by: str = "", checked_by: str = "", made: datetime | None = None) -> Job[Path]:
    """The monthly summary's layout for any period [date_from, date_to] (自定义期间): the same
    tables (without comparisons), the chart over the calendar months the period touches, the
    overdue cases at its end; yields progress."""
    stats.check_period(date_from, date_to)
    title = f"{cn_date(date_from)}至{cn_date(date_to)}信访及矛盾纠纷办理情况统计表"
    # A custom period has no natural one to compare with: its table has no 环比 or 同比.
    return (yield from _build_period(db, date_from, date_to, path, title,
                                     period_months(date_from, date_to),
                                     "期间各月登记与办结情况", made_by, checked_by, made, None))


def _build_period(db: Database, f: date, t: date, path: str | os.PathLike, title: str,
                  chart_months: tuple[int, int, int], chart_heading: str, made_by: str,
                  checked_by: str, made: datetime | None,
                  month: tuple[int, int] | None) -> Job[Path]:
    settings = db.settings()
    st = make_styles(settings.font_path)
    made = made or datetime.now()
    yield Progress(0, 5, "统计本期数据")
    fig = stats.figures(db, f, t, made.date())  # measured on the day it is made
    compared = [] if month is None else month_comparisons(db, fig, made.date())
    yield Progress(1, 5, "统计各月数据")
    series = stats.month_series(db, *chart_months, names=CHART_FIGURES, today=made.date())
    office = settings.report_header or settings.office_name
    story = _header(st, title, period_line(office, fig))
    story += [Paragraph("一、主要指标", st.heading),
              main_table(fig, st, "本月" if month else "本期", compared)]
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
    story.append(sign_off(st, office, made_by, checked_by, made.date()))
    story += formulas(st, *([COMPARISON_NOTE] if compared else []))
    yield Progress(4, 5, "排版")
    out = build(path, story, Frame(st, office, title, made), title=title, author=office)
    yield Progress(5, 5, "完成")
    return out


def range_report(db: Database, date_from: date, date_to: date, path: str | os.PathLike,
                 **kw) -> Path:
    return run(build_range(db, date_from, date_to, path, **kw))


def monthly_report(db: Database, year: int, month: int, path: str | os.PathLike, **kw) -> Path:
    return run(build_monthly(db, year, month, path, **kw))


def monthly_table(series: Sequence[MonthFigures], st: Styles) -> Table:
    """The year month by month: each kind's 登记, 办理, 办结, 结转 (…) and 办结率."""
    columns = MONTH_COLUMNS
    body = _printed(month_rows(series, columns, month_label))
    rows: list[Sequence[object]] = [*kinds_head("月份", columns), *body]
    n_p, n_d = len(columns[stats.PETITION]), len(columns[stats.DISPUTE])
    # 调解成功 needs four characters' room; the other columns share the rest.
    names = [*columns[stats.PETITION], *columns[stats.DISPUTE]]
    wide = 18 * mm
    narrow = (160 * mm - wide * names.count("succeeded")) / (len(names) - names.count("succeeded"))
    widths = [14 * mm] + [wide if n == "succeeded" else narrow for n in names]
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (n_p, 0)),
             ("SPAN", (n_p + 1, 0), (n_p + n_d, 0))]
    return table(rows, widths, st, header_rows=2, align=["c"] + ["r"] * (n_p + n_d), extra=spans)


def build_annual(db: Database, year: int, path: str | os.PathLike, *, made_by: str = "",
                 checked_by: str = "", made: datetime | None = None) -> Job[Path]:
    """年度统计报告 of ``year``: the annual sentence, the year's figures against the year
    before (同比), the breakdowns, month by month; yields progress."""
    settings = db.settings()
    st = make_styles(settings.font_path)
    made = made or datetime.now()
    f, t = date(year, 1, 1), date(year, 12, 31)
    yield Progress(0, 5, "统计全年数据")
    fig = stats.figures(db, f, t, made.date())
    yield Progress(1, 5, "统计上年数据")
    # A year still running is compared with the same days of the year before.
    compared = year_comparison(db, fig, made.date())
    last = compared.value_head
    yield Progress(2, 5, "统计各月数据")
    series = stats.month_series(db, year, 1, 12, names=MONTH_TABLE_FIGURES, today=made.date())
    office = settings.report_header or settings.office_name
    title = f"{year}年度信访及矛盾纠纷办理情况统计报告"
    story = _header(st, title, period_line(office, fig))
    story += [Paragraph("一、总体情况", st.heading),
              Paragraph(esc(stats.annual_sentence(fig)), st.body),
              Paragraph(f"二、主要指标与{last}比较（同比）", st.heading),
              main_table(fig, st, "本年", [compared], percent=True)]
    yield Progress(3, 5, "生成分类统计")
    more, number = breakdown_tables(fig, st, number=3)
    story += more
    story += [CondPageBreak(90 * mm),
              Paragraph(f"{cn_numeral(number)}、各月办理情况", st.heading), monthly_table(series, st),
              Spacer(1, 4 * mm), chart_for(series, stats.PETITION, st), Spacer(1, 3 * mm),
              chart_for(series, stats.DISPUTE, st)]
    story.append(sign_off(st, office, made_by, checked_by, made.date()))
    story += formulas(st, f"同比增减为与{last}比较：件数比较增减件数及增减幅度，比率比较增减百分点；"
                          "各月办理情况中，结转为当月办理而至月末仍未办结的案件。")
    yield Progress(4, 5, "排版")
    out = build(path, story, Frame(st, office, title, made), title=title, author=office)
    yield Progress(5, 5, "完成")
    return out


def annual_report(db: Database, year: int, path: str | os.PathLike, **kw) -> Path:
    return run(build_annual(db, year, path, **kw))
