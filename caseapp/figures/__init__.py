"""Figures: every statistic defined once (stats), the dashboard's series, filled forms.
Reads storage; never writes."""
