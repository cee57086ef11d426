"""The command line as a clerk or a script uses it: exit statuses, messages, no tracebacks."""

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from caseapp import services as s
from caseapp.cli.main import main
from caseapp.storage.migrate import open_database

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "samples" / "cases-sample.csv"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dbfile(tmp_path):
    return tmp_path / "office.db"


def test_init_creates_and_upgrades(capsys, dbfile):
    code, out, _ = run(capsys, "--db", dbfile, "init")
    assert code == 0 and "数据库已就绪" in out and dbfile.exists()
    code, out, _ = run(capsys, "--db", dbfile, "init")
    assert code == 0


def test_db_from_environment(capsys, tmp_path, monkeypatch):
    target = tmp_path / "env.db"
    monkeypatch.setenv("CASEAPP_DB", str(target))
    assert run(capsys, "init")[0] == 0
    assert target.exists()


def test_default_db_is_in_the_data_folder(capsys, tmp_path):
    # conftest points CASEAPP_HOME at tmp_path/home
    assert run(capsys, "init")[0] == 0
    assert (tmp_path / "home" / "casedesk.db").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["stats", "--from", "2026-03-01"],
        ["stats", "--from", "not-a-date", "--to", "2026-03-31"],
        ["demo", "--cases", "-5"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys, dbfile, args):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(dbfile), *args])
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_stats_json_shape(capsys, dbfile):
    run(capsys, "--db", dbfile, "init")
    code, out, _ = run(capsys, "--db", dbfile, "stats", "--from", "2026-03-01", "--to", "2026-03-31", "--json")
    assert code == 0
    fig = json.loads(out)
    assert fig["from"] == "2026-03-01" and fig["to"] == "2026-03-31"
    assert set(fig["petitions"]) >= {"received", "handled", "closed", "closure_rate", "closed_on_time",
                                     "on_time_rate", "overdue_open", "rejected", "proxy", "entered",
                                     "entry_rate", "diverted"}
    assert set(fig["disputes"]) >= {"received", "handled", "closed", "closure_rate", "closed_on_time",
                                    "on_time_rate", "overdue_open", "concluded", "succeeded",
                                    "success_rate", "mediation_rate", "performed", "performance_rate"}
    assert fig["petitions"]["closure_rate"] is None  # empty period: null, not 0
    # The added figures of docs/domain.md §5, under the same kind keys, and the work log.
    assert set(fig["petitions"]) >= {"transferred", "supervised", "reviews", "rated", "satisfied",
                                     "satisfaction_rate"}
    assert set(fig["disputes"]) >= {"agreement_amount", "oral", "written", "confirmation_applied",
                                    "confirmed", "prevented_crime", "prevented_group_petition",
                                    "prevented_group_fight", "prevented_suicide", "major"}
    assert fig["work"] == {"screenings": 0, "screenings_found": 0, "security_events": 0,
                           "concentrated_screenings": 0}
    assert fig["disputes"]["agreement_amount"] == 0 and fig["petitions"]["satisfaction_rate"] is None


def test_stats_reversed_period_is_a_usage_error(capsys, dbfile):
    run(capsys, "--db", dbfile, "init")
    code, _, err = run(capsys, "--db", dbfile, "stats", "--from", "2026-03-31", "--to", "2026-03-01")
    assert code == 2 and "不能晚于" in err


def test_stats_text_prints_rates_as_percentages(capsys, dbfile):
    db = open_database(dbfile)
    actor = db.local_user_id()
    for i in range(3):
        ref = s.register_petition(db, actor, s.CaseInput(summary=f"事项{i}", category="教育",
                                                         received_on=date(2026, 3, 1)),
                                  [s.PartyInput(name=f"王{i}", role="信访人")])
        s.accept(db, actor, ref.id, date(2026, 3, 2))
        if i < 2:
            s.close(db, actor, ref.id, "支持", date(2026, 3, 10))
    db.dispose()
    code, out, _ = run(capsys, "--db", dbfile, "stats", "--from", "2026-03-01", "--to", "2026-03-31")
    assert code == 0
    assert "66.7%" in out and "—" in out  # 2/3 closed; dispute rates have no denominator
    assert "转送" in out and "（暂无数据：转送功能尚未启用）" not in out  # 转送 now has its act
    # 预防成效 and 风险等级 have their act (services.mediation_acts): printed without the mark.
    assert "防止民转刑案件" in out and "暂无数据" not in out


def test_import_export_round_trip_keeps_the_figures(capsys, tmp_path, dbfile):
    code, out, _ = run(capsys, "--db", dbfile, "import", SAMPLE, "--dry-run")
    assert code == 0 and "未写入" in out
    code, out, _ = run(capsys, "--db", dbfile, "stats", "--from", "2024-01-01", "--to", "2026-12-31", "--json")
    assert json.loads(out)["petitions"]["received"] == 0  # the dry run wrote nothing
    code, out, _ = run(capsys, "--db", dbfile, "import", SAMPLE)
    assert code == 0 and "已导入 120 件" in out
    code, first, _ = run(capsys, "--db", dbfile, "stats", "--from", "2025-01-01", "--to", "2026-12-31", "--json")
    for suffix in (".csv", ".xlsx"):
        exported = tmp_path / f"out{suffix}"
        code, out, _ = run(capsys, "--db", dbfile, "export", exported)
        assert code == 0 and "已导出 120 件" in out
        other = tmp_path / f"copy{suffix}.db"
        code, out, err = run(capsys, "--db", other, "import", exported)
        assert code == 0, err
        code, second, _ = run(capsys, "--db", other, "stats", "--from", "2025-01-01", "--to", "2026-12-31", "--json")
        assert json.loads(second) == json.loads(first)


def test_bad_import_lists_every_problem_and_exits_1(capsys, tmp_path, dbfile):
    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["类型", "登记日期", "受理日期", "当事人", "身份证号", "类别", "事项摘要"])
        w.writerow(["信访", "2026-03-05", "", "张三", "500102195507142463", "教育", "反映学位"])
        w.writerow(["纠纷", "2026-03-05", "2026-03-01", "李四", "", "邻里纠纷", "邻里噪音"])
        w.writerow(["信访", "2026-03-05", "", "王五", "", "火星事务", "其他"])
    code, _, err = run(capsys, "--db", dbfile, "import", bad)
    assert code == 1
    assert "第2行 身份证号" in err and "第3行 受理日期" in err and "第4行 类别" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "--db", dbfile, "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--json")
    fig = json.loads(out)
    assert fig["petitions"]["received"] == fig["disputes"]["received"] == 0


def test_missing_import_file(capsys, tmp_path, dbfile):
    code, _, err = run(capsys, "--db", dbfile, "import", tmp_path / "nope.xlsx")
    assert code == 1 and "找不到文件" in err


def test_demo_adds_cases(capsys, dbfile):
    code, out, _ = run(capsys, "--db", dbfile, "demo", "--cases", "50", "--seed", "3")
    assert code == 0 and "已添加示例案件 50 件" in out


def test_the_demo_names_a_sample_office_so_its_notices_are_signed(capsys, dbfile, tmp_path):
    from pypdf import PdfReader

    code, out, _ = run(capsys, "--db", dbfile, "demo", "--cases", "60", "--seed", "3")
    assert code == 0 and "示例单位" in out
    database = open_database(dbfile)
    number = database.engine.connect().exec_driver_sql(
        "SELECT number FROM cases WHERE status = 'rejected' LIMIT 1").scalar()
    database.dispose()
    pdf = tmp_path / "n.pdf"
    code, _, _ = run(capsys, "--db", dbfile, "report", "case", number, "--doc", "notice",
                     "--out", pdf)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert code == 0 and "示例街道矛盾纠纷调解办" in text and "联系人" in text


def test_a_database_that_is_not_one_exits_1_without_traceback(tmp_path):
    bogus = tmp_path / "x.db"
    bogus.write_bytes(b"not sqlite at all, just text" * 10)
    proc = subprocess.run([sys.executable, "-m", "caseapp", "--db", str(bogus), "stats", "--from",
                           "2026-01-01", "--to", "2026-01-31"], capture_output=True, text=True,
                          env={**__import__("os").environ, "CASEAPP_HOME": str(tmp_path)})
    assert proc.returncode == 1
    assert "不是 CaseDesk 数据库" in proc.stderr and "Traceback" not in proc.stderr
