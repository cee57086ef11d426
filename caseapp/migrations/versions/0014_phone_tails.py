"""the search index's phones end in a marker (issue #19): a phone-tail search (1380) is then
one FTS phrase ("1380#") instead of every case whose phones hold 1380 anywhere, re-checked a
case at a time (~400 ms in a 1M-case file); the triggers that write the text again, and the
FTS table refilled from the cases (the grams are unchanged). Nothing on PostgreSQL.

Revision ID: 0014
Revises: 0013
"""
from collections.abc import Sequence

from alembic import op

from caseapp.storage import search_index

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if not search_index.present(bind):
        return
    search_index.drop_triggers(bind)
    search_index.create_triggers(bind)
    search_index.rebuild(bind, grams=False)


def downgrade() -> None:
    # The marked phones still answer an unmarked search's LIKE re-check; the text stays.
    pass
