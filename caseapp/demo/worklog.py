"""The demo's work log (docs/domain.md §9): a weekly 日常排查 in each street, 集中排查 before 春节
and 国庆 and at mid-year, a few 专项排查, district-wide 安保维稳 around the holidays and major
events, and 零上报 for community-months in which nothing was found."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from caseapp import workflow as wf

# 春节 (the first day) of the years a demo may span; a year not listed uses a late-January day.
SPRING_FESTIVAL = {
    2019: date(2019, 2, 5), 2020: date(2020, 1, 25), 2021: date(2021, 2, 12),
    2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10),
    2025: date(2025, 1, 29), 2026: date(2026, 2, 17), 2027: date(2027, 2, 6),
    2028: date(2028, 1, 26), 2029: date(2029, 2, 13), 2030: date(2030, 2, 3),
}
# (month, day, note) of the yearly 安保维稳 besides 春节.
SECURITY_DAYS = ((3, 3, "全国两会期间安保维稳"), (4, 29, "五一假期安保维稳"),
                 (6, 6, "高考期间安保维稳"), (9, 29, "国庆假期安保维稳"),
                 (12, 30, "元旦假期安保维稳"))
DAILY_NOTES = ("走访商户、住户，排查邻里及物业矛盾", "入户走访重点人员", "排查婚姻家庭、邻里纠纷",
               "排查在建工地欠薪隐患", "网格员例行巡查", "走访调解员和楼栋长")
FOCUS_NOTES = ("节前矛盾纠纷集中排查", "涉农民工工资集中排查", "年中矛盾纠纷集中排查化解")
SPECIAL_NOTES = ("涉房地产领域矛盾纠纷专项排查", "征地拆迁矛盾专项排查", "涉企劳资纠纷专项排查",
                 "婚姻家庭矛盾纠纷专项排查")
FOUND_WEIGHTS = (0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2)


def _staff(rng: random.Random, names: Sequence[str], k: int) -> str:
    return "、".join(rng.sample(list(names), min(k, len(names)))) if names else "调委会成员"


def _weekday(day: date) -> date:
    """The Friday before a weekend day: offices screen on working days."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def worklog_rows(rng: random.Random, communities: dict[str, list[str]], staff: Sequence[str],
                 start: date, end: date, actor: int) -> list[dict]:
    """The entries of [start, end] as rows of worklog_entries, oldest first."""
    rows: list[dict] = []

    def add(day: date, kind: str, street: str | None, community: str | None, found: int,
            note: str, people: int = 2, zero: bool = False) -> None:
        if start <= day <= end:
            at = datetime.combine(day, time(17, rng.randint(0, 59)))
            rows.append({"day": day, "type": kind, "street": street, "community": community,
                         "participants": _staff(rng, staff, people), "found": found,
                         "zero_report": zero, "note": note, "created_by": actor,
                         "created_at": at, "deleted_at": None})

    found_in: set[tuple[str, str, int, int]] = set()
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        for street, names in communities.items():
            day = monday + timedelta(days=rng.randint(0, 4))
            community = rng.choice(names)
            found = rng.choice(FOUND_WEIGHTS)
            add(day, wf.SCREENING_TYPES[0], street, community, found, rng.choice(DAILY_NOTES))
            if found:
                found_in.add((street, community, day.year, day.month))
        monday += timedelta(days=7)
    for year in range(start.year, end.year + 1):
        festival = SPRING_FESTIVAL.get(year, date(year, 1, 28))
        for street in communities:
            for day, note in ((_weekday(festival - timedelta(days=rng.randint(10, 20))),
                               FOCUS_NOTES[0]),
                              (_weekday(date(year, 6, rng.randint(10, 25))), FOCUS_NOTES[2]),
                              (_weekday(date(year, 9, rng.randint(15, 24))), FOCUS_NOTES[0])):
                add(day, wf.SCREENING_TYPES[1], street, None, rng.randint(1, 6), note, people=4)
        for month in (4, 11):
            add(_weekday(date(year, month, rng.randint(5, 25))), wf.SCREENING_TYPES[2], None, None,
                rng.randint(0, 5), rng.choice(SPECIAL_NOTES), people=3)
        add(_weekday(festival - timedelta(days=2)), wf.SECURITY, None, None, 0, "春节期间安保维稳",
            people=5)
        for month, dom, note in SECURITY_DAYS:
            if rng.random() < 0.85:  # not every office is called out for every event
                add(_weekday(date(year, month, dom)), wf.SECURITY, None, None, 0, note, people=5)
    # 零上报: some community-months without a dispute found report so at the month's end.
    first = date(start.year, start.month, 1)
    while first <= end:
        last = date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
        if last <= end:
            for street, names in communities.items():
                for community in names:
                    if ((street, community, first.year, first.month) not in found_in
                            and rng.random() < 0.12):
                        add(last, wf.SCREENING_TYPES[0], street, community, 0, "零上报",
                            people=1, zero=True)
        first = last + timedelta(days=1)
    rows.sort(key=lambda r: (r["day"], r["created_at"]))
    return rows


def links(rows: Sequence[dict], first_id: int,
          disputes: Sequence[tuple[int, str | None, date]]) -> list[dict]:
    """worklog_cases rows: each 主动排查 dispute (id, street, received_on) linked to the latest
    entry of its street that found something in the week before it was received. ``rows``
    get the ids first_id, first_id + 1, … in their order."""
    by_street: dict[str, list[tuple[date, int]]] = {}
    for i, r in enumerate(rows):
        if r["street"] and r["found"] and not r["zero_report"]:
            by_street.setdefault(r["street"], []).append((r["day"], first_id + i))
    out = []
    for case_id, street, received in disputes:
        near = [(d, eid) for d, eid in by_street.get(street or "", ())
                if received - timedelta(days=7) <= d <= received]
        if near:
            out.append({"entry_id": max(near)[1], "case_id": case_id})
    return out
