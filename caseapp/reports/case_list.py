"""The printed case list (信访件列表 / 矛盾纠纷列表): exactly the cases of a list's filter, in
the list's order, with the filter named; A4 landscape."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer
from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.figures.placeholders import LABELS as FIGURE_LABELS
from caseapp.progress import Job, Progress, run
from caseapp.queries.case_list import CaseFilter, case_ids, case_rows
from caseapp.reports.base import (
    RED,
    TABLE_MARGINS,
    Frame,
    build,
    cn_date,
    compact,
    esc,
    iso,
    make_styles,
    table,
)
from caseapp.storage.db import Database
from caseapp.storage.models import Case
from caseapp.validation import mask_text

PAGE_SIZE = landscape(A4)
WIDTH = PAGE_SIZE[0] - TABLE_MARGINS["leftMargin"] - TABLE_MARGINS["rightMargin"]
HEADERS = ("编号", "当事人", "类别", "街镇", "登记日期", "状态", "期限", "承办人", "事项摘要")
# Fixed columns in mm; 事项摘要 takes the rest of the line and wraps.
_FIXED_MM = (40, 20, 24, 22, 20, 16, 19, 18)
WIDTHS = [w * mm for w in _FIXED_MM] + [WIDTH - sum(_FIXED_MM) * mm]
ALIGN = ["l", "l", "l", "l", "c", "c", "r", "l", "l"]
DEADLINE_COL = HEADERS.index("期限")
CHUNK = 500


def list_title(kind: str | None) -> str:
    if kind == wf.Kind.PETITION.value:
        return "信访件列表"
    if kind == wf.Kind.DISPUTE.value:
        return "矛盾纠纷列表"
    return "案件列表"


def _range(f: date | None, t: date | None) -> str:
    if f and t:
        return f"{cn_date(f)}至{cn_date(t)}"
    return f"{cn_date(f)}起" if f else f"至{cn_date(t)}"


def filter_line(flt: CaseFilter) -> str:
    """The filter in words, only the parts set: "筛选：状态 办理中；街镇 马鞍街道；搜索「工资」",
    or "全部案件"."""
    parts: list[str] = []
    if flt.statuses:
        kind = flt.kind or wf.Kind.PETITION.value
        parts.append("状态 " + "、".join(wf.status_label(kind, s) for s in flt.statuses))
    for label, value in (("类别", flt.category), ("街镇", flt.street), ("承办人", flt.handler),
                         ("来源", flt.source), ("办理结果", flt.outcome)):
        if value:
            parts.append(f"{label} {value}")
    if flt.received_from or flt.received_to:
        parts.append("登记日期 " + _range(flt.received_from, flt.received_to))
    if flt.overdue_only:
        parts.append("仅当前超期")
    if flt.due_soon_only:
        parts.append("仅即将到期")
    if flt.figure:
        name, f, t = flt.figure
        parts.append(f"统计口径 {FIGURE_LABELS.get(name, name)}（{_range(f, t)}）")
    if (flt.text or "").strip():
        parts.append("搜索「" + " ".join(flt.text.split()) + "」")
    return "筛选：" + "；".join(parts) if parts else "全部案件"


def _summaries(db: Database, ids: list[int]) -> dict[int, str]:
    with db.read() as session:
        return dict(session.execute(select(Case.id, Case.summary).where(Case.id.in_(ids))).all())


def case_list(db: Database, flt: CaseFilter, path: str | os.PathLike, *,
              sort: str = "received_on", descending: bool = True,
              made: datetime | None = None) -> Job[Path]:
    """The list of ``flt`` sorted as the list sorts it, to ``path``; yields Progress while the
    rows are read, returns the path."""
    settings = db.settings()
    office = settings.report_header or settings.office_name
    made = made or datetime.now()
    today = flt.today or date.today()
    title = list_title(flt.kind)
    ids = case_ids(db, flt, sort, descending)
    yield Progress(0, len(ids), "正在读取案件")
    rows: list[list[object]] = [list(HEADERS)]
    overdue: list[int] = []  # table rows whose 期限 is printed red, as the list shows it
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        summaries = _summaries(db, chunk)
        for r in case_rows(db, chunk, today):
            if r.deadline_state == "overdue":
                overdue.append(len(rows))
            rows.append([r.number, r.party, r.category, r.street or "", iso(r.received_on),
                         r.status_label, r.deadline_text, r.handler or "",
                         mask_text(summaries.get(r.id))])  # lists carry no personal data
        yield Progress(start + len(chunk), len(ids), "正在读取案件")
    yield Progress(len(ids), len(ids), "正在排版")
    st = compact(make_styles(settings.font_path))
    story: list[Flowable] = []
    if st.fonts.warning:
        story.append(Paragraph(esc(st.fonts.warning), st.warning))
    story += [Paragraph(esc(title), st.title), Paragraph(esc(office), st.subtitle),
              Paragraph(esc(filter_line(flt)), st.text),
              Paragraph(esc(f"打印日期：{cn_date(made.date())}　　共 {len(rows) - 1} 件"), st.text),
              Spacer(1, 3 * mm)]
    red = [("TEXTCOLOR", (DEADLINE_COL, i), (DEADLINE_COL, i), RED) for i in overdue]
    story.append(table(rows, WIDTHS, st, align=ALIGN, plain=True, extra=red))
    frame = Frame(st, office, title, made)
    return build(path, story, frame, title=title, author=office, margins=TABLE_MARGINS,
                 pagesize=PAGE_SIZE)


def run_case_list(db: Database, flt: CaseFilter, path: str | os.PathLike, *,
                  sort: str = "received_on", descending: bool = True,
                  made: datetime | None = None, on_progress=None) -> Path:
    return run(case_list(db, flt, path, sort=sort, descending=descending, made=made),
               on_progress)


__all__ = ["case_list", "filter_line", "list_title", "run_case_list"]
