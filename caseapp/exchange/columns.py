"""The columns of the exchange file: headers, the aliases import accepts, labels, limits.
docs/domain.md section 6 describes the file."""

from __future__ import annotations

HEADERS: list[tuple[str, str]] = [
    ("类型", "kind"), ("编号", "number"), ("登记日期", "received_on"), ("受理日期", "accepted_on"),
    ("办结日期", "closed_on"), ("办理结果", "outcome"), ("延期", "extended"), ("当事人", "party"),
    ("身份证号", "id_number"), ("联系电话", "phone"), ("对方当事人", "respondent"),
    ("街镇", "street"), ("类别", "category"), ("来源", "source"), ("信访代理", "via_proxy"),
    ("已录入系统", "entered"), ("协议履行", "performed"), ("承办人", "handler"),
    ("事项摘要", "summary"), ("涉及人数", "people"), ("涉及金额", "amount"),
]
# Optional columns: import takes them when present, export writes them after HEADERS.
EXTRA_HEADERS: list[tuple[str, str]] = [
    ("信访类型", "petition_type"), ("集体访人数", "group_size"), ("重复信访", "is_repeat"),
    ("详细情况", "details"), ("村/社区", "community"),
    ("满意度", "satisfaction"),  # petitions (docs/domain.md §6)
    ("协议形式", "agreement_form"),  # disputes closed 调解成功: 书面协议 or 口头协议
    # Disputes: 司法确认 (未申请, 已申请, or the result), 风险等级, 预防成效 (names joined by 、).
    ("司法确认", "confirmation"), ("风险等级", "risk"), ("预防成效", "prevention"),
]
ALL_HEADERS = HEADERS + EXTRA_HEADERS
# What the list shows beyond the exchange columns: export writes them after them, for reading
# only; import ignores them without a warning, so an export imports back cleanly.
EXPORT_ONLY_HEADERS = ("状态", "期限", "超期天数")
LABELS = dict((alias, zh) for zh, alias in ALL_HEADERS)
LOOKUP = {k.lower(): alias for zh, alias in ALL_HEADERS for k in (zh, alias)}
REQUIRED = ("kind", "received_on", "party", "category", "summary")
KIND_NAMES = {"信访": "petition", "信访件": "petition", "petition": "petition",
              "纠纷": "dispute", "矛盾纠纷": "dispute", "dispute": "dispute"}
MAX_LEN = {"number": 64, "summary": 500, "street": 64, "community": 64, "handler": 64,
           "party": 128, "respondent": 128}
BATCH = 1000
MAX_PROBLEMS = 1000
RESPONDENT = "被申请人"
# A cell longer than this is refused as soon as it is read, before any other check
# (issue #16): ten times the column's limit, else TEXT_MAX (详细情况) or OTHER_MAX.
TEXT_MAX = 100_000
OTHER_MAX = 1_000


def hard_limit(alias: str) -> int:
    if alias in MAX_LEN:
        return 10 * MAX_LEN[alias]
    return TEXT_MAX if alias == "details" else OTHER_MAX
