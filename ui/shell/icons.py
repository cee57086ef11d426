"""The window's icons, drawn from the Font Awesome font qtawesome ships without importing
qtawesome: its qtpy layer imports every Qt module it wraps (~0.5 s of every start)."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

FONTS = {"fa5s": "fontawesome5-solid-webfont-5.15.4"}  # prefix → font file, as qtawesome's
COLOR = "#424a53"
COLOR_ACTIVE = "#1858bc"  # hovered or selected


def fonts_dir() -> Path | None:
    """qtawesome's fonts folder (find_spec locates the package without running it; in the
    frozen build it is the collected data folder)."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@cache
def glyph_font(prefix: str) -> tuple[str, dict[str, str]] | None:
    """(family, name → hex code point) of a prefix's font, loaded once; None when missing."""
    folder, stem = fonts_dir(), FONTS.get(prefix)
    if folder is None or stem is None:
        return None
    name, version = stem.rsplit("-", 1)
    charmap = folder / f"{name}-charmap-{version}.json"
    font_id = QFontDatabase.addApplicationFont(str(folder / f"{stem}.ttf"))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families or not charmap.exists():
        return None
    return families[0], json.loads(charmap.read_text(encoding="utf-8"))


class GlyphEngine(QIconEngine):
    """One glyph, painted at any size in the colour of its mode (as qtawesome's text draw:
    7/8 of the height, centred)."""

    def __init__(self, family: str, char: str):
        super().__init__()
        self.family, self.char = family, char

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if mode == QIcon.Mode.Disabled:
            color = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                    QPalette.ColorRole.Text)
        else:
            color = QColor(COLOR_ACTIVE if mode in (QIcon.Mode.Active, QIcon.Mode.Selected)
                           else COLOR)
        painter.save()
        font = QFont(self.family)
        font.setPixelSize(max(1, round(0.875 * rect.height())))
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphEngine(self.family, self.char)


def icon(name: str) -> QIcon:
    """The icon qtawesome calls ``name`` ("fa5s.home"); qtawesome itself only for a font not
    found here; an empty icon when neither has it (icons are decoration)."""
    prefix, _, glyph = name.partition(".")
    font = glyph_font(prefix)
    if font is not None and glyph in font[1]:
        return QIcon(GlyphEngine(font[0], chr(int(font[1][glyph], 16))))
    try:
        import qtawesome as qta

        return qta.icon(name, color=COLOR, color_active=COLOR_ACTIVE)
    except Exception:
        return QIcon()
