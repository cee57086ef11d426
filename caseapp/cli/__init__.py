"""The `caseapp` command line: argument parsing and one function per command; calls services,
queries, figures, exchange and reports, never the GUI."""

from caseapp.cli.main import main  # noqa: F401
