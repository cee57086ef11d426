"""Figures: every statistic defined once, as SQL (stats), the figures as values (model), what
the dashboard shows (dashboard). Reads storage; never writes."""
