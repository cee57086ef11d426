"""月度统计报表 and 年度统计报告. Every figure comes from stats.py (never computed here);
rates print from the exact counts (stats.printable)."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer

from caseapp.errors import Problem, ValidationError
from caseapp.figures import stats
from caseapp.progress import Job, Progress, run
from caseapp.queries.cases import CaseFilter, case_ids, case_rows
from caseapp.reports.base import Frame, Styles, build, cn_date, cn_numeral, esc, make_styles, table
from caseapp.reports.chart import monthly_chart
from caseapp.storage.db import Database
from caseapp.validation import mask_name

NA = "／"  # a figure that does not apply to that kind
CONTENT_W = 174 * mm  # A4 less TABLE_MARGINS

# (label, petition key, dispute key): the main table of both summaries.
MAIN_ROWS = (
    ("登记数", "received", "received"),
    ("办理数（含上期结转）", "handled", "handled"),
    ("办结数", "closed", "closed"),
    ("办结率", "closure_rate", "closure_rate"),
    ("按期办结数", "closed_on_time", "closed_on_time"),
    ("按期办结率", "on_time_rate", "on_time_rate"),
    ("超期未结数", "overdue_open", "overdue_open"),
    ("不予受理数", "rejected", None),
    ("信访代理件", "proxy", None),
    ("已录入信访信息系统", "entered", None),
    ("录入完成率", "entry_rate", None),
    ("转人民调解", "diverted", None),
    ("调结数（成功＋不成）", None, "concluded"),
    ("调解成功数", None, "succeeded"),
    ("调解成功率", None, "success_rate"),
    ("纠纷调解率", None, "mediation_rate"),
    ("协议已履行数", None, "performed"),
    ("协议履行率", None, "performance_rate"),
)

BREAKDOWNS = (
    ("by_category", "petitions", "信访件按类别", "类别"),
    ("by_category", "disputes", "矛盾纠纷按类型", "纠纷类型"),
    ("by_source", "petitions", "信访件按渠道", "渠道"),
    ("by_source", "disputes", "矛盾纠纷按来源", "来源"),
    ("by_street", None, "按街镇", "街镇"),
    ("by_handler", None, "按承办人", "承办人"),
)
DIMENSION_KEY = {"by_category": "category", "by_source": "source", "by_street": "street",
                 "by_handler": "handler"}


def _shown(value) -> str:
    return NA if value is None else (f"{value}" if isinstance(value, str) else f"{value:,}")


def main_table(fig: dict, st: Styles, extra_columns: list[tuple[str, dict]] | None = None):
    """指标 | 信访件 | 矛盾纠纷 (| more columns, e.g. the previous year)."""
    shown = stats.printable(fig)
    head = ["指标", "信访件", "矛盾纠纷"]
    extra = extra_columns or []
    for title, _ in extra:
        head += [f"信访件（{title}）", f"矛盾纠纷（{title}）"]
    rows = [head]
    printed_extra = [stats.printable(f) for _, f in extra]
    for label, pk, dk in MAIN_ROWS:
        row = [label,
               _shown(shown["petitions"][pk]) if pk else NA,
               _shown(shown["disputes"][dk]) if dk else NA]
        for other in printed_extra:
            row += [_shown(other["petitions"][pk]) if pk else NA,
                    _shown(other["disputes"][dk]) if dk else NA]
        rows.append(row)
    n = len(head) - 1
    first = 58 * mm
    widths = [first] + [(CONTENT_W - first) / n] * n
    return table(rows, widths, st, align=["l"] + ["r"] * n)


def _breakdown_rows(fig: dict, key: str, section: str | None) -> list[list]:
    shown = stats.printable(fig)[key]
    dim = DIMENSION_KEY[key]
    if section is not None:
        return [[r[dim], f"{r['received']:,}", f"{r['handled']:,}", f"{r['closed']:,}",
                 r["closure_rate"]] for r in shown[section]]
    # Street and handler: both kinds side by side on one row per name.
    names: dict[str, dict] = {}
    for sec in ("petitions", "disputes"):
        for r in shown[sec]:
            names.setdefault(r[dim], {})[sec] = r
    rows = []
    empty = {"received": 0, "handled": 0, "closed": 0, "closure_rate": "—"}
    for name, by in sorted(names.items(), key=lambda kv: -sum(r["received"] for r in kv[1].values())):
        p, d = by.get("petitions", empty), by.get("disputes", empty)
        rows.append([name, f"{p['received']:,}", f"{p['handled']:,}", f"{p['closed']:,}",
                     p["closure_rate"], f"{d['received']:,}", f"{d['handled']:,}",
                     f"{d['closed']:,}", d["closure_rate"]])
    return rows


def breakdown_tables(fig: dict, st: Styles, number: int = 2) -> tuple[list, int]:
    story = []
    for key, section, title, dim_label in BREAKDOWNS:
        rows = _breakdown_rows(fig, key, section)
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(f"{cn_numeral(number)}、{title}", st.heading))
        number += 1
        if not rows:
            story.append(Paragraph("本期无数据。", st.text))
            continue
        if section is not None:
            head = [[dim_label, "登记", "办理", "办结", "办结率"]]
            widths = [62 * mm] + [28 * mm] * 4
            story.append(table(head + rows, widths, st, align=["l", "r", "r", "r", "r"]))
        else:
            head = [[dim_label, "信访件", "", "", "", "矛盾纠纷", "", "", ""],
                    ["", "登记", "办理", "办结", "办结率", "登记", "办理", "办结", "办结率"]]
            widths = [30 * mm] + [18 * mm] * 8
            spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (4, 0)), ("SPAN", (5, 0), (8, 0))]
            story.append(table(head + rows, widths, st, header_rows=2, align=["l"] + ["r"] * 8,
                               extra=spans))
    return story, number


def formulas(st: Styles) -> list:
    notes = [Paragraph("注：" + esc(stats.FORMULAS[0]), st.small)]
    notes += [Paragraph(esc(line), st.small) for line in stats.FORMULAS[1:]]
    return [Spacer(1, 4 * mm), KeepTogether(notes)]


def signatures(st: Styles, made_by: str, checked_by: str, on: date) -> KeepTogether:
    cells = [[f"制表人：{made_by or '__________'}", f"审核人：{checked_by or '__________'}",
              f"日期：{cn_date(on)}"]]
    t = table(cells, [58 * mm] * 3, st, header_rows=0, grid=False,
              extra=[("TOPPADDING", (0, 0), (-1, -1), 10)])
    return KeepTogether([Spacer(1, 6 * mm), t])


# The figures the month-by-month chart and table print: counting only these keeps the
# series query small (12 months × 4 counts per kind instead of 12 × 12).
CHART_FIGURES = ("received", "handled", "closed")
MONTH_TABLE_FIGURES = ("received", "handled", "closed", "succeeded")


def chart_for(series: list[dict], section: str, title: str, st: Styles):
    labels = [f"{int(m['month'][5:])}月" for m in series]
    received = [m[section]["received"] for m in series]
    closed = [m[section]["closed"] for m in series]
    rates = [m[section]["closure_rate"] for m in series]
    return monthly_chart(labels, received, closed, rates, st.fonts.body, title,
                         width=CONTENT_W, height=62 * mm)


def overdue_table(db: Database, f: date, t: date, st: Styles) -> list:
    rows = [["编号", "类型", "当事人", "类别", "承办人", "期限", "超期天数"]]
    for kind, label in (("petition", "信访件"), ("dispute", "矛盾纠纷")):
        ids = case_ids(db, CaseFilter(kind=kind, figure=("overdue_open", f, t)), sort="due_on",
                       descending=False)
        for start in range(0, len(ids), 500):
            for r in case_rows(db, ids[start:start + 500], today=t):
                rows.append([r.number, label, mask_name(r.party), r.category, r.handler or "",
                             r.due_on.isoformat() if r.due_on else "", f"{(t - r.due_on).days}"])
    if len(rows) == 1:
        return [Paragraph("截至期末无超期未结案件。", st.text)]
    widths = [42 * mm, 18 * mm, 20 * mm, 30 * mm, 20 * mm, 24 * mm, 20 * mm]
    return [table(rows, widths, st, align=["l", "c", "l", "l", "l", "c", "r"], plain=True)]


def _header(st: Styles, title: str, period: str) -> list:
    story = []
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


# A custom period's chart shows its months, at most the last 24 of them.
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


def build_range(db: Database, date_from: date, date_to: date, path: str | os.PathLike, *,
                made_by: str = "", checked_by: str = "", made: datetime | None = None) -> Job[Path]:
    """The monthly summary's layout for any period [date_from, date_to] (自定义期间): the same
    tables, the chart over the calendar months the period touches, the overdue cases at its
    end; yields progress."""
    if date_from > date_to:
        raise ValidationError(Problem("to", "统计截止日期不能早于起始日期"))
    title = f"{cn_date(date_from)}至{cn_date(date_to)}信访及矛盾纠纷办理情况统计表"
    return (yield from _build_period(db, date_from, date_to, path, title,
                                     period_months(date_from, date_to),
                                     "期间各月登记与办结情况", made_by, checked_by, made))


def _build_period(db: Database, f: date, t: date, path, title: str,
                  chart_months: tuple[int, int, int], chart_heading: str, made_by: str,
                  checked_by: str, made: datetime | None) -> Job[Path]:
    settings = db.settings()
    st = make_styles(settings.font_path)
    yield Progress(0, 5, "统计本期数据")
    fig = stats.figures(db, f, t)
    yield Progress(1, 5, "统计各月数据")
    series = stats.month_series(db, *chart_months, names=CHART_FIGURES)
    office = settings.report_header or settings.office_name
    story = _header(st, title, f"{office}　　统计期间：{cn_date(f)}至{cn_date(t)}")
    story += [Paragraph("一、主要指标", st.heading), main_table(fig, st)]
    yield Progress(2, 5, "生成分类统计")
    more, number = breakdown_tables(fig, st)
    story += more
    story += [CondPageBreak(70 * mm),
              Paragraph(f"{cn_numeral(number)}、{chart_heading}", st.heading),
              chart_for(series, "petitions", "信访件", st), Spacer(1, 3 * mm),
              chart_for(series, "disputes", "矛盾纠纷", st)]
    yield Progress(3, 5, "列出超期未结案件")
    story += [CondPageBreak(40 * mm),
              Paragraph(f"{cn_numeral(number + 1)}、超期未结案件（截至{cn_date(t)}）", st.heading)]
    story += overdue_table(db, f, t, st)
    story += formulas(st)
    story.append(signatures(st, made_by, checked_by, (made or datetime.now()).date()))
    yield Progress(4, 5, "排版")
    out = build(path, story, Frame(st, office, title, made), title=title, author=office)
    yield Progress(5, 5, "完成")
    return out


def range_report(db: Database, date_from: date, date_to: date, path: str | os.PathLike,
                 **kw) -> Path:
    return run(build_range(db, date_from, date_to, path, **kw))


def monthly_report(db: Database, year: int, month: int, path: str | os.PathLike, **kw) -> Path:
    return run(build_monthly(db, year, month, path, **kw))


def _change(now: int, before: int) -> str:
    diff = now - before
    sign = "+" if diff > 0 else ""
    if before == 0:
        return f"{sign}{diff}" if diff else "0"
    return f"{sign}{diff}（{sign}{stats.format_rate(diff, before)}）"


def yoy_table(fig: dict, prev: dict, st: Styles):
    """同比: this year, last year and the change, for the counts; rates in points."""
    rows = [["指标", "本年", "上年", "增减（同比）"]]
    shown, shown_prev = stats.printable(fig), stats.printable(prev)
    for label, pk, dk in MAIN_ROWS:
        for section, key, kind_label in (("petitions", pk, "信访件"), ("disputes", dk, "矛盾纠纷")):
            if key is None:
                continue
            now, before = fig[section][key], prev[section][key]
            if key.endswith("_rate"):
                change = "—" if now is None or before is None else f"{(now - before) * 100:+.1f}个百分点"
            else:
                change = _change(now, before)
            rows.append([f"{kind_label}{label}", _shown(shown[section][key]),
                         _shown(shown_prev[section][key]), change])
    widths = [70 * mm, 30 * mm, 30 * mm, 44 * mm]
    return table(rows, widths, st, align=["l", "r", "r", "r"])


def monthly_table(series: list[dict], st: Styles):
    rows = [["月份", "信访件", "", "", "矛盾纠纷", "", "", ""],
            ["", "登记", "办结", "办结率", "登记", "办结", "调解成功", "办结率"]]
    for m in series:
        p, d = m["petitions"], m["disputes"]
        rows.append([f"{int(m['month'][5:])}月", f"{p['received']:,}", f"{p['closed']:,}",
                     stats.format_rate(p["closed"], p["handled"]), f"{d['received']:,}",
                     f"{d['closed']:,}", f"{d['succeeded']:,}",
                     stats.format_rate(d["closed"], d["handled"])])
    widths = [20 * mm] + [22 * mm] * 7
    spans = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (3, 0)), ("SPAN", (4, 0), (7, 0))]
    return table(rows, widths, st, header_rows=2, align=["c"] + ["r"] * 7, extra=spans)


def build_annual(db: Database, year: int, path: str | os.PathLike, *, made_by: str = "",
                 checked_by: str = "", made: datetime | None = None) -> Job[Path]:
    """年度统计报告 of ``year``: the annual sentence, the year's tables, month by month, 同比."""
    settings = db.settings()
    st = make_styles(settings.font_path)
    f, t = date(year, 1, 1), date(year, 12, 31)
    yield Progress(0, 5, "统计全年数据")
    fig = stats.figures(db, f, t)
    yield Progress(1, 5, "统计上年数据")
    prev = stats.figures(db, date(year - 1, 1, 1), date(year - 1, 12, 31))
    yield Progress(2, 5, "统计各月数据")
    series = stats.month_series(db, year, 1, 12, names=MONTH_TABLE_FIGURES)
    office = settings.report_header or settings.office_name
    title = f"{year}年度信访及矛盾纠纷办理情况统计报告"
    story = _header(st, title, f"{office}　　统计期间：{cn_date(f)}至{cn_date(t)}")
    story += [Paragraph("一、总体情况", st.heading),
              Paragraph(esc(stats.annual_sentence(fig)), st.body),
              Paragraph("二、主要指标", st.heading), main_table(fig, st)]
    yield Progress(3, 5, "生成分类统计")
    more, number = breakdown_tables(fig, st, number=3)
    story += more
    story += [CondPageBreak(90 * mm),
              Paragraph(f"{cn_numeral(number)}、各月办理情况", st.heading), monthly_table(series, st),
              Spacer(1, 4 * mm), chart_for(series, "petitions", "信访件", st), Spacer(1, 3 * mm),
              chart_for(series, "disputes", "矛盾纠纷", st),
              CondPageBreak(60 * mm),
              Paragraph(f"{cn_numeral(number + 1)}、与上年比较（同比）", st.heading), yoy_table(fig, prev, st)]
    story += formulas(st)
    story.append(signatures(st, made_by, checked_by, (made or datetime.now()).date()))
    yield Progress(4, 5, "排版")
    out = build(path, story, Frame(st, office, title, made), title=title, author=office)
    yield Progress(5, 5, "完成")
    return out


def annual_report(db: Database, year: int, path: str | os.PathLike, **kw) -> Path:
    return run(build_annual(db, year, path, **kw))
