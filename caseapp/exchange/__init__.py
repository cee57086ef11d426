"""The exchange file: columns, reading, checking and importing rows (all rows or none), export;
the work log's file; the 上报包 (package, package_read, package_import).

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
from caseapp.exchange.package import (  # noqa: F401
    PackageInfo,
    PackageRefused,
    export_package,
    package_office,
    run_export_package,
)
from caseapp.exchange.package_import import (  # noqa: F401
    PackageResult,
    import_package,
    run_import_package,
)
from caseapp.exchange.package_read import Package, read_package  # noqa: F401
from caseapp.exchange.reading import ImportRefused, read_rows  # noqa: F401
from caseapp.exchange.worklog_file import (  # noqa: F401
    export_worklog,
    import_worklog_file,
    read_worklog_file,
)
