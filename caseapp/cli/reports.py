"""The printout command: ``caseapp report monthly | annual | case``."""

from __future__ import annotations

import sys

from caseapp.cli.common import EXIT_OK, EXIT_USAGE, acting_user, open_db


def cmd_report(args) -> int:
    from caseapp.reports import summary
    from caseapp.services import audit

    if args.output.suffix.lower() != ".pdf":
        print("输出文件须为 .pdf", file=sys.stderr)
        return EXIT_USAGE
    database = open_db(args, upgrade=False)
    actor = acting_user(args, database)
    if args.report == "monthly":
        year, month = args.month
        path = summary.monthly_report(database, year, month, args.output)
        audit.record_printout(database, actor, f"{year}年{month}月统计报表")
    elif args.report == "annual":
        path = summary.annual_report(database, args.year, args.output)
        audit.record_printout(database, actor, f"{args.year}年度统计报告")
    else:
        # ID numbers and phones masked unless an admin asks for them in full (logged).
        path = audit.print_case_document(database, actor, args.number, args.doc, args.output,
                                         full_personal=args.full_personal,
                                         force=args.force)
    print(f"已生成：{path}")
    return EXIT_OK
