"""The acts of people's mediation: 司法确认 (the application within the 30 days of a written
agreement, 人民调解法 Art. 33, and the court's result), 风险等级 and the 预防成效 flags (at intake
and as an act); every refusal names its field and changes nothing; who may; the list filter;
the workbench queue; the exchange columns round-trip; the figures agree with a plain count;
migration 0007 makes an upgraded file's free-text result structured."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from test_services import dispute_input, events, petition_input, petitioner, refused, snapshot

from caseapp import exchange, queries
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, ValidationError, WorkflowError
from caseapp.figures import stats
from caseapp.reports.summary import monthly_report
from caseapp.services import accounts
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, JudicialConfirmation

PASSWORD = "Passw0rd-2026"
COURT = "马鞍区人民法院"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"


def applicant(**kw):
    base = dict(name="陈明", role="申请人", id_number="500234199612106978", phone="13912345678")
    base.update(kw)
    return s.PartyInput(**base)


def mediated(db, actor, form="书面协议", signed=date(2026, 3, 3), closed=date(2026, 3, 4),
             **kw):
    """A dispute closed 调解成功 with an agreement signed on ``signed``."""
    ref = s.register_dispute(db, actor, dispute_input(**kw), [applicant()])
    s.accept(db, actor, ref.id, on=date(2026, 3, 2))
    s.record_agreement(db, actor, ref.id, form, signed, ["赔偿500元"])
    s.close(db, actor, ref.id, wf.MEDIATED, on=closed)
    return ref.id


# ---------------------------------------------------------------------------
# 司法确认


def test_judicial_confirmation_is_applied_then_decided_each_with_its_event(db, actor):
    cid = mediated(db, actor)
    d = queries.case_detail(db, cid)
    assert d.mediation.judicial_window == date(2026, 4, 2)  # 30 days from the day after 3 March
    assert d.mediation.judicial_state == "未申请"
    assert {"judicial", "judicial_result"} <= set(d.allowed_acts)

    s.apply_judicial(db, actor, cid, date(2026, 3, 10), COURT)
    action, changes, note, _ = events(db, cid)[-1]
    assert action == "judicial_applied"
    assert changes == {"judicial_applied_on": [None, "2026-03-10"], "judicial_court": [None, COURT]}
    assert COURT in note and "2026-04-02" in note
    d = queries.case_detail(db, cid)
    assert (d.mediation.judicial_state, d.mediation.judicial_court) == ("已申请", COURT)

    s.record_judicial_result(db, actor, cid, "确认有效", date(2026, 3, 20))
    action, changes, note, _ = events(db, cid)[-1]
    assert action == "judicial_decided"
    assert changes == {"judicial_result": [None, "确认有效"],
                       "judicial_result_on": [None, "2026-03-20"]}
    d = queries.case_detail(db, cid)
    assert (d.mediation.judicial_state, d.mediation.judicial_result_on) == \
        ("确认有效", date(2026, 3, 20))
    with db.read() as session:
        row = session.get(JudicialConfirmation, cid)
        assert (row.applied_on, row.court, row.result) == (date(2026, 3, 10), COURT, "确认有效")
    fig = stats.figures(db, date(2026, 3, 1), date(2026, 3, 31))
    assert (fig.disputes.confirmation_applied, fig.disputes.confirmed) == (1, 1)


def test_the_window_is_thirty_days_moved_off_a_holiday(db, actor):
    cid = mediated(db, actor)
    refused(db, ValidationError, s.apply_judicial, actor, cid, date(2026, 4, 3), COURT,
            field="judicial_applied_on", match="已超过申请期限.*2026-04-02")
    s.apply_judicial(db, actor, cid, date(2026, 4, 2), COURT)  # the last day itself
    # Signed 2 September: day 30 is 2 October, inside 国庆, so the window ends 8 October.
    late = mediated(db, actor, signed=date(2026, 9, 2), closed=date(2026, 9, 3))
    assert queries.case_detail(db, late).mediation.judicial_window == date(2026, 10, 8)
    s.apply_judicial(db, actor, late, date(2026, 10, 8), COURT)


def test_judicial_refusals_name_the_field_and_change_nothing(db, actor):
    oral = mediated(db, actor, form="口头协议")
    refused(db, ValidationError, s.apply_judicial, actor, oral, date(2026, 3, 10), COURT,
            field="agreement", match="口头协议.*书面调解协议")
    cid = mediated(db, actor)
    refused(db, ValidationError, s.apply_judicial, actor, cid, date(2026, 3, 10), " ",
            field="judicial_court", match="人民法院")
    refused(db, ValidationError, s.apply_judicial, actor, cid, date(2026, 3, 2), COURT,
            field="judicial_applied_on", match="不能早于协议日期")
    refused(db, ValidationError, s.apply_judicial, actor, cid, date(2099, 1, 1), COURT,
            field="judicial_applied_on", match="不能晚于今天")
    refused(db, WorkflowError, s.record_judicial_result, actor, cid, "确认有效", date(2026, 3, 20),
            match="尚未申请司法确认")
    s.apply_judicial(db, actor, cid, date(2026, 3, 10), COURT)
    refused(db, WorkflowError, s.apply_judicial, actor, cid, date(2026, 3, 11), COURT,
            match="已于2026-03-10申请司法确认")
    refused(db, ValidationError, s.record_judicial_result, actor, cid, "有效", date(2026, 3, 20),
            field="judicial_result", match="确认有效、驳回、撤回")
    refused(db, ValidationError, s.record_judicial_result, actor, cid, "驳回", date(2026, 3, 9),
            field="judicial_result_on", match="不能早于申请日期")
    # Withdrawn, the parties may apply again within the window.
    s.record_judicial_result(db, actor, cid, "撤回", date(2026, 3, 12))
    s.apply_judicial(db, actor, cid, date(2026, 3, 13), "另一人民法院")
    assert queries.case_detail(db, cid).mediation.judicial_state == "已申请"
    # Not a dispute closed 调解成功.
    open_ref = s.register_dispute(db, actor, dispute_input(), [applicant()])
    s.accept(db, actor, open_ref.id, on=date(2026, 3, 2))
    refused(db, WorkflowError, s.apply_judicial, actor, open_ref.id, date(2026, 3, 10), COURT,
            match="调解中.*须调解成功办结后")
    pet = s.register_petition(db, actor, petition_input(), [petitioner()])
    refused(db, WorkflowError, s.apply_judicial, actor, pet.id, date(2026, 3, 10), COURT,
            match="不是矛盾纠纷")


# ---------------------------------------------------------------------------
# 风险等级 and 预防成效


def test_risk_and_prevention_at_intake_as_an_act_and_in_the_list_filter(db, actor):
    major = s.register_dispute(db, actor, dispute_input(
        risk_grade="重大", prevention=("防止群体性上访", "防止民转刑案件")), [applicant()]).id
    plain = s.register_dispute(db, actor, dispute_input(), [applicant()]).id
    d = queries.case_detail(db, major)
    assert d.mediation.risk_grade == "重大"
    assert d.mediation.prevention == ("防止民转刑案件", "防止群体性上访")
    assert queries.case_detail(db, plain).mediation.risk_grade == "一般"

    assert s.mark_risk(db, actor, plain, "较大", ["防止民间纠纷引起自杀"], note="家中有矛盾激化")
    action, changes, note, _ = events(db, plain)[-1]
    assert action == "risk_marked" and note == "家中有矛盾激化"
    assert changes == {"risk_grade": ["一般", "较大"], "prevented_suicide": [False, True]}
    assert not s.mark_risk(db, actor, plain, "较大", ["防止民间纠纷引起自杀"])  # nothing changed
    assert len(events(db, plain)) == 2

    def ids(**kw):
        return set(queries.case_ids(db, queries.CaseFilter(**kw)))

    assert ids(risk_grade="重大") == {major}
    assert ids(risk_grade="较大") == {plain}
    assert ids(risk_grade="一般") == set()
    assert ids(prevention="防止群体性上访") == {major}
    assert ids(prevention="防止民间纠纷引起自杀") == {plain}
    assert ids(prevention="防止群体性械斗") == set()


def test_risk_refusals_name_the_field(db, actor):
    cid = s.register_dispute(db, actor, dispute_input(), [applicant()]).id
    refused(db, ValidationError, s.mark_risk, actor, cid, "特大", field="risk_grade",
            match="一般、较大、重大")
    refused(db, ValidationError, s.mark_risk, actor, cid, "一般", ["防止上访"], field="prevention",
            match="「防止上访」不是预防成效的一项")
    pet = s.register_petition(db, actor, petition_input(), [petitioner()])
    refused(db, WorkflowError, s.mark_risk, actor, pet.id, "重大", match="不是矛盾纠纷")
    refused(db, ValidationError, s.register_dispute, actor, dispute_input(risk_grade="高"),
            [applicant()], field="risk_grade")


# ---------------------------------------------------------------------------
# Who may


def test_roles_viewer_refused_mediator_on_own_disputes_only(db):
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    viewer = accounts.add_user(db, admin, "viewer", "赵查看", wf.VIEWER, PASSWORD)
    clerk = accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, PASSWORD)
    med = accounts.add_user(db, admin, "med", "王调解", wf.MEDIATOR, PASSWORD)
    other = mediated(db, admin, handler="张三")
    own = mediated(db, admin, handler="张三", mediators="王调解")
    for act, call in ((wf.Act.JUDICIAL, lambda a, c: s.apply_judicial(
            db, a, c, date(2026, 3, 10), COURT)),
            (wf.Act.RISK, lambda a, c: s.mark_risk(db, a, c, "重大"))):
        before = snapshot(db)
        with pytest.raises(PermissionDenied, match=f"无权执行「{wf.ACT_LABELS[act]}」"):
            call(viewer, own)
        with pytest.raises(PermissionDenied, match="不是王调解承办或参与调解的案件"):
            call(med, other)
        assert snapshot(db) == before
        call(med, own)
    s.record_judicial_result(db, med, own, "驳回", date(2026, 3, 15))
    s.mark_risk(db, clerk, other, "较大")
    assert queries.case_detail(db, own).mediation.judicial_state == "驳回"


# ---------------------------------------------------------------------------
# The workbench's queue


def test_the_workbench_follows_windows_about_to_close_and_awaited_results(db, actor):
    cid = mediated(db, actor)
    mediated(db, actor, form="口头协议")  # an oral agreement cannot be confirmed: never listed
    assert queries.judicial_queue(db, today=date(2026, 3, 20)) == []  # 13 days left
    rows = queries.judicial_queue(db, today=date(2026, 3, 27))
    assert [(r.case_id, r.window, r.applied_on) for r in rows] == [(cid, date(2026, 4, 2), None)]
    assert rows[0].party == "陈明"
    assert queries.judicial_queue(db, today=date(2026, 4, 3)) == []  # the window has passed
    s.apply_judicial(db, actor, cid, date(2026, 3, 27), COURT)
    rows = queries.judicial_queue(db, today=date(2026, 6, 1))
    assert [(r.case_id, r.applied_on, r.court) for r in rows] == [(cid, date(2026, 3, 27), COURT)]
    s.record_judicial_result(db, actor, cid, "确认有效", date(2026, 4, 10))
    assert queries.judicial_queue(db, today=date(2026, 6, 1)) == []


# ---------------------------------------------------------------------------
# Exchange and figures


def _plain_counts(db, f, t):
    """The figures of these acts counted case by case, in Python."""
    with db.read() as session:
        rows = session.scalars(select(Case).where(Case.kind == "dispute",
                                                  Case.deleted_at.is_(None))).all()
        out = dict.fromkeys((*wf.PREVENTION_FLAGS, "major", "confirmation_applied", "confirmed"), 0)
        for c in rows:
            handled = (c.accepted_on is not None and c.accepted_on <= t
                       and (c.closed_on is None or c.closed_on >= f))
            closed = handled and c.closed_on is not None and c.closed_on <= t
            for flag in wf.PREVENTION_FLAGS:
                out[flag] += bool(closed and getattr(c, flag))
            out["major"] += bool(handled and c.risk_grade == "重大")
            applied = closed and c.outcome == wf.MEDIATED and c.judicial_applied_on is not None
            out["confirmation_applied"] += bool(applied)
            out["confirmed"] += bool(applied and c.judicial_result == "确认有效")
    return out


def _figures(db, f, t):
    fig = stats.figures(db, f, t)
    return {name: fig.disputes.count(name) for name in _plain_counts(db, f, t)}


def test_figures_against_a_plain_count_and_the_exchange_round_trip(db, actor, tmp_path, make_db):
    a = mediated(db, actor, risk_grade="重大", prevention=("防止民转刑案件",))
    b = mediated(db, actor, prevention=("防止群体性上访", "防止群体性械斗"))
    c = mediated(db, actor, risk_grade="较大")
    s.apply_judicial(db, actor, a, date(2026, 3, 10), COURT)
    s.record_judicial_result(db, actor, a, "确认有效", date(2026, 3, 20))
    s.apply_judicial(db, actor, b, date(2026, 3, 10), COURT)
    s.mark_risk(db, actor, c, "重大", ["防止民间纠纷引起自杀"])
    open_major = s.register_dispute(db, actor, dispute_input(risk_grade="重大",
                                                             prevention=("防止群体性械斗",)),
                                    [applicant()]).id
    s.accept(db, actor, open_major, on=date(2026, 3, 5))
    f, t = date(2026, 3, 1), date(2026, 3, 31)
    plain = _plain_counts(db, f, t)
    assert plain == {"prevented_crime": 1, "prevented_group_petition": 1,
                     "prevented_group_fight": 1, "prevented_suicide": 1, "major": 3,
                     "confirmation_applied": 2, "confirmed": 1}
    assert _figures(db, f, t) == plain
    for name in wf.PREVENTION_FLAGS:  # the drill-down lists the same cases
        assert len(queries.case_ids(db, queries.CaseFilter(figure=(name, f, t)))) == plain[name]

    # The monthly report prints them where §5 puts them, each line its count, none 暂无数据.
    pdf = monthly_report(db, 2026, 3, tmp_path / "m.pdf", made_by="周志强")
    lines = [line.strip() for page in PdfReader(pdf).pages
             for line in page.extract_text().splitlines() if line.strip()]
    for label, name in (("防止民转刑案件", "prevented_crime"), ("防止群体性上访", "prevented_group_petition"),
                        ("防止民间纠纷引起自杀", "prevented_suicide"), ("重大纠纷数", "major"),
                        ("申请司法确认数", "confirmation_applied"), ("司法确认有效数", "confirmed")):
        assert lines[lines.index(label) + 1] == str(plain[name]), label
    assert not any("暂无数据" in line for line in lines)

    out = tmp_path / "out.csv"
    exchange.run_export(db, out, actor=actor)
    import csv
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cells = {r["编号"]: (r["司法确认"], r["风险等级"], r["预防成效"]) for r in rows}
    numbers = {cid: queries.case_detail(db, cid).number for cid in (a, b, c, open_major)}
    assert cells[numbers[a]] == ("确认有效", "重大", "防止民转刑案件")
    assert cells[numbers[b]] == ("已申请", "一般", "防止群体性上访、防止群体性械斗")
    assert cells[numbers[c]] == ("未申请", "重大", "防止民间纠纷引起自杀")
    assert cells[numbers[open_major]] == ("未申请", "重大", "防止群体性械斗")

    other = make_db("other")
    try:
        exchange.run_import(other, other.local_user_id(), out)
        assert _figures(other, f, t) == plain
        again = tmp_path / "again.csv"
        exchange.run_export(other, again, actor=other.local_user_id())
        with open(again, encoding="utf-8-sig", newline="") as fh:
            back = {r["编号"]: (r["司法确认"], r["风险等级"], r["预防成效"])
                    for r in csv.DictReader(fh)}
        assert back == cells
    finally:
        other.dispose()


def test_import_refuses_bad_mediation_cells_by_row_and_column(db, actor, tmp_path):
    path = tmp_path / "bad.csv"
    head = "类型,登记日期,受理日期,办结日期,办理结果,当事人,类别,事项摘要,司法确认,风险等级,预防成效\n"
    path.write_text(head
                    + "纠纷,2026-03-01,2026-03-02,2026-03-05,调解不成,甲,邻里纠纷,事一,已申请,,\n"
                    + "纠纷,2026-03-01,,,,乙,邻里纠纷,事二,,特大,防止上访\n"
                    + "信访,2026-03-01,,,,丙,教育,事三,,重大,\n", encoding="utf-8")
    before = snapshot(db)
    with pytest.raises(Exception) as err:
        exchange.run_import(db, actor, path)
    text = "；".join(str(p) for p in err.value.problems)
    assert "第2行" in text and "只有调解成功的纠纷才能申请司法确认" in text
    assert "第3行" in text and "风险等级" in text and "「防止上访」" in text
    assert "第4行" in text and "信访件没有此项" in text
    assert snapshot(db) == before


# ---------------------------------------------------------------------------
# Migration 0007 on a real 0.1.0 file


def test_migration_makes_the_old_free_text_result_structured(tmp_path):
    copy = tmp_path / "casedesk.db"
    shutil.copy(FIXTURE, copy)
    import sqlite3
    conn = sqlite3.connect(copy)
    old = conn.execute("SELECT id, judicial_applied_on, judicial_result FROM cases "
                       "WHERE judicial_applied_on IS NOT NULL ORDER BY id").fetchall()
    conn.close()
    assert old and all(r[2] == "人民法院裁定确认调解协议有效" for r in old)  # the fixture's text
    db = open_database(copy)
    try:
        with db.read() as session:
            rows = session.scalars(select(JudicialConfirmation)
                                   .order_by(JudicialConfirmation.case_id)).all()
            assert [(r.case_id, r.applied_on.isoformat(), r.result) for r in rows] == \
                [(i, applied, "确认有效") for i, applied, _ in old]
            assert all(r.note == "升级前记录的结果：人民法院裁定确认调解协议有效" for r in rows)
            results = session.execute(select(Case.judicial_result).where(
                Case.judicial_applied_on.is_not(None))).scalars().all()
            assert set(results) == {"确认有效"}
            grades = session.execute(select(Case.risk_grade).distinct()).scalars().all()
            assert grades == [None]  # no grade was assessed before: each reads 一般
        first = old[0][0]
        d = queries.case_detail(db, first)
        assert (d.mediation.judicial_state, d.mediation.risk_grade) == ("确认有效", "一般")
    finally:
        db.dispose()


def test_the_agreement_form_goes_out_and_comes_back(db, actor, tmp_path, make_db):
    import csv

    written = mediated(db, actor)
    oral = mediated(db, actor, form="口头协议")
    failed = s.register_dispute(db, actor, dispute_input(), [applicant()]).id
    s.accept(db, actor, failed, on=date(2026, 3, 2))
    s.close(db, actor, failed, wf.MEDIATION_FAILED, on=date(2026, 3, 4), route="诉讼")
    out = tmp_path / "out.csv"
    exchange.run_export(db, out, actor=actor)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        cells = {r["编号"]: r["协议形式"] for r in csv.DictReader(fh)}
    number = {cid: queries.case_detail(db, cid).number for cid in (written, oral, failed)}
    assert [cells[number[c]] for c in (written, oral, failed)] == ["书面协议", "口头协议", ""]

    f, t = date(2026, 3, 1), date(2026, 3, 31)
    before = stats.figures(db, f, t).disputes
    other = make_db("other")
    try:
        exchange.run_import(other, other.local_user_id(), out)
        after = stats.figures(other, f, t).disputes
        assert (after.written, after.oral) == (before.written, before.oral) == (1, 1)
        forms = {d.number: d.agreement.form if d.agreement else None
                 for d in (queries.case_detail(other, cid)
                           for cid in queries.case_ids(other, queries.CaseFilter(kind="dispute")))}
        assert forms == {number[written]: "书面协议", number[oral]: "口头协议", number[failed]: None}
    finally:
        other.dispose()


def test_an_agreement_form_on_a_case_without_agreement_is_refused(db, actor, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("类型,登记日期,受理日期,办结日期,办理结果,当事人,类别,事项摘要,协议形式\n"
                    "纠纷,2026-03-01,2026-03-02,2026-03-05,调解不成,甲,邻里纠纷,事一,书面协议\n"
                    "纠纷,2026-03-01,2026-03-02,2026-03-05,调解成功,乙,邻里纠纷,事二,电子协议\n",
                    encoding="utf-8")
    before = snapshot(db)
    with pytest.raises(Exception) as err:
        exchange.run_import(db, actor, path)
    text = "；".join(str(p) for p in err.value.problems)
    assert "第2行" in text and "只有调解成功的纠纷才有协议形式" in text
    assert "第3行" in text and "协议形式" in text and "书面协议、口头协议" in text
    assert snapshot(db) == before
