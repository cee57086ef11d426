"""Stamps the version of setup.cfg into the Windows build: build/version.iss for the Inno Setup
script (AppVersion) and build/version_info.txt for PyInstaller (the .exe files' properties).
Refuses when caseapp.__version__ says otherwise, so `caseapp --version`, the .exe and the
installer never disagree.

    python packaging/stamp_version.py
"""

import configparser
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"

VERSION_INFO = """# UTF-8 - made by packaging/stamp_version.py
VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'CaseDesk'),
      StringStruct('FileDescription', 'CaseDesk 信访与调解案件管理'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('ProductName', 'CaseDesk'),
      StringStruct('ProductVersion', '{version}'),
      StringStruct('LegalCopyright', 'MIT License')])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def version() -> str:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    value = cfg["metadata"]["version"].strip()
    init = (ROOT / "caseapp" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__ = "([^"]+)"', init, re.M)
    if not m or m[1] != value:
        raise SystemExit(f"setup.cfg says {value}, caseapp/__init__.py says {m and m[1]}")
    if not re.fullmatch(r"\d+\.\d+\.\d+", value):
        raise SystemExit(f"version {value!r} is not N.N.N (Windows needs four numbers from it)")
    return value


def main() -> int:
    value = version()
    nums = tuple(int(n) for n in value.split(".")) + (0,)
    BUILD.mkdir(exist_ok=True)
    (BUILD / "version.iss").write_text(f'#define AppVersion "{value}"\n', encoding="utf-8")
    (BUILD / "version_info.txt").write_text(VERSION_INFO.format(nums=nums, version=value),
                                            encoding="utf-8")
    print(f"version {value}: build/version.iss, build/version_info.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
