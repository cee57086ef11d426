"""The pick lists the case forms offer: active categories, streets, handlers and mediators."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp import workflow as wf
from caseapp.queries.case_list import distinct_values
from caseapp.queries.lookups import list_categories
from caseapp.storage.db import Database


@dataclass(frozen=True)
class Choices:
    categories: tuple[str, ...]
    dispute_categories: tuple[str, ...]
    streets: tuple[str, ...]
    handlers: tuple[str, ...]
    mediators: tuple[str, ...]

    @classmethod
    def defaults(cls, kind: str) -> Choices:
        """The built-in categories and empty lists, until the office's are read."""
        cats = (wf.DEFAULT_PETITION_CATEGORIES if kind == wf.Kind.PETITION.value
                else wf.DEFAULT_DISPUTE_CATEGORIES)
        return cls(cats, wf.DEFAULT_DISPUTE_CATEGORIES, (), (), ())


def load_choices(db: Database, kind: str) -> Choices:
    """The office's active categories of ``kind`` (and of disputes, for 转人民调解), its
    streets, handlers and mediators."""
    settings = db.settings()
    categories = tuple(c.name for c in list_categories(db, kind, include_retired=False))
    if kind == wf.Kind.DISPUTE.value:
        dispute_categories = categories
    else:
        dispute_categories = tuple(
            c.name for c in list_categories(db, wf.Kind.DISPUTE.value, include_retired=False))
    # Handlers the office listed, then any others already in use (the combos stay editable).
    handlers = tuple(dict.fromkeys(tuple(settings.handlers)
                                   + tuple(distinct_values(db, "handler"))))
    return Choices(categories, dispute_categories, tuple(settings.streets), handlers,
                   tuple(settings.mediators))


__all__ = ["Choices", "load_choices"]
