"""The Qt binding itself must not leak: PySide6 6.12.0 on Python 3.11 dropped a reference
to None on every call returning nothing, and a long session died ("deallocating None")."""

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("办结")
        qapp.processEvents()
    after = sys.getrefcount(None)
    # Other code may take or drop a few references meanwhile; a leak loses thousands.
    assert after > before - 200, (before, after)
