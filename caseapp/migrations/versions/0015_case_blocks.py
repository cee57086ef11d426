"""the newest received_on per block of 1,024 case ids (issue #19, caseapp/storage/
search_blocks.py): a search walks its candidates from the highest id down and stops when no
lower id can be more recent than its page, instead of scanning every newer case for a term
of older ones (2025 in the numbers: ~150 ms at 1M cases). A table and two triggers, filled
from the cases; nothing on PostgreSQL. A later migration that copies the cases table (batch
alter) must create the triggers again (search_blocks.create). Also drops ix_persons_name,
whose work ix_persons_name_phone's prefix does: one index fewer for every person an import
writes (persons are ~1.4 per case; at 1M cases the import of 100,000 rows spent ~1 s in it).

Revision ID: 0015
Revises: 0014
"""
from collections.abc import Sequence

from alembic import op

from caseapp.storage import search_blocks

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    search_blocks.create(op.get_bind())
    op.drop_index("ix_persons_name", table_name="persons", if_exists=True)


def downgrade() -> None:
    op.create_index("ix_persons_name", "persons", ["name"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        search_blocks.drop(bind)
