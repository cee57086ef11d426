"""`caseapp check`: SQLite's own integrity checks and the domain's (issue #6).

Each problem is one Chinese sentence with a count and a few case numbers, so a clerk can look
them up. An empty list means the database is sound.
"""

from __future__ import annotations

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import aliased

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.storage import search_blocks, search_index
from caseapp.storage.db import storage_error
from caseapp.storage.models import Attachment, Case

SHOW = 5  # case numbers named per problem


def check(db) -> list[str]:
    """Every problem found, as Chinese sentences; [] when all is well. A file too damaged to
    read raises StorageError (issue #16), never SQLite's own error."""
    try:
        return _all_checks(db)
    except DBAPIError as exc:
        raise storage_error(exc) from exc


def _all_checks(db) -> list[str]:
    problems = _sqlite_checks(db) if db.is_sqlite else []
    if problems and any(p.startswith("数据库文件已损坏") for p in problems):
        return problems  # the rows of a damaged file cannot be trusted
    with db.read() as session:
        problems += _domain_checks(session, db)
    problems += _attachment_checks(db)
    problems += _index_checks(db)
    return problems


def _index_checks(db) -> list[str]:
    """The search index (issue #19) against the cases' text, and its date blocks against the
    cases' dates: triggers keep both in step, so a difference means the file was changed
    behind the program's back (or a bug)."""
    out = []
    with db.engine.connect() as conn:
        if not search_index.present(conn):
            return []
        wrong = search_index.out_of_step(conn)
        low = search_blocks.too_low(conn) if search_blocks.present(conn) else 0
        numbers = [n for (n,) in conn.execute(
            select(Case.number).where(Case.id.in_(wrong[:SHOW])).order_by(Case.id))] \
            if wrong else []
    if wrong:
        shown = "、".join(numbers) if numbers else "已删除的案件"
        more = "等" if len(wrong) > SHOW else ""
        out.append(f"搜索索引与案件内容不一致（{len(wrong)}{'+' if len(wrong) >= 100 else ''} 件："
                   f"{shown}{more}），查找可能漏掉或多出结果。可运行 caseapp check --repair 重建")
    if low:
        out.append(f"搜索索引的登记日期分段有 {low} 段早于其中案件的登记日期，查找可能漏掉较新的"
                   "结果。可运行 caseapp check --repair 重建")
    return out


def repair(db) -> list[str]:
    """`caseapp check --repair`: rebuild what can be rebuilt from the cases (the search
    index); a sentence per thing done. The figure tables are rebuilt beside it by the
    command (caseapp.figures.days.rebuild, a layer above this one)."""
    with db.engine.begin() as conn:
        if not search_index.present(conn):
            return []
        count = search_index.rebuild(conn)
        search_blocks.create(conn)
    return [f"搜索索引已重建（{count} 件案件）"]


def _sqlite_checks(db) -> list[str]:
    out = []
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check(20)")]
        if rows != ["ok"]:
            out.append("数据库文件已损坏（integrity_check）：" + "；".join(rows[:5])
                       + ("……" if len(rows) > 5 else "") + "。请从备份恢复（caseapp restore）")
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if fk:
            tables = sorted({r[0] for r in fk})
            out.append(f"有 {len(fk)} 行引用了不存在的记录（外键检查，表：{'、'.join(tables)}）")
    return out


def _named(session, where, what: str) -> str | None:
    count = session.scalar(select(func.count(Case.id)).where(where))
    if not count:
        return None
    numbers = session.scalars(select(Case.number).where(where).order_by(Case.id).limit(SHOW)).all()
    more = "等" if count > len(numbers) else ""
    return f"{count} 件案件{what}：{'、'.join(numbers)}{more}"


def _domain_checks(session, db) -> list[str]:
    S = wf.Status
    closed = and_(Case.status == S.CLOSED.value,
                  or_(Case.closed_on.is_(None), Case.outcome.is_(None),
                      Case.accepted_on.is_(None)))
    rejected = and_(Case.status == S.REJECTED.value,
                    or_(Case.closed_on.is_(None), Case.outcome != wf.REJECTED,
                        Case.kind != wf.Kind.PETITION.value))
    in_progress = and_(Case.status == S.IN_PROGRESS.value,
                       or_(Case.accepted_on.is_(None), Case.closed_on.is_not(None),
                           Case.outcome.is_not(None)))
    registered = and_(Case.status == S.REGISTERED.value,
                      or_(Case.accepted_on.is_not(None), Case.closed_on.is_not(None),
                          Case.outcome.is_not(None)))
    unknown = Case.status.not_in([s.value for s in S])
    petition_outcomes = (*wf.PETITION_OUTCOMES, wf.REJECTED, wf.TRANSFERRED)
    bad_outcome = and_(Case.outcome.is_not(None), or_(
        and_(Case.kind == wf.Kind.PETITION.value, Case.outcome.not_in(petition_outcomes)),
        and_(Case.kind == wf.Kind.DISPUTE.value, Case.outcome.not_in(wf.DISPUTE_OUTCOMES)),
        Case.kind.not_in([k.value for k in wf.Kind])))
    order = or_(Case.accepted_on < Case.received_on,
                and_(Case.closed_on.is_not(None), Case.accepted_on.is_not(None),
                     Case.closed_on < Case.accepted_on),
                Case.closed_on < Case.received_on)
    origin = aliased(Case)
    bad_origin = and_(Case.origin_case_id.is_not(None), not_(
        select(origin.id).where(origin.id == Case.origin_case_id,
                                origin.kind == wf.Kind.PETITION.value,
                                origin.status == S.CLOSED.value,
                                origin.outcome == wf.DIVERTED).exists()))
    found = [
        _named(session, unknown, "的状态无法识别"),
        _named(session, closed, "状态为已办结，但缺少受理日期、办结日期或办理结果"),
        _named(session, rejected, "状态为不予受理，但缺少办结日期或结果不是「不予受理」"),
        _named(session, in_progress, "状态为办理中，但没有受理日期，或已有办结日期/结果"),
        _named(session, registered, "状态为待受理，但已有受理日期、办结日期或结果"),
        _named(session, bad_outcome, "的办理结果与案件类型不符"),
        _named(session, order, "的日期先后不对（受理早于登记或办结早于受理）"),
        _named(session, bad_origin, "标明由信访件转入，但所指的信访件不存在或不是以「转人民调解」办结"),
    ]
    dupes = session.execute(select(Case.number, func.count()).group_by(Case.number)
                            .having(func.count() > 1).limit(SHOW)).all()
    if dupes:
        found.append("编号重复：" + "、".join(f"{n}（{c} 件）" for n, c in dupes))
    found.append(_due_check(session, db))
    return [p for p in found if p]


def _due_check(session, db) -> str | None:
    """due_on against deadlines.due_on under the current limits and calendar
    (deadlines.due_consistent). Streamed, because the rule is Python (one pass, constant
    memory; about a second per 500,000 cases)."""
    limits = db.settings().limits
    cal = db.calendar()
    stmt = (select(Case.number, Case.kind, Case.received_on, Case.accepted_on, Case.extended,
                   Case.due_on, Case.review_stage).where(Case.kind.in_([k.value for k in wf.Kind]))
            .order_by(Case.id).execution_options(yield_per=5000))
    count = 0
    numbers: list[str] = []
    for number, kind, received, accepted, extended, due, stage in session.execute(stmt):
        if not deadlines.due_consistent(due, kind, received, accepted, bool(extended), limits, cal,
                                 bool(stage)):
            count += 1
            if len(numbers) < SHOW:
                numbers.append(number)
    if not count:
        return None
    more = "等" if count > len(numbers) else ""
    return (f"{count} 件案件的期限与按现行期限设置计算的结果不一致：{'、'.join(numbers)}{more}"
            "（如果期限设置修改过，可能是修改前登记的案件）")


def _attachment_checks(db) -> list[str]:
    folder = db.files_dir
    with db.read() as session:
        rows = session.execute(select(Attachment.stored_name, Attachment.filename)).all()
    missing = [name for stored, name in rows if not (folder / stored).is_file()]
    if not missing:
        return []
    more = "等" if len(missing) > SHOW else ""
    return [f"{len(missing)} 个附件文件在附件文件夹中找不到：{'、'.join(missing[:SHOW])}{more}"]
