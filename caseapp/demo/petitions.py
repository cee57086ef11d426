"""Demo petitions (信访件): repeat and group petitions, 不予受理, acceptance, entry into the
national system, extension, closure, and diversion into people's mediation."""

from __future__ import annotations

import heapq
from collections import deque
from datetime import date
from decimal import Decimal
from typing import Any

from caseapp import workflow as wf
from caseapp.demo.draws import Pick, choice, randint, randrange
from caseapp.demo.lifecycle import LifeCycle
from caseapp.demo.rows import blank_case, iso
from caseapp.demo.words import (
    CLOSE_NOTES,
    DEMANDS,
    DIVERT_CATEGORY,
    DIVERT_RATE,
    PETITION_EXTEND_REASONS,
    REJECT_REASONS,
)


class Petitions(LifeCycle):
    """A petition and its acts: registered, rejected or accepted, entered, extended, closed,
    or diverted into people's mediation (its dispute follows on the day it closes)."""

    # Earlier petitions a repeat petition copies: (person id, name, category, street,
    # community, summary, people, amount, company, petition type).
    repeat_pool: deque[tuple[int, str, str, str, str, str, int | None, Decimal | None, str | None, str]]
    pet_cat: dict[int, Pick]  # month → petition category
    channel: Pick
    petition_outcome: Pick
    satisfaction: Pick
    dcats: set[str]  # the dispute categories in use
    # Heap of diverted disputes waiting for their day: (day, sequence, origin).
    pending: list[tuple[int, int, dict[str, Any]]]
    pending_seq: int

    def petition(self, r: int) -> None:
        rng, today, lim = self.rng, self.today, self.limits
        cid = self.new_id("cases")
        reg_at = self.at(r)
        month = date.fromordinal(r).month
        rep = self.repeat_pool[randrange(rng, len(self.repeat_pool))] if (
            self.repeat_pool and rng.random() < 0.07) else None
        if rep is not None:
            pid, pname, category, street, community, summary, people, amount, company, ptype = rep
            if not summary.startswith("再次"):
                summary = "再次" + summary
        else:
            category = self.pet_cat[month](rng)
            street, community = self.place()
            summary, people, amount, company, ptype = self.fill(category, community)
            pid, pname = self.person(street, community, reg_at, 0.6)
        group = None
        if rng.random() < (0.15 if people and people >= 5 else 0.015):
            group = people if people and people >= 5 else randint(rng, 5, 30)
            people = group
        channel = "来访" if group and rng.random() < 0.8 else self.channel(rng)
        row = blank_case()
        row.update(
            id=cid, kind="petition", summary=summary, category=category, source=channel,
            street=street, community=community, received_on=date.fromordinal(r),
            handler=self.handler(rng), people_count=people or 1, amount=amount,
            details=f"{street}{community}{pname}{summary}，{choice(rng, DEMANDS)}。",
            petition_type=ptype, group_size=group, is_repeat=rep is not None,
            via_proxy=rng.random() < 0.3, created_at=reg_at,
        )
        self.cases.append(row)
        self.parties.append({"id": self.new_id("case_parties"), "case_id": cid, "person_id": pid,
                             "role": "信访人"})
        self.event(cid, reg_at, "registered")
        if rep is None:
            self.repeat_pool.append((pid, pname, category, street, community, summary, people,
                                     amount, company, ptype))
        due0 = r + lim.petition_accept
        if rng.random() < 0.05:  # 不予受理
            late = rng.random() < 0.08
            wait = (randint(rng, lim.petition_accept + 1, lim.petition_accept + 10) if late
                    else randint(rng, 1, lim.petition_accept - 1))
            rejected_on = self.workday(r + wait, r)
            if rejected_on <= today:
                reason = choice(rng, REJECT_REASONS)
                at = self.at(rejected_on, reg_at)
                row.update(status="rejected", outcome=wf.REJECTED,
                           closed_on=date.fromordinal(rejected_on), reject_reason=reason,
                           due_on=date.fromordinal(due0))
                self.event(cid, at, "rejected",
                            f'{{"status": ["registered", "rejected"], "outcome": [null, "{wf.REJECTED}"], '
                            f'"closed_on": [null, "{iso(rejected_on)}"], '
                            f'"reject_reason": [null, "{reason}"]}}',
                            reason)
                if rng.random() < 0.75:
                    row["entered"] = True
                    self.event(cid, self.at(rejected_on, at), "marked_entered",
                               '{"entered": [false, true]}')
                return
        a, c, extended, ext_at = self.life("petition", r)
        if a is None:
            row.update(status="registered", due_on=date.fromordinal(due0))
            return
        due1 = a + lim.petition_handle
        due = due1 + (lim.petition_extension if extended else 0)
        acc_at = self.at(a, reg_at)
        row.update(status="in_progress", accepted_on=date.fromordinal(a), due_on=date.fromordinal(due),
                   extended=extended)
        self.event(cid, acc_at, "accepted",
                    f'{{"status": ["registered", "in_progress"], "accepted_on": [null, "{iso(a)}"], '
                    f'"due_on": ["{iso(due0)}", "{iso(due1)}"]}}')
        last = acc_at
        if rng.random() < 0.9:
            row["entered"] = True
            e = min(a + int(rng.expovariate(1 / 1.5)), c or today, today)
            last = self.at(e, acc_at)
            self.event(cid, last, "marked_entered", '{"entered": [false, true]}')
        if ext_at is not None:  # set exactly when extended
            reason = choice(rng, PETITION_EXTEND_REASONS)
            row["extension_reason"] = reason
            last = self.at(ext_at, max(last, acc_at))
            self.event(cid, last, "extended",
                        f'{{"extended": [false, true], "extension_reason": [null, "{reason}"], '
                        f'"due_on": ["{iso(due1)}", "{iso(due)}"]}}', reason)
        if c is None:
            return
        outcome = self.petition_outcome(rng)
        if rng.random() < DIVERT_RATE.get(category, 0.0) and self.take_slot(c):
            outcome = wf.DIVERTED
        note = CLOSE_NOTES[outcome]
        at = self.at(c, last)
        row.update(status="closed", outcome=outcome, closed_on=date.fromordinal(c), close_note=note,
                   satisfaction=self.satisfaction(rng))
        changes = (f'{{"status": ["in_progress", "closed"], "outcome": [null, "{outcome}"], '
                   f'"closed_on": [null, "{iso(c)}"], "close_note": [null, "{note}"]}}')
        if outcome != wf.DIVERTED:
            self.event(cid, at, "closed", changes, note)
            self.add_reply(cid, row)
            return
        event = self.event(cid, at, "diverted", changes, "转人民调解")
        dcat = DIVERT_CATEGORY.get(category, "其他纠纷")
        if dcat not in self.dcats:
            dcat = next(iter(sorted(self.dcats)))
        origin = {"case": row, "event": event, "chunk": self.chunk_no, "at": at, "person": pid,
                  "name": pname, "category": dcat, "company": company}
        self.pending_seq += 1
        heapq.heappush(self.pending, (c, self.pending_seq, origin))
