"""a person's 民族 and 职业/工作单位, printed on the 人民调解协议书 and 申请书

Revision ID: 0008
Revises: 0007

Two nullable columns added in place (op.add_column, no table rebuild: rebuilding `persons` on
SQLite would break the foreign keys that point at it). Earlier persons keep them empty: the
documents then leave an underlined blank for the office to fill in by hand.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("persons", sa.Column("ethnicity", sa.String(length=16), nullable=True))
    op.add_column("persons", sa.Column("occupation", sa.String(length=128), nullable=True))


def downgrade() -> None:
    op.drop_column("persons", "occupation")
    op.drop_column("persons", "ethnicity")
