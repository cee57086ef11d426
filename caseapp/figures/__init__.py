"""Figures: every statistic defined once, as SQL (stats), the figures as values (model), what
the dashboard shows (dashboard), a superior's .xlsx form filled with them (forms, placeholders), and the
benchmarks' hand-written baseline (baseline).
Reads storage and queries; never writes the database."""
