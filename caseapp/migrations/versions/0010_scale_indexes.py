"""indexes for lists figures and person look ups

Revision ID: 0010
Revises: 0009

Issue #19: partial indexes over the live cases (deleted_at IS NULL, which every list and figure
repeats) for the case list's default order and its filters, so a first page reads 100 index
entries instead of ordering every id of the kind; an index on persons.phone for the importer's
look-ups (name + phone and the ID number have theirs). Indexes only: nothing is rewritten (a
1,000,000-case file went from 0008 to 0011, this and the search index, in 4.5 minutes on a
busy 2-core machine), and on a file with cases SQLite then gathers statistics (ANALYZE) so
its planner picks them.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# --- Early warning (issue #15; queries/related.py, owned by the warnings engineer) ---------
# The open cases only (about 16,000 of 1,000,000), covering every column the workbench's
# 可能的群体性事件 reads, so it never visits the wide case rows. deleted_at is a key column too:
# SQLite reads the table to test a WHERE column the index lacks, even one its WHERE implies.
OPEN_CASES = "deleted_at IS NULL AND status IN ('registered', 'in_progress')"
OPEN_CASES_COLUMNS = ["status", "kind", "category", "community", "received_on", "people_count",
                      "group_size", "number", "deleted_at"]


# --- Scale (issue #19; the scale engineer) -------------------------------------------------
# The live cases: deleted_at is a key column just before received_on, so SQLite tests it inside
# the index (it reads the row for a WHERE column the index lacks) and, deleted_at IS NULL being
# an equality, still walks received_on and the id in order (a first page of the newest cases
# without a sort). Kept equal to the models (storage/models.py LIVE_INDEXES).
LIVE = "deleted_at IS NULL"
LIVE_INDEXES = {
    "ix_cases_live_received": ["deleted_at", "received_on"],
    "ix_cases_live_kind_received": ["kind", "deleted_at", "received_on"],
    "ix_cases_live_kind_status": ["kind", "status", "deleted_at", "received_on"],
    "ix_cases_live_kind_category": ["kind", "category", "deleted_at", "received_on"],
    "ix_cases_live_kind_handler": ["kind", "handler", "deleted_at", "received_on"],
    "ix_cases_live_kind_street": ["kind", "street", "deleted_at", "received_on"],
}


def upgrade() -> None:
    op.create_index("ix_cases_open", "cases", OPEN_CASES_COLUMNS, if_not_exists=True,
                    sqlite_where=sa.text(OPEN_CASES), postgresql_where=sa.text(OPEN_CASES))
    # --- end of the early-warning block; the scale indexes follow ---------------------------
    for name, columns in LIVE_INDEXES.items():
        op.create_index(name, "cases", columns, if_not_exists=True,
                        sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))
    op.create_index("ix_persons_phone", "persons", ["phone"], if_not_exists=True)
    bind = op.get_bind()
    has_cases = bind.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM cases)").scalar()
    if bind.dialect.name == "sqlite" and has_cases:
        # Statistics for the planner on an upgraded file (bounded work per index); a new,
        # empty file gets them from PRAGMA optimize once it has grown.
        bind.exec_driver_sql("PRAGMA analysis_limit=1000")
        bind.exec_driver_sql("ANALYZE cases")
        bind.exec_driver_sql("ANALYZE persons")


def downgrade() -> None:
    op.drop_index("ix_persons_phone", table_name="persons", if_exists=True)
    for name in reversed(LIVE_INDEXES):
        op.drop_index(name, table_name="cases", if_exists=True)
    op.drop_index("ix_cases_open", table_name="cases", if_exists=True)  # early warning (#15)
