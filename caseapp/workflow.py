"""The life cycle of docs/domain.md §3 as pure functions (no I/O): kinds, statuses, outcomes,
roles, acts and who may do them. Deadlines are in caseapp.deadlines."""

from __future__ import annotations

from datetime import date
from enum import Enum


class Kind(str, Enum):
    PETITION = "petition"
    DISPUTE = "dispute"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {Kind.PETITION: "信访件", Kind.DISPUTE: "矛盾纠纷"}
# The short names used in the exchange file's 类型 column.
KIND_SHORT = {Kind.PETITION: "信访", Kind.DISPUTE: "纠纷"}


class Status(str, Enum):
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    REJECTED = "rejected"


STATUS_LABELS = {
    Status.REGISTERED: "待受理",
    Status.IN_PROGRESS: "办理中",
    Status.CLOSED: "已办结",
    Status.REJECTED: "不予受理",
}


def status_label(kind: Kind | str, status: Status | str) -> str:
    status = Status(status)
    if status is Status.IN_PROGRESS and Kind(kind) is Kind.DISPUTE:
        return "调解中"
    return STATUS_LABELS[status]


# Outcomes (docs/domain.md §3).
SUPPORTED = "支持"
EXPLAINED = "解释说明"
NOT_SUPPORTED = "不予支持"
DIVERTED = "转人民调解"
REJECTED = "不予受理"
MEDIATED = "调解成功"
MEDIATION_FAILED = "调解不成"
MEDIATION_ENDED = "终止调解"

PETITION_OUTCOMES = (SUPPORTED, EXPLAINED, NOT_SUPPORTED, DIVERTED)
# The fifth petition outcome (条例 Art. 22): set only by the 转送 act, never by 办结.
TRANSFERRED = "转送"
# 答复 (条例 Art. 32): the 意见书's decision and the outcome it closes with.
REPLY_DECISIONS = {"予以支持": SUPPORTED, "作出解释说明": EXPLAINED, "不予支持": NOT_SUPPORTED}
# 督办 levels (条例 Art. 38–40); 复查 / 复核 stages of a review petition (Art. 35–36).
SUPERVISION_LEVELS = ("普通督办", "黄牌督办", "红牌督办")
REVIEW, RE_REVIEW = "复查", "复核"
REVIEW_STAGES = (REVIEW, RE_REVIEW)
DISPUTE_OUTCOMES = (MEDIATED, MEDIATION_FAILED, MEDIATION_ENDED)
FAILED_ROUTES = ("诉讼", "仲裁", "行政途径")

PETITION_CHANNELS = ("来信", "来访", "网上信访", "来电", "传真", "上级交办")
PETITION_TYPES = ("建议意见类", "检举控告类", "申诉求决类")
DISPUTE_SOURCES = ("当事人申请", "主动排查", "信访转入", "委托移送")
SATISFACTION = ("满意", "基本满意", "不满意", "未评价")
AGREEMENT_FORMS = ("书面协议", "口头协议")
WRITTEN_AGREEMENT = AGREEMENT_FORMS[0]
# What an attachment is in the 卷宗 (docs/documents.md "The dossier"); an attachment without a
# kind (NULL: added before 0009 or not marked) is filed like 其他.
ATTACHMENT_KINDS = ("身份证明", "委托书", "证据", "履行凭证", "其他")
# 司法确认 (人民调解法 Art. 33): the court's results, and the states the exchange file's
# 司法确认 column names (未申请, 已申请 = awaiting the result, or the result).
JUDICIAL_RESULTS = ("确认有效", "驳回", "撤回")
JUDICIAL_CONFIRMED = JUDICIAL_RESULTS[0]
JUDICIAL_NOT_APPLIED, JUDICIAL_PENDING = "未申请", "已申请"
JUDICIAL_STATES = (JUDICIAL_NOT_APPLIED, JUDICIAL_PENDING) + JUDICIAL_RESULTS
# 风险等级 of a dispute (default 一般) and the 预防成效 flags: the case column → DOMAIN's name.
RISK_GRADES = ("一般", "较大", "重大")
RISK_DEFAULT, RISK_MAJOR = RISK_GRADES[0], RISK_GRADES[2]
PREVENTION_FLAGS = {
    "prevented_crime": "防止民转刑案件",
    "prevented_group_petition": "防止群体性上访",
    "prevented_group_fight": "防止群体性械斗",
    "prevented_suicide": "防止民间纠纷引起自杀",
}
# The work log's entry types (docs/domain.md §9): three kinds of 排查, and 安保维稳.
WORKLOG_TYPES = ("日常排查", "集中排查", "专项排查", "安保维稳")
SCREENING_TYPES = WORKLOG_TYPES[:3]
SECURITY = "安保维稳"
CONCENTRATED = "集中排查"
WHOLE_DISTRICT = "全区"  # the area of an entry without a street

# 被反映人: whom the petition is about; on diversion they become the dispute's 被申请人.
PETITION_ROLES = ("信访人", "代理人", "被反映人")
DISPUTE_ROLES = ("申请人", "被申请人", "第三人")

DEFAULT_PETITION_CATEGORIES = (
    "城乡建设", "自然资源", "农业农村", "劳动社保", "卫生健康", "教育", "民政",
    "生态环境", "交通运输", "市场监管", "企业经营", "涉法涉诉", "党务政务", "其他",
)
DEFAULT_DISPUTE_CATEGORIES = (
    "婚姻家庭纠纷", "邻里纠纷", "房屋宅基地纠纷", "合同纠纷", "生产经营纠纷", "损害赔偿纠纷",
    "山林土地纠纷", "征地拆迁纠纷", "环境污染纠纷", "劳动争议纠纷", "消费纠纷", "医疗纠纷",
    "道路交通事故纠纷", "物业纠纷", "其他纠纷",
)


def outcomes_for(kind: Kind | str) -> tuple[str, ...]:
    return PETITION_OUTCOMES if Kind(kind) is Kind.PETITION else DISPUTE_OUTCOMES


def sources_for(kind: Kind | str) -> tuple[str, ...]:
    return PETITION_CHANNELS if Kind(kind) is Kind.PETITION else DISPUTE_SOURCES


def roles_for(kind: Kind | str) -> tuple[str, ...]:
    return PETITION_ROLES if Kind(kind) is Kind.PETITION else DISPUTE_ROLES


def main_role(kind: Kind | str) -> str:
    """The role of the party named in the exchange file's 当事人 column."""
    return "信访人" if Kind(kind) is Kind.PETITION else "申请人"


# ---------------------------------------------------------------------------
# Acts and who may do them.


class Act(str, Enum):
    ACCEPT = "accept"
    REJECT = "reject"
    ASSIGN = "assign"
    EXTEND = "extend"
    RECORD_SESSION = "record_session"
    RECORD_AGREEMENT = "record_agreement"
    CLOSE = "close"
    REOPEN = "reopen"
    FOLLOW_UP = "follow_up"
    MARK_ENTERED = "mark_entered"
    # The petition acts of the 信访工作条例 (2022): caseapp.services.petition_acts.
    TRANSFER = "transfer"
    FROM_ABOVE = "from_above"
    REPORT = "report"
    SUPERVISE = "supervise"
    SUPERVISION_REPLY = "supervision_reply"
    REPLY = "reply"
    RATE = "rate"
    REVIEW = "review"
    # The acts of people's mediation: caseapp.services.mediation_acts.
    JUDICIAL = "judicial"
    JUDICIAL_RESULT = "judicial_result"
    RISK = "risk"
    EDIT = "edit"
    ADD_PARTY = "add_party"
    EDIT_PARTY = "edit_party"
    REMOVE_PARTY = "remove_party"
    ATTACH = "attach"
    DELETE = "delete"
    SETTINGS = "settings"
    # 排查台账 / 安保维稳 entries (docs/domain.md §9): add, edit, delete, import, 零上报.
    WORKLOG = "worklog"
    # Not acts on a case: what a role may do beyond the life cycle (accounts issue).
    USERS = "users"
    AUDIT = "audit"
    EXPORT = "export"
    REVEAL_PERSONAL = "reveal_personal"
    FULL_PERSONAL = "full_personal"


ACT_LABELS = {
    Act.ACCEPT: "受理",
    Act.REJECT: "不予受理",
    Act.ASSIGN: "分派",
    Act.EXTEND: "延期",
    Act.RECORD_SESSION: "记录调解",
    Act.RECORD_AGREEMENT: "记录协议",
    Act.CLOSE: "办结",
    Act.REOPEN: "重新打开",
    Act.FOLLOW_UP: "回访",
    Act.MARK_ENTERED: "标记已录入",
    Act.TRANSFER: "转送",
    Act.FROM_ABOVE: "上级交办",
    Act.REPORT: "办结报告",
    Act.SUPERVISE: "督办",
    Act.SUPERVISION_REPLY: "督办回复",
    Act.REPLY: "答复",
    Act.RATE: "满意度",
    Act.REVIEW: "复查/复核",
    Act.JUDICIAL: "申请司法确认",
    Act.JUDICIAL_RESULT: "记录司法确认结果",
    Act.RISK: "风险等级与预防成效",
    Act.EDIT: "编辑",
    Act.ADD_PARTY: "添加当事人",
    Act.EDIT_PARTY: "修改当事人",
    Act.REMOVE_PARTY: "移除当事人",
    Act.ATTACH: "添加附件",
    Act.DELETE: "删除",
    Act.SETTINGS: "修改设置",
    Act.WORKLOG: "记录排查台账",
    Act.USERS: "管理用户",
    Act.AUDIT: "查看操作日志",
    Act.EXPORT: "导出",
    Act.REVEAL_PERSONAL: "查看当事人证件号码和电话",
    Act.FULL_PERSONAL: "导出或打印完整个人信息",
}

# Roles (docs/domain.md, 账户与权限). A database without accounts has one local admin.
ADMIN = "admin"
CLERK = "clerk"
MEDIATOR = "mediator"
VIEWER = "viewer"
ROLE_LABELS = {ADMIN: "管理员", CLERK: "登记员", MEDIATOR: "调解员", VIEWER: "查看"}

_ROLE_ACTS: dict[str, frozenset[Act]] = {
    ADMIN: frozenset(Act),
    # A clerk registers people and has to call them back, so may reveal one party's ID number
    # or phone in the case view (each reveal is an event); lists, exports and printouts stay
    # masked for everyone but an admin (FULL_PERSONAL).
    CLERK: frozenset(Act) - {Act.REOPEN, Act.DELETE, Act.SETTINGS, Act.USERS, Act.AUDIT,
                             Act.FULL_PERSONAL},
    # A mediator acts on their own disputes only (services.require_case).
    MEDIATOR: frozenset({Act.RECORD_SESSION, Act.RECORD_AGREEMENT, Act.FOLLOW_UP, Act.ATTACH,
                         Act.REVEAL_PERSONAL, Act.WORKLOG, Act.JUDICIAL, Act.JUDICIAL_RESULT,
                         Act.RISK}),
    VIEWER: frozenset(),
}


# The parties of a case change only while it is open (待受理 or 办理中); a closed case's
# record stays as it was closed (reopen it first).
PARTY_ACTS = (Act.ADD_PARTY, Act.EDIT_PARTY, Act.REMOVE_PARTY)

# 转人民调解: the petition's roles on the new dispute.
DIVERSION_ROLES = {"信访人": "申请人", "被反映人": "被申请人", "代理人": "第三人"}


def role_may(role: str, act: Act) -> bool:
    return act in _ROLE_ACTS.get(role, frozenset())


def allowed_acts(
    kind: Kind | str,
    status: Status | str,
    outcome: str | None = None,
    *,
    has_followup_pending: bool = False,
    review_stage: str | None = None,
) -> list[Act]:
    """The acts the workflow allows for a case in this state, whoever the user."""
    kind, status = Kind(kind), Status(status)
    petition = kind is Kind.PETITION
    acts: list[Act] = []
    if status is Status.REGISTERED:
        acts.append(Act.ACCEPT)
        if petition:
            acts += [Act.REJECT, Act.TRANSFER, Act.FROM_ABOVE, Act.SUPERVISE]
        acts.append(Act.ASSIGN)
        acts += PARTY_ACTS
    elif status is Status.IN_PROGRESS:
        acts += [Act.ASSIGN, Act.EXTEND]
        if kind is Kind.DISPUTE:
            acts += [Act.RECORD_SESSION, Act.RECORD_AGREEMENT]
        else:
            acts += [Act.TRANSFER, Act.FROM_ABOVE, Act.SUPERVISE, Act.REPORT, Act.REPLY]
        acts.append(Act.CLOSE)
        acts += PARTY_ACTS
    elif status is Status.CLOSED:
        acts.append(Act.REOPEN)
        if kind is Kind.DISPUTE and outcome == MEDIATED:
            acts += [Act.FOLLOW_UP, Act.JUDICIAL, Act.JUDICIAL_RESULT]
        if petition and outcome in REPLY_DECISIONS.values():
            acts.append(Act.RATE)
            if review_stage != RE_REVIEW:  # 复核 ends the road (Art. 36)
                acts.append(Act.REVIEW)
    if petition and status is not Status.REJECTED:
        acts.append(Act.SUPERVISION_REPLY)  # a reply may come after the case closed
    if kind is Kind.PETITION and status is not Status.REGISTERED:
        acts.append(Act.MARK_ENTERED)
    if kind is Kind.DISPUTE:
        acts.append(Act.RISK)  # assessed at intake, revised while mediating, 预防成效 after
    acts += [Act.EDIT, Act.ATTACH, Act.DELETE]
    return acts


def can(kind: Kind | str, status: Status | str, act: Act, outcome: str | None = None) -> bool:
    return act in allowed_acts(kind, status, outcome)


def status_after_close(outcome: str) -> Status:
    return Status.REJECTED if outcome == REJECTED else Status.CLOSED


def status_from_dates(accepted_on: date | None, closed_on: date | None, outcome: str | None) -> Status:
    """Status of an imported row (docs/domain.md §6)."""
    if closed_on is not None:
        return Status.REJECTED if outcome == REJECTED else Status.CLOSED
    if accepted_on is not None:
        return Status.IN_PROGRESS
    return Status.REGISTERED


def check_outcome(kind: Kind | str, outcome: str) -> str | None:
    """A Chinese message when ``outcome`` does not fit ``kind``, else None."""
    kind = Kind(kind)
    allowed = outcomes_for(kind) + ((REJECTED, TRANSFERRED) if kind is Kind.PETITION else ())
    if outcome not in allowed:
        return f"「{outcome}」不是{KIND_LABELS[kind]}的办理结果，应为：{'、'.join(allowed)}"
    return None


# The 不予受理 reasons (信访工作条例 Art. 29–31): the fixed list the act's dialog offers and the
# notice's sentences are keyed by (reports/reject_reasons.py holds their wording).
class RejectChoice:
    """One reason of the list: ``organ`` names the organ or route field it needs ("" none)."""

    __slots__ = ("key", "label", "keywords", "organ")

    def __init__(self, key: str, label: str, keywords: tuple[tuple[str, ...], ...],
                 organ: str = ""):
        self.key, self.label, self.keywords, self.organ = key, label, keywords, organ


REJECT_CHOICES: tuple[RejectChoice, ...] = (
    RejectChoice("reviewed", "已复核终结", (("复核",), ("终结",))),
    RejectChoice("legal_routes", "应通过诉讼、仲裁、行政复议等法定途径解决",
                 (("诉讼", "仲裁"), ("诉讼", "复议"), ("法定途径",))),
    RejectChoice("review", "应通过行政复议解决", (("行政复议",), ("复议",)), "行政复议机关"),
    RejectChoice("arbitration", "应通过仲裁解决", (("仲裁",),), "仲裁机构"),
    RejectChoice("lawsuit", "应通过诉讼解决", (("诉讼",), ("法院",), ("起诉",)), "人民法院"),
    RejectChoice("in_hand", "已受理或正在办理",
                 (("正在办理",), ("已受理",), ("办理期间",), ("重复提出",)), "正在办理的机关"),
    RejectChoice("closed", "已办结且无新的事实和理由",
                 (("已办结",), ("无新的事实",), ("办理完毕",))),
    RejectChoice("not_ours", "不属于本机关职责范围",
                 (("不属于",), ("职权",), ("职责",), ("无权处理",)), "有权处理的机关"),
)
REJECT_OTHER = RejectChoice("other", "其他", ())
NOTE_LABEL = "说明"


def reject_text(key: str, organ: str = "", note: str = "") -> str:
    """The stored reason of a pick: "label；organ field：organ；说明：note" (parse_reject reads it)."""
    choice = next((c for c in (*REJECT_CHOICES, REJECT_OTHER) if c.key == key), None)
    if choice is None:
        raise ValueError(f"unknown reject reason {key!r}")
    parts = [choice.label]
    if organ.strip() and choice.organ:
        parts.append(f"{choice.organ}：{organ.strip()}")
    if note.strip():
        parts.append(f"{NOTE_LABEL}：{note.strip()}")
    return "；".join(parts)


def parse_reject(text: str | None) -> tuple[RejectChoice | None, str, str]:
    """(the reason picked, its organ, the 说明) of a stored reason; (None, "", text) for free
    text typed or imported without a pick (the notice matches it to the list by its words)."""
    text = (text or "").strip()
    for choice in (*REJECT_CHOICES, REJECT_OTHER):
        if text == choice.key or text == choice.label:
            return choice, "", ""
        if text.startswith(choice.label + "；"):
            organ, note = "", ""
            for part in text[len(choice.label) + 1:].split("；"):
                if choice.organ and part.startswith(choice.organ + "：") and not note:
                    organ = part[len(choice.organ) + 1:]
                elif part.startswith(NOTE_LABEL + "：") and not note:
                    note = part[len(NOTE_LABEL) + 1:]
                elif note:
                    note += "；" + part  # the 说明 itself may hold "；"
            return choice, organ, note
    return None, "", text
