"""Renders packaging/casedesk.svg into build/icons/: PNGs for the desktop entry (Linux) and
casedesk.ico for the Windows executables and installer. Run before the PyInstaller build.

    python packaging/make_icons.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - Qt needs one
    renderer = QSvgRenderer(str(ROOT / "packaging" / "casedesk.svg"))
    if not renderer.isValid():
        raise SystemExit("casedesk.svg is not a valid SVG")
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        if not image.save(str(OUT / f"casedesk-{size}.png")):
            raise SystemExit(f"could not write casedesk-{size}.png")
        if size == 256 and not image.save(str(OUT / "casedesk.ico"), "ICO"):
            raise SystemExit("could not write casedesk.ico (Qt's ico image plugin)")
    print(f"icons in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
