"""Shared fixtures. QT_QPA_PLATFORM is set before any QApplication exists (docs/design.md rule 10)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from caseapp.storage.migrate import open_database


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never touch the real data folder or a CASEAPP_DB of the machine."""
    monkeypatch.setenv("CASEAPP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("CASEAPP_DB", raising=False)


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "cases.db")
    yield database
    database.dispose()


@pytest.fixture
def actor(db):
    return db.local_user_id()
