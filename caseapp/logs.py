"""A rotating log file in the data folder. Personal data never reaches it (PIPL): a filter
masks anything shaped like an ID number (18 or 15 digits), a mobile (+86 too) or a landline with
its area code, whatever the caller logged.
A leaf: the caller names the data folder (caseapp.paths.data_dir)."""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

_ID = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
_OLD_ID = re.compile(r"(?<!\d)(\d{6})\d{6}(\d{3})(?!\d)")  # the 15-digit first generation
# A mobile, also as +86 / 0086 / 86- 138 1234 5678 (spaces or dashes between the groups).
_PHONE = re.compile(r"(?<!\d)((?:(?:\+|00)?86[\s-]?)?1[3-9]\d)([\s-]?)\d{4}([\s-]?\d{4})(?!\d)")
# A landline with its area code: 023-12345678, (023)12345678, （023）12345678, 02312345678.
_LANDLINE = re.compile(r"(?<!\d)([(（]?0[1-9]\d{1,2}[)）]?[\s-]?\d{3,4})\d{4}(?!\d)")
_handler: RotatingFileHandler | None = None


def scrub(text: str) -> str:
    text = _ID.sub(r"\1********\2", text)
    text = _OLD_ID.sub(r"\1******\2", text)
    text = _PHONE.sub(r"\1\2****\3", text)
    return _LANDLINE.sub(r"\1****", text)


class ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        return True


def log_file(data_folder: Path) -> Path:
    return Path(data_folder) / "logs" / "caseapp.log"


def setup_logging(data_folder: Path, level: int = logging.INFO) -> None:
    """Idempotent: one handler on the root logger (writing into ``data_folder``/logs),
    never on the console."""
    global _handler
    path = log_file(data_folder)
    if _handler is not None and Path(_handler.baseFilename) == path:
        return
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        _handler = None  # a read-only data folder must not stop the program
        return
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _handler.addFilter(ScrubFilter())
    root.addHandler(_handler)
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
