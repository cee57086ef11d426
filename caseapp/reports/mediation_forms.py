"""The ruled forms of a mediation: 受理登记表, 调查记录, 调解记录 (per session), 回访记录 (per
follow-up). Each fills what the case holds and leaves underlined blanks for the rest."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.queries.case_detail import CaseDetail
from caseapp.reports.base import Styles, cn_date, esc
from caseapp.reports.case_common import (
    committee,
    font_warning,
    ordered_parties,
    party_line,
    prepare,
    require_dispute,
    wording,
    write_document,
)
from caseapp.reports.page import (
    DOC_WIDTH,
    DocStyles,
    SealCell,
    blank,
    doc_styles,
    form_table,
    title_block,
)
from caseapp.storage.db import Database
from caseapp.storage.settings import OfficeSettings

LABEL_W = 30 * mm
DATE_CELL = "\u3000" * 3 + "年" + "\u3000" * 2 + "月" + "\u3000" * 2 + "日"  # a ruled cell: no underline
VALUE_W = (DOC_WIDTH - 2 * LABEL_W) / 2
WIDTHS = [LABEL_W, VALUE_W, LABEL_W, VALUE_W]


def _form(ds: DocStyles, pairs: list[tuple[str, str, str, str]], wide: list[tuple[str, object]],
          tall: dict[int, float] | None = None):
    """Rows of two label/value pairs, then wide rows (label, value spanning three columns)."""
    rows: list[list] = [list(p) for p in pairs]
    for label, value in wide:
        cell = value if isinstance(value, Flowable) else Paragraph(esc(value), ds.cell)
        rows.append([label, cell, "", ""])
    first = len(pairs)
    return form_table(rows, WIDTHS, ds,
                      spans=tuple((1, r, 3, r) for r in range(first, len(rows))),
                      labels=tuple((col, r) for r in range(first) for col in (0, 2))
                      + tuple((0, r) for r in range(first, len(rows))),
                      min_heights={first + k: h for k, h in (tall or {}).items()})


def _parties(c: CaseDetail, ds: DocStyles) -> Paragraph:
    return Paragraph("<br/>".join(esc(party_line(p)) for p in ordered_parties(c.parties)), ds.cell)


def _signers(c: CaseDetail) -> str:
    return "　".join(f"{p.role}：{blank(5)}" for p in ordered_parties(c.parties))


def _result(c: CaseDetail) -> str:
    """The outcome, as the last session's record states it."""
    if c.outcome == wf.MEDIATED and c.agreement:
        return f"调解成功，达成{c.agreement.form}。"
    if c.outcome:
        return f"{c.outcome}。" + (f"已告知当事人可以通过{c.failed_route}解决。" if c.failed_route else "")
    return ""


def _write(db: Database, case_id: int, path, mask: bool, title: str,
           body: Callable[[CaseDetail, Styles, DocStyles, OfficeSettings], list]) -> Path:
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, title)
    ds = doc_styles(styles)
    story: list = font_warning(styles)
    story += body(c, styles, ds, settings)
    return write_document(path, story, styles, f"{title} {c.number}", committee(settings))


def register(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """人民调解受理登记表."""
    title = "人民调解受理登记表"

    def body(c, styles, ds, settings):
        if c.accepted_on is None:
            raise WorkflowError(f"{c.number} 尚未受理，不能出具{title}")
        opinion = "".join(wording(db).lines("register.opinion", 调解委员会=committee(settings),
                                            受理日期=cn_date(c.accepted_on)))
        table = _form(ds, [("受理日期", cn_date(c.accepted_on), "登记日期", cn_date(c.received_on)),
                           ("纠纷类型", c.category, "纠纷来源", c.source or ""),
                           ("街镇", c.street or "", "村/社区", c.community or ""),
                           ("人民调解员", c.mediators or "", "登记人", c.handler or "")],
                      [("当事人", _parties(c, ds)),
                       ("纠纷简要情况", Paragraph(esc("\n".join(x for x in (c.summary, c.details) if x)),
                                                   ds.cell)),
                       ("受理意见", f"{opinion}负责人（签名）：{blank(5)}"),
                       ("调解委员会", SealCell([committee(settings), cn_date(c.accepted_on)], ds.cell))],
                      tall={1: 35 * mm})
        return [*title_block(ds, title, c.number, org=committee(settings)), table]

    return _write(db, case_id, path, mask, title, body)


def investigation(db: Database, case_id: int, path: str | os.PathLike, *,
                  mask: bool = False) -> Path:
    """人民调解调查记录: the case's facts at the top, the record itself written by hand."""
    title = "人民调解调查记录"

    def body(c, styles, ds, settings):
        table = _form(ds, [("调查时间", DATE_CELL, "调查地点", ""),
                           ("调查人", c.mediators or "", "记录人", ""),
                           ("被调查人", "", "与纠纷关系", "")],
                      [("当事人", _parties(c, ds)), ("纠纷事项", c.summary), ("调查内容", ""),
                       ("被调查人签名", ""), ("调查人签名", "")],
                      tall={2: 70 * mm, 3: 10 * mm, 4: 10 * mm})
        return [*title_block(ds, title, c.number, org=committee(settings)), table]

    return _write(db, case_id, path, mask, title, body)


def session_record(db: Database, case_id: int, path: str | os.PathLike, *,
                   mask: bool = False) -> Path:
    """人民调解记录: one page per mediation session recorded on the case."""
    title = "人民调解记录"

    def body(c, styles, ds, settings):
        if not c.sessions:
            raise WorkflowError(f"{c.number} 尚未记录调解，不能出具{title}")
        out: list = []
        for i, s in enumerate(c.sessions):
            if i:
                out.append(PageBreak())
            last = i == len(c.sessions) - 1
            result = _result(c) if last else ""
            table = _form(ds, [("调解时间", cn_date(s.held_on), "调解地点", s.place or ""),
                               ("人民调解员", c.mediators or "", "记录人", "")],
                          [("参加人员", s.participants or ""), ("当事人", _parties(c, ds)),
                           ("纠纷事项", c.summary), ("调解情况", s.record or ""),
                           ("调解结果", result or ""), ("当事人签名", _signers(c)),
                           ("调解员签名", "")], tall={3: 55 * mm, 6: 10 * mm})
            out += title_block(ds, f"{title}（第{i + 1}次）", c.number, org=committee(settings))
            out.append(table)
        return out

    return _write(db, case_id, path, mask, title, body)


def visit(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """人民调解回访记录: one page per follow-up visit (a visit still due: its blanks)."""
    title = "人民调解回访记录"

    def body(c, styles, ds, settings):
        if not c.follow_ups:
            raise WorkflowError(f"{c.number} 没有回访安排，不能出具{title}")
        performed = "已履行" if c.performed else "□已履行　□部分履行　□未履行"  # ticked by hand
        out: list = []
        for i, f in enumerate(c.follow_ups):
            if i:
                out.append(PageBreak())
            done = cn_date(f.done_on) or DATE_CELL
            table = _form(ds, [("应回访日期", cn_date(f.due_on), "回访日期", done),
                               ("回访人", c.mediators or "", "回访方式", "")],
                          [("回访对象", _parties(c, ds)), ("纠纷事项", c.summary),
                           ("协议履行情况", performed if c.agreement else "（未达成协议）"),
                           ("回访情况", f.result or ""), ("被回访人签名", ""), ("回访人签名", "")],
                          tall={3: 50 * mm, 4: 10 * mm, 5: 10 * mm})
            out += title_block(ds, title, c.number, org=committee(settings))
            out.append(table)
        return out

    return _write(db, case_id, path, mask, title, body)
