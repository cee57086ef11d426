"""`caseapp encrypt` and `caseapp decrypt` (issue #16, item 8), and asking for the passphrase
of an encrypted database in a terminal."""

from __future__ import annotations

import getpass
import logging
import os
import sys
from pathlib import Path

from caseapp.cli.common import EXIT_OK, EXIT_REFUSED, open_db, require_full_personal
from caseapp.errors import StorageError
from caseapp.storage import encryption

log = logging.getLogger("caseapp.cli")
MIN_LENGTH = 8


def ask_passphrase(path: Path) -> str | None:
    """The passphrase typed at a terminal (not echoed); None when nobody is there to type."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"数据库「{path.name}」的口令：") or None


def add_parsers(sub) -> None:
    p = sub.add_parser("encrypt", help="加密数据库文件（口令取自环境变量 CASEAPP_PASSPHRASE，"
                                       "或在终端输入两次；口令丢失则数据无法找回）")
    p.add_argument("--keep-plain", action="store_true",
                   help="另存一份未加密的原文件（不建议：任何拿到它的人都能读取）")
    p = sub.add_parser("decrypt", help="把加密的数据库还原为未加密的文件（交给技术支持时用）")
    p.add_argument("--to", type=Path, metavar="FILE",
                   help="只把未加密的副本写到这里，数据库本身保持加密（推荐）")
    p.add_argument("--keep-encrypted", action="store_true", help="另存一份加密的原文件")


def _file(args) -> Path:
    from caseapp.storage.db import resolve_url

    url = resolve_url(args.db)
    if not url.startswith("sqlite:///"):
        raise StorageError("只有 SQLite 数据库文件可以加密；服务器数据库请用服务器自己的加密")
    path = Path(url[len("sqlite:///"):])
    if not path.exists():
        raise StorageError(f"找不到数据库文件：{path}")
    return path


def _new_passphrase() -> str:
    given = os.environ.get(encryption.PASSPHRASE_ENV)
    if given is None:
        if not sys.stdin.isatty():
            raise StorageError(f"请在环境变量 {encryption.PASSPHRASE_ENV} 中给出口令，或在终端中运行")
        given = getpass.getpass("新口令：")
        if getpass.getpass("再输入一次：") != given:
            raise StorageError("两次输入的口令不一致，数据库没有改动")
    if len(given) < MIN_LENGTH:
        raise StorageError(f"口令至少 {MIN_LENGTH} 个字符，数据库没有改动")
    return given


def _plain_backups(root: Path, stem: str) -> int:
    from caseapp.storage.backup import FOLDERS
    from caseapp.storage.files import named_backups

    return sum(1 for folder in FOLDERS for path, _w in named_backups(root / folder, stem)
               if not encryption.is_encrypted(path))


def cmd_encrypt(args) -> int:
    from caseapp.storage.backup import root_for_file

    path = _file(args)
    if encryption.is_encrypted(path):
        print(f"{path} 已经是加密的数据库。", file=sys.stderr)
        return EXIT_REFUSED
    encryption.dbapi()  # says how to install the component before asking for anything
    database = open_db(args)  # brought to the current schema, and an admin's act
    try:
        require_full_personal(args, database)
    finally:
        database.dispose()
    root = root_for_file(path)
    key = _new_passphrase()
    kept = encryption.encrypt_file(path, key, keep_plain=args.keep_plain)
    log.info("database encrypted: %s", path)
    print(f"已加密：{path}。以后打开它需要这个口令；口令丢失，数据无法找回。"
          "请把口令写在纸上封存于办公室保险柜。")
    if kept:
        print(f"未加密的原文件保存在 {kept}：任何拿到它的人都能读取，确认无误后请删除。")
    plain = _plain_backups(root, path.stem)
    if plain:
        print(f"注意：备份文件夹（{root}）中还有 {plain} 个未加密的旧备份，它们仍可被读取。"
              "请先运行 caseapp backup 做一份加密的备份，确认可以恢复后删除旧备份。")
    print("附件文件夹中的附件没有加密（见 docs/security.md「加密存储」）。")
    return EXIT_OK


def cmd_decrypt(args) -> int:
    path = _file(args)
    if not encryption.is_encrypted(path):
        print(f"{path} 没有加密。", file=sys.stderr)
        return EXIT_REFUSED
    database = open_db(args)  # asks for the passphrase; a wrong one stops here
    try:
        require_full_personal(args, database)
    finally:
        database.dispose()
    key = encryption.passphrase_for(path)
    written = encryption.decrypt_file(path, key, keep_encrypted=args.keep_encrypted, to=args.to)
    log.info("database decrypted: %s", path)
    if args.to is not None:
        print(f"未加密的副本已写到 {written}；数据库本身仍是加密的。用完请删除副本。")
    else:
        print(f"已还原为未加密的文件：{path}。任何拿到它的人都能读取。")
        if written:
            print(f"加密的原文件保存在 {written}")
    return EXIT_OK
