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
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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


class Setting(Base):
    """Office-wide settings, one JSON value per key (caseapp.storage.settings declares them)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Person(Base):
    """A person or an organisation. One person appears once, however many cases name them."""

    __tablename__ = "persons"
    __table_args__ = (Index("ix_persons_name_phone", "name", "phone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    is_org: Mapped[bool] = mapped_column(Boolean, default=False)
    name: Mapped[str] = mapped_column(String(128), index=True)
    gender: Mapped[str | None] = mapped_column(String(4))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(255))
    legal_rep: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


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
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
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
    judicial_applied_on: Mapped[date | None] = mapped_column(Date)
    judicial_result: Mapped[str | None] = mapped_column(String(255))
    # A diverted petition and the dispute it became point at each other.
    origin_case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
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
