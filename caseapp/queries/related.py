"""Early warning (docs/domain.md §9): open cases related to a case (the same respondent, the
same petitioner, or the same 村/社区 and category within 30 days), and the workbench's hints
of a possible 群体性事件 (three or more related open cases, or one of 涉及人数 ≥ 5). All in SQL
over the open cases alone (the partial index ix_cases_open, migration 0010), so the cost grows
with the open cases, not the file; hints with their reasons, never blocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import String, and_, bindparam, case, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from caseapp import workflow as wf
from caseapp.queries.case_list import OPEN_STATUSES
from caseapp.storage.db import Database, Scope, office_terms
from caseapp.storage.models import Case, CaseParty, Person
from caseapp.storage.portable import day_number, greatest
from caseapp.storage.settings import OfficeSettings

RESPONDENT_ROLES = ("被申请人", "被反映人")
PETITIONER_ROLES = ("信访人", "申请人")
# The shipped thresholds; each office sets its own in settings (OfficeSettings.warning_*).
WINDOW_DAYS = OfficeSettings.warning_window_days  # the same 村/社区 and category within these days
MIN_CLUSTER = OfficeSettings.warning_min_cluster  # related open cases (itself included) that warn
MIN_PEOPLE = OfficeSettings.warning_min_people  # one open case of this many people warns
WARNING_CAP = 50

RULE_LABELS = {"respondent": "同一被申请人/被反映人", "petitioner": "同一信访人/申请人",
               "community": "同一村/社区同类纠纷", "people": "涉及人数较多"}


def _open(offices: Scope = None):
    """Open and not deleted, the statuses written into the SQL as constants: SQLite uses the
    partial index ix_cases_open (models.OPEN_CASES) only for a WHERE that repeats its own.
    The offices in scope are named too: the sessions' criteria do not reach every subquery
    and window these hints are built of (issue #18)."""
    statuses: BindParameter[list[str]] = bindparam(
        "open_statuses", list(OPEN_STATUSES), expanding=True, literal_execute=True, unique=True)
    return and_(Case.deleted_at.is_(None), Case.status.in_(statuses),
                *office_terms(Case.office_id, offices))


@dataclass(frozen=True)
class RelatedCase:
    id: int
    number: str
    kind: str
    status: str
    summary: str
    received_on: date
    reasons: tuple[str, ...]

    @property
    def status_text(self) -> str:
        return wf.status_label(self.kind, self.status)


def _shared_person(session: Session, case_id: int, roles: tuple[str, ...],
                   label: str) -> dict[int, list[str]]:
    """Other open cases naming one of this case's persons of ``roles`` in one of ``roles``."""
    mine = select(CaseParty.person_id).where(CaseParty.case_id == case_id,
                                             CaseParty.role.in_(roles))
    # DISTINCT keeps the parties a subquery read by person (their index), then each case by
    # its key; without it SQLite would probe the parties of every open case.
    parties = (select(CaseParty.case_id, Person.name)
               .join(Person, Person.id == CaseParty.person_id)
               .where(CaseParty.role.in_(roles), CaseParty.person_id.in_(mine),
                      CaseParty.case_id != case_id)
               .distinct().subquery())
    stmt = (select(Case.id, parties.c.name).select_from(parties)
            .join(Case, Case.id == parties.c.case_id).where(_open()))
    out: dict[int, list[str]] = {}
    for cid, name in session.execute(stmt):
        out.setdefault(cid, []).append(f"{label}：{name}")
    return out


def related_cases(db: Database, case_id: int, window_days: int | None = None) -> list[RelatedCase]:
    """The open cases related to ``case_id`` with the reasons, most recently received first.
    A closed, rejected or deleted case is never related. ``window_days`` None: the office's."""
    if window_days is None:
        window_days = db.settings().warning_window_days
    with db.read() as session:
        me = session.execute(select(Case.kind, Case.category, Case.community, Case.received_on)
                             .where(Case.id == case_id)).first()
        if me is None:
            return []
        reasons: dict[int, list[str]] = {}
        for found in (_shared_person(session, case_id, RESPONDENT_ROLES, "同一被申请人/被反映人"),
                      _shared_person(session, case_id, PETITIONER_ROLES, "同一信访人/申请人")):
            for cid, texts in found.items():
                reasons.setdefault(cid, []).extend(texts)
        if me.community:
            lo = me.received_on - timedelta(days=window_days)
            hi = me.received_on + timedelta(days=window_days)
            stmt = select(Case.id, Case.received_on).where(
                Case.kind == me.kind, Case.category == me.category,
                Case.community == me.community, Case.received_on.between(lo, hi),
                Case.id != case_id, _open())
            for cid, received in session.execute(stmt):
                days = abs((received - me.received_on).days)
                reasons.setdefault(cid, []).append(
                    f"同一村/社区同类（{me.community}·{me.category}，相隔{days}天）")
        if not reasons:
            return []
        rows = session.execute(select(Case.id, Case.number, Case.kind, Case.status, Case.summary,
                                      Case.received_on).where(Case.id.in_(list(reasons))))
        out = [RelatedCase(cid, number, kind, status, summary, received, tuple(reasons[cid]))
               for cid, number, kind, status, summary, received in rows]
    out.sort(key=lambda r: (r.received_on, r.id), reverse=True)
    return out


@dataclass(frozen=True)
class GroupWarning:
    """A hint of a possible 群体性事件: the rule that fired, what it found, the open cases."""

    rule: str  # a key of RULE_LABELS
    subject: str  # the person, 村/社区·category, or the case's number
    case_ids: tuple[int, ...]
    numbers: tuple[str, ...]

    @property
    def rule_label(self) -> str:
        return RULE_LABELS[self.rule]

    @property
    def text(self) -> str:
        return f"{self.subject}：{self.rule_label}，未结{len(self.case_ids)}件"


def _open_ids(offices: Scope = None):
    """The ids of the open cases, read from the partial index ix_cases_open alone. As an IN
    subquery SQLite sorts them first, so the parties are then probed in case order (the open
    cases are mostly recent: their parties lie together at the end of the index)."""
    return select(Case.id).where(_open(offices))


def _by_person(session: Session, min_cluster: int, offices: Scope) -> list[GroupWarning]:
    """Persons named as respondent, or as petitioner, on ``min_cluster`` or more open cases:
    one GROUP BY over the open cases' parties, the case ids with it."""
    rule = case((CaseParty.role.in_(RESPONDENT_ROLES), "respondent"), else_="petitioner")
    # Roles belong to a kind (workflow.roles_for), so a person holds at most one role of each
    # rule on a case: (person, rule, case) are counted without a DISTINCT pass (a sort of
    # every row). aggregate_strings is group_concat on SQLite, string_agg on PostgreSQL.
    n = func.count()
    counted = (select(CaseParty.person_id, rule.label("rule"),
                      func.aggregate_strings(cast(CaseParty.case_id, String), ","))
               .where(CaseParty.role.in_(RESPONDENT_ROLES + PETITIONER_ROLES),
                      CaseParty.case_id.in_(_open_ids(offices)))
               .group_by(CaseParty.person_id, rule)
               .having(n >= min_cluster)
               .order_by(n.desc(), CaseParty.person_id)
               .limit(2 * WARNING_CAP))
    found = []
    for pid, kind, ids in session.execute(counted):
        unique = sorted({int(x) for x in str(ids).split(",")})
        if len(unique) >= min_cluster:  # holds unless a case broke the roles' rule
            found.append((pid, kind, unique))
    if not found:
        return []
    names = dict(session.execute(select(Person.id, Person.name)
                                 .where(Person.id.in_({pid for pid, _k, _i in found}))).all())
    every = {cid for _pid, _kind, ids in found for cid in ids}
    cases = {cid: (received, number) for cid, number, received in session.execute(
        select(Case.id, Case.number, Case.received_on).where(Case.id.in_(every)))}
    out = []
    for pid, kind, ids in found:
        ids = sorted(ids, key=lambda c: (cases[c][0], c))
        out.append(GroupWarning(kind, names.get(pid, ""), tuple(ids),
                                tuple(cases[c][1] for c in ids)))
    return out


def _by_community(session: Session, window_days: int, min_cluster: int,
                  offices: Scope) -> list[GroupWarning]:
    """An open case with ``min_cluster`` - 1 or more open cases of its kind, category and
    村/社区 received within ``window_days`` of it (the rule of ``related_cases``); per 村/社区
    and category the case with the most (the earliest of equals), and those cases. One window
    count over the open cases (the partial index alone), one row per group; then the chosen
    groups' cases, each group read by its key."""
    day = day_number(Case.received_on)
    around = func.count().over(partition_by=(Case.kind, Case.category, Case.community),
                               order_by=day, range_=(-window_days, window_days))
    counted = (select(Case.kind, Case.community, Case.category, around.label("n"))
               .where(_open(offices), Case.community.is_not(None), Case.community != "")
               .subquery("counted"))
    key = (counted.c.kind, counted.c.community, counted.c.category)
    most = func.max(counted.c.n)
    groups = sorted(((-int(n), (kind, community, category))
                     for kind, community, category, n in session.execute(
                         select(*key, most).group_by(*key).having(most >= min_cluster))))
    # Each chosen group's open cases with their counts again (a few dozen, by the index's
    # key; one statement, built once): the earliest with the most is the anchor, its window
    # the cases shown.
    members = select(Case.received_on, Case.id, Case.number, func.count().over(
        order_by=day, range_=(-window_days, window_days))).where(
        _open(offices), Case.kind == bindparam("kind"), Case.category == bindparam("category"),
        Case.community == bindparam("community"))
    out = []
    for _n, (kind, community, category) in groups[:WARNING_CAP]:
        rows = session.execute(members, {"kind": kind, "category": category,
                                         "community": community}).all()
        anchor = min((-n, received) for received, _c, _num, n in rows)[1]
        near = sorted((received, cid, number) for received, cid, number, _n in rows
                      if abs((received - anchor).days) <= window_days)
        out.append(GroupWarning("community", f"{community}·{category}",
                                tuple(c for _d, c, _n in near), tuple(n for _d, _c, n in near)))
    return out


def _by_people(session: Session, min_people: int, offices: Scope) -> list[GroupWarning]:
    """Each open case of ``min_people`` or more (涉及人数 or 集体访人数): the partial index alone."""
    people = greatest(func.coalesce(Case.group_size, 0), func.coalesce(Case.people_count, 0))
    stmt = (select(Case.id, Case.number, people.label("n"))
            .where(_open(offices), people >= min_people)
            .order_by(people.desc(), Case.received_on).limit(WARNING_CAP))
    return [GroupWarning("people", f"{number}（{n}人）", (cid,), (number,))
            for cid, number, n in session.execute(stmt)]


def group_warnings(db: Database, window_days: int | None = None, min_cluster: int | None = None,
                   min_people: int | None = None) -> list[GroupWarning]:
    """The workbench's hints, the largest first, at most WARNING_CAP. A threshold left None is
    the office's (设置 → 办理期限: 群体性事件预警)."""
    s = db.settings()
    window_days = s.warning_window_days if window_days is None else window_days
    min_cluster = s.warning_min_cluster if min_cluster is None else min_cluster
    min_people = s.warning_min_people if min_people is None else min_people
    with db.read() as session:
        offices = db.session_scope(session)
        found = (_by_person(session, min_cluster, offices)
                 + _by_community(session, window_days, min_cluster, offices)
                 + _by_people(session, min_people, offices))
    order = list(RULE_LABELS)
    found.sort(key=lambda w: (-len(w.case_ids), order.index(w.rule), w.subject))
    return found[:WARNING_CAP]
