"""The ``caseapp`` command line (docs/domain.md section 7): its arguments, the table of
commands, ``main`` and ``caseapp stats``; the other commands are in caseapp/cli/data.py,
reports.py, forms.py and accounts.py.

Exit status: 0 done, 1 the input or the data was refused (the message says why, in Chinese),
2 usage error. No traceback reaches a user: details go to the log file.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from caseapp import __version__
from caseapp.cli import accounts as cli_accounts
from caseapp.cli import calendar as cli_calendar
from caseapp.cli import encryption as cli_encryption
from caseapp.cli import find as cli_find
from caseapp.cli import forms as cli_forms
from caseapp.cli import offices as cli_offices
from caseapp.cli import worklog as cli_worklog
from caseapp.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, close_databases, open_db
from caseapp.cli.data import (
    cmd_backup,
    cmd_check,
    cmd_demo,
    cmd_export,
    cmd_import,
    cmd_init,
    cmd_restore,
)
from caseapp.cli.reports import cmd_report
from caseapp.errors import CaseAppError, ValidationError
from caseapp.logs import log_file, setup_logging
from caseapp.paths import data_dir

if TYPE_CHECKING:
    from caseapp.figures.model import Figures

log = logging.getLogger("caseapp.cli")


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese messages and exit status 2 for usage errors."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"用法错误：{message}\n")


def _date_arg(text: str) -> date:
    from caseapp.validation import parse_date

    try:
        value = parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if value is None:
        raise argparse.ArgumentTypeError("日期不能为空")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是整数") from None
    if value < 0:
        raise argparse.ArgumentTypeError("应为不小于0的整数")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="caseapp", description="CaseDesk 信访与调解案件管理 命令行")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="数据库文件路径或 SQLAlchemy 地址（默认：环境变量 CASEAPP_DB，"
                             "否则为用户数据文件夹中的 casedesk.db）")
    parser.add_argument("--version", action="version", version=f"caseapp {__version__}")
    parser.add_argument("--user", metavar="NAME",
                        help="以此用户操作（已设置登录账户时必填；密码取自环境变量 "
                             "CASEAPP_PASSWORD，或标准输入，或在终端输入）")
    parser.add_argument("--office", dest="scope_office", metavar="CODE",
                        help="只看、只登记这个单位（区级数据库中可查看多个单位的用户使用；"
                             "单位代码或编号，见 caseapp office list）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    sub.add_parser("init", help="创建或升级数据库")

    p = sub.add_parser("demo", help="添加示例数据")
    p.add_argument("--cases", type=_positive, default=1000, help="案件数（默认 1000）")
    p.add_argument("--seed", type=int, default=1, help="随机种子（相同种子生成相同数据）")

    p = sub.add_parser("import", help="从 .xlsx 或 .csv 导入案件（全部成功或全部不导入）")
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--package", type=Path, metavar="FILE",
                   help="导入单位的上报包（区里用；可重复导入，较新的案件替换旧的）")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")

    p = sub.add_parser("export", help="导出案件到 .xlsx 或 .csv")
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument("--package", type=Path, metavar="FILE",
                   help="导出本单位的上报包（全部案件、当事人、办理过程和排查台账，报区里导入；"
                        "须先有单位代码：caseapp office code）")
    p.add_argument("--from", dest="date_from", type=_date_arg, help="登记日期起")
    p.add_argument("--to", dest="date_to", type=_date_arg, help="登记日期止")
    p.add_argument("--kind", choices=("petition", "dispute"), help="只导出信访件或矛盾纠纷")
    p.add_argument("--full-personal", action="store_true",
                   help="导出完整的身份证号和电话（仅管理员；默认部分隐藏）")

    p = sub.add_parser("stats", help="统计数字（办结率等）")
    p.add_argument("--from", dest="date_from", type=_date_arg, required=True)
    p.add_argument("--to", dest="date_to", type=_date_arg, required=True)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--as-of", dest="as_of", type=_date_arg, default=None,
                   help="按哪一天计算超期等期限指标（默认今天；不晚于 --to）")

    p = sub.add_parser("report", help="打印报表与文书（PDF）")
    reports = p.add_subparsers(dest="report", metavar="REPORT", parser_class=_Parser)
    reports.required = True
    r = reports.add_parser("monthly", help="月度统计报表")
    r.add_argument("--month", type=_month_arg, required=True, metavar="YYYY-MM")
    r.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    r = reports.add_parser("annual", help="年度统计报告")
    r.add_argument("--year", type=_year_arg, required=True, metavar="YYYY")
    r.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    r = reports.add_parser("case", help="案件文书：登记表、告知书、调解文书（见 docs/documents.md）")
    r.add_argument("number", help="案件编号，如 （2026）调字第0001号")
    r.add_argument("--doc", required=True, metavar="DOC",
                   help="sheet notice application register rights investigation record "
                        "agreement oral visit confirmation termination dossier（卷宗）"
                        "（及登记的其他文书）")
    r.add_argument("--full-personal", action="store_true",
                   help="印出完整的身份证号和电话（仅管理员；默认部分隐藏）")
    r.add_argument("--force", action="store_true",
                   help="卷宗缺少必备材料时照样打印（缺项列在卷宗情况说明中）；默认拒绝并列出缺项")
    r.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    cli_forms.add_parser(reports, _date_arg)

    p = sub.add_parser("backup", help="备份数据库和附件（默认存到设置中的备份文件夹）")
    p.add_argument("--to", dest="to", type=Path, metavar="DIR", help="备份到这个文件夹")
    p = sub.add_parser("restore", help="用备份文件恢复数据库（先保存当前文件）")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--backup-accounts", action="store_true",
                   help="备份中没有登录账户时也照原样恢复（登录将关闭）；默认保留当前账户")
    p = sub.add_parser("check", help="检查数据库完整性和数据一致性")
    p.add_argument("--repair", action="store_true",
                   help="先重建可由案件内容重建的部分（搜索索引；仅管理员），再检查")
    cli_accounts.add_parsers(sub, _Parser, _date_arg)
    cli_offices.add_parser(sub, _Parser)
    cli_calendar.add_parser(sub, _Parser)
    cli_find.add_parser(sub)
    cli_worklog.add_parser(sub, _Parser, _date_arg)
    cli_encryption.add_parsers(sub)
    return parser


def _month_arg(text: str) -> tuple[int, int]:
    import re

    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(f"「{text}」不是月份，应写作 2026-03")
    return int(m.group(1)), int(m.group(2))


def _year_arg(text: str) -> int:
    if not text.strip().isdigit() or not 1900 <= int(text) <= 2999:
        raise argparse.ArgumentTypeError(f"「{text}」不是年份，应写作 2026")
    return int(text)


def cmd_stats(args) -> int:
    from caseapp.figures import stats

    if args.date_from > args.date_to:
        print("--from 不能晚于 --to", file=sys.stderr)
        return EXIT_USAGE
    database = open_db(args, upgrade=False)
    fig = stats.figures(database, args.date_from, args.date_to, args.as_of)
    if args.json:
        print(json.dumps(fig.to_dict(), ensure_ascii=False))
        return EXIT_OK
    print(format_figures(fig))
    return EXIT_OK


PETITION_LINES = (
    ("登记", "received"), ("办理", "handled"), ("已办结", "closed"), ("办结率", "closure_rate"),
    ("按期办结", "closed_on_time"), ("按期办结率", "on_time_rate"), ("超期未结", "overdue_open"),
    ("不予受理", "rejected"), ("信访代理件", "proxy"), ("已录入", "entered"),
    ("录入完成率", "entry_rate"), ("转人民调解", "diverted"), ("转送", "transferred"),
    ("督办", "supervised"), ("复查/复核", "reviews"), ("已评价满意度", "rated"),
    ("满意（含基本满意）", "satisfied"), ("满意率", "satisfaction_rate"),
)
DISPUTE_LINES = (
    ("登记", "received"), ("办理", "handled"), ("已办结", "closed"), ("办结率", "closure_rate"),
    ("按期办结", "closed_on_time"), ("按期办结率", "on_time_rate"), ("超期未结", "overdue_open"),
    ("调结", "concluded"), ("调解成功", "succeeded"), ("调解成功率", "success_rate"),
    ("纠纷调解率", "mediation_rate"), ("协议已履行", "performed"), ("协议履行率", "performance_rate"),
    ("协议涉及金额", "agreement_amount"), ("书面协议", "written"), ("口头协议", "oral"),
    ("申请司法确认", "confirmation_applied"), ("司法确认有效", "confirmed"),
    ("防止民转刑案件", "prevented_crime"), ("防止群体性上访", "prevented_group_petition"),
    ("防止群体性械斗", "prevented_group_fight"), ("防止民间纠纷引起自杀", "prevented_suicide"),
    ("重大纠纷", "major"),
)
WORK_LINES = (("排查次数", "screenings"), ("集中排查次数", "concentrated_screenings"),
              ("排查发现纠纷数", "screenings_found"),
              ("安保维稳次数", "security_events"))


def format_figures(fig: Figures) -> str:
    """The figures as a plain table for a terminal, rates printed as docs/domain.md §5 says,
    counts with thousands separators; a figure without data yet says so on its line."""
    from caseapp.figures.model import NO_DATA

    lines = [f"统计期间：{fig.date_from.isoformat()} 至 {fig.date_to.isoformat()}"]
    if not fig.complete:
        lines.append(f"统计截至：{fig.as_of.isoformat()}（统计期尚未结束）")
    for title, kind, rows in (("信访件", fig.petitions, PETITION_LINES),
                              ("矛盾纠纷", fig.disputes, DISPUTE_LINES),
                              ("排查与安保维稳", fig.work, WORK_LINES)):
        lines.append(f"\n{title}")
        for label, name in rows:
            if name in kind.rates():
                value = str(kind.shown(name))
            elif name in kind.amount_names():
                value = f"{kind.amount(name):,.2f}元"
            else:
                unit = "次" if name in ("screenings", "security_events") else "件"
                value = f"{kind.count(name):,}{unit}"
            note = f"（暂无数据：{NO_DATA[name]}功能尚未启用）" if name in NO_DATA else ""
            lines.append(f"  {label:　<10}{value:>14}{note}")
    return "\n".join(lines)


COMMANDS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "import": cmd_import,
    "export": cmd_export,
    "stats": cmd_stats,
    "report": lambda args: (cli_forms.cmd_form if args.report == "form" else cmd_report)(args),
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "calendar": cli_calendar.cmd_calendar,
    "find": cli_find.cmd_find,
    "worklog": cli_worklog.cmd_worklog,
    "encrypt": cli_encryption.cmd_encrypt,
    "decrypt": cli_encryption.cmd_decrypt,
    "user": lambda args: cli_accounts.cmd_user(args, open_db(args)),
    "log": lambda args: cli_accounts.cmd_log(args, open_db(args, upgrade=False)),
    "office": lambda args: cli_offices.cmd_office(args, open_db(args)),
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(data_dir())
    from caseapp.storage import encryption

    encryption.set_asker(cli_encryption.ask_passphrase)  # an encrypted file: asked once
    try:
        return COMMANDS[args.command](args)
    except cli_accounts.UsageError as exc:
        print(f"用法错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValidationError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return EXIT_REFUSED
    except CaseAppError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("已中断，未完成的操作没有写入。", file=sys.stderr)
        return EXIT_REFUSED
    except Exception:
        log.exception("unexpected error in %s", args.command)
        print(f"程序内部错误，操作未完成。详细信息已写入日志：{log_file(data_dir())}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        close_databases()  # the file is whole on disk (its -wal folded in) when we exit


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
