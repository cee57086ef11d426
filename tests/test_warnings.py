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
