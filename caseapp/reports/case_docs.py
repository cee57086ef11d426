"""Documents about one case: 案件登记表, 人民调解协议书, 受理告知书 / 不予受理告知书.

The data comes from ``queries.case_detail`` and the office settings; fonts, styles, the table
helper, the page frame and the atomic ``build`` come from ``base``. Formal documents (the
agreement and the notices) follow GB/T 9704 where it fits: A4, title 22 pt, body 16 pt, no
running header, "— N —" page numbers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.errors import NotFound, Problem, ValidationError, WorkflowError
from caseapp.queries.case_detail import CaseDetail, EventInfo, PartyInfo, case_detail
from caseapp.reports.base import (
    DOC_MARGINS,
    GRID,
    HEAD_BG,
    PAGE_W,
    TABLE_MARGINS,
    Frame,
    Styles,
    build,
    cn_date,
    cn_numeral,
    esc,
    iso,
    make_styles,
    table,
)
from caseapp.storage.db import Database
from caseapp.storage.models import Case
from caseapp.storage.settings import OfficeSettings
from caseapp.validation import mask_id_number, mask_phone

DOCS = ("sheet", "agreement", "notice")
ROLE_ORDER = {"申请人": 0, "被申请人": 1, "第三人": 2, "信访人": 0, "代理人": 1}
LINE = "_" * 16  # a line to sign on
NBSP = "\u00a0"  # a space a Paragraph keeps (it collapses ordinary and ideographic spaces)
DOC_WIDTH = PAGE_W - DOC_MARGINS["leftMargin"] - DOC_MARGINS["rightMargin"]


# "1、" "2." "(3)" "四、" — but not the "3.5" of "3.5万元由……".
_NUMBERING = re.compile(r"^\s*[（(]?(?:\d+|[一二三四五六七八九十]+)(?:[)）、]|[.．](?!\d))\s*")


def _clean_term(term: str) -> str:
    """A term without the numbering a clerk may have typed (we number the terms)."""
    return _NUMBERING.sub("", term.strip(), count=1)


def _trim(text: str | None) -> str:
    """Text to embed in a sentence: no trailing full stop or comma."""
    return (text or "").strip().rstrip("。.，,；;")


def _paragraphs(text: str | None, style: ParagraphStyle) -> list[Paragraph]:
    return [Paragraph(esc(line.strip()), style) for line in (text or "").splitlines() if line.strip()]


def _ordered(parties: tuple[PartyInfo, ...]) -> list[PartyInfo]:
    return sorted(parties, key=lambda p: ROLE_ORDER.get(p.role, 9))  # stable within a role


def _prepare(db: Database, case_id: int) -> tuple[CaseDetail, Styles, OfficeSettings]:
    settings = db.settings()
    return case_detail(db, case_id), make_styles(settings.font_path), settings


def _section(title: str, styles: Styles) -> list:
    """A heading that never stays alone at the foot of a page."""
    return [CondPageBreak(35 * mm), Paragraph(esc(title), styles.heading)]


def _signature_block(lines: list[str], style: ParagraphStyle, width: float) -> Table:
    """署名 and date as a block at the right, each line centred over the others, two
    characters in from the right margin (GB/T 9704)."""
    size = style.fontSize
    block = min(max(len(line) for line in lines) * size + 2 * size, width * 0.6)  # long names wrap
    centred = ParagraphStyle("doc_sign_centre", parent=style, firstLineIndent=0,
                             alignment=TA_CENTER, rightIndent=0, leftIndent=0)
    t = Table([["", Paragraph(esc(line), centred)] for line in lines],
              colWidths=[width - block - 2 * size, block + 2 * size])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), style.fontName),  # the "" cells
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (1, 0), (1, -1), 2 * size),
                           ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _warning(styles: Styles) -> list:
    return [Paragraph(esc(styles.fonts.warning), styles.warning)] if styles.fonts.warning else []


def _doc_styles(styles: Styles) -> dict[str, ParagraphStyle]:
    """Styles of the formal documents, derived from ``styles.body`` (16 pt)."""
    body = styles.body
    size = body.fontSize
    return {
        "body": body,
        "label": ParagraphStyle("doc_label", parent=body, fontName=styles.fonts.bold),
        "flush": ParagraphStyle("doc_flush", parent=body, firstLineIndent=0, alignment=TA_LEFT),
        "center": ParagraphStyle("doc_center", parent=body, firstLineIndent=0,
                                 alignment=TA_CENTER),
        "org": ParagraphStyle("doc_org", parent=body, fontName=styles.fonts.bold,
                              fontSize=18, leading=30, firstLineIndent=0, alignment=TA_CENTER),
        "number": ParagraphStyle("doc_number", parent=body, fontSize=14, leading=24,
                                 firstLineIndent=0, alignment=TA_RIGHT),
        "sign": ParagraphStyle("doc_sign", parent=body, firstLineIndent=0, alignment=TA_LEFT,
                               leading=size * 2.4),
        "foot": ParagraphStyle("doc_foot", parent=body, fontSize=14, leading=24,
                               firstLineIndent=0, alignment=TA_LEFT),
    }


# ---------------------------------------------------------------------------
# 案件登记表.


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
    for p in _ordered(c.parties):
        name = p.name + (f"（法定代表人：{p.legal_rep}）" if p.is_org and p.legal_rep else "")
        id_number = mask_id_number(p.id_number) if mask else (p.id_number or "")
        phone = mask_phone(p.phone) if mask else (p.phone or "")
        rows.append([p.role, name, p.gender or "", iso(p.birth_date), id_number, phone,
                     p.address or ""])
    return rows


def _change_text(e: EventInfo) -> str:
    parts = [f"{label}：{old} → {new or '（空）'}" if old else f"{label}：{new}"
             for label, old, new in e.changes]
    if e.note:
        parts.append(e.note)
    return "；".join(parts)


def case_sheet(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """案件登记表: every field, the parties and the timeline (its header repeats)."""
    c, styles, settings = _prepare(db, case_id)
    petition = c.kind == wf.Kind.PETITION.value
    title = "信访事项登记表" if petition else "矛盾纠纷登记表"
    width = PAGE_W - TABLE_MARGINS["leftMargin"] - TABLE_MARGINS["rightMargin"]
    story: list = _warning(styles)
    story += [Paragraph(title, styles.title), Paragraph(esc(c.number), styles.subtitle)]
    story += _grid(c, styles, width)

    story += _section("当事人" + ("（证件号码、电话已部分隐藏）" if mask else ""), styles)
    party_w = [17, 30, 10, 21, 37, 26]
    party_w = [w * mm for w in party_w] + [width - sum(party_w) * mm]
    rows = _party_rows(c, mask) or [["", "（未登记当事人）", "", "", "", "", ""]]
    story.append(table([["身份", "姓名/名称", "性别", "出生日期", "身份证号", "联系电话", "住址"]]
                       + rows, party_w, styles, align=["c", "l", "c", "c", "c", "c", "l"]))

    if c.sessions:
        story += _section("调解情况", styles)
        w = [24 * mm, 34 * mm, 40 * mm]
        story.append(table([["调解日期", "地点", "参加人员", "调解记录"]]
                           + [[iso(s.held_on), s.place or "", s.participants or "", s.record or ""]
                              for s in c.sessions], w + [width - sum(w)], styles,
                           align=["c", "l", "l", "l"]))
    if c.agreement:
        a = c.agreement
        story += _section("调解协议", styles)
        terms = "<br/>".join(f"{cn_numeral(i)}、{esc(_clean_term(t))}"
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
        story += _section("回访", styles)
        w = [30 * mm, 30 * mm]
        story.append(table([["应回访日期", "回访日期", "回访结果"]]
                           + [[iso(f.due_on), iso(f.done_on), f.result or ""] for f in c.follow_ups],
                           w + [width - sum(w)], styles, align=["c", "c", "l"]))

    story += _section("办理经过", styles)
    w = [30 * mm, 22 * mm, 22 * mm]
    events = [[f"{e.at:%Y-%m-%d %H:%M}", e.user, e.action_label, _change_text(e)] for e in c.events]
    story.append(table([["时间", "操作人", "操作", "变更/说明"]] + events, w + [width - sum(w)],
                       styles, align=["c", "c", "c", "l"]))
    frame = Frame(styles, settings.office_name, title)
    return build(path, story, frame, title=f"{title} {c.number}", author=settings.office_name,
                 margins=TABLE_MARGINS)


# ---------------------------------------------------------------------------
# 人民调解协议书.


def _party_line(p: PartyInfo, mask: bool = False) -> str:
    if p.is_org:
        bits = [p.name]
        if p.legal_rep:
            bits.append(f"法定代表人：{p.legal_rep}")
        if p.address:
            bits.append(f"地址：{p.address}")
    else:
        bits = [p.name]
        if p.gender:
            bits.append(p.gender)
        if p.birth_date:
            bits.append(f"{cn_date(p.birth_date)}出生")
        if p.id_number:
            bits.append(f"身份证号：{mask_id_number(p.id_number) if mask else p.id_number}")
        if p.address:
            bits.append(f"住址：{p.address}")
    if p.phone:
        bits.append(f"联系电话：{mask_phone(p.phone) if mask else p.phone}")
    return f"{p.role}：" + "，".join(bits) + "。"


def agreement(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """人民调解协议书, after the 司法部 template, ready to be signed (``mask``: ID numbers and
    phones partly hidden, for a user whose role may not print them in full)."""
    c, styles, settings = _prepare(db, case_id)
    if c.kind != wf.Kind.DISPUTE.value:
        raise WorkflowError(f"{c.number} 是信访件，没有人民调解协议书")
    if c.agreement is None:
        raise WorkflowError("该纠纷尚未记录调解协议")
    a, s = c.agreement, _doc_styles(styles)
    parties = _ordered(c.parties)
    story: list = _warning(styles)
    story += [Paragraph(esc(settings.committee_name), s["org"]),
              Paragraph("人民调解协议书", styles.title),
              Paragraph(f"编号：{esc(c.number)}", s["number"]), Spacer(1, 4 * mm)]
    story += [Paragraph(esc(_party_line(p, mask)), s["body"]) for p in parties]

    story += [Spacer(1, 3 * mm), Paragraph("纠纷主要事实、争议事项：", s["label"])]
    facts = a.facts or c.details or c.summary
    story += _paragraphs(facts, s["body"])

    sides = "双方" if len(parties) <= 2 else "各方"
    story += [Spacer(1, 3 * mm), Paragraph(f"经调解，{sides}当事人自愿达成如下协议：", s["label"])]
    story += [Paragraph(f"{cn_numeral(i)}、{esc(_clean_term(t))}", s["body"])
              for i, t in enumerate(a.terms, 1)]

    story += [Spacer(1, 3 * mm), Paragraph("履行协议的方式、地点、期限：", s["label"])]
    performance = []
    if a.performance_method:
        performance.append(f"履行方式：{_trim(a.performance_method)}")
    if a.performance_place:
        performance.append(f"履行地点：{_trim(a.performance_place)}")
    if a.performance_due:
        performance.append(f"履行期限：{cn_date(a.performance_due)}前履行完毕")
    text = "；".join(performance) + "。" if performance else "按上述协议内容履行。"
    story.append(Paragraph(esc(text), s["body"]))

    copies = cn_numeral(len(parties) + 1)
    story += [
        Spacer(1, 3 * mm),
        Paragraph("本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起"
                  f"生效。本协议一式{copies}份，当事人各执一份，人民调解委员会留存一份。", s["body"]),
        Paragraph("当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。", s["body"]),
    ]
    signs: list = [Spacer(1, 10 * mm)]
    signs += [Paragraph(f"{esc(p.role)}（签名盖章或按指印）：{LINE}", s["sign"]) for p in parties]
    signs += [Paragraph(f"人民调解员（签名）：{LINE}", s["sign"]),
              Paragraph(f"记录人（签名）：{LINE}", s["sign"]), Spacer(1, 8 * mm),
              _signature_block(["（人民调解委员会印）", cn_date(a.signed_on)], s["body"], DOC_WIDTH)]
    story.append(KeepTogether(signs))
    frame = Frame(styles, settings.committee_name, "人民调解协议书", header=False)
    return build(path, story, frame, title=f"人民调解协议书 {c.number}",
                 author=settings.committee_name, margins=DOC_MARGINS)


# ---------------------------------------------------------------------------
# 受理告知书 / 不予受理告知书.


def notice(db: Database, case_id: int, path: str | os.PathLike) -> Path:
    """受理告知书 for an accepted petition, 不予受理告知书 for a rejected one."""
    c, styles, settings = _prepare(db, case_id)
    if c.kind != wf.Kind.PETITION.value:
        raise WorkflowError(f"{c.number} 是矛盾纠纷，受理告知书只适用于信访件")
    rejected = c.status == wf.Status.REJECTED.value
    if not rejected and c.accepted_on is None:
        raise WorkflowError(f"{c.number} 尚未受理，不能出具告知书，请先受理或不予受理")
    s = _doc_styles(styles)
    title = "不予受理告知书" if rejected else "受理告知书"
    names = [p.name for p in c.parties if p.role == "信访人"] or [c.party]
    opening = f"你（你们）于{cn_date(c.received_on)}提出的关于{_trim(c.summary)}的信访事项，"
    if rejected:
        text = (opening + f"经审查，该信访事项{_trim(c.reject_reason)}，根据《信访工作条例》"
                "第三十条、第三十一条的规定，本机关决定不予受理。")
        signed_on = c.closed_on
    else:
        days = cn_numeral(settings.limits.petition_handle)
        text = (opening + f"本机关已于{cn_date(c.accepted_on)}依据《信访工作条例》规定予以受理，"
                f"将在受理之日起{days}日内办结并书面答复。")
        signed_on = c.accepted_on
    story: list = _warning(styles)
    story += [Paragraph(title, styles.title), Paragraph(esc(c.number), s["center"]),
              Spacer(1, 8 * mm), Paragraph(esc("、".join(n for n in names if n)) + "：", s["flush"]),
              Paragraph(esc(text), s["body"]), Paragraph("特此告知。", s["body"])]
    story.append(KeepTogether([
        Spacer(1, 18 * mm),
        _signature_block([settings.office_name, cn_date(signed_on), "（印章）"], s["body"],
                         DOC_WIDTH),
        Spacer(1, 28 * mm),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, dash=(3, 2)),
        Spacer(1, 3 * mm),
        Paragraph(f"签收人：{LINE}{NBSP * 6}签收日期：{'_' * 8}年{'_' * 5}月{'_' * 5}日",
                  s["foot"]),
    ]))
    frame = Frame(styles, settings.office_name, title, header=False)
    return build(path, story, frame, title=f"{title} {c.number}", author=settings.office_name,
                 margins=DOC_MARGINS)


# ---------------------------------------------------------------------------
# By case number, for the command line and the GUI.


def find_case(db: Database, number: str) -> int:
    """The id of the case with this number; NotFound when there is none."""
    number = (number or "").strip()
    with db.read() as session:
        case_id = session.scalar(select(Case.id).where(Case.number == number,
                                                       Case.deleted_at.is_(None)))
    if case_id is None:
        raise NotFound(f"找不到编号为「{number}」的案件")
    return case_id


def render_case_document(db: Database, number: str, doc: str, path: str | os.PathLike) -> Path:
    """Write document ``doc`` ("sheet", "agreement" or "notice") of case ``number``."""
    makers: dict[str, Callable[[Database, int, str | os.PathLike], Path]] = {
        "sheet": case_sheet, "agreement": agreement, "notice": notice}
    if doc not in makers:
        raise ValidationError(Problem("doc", f"文书类型应为：{'、'.join(DOCS)}"))
    return makers[doc](db, find_case(db, number), path)


__all__ = ["DOCS", "agreement", "case_sheet", "cn_numeral", "find_case", "notice",
           "render_case_document"]
