"""The rows one chunk of demo data writes: blank case rows, ids, timestamps on office hours
and working days, timeline events."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from caseapp import workflow as wf
from caseapp.demo.draws import choice, randint
from caseapp.demo.words import OFFICE_TIMES
from caseapp.storage.models import LOCAL_OFFICE, Case

# Row keys: Core executemany needs the same keys in every row.
CASE_KEYS = tuple(c.name for c in Case.__table__.columns)


def blank_case() -> dict:
    row = dict.fromkeys(CASE_KEYS)
    row.update(extended=False, is_repeat=False, via_proxy=False, entered=False, performed=False,
               version=1, office_id=LOCAL_OFFICE)
    return row


def iso(o: int) -> str:
    return date.fromordinal(o).isoformat()


def cn_date(o: int) -> str:
    d = date.fromordinal(o)
    return f"{d.year}年{d.month}月{d.day}日"

REPLY_OF = {outcome: decision for decision, outcome in wf.REPLY_DECISIONS.items()}
REPLY_BASIS = "《信访工作条例》第三十二条及有关法律、政策规定"


class Rows:
    """The rows of one chunk, with ids counted on from the tables' highest, office-hour
    timestamps and timeline events. The state is set up by caseapp/demo/builder.py."""

    rng: random.Random
    actor: int
    chunk_no: int

    def new_rows(self) -> None:
        self.persons: list[dict] = []
        self.cases: list[dict] = []
        self.parties: list[dict] = []
        self.case_depts: list[dict] = []
        self.events: list[dict] = []
        self.sessions: list[dict] = []
        self.agreements: list[dict] = []
        self.follow_ups: list[dict] = []
        self.replies: list[dict] = []  # 答复 of the petitions closed 支持 / 解释说明 / 不予支持
        self.note_fixes: list[tuple[dict, str, dict, int]] = []

    def add_reply(self, cid: int, row: dict) -> None:
        """A petition closed 支持 / 解释说明 / 不予支持 was answered (条例 Art. 32) on its
        closing day: its 答复, so its 信访事项处理意见书 prints."""
        if row["outcome"] in REPLY_OF:
            self.replies.append({
                "case_id": cid, "decision": REPLY_OF[row["outcome"]], "request": row["summary"],
                "facts": row["close_note"], "basis": REPLY_BASIS,
                "delivered_on": row["closed_on"], "rated_on": None})

    def begin_chunk(self, ids: dict[str, int]) -> None:
        self.next_id = dict(ids)
        self.chunk_no += 1

    def new_id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table]

    def at(self, o: int, after: datetime | None = None) -> datetime:
        at = datetime.fromordinal(o) + choice(self.rng, OFFICE_TIMES)
        if after is not None and at <= after and after.toordinal() == o:
            at = after + timedelta(minutes=randint(self.rng, 3, 15))
        return at

    def workday(self, o: int, not_before: int) -> int:
        """Acts fall on working days: a Saturday or Sunday moves back to Friday when it can."""
        wd = (o + 6) % 7
        if wd >= 5 and o - (wd - 4) >= not_before:
            return o - (wd - 4)
        return o

    def event(self, case_id: int, at: datetime, action: str, changes: str | None = None,
               note: str | None = None) -> dict:
        row = {"id": self.new_id("events"), "case_id": case_id, "at": at, "user_id": self.actor,
               "action": action, "changes": changes, "note": note}
        self.events.append(row)
        return row
