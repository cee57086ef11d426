"""Reusable widgets only (forms, charts, PDF preview, lazily loaded pages): no page logic."""
