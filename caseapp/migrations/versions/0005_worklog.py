"""worklog_entries and worklog_cases: the 排查台账 / 安保维稳 work log and its linked disputes

Revision ID: 0005
Revises: 0004

Only new tables: no case is changed (the link is a table of its own).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "worklog_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("street", sa.String(length=64), nullable=True),
        sa.Column("community", sa.String(length=64), nullable=True),
        sa.Column("participants", sa.String(length=255), nullable=True),
        sa.Column("found", sa.Integer(), nullable=False),
        sa.Column("zero_report", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"],
                                name=op.f("fk_worklog_entries_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worklog_entries")),
    )
    with op.batch_alter_table("worklog_entries") as batch:
        batch.create_index("ix_worklog_entries_day_type", ["day", "type"], unique=False)
    op.create_table(
        "worklog_cases",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["worklog_entries.id"], ondelete="CASCADE",
                                name=op.f("fk_worklog_cases_entry_id_worklog_entries")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name=op.f("fk_worklog_cases_case_id_cases")),
        sa.PrimaryKeyConstraint("entry_id", "case_id", name=op.f("pk_worklog_cases")),
    )
    with op.batch_alter_table("worklog_cases") as batch:
        batch.create_index(batch.f("ix_worklog_cases_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_table("worklog_cases")
    op.drop_table("worklog_entries")
