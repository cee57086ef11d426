from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caseapp import deadlines
from caseapp import workflow as wf


def test_deadline_counts_from_the_day_after():
    # docs/domain.md §4: accepted 2026-03-01, 60 days → due 2026-04-30.
    assert deadlines.due_on("petition", date(2026, 2, 20), date(2026, 3, 1), False) == date(2026, 4, 30)
    assert deadlines.due_on("petition", date(2026, 2, 20), date(2026, 3, 1), True) == date(2026, 5, 30)
    assert deadlines.due_on("dispute", date(2026, 2, 20), date(2026, 3, 1), False) == date(2026, 3, 31)
    assert deadlines.due_on("dispute", date(2026, 2, 20), date(2026, 3, 1), True) == date(2026, 4, 30)


def test_registered_petition_has_the_acceptance_deadline():
    assert deadlines.due_on("petition", date(2026, 3, 1), None, False) == date(2026, 3, 16)
    assert deadlines.due_on("dispute", date(2026, 3, 1), None, False) is None


def test_limits_are_settings():
    limits = deadlines.Limits(petition_handle=90)
    assert deadlines.due_on("petition", None, date(2026, 1, 1), False, limits) == date(2026, 4, 1)


@pytest.mark.parametrize(
    ("due", "closed", "day", "overdue"),
    [
        (date(2026, 4, 30), None, date(2026, 4, 30), False),  # due today is not overdue yet
        (date(2026, 4, 30), None, date(2026, 5, 1), True),
        (date(2026, 4, 30), date(2026, 5, 3), date(2026, 5, 1), True),  # closed later
        (date(2026, 4, 30), date(2026, 4, 29), date(2026, 5, 1), False),
        (None, None, date(2026, 5, 1), False),
    ],
)
def test_is_overdue(due, closed, day, overdue):
    assert deadlines.is_overdue(due, closed, day) is overdue


def test_deadline_state_and_text():
    today = date(2026, 3, 10)
    assert deadlines.deadline_state(date(2026, 3, 9), False, today) == "overdue"
    assert deadlines.deadline_text(date(2026, 3, 9), False, today) == "超期1天"
    assert deadlines.deadline_state(date(2026, 3, 17), False, today) == "due_soon"
    assert deadlines.deadline_text(date(2026, 3, 17), False, today) == "剩7天"
    assert deadlines.deadline_state(date(2026, 3, 18), False, today) == "ok"
    assert deadlines.deadline_text(date(2026, 3, 10), False, today) == "今天到期"
    assert deadlines.deadline_state(date(2026, 3, 1), True, today) == "closed"


def test_allowed_acts_follow_the_life_cycle():
    assert wf.Act.REJECT in wf.allowed_acts("petition", "registered")
    assert wf.Act.REJECT not in wf.allowed_acts("dispute", "registered")
    assert wf.Act.CLOSE not in wf.allowed_acts("petition", "registered")
    assert wf.Act.CLOSE in wf.allowed_acts("petition", "in_progress")
    assert wf.Act.RECORD_SESSION in wf.allowed_acts("dispute", "in_progress")
    assert wf.Act.RECORD_SESSION not in wf.allowed_acts("petition", "in_progress")
    assert wf.Act.REOPEN in wf.allowed_acts("dispute", "closed", wf.MEDIATED)
    assert wf.Act.FOLLOW_UP in wf.allowed_acts("dispute", "closed", wf.MEDIATED)
    assert wf.Act.FOLLOW_UP not in wf.allowed_acts("dispute", "closed", wf.MEDIATION_FAILED)
    assert wf.Act.REOPEN not in wf.allowed_acts("petition", "rejected", wf.REJECTED)
    assert wf.Act.ACCEPT not in wf.allowed_acts("petition", "closed", wf.SUPPORTED)


def test_roles():
    assert wf.role_may(wf.ADMIN, wf.Act.REOPEN)
    assert not wf.role_may(wf.CLERK, wf.Act.REOPEN)
    assert not wf.role_may(wf.CLERK, wf.Act.DELETE)
    assert wf.role_may(wf.MEDIATOR, wf.Act.RECORD_SESSION)
    assert not wf.role_may(wf.MEDIATOR, wf.Act.CLOSE)
    assert not any(wf.role_may(wf.VIEWER, act) for act in wf.Act)


def test_outcomes_fit_the_kind():
    assert wf.check_outcome("petition", wf.SUPPORTED) is None
    assert wf.check_outcome("petition", wf.REJECTED) is None
    assert "不是信访件的办理结果" in wf.check_outcome("petition", wf.MEDIATED)
    assert "不是矛盾纠纷的办理结果" in wf.check_outcome("dispute", wf.SUPPORTED)


def test_status_from_dates():
    assert wf.status_from_dates(None, None, None) is wf.Status.REGISTERED
    assert wf.status_from_dates(date(2026, 1, 1), None, None) is wf.Status.IN_PROGRESS
    assert wf.status_from_dates(date(2026, 1, 1), date(2026, 2, 1), "支持") is wf.Status.CLOSED
    assert wf.status_from_dates(None, date(2026, 2, 1), "不予受理") is wf.Status.REJECTED


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.booleans())
def test_due_is_always_after_acceptance(accepted, extended):
    for kind in ("petition", "dispute"):
        due = deadlines.due_on(kind, accepted, accepted, extended)
        assert (due - accepted).days == {("petition", False): 60, ("petition", True): 90,
                                         ("dispute", False): 30, ("dispute", True): 60}[(kind, extended)]


def test_the_deadline_column_of_a_rejected_petition_is_a_dash():
    from caseapp import deadlines

    day = date(2026, 3, 20)
    assert deadlines.deadline_text(date(2026, 3, 17), True, day, rejected=True) == "—"
    assert deadlines.deadline_text(date(2026, 3, 17), True, day) == "已办结"
    assert deadlines.deadline_text(date(2026, 3, 17), False, day) == "超期3天"
