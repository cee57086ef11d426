"""The user's data folder, where the database, backups, logs and printouts live by default.
A leaf: imports nothing of caseapp."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "CaseDesk"


def data_dir() -> Path:
    """The user's data folder (%LOCALAPPDATA%\\CaseDesk on Windows); CASEAPP_HOME overrides."""
    home = os.environ.get("CASEAPP_HOME")
    if home:
        path = Path(home)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    # Owner-only when this creates it (0700 on POSIX): the database and backups live in it.
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path
