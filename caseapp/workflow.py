"""The life cycle and deadlines of docs/domain.md §3 and §4, as pure functions (no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
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
DISPUTE_OUTCOMES = (MEDIATED, MEDIATION_FAILED, MEDIATION_ENDED)
FAILED_ROUTES = ("诉讼", "仲裁", "行政途径")

PETITION_CHANNELS = ("来信", "来访", "网上信访", "来电", "传真", "上级交办")
PETITION_TYPES = ("建议意见类", "检举控告类", "申诉求决类")
DISPUTE_SOURCES = ("当事人申请", "主动排查", "信访转入", "委托移送")
SATISFACTION = ("满意", "基本满意", "不满意", "未评价")
AGREEMENT_FORMS = ("书面协议", "口头协议")

PETITION_ROLES = ("信访人", "代理人")
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
    EDIT = "edit"
    ATTACH = "attach"
    DELETE = "delete"
    SETTINGS = "settings"
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
    Act.EDIT: "编辑",
    Act.ATTACH: "添加附件",
    Act.DELETE: "删除",
    Act.SETTINGS: "修改设置",
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
                         Act.REVEAL_PERSONAL}),
    VIEWER: frozenset(),
}


def role_may(role: str, act: Act) -> bool:
    return act in _ROLE_ACTS.get(role, frozenset())


def allowed_acts(
    kind: Kind | str,
    status: Status | str,
    outcome: str | None = None,
    *,
    has_followup_pending: bool = False,
) -> list[Act]:
    """The acts the workflow allows for a case in this state, whoever the user."""
    kind, status = Kind(kind), Status(status)
    acts: list[Act] = []
    if status is Status.REGISTERED:
        acts.append(Act.ACCEPT)
        if kind is Kind.PETITION:
            acts.append(Act.REJECT)
        acts.append(Act.ASSIGN)
    elif status is Status.IN_PROGRESS:
        acts += [Act.ASSIGN, Act.EXTEND]
        if kind is Kind.DISPUTE:
            acts += [Act.RECORD_SESSION, Act.RECORD_AGREEMENT]
        acts.append(Act.CLOSE)
    elif status is Status.CLOSED:
        acts.append(Act.REOPEN)
        if kind is Kind.DISPUTE and outcome == MEDIATED:
            acts.append(Act.FOLLOW_UP)
    if kind is Kind.PETITION and status is not Status.REGISTERED:
        acts.append(Act.MARK_ENTERED)
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


# ---------------------------------------------------------------------------
# Deadlines (docs/domain.md §4).


@dataclass(frozen=True)
class Limits:
    """Deadline limits in calendar days; office settings with these defaults."""

    petition_accept: int = 15
    petition_handle: int = 60
    petition_extension: int = 30
    dispute_mediate: int = 30
    dispute_extension: int = 30
    judicial_confirmation: int = 30
    follow_up: int = 30
    due_soon_days: int = 7


def add_days(start: date, days: int) -> date:
    """Counting starts the day after ``start`` (民法典 Art. 201): 2026-03-01 + 60 → 2026-04-30."""
    return start + timedelta(days=days)


def due_on(
    kind: Kind | str,
    received_on: date | None,
    accepted_on: date | None,
    extended: bool,
    limits: Limits = Limits(),
) -> date | None:
    """The deadline in force: handling once accepted, else (petitions) the acceptance decision."""
    kind = Kind(kind)
    if accepted_on is not None:
        if kind is Kind.PETITION:
            days = limits.petition_handle + (limits.petition_extension if extended else 0)
        else:
            days = limits.dispute_mediate + (limits.dispute_extension if extended else 0)
        return add_days(accepted_on, days)
    if kind is Kind.PETITION and received_on is not None:
        return add_days(received_on, limits.petition_accept)
    return None


def is_overdue(due: date | None, closed_on: date | None, day: date) -> bool:
    """Overdue on ``day``: not closed by that day and the deadline has passed."""
    if due is None:
        return False
    if closed_on is not None and closed_on <= day:
        return False
    return due < day


def days_left(due: date | None, day: date) -> int | None:
    return None if due is None else (due - day).days


def deadline_state(due: date | None, closed: bool, day: date, limits: Limits = Limits()) -> str:
    """'closed', 'overdue', 'due_soon', 'ok' or 'none': the colour of the 期限 column."""
    if closed:
        return "closed"
    if due is None:
        return "none"
    left = (due - day).days
    if left < 0:
        return "overdue"
    if left <= limits.due_soon_days:
        return "due_soon"
    return "ok"


def deadline_text(due: date | None, closed: bool, day: date) -> str:
    if closed:
        return "已办结"
    if due is None:
        return "—"
    left = (due - day).days
    if left < 0:
        return f"超期{-left}天"
    if left == 0:
        return "今天到期"
    return f"剩{left}天"


def judicial_confirmation_due(agreement_on: date, limits: Limits = Limits()) -> date:
    return add_days(agreement_on, limits.judicial_confirmation)


def follow_up_due(closed_on: date, limits: Limits = Limits()) -> date:
    return add_days(closed_on, limits.follow_up)


def check_outcome(kind: Kind | str, outcome: str) -> str | None:
    """A Chinese message when ``outcome`` does not fit ``kind``, else None."""
    kind = Kind(kind)
    allowed = outcomes_for(kind) + ((REJECTED,) if kind is Kind.PETITION else ())
    if outcome not in allowed:
        return f"「{outcome}」不是{KIND_LABELS[kind]}的办理结果，应为：{'、'.join(allowed)}"
    return None
