"""A case document by case number and document type, for the command line and tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from caseapp.errors import Problem, ValidationError
from caseapp.reports.agreement import agreement
from caseapp.reports.case_common import find_case
from caseapp.reports.case_sheet import case_sheet
from caseapp.reports.notices import notice
from caseapp.storage.db import Database

DOCS = ("sheet", "agreement", "notice")


def render_case_document(db: Database, number: str, doc: str, path: str | os.PathLike) -> Path:
    """Write document ``doc`` ("sheet", "agreement" or "notice") of case ``number``."""
    makers: dict[str, Callable[[Database, int, str | os.PathLike], Path]] = {
        "sheet": case_sheet, "agreement": agreement, "notice": notice}
    if doc not in makers:
        raise ValidationError(Problem("doc", f"文书类型应为：{'、'.join(DOCS)}"))
    return makers[doc](db, find_case(db, number), path)
