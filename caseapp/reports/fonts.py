"""Finding and registering a Chinese font for ReportLab (docs/design.md "Chinese text in PDFs").

ReportLab embeds only TrueType-outline fonts. We look, in order: the path in settings;
Windows' own fonts; WenQuanYi Micro Hei on Linux; other TrueType CJK fonts we know; last,
ReportLab's built-in STSong-Light, which is NOT embedded: the printout then carries a
visible warning, because another computer may show it with a different font or not at all.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

FALLBACK = "STSong-Light"
FALLBACK_WARNING = "注意：本机未找到可嵌入的中文字体，本文件使用未嵌入的 STSong-Light 字体，在其他电脑上可能显示异常。"

# (file name, subfont index of a .ttc, role). Roles: "body" (仿宋/宋体), "bold" (黑体), "any".
WINDOWS_FONTS = (
    ("simfang.ttf", 0, "body"),
    ("simsun.ttc", 0, "body"),
    ("simhei.ttf", 0, "bold"),
    ("msyh.ttc", 0, "any"),
    ("msyhbd.ttc", 0, "bold"),
)
LINUX_FONTS = (
    ("wqy-microhei.ttc", 0, "any"),
    ("wqy-zenhei.ttc", 0, "any"),
    ("NotoSansSC-Regular.ttf", 0, "any"),
    ("SourceHanSansSC-Regular.ttf", 0, "any"),
    ("DroidSansFallbackFull.ttf", 0, "any"),
    ("arphic/uming.ttc", 0, "body"),
)
LINUX_DIRS = ("/usr/share/fonts/truetype", "/usr/share/fonts", "/usr/local/share/fonts",
              str(Path.home() / ".local/share/fonts"), str(Path.home() / ".fonts"),
              "/System/Library/Fonts", "/Library/Fonts")


@dataclass(frozen=True)
class FontSet:
    """The font names registered with ReportLab for body text and headings."""

    body: str
    bold: str
    embedded: bool
    source: str  # a path, or the fallback's name

    @property
    def warning(self) -> str | None:
        return None if self.embedded else FALLBACK_WARNING


_cache: dict[tuple, FontSet] = {}


def _search_dirs() -> list[Path]:
    """Where to look. CASEAPP_FONT_DIRS (os.pathsep-separated) replaces the system folders:
    tests point it at an empty folder to prove the fallback works."""
    override = os.environ.get("CASEAPP_FONT_DIRS")
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [Path(d) for d in LINUX_DIRS]
    return [d for d in dirs if d.is_dir()]


def _find(dirs: list[Path], file_name: str) -> Path | None:
    for d in dirs:
        direct = d / file_name
        if direct.is_file():
            return direct
        for found in d.rglob(Path(file_name).name):
            return found
    return None


def _register(name: str, path: Path, index: int) -> bool:
    if name in pdfmetrics.getRegisteredFontNames():
        return True
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        return True
    except (TTFError, OSError, Exception) as exc:  # a CFF-outline or damaged font
        log.warning("font %s not usable: %s", path.name, exc)
        return False


def chinese_fonts(settings_path: str = "") -> FontSet:
    """Register and return the best fonts this machine has (cached per search)."""
    dirs = _search_dirs()
    key = (settings_path, tuple(str(d) for d in dirs))
    if key in _cache:
        return _cache[key]
    found: dict[str, tuple[Path, int]] = {}
    if settings_path and Path(settings_path).is_file():
        found["body"] = found["bold"] = (Path(settings_path), 0)
    candidates = WINDOWS_FONTS + LINUX_FONTS
    for file_name, index, role in candidates:
        if "body" in found and "bold" in found:
            break
        path = _find(dirs, file_name)
        if path is None:
            continue
        roles = ("body", "bold") if role == "any" else (role,)
        for r in roles:
            found.setdefault(r, (path, index))
    if found:
        body_path, body_index = found.get("body") or found["bold"]
        bold_path, bold_index = found.get("bold") or found["body"]
        body = _font_name(body_path, body_index)
        bold = _font_name(bold_path, bold_index)
        if _register(body, body_path, body_index) and _register(bold, bold_path, bold_index):
            addMapping(body, 0, 0, body)
            addMapping(body, 1, 0, bold)
            addMapping(body, 0, 1, body)
            addMapping(body, 1, 1, bold)
            result = FontSet(body, bold, True, str(body_path))
            _cache[key] = result
            return result
    if FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    log.warning("no embeddable Chinese font found; using %s", FALLBACK)
    result = FontSet(FALLBACK, FALLBACK, False, FALLBACK)
    _cache[key] = result
    return result


def _font_name(path: Path, index: int) -> str:
    return f"CD-{path.stem}-{index}"
