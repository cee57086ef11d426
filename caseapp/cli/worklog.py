"""`caseapp worklog import FILE | list`: the 排查台账 / 安保维稳 work log (docs/domain.md §9)."""

from __future__ import annotations

import argparse
import re
from datetime import date, timedelta

from caseapp.cli.common import EXIT_OK, acting_user, open_db


def _month(text: str) -> tuple[date, date]:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"「{text}」不是月份，应写作 2026-03")
    year, month = int(m.group(1)), int(m.group(2))
    first = date(year, month, 1)
    return first, date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def add_parser(sub, parser_class, date_arg) -> None:
    from caseapp import workflow as wf

    p = sub.add_parser("worklog", help="排查台账：导入台账记录、列出记录")
    work = p.add_subparsers(dest="worklog_command", metavar="ACTION", parser_class=parser_class)
    work.required = True
    c = work.add_parser("import", help="从 .xlsx 或 .csv 导入台账记录（全部成功或全部不导入）")
    c.add_argument("file", help="文件（列：日期,类型,范围,参加人员,发现纠纷数,说明）")
    c = work.add_parser("list", help="列出台账记录（最新的在前）")
    c.add_argument("--month", type=_month, metavar="YYYY-MM", help="只列出这个月的记录")
    c.add_argument("--from", dest="date_from", type=date_arg, help="日期起")
    c.add_argument("--to", dest="date_to", type=date_arg, help="日期止")
    c.add_argument("--type", choices=wf.WORKLOG_TYPES, help="只列出这一类型")
    c.add_argument("--street", help="只列出这个街镇")


def cmd_worklog(args) -> int:
    from caseapp import exchange, queries

    # Like import and stats: writing may upgrade the file, reading never does.
    database = open_db(args, upgrade=args.worklog_command == "import")
    if args.worklog_command == "import":
        count = exchange.import_worklog_file(database, acting_user(args, database), args.file)
        print(f"已导入 {count} 条台账记录")
        return EXIT_OK
    date_from, date_to = args.month if args.month else (args.date_from, args.date_to)
    flt = queries.WorkLogFilter(date_from=date_from, date_to=date_to, type=args.type,
                                street=args.street)
    rows = queries.list_worklog(database, flt)
    for r in rows:
        print("\t".join((r.day.isoformat(), r.type_text, r.area, r.participants or "",
                         str(r.found), r.note or "")))
    print(f"共 {len(rows)} 条", end="")
    print(f"，发现纠纷 {sum(r.found for r in rows)} 件")
    return EXIT_OK
