"""The placeholders of a filled form (docs/forms.md): parsing ``{{…}}``, the Chinese aliases,
resolving one against a period's figures, and the list of every placeholder known.

A placeholder names a figure by its JSON path in ``caseapp stats --json`` (``Figures.to_dict``),
so figures added there are known here without a change: ``petitions.closure_rate``,
``work.screenings``. Brackets pick a breakdown row: ``disputes[婚姻家庭纠纷].closed`` (a category),
``street[马鞍街道].petitions.received`` (also ``source``, ``handler``, ``category``), and
``form[ROW].disputes.received`` sums the dispute types the office maps to a form's row. The
prefix ``ytd.`` reads the same figure from 1 January to the period's end (年度累计).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from caseapp.figures.model import BREAKDOWN_KEYS, SECTION, BreakdownRow, Counted, format_rate

PATTERN = re.compile(r"\{\{(.*?)\}\}")
# The texts that are not figures.
TEXTS = ("period", "office", "today")
YTD = "ytd"
FORM = "form"
NO_RATE = "—"

# Chinese aliases, from the labels the printouts and screens already use; one table for the
# sections, the breakdowns and the figures (a name means the same wherever it stands).
ALIASES: dict[str, str] = {
    "信访": "petitions", "纠纷": "disputes", "矛盾纠纷": "disputes", "工作": "work",
    "类别": "category", "街镇": "street", "来源": "source", "承办人": "handler", "表格行": FORM,
    "本年累计": YTD, "年度累计": YTD, "统计期间": "period", "填报单位": "office", "单位": "office",
    "填报日期": "today", "制表日期": "today",
    "登记": "received", "办理": "handled", "办结": "closed", "办结率": "closure_rate",
    "按期办结": "closed_on_time", "按期办结率": "on_time_rate", "超期未结": "overdue_open",
    "不予受理": "rejected", "信访代理": "proxy", "已录入": "entered", "录入完成率": "entry_rate",
    "转人民调解": "diverted", "转送": "transferred", "督办": "supervised", "复查复核": "reviews",
    "已评价": "rated", "满意": "satisfied", "满意率": "satisfaction_rate",
    "调结": "concluded", "调解成功": "succeeded", "调解成功率": "success_rate",
    "纠纷调解率": "mediation_rate", "协议已履行": "performed", "协议履行率": "performance_rate",
    "协议金额": "agreement_amount", "口头协议": "oral", "书面协议": "written",
    "申请司法确认": "confirmation_applied", "司法确认": "confirmed",
    "防止民转刑": "prevented_crime", "防止群体性上访": "prevented_group_petition",
    "防止群体性械斗": "prevented_group_fight", "防止自杀": "prevented_suicide", "重大": "major",
    "排查次数": "screenings", "排查发现纠纷数": "screenings_found", "安保维稳次数": "security_events",
    "集中排查次数": "concentrated_screenings",
}
LABELS: dict[str, str] = {v: k for k, v in reversed(list(ALIASES.items()))}  # the first alias
_SECTION_KEYS = frozenset(SECTION.values())


def _rate_pairs() -> dict[str, tuple[str, str]]:
    """Every rate any figures class declares, {rate: (numerator, denominator)}: a rate's two
    counts have the same names wherever it stands."""
    pairs: dict[str, tuple[str, str]] = {}
    todo: list[type[Counted]] = [Counted]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls is not Counted:
            pairs.update(cls.rates())
    return pairs


@dataclass(frozen=True)
class Value:
    """A placeholder's value: a count or amount (number), a rate (fraction, None when its
    denominator is 0; ``printed`` is its percentage from the exact counts) or a text."""

    value: int | float | str | None
    rate: bool = False
    printed: str = ""

    @property
    def text(self) -> str:
        """The value inside a text cell."""
        if self.rate:
            return self.printed
        if isinstance(self.value, float):
            return f"{self.value:,.2f}"
        return "" if self.value is None else str(self.value)


class Unknown(Exception):
    """A placeholder this program does not know; the message says what is wrong."""


@dataclass
class Scope:
    """What placeholders are resolved against: the period's JSON figures (and the year's so
    far, for ``ytd.``), the texts, the form rows' mapping and the names a bracket may hold."""

    data: Mapping[str, Any]
    texts: Mapping[str, str]
    form_rows: Mapping[str, str] = field(default_factory=dict)
    known_rows: frozenset[str] = frozenset()
    # dimension -> the names a bracket may hold beside those in the figures
    names: Mapping[str, frozenset[str]] = field(default_factory=dict)
    ytd: Mapping[str, Any] | None = None


def canonical(text: str) -> str:
    """The placeholder's inside with every alias replaced: ``信访.办结率`` -> ``petitions.closure_rate``."""
    return ".".join(_translate(seg) for seg in _segments(text.strip()))


def _segments(text: str) -> list[str]:
    # Split at dots outside brackets: a name in brackets may hold anything but "]".
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "." and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def _translate(seg: str) -> str:
    head, bracket, rest = seg.partition("[")
    head = ALIASES.get(head.strip(), head.strip())
    return f"{head}[{rest.strip()}" if bracket else head


def _bracket(seg: str) -> tuple[str, str | None]:
    """("disputes", "婚姻家庭纠纷") of ``disputes[婚姻家庭纠纷]``; (seg, None) without brackets."""
    m = re.fullmatch(r"([^\[\]]+)\[([^\[\]]*)\]", seg)
    if m is None:
        if "[" in seg or "]" in seg:
            raise Unknown(f"方括号不成对：{seg}")
        return seg, None
    return m.group(1), m.group(2).strip()


def resolve(text: str, scope: Scope) -> Value:
    """The value of the placeholder ``{{text}}``; raises Unknown with the reason."""
    segs = _segments(canonical(text))
    if not segs or not all(segs):
        raise Unknown("占位符为空")
    data = scope.data
    if segs[0] == YTD:
        if scope.ytd is None:
            raise Unknown("没有本年累计数据")
        data, segs = scope.ytd, segs[1:]
        if not segs:
            raise Unknown("「ytd.」后缺少指标")
    if len(segs) == 1 and segs[0] in TEXTS and data is scope.data:
        return Value(scope.texts[segs[0]])
    head, name = _bracket(segs[0])
    if name is None:
        return _leaf(data, segs)
    if head in _SECTION_KEYS:  # disputes[婚姻家庭纠纷].closed: the category breakdown
        return _row_value(data, scope, "category", name, [head, *segs[1:]])
    if head in BREAKDOWN_KEYS:  # street[马鞍街道].petitions.received
        return _row_value(data, scope, head, name, segs[1:])
    if head == FORM:
        return _form_value(data, scope, name, segs[1:])
    raise Unknown(f"「{head}」不能带方括号")


def _leaf(data: Mapping[str, Any], segs: list[str]) -> Value:
    node: Any = data
    parent: Mapping[str, Any] = data
    for seg in segs:
        if "[" in seg or not isinstance(node, Mapping) or seg not in node:
            raise Unknown("没有这个指标")
        parent, node = node, node[seg]
    if isinstance(node, (Mapping, list)):
        raise Unknown("不是一个数字，须写到具体指标")
    return _value(segs[-1], node, parent)


def _value(key: str, value: Any, counts: Mapping[str, Any]) -> Value:
    pair = RATE_PAIRS.get(key)
    if pair is not None and isinstance(counts.get(pair[0]), int) and isinstance(counts.get(pair[1]), int):
        num, den = counts[pair[0]], counts[pair[1]]
        # The exact fraction: a percent format then rounds it as the printouts do.
        return Value(num / den if den else None, True, format_rate(num, den))
    if key.endswith("_rate"):
        printed = NO_RATE if value is None else f"{round(float(value) * 100, 1):g}%"
        return Value(value, True, printed)
    return Value(value)


def _row_field(segs: list[str]) -> str:
    """The figure of a breakdown row named by [section, figure]."""
    if len(segs) != 2 or segs[0] not in _SECTION_KEYS:
        raise Unknown("分组指标应写作 …[名称].petitions.指标 或 …[名称].disputes.指标")
    key = segs[1]
    if key not in BreakdownRow.field_names():
        raise Unknown(f"分组中没有指标「{key}」（可用：{'、'.join(BreakdownRow.field_names())}）")
    return key


def _rows(data: Mapping[str, Any], dimension: str, section: str) -> list[Mapping[str, Any]]:
    return list(data.get(BREAKDOWN_KEYS[dimension], {}).get(section, []))


def _summed(rows: list[Mapping[str, Any]], key: str) -> Value:
    counts = {n: sum(int(r.get(n) or 0) for r in rows) for n in BreakdownRow.count_names()}
    if key in counts:
        return Value(counts[key])
    return _value(key, None, counts)


def _row_value(data: Mapping[str, Any], scope: Scope, dimension: str, name: str,
               segs: list[str]) -> Value:
    key = _row_field(segs)
    section = segs[0]
    rows = [r for r in _rows(data, dimension, section) if r.get(dimension) == name]
    known = scope.names.get(dimension, frozenset())
    if not rows and name not in known:
        raise Unknown(f"没有名为「{name}」的{DIMENSION_LABELS[dimension]}")
    return _summed(rows, key)  # a row without cases counts 0


def _form_value(data: Mapping[str, Any], scope: Scope, row: str, segs: list[str]) -> Value:
    key = _row_field(segs)
    if segs[0] != SECTION["dispute"]:
        raise Unknown("表格行只汇总矛盾纠纷：应写作 form[行名].disputes.指标")
    if row not in scope.known_rows and row not in scope.form_rows.values():
        raise Unknown(f"没有名为「{row}」的表格行（在 设置 → 填报表格 中把纠纷类型对应到表格行）")
    types = {t for t, r in scope.form_rows.items() if r == row}
    rows = [r for r in _rows(data, "category", segs[0]) if r.get("category") in types]
    return _summed(rows, key)


DIMENSION_LABELS = {"category": "类别", "street": "街镇", "source": "来源", "handler": "承办人"}
RATE_PAIRS = _rate_pairs()


def placeholders_in(text: str) -> Iterator[str]:
    """The insides of the ``{{…}}`` in a cell's text."""
    for m in PATTERN.finditer(text):
        yield m.group(1)


def unclosed(text: str) -> bool:
    """The text holds a ``{{`` that no ``}}`` closes (or a stray ``}}``)."""
    rest = PATTERN.sub("", text)
    return "{{" in rest or "}}" in rest


@dataclass(frozen=True)
class Known:
    """One placeholder the program knows: as written, its Chinese alias, what it means."""

    placeholder: str
    alias: str
    meaning: str


def known_placeholders(data: Mapping[str, Any]) -> list[Known]:
    """Every placeholder, from one period's JSON figures (so figures added to the JSON are
    listed too); breakdown forms show 名称 where a category, street… goes."""
    out = [Known("{{period}}", "{{统计期间}}", "统计期间，如 2026年3月"),
           Known("{{office}}", "{{填报单位}}", "单位名称（设置中的报表抬头，否则单位名称）"),
           Known("{{today}}", "{{填报日期}}", "制表日期，如 2026年3月20日")]
    for key, node in data.items():
        if key in SECTION.values() or (isinstance(node, Mapping) and key not in BREAKDOWN_KEYS.values()):
            if not isinstance(node, Mapping):
                continue
            for name in node:
                out.append(_known(f"{key}.{name}", f"{_alias(key)}.{_alias(name)}",
                                  f"{_label(key)}{_label(name)}"))
    for section in SECTION.values():
        for name in BreakdownRow.field_names():
            out.append(_known(f"{section}[名称].{name}", f"{_alias(section)}[名称].{_alias(name)}",
                              f"该类别的{_label(section)}{_label(name)}"))
    for dimension in ("street", "source", "handler"):
        for section in SECTION.values():
            for name in BreakdownRow.field_names():
                out.append(_known(f"{dimension}[名称].{section}.{name}",
                                  f"{_alias(dimension)}[名称].{_alias(section)}.{_alias(name)}",
                                  f"该{DIMENSION_LABELS[dimension]}的{_label(section)}{_label(name)}"))
    for name in BreakdownRow.field_names():
        out.append(_known(f"form[行名].disputes.{name}", f"表格行[行名].纠纷.{_alias(name)}",
                          f"对应到该表格行的各类纠纷{_label(name)}之和"))
    out.append(Known("{{ytd.…}}", "{{本年累计.…}}", "任一指标加 ytd. 前缀：1月1日至期末的累计数"))
    return out


def _known(path: str, alias: str, meaning: str) -> Known:
    return Known("{{" + path + "}}", "" if alias == path else "{{" + alias + "}}", meaning)


def _alias(name: str) -> str:
    return LABELS.get(name, name)


def _label(name: str) -> str:
    return {"petitions": "信访件", "disputes": "矛盾纠纷", "work": "工作"}.get(name, LABELS.get(name, name))
