"""One look everywhere: Fusion, one light palette, one accent, status colours used the same
way in lists, the case view and the dashboard (red overdue, amber due soon, green closed)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f6feb"
ACCENT_DARK = "#1858bc"
TEXT = "#1f2328"
MUTED = "#656d76"
BORDER = "#d0d7de"
WINDOW = "#f6f8fa"
BASE = "#ffffff"
ALT_BASE = "#f9fafb"

OVERDUE = "#cf222e"
DUE_SOON = "#bf8700"
CLOSED = "#1a7f37"
NEUTRAL = MUTED

STATE_COLOURS = {"overdue": OVERDUE, "due_soon": DUE_SOON, "closed": CLOSED,
                 "ok": TEXT, "none": MUTED}

UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")

STYLE_SHEET = Path(__file__).resolve().parents[1] / "resources" / "style.qss"


def ui_font_family() -> str:
    families = set(QFontDatabase.families())
    for name in UI_FONTS:
        if name in families:
            return name
    return QApplication.font().family()


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: BASE,
        QPalette.ColorRole.AlternateBase: ALT_BASE,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: BASE,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: BASE,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: "#8c959f",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8c959f"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8c959f"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8c959f"))
    app.setPalette(palette)
    font = QFont(ui_font_family())
    font.setPointSizeF(10.0 if sys.platform != "darwin" else 13.0)
    app.setFont(font)
    if STYLE_SHEET.exists():
        icons = (STYLE_SHEET.parent / "icons").as_posix()
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8").replace("@ICONS@", icons))
