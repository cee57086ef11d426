"""Checking one row of an import: every problem of the row at once, or the values to insert.
The rules are the program's own (caseapp.workflow, caseapp.validation), so an imported case
is one the clerk could have registered."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseapp import deadlines
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.exchange.columns import KIND_NAMES, LABELS, MAX_LEN, REQUIRED
from caseapp.exchange.reading import TooLong
from caseapp.storage.db import Database
from caseapp.storage.models import Category
from caseapp.validation import is_masked


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


def _date(value: object) -> date | None:
    if isinstance(value, int) and 19000101 <= value <= 99991231:
        value = str(value)  # 20260305 typed into a number cell
    return v.parse_date(value)


@dataclass
class Row:
    """A row that passed every check: the case's columns and its parties, ready to insert."""

    rownum: int
    kind: str
    number: str  # "" when numbered on import
    values: dict  # the cases columns
    party: tuple[str, str | None, str | None, str | None, date | None]  # name, id, phone, gender, birth
    respondent: str | None
    agreement_form: str | None = None  # 协议形式: an agreement recorded with the case


class RowChecker:
    """Checks the rows of one file in order; remembers the numbers seen to find duplicates."""

    def __init__(self, session: Session, db: Database):
        self.today = date.today()
        self.limits = db.settings().limits
        self.calendar = db.calendar()
        self.categories = {
            kind: set(session.scalars(select(Category.name).where(
                Category.kind == kind, Category.active.is_(True))))
            for kind in ("petition", "dispute")
        }
        self.given: dict[str, int] = {}  # number given in the file → its row
        self.auto: dict[str, int] = {}  # number allocated on import → its row
        self.fresh: list[tuple[str, int]] = []  # given numbers not yet checked in the database

    def check(self, rownum: int, raw: dict[str, object]) -> tuple[Row | None, list[tuple[str, str]]]:
        bad: list[tuple[str, str]] = []
        # A cell refused for its length (reading.TooLong) or its characters is reported
        # once and then read as blank, so that no other message repeats it.
        raw = dict(raw)
        for alias, value in raw.items():
            if isinstance(value, TooLong):
                bad.append((LABELS[alias], str(value)))
                raw[alias] = None
            elif isinstance(value, str) and (msg := v.text_problem(value, alias == "details")):
                bad.append((LABELS[alias], msg))
                raw[alias] = None
        spoken = {label for label, _ in bad}

        def get(alias, parse=_text):
            try:
                return parse(raw.get(alias))
            except ValueError as exc:
                bad.append((LABELS[alias], str(exc)))
                return None

        text = {a: _text(raw.get(a)) for a in (
            "number", "party", "respondent", "street", "category", "source", "handler",
            "summary", "outcome", "petition_type", "details", "community", "satisfaction", "agreement_form",
            "confirmation", "risk", "prevention")}
        for alias, limit in MAX_LEN.items():
            if len(text[alias]) > limit:
                bad.append((LABELS[alias], f"不能超过{limit}字"))
        for alias in REQUIRED:
            if alias not in ("kind", "received_on") and not text[alias] and LABELS[alias] not in spoken:
                bad.append((LABELS[alias], "必须填写"))
        kind_text = _text(raw.get("kind"))
        kind = KIND_NAMES.get(kind_text.lower())
        if not kind_text and "类型" not in spoken:
            bad.append(("类型", "必须填写"))
        elif kind is None:
            bad.append(("类型", f"「{kind_text}」应为 信访 或 纠纷"))
        petition = kind == "petition"

        received, accepted, closed = (get(a, _date) for a in ("received_on", "accepted_on", "closed_on"))
        if received is None and "登记日期" not in (p[0] for p in bad):
            bad.append(("登记日期", "必须填写"))
        for alias, day in (("received_on", received), ("accepted_on", accepted), ("closed_on", closed)):
            if day is not None and day > self.today:
                bad.append((LABELS[alias], f"{day.isoformat()} 晚于今天"))
        outcome = text["outcome"] or None
        rejected = outcome == wf.REJECTED
        if outcome and kind and (msg := wf.check_outcome(kind, outcome)):
            bad.append(("办理结果", msg))
        if closed and not outcome:
            bad.append(("办理结果", "填写了办结日期，须同时填写办理结果"))
        if outcome and not closed and "办结日期" not in (p[0] for p in bad):
            bad.append(("办结日期", "填写了办理结果，须同时填写办结日期"))
        if received and accepted and accepted < received:
            bad.append(("受理日期", "受理日期不能早于登记日期"))
        if rejected:
            if accepted and kind != "dispute":  # on a dispute 不予受理 itself is the problem
                bad.append(("受理日期", "不予受理的信访件不应有受理日期"))
            if closed and received and closed < received:
                bad.append(("办结日期", "办结日期不能早于登记日期"))
        elif closed:
            if accepted is None and "受理日期" not in (p[0] for p in bad):
                bad.append(("受理日期", "已办结的案件须有受理日期"))
            elif accepted and closed < accepted:
                bad.append(("办结日期", "办结日期不能早于受理日期"))

        if kind and text["category"] and text["category"] not in self.categories[kind]:
            bad.append(("类别", f"「{text['category']}」不在{wf.KIND_LABELS[wf.Kind(kind)]}类别列表中"))
        if kind and text["source"] and text["source"] not in wf.sources_for(kind):
            bad.append(("来源", f"「{text['source']}」应为：{'、'.join(wf.sources_for(kind))}"))
        flags = {a: get(a, v.parse_bool) for a in ("extended", "via_proxy", "entered", "performed", "is_repeat")}
        if kind == "dispute":
            for alias in ("via_proxy", "entered", "is_repeat"):
                if flags[alias]:
                    bad.append((LABELS[alias], "纠纷没有此项，应留空或填 否"))
            for alias in ("petition_type", "group_size"):
                if _text(raw.get(alias)):
                    bad.append((LABELS[alias], "纠纷没有此项，应留空"))
        if flags["performed"] and not (kind == "dispute" and outcome == wf.MEDIATED and closed):
            bad.append(("协议履行", "只有调解成功的纠纷才有协议履行"))
        if petition and text["respondent"]:
            bad.append(("对方当事人", "信访件没有对方当事人，应留空"))
        if petition and text["petition_type"] and text["petition_type"] not in wf.PETITION_TYPES:
            bad.append(("信访类型", f"应为：{'、'.join(wf.PETITION_TYPES)}"))
        if text["satisfaction"] and (not petition or text["satisfaction"] not in wf.SATISFACTION):
            bad.append(("满意度", "纠纷没有此项，应留空" if kind == "dispute"
                        else f"应为：{'、'.join(wf.SATISFACTION)}"))
        form = text["agreement_form"]
        if form and not (kind == "dispute" and outcome == wf.MEDIATED and closed):
            bad.append(("协议形式", "只有调解成功的纠纷才有协议形式，应留空"))
        elif form and form not in wf.AGREEMENT_FORMS:
            bad.append(("协议形式", f"应为：{'、'.join(wf.AGREEMENT_FORMS)}"))
        mediation = mediation_values(text, kind, outcome, closed, bad)
        group_size = get("group_size", v.parse_people_bounded)
        if group_size is not None and group_size < 5:
            bad.append(("集体访人数", "集体访人数应不少于5人"))

        id_info = None
        # A masked value (from a masked export, privacy.py) carries no number: taken as blank.
        if _text(raw.get("id_number")) and not is_masked(_text(raw.get("id_number"))):
            id_info = get("id_number", lambda x: v.check_id_number(_text(x)))
        phone = get("phone", lambda x: v.check_phone(_text(x))
                    if _text(x) and not is_masked(_text(x)) else None)
        people, amount = get("people", v.parse_people_bounded), get("amount", v.parse_amount_bounded)

        number = text["number"]
        if number:
            if number in self.given:
                bad.append(("编号", f"编号「{number}」与第{self.given[number]}行重复"))
            elif number in self.auto:
                bad.append(("编号", f"编号「{number}」与第{self.auto[number]}行自动分配的编号重复"))
            else:
                self.given[number] = rownum
                self.fresh.append((number, rownum))
        if bad or kind is None:  # an unknown kind is always among the problems
            return None, bad

        extended = bool(flags["extended"])
        out = dict(
            kind=kind, outcome=outcome, summary=text["summary"], details=text["details"] or None,
            category=text["category"], source=text["source"] or None,
            street=text["street"] or None, community=text["community"] or None,
            received_on=received, accepted_on=accepted, closed_on=closed,
            due_on=deadlines.due_on(kind, received, accepted, extended, self.limits, self.calendar),
            status=wf.status_from_dates(accepted, closed, outcome).value,
            extended=extended, extension_reason="导入" if extended else None,
            handler=text["handler"] or None, people_count=people, amount=amount,
            petition_type=(text["petition_type"] or None) if petition else None,
            group_size=group_size if petition else None,
            satisfaction=(text["satisfaction"] or None) if petition else None,
            is_repeat=bool(flags["is_repeat"]), via_proxy=bool(flags["via_proxy"]),
            entered=bool(flags["entered"]), performed=bool(flags["performed"]), version=1,
            **mediation,
        )
        party = (text["party"], id_info.number if id_info else None, phone,
                 id_info.gender if id_info else None, id_info.birth_date if id_info else None)
        return Row(rownum, kind, number, out, party, text["respondent"] or None, form or None), []


def mediation_values(text: dict[str, str], kind: str | None, outcome: str | None,
                     closed: date | None, bad: list[tuple[str, str]]) -> dict:
    """The 司法确认, 风险等级 and 预防成效 cells of a row (disputes only) as case columns. The
    file has no application date: an application is dated on the closing day. Every row
    gives the same keys (the batch is one executemany)."""
    out: dict = dict.fromkeys(("judicial_applied_on", "judicial_result", "risk_grade",
                               *wf.PREVENTION_FLAGS))
    state, risk = text["confirmation"], text["risk"]
    names = [n.strip() for n in re.split(r"[、,，;；/]", text["prevention"]) if n.strip()]
    if kind == "petition":
        for label, value in (("司法确认", state), ("风险等级", risk), ("预防成效", names)):
            if value:
                bad.append((label, "信访件没有此项，应留空"))
        return out
    if state and state not in wf.JUDICIAL_STATES:
        bad.append(("司法确认", f"应为：{'、'.join(wf.JUDICIAL_STATES)}"))
    elif state and state != wf.JUDICIAL_NOT_APPLIED:
        if outcome != wf.MEDIATED or closed is None:
            bad.append(("司法确认", "只有调解成功的纠纷才能申请司法确认"))
        out["judicial_applied_on"] = closed
        out["judicial_result"] = state if state in wf.JUDICIAL_RESULTS else None
    if risk and risk not in wf.RISK_GRADES:
        bad.append(("风险等级", f"应为：{'、'.join(wf.RISK_GRADES)}"))
    out["risk_grade"] = risk or wf.RISK_DEFAULT
    fields = {name: field for field, name in wf.PREVENTION_FLAGS.items()}
    for name in names:
        if name not in fields:
            bad.append(("预防成效", f"「{name}」应为：{'、'.join(wf.PREVENTION_FLAGS.values())}"))
    for name, field in fields.items():
        out[field] = name in names
    return out
