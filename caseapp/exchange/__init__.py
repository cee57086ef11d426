"""The exchange file: columns, import (all rows or none) and export.

This package's public names, so callers write `exchange.name(...)`; its modules
import each other directly, never through this file."""

from caseapp.exchange.files import (  # noqa: F401
    ALL_HEADERS,
    BATCH,
    EXTRA_HEADERS,
    HEADERS,
    LABELS,
    MAX_PROBLEMS,
    REQUIRED,
    RESPONDENT,
    ImportRefused,
    ImportResult,
    export_file,
    import_file,
    read_rows,
    run_export,
    run_import,
)
