"""offices (单位): each case, person, event and work-log entry belongs to one; numbers and ID
numbers are unique within an office; users may belong to an office or be given several

Revision ID: 0012
Revises: 0011

Issue #18 (docs/district.md). A file of one office gets the one office row (id 1, no code yet:
the district gives it) and every row office_id 1, so nothing a clerk sees changes.

cases and persons are copied into new tables on SQLite (their UNIQUE(number) and
UNIQUE(id_number) are part of the CREATE TABLE and can only go that way); the runner turns
foreign keys off for the migration (caseapp/migrations/env.py), or dropping the old table would
cascade-delete every case's parties and events. The partial indexes and the search index's
triggers go with the old tables, so they are dropped first and made again after. events,
worklog_entries and users get a column in place (no copy of the biggest tables), so their
office_id carries no FOREIGN KEY clause: SQLite adds a column with one only when its default
is NULL; the program writes only ids of offices that exist.
"""
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from caseapp.storage import search_index

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept equal to storage/models.py (OPEN_CASES, LIVE, LIVE_INDEXES) and migration 0010.
OPEN_CASES = "deleted_at IS NULL AND status IN ('registered', 'in_progress')"
OPEN_CASES_COLUMNS = ["status", "kind", "category", "community", "received_on", "people_count",
                      "group_size", "number", "deleted_at"]
LIVE = "deleted_at IS NULL"
LIVE_INDEXES = {
    "ix_cases_live_received": ["deleted_at", "received_on"],
    "ix_cases_live_kind_received": ["kind", "deleted_at", "received_on"],
    "ix_cases_live_kind_status": ["kind", "status", "deleted_at", "received_on"],
    "ix_cases_live_kind_category": ["kind", "category", "deleted_at", "received_on"],
    "ix_cases_live_kind_handler": ["kind", "handler", "deleted_at", "received_on"],
    "ix_cases_live_kind_street": ["kind", "street", "deleted_at", "received_on"],
}
PARTIAL = {"ix_cases_open": (OPEN_CASES_COLUMNS, OPEN_CASES),
           **{name: (columns, LIVE) for name, columns in LIVE_INDEXES.items()}}


def _office_column(fk: str | None) -> sa.Column:
    args = [sa.ForeignKey("offices.id", name=fk)] if fk else []
    return sa.Column("office_id", sa.Integer(), *args, nullable=False, server_default="1")


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.create_table(
        "offices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offices")),
        sa.UniqueConstraint("code", name=op.f("uq_offices_code")),
    )
    # The office this file has always been; its code is empty until the district gives one.
    offices = sa.table("offices", sa.column("id", sa.Integer), sa.column("code", sa.String),
                       sa.column("name", sa.String), sa.column("created_at", sa.DateTime))
    op.bulk_insert(offices, [{"id": 1, "code": "", "name": "本单位", "created_at": datetime.now()}])
    if not sqlite:  # the row was given its id: move PostgreSQL's sequence past it
        bind.exec_driver_sql("SELECT setval(pg_get_serial_sequence('offices', 'id'), "
                             "(SELECT max(id) FROM offices))")
    op.create_table(
        "user_offices",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_user_offices_user_id_users"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"],
                                name=op.f("fk_user_offices_office_id_offices"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "office_id", name=op.f("pk_user_offices")),
    )
    indexed = sqlite and search_index.present(bind)
    if indexed:
        search_index.drop_triggers(bind)
    if sqlite:
        for name in PARTIAL:
            op.drop_index(name, table_name="cases", if_exists=True)
    with op.batch_alter_table("cases") as batch:
        batch.add_column(_office_column("fk_cases_office_id_offices"))
        batch.drop_constraint("uq_cases_number", type_="unique")
        batch.create_unique_constraint("uq_cases_office_id", ["office_id", "number"])
    # A number alone is still looked up (a file of one office reads no office_id): its own
    # index, as UNIQUE(number) gave before, or every such look-up scans the cases.
    op.create_index("ix_cases_number", "cases", ["number"])
    with op.batch_alter_table("persons") as batch:
        batch.add_column(_office_column("fk_persons_office_id_offices"))
        batch.drop_constraint("uq_persons_id_number", type_="unique")
        batch.create_unique_constraint("uq_persons_office_id", ["office_id", "id_number"])
    _sequence_key(["office_id", "kind", "year"], add=True)
    for table in ("events", "worklog_entries"):
        op.add_column(table, _office_column(None))
    # null = a district user: sees the offices user_offices gives, or all when admin
    op.add_column("users", sa.Column("office_id", sa.Integer(), nullable=True))
    if sqlite:
        for name, (columns, where) in PARTIAL.items():
            op.create_index(name, "cases", columns, sqlite_where=sa.text(where))
    if indexed:
        search_index.create_triggers(bind)
    if sqlite and bind.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM cases)").scalar():
        # The copied tables lost their statistics with the old ones (as in 0010).
        bind.exec_driver_sql("PRAGMA analysis_limit=1000")
        bind.exec_driver_sql("ANALYZE cases")
        bind.exec_driver_sql("ANALYZE persons")


def _sequence_key(columns: list[str], add: bool) -> None:
    """number_sequences' primary key becomes (office_id, kind, year): each office numbers its
    own cases (SQLite: by a copy, as a primary key cannot be altered in place)."""
    with op.batch_alter_table("number_sequences", recreate="always") as batch:
        if add:
            batch.add_column(_office_column(None))
        batch.drop_constraint("pk_number_sequences", type_="primary")
        batch.create_primary_key("pk_number_sequences", columns)
        if not add:
            batch.drop_column("office_id")


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    indexed = sqlite and search_index.present(bind)
    if indexed:
        search_index.drop_triggers(bind)
    if sqlite:
        for name in PARTIAL:
            op.drop_index(name, table_name="cases", if_exists=True)
    op.drop_index("ix_cases_number", table_name="cases")
    op.drop_column("users", "office_id")
    for table in ("worklog_entries", "events"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("office_id")
    _sequence_key(["kind", "year"], add=False)
    with op.batch_alter_table("persons") as batch:
        batch.drop_constraint("uq_persons_office_id", type_="unique")
        batch.create_unique_constraint("uq_persons_id_number", ["id_number"])
        batch.drop_constraint("fk_persons_office_id_offices", type_="foreignkey")
        batch.drop_column("office_id")
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint("uq_cases_office_id", type_="unique")
        batch.create_unique_constraint("uq_cases_number", ["number"])
        batch.drop_constraint("fk_cases_office_id_offices", type_="foreignkey")
        batch.drop_column("office_id")
    if sqlite:
        for name, (columns, where) in PARTIAL.items():
            op.create_index(name, "cases", columns, sqlite_where=sa.text(where))
    if indexed:
        search_index.create_triggers(bind)
    op.drop_table("user_offices")
    op.drop_table("offices")
