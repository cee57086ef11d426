"""Field checks shared by intake, editing and import. Each raises ValueError with a Chinese
message (without the field name: the caller knows which field or column it checked)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar, cast

from caseapp.logs import scrub

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_EXCEL_EPOCH = date(1899, 12, 30)

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$")

_PROVINCES = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82", "83", "91",
}

TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓"}
FALSE_WORDS = {"否", "n", "no", "false", "0", ""}


def parse_date(value: object) -> date | None:
    """A date in any form clerks type or Excel stores; None for blank."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # An Excel serial day number that arrived as a plain number.
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(f"「{value}」不是日期")
    text = str(value).strip()
    if not text:
        return None
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{1,2}-\d{1,2} \d", text) else text
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return date(y, mo, d)
            except ValueError:
                raise ValueError(f"「{text}」不是存在的日期") from None
    raise ValueError(f"「{text}」不是可识别的日期，应写作 2026-03-05、2026/3/5 或 2026年3月5日")


@dataclass(frozen=True)
class IdInfo:
    number: str
    gender: str  # 男 / 女
    birth_date: date


def check_id_number(value: str) -> IdInfo:
    """An 18-character resident ID number (GB 11643) with a valid checksum."""
    text = str(value).strip().upper().replace(" ", "")
    # stdnum's own validate() also looks the region up in a table that lacks some current
    # districts (500102 涪陵区), so check what GB 11643 defines: length, digits, checksum, date.
    # Imported here: stdnum's util module pulls in ssl and pydoc, not needed to start the GUI.
    from stdnum.cn import ric
    from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

    if len(text) != 18:
        raise ValueError("身份证号应为18位")
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise ValueError("身份证号格式不正确（前17位应为数字，末位为数字或X）")
    if text[:2] not in _PROVINCES:
        raise ValueError("身份证号前两位不是有效的省级代码")
    if ric.calc_check_digit(text) != text[17]:
        raise ValueError("身份证号校验位不正确，请核对")
    try:
        birth = ric.get_birth_date(text)
    except (InvalidComponent, InvalidFormat, InvalidLength, InvalidChecksum):
        raise ValueError("身份证号中的出生日期不正确") from None
    if birth > date.today() or birth.year < 1880:
        raise ValueError("身份证号中的出生日期不正确")
    number = text
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdInfo(number, gender, birth)


def check_phone(value: str) -> str:
    text = re.sub(r"[\s（）()]", "", str(value).strip())
    text = text.replace("—", "-").replace("－", "-")
    if text.startswith("+86"):
        text = text[3:]
    if MOBILE.match(text) or LANDLINE.match(text):
        return text
    raise ValueError(f"「{value}」不是有效的手机号或固定电话")


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(f"「{value}」应填 是 或 否")


def parse_people(value: object) -> int | None:
    """A number of people typed at intake or in 编辑: bounded like the import's (issue #16)."""
    return parse_people_bounded(value)


def parse_amount(value: object) -> Decimal | None:
    """An amount typed at intake or in 编辑: bounded like the import's (issue #16)."""
    return parse_amount_bounded(value)


def check_dates(
    received_on: date | None,
    accepted_on: date | None,
    closed_on: date | None,
    rejected: bool = False,
) -> list[tuple[str, str]]:
    """Cross-field date rules: (field, message) for every rule broken."""
    problems = []
    if received_on and accepted_on and accepted_on < received_on:
        problems.append(("accepted_on", "受理日期不能早于登记日期"))
    if closed_on:
        if rejected:
            if received_on and closed_on < received_on:
                problems.append(("closed_on", "办结日期不能早于登记日期"))
        elif accepted_on and closed_on < accepted_on:
            problems.append(("closed_on", "办结日期不能早于受理日期"))
    return problems


def mask_id_number(number: str | None) -> str:
    """500102********123X: region and the last four stay (PIPL: show only what is needed)."""
    if not number:
        return ""
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else "****"


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    if len(phone) >= 11:
        return phone[:3] + "****" + phone[-4:]
    return phone[:-4] + "****" if len(phone) > 4 else "****"


# The mask hides exactly the 8 birth-date digits, so wherever an ID number is masked its birth
# date is hidden too (issue #16): printed as BIRTH_HIDDEN, never exported, not in the case view.
BIRTH_HIDDEN = "****-**-**"


def mask_text(text: str | None) -> str:
    """Free text (摘要, 详细情况, records, notes) with every ID number and phone in it masked,
    as the log file masks them (logs.scrub: 18- and 15-digit IDs, mobiles also with +86,
    landlines with their area code)."""
    return scrub(text) if text else ""


_T = TypeVar("_T")


def masked_copy(value: _T) -> _T:
    """``value`` (a frozen dataclass such as queries.CaseDetail, with its tuples of others) as
    it may be shown where personal data is masked: fields named id_number and phone masked,
    birth_date dropped, every other text through mask_text. Other values are kept."""
    return cast(_T, _masked(value))


def _masked(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for f in fields(value):
            old = getattr(value, f.name)
            if f.name == "id_number":
                new = mask_id_number(old) or None
            elif f.name == "phone":
                new = mask_phone(old) or None
            elif f.name == "birth_date":
                new = None
            else:
                new = _masked(old)
            if new != old:
                changes[f.name] = new
        return replace(value, **changes) if changes else value
    if isinstance(value, str):
        return mask_text(value)
    if type(value) is tuple:  # a NamedTuple is kept as it is
        return tuple(_masked(x) for x in value)
    return value


def mask_name(name: str | None) -> str:
    """张秀英 → 张**, for printouts that list people to superiors."""
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else name


_MASKED_ID = re.compile(r"^\d{6}\*{4,}[0-9Xx]{4}$")
_MASKED_PHONE = re.compile(r"^[\d\-]*\*{4}[\d\-]*$")


def is_masked(value: str | None) -> bool:
    """A value a masked export wrote (500102********123X, 138****5678): no number in it."""
    text = (value or "").strip()
    return "*" in text and bool(_MASKED_ID.match(text) or _MASKED_PHONE.match(text))


# Text a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)"): every export writes
# it as text — in .xlsx as a text cell, in .csv behind an apostrophe (OWASP "CSV injection");
# import takes the apostrophe off again.
FORMULA_START = ("=", "+", "-", "@")


def is_formula_text(value: object) -> bool:
    """True for text a spreadsheet would take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def spreadsheet_text(value: str) -> str:
    """``value`` as a .csv cell that no spreadsheet runs: formula-like text gets an apostrophe."""
    return "'" + value if is_formula_text(value) else value


# Bounded parsing for import (issue #16): the pattern is checked BEFORE converting, so an
# exponent form such as 1e999999 costs nothing and never reaches Decimal or int.
PEOPLE_MAX = 100_000
AMOUNT_MAX = Decimal(10) ** 12
_WHOLE = re.compile(r"^[+-]?\d{1,9}(\.0*)?$")
_MONEY = re.compile(r"^[+-]?\d{1,15}(\.\d*)?$")


def parse_people_bounded(value: object) -> int | None:
    """涉及人数 / 集体访人数 of an import: a whole number 1..PEOPLE_MAX, digits only."""
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, float):
        value = int(value) if value.is_integer() and abs(value) < 1e9 else value
    text = str(value).strip()
    if not _WHOLE.match(text):
        raise ValueError(f"「{text[:20]}」应为整数")
    number = int(text.split(".")[0])
    if number < 1:
        raise ValueError(f"「{text}」应为不小于1的整数")
    if number > PEOPLE_MAX:
        raise ValueError(f"「{text}」超过上限{PEOPLE_MAX}")
    return number


def parse_amount_bounded(value: object) -> Decimal | None:
    """涉及金额 of an import: a decimal 0..AMOUNT_MAX with at most 2 decimals, no exponent."""
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, float) and abs(value) < 1e15:
        value = f"{value:.6f}".rstrip("0").rstrip(".")  # a spreadsheet number, not its repr
    text = str(value).strip().replace(",", "").replace("，", "").removesuffix("元")
    if not _MONEY.match(text):
        raise ValueError(f"「{str(value)[:20]}」不是金额")
    amount = Decimal(text)
    if amount < 0:
        raise ValueError(f"「{value}」应为不小于0的金额")
    if amount >= AMOUNT_MAX:
        raise ValueError(f"「{value}」金额过大")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"「{value}」最多两位小数")
    return amount.quantize(Decimal("0.01"))


INVISIBLE = frozenset("\u200b\u200c\u200d\ufeff\u2060")
# Attachments are opened by double-click: a program or script must not get in under any name.
EXECUTABLE_SUFFIXES = frozenset((
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".msp", ".cpl", ".dll", ".sys",
    ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".ps1", ".psm1", ".lnk", ".url",
    ".reg", ".jar", ".sh", ".app", ".appimage", ".deb", ".rpm", ".apk", ".scf", ".inf",
))


def attachment_name_problem(name: str) -> str | None:
    """Why a file may not be an attachment (a program or script, or a name with direction or
    invisible characters that hides its real type: 笔录\u202efdp.exe shows as 笔录exe.pdf)."""
    if any(ch in BIDI or ch in INVISIBLE or ord(ch) < 32 for ch in name):
        return f"文件名「{name.encode('unicode_escape').decode()}」含有不可见或改变文字方向的字符，请改名后再添加"
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    if suffix in EXECUTABLE_SUFFIXES:
        return f"不能添加程序或脚本文件（{suffix}）作为附件"
    return None
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(value: str, multiline: bool = False) -> str | None:
    """What is wrong with an imported text (control characters, U+FFFD, direction overrides,
    only invisible characters), or None. ``multiline`` allows tab and line breaks."""
    allowed = "\t\n\r" if multiline else ""
    # Most texts hold none of those characters: one regex search instead of a loop per character
    # (the import checks every cell, issue #19); the loop below names the first one found.
    if _SUSPECT.search(value) is None:
        if value and not value.strip(_BLANK):
            return "只有不可见的字符"
        return None
    for i, ch in enumerate(value, start=1):
        if ch == "\ufffd":
            return f"第{i}个字无法识别（�），文件的编码可能不对，请另存为 UTF-8 后再导入"
        if (ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0) and ch not in allowed:
            return f"第{i}个字是不可见的控制字符（U+{ord(ch):04X}）"
        if ch in BIDI:
            return f"第{i}个字是改变文字方向的控制字符（U+{ord(ch):04X}）"
    if value and not value.strip(_BLANK):
        return "只有不可见的字符"
    return None


_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\ufffd" + "".join(sorted(BIDI)) + "]")
_BLANK = "".join(sorted(INVISIBLE)) + " \t\r\n\u3000"
