"""the acts of people's mediation: 司法确认 structured, 风险等级 and the 预防成效 flags

Revision ID: 0007
Revises: 0006

A new table judicial_confirmations (the court, the result and its date) and five nullable case
columns added in place (op.add_column: rebuilding `cases` on SQLite would break the foreign keys
of the tables that point at it). An earlier release kept 司法确认's result as free text in
cases.judicial_result ("人民法院裁定确认调解协议有效"): it becomes one of 确认有效 / 驳回 / 撤回
(or empty while awaited) and each application gets its row, the old text kept in its note.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FLAGS = ("prevented_crime", "prevented_group_petition", "prevented_group_fight",
         "prevented_suicide")


def structured_result(text: str | None) -> str | None:
    """The result an old free text says: 撤回, 驳回 (also 无效, 不予确认), 确认有效 (有效), else
    None (awaited or not said)."""
    text = (text or "").strip()
    if not text:
        return None
    if "撤回" in text:
        return "撤回"
    if "驳回" in text or "无效" in text or "不予确认" in text:
        return "驳回"
    if "有效" in text:
        return "确认有效"
    return None


def upgrade() -> None:
    op.create_table(
        "judicial_confirmations",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("court", sa.String(length=128), nullable=True),
        sa.Column("result", sa.String(length=8), nullable=True),
        sa.Column("result_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name=op.f("fk_judicial_confirmations_case_id_cases")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_judicial_confirmations")),
    )
    op.add_column("cases", sa.Column("risk_grade", sa.String(length=4), nullable=True))
    for name in FLAGS:
        op.add_column("cases", sa.Column(name, sa.Boolean(), nullable=True))

    conn = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.Integer()),
                     sa.column("judicial_applied_on", sa.Date()),
                     sa.column("judicial_result", sa.String()))
    confirmations = sa.table("judicial_confirmations", sa.column("case_id", sa.Integer()),
                             sa.column("applied_on", sa.Date()),
                             sa.column("result", sa.String()), sa.column("note", sa.Text()))
    rows = conn.execute(sa.select(cases.c.id, cases.c.judicial_applied_on,
                                  cases.c.judicial_result)
                        .where(sa.or_(cases.c.judicial_applied_on.is_not(None),
                                      cases.c.judicial_result.is_not(None)))).all()
    for case_id, applied_on, text in rows:
        result = structured_result(text)
        old = (text or "").strip()
        if old != (result or ""):
            conn.execute(sa.update(cases).where(cases.c.id == case_id)
                         .values(judicial_result=result))
        if applied_on is not None:
            conn.execute(sa.insert(confirmations).values(
                case_id=case_id, applied_on=applied_on, result=result,
                note=f"升级前记录的结果：{old}" if old and old != result else None))


def downgrade() -> None:
    # The free text is not restored: the structured result reads the same to a clerk.
    for name in (*FLAGS, "risk_grade"):
        op.drop_column("cases", name)
    op.drop_table("judicial_confirmations")
