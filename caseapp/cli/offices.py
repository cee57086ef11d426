"""The command line's offices (单位, issue #18): ``caseapp office …`` and the global
``--office CODE`` that narrows a command to one office (a district user's pick).

An office is named by its code, or by its number (``caseapp office list`` shows both; the
office of a file that was never part of a district has number 1 and no code until given).
"""

from __future__ import annotations

from caseapp.cli import accounts as cli_accounts
from caseapp.errors import NotFound


def add_parser(sub, parser_class) -> None:
    p = sub.add_parser("office", help="单位：列出、添加、改名、设置代码，为用户分配单位（区级管理员）")
    offices = p.add_subparsers(dest="office_command", metavar="ACTION", parser_class=parser_class)
    offices.required = True
    offices.add_parser("list", help="列出单位（编号、代码、名称、用户数）")
    o = offices.add_parser("add", help="添加单位")
    o.add_argument("code", help="单位代码（区里统一编码，字母、数字或 _ . -）")
    o.add_argument("name", help="单位名称")
    o = offices.add_parser("rename", help="修改单位名称")
    o.add_argument("office", help="单位代码或编号")
    o.add_argument("name")
    o = offices.add_parser("code", help="设置单位代码")
    o.add_argument("office", help="单位代码或编号")
    o.add_argument("code", help="新的单位代码")
    o = offices.add_parser("assign", help="设置用户所属的单位（--district：改为区级用户）")
    o.add_argument("name", help="用户名")
    o.add_argument("office", nargs="?", help="单位代码或编号")
    o.add_argument("--district", action="store_true", help="不属于某个单位（区级用户）")
    o = offices.add_parser("give", help="给区级用户分配可查看的单位（不写单位：收回全部）")
    o.add_argument("name", help="用户名")
    o.add_argument("offices", nargs="*", metavar="OFFICE", help="单位代码或编号")
    o = offices.add_parser("show", help="某个用户可以查看的单位")
    o.add_argument("name", help="用户名")


def office_id(database, name: str) -> int:
    """The office named by its code, else by its number."""
    from caseapp.services import offices

    found = {o.code: o.id for o in offices.list_offices(database)}
    if name in found and name:
        return found[name]
    if name.isdigit() and int(name) in found.values():
        return int(name)
    raise NotFound(f"单位「{name}」不存在（caseapp office list 列出全部单位）")


def apply_office_option(args, database) -> None:
    """``--office CODE``: this command sees that office alone (checked again against the
    acting user's offices once they log in)."""
    code = getattr(args, "scope_office", None)
    if code:
        database.scope = frozenset((office_id(database, code),))


def cmd_office(args, database) -> int:
    from caseapp.services import accounts, offices

    actor = cli_accounts.acting_user(args, database, command="office")
    action = args.office_command
    if action == "list":
        counts = offices.office_counts(database)
        for o in offices.list_offices(database, actor):
            print(f"{o.id}\t{o.code or '（未设代码）'}\t{o.name}\t{counts.get(o.id, 0)}个用户")
    elif action == "add":
        new = offices.add_office(database, actor, args.code, args.name)
        print(f"已添加单位 {args.name}（代码 {args.code}，编号 {new}）")
    elif action == "rename":
        offices.rename_office(database, actor, office_id(database, args.office), args.name)
        print(f"已将单位 {args.office} 改名为 {args.name}")
    elif action == "code":
        offices.set_office_code(database, actor, office_id(database, args.office), args.code)
        print(f"单位 {args.office} 的代码已设为 {args.code}")
    elif action == "assign":
        if args.district == bool(args.office):
            raise cli_accounts.UsageError("请写明单位，或用 --district 改为区级用户（二者选一）")
        target = None if args.district else office_id(database, args.office)
        offices.set_user_office(database, actor, args.name, target)
        print(f"{args.name} 现为区级用户" if target is None else
              f"{args.name} 现属于单位 {args.office}")
    elif action == "give":
        ids = [office_id(database, o) for o in args.offices]
        offices.give_offices(database, actor, args.name, ids)
        print(f"已为 {args.name} 分配 {len(ids)} 个单位" if ids else f"已收回 {args.name} 的全部单位")
    elif action == "show":
        from caseapp import workflow as wf
        from caseapp.services.guard import require

        with database.read() as session:
            require(session, actor, wf.Act.USERS)
        user = next((u for u in accounts.list_users(database, include_local=True)
                     if u.name == args.name), None)
        if user is None:
            raise NotFound(f"用户「{args.name}」不存在")
        seen = offices.user_visible_offices(database, user.id)
        shown = offices.list_offices(database) if seen is None else [
            o for o in offices.list_offices(database) if o.id in seen]
        print(f"{args.name} 可以查看：" + ("全部单位" if seen is None else
                                       "、".join(o.label for o in shown) or "（没有单位）"))
    return 0
