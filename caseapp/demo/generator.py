"""Realistic sample data of any size (``caseapp demo``, the GUI's 示例数据, screenshots, benchmarks).

What it makes, so that lists, figures and printouts look like a real office's:

* Chinese names (common surnames, given names of one or two characters), resident ID numbers
  with a valid GB 11643 checksum for about 60% of people (gender digit matching the person),
  mobile phones, addresses in the office's streets and communities; companies with a legal
  representative as respondents;
* petitions and disputes over the last three years up to ``today``, more around 春节 and the
  year end and fewer in summer, fewer at weekends; categories, channels and sources weighted as
  in a grassroots office; summaries built from per-category templates;
* life cycles that follow caseapp.workflow: acceptance within days, closure mostly within the
  limit, some extended (with a reason), some late, some overdue and still open, recent cases
  still registered or in progress; petitions rejected (不予受理), diverted into people's
  mediation (each with its linked dispute, source 信访转入, received on the day the petition
  closed), group and repeat petitions; disputes with 1–3 mediation sessions, agreements for every
  调解成功, follow-up visits, performance and judicial confirmation; a timeline event for every act.
* a work log over the same span (demo/worklog.py): weekly 日常排查 per street, 集中排查 and
  安保维稳 around the holidays, some 零上报 months; added once per database.
* a few planted early warnings (demo/clusters.py): 3–6 open wage disputes against one company
  from one 村/社区 within weeks (some with the workers' 集体访), a petitioner who keeps coming
  back (a 重点人员); in place of ordinary cases, so the count stays.

Speed: rows are built as plain dicts from precomputed pools and written with SQLAlchemy Core
executemany, ``CHUNK`` cases per transaction with explicit primary keys read at the start of
each transaction, so memory stays flat at any size. Each chunk is its own transaction: when the
caller cancels, the chunks already written stay (demo data, not an act of a clerk), and the
disputes of petitions already diverted are added before the job stops, so what stays is whole.

Determinism: ``random.Random(seed)`` drives everything, and every timestamp is derived from
the generated dates, so the same seed and ``today`` on an empty database give the same rows.
On a database that already holds cases the seed is mixed with the highest case id, so running
the demo twice adds different people and cases instead of the same ones again. Numbers come
from the NumberSequence rows (as services.allocate_number), skipping numbers already taken.

This module drives the run; the rows come from builder.py (pools and plan), petitions.py,
disputes.py, lifecycle.py, people.py and rows.py, are written by writing.py, and draw on
draws.py and the word lists of words.py.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.demo.builder import Builder, plan
from caseapp.demo.words import DEPARTMENTS
from caseapp.demo.worklog import links, worklog_rows
from caseapp.demo.writing import flush, max_ids
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.progress import Job, Progress, run
from caseapp.storage.db import Database
from caseapp.storage.models import (
    Case,
    Category,
    Department,
    Event,
    Person,
    User,
    WorkLogCase,
    WorkLogEntry,
)

CHUNK = 10_000  # cases per transaction (and per progress step)
YEARS = 3  # the demo spreads cases over this many years up to today


@dataclass(frozen=True)
class DemoResult:
    cases: int
    petitions: int
    disputes: int
    persons: int
    events: int


def _prepare(session: Session, actor: int) -> tuple[dict[str, list[str]], dict[str, int],
                                                      dict[str, int], int, bool]:
    user = session.get(User, actor)
    if user is None or not user.active:
        raise PermissionDenied("当前用户不存在或已停用")
    if not wf.role_may(user.role, wf.Act.EDIT):
        raise PermissionDenied(f"{wf.ROLE_LABELS.get(user.role, user.role)}无权添加示例数据")
    categories = {}
    for kind, defaults in (("petition", wf.DEFAULT_PETITION_CATEGORIES),
                           ("dispute", wf.DEFAULT_DISPUTE_CATEGORIES)):
        names = list(session.scalars(select(Category.name).where(
            Category.kind == kind, Category.active.is_(True)).order_by(Category.sort_order, Category.id)))
        categories[kind] = names or list(defaults)
    existing = dict(session.execute(select(Department.name, Department.id)).all())
    for name in DEPARTMENTS:
        if name not in existing:
            dept = Department(name=name, active=True)
            session.add(dept)
            session.flush()
            existing[name] = dept.id
    departments = {name: existing[name] for name in DEPARTMENTS}
    orgs = dict(session.execute(select(Person.name, func.min(Person.id))
                                .where(Person.is_org.is_(True)).group_by(Person.name)).all())
    base_case = session.execute(select(func.coalesce(func.max(Case.id), 0))).scalar_one()
    has_persons = session.scalar(select(Person.id).limit(1)) is not None
    return categories, departments, orgs, base_case, has_persons


def generate(db: Database, actor: int, cases: int = 1000, seed: int = 1, *,
             today: date | None = None, years: int = YEARS) -> Job[DemoResult]:
    """Add ``cases`` cases of realistic sample data; yields Progress once per chunk.

    ``cases`` counts every case made, the disputes of diverted petitions included. ``today``
    (default: the real date) is the last day of the ``years`` (3) years the cases spread over;
    nothing is dated after it. Refused with PermissionDenied when ``actor`` may not register cases."""
    if cases < 0:
        raise ValidationError("示例案件数不能为负数", "cases")
    today = today or date.today()
    settings = db.settings()
    yield Progress(0, cases, "正在准备示例数据…")
    with db.write() as session:
        categories, departments, orgs, base_case, has_persons = _prepare(session, actor)
    if cases == 0:
        return DemoResult(0, 0, 0, 0, 0)
    rng = random.Random(seed if base_case == 0 else f"{seed}/{base_case}")
    end = today.toordinal()
    start = end - 365 * years + 1
    counts = plan(rng, cases, start, end)
    builder = Builder(rng, settings, today, actor, counts, start, categories, cases)
    builder.departments = departments
    builder.org_ids = orgs
    # The planted warnings (demo/clusters.py) draw from their own stream, like the work log.
    builder.plan_clusters(random.Random(f"{seed}/clusters/{base_case}"), cases)
    steps = builder.run()
    done = 0
    try:
        while done < cases:
            n = 0
            with db.write() as session:
                builder.begin_chunk(max_ids(session))
                for _ in steps:
                    n += 1
                    if n >= CHUNK:
                        break
                flush(session, builder, settings, has_persons)
            done += n
            yield Progress(done, cases, f"已生成示例案件 {done:,} / {cases:,} 件")
            if n == 0:
                break
    except GeneratorExit:
        # Cancelled between chunks: what is written stays, so give every petition already
        # diverted its dispute (they are waiting for their day), then stop.
        if builder.pending:
            with db.write() as session:
                builder.begin_chunk(max_ids(session))
                builder.drain()
                flush(session, builder, settings, has_persons)
        raise
    t = builder.totals
    logged = _add_worklog(db, actor, seed, builder, date.fromordinal(start), today)
    return DemoResult(cases=done, petitions=t["petition"], disputes=done - t["petition"],
                      persons=t["persons"], events=t["events"] + logged)


def _add_worklog(db: Database, actor: int, seed: int, builder: Builder, start: date,
                 today: date) -> int:
    """The span's work log, once per database (a second demo run adds none); one event.
    Its own random stream, so the cases of a seed stay what they were. The events written."""
    with db.write() as session:
        if session.scalar(select(WorkLogEntry.id).limit(1)) is not None:
            return 0
        rows = worklog_rows(random.Random(f"{seed}/worklog"), builder.communities,
                            builder.mediator_names, start, today, actor)
        if not rows:
            return 0
        first = (session.scalar(select(func.max(WorkLogEntry.id))) or 0) + 1
        session.execute(insert(WorkLogEntry), [dict(r, id=first + i) for i, r in enumerate(rows)])
        disputes = session.execute(select(Case.id, Case.street, Case.received_on).where(
            Case.kind == wf.Kind.DISPUTE.value, Case.source == "主动排查",
            Case.deleted_at.is_(None))).all()
        linked = links(rows, first, [(cid, street, day) for cid, street, day in disputes])
        if linked:
            session.execute(insert(WorkLogCase), linked)
        session.add(Event(case_id=None, at=datetime.combine(today, time(17, 30)), user_id=actor,
                          action="worklog_imported", changes=json.dumps({"rows": [None, len(rows)]}),
                          note=f"示例数据：{len(rows)} 条排查台账记录"))
    return 1


def run_demo(db: Database, actor: int, cases: int = 1000, seed: int = 1,
             on_progress: Callable[[Progress], bool | None] | None = None,
             today: date | None = None, years: int = YEARS) -> DemoResult:
    """``caseapp demo``: drive :func:`generate` to its end."""
    return run(generate(db, actor, cases, seed, today=today, years=years), on_progress)
