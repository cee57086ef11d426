"""The exchange file: columns, reading, checking and importing rows (all rows or none), export;
the work log's file.

This package's public names, so callers write `exchange.name(...)`; its modules
import each other directly, never through this file."""

from caseapp.exchange.columns import (  # noqa: F401
    ALL_HEADERS,
    BATCH,
    EXTRA_HEADERS,
    HEADERS,
    LABELS,
    MAX_PROBLEMS,
    REQUIRED,
    RESPONDENT,
)
from caseapp.exchange.exporter import export_file, run_export  # noqa: F401
from caseapp.exchange.importer import ImportResult, import_file, run_import  # noqa: F401
from caseapp.exchange.reading import ImportRefused, read_rows  # noqa: F401
from caseapp.exchange.worklog_file import (  # noqa: F401
    export_worklog,
    import_worklog_file,
    read_worklog_file,
)
