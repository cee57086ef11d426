"""Finding and registering the faces of the printouts by role (docs/documents.md "Fonts").

GB/T 9704 sets body text in 仿宋, titles in 小标宋 and labels in 黑体. ReportLab embeds only
TrueType-outline fonts, so for each role we look, in order: Windows' 中易 faces (simfang,
simhei, simsun), the 方正 faces offices install (方正小标宋, 方正仿宋, 方正黑体), the CESI faces
统信UOS and 麒麟 ship, then a free TrueType serif (AR PL UMing) for body text before any sans
face. A path in the settings replaces the body face. Last comes ReportLab's built-in
STSong-Light, which is NOT embedded: the printout then carries a visible warning.

When 仿宋 or 小标宋 is missing the printouts use the nearest face and 设置 says so
(``FontSet.missing``); the log says it once. A label whose "bold" face is the body face itself
is drawn with a stroke (``FontSet.fake_bold``), so it still reads bold.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

FALLBACK = "STSong-Light"
FALLBACK_WARNING = "注意：本机未找到可嵌入的中文字体，本文件使用未嵌入的 STSong-Light 字体，在其他电脑上可能显示异常。"

# File names (matched without regard to case) of each role's faces, best first, as
# (file name, subfont index of a .ttc). "preferred" faces are the ones GB/T 9704 names.
FANGSONG = (("simfang.ttf", 0), ("FZFSK.TTF", 0), ("FZFSJW.TTF", 0), ("方正仿宋_GBK.ttf", 0),
            ("方正仿宋简体.ttf", 0), ("FZFangSong-Z02S.ttf", 0), ("FZFangSong-Z02.ttf", 0),
            ("CESI_FS_GB2312.TTF", 0), ("CESI_FS_GB18030.TTF", 0), ("CESI_FS_GB13000.TTF", 0),
            ("STFANGSO.TTF", 0), ("仿宋_GB2312.ttf", 0), ("simfang_gb2312.ttf", 0))
XIAOBIAOSONG = (("FZXBSK.TTF", 0), ("FZXBSJW.TTF", 0), ("方正小标宋_GBK.ttf", 0),
                ("方正小标宋简体.ttf", 0), ("FZXiaoBiaoSong-B05S.ttf", 0),
                ("FZXiaoBiaoSong-B05.ttf", 0), ("STXIAOBIAOSONG.TTF", 0),
                ("CESI_XBS_GB2312.TTF", 0), ("CESI_XBS_GB18030.TTF", 0),
                ("CESI_XBS_GB13000.TTF", 0))
HEITI = (("simhei.ttf", 0), ("FZHTK.TTF", 0), ("FZHTJW.TTF", 0), ("方正黑体_GBK.ttf", 0),
         ("方正黑体简体.ttf", 0), ("FZHei-B01S.ttf", 0), ("CESI_HT_GB2312.TTF", 0),
         ("CESI_HT_GB18030.TTF", 0), ("CESI_HT_GB13000.TTF", 0), ("STHEITI.TTF", 0))
SERIF = (("simsun.ttc", 0), ("simsun.ttf", 0), ("FZSSK.TTF", 0), ("FZSSJW.TTF", 0),
         ("CESI_SS_GB2312.TTF", 0), ("CESI_SS_GB18030.TTF", 0), ("uming.ttc", 0),
         ("ukai.ttc", 0))
SANS = (("msyh.ttc", 0), ("msyh.ttf", 0), ("wqy-microhei.ttc", 0), ("wqy-zenhei.ttc", 0),
        ("NotoSansSC-Regular.ttf", 0), ("SourceHanSansSC-Regular.ttf", 0),
        ("DroidSansFallbackFull.ttf", 0))
SANS_BOLD = (("msyhbd.ttc", 0), ("msyhbd.ttf", 0), ("NotoSansSC-Bold.ttf", 0),
             ("SourceHanSansSC-Bold.ttf", 0))

# Each role's search: (preferred faces, then the nearest ones).
ROLES = {
    "body": (FANGSONG, SERIF + SANS),
    "title": (XIAOBIAOSONG, HEITI + SANS_BOLD + SANS),
    "bold": (HEITI, SANS_BOLD + SANS),
}
ROLE_LABELS = {"body": "正文（仿宋）", "title": "标题（小标宋）", "bold": "标签（黑体）"}
MISSING_LABELS = {"body": "仿宋", "title": "小标宋", "bold": "黑体"}

LINUX_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/fonts-cesi",
              "/opt/apps/fonts", "/opt/kingsoft/wps-office/office6/fonts",
              str(Path.home() / ".local/share/fonts"), str(Path.home() / ".fonts"),
              "/System/Library/Fonts", "/Library/Fonts")


@dataclass(frozen=True)
class Face:
    """The face a role got: the name registered with ReportLab, the file, its family name."""

    name: str
    path: str
    family: str
    preferred: bool  # the face GB/T 9704 names for the role, not the nearest one


@dataclass(frozen=True)
class FontSet:
    """The font names registered with ReportLab: body text, labels and titles."""

    body: str
    bold: str
    embedded: bool
    source: str  # the body face's path, or the fallback's name
    title: str = ""
    faces: dict[str, Face] = field(default_factory=dict)  # role → face
    fake_bold: bool = False  # the bold face is the body face: labels are stroked
    missing: tuple[str, ...] = ()  # 仿宋, 小标宋, 黑体 not found on this machine

    @property
    def warning(self) -> str | None:
        return None if self.embedded else FALLBACK_WARNING

    @property
    def title_font(self) -> str:
        return self.title or self.bold

    @property
    def notice(self) -> str:
        """What 设置 says when a face GB/T 9704 names is missing ("" when all are there)."""
        if not self.embedded:
            return FALLBACK_WARNING
        wanted = [m for m in self.missing if m in ("仿宋", "小标宋")]
        if not wanted:
            return ""
        return (f"本机未安装{'、'.join(wanted)}字体，文书暂用相近字体印制；"
                "如需符合公文格式，请安装后重新打开本程序。")


_cache: dict[tuple, FontSet] = {}
_index_cache: dict[tuple[str, ...], dict[str, Path]] = {}
_warned: set[tuple] = set()


def search_dirs() -> list[Path]:
    """Where to look. CASEAPP_FONT_DIRS (os.pathsep-separated) replaces the system folders:
    tests point it at a folder of their own."""
    override = os.environ.get("CASEAPP_FONT_DIRS")
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p and Path(p).is_dir()]
    dirs = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [Path(d) for d in LINUX_DIRS]
    return [d for d in dirs if d.is_dir()]


def _index(dirs: list[Path]) -> dict[str, Path]:
    """Every font file under ``dirs`` by its lower-cased name (the first found wins)."""
    key = tuple(str(d) for d in dirs)
    if key not in _index_cache:
        found: dict[str, Path] = {}
        for d in dirs:
            for root, _subdirs, files in os.walk(d):
                for name in files:
                    if name.lower().endswith((".ttf", ".ttc", ".otf")):
                        found.setdefault(name.lower(), Path(root) / name)
        _index_cache[key] = found
    return _index_cache[key]


def _register(name: str, path: Path, index: int) -> str | None:
    """Register the face; its family name, or None when ReportLab cannot embed it."""
    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        family = pdfmetrics.getFont(name).face.familyName
        return family.decode("utf-8", "replace") if isinstance(family, bytes) else str(family)
    except (TTFError, OSError, Exception) as exc:  # a CFF-outline or damaged font
        log.warning("font %s not usable: %s", path.name, exc)
        return None


def _first(files: dict[str, Path], candidates, preferred: bool) -> Face | None:
    for file_name, index in candidates:
        path = files.get(file_name.lower())
        if path is None:
            continue
        name = f"CD-{path.stem}-{index}"
        family = _register(name, path, index)
        if family is not None:
            return Face(name, str(path), family, preferred)
    return None


def chinese_fonts(settings_path: str = "") -> FontSet:
    """Register and return the best faces this machine has for each role (cached)."""
    dirs = search_dirs()
    key = (settings_path, tuple(str(d) for d in dirs))
    if key in _cache:
        return _cache[key]
    files = _index(dirs)
    faces: dict[str, Face] = {}
    if settings_path and Path(settings_path).is_file():
        path = Path(settings_path)
        family = _register(f"CD-{path.stem}-0", path, 0)
        if family is not None:
            faces["body"] = Face(f"CD-{path.stem}-0", str(path), family, True)
    for role, (best, near) in ROLES.items():
        if role not in faces:
            face = _first(files, best, True) or _first(files, near, False)
            if face is not None:
                faces[role] = face
    if not faces:
        if FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
        log.warning("no embeddable Chinese font found; using %s", FALLBACK)
        result = FontSet(FALLBACK, FALLBACK, False, FALLBACK, title=FALLBACK,
                         fake_bold=True, missing=("仿宋", "小标宋", "黑体"))
        _cache[key] = result
        return result
    body = faces.get("body") or faces.get("bold") or faces["title"]
    bold = faces.get("bold") or body
    title = faces.get("title") or bold
    faces = {"body": body, "bold": bold, "title": title}
    missing = tuple(MISSING_LABELS[r] for r, f in faces.items() if not f.preferred)
    if missing and key not in _warned:
        _warned.add(key)
        log.warning("GB/T 9704 faces missing (%s); using the nearest ones", ", ".join(missing))
    addMapping(body.name, 0, 0, body.name)
    addMapping(body.name, 1, 0, bold.name)
    addMapping(body.name, 0, 1, body.name)
    addMapping(body.name, 1, 1, bold.name)
    result = FontSet(body.name, bold.name, True, body.path, title=title.name, faces=faces,
                     fake_bold=bold.path == body.path, missing=missing)
    _cache[key] = result
    return result


def font_roles(settings_path: str = "") -> list[tuple[str, str, str]]:
    """(role label, face family, file) for 设置's read-only box, body first."""
    fonts = chinese_fonts(settings_path)
    if not fonts.faces:
        return [(ROLE_LABELS[r], f"{FALLBACK}（未嵌入）", "") for r in ROLE_LABELS]
    rows = []
    for role, label in ROLE_LABELS.items():
        face = fonts.faces[role]
        family = face.family + ("" if face.preferred else "（相近字体）")
        if role == "bold" and fonts.fake_bold:
            family += "，描边加粗"
        rows.append((label, family, face.path))
    return rows
