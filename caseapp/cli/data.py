"""The data commands: init, demo, import, export, backup, restore, check."""

from __future__ import annotations

import sys

from caseapp.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    acting_user,
    open_db,
    progress_printer,
    require_full_personal,
)
from caseapp.errors import CaseAppError, StorageError


def cmd_init(args) -> int:
    from caseapp.storage.migrate import current_revision

    database = open_db(args)
    print(f"数据库已就绪：{database.display_name}（版本 {current_revision(database)}）")
    return EXIT_OK


def cmd_demo(args) -> int:
    from caseapp.demo.generator import run_demo
    from caseapp.demo.office import name_sample_office

    database = open_db(args)
    refusal = _demo_refusal(database)
    if refusal:
        print(refusal, file=sys.stderr)
        return EXIT_REFUSED
    show, done = progress_printer("生成示例数据")
    actor = acting_user(args, database)
    result = run_demo(database, actor, cases=args.cases, seed=args.seed, on_progress=show)
    done()
    if name_sample_office(database, actor):
        print("单位信息已填为示例单位（示例街道矛盾纠纷调解办），正式使用时请在 设置 → 单位信息 中修改")
    print(f"已添加示例案件 {result.cases} 件（信访件 {result.petitions} 件，矛盾纠纷 "
          f"{result.disputes} 件），新增当事人 {result.persons} 个（含单位）")
    return EXIT_OK


def _demo_refusal(database) -> str:
    """Sample data goes into a separate file only (issue #16): a new or empty database, or
    one named demo*.db (the GUI's --demo); never beside an office's real cases."""
    from caseapp import queries
    from caseapp.services import accounts

    path = database.path
    if path is not None and path.name.lower().startswith("demo"):
        return ""
    cases = queries.count(database, queries.CaseFilter())
    if cases or accounts.accounts_enabled(database):
        what = f"已有 {cases} 件案件" if cases else "已设置登录账户"
        return (f"示例数据只能加入单独的数据库：{database.display_name} {what}，像是正式数据。"
                "请用 --db 指定一个新文件，例如 caseapp --db demo.db demo")
    return ""


def cmd_import(args) -> int:
    from caseapp.exchange import ImportRefused, run_import

    if (args.file is None) == (args.package is None):
        print("请给出要导入的文件，或 --package 上报包（二者选一）", file=sys.stderr)
        return EXIT_USAGE
    if args.package is not None:
        return _import_package(args)
    if not args.file.is_file():
        print(f"找不到文件：{args.file}", file=sys.stderr)
        return EXIT_REFUSED
    database = open_db(args)
    show, done = progress_printer("检查" if args.dry_run else "导入")
    try:
        result = run_import(database, acting_user(args, database), args.file,
                            dry_run=args.dry_run, on_progress=show)
    except ImportRefused as exc:
        done()
        total = getattr(exc, "total", len(exc.problems))
        print(f"{args.file.name} 有 {total} 处问题，未导入任何案件：", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_REFUSED
    done()
    for warning in result.warnings:
        print(f"注意：{warning}")
    if result.dry_run:
        print(f"检查通过：{result.rows} 行可以导入（信访件 {result.petitions} 件，矛盾纠纷 "
              f"{result.disputes} 件）。未写入数据库。")
    else:
        print(f"已导入 {result.rows} 件（信访件 {result.petitions} 件，矛盾纠纷 {result.disputes} 件），"
              f"自动编号 {result.numbered} 件，新增人员 {result.persons_created} 人")
    return EXIT_OK


def cmd_export(args) -> int:
    from caseapp.exchange import run_export

    if (args.file is None) == (args.package is None):
        print("请给出导出的文件，或 --package 上报包（二者选一）", file=sys.stderr)
        return EXIT_USAGE
    if args.package is not None:
        return _export_package(args)
    suffix = args.file.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        print("导出文件须为 .xlsx 或 .csv", file=sys.stderr)
        return EXIT_USAGE
    if args.date_from and args.date_to and args.date_from > args.date_to:
        print("--from 不能晚于 --to", file=sys.stderr)
        return EXIT_USAGE
    database = open_db(args, upgrade=False)
    show, done = progress_printer("导出")
    count = run_export(database, args.file, date_from=args.date_from, date_to=args.date_to,
                       kind=args.kind, on_progress=show, actor=acting_user(args, database),
                       full_personal=args.full_personal)
    done()
    print(f"已导出 {count} 件到 {args.file}")
    return EXIT_OK


def _export_package(args) -> int:
    """`caseapp [--office CODE] export --package FILE`: the office's 上报包."""
    from caseapp.exchange import PackageRefused, run_export_package

    database = open_db(args)  # a package is of the newest schema revision
    actor = acting_user(args, database)
    show, done = progress_printer("导出上报包")
    try:
        info = run_export_package(database, actor, args.package, on_progress=show)
    except PackageRefused as exc:
        done()
        print(exc.message, file=sys.stderr)
        return EXIT_REFUSED
    done()
    print(f"已导出上报包 {info.path}：{info.office_name}（{info.office_code}），案件 {info.cases} 件，"
          f"排查台账 {info.worklog} 条；SHA-256 {info.checksum}")
    return EXIT_OK


def _import_package(args) -> int:
    """`caseapp import --package FILE`: into a district database, any number of times."""
    from caseapp.exchange import PackageRefused, run_import_package

    database = open_db(args)
    show, done = progress_printer("导入上报包")
    try:
        result = run_import_package(database, acting_user(args, database), args.package,
                                    on_progress=show)
    except PackageRefused as exc:
        done()
        print(f"{args.package.name}：{exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    done()
    made = "（新单位）" if result.office_created else ""
    print(f"已导入上报包 {args.package.name}：{result.office_name}（{result.office_code}）{made}，"
          f"案件 {result.cases} 件：新增 {result.added} 件，更新 {result.replaced} 件，"
          f"未变 {result.unchanged} 件；新增当事人 {result.persons_added} 人；排查台账新增 "
          f"{result.worklog_added} 条，更新 {result.worklog_updated} 条")
    return EXIT_OK


def cmd_backup(args) -> int:
    import time

    from caseapp.storage import backup

    database = open_db(args, upgrade=False)
    require_full_personal(args, database)  # a backup holds every person's data
    show, done = progress_printer("备份")
    t0 = time.perf_counter()
    info = backup.backup(database, args.to, on_progress=show)
    done()
    print(f"已备份到 {info.path}（{info.case_count} 件案件，{info.size / 1e6:.1f} MB，"
          f"用时 {time.perf_counter() - t0:.1f} 秒）")
    if info.warning:
        print(info.warning, file=sys.stderr)
    return EXIT_OK


def cmd_restore(args) -> int:
    from caseapp.storage.db import resolve_url
    from caseapp.storage.restore import restore

    url = resolve_url(args.db)
    if not url.startswith("sqlite:///"):
        print("只有 SQLite 数据库文件可以用本程序恢复", file=sys.stderr)
        return EXIT_REFUSED
    try:
        current = open_db(args, upgrade=False)
    except CaseAppError:
        current = None  # a damaged file: restoring it is exactly what is needed
    if current is not None:
        require_full_personal(args, current)  # restoring replaces everyone's work
        current.dispose()
    result = restore(url[len("sqlite:///"):], args.file, keep_accounts=not args.backup_accounts)
    print(f"已从 {result.restored_from.name} 恢复（{result.case_count} 件案件）。")
    if result.accounts_kept:
        print(f"备份中没有登录账户：保留了当前的 {result.accounts_kept} 个账户，登录仍需密码"
              "（照原样恢复：--backup-accounts）。")
    if result.warning:
        print(result.warning)
    if result.safety_copy:
        print(f"恢复前的数据库已保存为 {result.safety_copy}")
    return EXIT_OK


def cmd_check(args) -> int:
    from caseapp.figures import days
    from caseapp.storage import backup

    database = open_db(args, upgrade=False)
    try:
        acting_user(args, database)  # like every other command once accounts are set up
    except StorageError:
        pass  # a damaged file cannot say who may log in: the check below names the damage
    if getattr(args, "repair", False):
        from caseapp.storage.checks import repair

        require_full_personal(args, database)  # rebuilds part of the whole file
        for done in repair(database):
            print(done)
        print(f"统计汇总表已从案件重建（{days.rebuild(database)} 行）")
    problems = backup.check(database) + days.problems(database)
    if problems:
        print(f"检查发现 {len(problems)} 处问题：", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"检查通过：{database.display_name} 完整，数据一致。")
    return EXIT_OK
