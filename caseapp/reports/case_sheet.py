"""案件登记表: every field, the parties, the sessions, the agreement, the timeline and the
承办人 / 负责人 signatures, on the GB/T 9704 page (one date style: 2026年3月20日)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from caseapp import workflow as wf
from caseapp.queries.case_detail import CaseDetail, EventInfo
from caseapp.reports.base import (
    GRID,
    HEAD_BG,
    Styles,
    cn_date,
    cn_numeral,
    esc,
    table,
)
from caseapp.reports.case_common import (
    clean_term,
    font_warning,
    operator,
    ordered_parties,
    prepare,
    section,
    sentence,
    write_document,
)
from caseapp.reports.page import DOC_WIDTH, blank, date_blank
from caseapp.storage.db import Database
from caseapp.validation import BIRTH_HIDDEN, mask_id_number, mask_phone


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def _sheet_fields(c: CaseDetail) -> list[tuple[str, str, bool]]:
    """(label, value, wide) in the order of the form, related fields side by side; wide
    fields take a whole row."""
    petition = c.kind == wf.Kind.PETITION.value
    due = cn_date(c.due_on) + ("（已延期）" if c.extended and c.due_on else "")
    amount = f"{c.amount:,.2f}元" if c.amount is not None else ""
    fields: list[tuple[str, str, bool]] = [
        ("编号", c.number, False), ("登记日期", cn_date(c.received_on), False),
        ("渠道" if petition else "来源", c.source or "", False), ("类别", c.category, False),
        ("信访类型", c.petition_type or "", False) if petition
        else ("调解员", c.mediators or "", False),
        ("承办人", c.handler or "", False),
        ("街镇", c.street or "", False), ("村/社区", c.community or "", False),
        ("状态", c.status_label, False), ("办理结果", c.outcome or "", False),
        ("受理日期", cn_date(c.accepted_on), False), ("期限", due, False),
        ("办结日期", cn_date(c.closed_on), False),
        ("满意度", c.satisfaction or "", False) if petition
        else ("协议履行", _yes(c.performed) if c.outcome == wf.MEDIATED else "", False),
        ("涉及人数", f"{c.people_count}人" if c.people_count else "", False),
        ("涉及金额", amount, False),
    ]
    if petition:
        group = f"是（{c.group_size}人）" if c.group_size else "否"
        fields += [("信访代理", _yes(c.via_proxy), False), ("集体访", group, False),
                   ("重复信访", _yes(c.is_repeat), False), ("已录入", _yes(c.entered), False)]
    else:
        judicial = "未申请"
        if c.judicial_applied_on:
            judicial = f"{cn_date(c.judicial_applied_on)}申请"
            judicial += f"，{c.judicial_result}" if c.judicial_result else "，结果待定"
        fields.append(("司法确认", judicial, True))
    extension = f"是。理由：{c.extension_reason}" if c.extended else "否"
    fields.append(("延期", extension, True))
    optional = [
        ("参与部门", "、".join(c.departments)), ("不予受理理由", c.reject_reason or ""),
        ("告知途径", c.failed_route or ""), ("办结说明", c.close_note or ""),
        ("转入自", f"信访件 {c.origin_number}" if c.origin_number else ""),
        ("转为纠纷", c.derived_number or ""),
    ]
    fields += [(label, value, True) for label, value in optional if value]
    return fields


def _grid(c: CaseDetail, styles: Styles, width: float) -> list:
    """The form: shaded label cells, value cells; wide values span three columns. The long
    texts (摘要, 详细情况) go in a two-column table that may split inside a row."""
    label_w = 24 * mm
    value_w = (width - 2 * label_w) / 2
    label = ParagraphStyle("sheet_label", parent=styles.head)
    rows: list[list] = []
    spans: list[int] = []
    pending: list = []

    def flush() -> None:  # a field left alone on its row spans it
        if pending:
            spans.append(len(rows))
            rows.append(pending + ["", ""])
            pending.clear()

    for name, value, wide in _sheet_fields(c):
        cells = [Paragraph(esc(name), label), Paragraph(esc(value), styles.cell)]
        if wide:
            flush()
            spans.append(len(rows))
            rows.append(cells + ["", ""])
        else:
            pending += cells
            if len(pending) == 4:
                rows.append(list(pending))
                pending.clear()
    flush()
    common = [("FONTNAME", (0, 0), (-1, -1), styles.fonts.body),  # the "" cells, else Helvetica
              ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
              ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
              ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
              ("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]
    grid = Table(rows, colWidths=[label_w, value_w, label_w, value_w])
    grid.setStyle(TableStyle(common + [("BACKGROUND", (2, r), (2, r), HEAD_BG)
                                       for r in range(len(rows)) if r not in spans]
                             + [("SPAN", (1, r), (3, r)) for r in spans]))
    texts = [[Paragraph("事项摘要", label), Paragraph(esc(c.summary), styles.cell)],
             [Paragraph("详细情况", label), Paragraph(esc(c.details) or "—", styles.cell)]]
    long = Table(texts, colWidths=[label_w, width - label_w], splitInRow=1)
    # Labels at the top: a long text split over pages keeps its label on the first part.
    long.setStyle(TableStyle(common + [("VALIGN", (0, 0), (0, -1), "TOP")]))
    return [grid, long]


def _party_rows(c: CaseDetail, mask: bool) -> list[list[str]]:
    rows = []
    for p in ordered_parties(c.parties):
        name = p.name + (f"（法定代表人：{p.legal_rep}）" if p.is_org and p.legal_rep else "")
        id_number = mask_id_number(p.id_number) if mask else (p.id_number or "")
        phone = mask_phone(p.phone) if mask else (p.phone or "")
        # The mask hides the ID's birth-date digits: the date itself must not stand beside it.
        birth = BIRTH_HIDDEN if mask and p.id_number else cn_date(p.birth_date)
        rows.append([p.role, name, p.gender or "", birth, id_number, phone,
                     p.address or ""])
    return rows


_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def cn_days(text: str) -> str:
    """ISO dates inside a stored change ("2026-03-02") as documents write them (2026年3月2日)."""
    return _ISO_DAY.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)


def _change_text(e: EventInfo) -> str:
    parts = [f"{label}：{cn_days(old)} → {cn_days(new) or '（空）'}" if old
             else f"{label}：{cn_days(new)}" for label, old, new in e.changes]
    note = (e.note or "").strip()
    # An act's note often repeats a value it set (不予受理's reason): say it once.
    if note and not any(note.rstrip("。") in new for _label, _old, new in e.changes if new):
        parts.append(cn_days(note))
    return "；".join(parts)


def _signatures(styles: Styles) -> KeepTogether:
    """承办人 and 负责人, each with a line to sign and a date: the sheet goes into the 卷宗."""
    cell = styles.text
    rows = [[Paragraph(f"承办人（签名）：{blank(6)}", cell), Paragraph(f"日期：{date_blank()}", cell)],
            [Paragraph(f"负责人（签名）：{blank(6)}", cell), Paragraph(f"日期：{date_blank()}", cell)]]
    t = Table(rows, colWidths=[DOC_WIDTH * 0.55, DOC_WIDTH * 0.45])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.body),
                           ("TOPPADDING", (0, 0), (-1, -1), 10),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8 * mm), t])


def case_sheet(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """案件登记表: every field, the parties and the timeline (its header repeats)."""
    c, styles, settings = prepare(db, case_id, mask)
    petition = c.kind == wf.Kind.PETITION.value
    title = "信访事项登记表" if petition else "矛盾纠纷登记表"
    width = DOC_WIDTH
    story: list = font_warning(styles)
    story += [Paragraph(title, styles.title),
              Paragraph(f"编号：{esc(c.number)}{'　' * 2}填表单位：{esc(settings.office_name)}",
                        styles.subtitle)]
    story += _grid(c, styles, width)

    story += section("当事人" + ("（证件号码、电话已部分隐藏，出生日期不显示）" if mask else ""), styles)
    party_w = [17, 22, 10, 28, 33, 22]
    party_w = [w * mm for w in party_w] + [width - sum(party_w) * mm]
    rows = _party_rows(c, mask) or [["", "（未登记当事人）", "", "", "", "", ""]]
    story.append(table([["身份", "姓名/名称", "性别", "出生日期", "身份证号", "联系电话", "住址"]]
                       + rows, party_w, styles, align=["c", "l", "c", "c", "c", "c", "l"]))

    if c.sessions:
        story += section("调解情况", styles)
        w = [28 * mm, 32 * mm, 38 * mm]
        story.append(table([["调解日期", "地点", "参加人员", "调解记录"]]
                           + [[cn_date(s.held_on), s.place or "", s.participants or "", s.record or ""]
                              for s in c.sessions], w + [width - sum(w)], styles,
                           align=["c", "l", "l", "l"]))
    if c.agreement:
        a = c.agreement
        story += section("调解协议", styles)
        terms = "<br/>".join(f"{cn_numeral(i)}、{esc(sentence(clean_term(t)))}"
                             for i, t in enumerate(a.terms, 1))
        due = cn_date(a.performance_due)
        performance = "；".join(x for x in (a.performance_method, a.performance_place,
                                            f"{due}前" if due else "") if x)
        lw = 24 * mm
        story.append(table([["协议形式", f"{a.form}，{cn_date(a.signed_on)}"],
                            ["协议内容", Paragraph(terms, styles.cell)],
                            ["履行方式", performance or "—"]], [lw, width - lw], styles,
                           header_rows=0, extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
    if c.follow_ups:
        story += section("回访", styles)
        w = [30 * mm, 30 * mm]
        story.append(table([["应回访日期", "回访日期", "回访结果"]]
                           + [[cn_date(f.due_on), cn_date(f.done_on), f.result or ""]
                              for f in c.follow_ups],
                           w + [width - sum(w)], styles, align=["c", "c", "l"]))

    story += section("办理经过", styles)
    w = [36 * mm, 20 * mm, 20 * mm]
    events = [[f"{cn_date(e.at.date())} {e.at:%H:%M}", operator(e.user, c, settings),
               e.action_label, _change_text(e)] for e in c.events]
    story.append(table([["时间", "操作人", "操作", "变更/说明"]] + events, w + [width - sum(w)],
                       styles, align=["c", "c", "c", "l"]))
    story.append(_signatures(styles))
    return write_document(path, story, styles, f"{title} {c.number}", settings.office_name)
