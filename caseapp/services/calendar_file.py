"""The small file a year's rest days are imported from (docs/domain.md §4): CSV or JSON with
the columns 日期, 类型 (休 / 班) and 名称; a 日期 may be a range 2027-10-01~2027-10-07.
Every refusal names its row."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from caseapp import calendar as cal_rules
from caseapp.calendar import CalendarDay
from caseapp.errors import Problem, ValidationError

MAX_BYTES = 1_000_000
MAX_ROWS = 2000
MAX_RANGE = 31  # days in one range: a holiday is never longer
HEADERS = ("日期", "类型", "名称")
KIND_WORDS = {"休": cal_rules.REST, "放假": cal_rules.REST, "休息": cal_rules.REST,
              "班": cal_rules.WORK, "上班": cal_rules.WORK, "调休上班": cal_rules.WORK}
RANGE_MARKS = ("~", "～", "至")
SHOW = 20  # problems listed before 「等」


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"日期「{text.strip()}」应为 YYYY-MM-DD，如 2027-10-01") from None


def parse_row(values: dict) -> list[CalendarDay]:
    """One row's days; ValueError with the Chinese reason."""
    text = str(values.get("日期") or "").strip()
    if not text:
        raise ValueError("日期必须填写")
    first = last = None
    for mark in RANGE_MARKS:
        if mark in text:
            a, b = text.split(mark, 1)
            first, last = _day(a), _day(b)
            break
    if first is None:
        first = last = _day(text)
    assert last is not None
    if last < first:
        raise ValueError(f"日期范围「{text}」的结束早于开始")
    if (last - first).days >= MAX_RANGE:
        raise ValueError(f"日期范围「{text}」超过{MAX_RANGE}天")
    if first.year != last.year:
        raise ValueError(f"日期范围「{text}」跨年，请分成两行")
    word = str(values.get("类型") or "").strip()
    kind = KIND_WORDS.get(word)
    if kind is None:
        raise ValueError(f"类型「{word}」应为「休」（放假）或「班」（调休上班）")
    name = str(values.get("名称") or "").strip()
    if len(name) > 32:
        raise ValueError("名称不能超过32字")
    days = cal_rules.expand(first, last, kind, name)
    if kind == cal_rules.WORK:
        weekday = [d.day for d in days if not cal_rules.is_weekend(d.day)]
        if weekday:
            raise ValueError(f"{weekday[0].isoformat()} 本来就是工作日，不需要标为调休上班")
    return days


def _records(text: str, suffix: str) -> list[tuple[str, dict]]:
    """(where, values) per row of the file: 第N行 of a CSV (the header is row 1), 第N项 of a
    JSON list."""
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(Problem("file", f"JSON 格式有误（第{exc.lineno}行）")) from None
        if isinstance(data, dict):
            data = data.get("days")
        if not isinstance(data, list):
            raise ValidationError(Problem("file", "JSON 文件应为一个列表：[{\"日期\": …, \"类型\": …}]"))
        return [(f"第{i}项", item if isinstance(item, dict) else {})
                for i, item in enumerate(data, start=1)]
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    missing = [h for h in HEADERS[:2] if h not in header]
    if missing:
        raise ValidationError(Problem("file", f"第1行（表头）缺少列：{'、'.join(missing)}；"
                                              f"表头应为 {','.join(HEADERS)}"))
    return [(f"第{n}行", dict(zip(header, row, strict=False)))
            for n, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row)]


def parse_calendar_text(text: str, suffix: str = ".csv") -> list[CalendarDay]:
    """Every day of the file, or ValidationError naming each bad row (and a day given twice)."""
    records = _records(text.lstrip("\ufeff"), suffix.lower())
    if len(records) > MAX_ROWS:
        raise ValidationError(Problem("file", f"文件超过{MAX_ROWS}行，不像节假日安排"))
    problems: list[Problem] = []
    seen: dict[date, str] = {}
    out: list[CalendarDay] = []
    for where, values in records:
        try:
            days = parse_row(values)
        except ValueError as exc:
            problems.append(Problem("file", f"{where}：{exc}"))
            continue
        for d in days:
            if d.day in seen:
                problems.append(Problem("file", f"{where}：{d.day.isoformat()} 已在{seen[d.day]}出现"))
                break
            seen[d.day] = where
        out += days
    if problems:
        more = [Problem("file", f"等共 {len(problems)} 处问题")] if len(problems) > SHOW else []
        raise ValidationError(problems[:SHOW] + more)
    if not out:
        raise ValidationError(Problem("file", "文件中没有日期"))
    return out


def read_calendar_file(path: str | Path) -> list[CalendarDay]:
    """Read and parse a .csv or .json file (UTF-8)."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".json"):
        raise ValidationError(Problem("file", "节假日文件应为 .csv 或 .json"))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError(Problem("file", "文件超过1MB，不像节假日安排"))
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError(Problem("file", "文件应为 UTF-8 编码")) from None
    except OSError as exc:
        raise ValidationError(Problem("file", f"无法读取文件：{exc.strerror or exc}")) from None
    return parse_calendar_text(text, path.suffix)


def calendar_csv(rows: list[CalendarDay]) -> str:
    """A year's rows in the import format (one row per day), for `caseapp calendar show --csv`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADERS)
    for r in rows:
        writer.writerow([r.day.isoformat(), r.kind, r.name])
    return out.getvalue()
