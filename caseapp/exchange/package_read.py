"""Reading a 上报包 and checking it whole before anything is written: a damaged, truncated or
foreign package (another program's zip, another schema revision) is refused with its reason.

Public names: ``read_package`` and ``Package`` (the rows, decoded to the column types).
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Numeric, Table

from caseapp.exchange.package import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEMBERS,
    REFERENCES,
    PackageRefused,
    carried,
    checksum,
    member_name,
)
from caseapp.storage.migrate import HEAD

# Far above any office's package (a year of a busy office is a few MB); a zip that unpacks to
# more is not one of ours.
MAX_BYTES = 4 * 1024 ** 3
DAMAGED = "上报包已损坏或不完整"


@dataclass
class Package:
    path: Path
    office_code: str
    office_name: str
    created_at: datetime
    schema: str
    checksum: str
    rows: dict[str, list[dict]] = field(default_factory=dict)  # member key -> decoded rows


def _decoder(table: Table, name: str) -> Callable[[Any], Any]:
    kind = table.c[name].type
    if isinstance(kind, DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(kind, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(kind, Numeric):
        return lambda v: None if v is None else Decimal(v)
    return lambda v: v


def _decoders(key: str) -> dict[str, Callable[[Any], Any]]:
    out = {name: _decoder(MEMBERS[key], name) for name in carried(key)}
    out.update({ref: (lambda v: v) for ref in REFERENCES.get(key, ("case",))})
    return out


def _manifest(zf: zipfile.ZipFile) -> dict:
    if MANIFEST not in zf.namelist():
        raise PackageRefused("这不是 CaseDesk 上报包（缺少 manifest.json），未导入任何内容")
    try:
        manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise PackageRefused(f"{DAMAGED}（清单无法读取：{exc}），未导入任何内容") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageRefused("这不是 CaseDesk 上报包（清单的格式标记不符），未导入任何内容")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise PackageRefused(f"上报包的格式版本（{version}）比本程序新，请先升级本程序")
    return manifest


def read_package(path: str | os.PathLike) -> Package:
    """The package at ``path``, every member checked against the manifest and the manifest
    against its checksum; PackageRefused (a Chinese reason) when anything is off."""
    path = Path(path)
    if not path.is_file():
        raise PackageRefused(f"找不到文件：{path}")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise PackageRefused(f"{DAMAGED}（不是完整的压缩文件，可能没有传完），未导入任何内容") from exc
    with zf:
        manifest = _manifest(zf)
        if checksum(manifest) != manifest.get("checksum"):
            raise PackageRefused(f"{DAMAGED}：校验和不符（SHA-256），内容在传送或保存中被改动，"
                                 "未导入任何内容。请让单位重新导出")
        schema = manifest.get("schema")
        if schema != HEAD:
            raise PackageRefused(
                f"上报包来自数据库版本 {schema}，本数据库为版本 {HEAD}：请两边使用同一版本的"
                "程序（先升级较旧的一方），再导出、导入")
        office = manifest.get("office") or {}
        code, name = str(office.get("code") or "").strip(), str(office.get("name") or "")
        if not code:
            raise PackageRefused("上报包没有单位编码，无法与区里的单位对应。请单位" +
                                 "设定单位编码后重新导出（caseapp export --package 文件 --office-code 编码）")
        files = manifest.get("files") or {}
        if sum(int(f.get("bytes", 0)) for f in files.values()) > MAX_BYTES:
            raise PackageRefused("上报包过大，不像 CaseDesk 上报包，未导入任何内容")
        package = Package(path, code, name, datetime.fromisoformat(manifest["created_at"]),
                          schema, manifest["checksum"])
        for key in MEMBERS:
            package.rows[key] = _member(zf, key, files.get(member_name(key)))
    return package


def _member(zf: zipfile.ZipFile, key: str, entry: dict | None) -> list[dict]:
    name = member_name(key)
    if entry is None or name not in zf.namelist():
        raise PackageRefused(f"{DAMAGED}：缺少 {name}，未导入任何内容")
    try:
        data = zf.read(name)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise PackageRefused(f"{DAMAGED}：{name} 无法读取（{exc}），未导入任何内容") from exc
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise PackageRefused(f"{DAMAGED}：{name} 的校验和不符，未导入任何内容")
    decoders = _decoders(key)
    rows: list[dict] = []
    for number, line in enumerate(data.decode("utf-8").splitlines(), 1):
        try:
            raw = json.loads(line)
            rows.append({k: decode(raw[k]) for k, decode in decoders.items()})
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise PackageRefused(f"上报包内容有误：{name} 第{number}行（{exc}），未导入任何内容") from exc
    if len(rows) != entry.get("rows"):
        raise PackageRefused(f"{DAMAGED}：{name} 的行数与清单不符，未导入任何内容")
    return rows
