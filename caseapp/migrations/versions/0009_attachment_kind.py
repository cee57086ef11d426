"""attachments marked as 身份证明, 委托书, 证据, 履行凭证 or 其他 (the 卷宗 files them by kind)

Revision ID: 0009
Revises: 0008

One nullable column added in place (op.add_column, no table rebuild). Earlier attachments keep
it empty: the 卷宗 files an unmarked attachment like 其他 until the clerk marks it.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("attachments", sa.Column("kind", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("kind")
