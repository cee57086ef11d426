"""设置 → 文书模板: an office's own wording of a document (reports/wording.py), set or restored
to the shipped text, each one act with its event."""

from __future__ import annotations

from caseapp import workflow as wf
from caseapp.errors import ValidationError
from caseapp.reports.wording import TEMPLATES, check_text
from caseapp.services.events import add_event
from caseapp.services.guard import require
from caseapp.storage.db import Database
from caseapp.storage.doc_templates import load_templates, store_templates


def document_templates(db: Database) -> dict[str, str]:
    """The office's overrides (template key -> text); a key absent prints the shipped text."""
    with db.read() as session:
        return load_templates(session)


def _change(db: Database, actor: int, key: str, text: str | None, note: str) -> None:
    with db.write() as session:
        user = require(session, actor, wf.Act.SETTINGS)
        stored = load_templates(session)
        old = stored.get(key)
        if text is None:
            stored.pop(key, None)
        else:
            stored[key] = text
        if stored.get(key) == old:
            return
        store_templates(session, stored)
        add_event(session, None, user.id, "settings_changed",
                  {f"template:{key}": (old, stored.get(key))}, note=note)


def set_template(db: Database, actor: int, key: str, text: str) -> None:
    """The office's text for template ``key``: refused (ValidationError, field ``text``) when
    empty, when a brace is unpaired or a placeholder is unknown (named). The shipped text
    itself is stored as no override."""
    text = (text or "").strip("\n")
    problems = check_text(key, text)
    if problems:
        raise ValidationError(problems)
    t = TEMPLATES[key]
    value = None if text.strip() == t.default else text
    _change(db, actor, key, value, f"文书模板「{t.label}」已修改")


def restore_template(db: Database, actor: int, key: str) -> None:
    """Template ``key`` back to the shipped text."""
    problems = check_text(key, TEMPLATES[key].default if key in TEMPLATES else "")
    if problems:
        raise ValidationError(problems)
    _change(db, actor, key, None, f"文书模板「{TEMPLATES[key].label}」已恢复默认")
