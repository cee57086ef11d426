"""the petition acts of the 信访工作条例 (2022): 延期 approvals, 转送, 上级交办, 督办, 答复 and
复查/复核

Revision ID: 0006
Revises: 0005

New tables beside the case, and two case columns (review_stage, review_of_id) that the deadline
rule and the figures read. No existing row is changed.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                   name=op.f(f"fk_{table}_case_id_cases"))


def _one_per_case(table: str, *columns: sa.Column) -> None:
    op.create_table(
        table,
        sa.Column("case_id", sa.Integer(), nullable=False),
        *columns,
        _case_fk(table),
        sa.PrimaryKeyConstraint("case_id", name=op.f(f"pk_{table}")),
    )


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("review_stage", sa.String(length=4), nullable=True))
        # no FOREIGN KEY: it would rebuild the cases table, which SQLite refuses while the
        # rows of other tables point at it (the services keep the link)
        batch.add_column(sa.Column("review_of_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_cases_review_of_id"), ["review_of_id"], unique=False)
    _one_per_case(
        "extension_approvals",
        sa.Column("approver", sa.String(length=64), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("old_due", sa.Date(), nullable=True),
        sa.Column("new_due", sa.Date(), nullable=True),
    )
    _one_per_case(
        "transfers",
        sa.Column("organ", sa.String(length=128), nullable=False),
        sa.Column("transferred_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
    )
    _one_per_case(
        "assignments_from_above",
        sa.Column("superior", sa.String(length=128), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=True),
        sa.Column("assigned_on", sa.Date(), nullable=False),
        sa.Column("superior_due", sa.Date(), nullable=False),
        sa.Column("report_on", sa.Date(), nullable=True),
        sa.Column("report_text", sa.Text(), nullable=True),
    )
    with op.batch_alter_table("assignments_from_above") as batch:
        batch.create_index(batch.f("ix_assignments_from_above_superior_due"), ["superior_due"],
                           unique=False)
    op.create_table(
        "supervisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("by_whom", sa.String(length=128), nullable=False),
        sa.Column("supervised_on", sa.Date(), nullable=False),
        sa.Column("reply_due", sa.Date(), nullable=False),
        sa.Column("demand", sa.Text(), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        _case_fk("supervisions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisions")),
    )
    with op.batch_alter_table("supervisions") as batch:
        batch.create_index(batch.f("ix_supervisions_case_id"), ["case_id"], unique=False)
        batch.create_index("ix_supervisions_open_due", ["replied_on", "reply_due"], unique=False)
    _one_per_case(
        "petition_replies",
        sa.Column("decision", sa.String(length=8), nullable=False),
        sa.Column("request", sa.Text(), nullable=True),
        sa.Column("facts", sa.Text(), nullable=True),
        sa.Column("basis", sa.Text(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=True),
    )


def downgrade() -> None:
    for table in ("petition_replies", "supervisions", "assignments_from_above", "transfers",
                  "extension_approvals"):
        op.drop_table(table)
    with op.batch_alter_table("cases") as batch:
        batch.drop_index(batch.f("ix_cases_review_of_id"))
        batch.drop_column("review_of_id")
        batch.drop_column("review_stage")
