"""calendar_days: the office's rest-day calendar, filled from chinesecalendar for its years

Revision ID: 0004
Revises: 0003

Only the table is added and filled: no case's due_on is changed here (a migration leaves no
event on a case). Closed cases keep the deadline they were closed under; open cases keep
theirs until the calendar or the limits next change (services.calendar_acts recomputes
them then, or `caseapp calendar recompute`).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from caseapp.storage.calendar_days import shipped_days

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    table = op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
    )
    # the days chinesecalendar knows (caseapp.storage.calendar_days.shipped_days)
    rows = [{"day": r.day, "kind": r.kind, "name": r.name} for r in shipped_days()]
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table("calendar_days")
