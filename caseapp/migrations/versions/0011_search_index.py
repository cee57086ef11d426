"""the search index (trigram FTS5 and name bigrams): on SQLite, search_fts, search_grams and
the triggers that keep them in step, filled from the existing cases (caseapp/storage/
search_index.py); PostgreSQL keeps searching with LIKE

Revision ID: 0011
Revises: 0010
"""
from collections.abc import Sequence

from alembic import op

from caseapp.storage import search_index

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    search_index.create(bind)
    search_index.rebuild(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        search_index.drop(bind)
