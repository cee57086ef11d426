"""`caseapp find TEXT [--kind K] [--json] [--limit N]`: the search of the 查找 page (number,
party names, initials, phone tail, summary) for clerks and scripts (docs/domain.md §7)."""

from __future__ import annotations

import argparse
import json
import time

from caseapp.cli.common import EXIT_OK, open_db


def _limit(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 10_000:
        raise argparse.ArgumentTypeError(f"「{text}」不是 1 到 10000 之间的整数")
    return int(text)


def add_parser(sub) -> None:
    from caseapp.queries import SEARCH_LIMIT

    p = sub.add_parser("find", help="查找案件：编号、当事人姓名或拼音首字母、电话尾号、事项摘要")
    p.add_argument("text", metavar="TEXT", help="要查找的文字，如 张建、zs、5678、漏水")
    p.add_argument("--kind", choices=("petition", "dispute"), help="只查信访件或矛盾纠纷")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（每件一个对象）")
    p.add_argument("--limit", type=_limit, default=SEARCH_LIMIT,
                   help=f"最多列出多少件（默认 {SEARCH_LIMIT}）")


def cmd_find(args) -> int:
    from caseapp import queries

    database = open_db(args, upgrade=False)  # reading never upgrades (like stats)
    started = time.perf_counter()
    hits = queries.search_cases(database, args.text, kind=args.kind, limit=args.limit)
    elapsed_ms = (time.perf_counter() - started) * 1000
    if args.json:
        print(json.dumps({"count": len(hits), "ms": round(elapsed_ms, 1), "hits": [
            {"number": h.number, "kind": h.kind, "kind_label": h.kind_label,
             "status": h.status_label, "received_on": h.received_on.isoformat(),
             "party": h.party, "field": h.field, "matched": h.matched, "exact": h.exact}
            for h in hits]}, ensure_ascii=False))
        return EXIT_OK
    if not hits:
        print("未找到")
        return EXIT_OK
    for h in hits:
        print("\t".join((h.number, h.kind_label, h.party or "—", f"{h.field}：{h.matched}")))
    print(f"共 {len(hits)} 件（{elapsed_ms:.0f} 毫秒）")
    return EXIT_OK
