"""Typed errors that carry a Chinese message a clerk can read (docs/design.md rule 7)."""

from __future__ import annotations

from dataclasses import dataclass


class CaseAppError(Exception):
    """Base of every error meant for a person. ``str(err)`` is the Chinese message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the field (or column) and what is wrong with it."""

    field: str
    message: str
    row: int | None = None  # spreadsheet row for imports (header = row 1)

    def __str__(self) -> str:
        if self.row is not None:
            return f"第{self.row}行 {self.field}: {self.message}"
        return f"{self.field}: {self.message}"


class ValidationError(CaseAppError):
    """The input was refused; ``problems`` names every field that is wrong."""

    def __init__(self, problems: list[Problem] | Problem | str, field: str = ""):
        if isinstance(problems, str):
            problems = [Problem(field, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("；".join(str(p) for p in self.problems) or "输入有误")

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]


class WorkflowError(CaseAppError):
    """The act is not allowed for the case in its present state."""


class PermissionDenied(CaseAppError):
    """The acting user's role does not allow the act."""


class NotFound(CaseAppError):
    """A case, person or file that was asked for does not exist."""


class StaleEdit(CaseAppError):
    """The case was changed by someone else since it was opened."""


class StorageError(CaseAppError):
    """The database cannot be opened, read or written."""
