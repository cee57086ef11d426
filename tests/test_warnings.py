"""Early warning (docs/domain.md §9): each rule of related cases with cases that should and
should not fire (another community, 31 days apart, a closed case, a deleted case), and the
workbench's hints of a possible 群体性事件."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from caseapp import queries, services
from caseapp import workflow as wf

DAY = date(2026, 3, 2)
COMPANY = "华丰建材有限公司"


class Office:
    def __init__(self, db, actor):
        self.db, self.actor = db, actor
        self.persons: dict[str, int] = {}

    def party(self, name: str, role: str, is_org: bool = False) -> services.PartyInput:
        return services.PartyInput(name=name, role=role, is_org=is_org,
                                   person_id=self.persons.get(name))

    def dispute(self, applicant: str, respondent: str | None = None, *, community="白石社区",
                category="劳动争议纠纷", day: date = DAY, people: int | None = None) -> int:
        parties = [self.party(applicant, "申请人")]
        if respondent:
            parties.append(self.party(respondent, "被申请人", is_org=respondent.endswith("公司")))
        ref = services.register_dispute(self.db, self.actor, services.CaseInput(
            summary=f"{applicant}与{respondent or '某人'}的纠纷", category=category, received_on=day,
            street="马鞍街道", community=community, people_count=people), parties)
        self._remember(ref.id)
        return ref.id

    def petition(self, petitioner: str, about: str | None = None, day: date = DAY,
                 group: int | None = None) -> int:
        parties = [self.party(petitioner, "信访人")]
        if about:
            parties.append(self.party(about, "被反映人", is_org=about.endswith("公司")))
        ref = services.register_petition(self.db, self.actor, services.CaseInput(
            summary="反映欠薪", category="劳动社保", received_on=day, group_size=group), parties)
        self._remember(ref.id)
        return ref.id

    def _remember(self, case_id: int) -> None:
        """The same name is the same person in these tests (as intake's 使用此人 makes it)."""
        for p in queries.case_detail(self.db, case_id).parties:
            self.persons.setdefault(p.name, p.person_id)

    def close(self, case_id: int) -> None:
        day = queries.case_detail(self.db, case_id).received_on
        services.accept(self.db, self.actor, case_id, on=day)
        services.close(self.db, self.actor, case_id, wf.MEDIATION_ENDED, on=day, note="当事人撤回")


@pytest.fixture
def office(db, actor):
    return Office(db, actor)


def related(db, case_id) -> dict[int, tuple[str, ...]]:
    return {r.id: r.reasons for r in queries.related_cases(db, case_id)}


def test_same_respondent(db, office):
    a = office.dispute("王某", COMPANY, community="甲社区")
    b = office.petition("李某", COMPANY)  # a petition about the same company
    c = office.dispute("赵某", "另一家公司", community="乙社区")
    closed = office.dispute("钱某", COMPANY, community="丙社区")
    office.close(closed)
    assert related(db, a) == {b: (f"同一被申请人/被反映人：{COMPANY}",)}
    assert c not in related(db, a) and closed not in related(db, a)
    # the applicant of one case is not the respondent of another
    d = office.dispute(COMPANY, "孙某", community="丁社区")
    assert d not in related(db, a)


def test_same_petitioner(db, office):
    a = office.petition("张秀英")
    b = office.dispute("张秀英", community="戊社区", category="邻里纠纷")
    other = office.petition("张秀")
    assert related(db, a) == {b: ("同一信访人/申请人：张秀英",)}
    assert other not in related(db, a)


def test_same_community_and_category_within_30_days(db, office):
    a = office.dispute("甲", community="白石社区", day=DAY)
    near = office.dispute("乙", community="白石社区", day=DAY + timedelta(days=30))
    before = office.dispute("丙", community="白石社区", day=DAY - timedelta(days=12))
    far = office.dispute("丁", community="白石社区", day=DAY + timedelta(days=31))
    elsewhere = office.dispute("戊", community="黎明社区", day=DAY)
    other_kind = office.dispute("己", community="白石社区", category="邻里纠纷", day=DAY)
    closed = office.dispute("庚", community="白石社区", day=DAY + timedelta(days=1))
    office.close(closed)
    found = related(db, a)
    assert set(found) == {near, before}
    assert found[near] == ("同一村/社区同类（白石社区·劳动争议纠纷，相隔30天）",)
    assert found[before] == ("同一村/社区同类（白石社区·劳动争议纠纷，相隔12天）",)
    assert not {far, elsewhere, other_kind, closed} & set(found)
    # a case without a community relates to nobody by this rule
    blank = office.dispute("辛", community=None, day=DAY)
    assert related(db, blank) == {}


def test_several_reasons_and_a_deleted_case(db, office):
    a = office.dispute("王某", COMPANY)
    b = office.dispute("王某", COMPANY, day=DAY + timedelta(days=3))
    assert related(db, a) == {b: (f"同一被申请人/被反映人：{COMPANY}", "同一信访人/申请人：王某",
                                  "同一村/社区同类（白石社区·劳动争议纠纷，相隔3天）")}
    services.delete_case(db, office.actor, b, "重复登记")
    assert related(db, a) == {}


def warnings_by_rule(db) -> dict[str, list[queries.GroupWarning]]:
    out: dict[str, list] = {}
    for w in queries.group_warnings(db):
        out.setdefault(w.rule, []).append(w)
    return out


def test_three_open_cases_against_one_company_are_a_warning(db, office):
    ids = [office.dispute(n, COMPANY, community=c, day=DAY + timedelta(days=i * 40))
           for i, (n, c) in enumerate((("王某", "甲社区"), ("李某", "乙社区")))]
    assert "respondent" not in warnings_by_rule(db)  # two are not yet a group
    closed = office.dispute("钱某", COMPANY, community="丙社区")
    office.close(closed)
    assert "respondent" not in warnings_by_rule(db)  # nor with a closed third
    ids.append(office.petition("赵某", COMPANY))
    [w] = warnings_by_rule(db)["respondent"]
    assert set(w.case_ids) == set(ids) and w.subject == COMPANY
    assert w.text == f"{COMPANY}：同一被申请人/被反映人，未结3件"


def test_a_cluster_in_one_community_within_30_days(db, office):
    first = office.dispute("甲", day=DAY)
    second = office.dispute("乙", day=DAY + timedelta(days=31))  # not related to the first
    assert "community" not in warnings_by_rule(db)
    office.dispute("丙", community="黎明社区", day=DAY + timedelta(days=10))
    assert "community" not in warnings_by_rule(db)
    third = office.dispute("丁", day=DAY + timedelta(days=20))
    [w] = warnings_by_rule(db)["community"]
    # the third is related to both (20 and 11 days apart): three related open cases
    assert w.subject == "白石社区·劳动争议纠纷" and set(w.case_ids) == {first, second, third}


def test_many_people_in_one_open_case(db, office):
    office.dispute("甲", people=4)
    assert "people" not in warnings_by_rule(db)
    big = office.petition("乙", group=12)
    closed = office.dispute("丙", people=8, community="另一社区")
    office.close(closed)
    [w] = warnings_by_rule(db)["people"]
    assert w.case_ids == (big,) and w.subject.endswith("（12人）")


def test_same_petitioner_three_times(db, office):
    for i in range(3):
        office.petition("张秀英", day=DAY + timedelta(days=i * 50))
    [w] = warnings_by_rule(db)["petitioner"]
    assert w.subject == "张秀英" and len(w.case_ids) == 3


def test_the_office_sets_its_own_thresholds(db, actor, office):
    from dataclasses import replace

    from caseapp.errors import ValidationError

    office.dispute("甲", people=4)
    assert "people" not in warnings_by_rule(db)
    services.save_settings(db, actor, replace(db.settings(), warning_min_people=4,
                                              warning_window_days=60))
    assert [w.rule for w in queries.group_warnings(db)] == ["people"]
    # The window follows too: 45 days apart are related at 60 days, not at the shipped 30.
    a = office.dispute("乙", community="青山社区", day=DAY)
    b = office.dispute("丙", community="青山社区", day=DAY + timedelta(days=45))
    assert b in related(db, a)
    for bad in ({"warning_min_people": 1}, {"warning_window_days": 0},
                {"warning_min_cluster": 101}):
        with pytest.raises(ValidationError) as err:
            services.save_settings(db, actor, replace(db.settings(), **bad))
        assert [p.field for p in err.value.problems] == list(bad)
    assert db.settings().warning_min_people == 4  # nothing changed by a refusal


def test_same_petitioner_not_with_a_closed_case_or_another_person(db, office):
    first = office.petition("张秀英", day=DAY)
    office.petition("张秀英", day=DAY + timedelta(days=50))
    closed = office.dispute("张秀英", community="戊社区", category="邻里纠纷")
    office.close(closed)
    office.petition("张秀", day=DAY + timedelta(days=80))  # another person, a similar name
    assert "petitioner" not in warnings_by_rule(db)  # two open cases and a closed one
    services.delete_case(db, office.actor, first, "重复登记")
    office.dispute("张秀英", community="戊社区", category="邻里纠纷", day=DAY + timedelta(days=90))
    assert "petitioner" not in warnings_by_rule(db)  # a deleted case does not count either
    third = office.petition("张秀英", day=DAY + timedelta(days=120))
    [w] = warnings_by_rule(db)["petitioner"]
    assert w.subject == "张秀英" and len(w.case_ids) == 3 and third in w.case_ids


def test_a_cluster_in_one_community_needs_open_cases_of_one_kind_and_category(db, office):
    first = office.dispute("甲", day=DAY)
    office.dispute("乙", day=DAY + timedelta(days=5), category="邻里纠纷")  # another category
    office.petition("丙", day=DAY + timedelta(days=6))  # another kind, no 村/社区
    closed = office.dispute("丁", day=DAY + timedelta(days=7))
    office.close(closed)
    second = office.dispute("戊", day=DAY + timedelta(days=8))
    assert "community" not in warnings_by_rule(db)
    third = office.dispute("己", day=DAY + timedelta(days=9))
    late = office.dispute("庚", day=DAY + timedelta(days=9 + 31))  # 31 days after the third
    [w] = warnings_by_rule(db)["community"]
    assert w.case_ids == (first, second, third)  # in the order received, the late one not
    assert late not in w.case_ids and w.numbers[0] == queries.case_detail(db, first).number


def test_the_largest_warning_comes_first_and_each_cluster_once(db, office):
    small = [office.dispute(n, COMPANY, community=c, day=DAY + timedelta(days=40 * i))
             for i, (n, c) in enumerate((("王", "甲社区"), ("李", "乙社区"), ("赵", "丙社区")))]
    big = [office.dispute(n, day=DAY + timedelta(days=i), community="青山村", category="山林土地纠纷")
           for i, n in enumerate(("子", "丑", "寅", "卯"))]
    found = queries.group_warnings(db)
    assert [(w.rule, set(w.case_ids)) for w in found] == [("community", set(big)),
                                                          ("respondent", set(small))]


@pytest.mark.sqlite_only("the plan of SQLite's query planner")
def test_the_warnings_read_the_open_cases_index_alone(db, office):
    """Every statement of the workbench's warnings reads the cases through the partial index of
    the open cases (migration 0010), never the case rows themselves: what keeps it fast at
    1,000,000 cases (benchmarks/bench_warnings.py). With the planner's statistics, as migration
    0010 gathers them on an upgraded file and PRAGMA optimize on a grown one."""
    from sqlalchemy import event

    for i in range(3):
        office.dispute(f"甲{i}", COMPANY, day=DAY + timedelta(days=i), people=6)
    office.close(office.dispute("乙", COMPANY, community="丙社区"))
    office.petition("丙", day=DAY - timedelta(days=400))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    statements: list[tuple[str, object]] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        found = queries.group_warnings(db)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert {w.rule for w in found} == {"respondent", "community", "people"}
    with db.engine.connect() as conn:
        plans = []
        for statement, parameters in statements:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            plans.append(" | ".join(r[-1] for r in rows))
    reading_cases = [p for p in plans if " cases " in p.replace("case_parties", "")]
    assert reading_cases, plans
    for plan in reading_cases:
        for step in plan.split(" | "):
            if " cases " in step + " ":
                assert ("COVERING INDEX ix_cases_open" in step
                        or "INTEGER PRIMARY KEY" in step), plan


def test_the_demo_plants_what_a_real_office_would_see(db, actor):
    """caseapp.demo plants a wage cluster against one company in one 村/社区 and a petitioner who
    keeps coming back: the workbench's card and a case's 相关案件 show them."""
    from collections import Counter

    from caseapp.demo.generator import run_demo

    today = date(2026, 3, 15)
    result = run_demo(db, actor, 500, seed=7, today=today)
    assert result.cases == 500  # planted in place of ordinary cases
    found = warnings_by_rule(db)
    company = max(found["respondent"], key=lambda w: len(w.case_ids))
    cases = [queries.case_detail(db, cid) for cid in company.case_ids]
    assert company.subject.endswith("有限公司")
    assert all(c.status in queries.OPEN_STATUSES for c in cases)
    # most of them wage disputes from one 村/社区 within weeks (another may name it too)
    (community, category), n = Counter((c.community, c.category) for c in cases
                                       if c.kind == "dispute").most_common(1)[0]
    planted = [c for c in cases if (c.kind, c.community, c.category)
               == ("dispute", community, category)]
    assert n >= 3 and category == "劳动争议纠纷"
    assert (max(c.received_on for c in planted) - min(c.received_on for c in planted)).days <= 30
    cluster = next(w for w in found["community"] if w.subject == f"{community}·{category}")
    assert {c.id for c in planted} <= set(cluster.case_ids)
    reasons = {r.id: r.reasons for r in queries.related_cases(db, planted[0].id)}
    assert set(reasons) >= {c.id for c in cases} - {planted[0].id}
    assert all(f"同一被申请人/被反映人：{company.subject}" in reasons[c.id] for c in planted[1:])
    # the petitioner who comes back: three open petitions, and a 重点人员 at intake
    [back] = found["petitioner"]
    [match] = [m for m in queries.find_persons(db, name=back.subject)
               if len(m.cases) >= 4]
    assert queries.is_key_person(match, today)
    assert all(queries.case_detail(db, cid).kind == "petition" for cid in back.case_ids)


@pytest.mark.sqlite_only("the 0.1.0 release file is a SQLite file")
def test_an_upgraded_file_gets_the_open_cases_index_and_the_same_hints(tmp_path, actor):
    """Migration 0010 adds ix_cases_open to a 0.1.0 file; the hints are the same with it and
    without it (it only changes how they are found)."""
    import shutil
    import sqlite3
    from pathlib import Path

    from caseapp.storage.migrate import open_database

    fixture = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"
    copy = tmp_path / "casedesk.db"
    shutil.copy2(fixture, copy)
    db = open_database(copy, backup_before_upgrade=False)
    conn = sqlite3.connect(copy)
    try:
        sql = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
        admin = conn.execute("SELECT id FROM users WHERE name = 'admin'").fetchone()[0]
    finally:
        conn.close()
    assert "WHERE deleted_at IS NULL AND status IN ('registered', 'in_progress')" \
        in sql["ix_cases_open"]
    try:
        office = Office(db, admin)  # the release's local user is retired (its README)
        for i, name in enumerate(("甲", "乙", "丙")):  # a cluster beside the release's cases
            office.dispute(name, COMPANY, day=DAY + timedelta(days=i), people=7)

        def hints():
            return [(w.rule, w.subject, w.case_ids, w.numbers) for w in queries.group_warnings(db)]

        with_index = hints()
        assert {"respondent", "community", "people"} <= {rule for rule, *_ in with_index}
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP INDEX ix_cases_open")
        assert hints() == with_index
    finally:
        db.dispose()
