"""Without a desktop session `main.py` says so in one line and exits 2, before Qt starts
(Qt itself would abort with a misleading message about xcb plugins; issue #12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import NO_DISPLAY_MESSAGE, lacks_display

ROOT = Path(__file__).resolve().parents[1]
DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")

unix_only = pytest.mark.skipif(sys.platform.startswith(("win", "darwin")),
                               reason="Windows and macOS always have a desktop session")


def no_display_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS}
    env["CASEAPP_HOME"] = str(tmp_path / "home")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def test_lacks_display():
    assert lacks_display({}, "linux")
    assert not lacks_display({"DISPLAY": ":0"}, "linux")
    assert not lacks_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not lacks_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not lacks_display({"QT_QPA_PLATFORM": "minimal"}, "freebsd13")
    assert not lacks_display({}, "win32")
    assert not lacks_display({}, "darwin")


@unix_only
def test_demo_without_display_says_so_and_exits_2(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--demo"],
                            capture_output=True, text=True, timeout=60,
                            env=no_display_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [NO_DISPLAY_MESSAGE]
    assert result.stdout == ""
    assert "libxcb" not in result.stderr
    assert "DISPLAY" in NO_DISPLAY_MESSAGE and "caseapp" in NO_DISPLAY_MESSAGE


@unix_only
def test_qt_is_never_started(tmp_path):
    code = ("import sys; from ui.app import run; rc = run(['--demo']); "
            "print(rc, 'PySide6.QtWidgets' in sys.modules, 'PySide6.QtGui' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, env=no_display_env(tmp_path), cwd=ROOT)
    assert result.stdout.split() == ["2", "False", "False"], result.stderr


@unix_only
def test_self_test_runs_without_display(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--self-test", "--db", str(tmp_path / "new.db")],
        capture_output=True, text=True, timeout=120, env=no_display_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("self-test ok: window ")


def _has_libxcb() -> bool:
    import ctypes.util

    return ctypes.util.find_library("xcb") is not None


@unix_only
@pytest.mark.skipif(not _has_libxcb(), reason="libxcb is not installed (Qt's own message holds)")
def test_a_display_nothing_answers_on_says_so_and_exits_2(tmp_path):
    from ui.app import UNREACHABLE_DISPLAY_MESSAGE, unreachable_x_display

    assert unreachable_x_display({"DISPLAY": ":987"}, "linux") == ":987"
    assert unreachable_x_display({"DISPLAY": ":987", "QT_QPA_PLATFORM": "xcb"}, "linux") is None
    assert unreachable_x_display({"DISPLAY": ":987", "WAYLAND_DISPLAY": "w-0"}, "linux") is None
    assert unreachable_x_display({}, "linux") is None
    env = no_display_env(tmp_path)
    env["DISPLAY"] = ":987"  # set, as a remote or stale session leaves it, but no X server
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--demo"],
                            capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [UNREACHABLE_DISPLAY_MESSAGE.format(":987")]
    assert "xcb" not in result.stderr
