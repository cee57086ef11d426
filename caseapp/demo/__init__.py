"""Realistic sample data for demos, screenshots and benchmarks.

This package's public names, so callers write `demo.name(...)`; its modules
import each other directly, never through this file."""

from caseapp.demo.generator import (  # noqa: F401
    CHUNK,
    YEARS,
    DemoResult,
    generate,
    run_demo,
)
from caseapp.demo.office import SAMPLE_OFFICE, name_sample_office  # noqa: F401
from caseapp.demo.rows import CASE_KEYS  # noqa: F401
