"""persons.name_initials: pinyin initials of the name, for search ("zs" finds 张三)

Revision ID: 0003
Revises: 0002
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from caseapp.storage.pinyin import name_initials

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("name_initials", sa.String(length=32), nullable=True))
        batch.create_index("ix_persons_name_initials", ["name_initials"], unique=False)
    # existing rows are filled here; new ones by the ORM event and the column default
    persons = sa.table("persons", sa.column("id", sa.Integer), sa.column("name", sa.String),
                       sa.column("is_org", sa.Boolean),
                       sa.column("name_initials", sa.String))
    bind = op.get_bind()
    rows = bind.execute(sa.select(persons.c.id, persons.c.name, persons.c.is_org)).all()
    values = [{"pid": pid, "ini": name_initials(name, is_org=bool(is_org))}
              for pid, name, is_org in rows]
    if values:
        bind.execute(persons.update().where(persons.c.id == sa.bindparam("pid"))
                     .values(name_initials=sa.bindparam("ini")), values)


def downgrade() -> None:
    with op.batch_alter_table("persons") as batch:
        batch.drop_index("ix_persons_name_initials")
        batch.drop_column("name_initials")
