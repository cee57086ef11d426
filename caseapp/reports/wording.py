"""The documents' wording as office-editable templates: the shipped texts, the placeholders each
accepts, the check a new text must pass and the substitution that never breaks a sentence.

A template is the running text of one place of one document (a sentence or a few paragraphs,
one a line); the table layout, labels and signature blocks stay in the document modules.
Placeholders are Chinese names in braces ({申请人}); the overrides live in the settings table
(storage.doc_templates); pure Python, no ReportLab (the 设置 page reads it at start).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from caseapp.errors import Problem

BLANK = "_" * 16  # a value the case does not hold: an underlined blank, as page.blank(8)
TEXT_MAX = 4000
_FIELD = re.compile(r"\{([^{}]*)\}")

# Every placeholder: its description and the value a sample shows.
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "编号": ("案件编号", "（2026）调字第0001号"),
    "调解委员会": ("人民调解委员会全称（设置 → 单位信息）", "马鞍街道人民调解委员会"),
    "纠纷事项": ("纠纷的简要情况（案件摘要）", "邻居加建雨棚遮挡采光"),
    "信访事项": ("信访事项的摘要", "反映某公司拖欠工资"),
    "登记日期": ("来信、来访或申请的登记日期", "2026年3月1日"),
    "受理日期": ("受理日期", "2026年3月2日"),
    "办结日期": ("办结日期", "2026年3月20日"),
    "协议日期": ("调解协议达成（签订）的日期", "2026年3月12日"),
    "双方": ("“双方”或“各方”（按当事人人数）", "双方"),
    "份数": ("协议书的份数（当事人人数加一，汉字）", "三"),
    "终止情形": ("调解不成或终止调解的说法（按办理结果）", "经本委员会调解，双方当事人未能达成调解协议"),
    "告知途径": ("告知当事人的途径（按所选理由或途径）", "向人民法院提起诉讼"),
    "你": ("“你”或“你们”（按信访人人数）", "你"),
    "信访人": ("信访人姓名（多人以顿号分隔）", "张秀英"),
    "办理期限": ("受理后的办理期限天数（汉字，设置 → 办理期限）", "六十"),
    "不予受理情形": ("所选不予受理理由的认定（固定列表，不能改写）", "不属于本机关职责范围"),
    "延长至": ("延期后的办理期限", "2026年5月30日"),
    "转送机关": ("转送的机关、单位", "区人力资源和社会保障局"),
    "转送日期": ("转送日期", "2026年3月6日"),
    "纠纷编号": ("转人民调解后登记的纠纷编号", "（2026）调字第0008号"),
    "开头": ("“你于……提出的关于……的信访事项，”（复查、复核为复查请求的说法）",
             "你于2026年3月1日提出的关于反映某公司拖欠工资的信访事项，"),
    "意见名称": ("处理意见、复查意见或复核意见", "处理意见"),
    "交办日期": ("上级交办的日期", "2026年3月3日"),
    "交办文号": ("“以……”交办文号（没有文号时为空）", "以区信访办〔2026〕12号"),
    "办结期限": ("上级要求的办结期限", "2026年4月30日"),
}


@dataclass(frozen=True)
class Template:
    key: str  # "notice.accepted"
    doc: str  # the registry's document key (documents.DOCUMENTS)
    label: str  # as 设置 → 文书模板 lists it
    default: str  # the shipped text: one paragraph (or list item) a line
    fields: tuple[str, ...]  # the placeholders it accepts


_P = "{你}于{登记日期}提出的关于{信访事项}的信访事项，"  # the petition documents' opening
TEMPLATES: dict[str, Template] = {t.key: t for t in (
    Template("application.request", "application", "人民调解申请书 · 申请事项",
             "请求{调解委员会}对申请人与被申请人之间因{纠纷事项}发生的纠纷进行调解。",
             ("调解委员会", "纠纷事项", "编号", "登记日期")),
    Template("application.pledge", "application", "人民调解申请书 · 申请人声明",
             "申请人自愿申请人民调解，并已知悉人民调解当事人的权利和义务。",
             ("调解委员会", "登记日期")),
    Template("register.opinion", "register", "人民调解受理登记表 · 受理意见",
             "符合受理条件，同意受理。", ("调解委员会", "受理日期")),
    Template("rights.opening", "rights", "权利义务告知书 · 开头",
             "本委员会已于{受理日期}受理你们之间的纠纷。根据《中华人民共和国人民调解法》第二十三条、"
             "第二十四条的规定，现将你们在人民调解活动中享有的权利和应当履行的义务告知如下：",
             ("受理日期", "调解委员会", "编号")),
    Template("rights.rights", "rights", "权利义务告知书 · 当事人的权利（每行一项）",
             "选择或者接受人民调解员；\n接受调解、拒绝调解或者要求终止调解；\n"
             "要求调解公开进行或者不公开进行；\n自主表达意愿、自愿达成调解协议。", ()),
    Template("rights.duties", "rights", "权利义务告知书 · 当事人的义务（每行一项）",
             "如实陈述纠纷事实；\n遵守调解现场秩序，尊重人民调解员；\n尊重对方当事人行使权利。", ()),
    Template("rights.closing", "rights", "权利义务告知书 · 结尾",
             "人民调解不收取任何费用。当事人可以随时要求终止调解；经调解达成的调解协议具有法律约束力，"
             "当事人应当按照约定履行。", ("调解委员会",)),
    Template("agreement.heading", "agreement", "人民调解协议书 · 协议条款的引语",
             "经调解，{双方}当事人自愿达成如下协议：", ("双方",)),
    Template("agreement.effect", "agreement", "人民调解协议书 · 生效、份数和司法确认",
             "本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起"
             "生效。本协议一式{份数}份，当事人各执一份，人民调解委员会留存一份。\n"
             "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。",
             ("份数", "调解委员会", "协议日期")),
    Template("oral.confirm", "oral", "口头协议登记表 · 当事人确认",
             "以上协议内容系当事人经调解自愿达成的口头协议，已向当事人宣读，当事人确认无误，"
             "应当按照约定履行。", ("协议日期",)),
    Template("confirmation.request", "confirmation", "司法确认申请书 · 请求事项",
             "请求确认申请人于{协议日期}经{调解委员会}主持调解达成的人民调解协议（编号：{编号}）有效。",
             ("协议日期", "调解委员会", "编号")),
    Template("confirmation.reasons", "confirmation", "司法确认申请书 · 事实和理由",
             "申请人因{纠纷事项}发生纠纷，经{调解委员会}主持调解，于{协议日期}自愿达成人民调解协议。"
             "申请人出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；如果因为该协议内容而"
             "给他人造成损害的，愿意承担相应的民事责任和其他法律责任。根据《中华人民共和国人民调解法》"
             "第三十三条的规定，现共同申请司法确认。\n附：人民调解协议书一份；申请人身份证明材料。",
             ("纠纷事项", "调解委员会", "协议日期", "编号")),
    Template("termination.text", "termination", "终止人民调解告知书 · 正文",
             "你们之间因{纠纷事项}发生的纠纷，{终止情形}。根据《中华人民共和国人民调解法》第二十六条"
             "的规定，本委员会决定终止调解。你们可以依法{告知途径}，维护自己的合法权益。",
             ("纠纷事项", "终止情形", "告知途径", "调解委员会", "办结日期", "编号")),
    Template("notice.accepted", "notice", "受理告知书 · 正文",
             _P + "本机关已于{受理日期}依据《信访工作条例》规定予以受理，将在受理之日起{办理期限}日内"
             "办结并书面答复。", ("你", "登记日期", "信访事项", "受理日期", "办理期限", "编号")),
    Template("notice.rejected", "notice", "不予受理告知书 · 正文",
             _P + "经审查，该信访事项{不予受理情形}。根据《信访工作条例》的有关规定，本机关决定不予受理。"
             "{告知途径}", ("你", "登记日期", "信访事项", "不予受理情形", "告知途径", "办结日期",
                        "编号")),
    Template("extension.body", "extension", "延期办理告知书 · 正文",
             _P + "本机关已于{受理日期}受理。因该信访事项情况复杂，经本机关负责人批准，根据《信访工作条例》"
             "第三十四条的规定，办理期限延长至{延长至}，本机关将在此期限内办结并书面答复{你}。",
             ("你", "登记日期", "信访事项", "受理日期", "延长至", "编号")),
    Template("transfer.body", "transfer", "转送告知书 · 正文",
             _P + "经审查，该事项依法应由{转送机关}处理。根据《信访工作条例》第二十二条的规定，本机关已于"
             "{转送日期}将该信访事项转送{转送机关}办理。请{你}就该信访事项直接与{转送机关}联系。",
             ("你", "登记日期", "信访事项", "转送机关", "转送日期", "编号")),
    Template("transfer_letter.body", "transfer_letter", "转送函 · 正文",
             "{信访人}于{登记日期}提出的关于{信访事项}的信访事项，经审查，该事项依法应由你单位处理。"
             "根据《信访工作条例》第二十二条的规定，现将该信访事项转送你单位，请依照《信访工作条例》"
             "第三十一条、第三十二条的规定依法处理，并将处理意见书面告知信访人。",
             ("信访人", "登记日期", "信访事项", "转送机关", "转送日期", "编号")),
    Template("diversion.body", "diversion", "转人民调解告知书 · 正文",
             _P + "经审查，该事项属于平等主体之间的民事纠纷，适宜通过人民调解解决。本机关已于{办结日期}"
             "将该事项导入人民调解程序，交由{调解委员会}依法调解，纠纷编号为{纠纷编号}。人民调解遵循"
             "当事人自愿、平等的原则；调解不成的，{你}可以依法通过仲裁、行政、司法等途径维护自己的"
             "合法权益。", ("你", "登记日期", "信访事项", "办结日期", "调解委员会", "纠纷编号", "编号")),
    Template("opinion.opening", "opinion", "处理意见书 · 开头",
             "{开头}本机关已于{受理日期}依法受理。经调查核实，现提出{意见名称}如下：",
             ("开头", "受理日期", "意见名称", "你", "登记日期", "信访事项", "编号")),
    Template("opinion.support", "opinion", "处理意见书 · 予以支持",
             "本机关对{你}的信访请求予以支持。", ("你",)),
    Template("opinion.explain", "opinion", "处理意见书 · 作出解释说明",
             "本机关已就{你}反映的问题作出如上解释说明。", ("你",)),
    Template("opinion.reject", "opinion", "处理意见书 · 不予支持",
             "本机关对{你}的信访请求不予支持。", ("你",)),
    Template("opinion.remedy", "opinion", "处理意见书 · 救济途径（请求复查）",
             "{你}如对本处理意见不服，可以自收到本意见书之日起30日内，向本机关的上一级机关、单位书面"
             "请求复查。", ("你",)),
    Template("opinion.remedy_review", "opinion", "复查意见书 · 救济途径（请求复核）",
             "{你}如对本复查意见不服，可以自收到本意见书之日起30日内，向复查机关的上一级机关、单位书面"
             "请求复核。", ("你",)),
    Template("opinion.final", "opinion", "复核意见书 · 终结意见",
             "本复核意见为终结意见。{你}如仍以同一事实和理由提出投诉请求，各级党委和政府信访部门和其他"
             "机关、单位不再受理。", ("你",)),
    Template("report.body", "report", "办结报告 · 开头",
             "{交办日期}，你单位{交办文号}交办{信访人}反映的关于{信访事项}的信访事项，要求于{办结期限}"
             "前办结并报送办结报告。本机关于{受理日期}受理后及时进行了调查处理。现将办理情况报告如下：",
             ("交办日期", "交办文号", "信访人", "信访事项", "办结期限", "受理日期", "编号")),
)}

# The text a preview renders instead of the stored one (a contextvar: per worker thread).
_PREVIEW: ContextVar[Mapping[str, str] | None] = ContextVar("wording_preview", default=None)


def template(key: str) -> Template:
    return TEMPLATES[key]


def placeholders(text: str) -> list[str]:
    """The placeholder names ``text`` uses, in order."""
    return [m.group(1) for m in _FIELD.finditer(text or "")]


def _unbalanced(text: str) -> str | None:
    """The first brace without its partner, or None."""
    depth = 0
    for ch in text:
        if ch == "{":
            if depth:
                return "{"
            depth = 1
        elif ch == "}":
            if not depth:
                return "}"
            depth = 0
    return "{" if depth else None


def check_text(key: str, text: str) -> list[Problem]:
    """What is wrong with ``text`` as template ``key`` (field ``text``): empty, too long,
    braces unpaired, a placeholder the document does not know (named)."""
    t = TEMPLATES.get(key)
    if t is None:
        return [Problem("key", f"没有名为「{key}」的文书模板")]
    if not (text or "").strip():
        return [Problem("text", "模板内容不能为空")]
    if len(text) > TEXT_MAX:
        return [Problem("text", f"模板内容不能超过{TEXT_MAX}字")]
    brace = _unbalanced(text)
    if brace:
        return [Problem("text", f"花括号「{brace}」没有配对：占位符写作 {{名称}}")]
    unknown = [n for n in dict.fromkeys(placeholders(text)) if n not in t.fields]
    if unknown:
        allowed = "、".join(f"{{{n}}}" for n in t.fields) or "（无）"
        return [Problem("text", f"未知的占位符 {{{unknown[0]}}}：{t.label}可用的占位符为 {allowed}")]
    return []


def fill(text: str, values: Mapping[str, str | None]) -> str:
    """``text`` with each {名称} replaced: a value of None (the case does not hold it) or a
    name not given becomes an underlined blank, so a sentence never breaks or shows braces."""
    def value(m: re.Match) -> str:
        v = values.get(m.group(1))
        return BLANK if v is None else str(v)
    return _FIELD.sub(value, text)


def sample_values(key: str) -> dict[str, str]:
    return {n: PLACEHOLDERS[n][1] for n in TEMPLATES[key].fields}


@contextmanager
def previewing(texts: Mapping[str, str]) -> Iterator[None]:
    """Documents rendered inside use ``texts`` (template key -> text) over the stored ones."""
    token = _PREVIEW.set(texts)
    try:
        yield
    finally:
        _PREVIEW.reset(token)


class Wording:
    """The effective texts of one printout: a preview's, else the office's, else the shipped."""

    def __init__(self, overrides: Mapping[str, str]):
        self.overrides = dict(overrides)
        self.overrides.update(_PREVIEW.get() or {})

    def raw(self, key: str) -> str:
        return self.overrides.get(key) or TEMPLATES[key].default

    def text(self, key: str, **values: str | None) -> str:
        """Template ``key`` filled; its paragraphs joined by newlines."""
        return fill(self.raw(key), values)

    def lines(self, key: str, **values: str | None) -> list[str]:
        """Template ``key`` filled, one string a non-empty line (a paragraph, a list item)."""
        return [x.strip() for x in self.text(key, **values).splitlines() if x.strip()]


__all__ = ["BLANK", "PLACEHOLDERS", "TEMPLATES", "Template", "Wording", "check_text", "fill",
           "placeholders", "previewing", "sample_values", "template"]
