"""Encryption at rest (issue #16, item 8): SQLCipher connections keyed with the office
passphrase, the passphrase this process uses, and turning a plain file into an encrypted one
and back (``caseapp encrypt`` / ``caseapp decrypt``).

The key is derived by SQLCipher itself from the passphrase (``PRAGMA key``): PBKDF2-HMAC-SHA512,
256,000 iterations, a random 16-byte salt at the start of the file; pages are AES-256-CBC with
an HMAC-SHA512 per page. An encrypted file has no ``SQLite format 3`` header, so without the key
it cannot be told from damage: both are named to the user. This module imports only the
standard library and caseapp.errors, so files.py may use it without an import circle.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from caseapp.errors import StorageError

PASSPHRASE_ENV = "CASEAPP_PASSPHRASE"
SQLITE_HEADER = b"SQLite format 3\x00"
KDF_ITERATIONS = 256000  # SQLCipher 4's default, stated here for the docs and the tests
WRONG = "口令不正确"
NOT_INSTALLED = ("这是加密的数据库（或已损坏的文件）。本机没有安装加密组件，"
                 "请安装 casedesk[encryption]（pip install sqlcipher3）")
NEEDED = "这是加密的数据库，请输入口令（或设置环境变量 CASEAPP_PASSPHRASE）"
BUSY_TIMEOUT_S = 15.0


class WrongPassphrase(StorageError):
    """The passphrase does not open the file (or the file is damaged: SQLCipher cannot tell)."""

    def __init__(self, message: str = WRONG):
        super().__init__(message)


class PassphraseNeeded(StorageError):
    """An encrypted file and no passphrase given."""

    def __init__(self, message: str = NEEDED):
        super().__init__(message)


_state: dict[str, Any] = {"passphrase": None, "asker": None}


def dbapi():
    """sqlcipher3's DB-API module; StorageError when it is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise StorageError(NOT_INSTALLED) from exc
    return dbapi2


def available() -> bool:
    try:
        dbapi()
    except StorageError:
        return False
    return True


def errors() -> tuple[type[Exception], ...]:
    """The exception classes a database connection may raise, SQLCipher's included."""
    try:
        return (sqlite3.Error, dbapi().Error)
    except StorageError:
        return (sqlite3.Error,)


def is_encrypted(path: str | os.PathLike) -> bool:
    """A non-empty file without SQLite's header: encrypted (or damaged: only the key tells)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError:
        return False
    return len(header) > 0 and header != SQLITE_HEADER


# ---------------------------------------------------------------------------
# The passphrase of this process: given (GUI dialog, tests), from CASEAPP_PASSPHRASE, or asked.


def use_passphrase(passphrase: str | None) -> None:
    """The passphrase every encrypted file of this process is opened with (None: forget it)."""
    _state["passphrase"] = passphrase or None


def set_asker(asker: Callable[[Path], str | None] | None) -> None:
    """How to ask for a passphrase when none is known (the CLI's getpass)."""
    _state["asker"] = asker


def known_passphrase() -> str | None:
    return _state["passphrase"] or os.environ.get(PASSPHRASE_ENV) or None


def passphrase_for(path: Path) -> str:
    """The passphrase to open ``path`` with: given, from the environment, or asked once."""
    known = known_passphrase()
    if known:
        return known
    asker = _state["asker"]
    answer = asker(path) if asker is not None else None
    if not answer:
        raise PassphraseNeeded()
    return answer  # kept (use_passphrase) only once it has opened the file


def _quote(passphrase: str) -> str:
    if not passphrase or "\x00" in passphrase:
        raise WrongPassphrase("口令不能为空，也不能含有不可见的控制字符")
    return "'" + passphrase.replace("'", "''") + "'"


_raw_keys: dict[tuple[str, bytes], str] = {}


def _key_pragma(path: Path, passphrase: str) -> str:
    """PRAGMA key's value for ``path``. An existing file's key is derived once per salt (its
    first 16 bytes) exactly as SQLCipher does, and then given raw: every further connection
    to it (the engine's pool, listing and checking backups) skips the 256,000 iterations."""
    quoted = _quote(passphrase)
    try:
        with open(path, "rb") as fh:
            salt = fh.read(16)
    except OSError:
        salt = b""
    if len(salt) < 16 or salt == SQLITE_HEADER:
        return quoted  # a new file: SQLCipher draws the salt and derives the key itself
    raw = _raw_keys.get((passphrase, salt))
    if raw is None:
        raw = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ITERATIONS, 32).hex()
        _raw_keys[(passphrase, salt)] = raw
    return f"\"x'{raw}'\""


# ---------------------------------------------------------------------------
# Connections.


def connect(path: str | os.PathLike, passphrase: str, *, uri: str | None = None,
            readonly: bool = False, check_same_thread: bool = True):
    """A SQLCipher connection to ``path`` keyed with ``passphrase`` and proved to open it
    (WrongPassphrase otherwise). ``uri``: open this ``file:`` URI instead (read-only flags);
    ``readonly``: ``mode=ro&immutable=1``, as files.connect reads a backup."""
    mod = dbapi()
    if readonly and uri is None:
        uri = f"file:{Path(path).as_posix()}?mode=ro&immutable=1"
    target = uri if uri is not None else str(path)
    conn = mod.connect(target, uri=uri is not None, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                       check_same_thread=check_same_thread)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" on stderr
        conn.execute(f"PRAGMA key = {_key_pragma(Path(path), passphrase)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except mod.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise WrongPassphrase() from None
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def opens(path: str | os.PathLike, passphrase: str | None = None) -> bool:
    """``path`` opens with ``passphrase`` (default: the known one); never raises."""
    key = passphrase or known_passphrase()
    if not key or not available():
        return False
    try:
        connect(path, key, readonly=True).close()
    except (StorageError,) + errors():
        return False
    return True


def check_passphrase(path: str | os.PathLike, passphrase: str) -> None:
    """WrongPassphrase unless ``passphrase`` opens the encrypted file ``path``."""
    connect(path, passphrase, readonly=True).close()


# ---------------------------------------------------------------------------
# caseapp encrypt / caseapp decrypt: export into a new file, verify, swap.


def _count(conn, schema: str = "main") -> int:
    return conn.execute(f"SELECT count(*) FROM {schema}.cases WHERE deleted_at IS NULL").fetchone()[0]


def _private_new(path: Path) -> None:
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _keep_name(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}-{label}-{stamp}{path.suffix}")


def encrypt_file(path: str | os.PathLike, passphrase: str, keep_plain: bool = False) -> Path | None:
    """Turn the plain database ``path`` into an encrypted one, in place. Returns where the
    plain file was kept (``keep_plain``), else None. See _convert for the order of steps."""
    path = Path(path)
    if is_encrypted(path):
        raise StorageError(f"{path} 已经是加密的数据库（或不是 SQLite 文件）")
    _quote(passphrase)
    return _convert(path, source_key=None, target_key=passphrase,
                    keep=_keep_name(path, "未加密") if keep_plain else None)


def decrypt_file(path: str | os.PathLike, passphrase: str, keep_encrypted: bool = False,
                 to: str | os.PathLike | None = None) -> Path | None:
    """Turn the encrypted ``path`` back into a plain file (for a support handover). ``to``:
    write the plain copy there and leave ``path`` as it is. Returns the plain file written
    elsewhere (``to``) or where the encrypted file was kept, else None."""
    path = Path(path)
    if not is_encrypted(path):
        raise StorageError(f"{path} 不是加密的数据库")
    if to is not None:
        target = Path(to).absolute()
        if target.exists():
            raise StorageError(f"{target} 已存在，请换一个文件名")
        _convert(path, source_key=passphrase, target_key="", keep=None, target=target)
        return target
    return _convert(path, source_key=passphrase, target_key="",
                    keep=_keep_name(path, "加密") if keep_encrypted else None)


def _convert(path: Path, source_key: str | None, target_key: str, keep: Path | None,
             target: Path | None = None) -> Path | None:
    """sqlcipher_export ``path`` into ``<path>.convert.part`` keyed with ``target_key`` ('' =
    plain), check it (quick_check, equal case counts), then put it in place with one rename.
    The source is switched to journal_mode=DELETE first: that needs every other connection
    closed (so nobody writes while it is copied) and folds the -wal, which would otherwise
    keep pages of the old form beside the new file. On any failure the part file is removed
    and ``path`` is as it was: there is never a half-written file under either name."""
    mod = dbapi()
    part = (target or path).with_name((target or path).name + ".convert.part")
    conn = None
    try:
        _private_new(part)
        conn = connect(path, source_key) if source_key else mod.connect(
            str(path), timeout=1.0, isolation_level=None)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except mod.OperationalError:
            mode = ""
        if str(mode).lower() != "delete":
            raise StorageError("数据库正在被使用：请先关闭所有电脑上的 CaseDesk，再运行本命令")
        before = _count(conn)
        conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(part), target_key))
        conn.execute("SELECT sqlcipher_export('converted')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA converted.user_version = {int(version)}")
        check = conn.execute("PRAGMA converted.quick_check").fetchone()[0]
        after = _count(conn, "converted")
        conn.execute("DETACH DATABASE converted")
        if check != "ok" or after != before:
            raise StorageError(f"转换后的文件检查未通过（案件 {after} 件，原有 {before} 件），"
                               "原文件没有改动")
        conn.close()
        conn = None
        _fsync(part)
        if target is not None:
            os.replace(part, target)
            return None
        if keep is not None:
            try:
                os.link(path, keep)  # the old file as it is, under a second name, instantly
            except OSError:
                import shutil

                shutil.copyfile(path, keep)
                _fsync(keep)
        os.replace(part, path)  # the one step that switches: old or new, never half
        for suffix in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        return keep
    except mod.Error as exc:
        raise StorageError(f"转换数据库失败：{exc}，原文件没有改动") from exc
    except OSError as exc:
        raise StorageError(f"转换数据库失败：{exc.strerror or exc}，原文件没有改动") from exc
    finally:
        if conn is not None:
            conn.close()
        part.unlink(missing_ok=True)
