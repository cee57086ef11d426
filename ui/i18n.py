"""Every UI string goes through tr() (docs/design.md rule 9). The source language is Chinese;
Qt Linguist files in resources/translations carry other languages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, context: str = "CaseDesk", n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)
