"""A case document by case number and document key, for the command line and tests."""

from __future__ import annotations

import os
from pathlib import Path

from caseapp.reports.case_common import find_case
from caseapp.reports.documents import DOCUMENTS, document, render
from caseapp.storage.db import Database

DOCS = tuple(DOCUMENTS)


def render_case_document(db: Database, number: str, doc: str, path: str | os.PathLike, *,
                         mask: bool = False) -> Path:
    """Write document ``doc`` (a key of ``documents.DOCUMENTS``) of case ``number``."""
    document(doc)  # an unknown key is refused before the number is looked up
    return render(db, find_case(db, number), doc, path, mask=mask)
