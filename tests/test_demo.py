"""caseapp.demo: realistic sample data that keeps every rule of docs/domain.md."""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from datetime import date

import pytest
from sqlalchemy import func, select

from caseapp import deadlines, services
from caseapp import workflow as wf
from caseapp.demo.generator import DemoResult, generate, run_demo
from caseapp.errors import ValidationError
from caseapp.progress import Cancelled, Progress, run
from caseapp.storage.migrate import open_database
from caseapp.storage.models import (
    Agreement,
    Case,
    CaseDepartment,
    CaseParty,
    Event,
    FollowUp,
    MediationSession,
    NumberSequence,
    Person,
)
from caseapp.storage.settings import format_number
from caseapp.validation import check_id_number, check_phone

TODAY = date(2026, 3, 15)
N = 500


@pytest.fixture
def demo(db, actor):
    result = run_demo(db, actor, N, seed=7, today=TODAY)
    return db, result


def _cases(db) -> list[Case]:
    with db.read() as s:
        return list(s.scalars(select(Case).order_by(Case.id)))


def _parties(db) -> dict[int, dict[str, list[int]]]:
    out: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    with db.read() as s:
        for case_id, person_id, role in s.execute(
                select(CaseParty.case_id, CaseParty.person_id, CaseParty.role)):
            out[case_id][role].append(person_id)
    return out


def test_result_counts_match_rows(demo):
    db, result = demo
    assert isinstance(result, DemoResult)
    with db.read() as s:
        assert result.cases == N == s.scalar(select(func.count(Case.id)))
        assert result.petitions == s.scalar(select(func.count(Case.id)).where(Case.kind == "petition"))
        assert result.disputes == s.scalar(select(func.count(Case.id)).where(Case.kind == "dispute"))
        assert result.persons == s.scalar(select(func.count(Person.id)))
        assert result.events == s.scalar(select(func.count(Event.id)))
    assert result.petitions + result.disputes == N
    assert 0.25 < result.petitions / N < 0.55


def test_statuses_match_dates_and_outcomes(demo):
    db, _ = demo
    for c in _cases(db):
        assert c.status in {s.value for s in wf.Status}
        if c.status == "closed":
            assert c.closed_on and c.accepted_on and c.outcome
            assert c.outcome in wf.outcomes_for(c.kind)
        elif c.status == "rejected":
            assert c.kind == "petition" and c.outcome == wf.REJECTED
            assert c.closed_on and c.accepted_on is None and c.reject_reason
        elif c.status == "in_progress":
            assert c.accepted_on and c.closed_on is None and c.outcome is None
        else:
            assert c.accepted_on is None and c.closed_on is None and c.outcome is None
        assert wf.status_from_dates(c.accepted_on, c.closed_on, c.outcome).value == c.status
        if c.outcome:
            assert wf.check_outcome(c.kind, c.outcome) is None
        assert (c.failed_route is not None) == (c.outcome == wf.MEDIATION_FAILED)
        if c.failed_route:
            assert c.failed_route in wf.FAILED_ROUTES
        assert bool(c.extension_reason) == c.extended
        if c.extended:
            assert c.accepted_on is not None


def test_dates_are_ordered_and_not_after_today(demo):
    db, _ = demo
    start = date(TODAY.year - 3, TODAY.month, TODAY.day)
    for c in _cases(db):
        assert start <= c.received_on <= TODAY
        if c.accepted_on:
            assert c.received_on <= c.accepted_on <= TODAY
        if c.closed_on:
            assert (c.accepted_on or c.received_on) <= c.closed_on <= TODAY
        if c.judicial_applied_on:
            assert c.closed_on <= c.judicial_applied_on <= TODAY
        assert c.created_at.date() == c.received_on
    with db.read() as s:
        for (held,) in s.execute(select(MediationSession.held_on)):
            assert held <= TODAY
        for (at,) in s.execute(select(Event.at)):
            assert at.date() <= TODAY
        for (done,) in s.execute(select(FollowUp.done_on).where(FollowUp.done_on.is_not(None))):
            assert done <= TODAY


def test_due_on_follows_workflow(demo):
    db, _ = demo
    limits = db.settings().limits
    for c in _cases(db):
        assert c.due_on == deadlines.due_on(c.kind, c.received_on, c.accepted_on, c.extended, limits)


def test_delays_look_like_a_real_office(demo):
    db, _ = demo
    cases = _cases(db)
    petitions = [c for c in cases if c.kind == "petition"]
    accepted = [c for c in petitions if c.accepted_on]
    late = [c for c in accepted if (c.accepted_on - c.received_on).days > 15]
    assert len(late) <= 0.1 * len(accepted)
    closed = [c for c in cases if c.status == "closed"]
    on_time = [c for c in closed if c.closed_on <= c.due_on]
    assert 0.85 < len(on_time) / len(closed) < 1
    open_ = [c for c in cases if c.status in ("registered", "in_progress")]
    overdue = [c for c in open_ if c.due_on and c.due_on < TODAY]
    assert overdue, "some open cases are overdue"
    assert any(c.extended for c in cases)
    assert any(c.extended and c.status == "closed" for c in cases)
    assert any(c.status == "rejected" for c in cases)
    assert any(c.status == "registered" for c in cases)
    # Recent cases are still being handled; old ones mostly closed.
    recent = [c for c in cases if (TODAY - c.received_on).days <= 20]
    old = [c for c in cases if (TODAY - c.received_on).days > 365]
    assert sum(c.status in ("registered", "in_progress") for c in recent) > len(recent) / 2
    assert sum(c.status in ("closed", "rejected") for c in old) > 0.95 * len(old)


def test_petition_features(demo):
    db, _ = demo
    petitions = [c for c in _cases(db) if c.kind == "petition"]
    handled = [c for c in petitions if c.accepted_on]
    assert 0.8 < sum(c.entered for c in handled) / len(handled) < 0.97
    assert 0.18 < sum(c.via_proxy for c in petitions) / len(petitions) < 0.42
    assert 0.02 < sum(c.status == "rejected" for c in petitions) / len(petitions) < 0.1
    closed = [c for c in petitions if c.status == "closed"]
    outcomes = Counter(c.outcome for c in closed)
    assert set(outcomes) == set(wf.PETITION_OUTCOMES)
    assert 0.04 < outcomes[wf.DIVERTED] / len(closed) < 0.2
    assert all(c.satisfaction in wf.SATISFACTION for c in closed)
    assert all(c.source in wf.PETITION_CHANNELS for c in petitions)
    assert all(c.petition_type in wf.PETITION_TYPES for c in petitions)
    groups = [c for c in petitions if c.group_size]
    assert groups and all(c.group_size >= 5 and c.people_count == c.group_size for c in groups)
    assert not any(c.entered for c in petitions if c.status == "registered")


def test_repeat_petitions_are_the_same_person_again(demo):
    db, _ = demo
    parties = _parties(db)
    petitions = [c for c in _cases(db) if c.kind == "petition"]
    repeats = [c for c in petitions if c.is_repeat]
    assert repeats
    for c in repeats:
        (person,) = parties[c.id]["信访人"]
        earlier = [p for p in petitions if p.id < c.id and p.category == c.category
                   and person in parties[p.id]["信访人"]]
        assert earlier, c.number


def test_diverted_petitions_have_their_dispute(demo):
    db, _ = demo
    cases = _cases(db)
    parties = _parties(db)
    by_origin = defaultdict(list)
    for c in cases:
        if c.origin_case_id:
            by_origin[c.origin_case_id].append(c)
    diverted = [c for c in cases if c.outcome == wf.DIVERTED]
    assert diverted
    for p in diverted:
        (d,) = by_origin[p.id]
        assert d.kind == "dispute" and d.source == "信访转入"
        assert d.received_on == p.closed_on
        assert d.summary == p.summary and d.street == p.street
        assert parties[d.id]["申请人"] == parties[p.id]["信访人"]
        assert d.number > "" and d.id > p.id
    transferred = [c for c in cases if c.source == "信访转入"]
    assert len(transferred) == len(diverted)
    assert all(c.origin_case_id for c in transferred)
    with db.read() as s:
        notes = dict(s.execute(select(Event.case_id, Event.note).where(Event.action == "diverted")).all())
    numbers = {c.id: c.number for c in cases}
    for p in diverted:
        (d,) = by_origin[p.id]
        assert notes[p.id] == f"转人民调解，纠纷编号 {numbers[d.id]}"


def test_answered_petitions_have_their_reply_and_print_the_opinion(demo, tmp_path):
    """A demo petition closed 支持 / 解释说明 / 不予支持 was answered (条例 Art. 32): its
    答复 is there and its 信访事项处理意见书 prints (it was refused: 尚未答复)."""
    from pypdf import PdfReader

    from caseapp.reports.documents import render
    from caseapp.storage.models import PetitionReply

    db, _ = demo
    answered = [c for c in _cases(db) if c.kind == "petition"
                and c.outcome in wf.REPLY_DECISIONS.values()]
    assert answered
    with db.read() as s:
        replies = {r.case_id: r for r in s.scalars(select(PetitionReply))}
    assert set(replies) == {c.id for c in answered}
    for c in answered:
        r = replies[c.id]
        assert wf.REPLY_DECISIONS[r.decision] == c.outcome and r.delivered_on == c.closed_on
    c = answered[0]
    pdf = render(db, c.id, "opinion", tmp_path / "o.pdf", mask=True, today=TODAY)
    text = "".join("".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert c.number in text and "第三十二条及有关法律、政策规定" in text
    assert "".join(replies[c.id].facts.split()) in text


def test_disputes_sessions_agreements_follow_ups(demo):
    db, _ = demo
    cases = {c.id: c for c in _cases(db)}
    disputes = [c for c in cases.values() if c.kind == "dispute"]
    parties = _parties(db)
    with db.read() as s:
        agreements = {a.case_id: a for a in s.scalars(select(Agreement))}
        sessions = defaultdict(list)
        for m in s.scalars(select(MediationSession)):
            sessions[m.case_id].append(m)
        follow_ups = defaultdict(list)
        for f in s.scalars(select(FollowUp)):
            follow_ups[f.case_id].append(f)
        orgs = list(s.scalars(select(Person).where(Person.is_org.is_(True))))
    limits = db.settings().limits
    for d in disputes:
        assert d.source in wf.DISPUTE_SOURCES and d.mediators
        assert len(parties[d.id]["申请人"]) == 1 and len(parties[d.id]["被申请人"]) == 1
        for m in sessions[d.id]:
            assert d.accepted_on <= m.held_on <= (d.closed_on or TODAY)
            assert m.place and m.record
        if d.status == "closed":
            assert 1 <= len(sessions[d.id]) <= 3
        if d.outcome == wf.MEDIATED:
            a = agreements[d.id]
            assert a.form in wf.AGREEMENT_FORMS
            assert d.accepted_on <= a.signed_on <= d.closed_on
            terms = json.loads(a.terms)
            assert 1 <= len(terms) <= 4 and all(isinstance(t, str) and t for t in terms)
            assert a.performance_due >= a.signed_on and a.performance_method
            (f,) = follow_ups[d.id]
            assert f.due_on == deadlines.follow_up_due(d.closed_on, limits)
            assert (f.done_on is None) == (f.result is None)
            if f.done_on:
                assert d.closed_on <= f.done_on <= TODAY
        else:
            assert d.id not in agreements and not follow_ups[d.id] and not d.performed
    closed = [d for d in disputes if d.status == "closed"]
    outcomes = Counter(d.outcome for d in closed)
    concluded = outcomes[wf.MEDIATED] + outcomes[wf.MEDIATION_FAILED]
    assert 0.75 < outcomes[wf.MEDIATED] / concluded < 0.93
    assert outcomes[wf.MEDIATION_ENDED] > 0
    succeeded = [d for d in closed if d.outcome == wf.MEDIATED]
    assert 0.8 < sum(d.performed for d in succeeded) / len(succeeded) < 0.98
    done = [f for d in succeeded for f in follow_ups[d.id] if f.done_on]
    assert len(done) > 0.8 * len(succeeded)
    assert orgs and all(o.legal_rep and o.id_number is None for o in orgs)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(CaseDepartment)) > 0


def test_people_look_real(demo):
    db, _ = demo
    with db.read() as s:
        people = list(s.scalars(select(Person).where(Person.is_org.is_(False))))
    with_id = [p for p in people if p.id_number]
    assert 0.45 < len(with_id) / len(people) < 0.7
    for p in with_id:
        info = check_id_number(p.id_number)
        assert info.gender == p.gender and info.birth_date == p.birth_date
        assert 1945 <= p.birth_date.year <= 2002
    assert len({p.id_number for p in with_id}) == len(with_id)
    for p in people:
        assert 2 <= len(p.name) <= 3 and p.gender in ("男", "女")
        if p.phone:
            check_phone(p.phone)
    assert Counter(p.id_number[:6] for p in with_id).most_common(1)[0][0] == "500102"


def test_numbers_are_unique_and_in_the_configured_format(demo):
    db, _ = demo
    settings = db.settings()
    cases = _cases(db)
    assert len({c.number for c in cases}) == len(cases)
    groups = defaultdict(list)
    for c in cases:
        groups[(c.kind, c.received_on.year)].append(c)
    with db.read() as s:
        sequences = {(q.kind, q.year): q.last for q in s.scalars(select(NumberSequence))}
    for (kind, year), rows in groups.items():
        template = settings.number_format(kind)
        expected = [format_number(template, year, i) for i in range(1, len(rows) + 1)]
        # Numbered in order of registration, without gaps.
        assert [c.number for c in sorted(rows, key=lambda c: (c.received_on, c.id))] == expected
        assert sequences[(kind, year)] == len(rows)


def test_every_case_has_its_timeline(demo):
    db, _ = demo
    actor = db.local_user_id()
    with db.read() as s:
        events = list(s.scalars(select(Event).order_by(Event.id)))
    by_case = defaultdict(list)
    for e in events:
        assert e.user_id == actor
        if e.changes:
            json.loads(e.changes)
        by_case[e.case_id].append(e)
    for c in _cases(db):
        timeline = by_case[c.id]
        actions = Counter(e.action for e in timeline)
        assert actions["registered"] == 1
        registered = next(e for e in timeline if e.action == "registered")
        assert registered.at == min(e.at for e in timeline)
        assert registered.at.date() == c.received_on
        assert all(c.received_on <= e.at.date() <= TODAY for e in timeline)
        assert actions["accepted"] == (1 if c.accepted_on else 0)
        assert actions["extended"] == (1 if c.extended else 0)
        assert actions["closed"] + actions["diverted"] + actions["rejected"] == (1 if c.closed_on else 0)
        if c.closed_on:
            last = next(e for e in timeline if e.action in ("closed", "diverted", "rejected"))
            assert last.at.date() == c.closed_on
        if c.accepted_on:
            accepted = next(e for e in timeline if e.action == "accepted")
            assert accepted.at.date() == c.accepted_on
        assert 8 <= registered.at.hour <= 18


def _digest(db) -> str:
    h = hashlib.sha256()
    with db.read() as s:
        for model in (Person, Case, CaseParty, CaseDepartment, Event, MediationSession, Agreement,
                      FollowUp, NumberSequence):
            table = model.__table__
            for row in s.execute(select(table).order_by(*table.primary_key.columns)):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def test_same_seed_gives_same_data(make_db_url, actor):
    digests = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        db = open_database(make_db_url(name))
        try:
            run_demo(db, db.local_user_id(), 300, seed=seed, today=TODAY)
            digests.append(_digest(db))
        finally:
            db.dispose()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_running_twice_adds_without_collisions(db, actor):
    first = run_demo(db, actor, 300, seed=1, today=TODAY)
    second = run_demo(db, actor, 300, seed=1, today=TODAY)
    assert first.cases == second.cases == 300
    cases = _cases(db)
    assert len(cases) == 600 and len({c.number for c in cases}) == 600
    with db.read() as s:
        ids = list(s.scalars(select(Person.id_number).where(Person.id_number.is_not(None))))
        events = s.scalar(select(func.count(Event.id)))
        sequences = {(q.kind, q.year): q.last for q in s.scalars(select(NumberSequence))}
    assert len(ids) == len(set(ids))
    assert events == first.events + second.events
    counts = Counter((c.kind, c.received_on.year) for c in cases)
    assert sequences == dict(counts)
    # The second run is new data, not the first one again.
    assert {c.summary for c in cases[:300]} != {c.summary for c in cases[300:]} or \
        [c.received_on for c in cases[:300]] != [c.received_on for c in cases[300:]]


def test_numbers_already_taken_are_skipped(db, actor):
    template = db.settings().number_format("petition")
    taken = format_number(template, TODAY.year, 2)
    services.register_petition(db, actor, services.CaseInput(
        summary="反映道路破损", category="城乡建设", received_on=date(TODAY.year, 1, 5), number=taken),
        [services.PartyInput(name="张三", role="信访人")])
    run_demo(db, actor, 400, seed=2, today=TODAY)
    cases = _cases(db)
    assert len({c.number for c in cases}) == len(cases) == 401


def test_uses_only_active_categories_and_office_settings(db, actor):
    services.set_category_active(db, actor, "petition", "其他", False)
    settings = db.settings()
    from dataclasses import replace
    services.save_settings(db, actor, replace(settings, handlers=("甲承办", "乙承办"),
                                              petition_number_format="涪高信〔{year}〕{seq}号"))
    run_demo(db, actor, 300, seed=5, today=TODAY)
    cases = _cases(db)
    assert "其他" not in {c.category for c in cases if c.kind == "petition"}
    assert {c.handler for c in cases if not c.origin_case_id} == {"甲承办", "乙承办"}
    assert all(c.number.startswith("涪高信〔") for c in cases if c.kind == "petition")


def test_progress_and_cancel(db, actor, monkeypatch):
    monkeypatch.setattr("caseapp.demo.generator.CHUNK", 100)
    steps: list[Progress] = []
    result = run_demo(db, actor, 350, seed=1, on_progress=steps.append, today=TODAY)
    assert result.cases == 350
    done = [p.done for p in steps]
    assert done == sorted(done) and done[0] == 0 and done[-1] == 350
    assert all(p.total == 350 for p in steps)
    assert len(steps) >= 4
    # Cancelling stops after the chunk in hand; the chunks written so far stay (demo data),
    # completed by the disputes of petitions already diverted.
    with pytest.raises(Cancelled):
        run(generate(db, actor, 1000, seed=9, today=TODAY), lambda p: p.done < 200)
    cases = _cases(db)
    assert 350 + 200 <= len(cases) < 350 + 300
    assert len({c.number for c in cases}) == len(cases)
    diverted = {c.id for c in cases if c.outcome == wf.DIVERTED}
    assert diverted and diverted == {c.origin_case_id for c in cases if c.origin_case_id}


def test_demo_data_works_with_the_services(db, actor):
    # A fixed past "today": deterministic data, and the acts' default date (the real today)
    # is never before a demo date.
    run_demo(db, actor, 300, seed=11, today=TODAY)
    cases = _cases(db)
    dispute = next(c for c in cases if c.status == "in_progress" and c.kind == "dispute"
                   and not c.extended)
    services.extend(db, actor, dispute.id, "需进一步做工作")
    services.close(db, actor, dispute.id, wf.MEDIATION_FAILED, route="诉讼")
    petition = next(c for c in cases if c.status == "registered" and c.kind == "petition")
    services.accept(db, actor, petition.id)
    if petition.petition_type == "申诉求决类":  # closed by 答复 with its 意见书 (条例 Art. 32)
        services.reply(db, actor, petition.id, "作出解释说明", date.today(), request="要求解决",
                       facts="经调查核实", basis="《信访工作条例》第三十二条")
    else:
        services.close(db, actor, petition.id, wf.EXPLAINED)
    mediated = next(c for c in cases if c.outcome == wf.MEDIATED)
    services.reopen(db, actor, mediated.id, "当事人反映协议未履行")
    services.record_agreement(db, actor, mediated.id, "书面协议", mediated.closed_on, ["一次性支付"])
    services.close(db, actor, mediated.id, wf.MEDIATED)


def test_zero_and_negative(db, actor):
    assert run_demo(db, actor, 0) == DemoResult(0, 0, 0, 0, 0)
    with pytest.raises(ValidationError):
        run_demo(db, actor, -1)


def test_word_pools_are_finite_at_any_size():
    """Pools of unique company names are capped by what the word lists can make."""
    import random

    from caseapp.demo.builder import Builder
    from caseapp.storage.settings import OfficeSettings

    builder = Builder(random.Random(1), OfficeSettings(), TODAY, 1, [0], TODAY.toordinal(),
                       {"petition": list(wf.DEFAULT_PETITION_CATEGORIES),
                        "dispute": list(wf.DEFAULT_DISPUTE_CATEGORIES)}, 50_000_000)
    for names in builder.companies.values():
        assert names and len(names) == len(set(names))


def test_volume_follows_the_seasons(db, actor):
    run_demo(db, actor, 3000, seed=3, today=date(2026, 12, 31))
    by_month = Counter(c.received_on.month for c in _cases(db))
    winter = by_month[1] + by_month[2] + by_month[12]
    summer = by_month[6] + by_month[7] + by_month[8]
    assert winter > 1.3 * summer
    weekdays = Counter(c.received_on.weekday() for c in _cases(db) if not c.origin_case_id)
    assert weekdays[0] > 3 * (weekdays[5] + weekdays[6]) / 2
