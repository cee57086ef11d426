"""The user's own settings (QSettings): window state, column widths, choices made once. Light
(Qt's core only), so that the first frame (ui/shell/first_frame.py) reads them before the
program has loaded; office settings live in the database."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings

SKIP_SETUP_KEY = "accounts/skipSetup"


def user_settings() -> QSettings:
    """The user's settings; the format argument makes QSettings.setDefaultFormat() count (the
    (org, app) constructor always uses NativeFormat), so tests keep them out of $HOME."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "CaseDesk", "CaseDesk")


def skip_setup_key(display_name: str) -> str:
    """The setting that says the office chose 不再提示 for the admin account's setup, per file."""
    return f"{SKIP_SETUP_KEY}/{hashlib.sha1(display_name.encode()).hexdigest()[:12]}"
