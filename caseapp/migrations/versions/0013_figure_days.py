"""figure pre-aggregates (issue #19): figure_days, figure_day_groups and figure_dirty, the
triggers that mark the days a write touches, two indexes on cases (the irregular cases, the
cases by due day); every day marked, so the first figures read fills the tables from the cases
(caseapp/figures/days.py, caseapp/storage/figure_days.py)

Revision ID: 0013
Revises: 0012
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseapp.storage import figure_days

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept equal to storage/models.py (IRREGULAR).
IRREGULAR = ("accepted_on IS NOT NULL AND ((closed_on IS NOT NULL AND closed_on < accepted_on) "
             "OR (due_on IS NOT NULL AND due_on < accepted_on))")


def upgrade() -> None:
    op.create_table(
        "figure_days",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("office_id", sa.Integer, nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("kind", "day", "name", "office_id", name="pk_figure_days"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "figure_day_groups",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("dimension", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("office_id", sa.Integer, nullable=False),
        sa.Column("received", sa.Integer, nullable=False),
        sa.Column("accepted", sa.Integer, nullable=False),
        sa.Column("closed", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("kind", "day", "dimension", "value", "office_id",
                                name="pk_figure_day_groups"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "figure_dirty",
        sa.Column("day", sa.Date, nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_figure_dirty"),
    )
    op.create_index("ix_cases_irregular", "cases", ["kind"], sqlite_where=sa.text(IRREGULAR),
                    postgresql_where=sa.text(IRREGULAR))
    op.create_index("ix_cases_kind_due", "cases", ["kind", "due_on"])
    bind = op.get_bind()
    figure_days.create_triggers(bind)
    figure_days.mark_all(bind)
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql(
            "SELECT EXISTS (SELECT 1 FROM cases)").scalar():
        # Statistics for the two new indexes, or SQLite takes ix_cases_kind_due for any
        # "kind = ?" and sorts the whole kind (as in 0010 and 0012).
        bind.exec_driver_sql("PRAGMA analysis_limit=1000")
        bind.exec_driver_sql("ANALYZE cases")


def downgrade() -> None:
    figure_days.drop_triggers(op.get_bind())
    op.drop_index("ix_cases_kind_due", "cases")
    op.drop_index("ix_cases_irregular", "cases")
    for table in ("figure_dirty", "figure_day_groups", "figure_days"):
        op.drop_table(table)
