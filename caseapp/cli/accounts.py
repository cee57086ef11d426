"""The command line's accounts: who acts (``--user``), ``caseapp user …`` and ``caseapp log``.

The acting user's offices (services.offices.scope_of) become what the command sees.

Without accounts the local user acts, as before. Once accounts are set up, a command that
writes, exports, prints or reads the trail needs ``--user NAME``; the password is read from
the environment variable CASEAPP_PASSWORD, else the first line of stdin when it is not a
terminal, else asked without echo. New passwords (user add, user passwd) come from the next
line of stdin, or are asked twice at a terminal.
"""

from __future__ import annotations

import getpass
import json
import os
import sys

from caseapp import workflow as wf
from caseapp.errors import CaseAppError, Problem, ValidationError

ROLE_CHOICES = ("admin", "clerk", "mediator", "viewer")


class UsageError(CaseAppError):
    """A usage error found after parsing (exit status 2)."""


def add_parsers(sub, parser_class, date_arg) -> None:
    p = sub.add_parser("user", help="账户：添加、列出、修改密码、停用（管理员）")
    users = p.add_subparsers(dest="user_command", metavar="ACTION", parser_class=parser_class)
    users.required = True
    u = users.add_parser("add", help="添加账户（密码从标准输入读取，或在终端输入两次）")
    u.add_argument("name", help="用户名（登录用）")
    u.add_argument("--role", choices=ROLE_CHOICES, required=True,
                   help="admin 管理员 / clerk 登记员 / mediator 调解员 / viewer 查看")
    u.add_argument("--display", help="姓名（显示在日志和案件中；默认同用户名）")
    users.add_parser("list", help="列出账户")
    u = users.add_parser("passwd", help="修改密码（自己的，或管理员重设他人的）")
    u.add_argument("name")
    u = users.add_parser("disable", help="停用账户")
    u.add_argument("name")
    u = users.add_parser("unlock", help="找回登录：解除连续输错密码后的等待，或重设密码"
                                        "（不需登录：供数据库文件所属的本机用户使用）")
    u.add_argument("name")
    u.add_argument("--reset-password", action="store_true",
                   help="同时重设密码（新密码从标准输入读取，或在终端输入两次）")

    p = sub.add_parser("log", help="操作日志（管理员）")
    p.add_argument("--case", dest="case_number", metavar="NUMBER", help="案件编号（或其中一部分）")
    p.add_argument("--user", dest="log_user", metavar="NAME", help="某个用户的操作")
    p.add_argument("--action", help="操作类型，如 login_failed、export、printout")
    p.add_argument("--from", dest="date_from", type=date_arg, help="起始日期")
    p.add_argument("--to", dest="date_to", type=date_arg, help="截止日期")
    p.add_argument("--limit", type=int, default=None, help="最多显示条数（默认全部）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")


# ---------------------------------------------------------------------------
# Passwords from the environment, stdin or the terminal.


class _Input:
    """Lines of stdin when it is not a terminal, read one at a time as they are needed."""

    def line(self, prompt: str) -> str:
        if sys.stdin is not None and not sys.stdin.isatty():
            text = sys.stdin.readline()
            if not text:
                raise ValidationError(Problem("password", f"标准输入中没有{prompt.rstrip('：')}"))
            return text.rstrip("\r\n")
        return getpass.getpass(prompt)

    def new_password(self, prompt: str = "新密码：") -> str:
        first = self.line(prompt)
        if sys.stdin is None or sys.stdin.isatty():
            if getpass.getpass("再输入一次：") != first:
                raise ValidationError(Problem("password", "两次输入的密码不一致"))
        return first


_input = _Input()


_login: dict[str, str] = {}  # the password the acting user just logged in with


def _login_password() -> str:
    env = os.environ.get("CASEAPP_PASSWORD")
    _login["password"] = env if env is not None else _input.line("密码：")
    return _login["password"]


def acting_user(args, database, *, command: str) -> int:
    """The user a command acts as (see the module docstring)."""
    from caseapp.services import accounts, offices

    if not accounts.accounts_enabled(database):
        actor = database.local_user_id()
    else:
        name = getattr(args, "user", None)
        if not name:
            raise UsageError("已启用登录账户，请在命令前用 --user 用户名 指定操作人，例如："
                             f"caseapp --user 张三 {command} …")
        actor = accounts.authenticate(database, name, _login_password(), via=f"命令行 {command}")
    # From here on the command sees the user's offices (or the one --office names).
    offices.apply_scope(database, actor, getattr(args, "scope_office", None))
    return actor


# ---------------------------------------------------------------------------
# Commands.


def cmd_user(args, database) -> int:
    from caseapp.services import accounts

    if args.user_command == "unlock":
        # No log-in: the way back in when the only admin is locked out or forgot the password.
        password = _input.new_password(f"{args.name} 的新密码：") if args.reset_password else None
        accounts.recover_account(database, args.name, password,
                                 via=f"命令行，操作系统用户 {getpass.getuser()}")
        print(f"已解除 {args.name} 的等待" + ("并重设密码" if password else "") + "，现在可以登录")
        return 0
    actor = acting_user(args, database, command="user")
    action = args.user_command
    if action == "add":
        password = _input.new_password(f"{args.name} 的密码：")
        accounts.add_user(database, actor, args.name, args.display or args.name, args.role,
                          password)
        print(f"已添加账户 {args.name}（{wf.ROLE_LABELS[args.role]}）")
    elif action == "list":
        from caseapp.services.guard import require
        from caseapp.storage.db import LOCAL_USER

        with database.read() as session:
            require(session, actor, wf.Act.USERS)
        users = [u for u in accounts.list_users(database, include_local=True)
                 if u.name != LOCAL_USER or u.active]
        for u in users:
            state = "正常" if u.active else "已停用"
            if u.active and u.locked_until and u.locked_until > accounts.now():
                state = f"等待至 {u.locked_until:%H:%M}"
            if u.active and not u.has_password:
                state = "无密码（未设置账户）"
            print(f"{u.name}\t{u.display_name}\t{u.role_label}\t{state}")
    elif action == "passwd":
        # One's own password: the one just logged in with is the old one.
        old = _login.get("password") if actor == _user_id(database, args.name) else None
        password = _input.new_password()
        accounts.set_password(database, actor, args.name, password, old=old)
        print(f"已修改 {args.name} 的密码")
    elif action == "disable":
        accounts.disable_user(database, actor, args.name)
        print(f"已停用账户 {args.name}")
    return 0


def _user_id(database, name: str) -> int | None:
    from sqlalchemy import select

    from caseapp.storage.models import User

    with database.read() as session:
        return session.scalar(select(User.id).where(User.name == name))


def cmd_log(args, database) -> int:
    from caseapp.services import audit

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError("--from 不能晚于 --to")
    actor = acting_user(args, database, command="log")
    flt = audit.AuditFilter(user=args.log_user, action=args.action, case_number=args.case_number,
                            date_from=args.date_from, date_to=args.date_to)
    entries = audit.list_events(database, actor, flt, limit=args.limit)
    if args.json:
        print(json.dumps([{
            "at": e.at.isoformat(sep=" "), "user": e.user_name, "user_display": e.user,
            "action": e.action, "action_label": e.action_label, "case": e.case_number,
            "changes": [list(c) for c in e.changes], "note": e.note,
        } for e in entries], ensure_ascii=False, indent=1))
        return 0
    for e in entries:
        print("\t".join(audit.entry_row(e)))
    if not entries:
        print("没有符合条件的操作记录", file=sys.stderr)
    return 0
