"""SQL functions that SQLite and PostgreSQL spell differently, compiled for each dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class day_number(FunctionElement[Any]):
    """A date as a number whose differences are days (for RANGE windows over dates):
    julianday() on SQLite, days since 1970-01-01 on PostgreSQL."""

    type = Integer()
    inherit_cache = True
    name = "day_number"


@compiles(day_number)
def _day_number_sqlite(element, compiler, **kw):
    return f"julianday({compiler.process(element.clauses, **kw)})"


@compiles(day_number, "postgresql")
def _day_number_postgresql(element, compiler, **kw):
    return f"(({compiler.process(element.clauses, **kw)}) - DATE '1970-01-01')"


class greatest(FunctionElement[Any]):
    """The largest of its arguments (not an aggregate): SQLite's two-argument max(),
    PostgreSQL's greatest(). Give it no NULL (coalesce first): the two treat NULL apart."""

    inherit_cache = True
    name = "greatest"

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.type = self.clauses.clauses[0].type


@compiles(greatest)
def _greatest_sqlite(element, compiler, **kw):
    return f"max({compiler.process(element.clauses, **kw)})"


@compiles(greatest, "postgresql")
def _greatest_postgresql(element, compiler, **kw):
    return f"greatest({compiler.process(element.clauses, **kw)})"
