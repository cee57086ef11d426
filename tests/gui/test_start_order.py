"""What the start does after the window shows: the backup check waits for the first page's
reads (ui.app.when_first_page_read), so it never competes with them."""

from __future__ import annotations

import threading


def test_the_check_starts_once_the_first_reads_are_done(qtbot, ctx):
    from ui.app import when_first_page_read

    started: list[bool] = []
    release = threading.Event()
    ctx.runner.run(None, release.wait, 30)  # the first page's read, still running
    when_first_page_read(ctx, lambda: started.append(True), wait_ms=60_000)
    qtbot.wait(100)
    assert started == []  # not while the page reads
    release.set()
    qtbot.waitUntil(lambda: started == [True], timeout=10_000)
    ctx.runner.run(None, lambda: None)  # later reads do not start it again
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=10_000)
    qtbot.wait(50)
    assert started == [True]


def test_the_check_starts_anyway_when_nothing_reads(qtbot, ctx):
    from ui.app import when_first_page_read

    started: list[bool] = []
    when_first_page_read(ctx, lambda: started.append(True), wait_ms=50)
    qtbot.waitUntil(lambda: started == [True], timeout=10_000)
    qtbot.wait(100)
    assert started == [True]


def test_no_collection_while_the_start_builds(monkeypatch, tmp_path):
    """ui.app.run keeps the garbage collector off while it imports and builds (the start's
    objects are never garbage), tune_gc turns it on, and it is on again after any start."""
    import gc

    from ui import app

    monkeypatch.setenv("CASEAPP_HOME", str(tmp_path))
    thresholds = gc.get_threshold()
    seen = []

    def opened(args, frame=None):
        seen.append(gc.isenabled())
        app.tune_gc()
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(app, "make_app", lambda argv, language=None: None)
    monkeypatch.setattr(app, "open_window", opened)
    assert gc.isenabled()
    assert app.run([]) == 0
    assert seen == [False, True] and gc.isenabled()
    monkeypatch.setattr(app, "open_window", lambda args, frame=None: 1 / 0)
    try:
        app.run([])
    except ZeroDivisionError:
        pass
    assert gc.isenabled()  # also after a start that failed
    gc.unfreeze()  # tune_gc froze this test process's objects and set its thresholds
    gc.set_threshold(*thresholds)
