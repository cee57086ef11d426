"""Proves a frozen CaseDesk folder (or its installed .deb) works on its own: every command runs
from the folder with a clean environment (no venv, no PYTHONPATH, PATH=/usr/bin:/bin, a new
CASEAPP_HOME), and what it writes is read back here. Exit 1 at the first failure.

    python packaging/check_frozen.py [--dist dist/CaseDesk]      # the whole check
    python packaging/check_frozen.py --installed /usr/bin        # the .deb: version, self-test

This harness runs under the project's Python only to read the results (pypdf, openpyxl) and
to compare the upgraded fixture with tests/test_upgrade_fixture.py's expectations.
"""

from __future__ import annotations

import argparse
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXTURE = ROOT / "tests" / "fixtures" / "release-0.1.0"
EXE = ".exe" if sys.platform == "win32" else ""


class Failed(Exception):
    pass


class Frozen:
    """Runs the frozen programs of one folder in a clean environment of their own."""

    def __init__(self, folder: Path, names: dict[str, str], work: Path):
        self.folder, self.names, self.work = folder, names, work
        self.home = work / "data"
        system = os.environ.get("SYSTEMROOT", r"C:\Windows")
        path = [system + r"\System32", system] if sys.platform == "win32" else ["/usr/bin", "/bin"]
        self.env = {"PATH": os.pathsep.join(path), "HOME": str(work), "CASEAPP_HOME": str(self.home),
                    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
                    "TMPDIR": str(work)}
        for name in ("SYSTEMROOT", "WINDIR", "LOCALAPPDATA", "APPDATA", "TEMP", "TMP"):
            if name in os.environ:  # Windows cannot start a program without these
                self.env[name] = os.environ[name]

    def run(self, program: str, *args: str, env: dict | None = None, timeout: int = 600) -> str:
        cmd = [str(self.folder / (self.names[program] + EXE)), *args]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=self.work, env={**self.env, **(env or {})},
                              capture_output=True, text=True, encoding="utf-8", errors="replace",
                              stdin=subprocess.DEVNULL, timeout=timeout, check=False)
        took = time.perf_counter() - t0
        shown = " ".join([self.names[program], *args])
        if proc.returncode != 0:
            raise Failed(f"{shown} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
        last = (proc.stdout.strip().splitlines() or [""])[-1]
        print(f"  ok {took:6.2f}s  {shown}  -> {last[:110]}", flush=True)
        return proc.stdout


def source_version() -> str:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    return cfg["metadata"]["version"]


def source_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory(str(ROOT / "caseapp" / "migrations")).get_heads()
    if len(heads) != 1:
        raise Failed(f"the source has {len(heads)} migration heads")
    return heads[0]


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def read_pdf(path: Path) -> tuple[str, list[str]]:
    """The text of a PDF and the fonts it does not embed."""
    from pypdf import PdfReader

    expect(path.is_file() and path.read_bytes().startswith(b"%PDF"), f"{path.name} is no PDF")
    reader = PdfReader(str(path))
    text = "".join(page.extract_text() or "" for page in reader.pages)
    bare = []
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                bare.append(str(font.get("/BaseFont")))
    return text, bare


def check_folder(app: Frozen) -> None:
    version, head, today = source_version(), source_head(), date.today()
    month = f"{today.year}-{today.month:02d}"
    out = app.run("caseapp", "--help")
    expect(all(c in out for c in ("init", "demo", "report", "stats", "check")), "caseapp --help")
    expect(app.run("caseapp", "--version").strip() == f"caseapp {version}", "caseapp --version")
    expect(f"版本 {head}" in app.run("caseapp", "init"), f"init did not reach migration {head}")
    expect("500" in app.run("caseapp", "demo", "--cases", "500"), "demo --cases 500")
    pdf = app.work / "monthly.pdf"
    app.run("caseapp", "report", "monthly", "--month", month, "-o", str(pdf))
    text, bare = read_pdf(pdf)
    # ReportLab's C accelerator, which PyInstaller cannot see it import (casedesk.spec)
    expect(any(app.folder.rglob("_rl_accel*")), "the folder lacks _rl_accel")
    expect("统计" in text and not bare, f"monthly.pdf: Chinese text {'统计' in text}, "
                                        f"fonts not embedded {bare}")
    from openpyxl import load_workbook

    first = date(today.year, today.month, 1).isoformat()
    for template in ("矛盾纠纷排查情况表", "CaseDesk月度汇总"):
        xlsx = app.work / f"{template}.xlsx"
        app.run("caseapp", "report", "form", "--template", template, "--from", first,
                "--to", today.isoformat(), "-o", str(xlsx))
        cells = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row]
        expect(not any(isinstance(v, str) and "{{" in v for v in cells), f"{template}: unfilled")
    figures = json.loads(app.run("caseapp", "stats", "--from", f"{today.year - 3}-01-01",
                                 "--to", today.isoformat(), "--json"))
    received = figures["petitions"]["received"] + figures["disputes"]["received"]
    expect(received == 500, f"stats: {received} cases received, expected 500")
    app.run("casedesk-probe", "--source", str(ROOT))
    out = app.run("CaseDesk", "--self-test")
    expect("self-test ok" in out and "(500 cases)" in out, f"self-test: {out}")
    # The first frame too: its modules (sqlite3, the light caseapp leaves) are in the build.
    expect(re.search(r"first frame [\d.]+s", out) is not None, f"no first frame: {out}")


def check_fixture(app: Frozen) -> None:
    """The oldest released database, upgraded by the frozen build, says what it said."""
    from tests.test_upgrade_fixture import ADMIN, ADMIN_PASSWORD, DB_NAME, assert_contains

    work = app.work / "fixture"
    shutil.copytree(FIXTURE, work, ignore=shutil.ignore_patterns(
        "expected", "*.py", "*.md", ".gitignore", "__pycache__"))
    db, head = str(work / DB_NAME), source_head()
    env = {"CASEAPP_PASSWORD": ADMIN_PASSWORD}
    login = ("--db", db, "--user", ADMIN)
    expect(f"版本 {head}" in app.run("caseapp", *login, "init", env=env), "fixture: init")
    expect("检查通过" in app.run("caseapp", *login, "check", env=env), "fixture: check")
    periods = sorted((FIXTURE / "expected").glob("stats-*.json"))
    for path in periods:
        want = json.loads(path.read_text(encoding="utf-8"))
        got = json.loads(app.run("caseapp", *login, "stats", "--from", want["from"], "--to",
                                 want["to"], "--as-of", want["to"], "--json", env=env))
        try:
            assert_contains(want, got, path.name)
        except AssertionError as exc:
            raise Failed(f"fixture figures differ: {exc}") from None
    print(f"  ok  the 0.1.0 fixture: migrated to {head}, check passed, {len(periods)} periods "
          "of figures as the release printed them")


def check_libraries(folder: Path) -> None:
    """Every shared library the folder carries finds what it links to (Linux)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return
    missing = set()
    for path in folder.rglob("*"):
        if path.is_file() and (path.suffix == ".so" or ".so." in path.name
                               or os.access(path, os.X_OK)):
            with open(path, "rb") as fh:
                if fh.read(4) != b"\x7fELF":
                    continue
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            missing |= {f"{path.name}: {line.split()[0]}" for line in out.splitlines()
                        if "not found" in line}
    # Qt ships plugins for platforms this machine lacks (wayland compositors, other
    # printers' backends); a missing library counts only for what CaseDesk loads.
    optional = ("libqwayland", "libqeglfs", "libqlinuxfb", "libqvnc", "libqvkkhr", "libqtuiotouch",
                "libqxdgdesktopportal", "libqcups", "libqgtk3", "libqminimalegl")
    real = sorted(m for m in missing if not m.startswith(optional))
    expect(not real, f"libraries not found: {real}")
    print(f"  ok  every shared library resolves ({len(missing)} optional plugins left out)")


def size_of(folder: Path) -> str:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return f"{total / 2**20:.0f} MiB in {sum(1 for _ in folder.rglob('*'))} files"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="check_frozen")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "CaseDesk")
    parser.add_argument("--installed", type=Path, metavar="BIN_DIR",
                        help="check an installed package through its commands in BIN_DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="casedesk-frozen-") as tmp:
        work = Path(tmp)
        try:
            if args.installed:
                app = Frozen(args.installed, {"caseapp": "caseapp", "CaseDesk": "casedesk"}, work)
                expect(app.run("caseapp", "--version").strip() == f"caseapp {source_version()}",
                       "installed caseapp --version")
                app.run("caseapp", "demo", "--cases", "50")
                expect("self-test ok" in app.run("CaseDesk", "--self-test"), "installed self-test")
                return 0
            folder = args.dist.resolve()
            expect((folder / f"caseapp{EXE}").is_file(), f"no frozen build in {folder}")
            print(f"frozen build {folder}: {size_of(folder)}")
            app = Frozen(folder, {n: n for n in ("caseapp", "CaseDesk", "casedesk-probe")}, work)
            check_libraries(folder)
            check_folder(app)
            check_fixture(app)
        except (Failed, subprocess.TimeoutExpired) as exc:
            print(f"FROZEN CHECK FAILED: {exc}", file=sys.stderr, flush=True)
            return 1
    print("frozen check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
