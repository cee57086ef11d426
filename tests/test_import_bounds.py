"""Import's bounds on bad data (issue #16): numbers, text, field sizes, headers, file size,
and a damaged database (docs/domain.md §6)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caseapp.errors import StorageError
from caseapp.exchange import ImportRefused, reading, run_import
from caseapp.storage.models import Case

BASE = {"类型": "信访", "登记日期": "2026-03-02", "当事人": "张秀英", "类别": "劳动社保",
        "事项摘要": "反映拖欠工资"}


def write_csv(path: Path, headers: list[str], rows: list[list[str]], encoding="utf-8") -> Path:
    import csv

    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(headers)
        w.writerows(rows)
    return path


def one_row(tmp_path: Path, **extra: str) -> Path:
    row = dict(BASE, **extra)
    return write_csv(tmp_path / "in.csv", list(row), [list(row.values())])


def refused(db, actor, path: Path) -> list[str]:
    with pytest.raises(ImportRefused) as info:
        run_import(db, actor, path, dry_run=True)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("value", ["1e30", "1e999999", "100001", "-1", "1.5", "NaN", "Infinity"])
def test_people_is_a_bounded_integer(db, actor, tmp_path, value):
    start = time.process_time()
    problems = refused(db, actor, one_row(tmp_path, 涉及人数=value))
    assert time.process_time() - start < 5
    assert any(p.startswith("第2行 涉及人数:") for p in problems), problems


@pytest.mark.parametrize("value", ["1e30", "1e999999", "1.234", "-5", "1000000000001", "NaN"])
def test_amount_is_a_bounded_decimal(db, actor, tmp_path, value):
    start = time.process_time()
    problems = refused(db, actor, one_row(tmp_path, 涉及金额=value))
    assert time.process_time() - start < 5
    assert any(p.startswith("第2行 涉及金额:") for p in problems), problems


def test_good_numbers_still_import(db, actor, tmp_path):
    result = run_import(db, actor, one_row(tmp_path, 涉及人数="100000", 涉及金额="1,234.50"))
    assert result.rows == 1


@pytest.mark.parametrize("name", ["张\x00三", "张\x07三", "张\t三", "\u200b", "\u200b\ufeff\u2060",
                                  "张\u202e三", "张\u2067三"])
def test_bad_characters_in_names(db, actor, tmp_path, name):
    problems = refused(db, actor, one_row(tmp_path, 当事人=name))
    assert any(p.startswith("第2行 当事人:") for p in problems), problems


def test_replacement_character_names_the_encoding(db, actor, tmp_path):
    path = tmp_path / "in.csv"
    write_csv(path, list(BASE), [list(BASE.values())], encoding="gb18030")
    data = path.read_bytes().replace("张秀英".encode("gb18030"), b"\xd5\xc5\xff")  # a bad byte
    path.write_bytes(data)
    problems = refused(db, actor, path)
    assert any(p.startswith("第2行 当事人:") and "编码" in p for p in problems), problems


def test_tab_and_newline_allowed_in_details(db, actor, tmp_path):
    result = run_import(db, actor, one_row(tmp_path, 详细情况="第一段\n第二段\t缩进"), dry_run=True)
    assert result.rows == 1
    problems = refused(db, actor, one_row(tmp_path, 详细情况="坏\x00字"))
    assert any(p.startswith("第2行 详细情况:") for p in problems), problems


def test_huge_field_is_refused_by_row_and_column(db, actor, tmp_path):
    problems = refused(db, actor, one_row(tmp_path, 事项摘要="很" * 200_000))
    assert any(p.startswith("第2行 事项摘要:") for p in problems), problems
    problems = refused(db, actor, one_row(tmp_path, 详细情况="长" * 150_000, 事项摘要="短"))
    assert any(p.startswith("第2行 详细情况:") for p in problems), problems


def test_duplicate_headers_refuse_the_file(db, actor, tmp_path):
    headers = list(BASE) + ["当事人"]
    path = write_csv(tmp_path / "in.csv", headers, [list(BASE.values()) + ["李四"]])
    problems = refused(db, actor, path)
    assert any("当事人" in p and "第3列" in p and "第6列" in p for p in problems), problems


def test_unknown_headers_are_warned(db, actor, tmp_path):
    headers = list(BASE) + ["备注", "Foo"]
    path = write_csv(tmp_path / "in.csv", headers, [list(BASE.values()) + ["x", "y"]])
    result = run_import(db, actor, path, dry_run=True)
    assert result.rows == 1
    assert any("备注" in w and "Foo" in w for w in result.warnings), result.warnings


def test_file_over_the_size_limit_is_named(db, actor, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    path = one_row(tmp_path, 详细情况="x" * 200)
    problems = refused(db, actor, path)
    assert any("in.csv" in p and "MB" in p for p in problems), problems


@pytest.mark.sqlite_only("damages the SQLite file")
def test_import_refuses_a_damaged_database(db, actor, tmp_path):
    # Enough cases for several pages, then damage the middle pages of the file.
    rows = [list(dict(BASE, 事项摘要=f"反映拖欠工资{i}" * 20).values()) for i in range(300)]
    run_import(db, actor, write_csv(tmp_path / "many.csv", list(BASE), rows))
    path = db.path
    db.dispose()
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    mid = len(data) // 2
    data[mid:mid + 3 * 4096] = b"\xa5" * (3 * 4096)
    path.write_bytes(bytes(data))
    from caseapp.storage.migrate import open_database

    try:
        damaged = open_database(path)
    except StorageError:
        return  # refused even earlier: fine
    try:
        with pytest.raises(StorageError) as info:
            run_import(damaged, actor, one_row(tmp_path))
        assert "restore" in str(info.value) or "备份与恢复" in str(info.value)
    finally:
        damaged.dispose()


def test_damage_check_passes_on_a_sound_database(db, actor, tmp_path):
    run_import(db, actor, one_row(tmp_path))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 1


def test_cli_dry_run_shows_the_warnings(tmp_path, capsys):
    from caseapp.cli.main import main

    headers = list(BASE) + ["备注"]
    path = write_csv(tmp_path / "in.csv", headers, [list(BASE.values()) + ["x"]])
    assert main(["--db", str(tmp_path / "c.db"), "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "备注" in out and "检查通过" in out


def test_export_only_columns_are_no_warning(db, actor, tmp_path):
    headers = list(BASE) + ["状态", "期限", "超期天数"]
    path = write_csv(tmp_path / "in.csv", headers, [list(BASE.values()) + ["登记", "", ""]])
    assert run_import(db, actor, path, dry_run=True).warnings == ()


def _threads_named(name: str) -> list:
    import threading

    return [t for t in threading.enumerate() if t.name == name and t.is_alive()]


@pytest.mark.sqlite_only("the SQLite file's quick_check")
def test_damage_found_while_the_rows_are_written_commits_nothing(db, actor, tmp_path,
                                                                 monkeypatch):
    # The check runs beside the writing (issue #19): its answer comes after the rows went
    # in, and damage still leaves the file as it was.
    from caseapp.storage import damage_check

    run_import(db, actor, one_row(tmp_path))
    monkeypatch.setattr(damage_check, "QUICK_CHECK",
                        "SELECT '*** in database main *** Page 7: btreeInitPage() returns error'")
    rows = [list(dict(BASE, 事项摘要=f"反映拖欠工资{i}").values()) for i in range(2500)]
    with pytest.raises(StorageError) as info:
        run_import(db, actor, write_csv(tmp_path / "more.csv", list(BASE), rows))
    assert "已损坏" in str(info.value) and "Page 7" in str(info.value)
    assert "未导入任何案件" in str(info.value)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 1
    assert _threads_named("quick_check") == []


@pytest.mark.sqlite_only("the SQLite file's quick_check")
def test_an_abandoned_import_stops_its_check(db, actor, tmp_path, monkeypatch):
    from caseapp.exchange.importer import import_file
    from caseapp.storage import damage_check

    # A check that would never end by itself: only the interrupt stops it.
    monkeypatch.setattr(damage_check, "QUICK_CHECK",
                        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
                        "SELECT count(*) FROM n")
    rows = [list(dict(BASE, 事项摘要=f"反映拖欠工资{i}").values()) for i in range(2500)]
    job = import_file(db, actor, write_csv(tmp_path / "many.csv", list(BASE), rows))
    next(job)  # the first thousand rows are in, the check still runs
    assert len(_threads_named("quick_check")) == 1
    job.close()  # the clerk cancelled
    assert _threads_named("quick_check") == []
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0
    monkeypatch.undo()
    assert run_import(db, actor, one_row(tmp_path)).rows == 1  # the file is free again


@pytest.mark.sqlite_only("the SQLite file's quick_check")
def test_the_clerk_is_told_while_the_check_finishes(db, actor, tmp_path, monkeypatch):
    import threading

    from caseapp.storage import damage_check

    release = threading.Event()
    real = damage_check.DamageCheck._run

    def slow(self):
        release.wait(30)
        real(self)

    monkeypatch.setattr(damage_check.DamageCheck, "_run", slow)
    said: list[str] = []

    def progress(p):
        said.append(p.message)
        if p.message == "正在检查数据库文件":
            release.set()

    run_import(db, actor, one_row(tmp_path), on_progress=progress)
    assert said[-2:] == ["正在检查数据库文件", "完成"]
