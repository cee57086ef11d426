"""SQLAlchemy 2 typed models. The schema is owned by Alembic (caseapp/migrations).

Both kinds of case live in one table: the figures of docs/domain.md §5 then are one
aggregate over indexed date columns, and kind-specific fields are simply null for the
other kind. See docs/schema.md.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from caseapp.storage import pinyin

# A naming convention so Alembic's batch mode on SQLite can name and drop constraints.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every model here maps a plain Table; saying so lets Core insert()/update() take __table__
    # (SQLAlchemy types it as the wider FromClause).
    __table__: ClassVar[Table]


class Office(Base):
    """An office (单位: a street's or park's 调解办 or 信访办). A file of one office holds one
    (id 1); a district database holds every office that reports to it (docs/district.md)."""

    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The code the district gives (统一编码), matching an office's packages; "" until given.
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime)


# The office of a file that was never part of a district, and the default of every office_id.
LOCAL_OFFICE = 1


def office_column(foreign_key: bool = True) -> Mapped[int]:
    """office_id: the office a row belongs to (migration 0012). Without a FOREIGN KEY on the
    tables that got the column in place (SQLite adds one only with a NULL default)."""
    args = [ForeignKey("offices.id")] if foreign_key else []
    return mapped_column(Integer, *args, default=LOCAL_OFFICE, server_default=str(LOCAL_OFFICE))


def unindexed(column):
    """An integer ``column`` as an expression no SQLite index serves (an index needs the bare
    column; for a text one, column || ''), in a condition that must never choose the plan.
    Beside another column's IN list, a big file's sampled statistics (analysis_limit) rate
    one office as ~1,000 rows, and SQLite read every row of the office through it instead of
    the list's own index (issue #19)."""
    return column + 0


class UserOffice(Base):
    """The offices a district user is given (a user with an office_id sees only that one)."""

    __tablename__ = "user_offices"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"),
                                           primary_key=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16), default="admin")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # scrypt$n$r$p$salt$hash (caseapp.services.accounts); null = no password (the local user before
    # accounts are set up). Never the password itself.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    # The user's office; null = a district user (the offices of UserOffice, or all for admin).
    office_id: Mapped[int | None] = mapped_column(Integer)


class Setting(Base):
    """Office-wide settings, one JSON value per key (caseapp.storage.settings declares them)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CalendarDay(Base):
    """The office's rest-day calendar (docs/domain.md §4): a holiday rest day (休) or a 调休
    working day (班) per row; a day without a row is a rest day when it is a weekend."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(2))  # 休 / 班 (caseapp.calendar.REST / WORK)
    name: Mapped[str] = mapped_column(String(32), default="")  # 国庆节, 春节, …


class Category(Base):
    """Category lists per kind; a used entry is retired (active=False), never deleted."""

    __tablename__ = "categories"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Department(Base):
    """Departments taking part in mediation (参与部门)."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CaseDepartment(Base):
    __tablename__ = "case_departments"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)


class NumberSequence(Base):
    """The last number given per kind and year; bumped inside the write transaction."""

    __tablename__ = "number_sequences"

    office_id: Mapped[int] = mapped_column(Integer, primary_key=True, default=LOCAL_OFFICE,
                                           server_default=str(LOCAL_OFFICE))
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Person(Base):
    """A person or an organisation. One person appears once, however many cases name them."""

    __tablename__ = "persons"
    # phone alone too: the importer looks up a batch's phones at once (migration 0010)
    __table_args__ = (Index("ix_persons_name_phone", "name", "phone"),
                      Index("ix_persons_phone", "phone"),
                      UniqueConstraint("office_id", "id_number"))

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = office_column()
    is_org: Mapped[bool] = mapped_column(Boolean, default=False)
    # No index of its own: ix_persons_name_phone's prefix serves a name (migration 0015; one
    # index fewer for every person an import writes).
    name: Mapped[str] = mapped_column(String(128))
    # pinyin initials of name for search; kept by caseapp.storage.pinyin (ORM event + default)
    name_initials: Mapped[str | None] = mapped_column(String(32), index=True,
                                                      default=pinyin.initials_default)
    gender: Mapped[str | None] = mapped_column(String(4))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18))  # unique within an office
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(255))
    legal_rep: Mapped[str | None] = mapped_column(String(64))
    # 民族 and 职业/工作单位: the 人民调解协议书 and 申请书 name them (migration 0008)
    ethnicity: Mapped[str | None] = mapped_column(String(16))
    occupation: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime)


pinyin.listen(Person)


# The partial index ix_cases_open's WHERE; a query uses it only when it repeats these constants.
OPEN_CASES = "deleted_at IS NULL AND status IN ('registered', 'in_progress')"


# The partial indexes over the live cases (migration 0010, which says why deleted_at is a key
# column before received_on); a query uses them when it says deleted_at IS NULL.
LIVE = "deleted_at IS NULL"
LIVE_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_cases_live_received": ("deleted_at", "received_on"),
    "ix_cases_live_kind_received": ("kind", "deleted_at", "received_on"),
    "ix_cases_live_kind_status": ("kind", "status", "deleted_at", "received_on"),
    "ix_cases_live_kind_category": ("kind", "category", "deleted_at", "received_on"),
    "ix_cases_live_kind_handler": ("kind", "handler", "deleted_at", "received_on"),
    "ix_cases_live_kind_street": ("kind", "street", "deleted_at", "received_on"),
}


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_kind_received", "kind", "received_on"),
        Index("ix_cases_kind_accepted", "kind", "accepted_on"),
        # accepted_on too: "handled in the period" skips cases accepted after it inside the index
        Index("ix_cases_kind_closed", "kind", "closed_on", "accepted_on"),
        Index("ix_cases_status_received", "status", "received_on"),
        Index("ix_cases_kind_status_due", "kind", "status", "due_on"),
        Index("ix_cases_category", "kind", "category"),
        Index("ix_cases_street", "street"),
        Index("ix_cases_handler", "handler"),
        # The open cases only, covering what the early warning reads (queries/related.py,
        # migration 0010); deleted_at a column too, or SQLite reads the row to test it.
        Index("ix_cases_open", "status", "kind", "category", "community", "received_on",
              "people_count", "group_size", "number", "deleted_at",
              sqlite_where=text(OPEN_CASES), postgresql_where=text(OPEN_CASES)),
        # The live cases, for the case list's order and filters (migration 0010, issue #19).
        *(Index(name, *columns, sqlite_where=text(LIVE), postgresql_where=text(LIVE))
          for name, columns in LIVE_INDEXES.items()),
        UniqueConstraint("office_id", "number"),  # offices of a district number alike
        Index("ix_cases_number", "number"),  # a number looked up without its office
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = office_column()
    number: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str | None] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(String(500))
    details: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(32))
    street: Mapped[str | None] = mapped_column(String(64))
    community: Mapped[str | None] = mapped_column(String(64))
    received_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # The deadline in force, stored so lists and figures can use an index (docs/design.md rule 6).
    due_on: Mapped[date | None] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_reason: Mapped[str | None] = mapped_column(String(255))
    handler: Mapped[str | None] = mapped_column(String(64))
    people_count: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    close_note: Mapped[str | None] = mapped_column(Text)
    reject_reason: Mapped[str | None] = mapped_column(Text)
    failed_route: Mapped[str | None] = mapped_column(String(16))  # 调解不成: 诉讼/仲裁/行政途径
    # Petitions.
    petition_type: Mapped[str | None] = mapped_column(String(16))
    group_size: Mapped[int | None] = mapped_column(Integer)  # 集体访 head count; null = not a group
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    via_proxy: Mapped[bool] = mapped_column(Boolean, default=False)
    entered: Mapped[bool] = mapped_column(Boolean, default=False)
    satisfaction: Mapped[str | None] = mapped_column(String(8))
    # Disputes.
    mediators: Mapped[str | None] = mapped_column(String(255))
    performed: Mapped[bool] = mapped_column(Boolean, default=False)
    # 司法确认: the application's date and its result (workflow.JUDICIAL_RESULTS; null while
    # awaited), kept here for the figures; the court and the result's date are a
    # JudicialConfirmation (caseapp.services.mediation_acts).
    judicial_applied_on: Mapped[date | None] = mapped_column(Date)
    judicial_result: Mapped[str | None] = mapped_column(String(255))
    # 风险等级 (null = 一般) and the 预防成效 flags (workflow.PREVENTION_FLAGS): nullable columns
    # added by migration 0007 (null = not flagged).
    risk_grade: Mapped[str | None] = mapped_column(String(4))
    prevented_crime: Mapped[bool | None] = mapped_column(Boolean, default=False)
    prevented_group_petition: Mapped[bool | None] = mapped_column(Boolean, default=False)
    prevented_group_fight: Mapped[bool | None] = mapped_column(Boolean, default=False)
    prevented_suicide: Mapped[bool | None] = mapped_column(Boolean, default=False)
    # A diverted petition and the dispute it became point at each other.
    origin_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    # 复查/复核 (条例 Art. 35–36): the stage of a review petition and the petition it reviews;
    # on the case because its deadline rule and the figures read it. No FOREIGN KEY on
    # review_of_id: adding one would rebuild the cases table on an upgraded SQLite file.
    review_stage: Mapped[str | None] = mapped_column(String(4))
    review_of_id: Mapped[int | None] = mapped_column(Integer, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)

    __mapper_args__ = {"version_id_col": version}

    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseParty.id"
    )


class CaseParty(Base):
    __tablename__ = "case_parties"
    __table_args__ = (UniqueConstraint("case_id", "person_id", "role", name="uq_case_parties_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))

    case: Mapped[Case] = relationship(back_populates="parties")
    person: Mapped[Person] = relationship()


class Event(Base):
    """The case's timeline: who, when, what changed (old → new, as JSON) and why."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_case_at", "case_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = office_column(foreign_key=False)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    changes: Mapped[str | None] = mapped_column(Text)  # JSON {"field": [old, new]}
    note: Mapped[str | None] = mapped_column(Text)


class MediationSession(Base):
    __tablename__ = "mediation_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(128))
    participants: Mapped[str | None] = mapped_column(String(255))
    record: Mapped[str | None] = mapped_column(Text)


class Agreement(Base):
    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    form: Mapped[str] = mapped_column(String(8))  # 书面协议 / 口头协议
    signed_on: Mapped[date] = mapped_column(Date)
    facts: Mapped[str | None] = mapped_column(Text)  # 纠纷事实、争议事项
    terms: Mapped[str] = mapped_column(Text)  # JSON list of numbered terms
    performance_method: Mapped[str | None] = mapped_column(String(255))
    performance_place: Mapped[str | None] = mapped_column(String(255))
    performance_due: Mapped[date | None] = mapped_column(Date)


class FollowUp(Base):
    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(Text)


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))  # relative to the attachments folder
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # 身份证明 / 委托书 / 证据 / 履行凭证 / 其他 (workflow.ATTACHMENT_KINDS); NULL = not marked.
    kind: Mapped[str | None] = mapped_column(String(16))


class WorkLogEntry(Base):
    """排查台账 and 安保维稳 (docs/domain.md §9): a day's prevention work in an area, not a case.
    A 零上报 entry says that an area found no dispute in a month."""

    __tablename__ = "worklog_entries"
    __table_args__ = (Index("ix_worklog_entries_day_type", "day", "type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = office_column(foreign_key=False)
    day: Mapped[date] = mapped_column(Date)
    type: Mapped[str] = mapped_column(String(8))  # 日常排查 / 集中排查 / 专项排查 / 安保维稳
    street: Mapped[str | None] = mapped_column(String(64))  # null = 全区
    community: Mapped[str | None] = mapped_column(String(64))
    participants: Mapped[str | None] = mapped_column(String(255))
    found: Mapped[int] = mapped_column(Integer, default=0)  # disputes found (a count)
    zero_report: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)


class WorkLogCase(Base):
    """A dispute registered from a work-log entry (a link table: the cases table stays as it is)."""

    __tablename__ = "worklog_cases"

    entry_id: Mapped[int] = mapped_column(ForeignKey("worklog_entries.id", ondelete="CASCADE"),
                                          primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True, index=True)


# ---------------------------------------------------------------------------
# The petition acts of the 信访工作条例 (2022): one row per act, beside the case
# (caseapp.services.petition_acts).


class ExtensionApproval(Base):
    """延期 of a petition (Art. 34): who approved it and when; with the case's extension_reason
    and the deadlines before and after, the data of the 延期办理告知书."""

    __tablename__ = "extension_approvals"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    approver: Mapped[str] = mapped_column(String(64))
    approved_on: Mapped[date] = mapped_column(Date)
    old_due: Mapped[date | None] = mapped_column(Date)
    new_due: Mapped[date | None] = mapped_column(Date)


class Transfer(Base):
    """转送 (Art. 22): the organ the petition was sent on to; the case closes with 转送."""

    __tablename__ = "transfers"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    organ: Mapped[str] = mapped_column(String(128))
    transferred_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    late: Mapped[bool] = mapped_column(Boolean, default=False)  # after the 15 days of 登记


class AssignmentFromAbove(Base):
    """上级交办: the superior, its due date, and the 办结报告 it asks for before closing."""

    __tablename__ = "assignments_from_above"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    superior: Mapped[str] = mapped_column(String(128))
    reference: Mapped[str | None] = mapped_column(String(64))  # 交办文号
    assigned_on: Mapped[date] = mapped_column(Date)
    superior_due: Mapped[date] = mapped_column(Date, index=True)
    report_on: Mapped[date | None] = mapped_column(Date)
    report_text: Mapped[str | None] = mapped_column(Text)


class Supervision(Base):
    """督办 (Art. 38–40): a case may carry several; an open one is a reply still awaited."""

    __tablename__ = "supervisions"
    __table_args__ = (Index("ix_supervisions_open_due", "replied_on", "reply_due"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(8))  # 普通督办 / 黄牌督办 / 红牌督办
    by_whom: Mapped[str] = mapped_column(String(128))
    supervised_on: Mapped[date] = mapped_column(Date)
    reply_due: Mapped[date] = mapped_column(Date)
    demand: Mapped[str | None] = mapped_column(Text)  # 督办意见
    replied_on: Mapped[date | None] = mapped_column(Date)
    reply: Mapped[str | None] = mapped_column(Text)


class PetitionReply(Base):
    """答复 (Art. 32) and its 信访处理意见书; the delivery date starts the 30 days for 复查."""

    __tablename__ = "petition_replies"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    decision: Mapped[str] = mapped_column(String(8))  # 予以支持 / 作出解释说明 / 不予支持
    request: Mapped[str | None] = mapped_column(Text)  # 信访请求
    facts: Mapped[str | None] = mapped_column(Text)  # 事实和理由
    basis: Mapped[str | None] = mapped_column(Text)  # 法律政策依据
    delivered_on: Mapped[date] = mapped_column(Date)  # 答复日期 (送达)
    rated_on: Mapped[date | None] = mapped_column(Date)  # 满意度 recorded on


class JudicialConfirmation(Base):
    """司法确认 (人民调解法 Art. 33) beyond the case's date and result: the court, the result's
    date, and a note (an upgraded file's old free-text result is kept here)."""

    __tablename__ = "judicial_confirmations"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    applied_on: Mapped[date] = mapped_column(Date)
    court: Mapped[str | None] = mapped_column(String(128))
    result: Mapped[str | None] = mapped_column(String(8))  # 确认有效 / 驳回 / 撤回; null = awaited
    result_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


# The figure tables (issue #19, migration 0013, caseapp.storage.figure_days): every figure of
# docs/domain.md §5 as a sum over days, computed by caseapp.figures.days from the cases.

# A case whose dates break what the per-day sums rely on (accepted no later than closed and than
# due): counted by the direct conditions instead (caseapp.figures.days); none in a sound file.
IRREGULAR = ("accepted_on IS NOT NULL AND ((closed_on IS NOT NULL AND closed_on < accepted_on) "
             "OR (due_on IS NOT NULL AND due_on < accepted_on))")
Index("ix_cases_irregular", Case.kind, sqlite_where=text(IRREGULAR),
      postgresql_where=text(IRREGULAR))
# The per-day sums of a deadline day read the cases due on it.
Index("ix_cases_kind_due", Case.kind, Case.due_on)


class FigureDay(Base):
    """One day's count (or amount in cents) of one figure's piece, per office and kind:
    ``name`` is a figure, or acc:/cls:<figure> (the cases accepted / closed that day), or
    due_open / closed_late (the deadline pieces): caseapp.figures.days says how they add up."""

    __tablename__ = "figure_days"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    office_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class FigureDayGroup(Base):
    """One day's received / accepted / closed of one value ('' for empty) of a breakdown
    dimension (category, source, street, handler, outcome), per office and kind."""

    __tablename__ = "figure_day_groups"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    dimension: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    closed: Mapped[int] = mapped_column(Integer, default=0)


class FigureDirty(Base):
    """A day whose figure rows are out of step with the cases: marked by triggers in the same
    transaction as the write (caseapp.storage.figure_days), recomputed and cleared when figures
    are next read."""

    __tablename__ = "figure_dirty"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
