"""Dialogs, one module (or folder) per family: intake, acts, import, backup, log-in."""
