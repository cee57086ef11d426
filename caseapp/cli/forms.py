"""The form command: ``caseapp report form TEMPLATE.xlsx --from D --to D -o OUT.xlsx`` fills a
superior's form (docs/forms.md); ``--template NAME`` or TEMPLATE as a shipped name picks one of
the program's own, ``--list`` prints the shipped templates and every placeholder."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from caseapp.cli.common import EXIT_OK, EXIT_USAGE, acting_user, open_db


def add_parser(reports, date_arg: Callable[[str], date]) -> None:
    """The ``form`` subcommand under ``caseapp report``."""
    r = reports.add_parser("form", help="填报模板：把统计数字填入上级下发的 Excel 表格（.xlsx）")
    r.add_argument("template_file", nargs="?", metavar="TEMPLATE.xlsx",
                   help="含 {{…}} 占位符的模板文件，或随程序提供的模板名称")
    r.add_argument("--template", metavar="NAME", help="随程序提供的模板名称，如 矛盾纠纷排查情况表")
    r.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD")
    r.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD")
    r.add_argument("--as-of", dest="as_of", type=date_arg, default=None,
                   help="按哪一天计算超期等期限指标（默认今天）")
    r.add_argument("-o", "--output", type=Path, metavar="OUT.xlsx")
    r.add_argument("--list", action="store_true", help="列出随程序提供的模板和所有占位符")


def cmd_form(args: argparse.Namespace) -> int:
    from caseapp.figures import forms, stats
    from caseapp.figures.placeholders import known_placeholders
    from caseapp.services import audit

    if args.list:
        print("随程序提供的模板：")
        for name in forms.shipped_templates():
            print(f"  {name}")
        print("\n占位符：")
        database = open_db(args, upgrade=False)
        today = date.today()
        fig = stats.figures(database, *stats.month_range(today.year, today.month), today)
        for k in known_placeholders(fig.to_dict()):
            print(f"  {k.placeholder}\t{k.alias}\t{k.meaning}")
        return EXIT_OK
    template = args.template or args.template_file
    if not template or (args.template and args.template_file):
        print("用法错误：请给出一个模板（TEMPLATE.xlsx 或 --template NAME）", file=sys.stderr)
        return EXIT_USAGE
    missing = [flag for flag, value in (("--from", args.date_from), ("--to", args.date_to),
                                        ("-o", args.output)) if value is None]
    if missing:
        print(f"用法错误：缺少 {'、'.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    database = open_db(args, upgrade=False)
    actor = acting_user(args, database)
    filled = forms.fill_form(database, template, args.date_from, args.date_to, args.output,
                             today=args.as_of)
    audit.record_printout(database, actor, f"填报模板 {forms.template_path(template).stem}"
                                           f"（{forms.period_text(args.date_from, args.date_to)}）")
    print(f"已填写 {len(filled.cells)} 个单元格：{filled.path}")
    return EXIT_OK
