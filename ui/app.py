"""Start-up of the GUI: arguments, QApplication, the database, the main window, the self-test.

main.py only calls run(); everything that can go wrong at start-up is handled here, so no
traceback reaches a user (docs/design.md rule 7).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import tempfile
import time
from datetime import date

log = logging.getLogger(__name__)

DEMO_CASES = 3000
GC_THRESHOLD = int(os.environ.get("CASEDESK_GC_THRESHOLD", "5000"))
SWITCH_INTERVAL_S = float(os.environ.get("CASEDESK_SWITCH_INTERVAL", "0.001"))
FIRST_PAGE_WAIT_MS = 10_000  # the start-up backup check waits at most this for the first page


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="casedesk", description="CaseDesk 信访与调解案件管理")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="数据库文件路径或 SQLAlchemy 地址（默认：环境变量 CASEAPP_DB，"
                             "否则为用户数据文件夹中的 casedesk.db）")
    parser.add_argument("--demo", action="store_true",
                        help="打开演示数据库（数据文件夹中的 demo.db，首次使用时自动生成示例案件）")
    parser.add_argument("--self-test", action="store_true",
                        help="打开主窗口、加载案件列表、生成本月统计表后退出，并打印一行耗时")
    parser.add_argument("--lang", metavar="zh|en",
                        help="界面语言（默认：设置中的选择，否则跟随系统；也可用环境变量 CASEDESK_LANG）")
    return parser.parse_args(argv)


def make_app(argv: list[str], language: str | None = None):
    from PySide6.QtWidgets import QApplication

    from ui.i18n import chosen_language, install_translations
    from ui.style import apply_style

    # Workers run Python (SQLAlchemy) while the GUI thread paints through Python callbacks;
    # a shorter GIL switch interval keeps the GUI thread from waiting 5 ms per callback.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "casedesk", *argv])
    app.setOrganizationName("CaseDesk")
    app.setApplicationName("CaseDesk")
    app.setApplicationDisplayName("CaseDesk")
    # Before any widget: Qt's dialogs say 是/否, 取消… (--lang, CASEDESK_LANG, 设置, the system)
    install_translations(app, chosen_language(language))
    apply_style(app)
    return app


NO_DISPLAY_MESSAGE = (
    "需要图形桌面环境才能启动 CaseDesk（未检测到 DISPLAY/WAYLAND_DISPLAY）。命令行功能请使用 caseapp。"
    "/ CaseDesk needs a desktop session (no DISPLAY or WAYLAND_DISPLAY); "
    "use `caseapp` for the command line.")


def lacks_display(environ=None, platform: str | None = None) -> bool:
    """True on a Unix without a desktop session, where Qt would abort with a misleading
    message about xcb plugins. A chosen QT_QPA_PLATFORM (offscreen, minimal…) is respected."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


UNREACHABLE_DISPLAY_MESSAGE = (
    "无法连接图形桌面（DISPLAY={0}）：请在桌面会话中启动 CaseDesk。命令行功能请使用 caseapp。"
    "/ CaseDesk cannot reach the desktop session (DISPLAY={0}); start it from a desktop, "
    "or use `caseapp` for the command line.")


def unreachable_x_display(environ=None, platform: str | None = None) -> str | None:
    """The X display named by DISPLAY when nothing answers there (Qt would abort with its
    misleading xcb-cursor message); None when it answers, when Wayland or a chosen
    QT_QPA_PLATFORM is in use, or when libxcb itself is missing (then Qt's message is right)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    display = environ.get("DISPLAY")
    if not platform.startswith("linux") or not display or environ.get("QT_QPA_PLATFORM") \
            or environ.get("WAYLAND_DISPLAY"):
        return None
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb")
    if name is None:
        return None
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(display.encode(), None)
    try:
        return display if xcb.xcb_connection_has_error(conn) else None
    finally:
        xcb.xcb_disconnect(conn)  # also frees a connection in error


def tune_gc() -> None:
    """Keep garbage collection pauses off the GUI thread's back: the objects that exist once
    the program is up (modules, Qt wrappers, SQLAlchemy's caches) are frozen out of the
    collector, and young collections run less often. A full collection over them held the
    GIL for up to 0.2 s on a 100,000-case list. Collection was off until now (``run``)."""
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 20, 50)
    gc.enable()


def database_arg(args: argparse.Namespace) -> str | None:
    if args.demo and not args.db:
        from caseapp.paths import data_dir

        return str(data_dir() / "demo.db")
    return args.db


def open_context(args: argparse.Namespace, today: date | None = None):
    """Open the database and build the AppContext; CaseAppError says why it cannot."""
    from caseapp.storage.migrate import open_database
    from ui.context import AppContext
    from ui.shell.upgrade_progress import run_with_progress

    where = database_arg(args)
    # An old file's upgrade shows its steps (minutes on a big file); otherwise no window.
    db = run_with_progress(lambda report: open_database(where, on_progress=report))
    try:
        actor = db.local_user_id()
    except Exception:
        db.dispose()
        raise
    return AppContext(db, actor, today=today)


def _install_excepthook() -> None:
    """An unexpected error is logged and shown in Chinese, never as a traceback."""

    def hook(kind, value, tb):
        log.error("unexpected error", exc_info=(kind, value, tb))
        try:
            from PySide6.QtWidgets import QApplication

            from ui.tasks import show_error

            if QApplication.instance() is not None:
                show_error(QApplication.activeWindow(), value)
        except Exception:  # the hook must never raise
            pass

    sys.excepthook = hook


def start_session(ctx, ask_setup: bool = True) -> bool:
    """Log in once accounts are set up; the first start offers the admin account and, once it
    is made, the office setup wizard. False when the user quit."""
    from caseapp.services import accounts
    from ui.dialogs.login_dialog import sign_in

    first_start = ask_setup and accounts.needs_admin_setup(ctx.db)
    if not sign_in(ctx, ask_setup=ask_setup):
        return False
    if first_start and ctx.accounts_on:  # the admin account was made just now
        from ui.dialogs.setup_wizard import offer_setup

        offer_setup(ctx)  # 跳过 is fine: the workbench reminds until the names are set
    return True


def run(argv: list[str] | None = None) -> int:
    # No garbage collection while the start imports and builds (until tune_gc): the modules
    # and widgets it makes are never garbage, and the collector's passes over them took a
    # quarter of the caseapp modules' import time (1,150 → 880 ms).
    gc.disable()
    try:
        return _run(argv)
    finally:
        gc.enable()


def _run(argv: list[str] | None) -> int:
    from caseapp.logs import setup_logging
    from caseapp.paths import data_dir

    argv = sys.argv[1:] if argv is None else list(argv)
    args = parse_args(argv)
    setup_logging(data_dir())
    if args.self_test:
        return self_test(args)  # runs offscreen when there is no display
    if lacks_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr, flush=True)
        return 2
    unreachable = unreachable_x_display()
    if unreachable is not None:
        print(UNREACHABLE_DISPLAY_MESSAGE.format(unreachable), file=sys.stderr, flush=True)
        return 2
    app = make_app(argv, language=args.lang)
    from ui.shell.first_frame import show_first_frame

    # The window and the list's first page, before the program's imports (issue #17).
    frame = show_first_frame(database_arg(args), ask_setup=not args.demo)
    opened = open_window(args, frame=frame)
    if isinstance(opened, int):
        return opened
    ctx, window, backups = opened
    code = app.exec()
    ctx.runner.pool.waitForDone(30000)
    backups.at_exit()  # bounded; only when this session changed data
    ctx.db.dispose()
    if getattr(window, "logged_out", False):
        from ui.dialogs.login_dialog import restart_for_login

        restart_for_login()  # 退出登录: a fresh program at the login dialog
    return code


# What the start imports besides the ui modules, loaded on a thread while the first frame is
# up (caseapp never imports Qt, so nothing here creates a widget off the GUI thread).
PRELOAD = ("caseapp.storage.migrate", "caseapp.storage.settings", "caseapp.storage.backup",
           "caseapp.storage.restore", "caseapp.queries", "caseapp.services",
           "caseapp.figures.stats")


def load_in_background(frame) -> None:
    """Import PRELOAD on a thread while the first frame takes its events (it scrolls, its
    rows can be chosen); back when done or when the frame was closed. An import that fails
    here fails again, with its message, where the start imports it for real."""
    import importlib
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    done = threading.Event()

    def work() -> None:
        try:
            for name in PRELOAD:
                importlib.import_module(name)
        except BaseException:  # said again by the start's own import
            pass
        finally:
            done.set()

    threading.Thread(target=work, name="casedesk-preload", daemon=True).start()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: loop.quit() if done.is_set() or frame.closed else None)
    timer.start()
    loop.exec()
    timer.stop()


def open_window(args: argparse.Namespace, ask_setup: bool | None = None, frame=None):
    """The start after QApplication: the database (its passphrase, a damaged file), the login,
    the main window shown. (ctx, window, backups), or the exit code when the start ends here.
    ``frame``: the first frame shown (ui/shell/first_frame.py); the window takes its place.
    benchmarks/bench_startup.py times this very path to the first page."""
    if frame is not None:
        load_in_background(frame)
        if frame.closed:  # closed while the program loaded: nothing more to open
            return 0
    opened: object = 1
    try:
        opened = _open_window(args, ask_setup, frame)
    finally:
        if frame is not None and not isinstance(opened, tuple):
            frame.close()  # the start ended before the window: no frame is left behind
    return opened


def _open_window(args: argparse.Namespace, ask_setup: bool | None, frame):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from caseapp.errors import CaseAppError
    from ui.dialogs.passphrase_dialog import unlock
    from ui.i18n import tr
    from ui.shell.backup_hooks import SessionBackups, open_safely, sqlite_file
    from ui.shell.main_window import MainWindow

    if not unlock(sqlite_file(database_arg(args))):  # an encrypted file: its passphrase first
        return 0
    try:
        # A damaged file is never opened silently: say what is wrong, offer the newest backup.
        ctx = open_safely(database_arg(args), lambda: open_context(args))
    except CaseAppError as exc:
        QMessageBox.critical(None, tr("无法打开数据库"), str(exc))
        return 1
    if ctx is None:
        return 1
    _install_excepthook()
    tune_gc()
    if not start_session(ctx, ask_setup=not args.demo if ask_setup is None else ask_setup):
        ctx.db.dispose()
        return 0
    window = MainWindow(ctx)
    if frame is not None:
        from ui.shell.first_frame import hand_over

        hand_over(frame, window)
    else:
        window.show()
    backups = SessionBackups(window, ctx)
    when_first_page_read(ctx, backups.start)  # full check + daily backup, on a worker
    if args.demo:
        QTimer.singleShot(0, lambda: fill_demo(window, ctx))
    return ctx, window, backups


def when_first_page_read(ctx, start, wait_ms: int = FIRST_PAGE_WAIT_MS) -> None:
    """``start()`` once the runner is first idle (the first page has read its rows), or after
    ``wait_ms`` at the latest: the start-up check reads the whole file, which the first page
    does not need, and on a large file it would compete with the page's reads."""
    from PySide6.QtCore import QTimer

    fired: list[bool] = []

    def once() -> None:
        if fired:
            return
        fired.append(True)
        ctx.runner.idle.disconnect(once)
        start()

    ctx.runner.idle.connect(once)
    QTimer.singleShot(wait_ms, once)


def fill_demo(window, ctx, cases: int = DEMO_CASES) -> None:
    """Fill an empty demo database with sample cases, with progress, after the window shows."""
    from caseapp import queries
    from ui.i18n import tr
    from ui.tasks import show_error

    def counted(n: int) -> None:
        if n:
            return
        from caseapp import demo

        def finished(_result=None) -> None:
            ctx.filling = None
            ctx.notify_changed()  # the pages read again, also after a cancel or a failure

        ctx.filling = tr("正在生成演示数据（{0} 件），请稍候…").format(cases)
        ctx.notify_changed()
        demo.name_sample_office(ctx.db, ctx.actor)  # its documents signed by a named office
        ctx.act(window, demo.generate, ctx.db, ctx.actor, cases=cases, seed=1, changed=(),
                job_title=tr("正在生成演示数据"), on_done=finished,
                on_error=lambda exc: (finished(), show_error(window, exc)))

    ctx.runner.run(None, queries.count, ctx.db, queries.CaseFilter(), on_done=counted)


# -- self-test (its checks: ui/self_test.py) ----------------------------------------


def self_test(args: argparse.Namespace) -> int:
    """Open the window, wait for the case lists' first pages, build a summary; one line out.

    What a self-test proves is that this installed copy works on this database: Qt and the
    window's pages start, the file opens at this program's schema, the lists' queries run on
    it and paint a page, and ReportLab with the Chinese fonts writes the summary PDF. None of
    that needs every case read, so every step costs what its answer needs, not the file's
    size (issue #19: 57 s on a 1,000,000-case file before): the first page and the counts are
    read through indexes, and the summary is that of a month before the file's first case
    (the same code and SQL, with nothing to add up). How fast the full lists and this
    month's figures are on a big file is the benchmarks' business (benchmarks/bench_scale.py).
    """
    from ui import self_test as checks

    if lacks_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    ctx = None
    failed = True
    scratch = tempfile.TemporaryDirectory(prefix="casedesk-selftest-settings-")
    try:
        checks.private_settings(scratch.name)
        app = make_app([], language=args.lang)
        from ui.shell.first_frame import hand_over, show_first_frame

        # The start as a clerk's: the first frame (when the file qualifies), then the window.
        checks.show_list_first()
        frame = show_first_frame(database_arg(args), ask_setup=False)
        t_frame = time.perf_counter() - start
        if frame is not None:
            checks.check_frame(frame)
            load_in_background(frame)
        from ui.shell.main_window import MainWindow

        ctx = open_context(args)
        tune_gc()
        window = MainWindow(ctx, remember=False)
        window.show_page("petition")
        if frame is not None:
            hand_over(frame, window)
        else:
            window.show()
        app.processEvents()
        t_window = time.perf_counter() - start
        t0 = time.perf_counter()
        cases = checks.wait_for_lists(app, ctx, window)
        t_list = time.perf_counter() - t0
        ctx.runner.pool.clear()  # the start-up reads not yet begun are not the self-test's
        report = checks.summary_pdf(ctx)
        shown = f"first frame {t_frame:.2f}s" if frame is not None else "no first frame"
        print(f"self-test ok: window {t_window:.2f}s, list {t_list:.2f}s ({cases} cases), "
              f"report {report}, {shown}", flush=True)
        window.close()
        failed = False
        return 0
    except Exception as exc:  # any fault is the answer of a self-test
        log.exception("self-test failed")
        print(f"self-test failed: {checks.reason(exc)}", flush=True)
        return 1
    finally:
        scratch.cleanup()
        if ctx is not None:
            # The window's start-up reads still queued (the full id lists, the filter
            # choices…) are dropped: nobody will look at them. Those still running after a
            # short grace end with the process (checks.leave): the answer is out, and SQLite
            # keeps the file whole whatever a process is doing when it ends.
            ctx.runner.pool.clear()
            if not ctx.runner.pool.waitForDone(checks.GRACE_MS):
                checks.leave(1 if failed else 0)
            ctx.db.dispose()
