"""The office's document wording overrides (reports/wording.py), one JSON row of the settings
table: template key -> text. Outside OfficeSettings so that saving the other settings never
writes back a stale copy of them."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from caseapp.storage.models import Setting

KEY = "document_templates"


def load_templates(session: Session) -> dict[str, str]:
    row = session.get(Setting, KEY)
    if row is None:
        return {}
    value = json.loads(row.value)
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def store_templates(session: Session, templates: dict[str, str]) -> None:
    text = json.dumps(dict(sorted(templates.items())), ensure_ascii=False)
    row = session.get(Setting, KEY)
    if row is None:
        session.add(Setting(key=KEY, value=text))
    else:
        row.value = text
