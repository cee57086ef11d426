"""`caseapp calendar show YEAR | import FILE | recompute`: the office's rest-day calendar."""

from __future__ import annotations

import calendar as month_grid
import sys
from datetime import date

from caseapp import calendar as cal_rules
from caseapp.cli.common import EXIT_OK, EXIT_REFUSED, acting_user, open_db
from caseapp.errors import ValidationError

WEEK_HEAD = "一  二  三  四  五  六  日"
MARKS = {cal_rules.REST: "休", cal_rules.WORK: "班"}


def add_parser(sub, parser_class) -> None:
    p = sub.add_parser("calendar", help="节假日：查看某年、导入节假日安排、重新计算期限")
    cal = p.add_subparsers(dest="calendar_command", metavar="ACTION", parser_class=parser_class)
    cal.required = True
    c = cal.add_parser("show", help="按月显示某年的休息日和调休上班日")
    c.add_argument("year", type=int, help="年份，如 2026")
    c.add_argument("--csv", action="store_true", help="以导入文件的格式（CSV）输出")
    c = cal.add_parser("import", help="从 .csv 或 .json 导入节假日安排（文件中的年份整年替换）")
    c.add_argument("file", help="文件（列：日期,类型,名称；类型为 休 或 班）")
    cal.add_parser("recompute", help="按现行期限设置和节假日重新计算未结案件的期限")


def month_lines(cal: cal_rules.Calendar, year: int, month: int) -> list[str]:
    """One month as text: the day numbers, 休/班 after a marked day, * after a weekend."""
    lines = [f"{year}年{month}月".center(28), WEEK_HEAD]
    for week in month_grid.Calendar().monthdayscalendar(year, month):
        cells = []
        for n in week:
            if not n:
                cells.append("    ")
                continue
            d = date(year, month, n)
            mark = next((MARKS[r.kind] for r in cal.days_of(year) if r.day == d), "")
            cells.append(f"{n:>2}{mark or ('·' if cal_rules.is_weekend(d) else ' ')}")
        lines.append(" ".join(cells).rstrip())
    return lines


def show_text(cal: cal_rules.Calendar, year: int) -> str:
    out = []
    if not cal.knows(year):
        out.append(f"注意：{year} 年没有节假日数据，期限只按周末顺延。请在 设置 → 节假日 添加，"
                   "或用 caseapp calendar import 导入。")
    out.append(f"{year} 年（休 = 放假，班 = 调休上班，· = 周末）")
    for month in range(1, 13):
        out.append("")
        out += month_lines(cal, year, month)
    if cal.days_of(year):
        out.append("")
        out += [f"{name or '（未命名）'} {'放假' if kind == cal_rules.REST else '调休上班'}：{span}"
                for name, kind, span in runs(cal.days_of(year))]
    return "\n".join(out)


def runs(rows: list[cal_rules.CalendarDay]) -> list[tuple[str, str, str]]:
    """(name, kind, text) per run of consecutive days of one name and kind."""
    out: list[tuple[str, str, list[date]]] = []
    for r in rows:
        last = out[-1] if out else None
        if last and last[0] == r.name and last[1] == r.kind and (r.day - last[2][-1]).days == 1:
            last[2].append(r.day)
        else:
            out.append((r.name, r.kind, [r.day]))
    return [(name, kind, days[0].isoformat() if len(days) == 1 else
             f"{days[0].isoformat()} 至 {days[-1].isoformat()}（{len(days)}天）")
            for name, kind, days in out]


def cmd_calendar(args) -> int:
    from caseapp import services

    database = open_db(args)
    if args.calendar_command == "show":
        cal = database.calendar()
        if args.csv:
            sys.stdout.write(services.calendar_csv(cal.days_of(args.year)))
        else:
            print(show_text(cal, args.year))
        return EXIT_OK
    actor = acting_user(args, database)
    if args.calendar_command == "recompute":
        count = services.recompute_due(database, actor)
        print(f"已重新计算期限：{count} 件未结案件的期限有变化")
        return EXIT_OK
    try:
        rows = services.read_calendar_file(args.file)
    except ValidationError as exc:
        print(f"{args.file} 有问题，未导入：", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem.message}", file=sys.stderr)
        return EXIT_REFUSED
    change = services.import_days(database, actor, rows, source=str(args.file))
    years = "、".join(str(y) for y in change.years)
    print(f"已导入 {len(rows)} 天（{years} 年整年替换）；{change.recomputed} 件未结案件的期限有变化")
    return EXIT_OK
