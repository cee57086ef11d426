"""The work log (docs/domain.md §9): its acts and events, 零上报, import all or nothing, the
command line, the figures against a plain count, and the annual sentence with 安保维稳."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select

from caseapp import exchange, queries, services
from caseapp import workflow as wf
from caseapp.cli.main import main as cli_main
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.figures import stats
from caseapp.storage.models import Case, Event, User, WorkLogCase, WorkLogEntry

W = services.WorkLogInput


def events(db, action: str) -> list[Event]:
    with db.read() as session:
        return list(session.scalars(select(Event).where(Event.action == action)))


def entry_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(WorkLogEntry))


def add_user(db, role: str, name: str) -> int:
    with db.write() as session:
        user = User(name=name, display_name=name, role=role, active=True, created_at=datetime.now())
        session.add(user)
        session.flush()
        return user.id


# ---------------------------------------------------------------------------
# Acts.


def test_add_edit_delete_each_leave_an_event(db, actor):
    eid = services.add_worklog(db, actor, W("2026-03-05", "日常排查", "马鞍街道", "白石社区",
                                            "李红、周志强", 2, "走访商铺"))
    row = queries.worklog_entry(db, eid)
    assert (row.day, row.type, row.area, row.found, row.participants) == (
        date(2026, 3, 5), "日常排查", "马鞍街道/白石社区", 2, "李红、周志强")
    added = events(db, "worklog_added")
    assert len(added) == 1 and added[0].case_id is None
    assert json.loads(added[0].changes)["found"] == [None, 2]

    services.edit_worklog(db, actor, eid, W("2026-03-05", "集中排查", "马鞍街道", "白石社区",
                                            "李红、周志强", 3, "走访商铺"))
    changes = json.loads(events(db, "worklog_edited")[0].changes)
    assert changes["type"] == ["日常排查", "集中排查"] and changes["found"] == [2, 3]
    assert "day" not in changes  # only what changed

    with pytest.raises(ValidationError):
        services.delete_worklog(db, actor, eid, "  ")
    services.delete_worklog(db, actor, eid, "重复录入")
    assert queries.worklog_entry(db, eid) is None
    assert queries.list_worklog(db) == []
    assert "重复录入" in events(db, "worklog_deleted")[0].note


def test_add_refuses_bad_values_and_writes_nothing(db, actor):
    tomorrow = date.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        services.add_worklog(db, actor, W(tomorrow, "巡逻", None, "白石社区", None, -1))
    fields = {p.field for p in err.value.problems}
    assert fields == {"day", "type", "found", "street"}
    assert entry_count(db) == 0 and events(db, "worklog_added") == []


def test_roles(db, actor):
    viewer = add_user(db, wf.VIEWER, "查看员")
    mediator = add_user(db, wf.MEDIATOR, "调解员甲")
    with pytest.raises(PermissionDenied, match="记录排查台账"):
        services.add_worklog(db, viewer, W("2026-03-05", "日常排查", "马鞍街道"))
    mine = services.add_worklog(db, mediator, W("2026-03-05", "日常排查", "马鞍街道"))
    theirs = services.add_worklog(db, actor, W("2026-03-06", "日常排查", "马鞍街道"))
    services.edit_worklog(db, mediator, mine, W("2026-03-05", "日常排查", "马鞍街道", found=1))
    with pytest.raises(PermissionDenied):
        services.delete_worklog(db, mediator, theirs, "不对")
    assert queries.worklog_entry(db, theirs) is not None


def test_zero_report(db, actor):
    eid = services.zero_report(db, actor, "江北街道", None, 2026, 2)
    row = queries.worklog_entry(db, eid)
    assert row.zero_report and row.found == 0 and row.day == date(2026, 2, 28)
    assert row.type_text == "日常排查（零上报）"
    with pytest.raises(ValidationError, match="已经零上报"):
        services.zero_report(db, actor, "江北街道", None, 2026, 2)
    services.add_worklog(db, actor, W("2026-01-10", "日常排查", "马鞍街道", found=1))
    with pytest.raises(ValidationError, match="已有发现纠纷"):
        services.zero_report(db, actor, "马鞍街道", None, 2026, 1)
    nxt = date.today().replace(day=1) + timedelta(days=32)
    with pytest.raises(ValidationError, match="尚未开始"):
        services.zero_report(db, actor, "马鞍街道", None, nxt.year, nxt.month)
    assert len(events(db, "worklog_zero_report")) == 1


def test_link_a_registered_dispute(db, actor):
    eid = services.add_worklog(db, actor, W("2026-03-05", "日常排查", "马鞍街道", found=1))
    ref = services.register_dispute(db, actor, services.CaseInput(
        received_on=date(2026, 3, 5), category="邻里纠纷", summary="排查发现的纠纷",
        source="主动排查"), [services.PartyInput(name="王某", role="申请人")])
    services.link_worklog_case(db, actor, eid, ref.id)
    services.link_worklog_case(db, actor, eid, ref.id)  # twice is once
    assert queries.worklog_linked_cases(db, eid) == [ref.id]
    assert queries.worklog_entry(db, eid).linked_cases == 1
    linked = events(db, "worklog_linked")
    assert [e.case_id for e in linked] == [ref.id]  # on the case's timeline


# ---------------------------------------------------------------------------
# Import and export.


def write_csv(path, lines: list[str]):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HEAD = "日期,类型,范围,参加人员,发现纠纷数,说明"


def test_import_all_rows(db, actor, tmp_path):
    f = write_csv(tmp_path / "w.csv", [HEAD, "2026-03-02,日常排查,马鞍街道,李红,1,走访",
                                       "2026/3/9,集中排查,马鞍街道/白石社区,李红、周志强,0,",
                                       "2026年3月12日,安保维稳,全区,全体,,两会"])
    assert exchange.import_worklog_file(db, actor, f) == 3
    rows = queries.list_worklog(db)
    assert [(r.type, r.area, r.found) for r in rows] == [
        ("安保维稳", "全区", 0), ("集中排查", "马鞍街道/白石社区", 0), ("日常排查", "马鞍街道", 1)]
    assert json.loads(events(db, "worklog_imported")[0].changes) == {"rows": [None, 3]}


def test_import_refuses_the_whole_file_naming_row_and_column(db, actor, tmp_path):
    f = write_csv(tmp_path / "w.csv", [HEAD, "2026-03-02,日常排查,马鞍街道,李红,1,走访",
                                       "2026-02-30,日常排查,马鞍街道,李红,1,",
                                       "2026-03-04,巡查,马鞍街道,李红,两件,"])
    with pytest.raises(ValidationError) as err:
        exchange.import_worklog_file(db, actor, f)
    lines = [str(p) for p in err.value.problems]
    assert lines == ["第3行 日期: 「2026-02-30」不是存在的日期",
                     "第4行 类型: 「巡查」不是排查类型，应为：日常排查、集中排查、专项排查、安保维稳",
                     "第4行 发现纠纷数: 「两件」应为0到10000的整数"]
    assert "未导入任何台账记录" in str(err.value)
    assert entry_count(db) == 0  # the good first row is not imported either


def test_import_refuses_a_file_without_required_columns(db, actor, tmp_path):
    f = write_csv(tmp_path / "w.csv", ["日期,参加人员", "2026-03-02,李红"])
    with pytest.raises(ValidationError) as err:
        exchange.import_worklog_file(db, actor, f)
    assert [str(p) for p in err.value.problems] == ["第1行 类型: 缺少必填列", "第1行 范围: 缺少必填列"]


def test_export_imports_back(db, actor, tmp_path):
    services.add_worklog(db, actor, W("2026-03-05", "专项排查", "马鞍街道", "白石社区", "李红", 4,
                                      "=SUM(A1)"))
    services.zero_report(db, actor, "江北街道", None, 2026, 2)
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"out{suffix}"
        assert exchange.export_worklog(db, actor, out) == 2
        rows = exchange.read_worklog_file(out)
        assert [r["范围"] for _n, r in rows] == ["马鞍街道/白石社区", "江北街道"]
        assert rows[0][1]["说明"] == "=SUM(A1)"  # the formula guard is undone on reading
    viewer = add_user(db, wf.VIEWER, "查看员")
    with pytest.raises(PermissionDenied):
        exchange.export_worklog(db, viewer, tmp_path / "no.csv")


def test_cli_import_and_list(tmp_path, capsys):
    dbfile = tmp_path / "c.db"
    f = write_csv(tmp_path / "w.csv", [HEAD, "2026-03-02,日常排查,马鞍街道,李红,1,走访",
                                       "2026-04-02,安保维稳,全区,全体,0,"])
    assert cli_main(["--db", str(dbfile), "worklog", "import", str(f)]) == 0
    assert "已导入 2 条台账记录" in capsys.readouterr().out
    assert cli_main(["--db", str(dbfile), "worklog", "list", "--month", "2026-03"]) == 0
    out = capsys.readouterr().out
    assert "2026-03-02\t日常排查\t马鞍街道\t李红\t1\t走访" in out and "安保维稳" not in out
    assert "共 1 条" in out
    bad = write_csv(tmp_path / "bad.csv", [HEAD, "2026-03-02,日常,马鞍街道,,1,"])
    assert cli_main(["--db", str(dbfile), "worklog", "import", str(bad)]) == 1
    assert "第2行 类型: 「日常」不是排查类型" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# Figures.


def test_work_figures_against_a_plain_count(db, actor):
    rnd = random.Random(5)
    rows = []
    for _ in range(300):
        rows.append({"day": date(2025, 1, 1) + timedelta(days=rnd.randint(0, 500)),
                     "type": rnd.choice(wf.WORKLOG_TYPES), "street": rnd.choice(("马鞍街道", None)),
                     "found": rnd.randint(0, 4), "zero_report": rnd.random() < 0.1,
                     "deleted_at": datetime(2026, 1, 1) if rnd.random() < 0.1 else None,
                     "created_by": actor, "created_at": datetime(2026, 1, 1)})
    with db.write() as session:
        session.execute(insert(WorkLogEntry), rows)
    for f, t in ((date(2025, 1, 1), date(2025, 12, 31)), (date(2025, 3, 1), date(2025, 3, 31)),
                 (date(2026, 2, 10), date(2026, 2, 10)), (date(2024, 1, 1), date(2024, 12, 31))):
        live = [r for r in rows if f <= r["day"] <= t and r["deleted_at"] is None]
        screenings = [r for r in live if r["type"] != "安保维稳" and not r["zero_report"]]
        work = stats.figures(db, f, t).to_dict()["work"]
        assert work == {"screenings": len(screenings),
                        "screenings_found": sum(r["found"] for r in screenings),
                        "security_events": sum(r["type"] == "安保维稳" for r in live),
                        "concentrated_screenings": sum(r["type"] == "集中排查"
                                                       for r in screenings)}, (f, t)


def seed_year_cases(db, actor) -> None:
    """The seed report's year 2022: 22 petitions handled and closed (6 by proxy, all entered),
    63 disputes handled and concluded, 60 of them mediated."""
    base = {"status": "closed", "category": "其他", "summary": "往年案件", "version": 1,
            "created_at": datetime(2022, 1, 1), "extended": False, "is_repeat": False,
            "via_proxy": False, "entered": False, "performed": False}
    rows = []
    for i in range(22):
        day = date(2022, 1, 3) + timedelta(days=i * 15)
        rows.append(dict(base, number=f"P{i}", kind="petition", outcome=wf.SUPPORTED,
                         received_on=day, accepted_on=day, closed_on=day + timedelta(days=20),
                         due_on=day + timedelta(days=60), via_proxy=i < 6, entered=True))
    for i in range(63):
        day = date(2022, 1, 3) + timedelta(days=i * 5)
        rows.append(dict(base, number=f"D{i}", kind="dispute", category="邻里纠纷",
                         outcome=wf.MEDIATED if i < 60 else wf.MEDIATION_FAILED,
                         received_on=day, accepted_on=day, closed_on=day + timedelta(days=10),
                         due_on=day + timedelta(days=30)))
    with db.write() as session:
        session.execute(insert(Case), rows)


def test_the_seed_year_sentence_with_five_security_events(db, actor):
    seed_year_cases(db, actor)
    year = (date(2022, 1, 1), date(2022, 12, 31))
    assert "安保维稳" not in stats.annual_sentence(stats.figures(db, *year))
    for day in ("2022-01-28", "2022-03-04", "2022-09-30", "2022-10-15", "2022-12-30"):
        services.add_worklog(db, actor, W(day, "安保维稳", None, None, "全体干部", 0, "重大活动"))
    services.add_worklog(db, actor, W("2021-12-30", "安保维稳"))  # another year
    services.add_worklog(db, actor, W("2022-05-01", "日常排查", "马鞍街道", found=2))
    fig = stats.figures(db, *year)
    assert fig.work.to_dict() == {"screenings": 1, "screenings_found": 2, "security_events": 5,
                                  "concentrated_screenings": 0}
    sentence = stats.annual_sentence(fig)
    assert "…录入完成率100%。组织重大活动安保维稳工作5次。全年调解纠纷63件…".strip("…") in sentence
    assert sentence == (
        "全年办理信访件22件，已办结22件，办结率100%；完成信访代理件6件，录入完成率100%。"
        "组织重大活动安保维稳工作5次。"
        "全年调解纠纷63件，调解成功60件，调解成功率95.2%，纠纷调解率100%。")


def test_a_deleted_entry_leaves_the_figures(db, actor):
    eid = services.add_worklog(db, actor, W("2026-03-05", "安保维稳"))
    month = (date(2026, 3, 1), date(2026, 3, 31))
    assert stats.figures(db, *month).work.security_events == 1
    services.delete_worklog(db, actor, eid, "录错")
    assert stats.figures(db, *month).work.security_events == 0
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(WorkLogCase)) == 0


def test_the_annual_report_prints_the_sentence_and_the_work_lines(db, actor, tmp_path):
    from pypdf import PdfReader

    from caseapp.reports.summary import annual_report

    seed_year_cases(db, actor)
    for day in ("2022-01-28", "2022-03-04", "2022-09-30", "2022-10-15", "2022-12-30"):
        services.add_worklog(db, actor, W(day, "安保维稳"))
    services.add_worklog(db, actor, W("2022-05-01", "日常排查", "马鞍街道", found=2))
    path = annual_report(db, 2022, tmp_path / "a.pdf")
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    flat = "".join(text.split())
    assert "录入完成率100%。组织重大活动安保维稳工作5次。全年调解纠纷63件" in flat
    lines = [line.strip() for line in text.splitlines()]
    i = lines.index("安保维稳次数")
    assert lines[i + 1] == "5"
    assert "安保维稳次数（暂无数据）" not in flat and "工作台账功能尚未启用" not in flat


# ---------------------------------------------------------------------------
# The demo's work log.


def test_the_demo_keeps_a_realistic_work_log(db, actor):
    from collections import Counter

    from caseapp.demo.generator import run_demo

    today = date(2026, 3, 20)
    run_demo(db, actor, 300, seed=3, today=today)
    rows = queries.list_worklog(db, limit=10**6)
    assert rows and max(r.day for r in rows) <= today
    streets = set(db.settings().streets)
    year = [r for r in rows if r.day.year == 2025]
    daily = Counter(r.street for r in year if r.type == "日常排查" and not r.zero_report)
    assert set(daily) == streets and min(daily.values()) >= 50  # weekly in every street
    kinds = Counter(r.type for r in year)
    assert kinds["集中排查"] >= 2 * len(streets) and kinds["专项排查"] >= 1
    assert 4 <= kinds["安保维稳"] <= 6
    festival = [r for r in year if r.type == "安保维稳" and r.day.month in (1, 2)]
    assert festival and all(r.area == "全区" for r in festival)
    zero = [r for r in rows if r.zero_report]
    assert zero and all(r.found == 0 and r.community for r in zero)
    with db.read() as session:
        linked = session.execute(select(Case.kind, Case.source).join(
            WorkLogCase, WorkLogCase.case_id == Case.id)).all()
    assert linked and set(linked) == {("dispute", "主动排查")}
    # the figures count it; a second run adds cases, not a second log
    assert stats.figures(db, date(2025, 1, 1), date(2025, 12, 31)).work.security_events == \
        kinds["安保维稳"]
    before = len(rows)
    run_demo(db, actor, 20, seed=4, today=today)
    assert queries.count_worklog(db) == before
