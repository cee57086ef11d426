"""Issue #16, item 12 (and 13's refused attachment): read-only media and a full disk give a
clear Chinese message, no traceback and nothing half-written, for backup, export, attach and
the commands that only read.

The real cases need a small tmpfs (mounting needs root: skipped otherwise); the same errors
are also raised by hand, so the messages are tested on every machine."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from caseapp import exchange
from caseapp import services as s
from caseapp import workflow as wf
from caseapp.cli.main import main
from caseapp.errors import CaseAppError, PermissionDenied, StorageError
from caseapp.services import accounts
from caseapp.storage import backup as bk
from caseapp.storage.migrate import open_database

PASSWORD = "Passw0rd-2026"


def _mount(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


@pytest.fixture
def disk(tmp_path):
    """A 2 MB tmpfs; filled by the test with fill(); unmounted at the end."""
    point = tmp_path / "disk"
    if not _mount(point, "2m"):
        pytest.skip("needs root to mount a small tmpfs")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def fill(point: Path) -> None:
    with open(point / "filler", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    try:  # the last partial block
        with open(point / "filler2", "wb") as fh:
            while True:
                fh.write(b"\0")
                fh.flush()
    except OSError:
        pass


def leftovers(point: Path) -> list[str]:
    return sorted(p.name for p in point.rglob("*") if p.is_file()
                  and not p.name.startswith("filler"))


def register(db, actor, n: int = 3) -> int:
    last = 0
    for i in range(n):
        last = s.register_petition(db, actor, s.CaseInput(
            summary=f"反映问题{i}" + "详情" * 200, category="劳动社保",
            received_on=date(2026, 3, 2), source="来访"),
            [s.PartyInput(f"赵{i}", "信访人")]).id
    return last


# --- A full disk -----------------------------------------------------------------------------


# The garbage collector finishing openpyxl's half-written zip would print a traceback.
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_to_a_full_disk(db, actor, disk, suffix, capfd):
    register(db, actor, 200)
    fill(disk)
    with pytest.raises(StorageError, match="磁盘已满"):
        exchange.run_export(db, disk / f"e{suffix}", actor=actor)
    assert leftovers(disk) == []
    import gc
    gc.collect()
    assert "Traceback" not in capfd.readouterr().err  # nothing left for the GC to complain about


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_names_a_full_disk_everywhere(db, actor, tmp_path, monkeypatch, suffix):
    register(db, actor, 3)
    real = os.replace

    def full(src, dst):
        if str(dst).endswith(suffix):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(StorageError, match="磁盘已满"):
        exchange.run_export(db, tmp_path / f"e{suffix}", actor=actor)
    assert list(tmp_path.glob("*.part")) == [] and not (tmp_path / f"e{suffix}").exists()


def test_cli_export_to_a_full_disk_is_one_line(db, actor, disk, capsys):
    register(db, actor, 200)
    path = db.url  # the file, or the server database (--db-url)
    db.dispose()
    fill(disk)
    assert main(["--db", str(path), "export", str(disk / "e.xlsx")]) != 0
    err = capsys.readouterr().err
    assert "磁盘已满" in err and "Traceback" not in err and "程序内部错误" not in err


@pytest.mark.sqlite_only("the SQLite backup's copy on a full disk")
def test_backup_to_a_full_disk(db, actor, disk):
    register(db, actor, 200)
    fill(disk)
    with pytest.raises(StorageError, match="磁盘已满"):
        bk.backup(db, dest=disk / "b")
    assert leftovers(disk) == []


def test_attach_into_a_full_store(tmp_path, disk):
    database = open_database(disk / "cases.db")
    try:
        actor = database.local_user_id()
        case = register(database, actor, 1)
        big = tmp_path / "scan.pdf"
        big.write_bytes(os.urandom(600_000))
        fill(disk)
        before = leftovers(disk)
        with pytest.raises(CaseAppError, match="磁盘已满"):
            s.attach(database, actor, case, big)
        assert leftovers(disk) == before  # no .part left in the store
    finally:
        database.dispose()


def test_attach_that_cannot_be_copied_is_named(db, actor, tmp_path, monkeypatch):
    case = register(db, actor, 1)
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-1.4 test")

    def full(_src, dst, **_kw):
        Path(dst).write_bytes(b"%PDF")  # a part written, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(CaseAppError, match="磁盘已满"):
        s.attach(db, actor, case, source)
    assert [p for p in db.files_dir.rglob("*") if p.is_file()] == []


def test_a_refused_attachment_copies_nothing(db, tmp_path):
    admin = accounts.setup_admin(db, "admin", "周主任", PASSWORD)
    viewer = accounts.add_user(db, admin, "viewer", "赵查看", wf.VIEWER, PASSWORD)
    case = register(db, admin, 1)
    source = tmp_path / "a.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    with pytest.raises(PermissionDenied):
        s.attach(db, viewer, case, source)
    assert [p for p in db.files_dir.rglob("*") if p.is_file()] == []


# --- Read-only media -------------------------------------------------------------------------


@pytest.fixture
def readonly_db(tmp_path, disk):
    """A database with 3 cases on a read-only mount."""
    database = open_database(disk / "cases.db")
    register(database, database.local_user_id(), 3)
    database.dispose()
    assert subprocess.run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0
    return disk / "cases.db"


@pytest.mark.sqlite_only("the SQLite file on read-only media")
def test_reading_commands_work_on_read_only_media(readonly_db, tmp_path, capsys):
    assert main(["--db", str(readonly_db), "check"]) == 0
    assert main(["--db", str(readonly_db), "stats", "--from", "2026-03-01",
                 "--to", "2026-03-31", "--json"]) == 0
    out = tmp_path / "e.csv"
    assert main(["--db", str(readonly_db), "export", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").count("反映问题") == 3
    assert main(["--db", str(readonly_db), "backup", "--to", str(tmp_path / "b")]) == 0
    err = capsys.readouterr().err
    assert "只读" in err and "Traceback" not in err


@pytest.mark.sqlite_only("the SQLite file on read-only media")
def test_writing_on_read_only_media_is_refused_by_name(readonly_db, tmp_path, capsys,
                                                       monkeypatch):
    from caseapp.storage import damage_check

    checked: list[object] = []  # the refusal comes at once, before any check of the file
    monkeypatch.setattr(damage_check.DamageCheck, "_run", lambda self: checked.append(self))
    database = open_database(readonly_db, upgrade=False)
    try:
        assert database.readonly
        with pytest.raises(StorageError, match="只读"):
            register(database, database.local_user_id(), 1)
    finally:
        database.dispose()
    source = tmp_path / "in.csv"
    source.write_text("类型,登记日期,当事人,类别,事项摘要\n信访,2026-03-01,张三,劳动社保,测试\n",
                      encoding="utf-8")
    assert main(["--db", str(readonly_db), "import", str(source)]) != 0
    err = capsys.readouterr().err
    assert "只读" in err and "Traceback" not in err and "程序内部错误" not in err
    assert checked == []


# --- 13. File names an attachment must not have ----------------------------------------------


@pytest.mark.parametrize("name", ["调解笔录\u202efdp.exe", "照片.exe", "run.bat", "a.cmd",
                                  "x.scr", "宏.vbs", "脚本.ps1", "快捷方式.lnk", "安装.msi",
                                  "a\u200b.pdf"])
def test_executables_and_disguised_names_are_refused(db, actor, tmp_path, name):
    case = register(db, actor, 1)
    source = tmp_path / name
    source.write_bytes(b"MZ")
    with pytest.raises(CaseAppError) as err:
        s.attach(db, actor, case, source)
    assert "附件" in str(err.value) or "文件" in str(err.value)
    assert [p for p in db.files_dir.rglob("*") if p.is_file()] == []


def test_ordinary_attachments_still_go_in(db, actor, tmp_path):
    case = register(db, actor, 1)
    for name in ("调解笔录.pdf", "现场照片.JPG", "协议 扫描件.docx"):
        source = tmp_path / name
        source.write_bytes(name.encode())
        assert s.attach(db, actor, case, source)
