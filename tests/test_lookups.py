"""The read helpers behind the settings page: lists with use counts, next sequence number."""

from datetime import date

from caseapp import services as s
from caseapp import workflow as wf
from caseapp.queries import lookups
from caseapp.storage.models import CaseDepartment, Department


def register(db, actor, category="劳动社保", summary="反映某公司拖欠工资"):
    return s.register_petition(
        db, actor,
        s.CaseInput(summary=summary, category=category, received_on=date(2026, 3, 1)),
        [s.PartyInput(name="张秀英", role="信访人")])


def test_categories_in_order_with_use_counts_and_retired_state(db, actor):
    register(db, actor)
    register(db, actor)
    register(db, actor, category="教育")
    s.set_category_active(db, actor, "petition", "民政", False)

    items = lookups.list_categories(db, "petition")
    assert [c.name for c in items] == list(wf.DEFAULT_PETITION_CATEGORIES)
    by_name = {c.name: c for c in items}
    assert by_name["劳动社保"].used_count == 2
    assert by_name["教育"].used_count == 1
    assert by_name["城乡建设"].used_count == 0
    assert by_name["民政"].active is False
    assert all(c.active for c in items if c.name != "民政")

    active_only = [c.name for c in lookups.list_categories(db, "petition", include_retired=False)]
    assert "民政" not in active_only and "教育" in active_only
    # The other kind's list counts only its own cases.
    assert all(c.used_count == 0 for c in lookups.list_categories(db, "dispute"))


def test_deleted_cases_do_not_count(db, actor):
    ref = register(db, actor)
    s.delete_case(db, actor, ref.id, "登记错误")
    by_name = {c.name: c for c in lookups.list_categories(db, "petition")}
    assert by_name["劳动社保"].used_count == 0


def test_departments_with_use_counts(db, actor):
    ref = register(db, actor)
    with db.write() as session:
        police = Department(name="派出所", active=True)
        session.add_all([police, Department(name="司法所", active=False)])
        session.flush()
        session.add(CaseDepartment(case_id=ref.id, department_id=police.id))
    items = lookups.list_departments(db)
    assert [(d.name, d.active, d.used_count) for d in items] == [
        ("派出所", True, 1), ("司法所", False, 0)]
    assert [d.name for d in lookups.list_departments(db, include_retired=False)] == ["派出所"]


def test_next_sequence_follows_automatic_numbers(db, actor):
    assert lookups.next_sequence(db, "petition", 2026) == 1
    register(db, actor)
    register(db, actor)
    assert lookups.next_sequence(db, "petition", 2026) == 3
    assert lookups.next_sequence(db, "dispute", 2026) == 1
    assert lookups.next_sequence(db, "petition", 2025) == 1
