"""Realistic sample data of any size (``caseapp demo``, the GUI's 示例数据, screenshots, benchmarks).

What it makes, so that lists, figures and printouts look like a real office's:

* Chinese names (common surnames, given names of one or two characters), resident ID numbers
  with a valid GB 11643 checksum for about 60% of people (gender digit matching the person),
  mobile phones, addresses in the office's streets and communities; companies with a legal
  representative as respondents;
* petitions and disputes over the last three years up to ``today``, more around 春节 and the
  year end and fewer in summer, fewer at weekends; categories, channels and sources weighted as
  in a grassroots office; summaries built from per-category templates;
* life cycles that follow caseapp.workflow: acceptance within days, closure mostly within the
  limit, some extended (with a reason), some late, some overdue and still open, recent cases
  still registered or in progress; petitions rejected (不予受理), diverted into people's
  mediation (each with its linked dispute, source 信访转入, received on the day the petition
  closed), group and repeat petitions; disputes with 1–3 mediation sessions, agreements for every
  调解成功, follow-up visits, performance and judicial confirmation; a timeline event for every act.

Speed: rows are built as plain dicts from precomputed pools and written with SQLAlchemy Core
executemany, ``CHUNK`` cases per transaction with explicit primary keys read at the start of
each transaction, so memory stays flat at any size. Each chunk is its own transaction: when the
caller cancels, the chunks already written stay (demo data, not an act of a clerk), and the
disputes of petitions already diverted are added before the job stops, so what stays is whole.

Determinism: ``random.Random(seed)`` drives everything, and every timestamp is derived from
the generated dates, so the same seed and ``today`` on an empty database give the same rows.
On a database that already holds cases the seed is mixed with the highest case id, so running
the demo twice adds different people and cases instead of the same ones again. Numbers come
from the NumberSequence rows (as services.allocate_number), skipping numbers already taken.
"""

from __future__ import annotations

import heapq
import json
import math
import random
from bisect import bisect
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from string import Formatter

from sqlalchemy import Date, DateTime, Numeric, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session
from stdnum.cn import ric

from caseapp import workflow as wf
from caseapp.demo.words import (
    BRANDS,
    CHANNELS,
    CLOSE_NOTES,
    COMMUNITIES,
    DEFAULT_HANDLERS,
    DEFAULT_MEDIATORS,
    DEMANDS,
    DEPARTMENTS,
    DISPUTE_CATEGORY_WEIGHTS,
    DISPUTE_DEMANDS,
    DISPUTE_EXTEND_REASONS,
    DISPUTE_SOURCES,
    DISPUTE_TEMPLATES,
    DIVERT_CATEGORY,
    DIVERT_RATE,
    ENDED_NOTES,
    ESTATES,
    FALLBACK_COMMUNITIES,
    FEMALE_CHARS,
    FOLLOW_UP_DONE,
    FOLLOW_UP_PENDING,
    GENERIC_DISPUTE,
    GENERIC_PETITION,
    INDUSTRIES,
    JUDICIAL_RESULT,
    MALE_CHARS,
    MOBILE_PREFIXES,
    MONEY_ITEMS,
    MONTH_WEIGHTS,
    OFFICE_TIMES,
    PERFORMANCE_METHODS,
    PERFORMANCE_PLACES,
    PETITION_CATEGORY_WEIGHTS,
    PETITION_EXTEND_REASONS,
    PETITION_OUTCOMES,
    PETITION_TEMPLATES,
    REGIONS,
    REJECT_REASONS,
    RIVERS,
    ROADS,
    SATISFACTION,
    SESSION_ENDED,
    SESSION_FAILED,
    SESSION_FIRST,
    SESSION_MIDDLE,
    SESSION_PLACES,
    SESSION_SUCCESS,
    STREET_WEIGHTS,
    SURNAMES,
    TERMS_CLOSING,
    TERMS_MAIN,
    TERMS_MONEY,
    WAGE_SEASON,
    WEEKDAY_WEIGHTS,
)
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.progress import Job, Progress, run
from caseapp.storage.db import Database
from caseapp.storage.models import (
    Agreement,
    Case,
    CaseDepartment,
    CaseParty,
    Category,
    Department,
    Event,
    FollowUp,
    MediationSession,
    NumberSequence,
    Person,
    User,
)
from caseapp.storage.settings import OfficeSettings, format_number

CHUNK = 10_000  # cases per transaction (and per progress step)
YEARS = 3  # the demo spreads cases over this many years up to today


@dataclass(frozen=True)
class DemoResult:
    cases: int
    petitions: int
    disputes: int
    persons: int
    events: int


# ---------------------------------------------------------------------------
# Word pools.


def _choice(rng: random.Random, seq):
    """rng.choice without its pure-Python rejection sampling (several times faster)."""
    return seq[int(rng.random() * len(seq))]


def _randint(rng: random.Random, a: int, b: int) -> int:
    return a + int(rng.random() * (b - a + 1))


def _randrange(rng: random.Random, n: int) -> int:
    return int(rng.random() * n)


class _Pick:
    """A weighted choice by bisection over cumulative weights (faster than rng.choices)."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, items, weights=None):
        self.items = list(items)
        weights = [1.0] * len(self.items) if weights is None else list(weights)
        self.cum, acc = [], 0.0
        for w in weights:
            acc += w
            self.cum.append(acc)
        self.total = acc

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cum, rng.random() * self.total)]




class _Template:
    __slots__ = ("text", "fields", "ptype")

    def __init__(self, text_: str):
        self.text = text_
        self.fields = frozenset(f for _, f, _, _ in Formatter().parse(text_) if f)
        if text_.startswith("建议") or "提出意见" in text_:
            self.ptype = "建议意见类"
        elif text_.startswith("举报") or any(w in text_ for w in ("违规", "非法", "无证", "虚假")):
            self.ptype = "检举控告类"
        else:
            self.ptype = "申诉求决类"


# ---------------------------------------------------------------------------
# Row keys: Core executemany needs the same keys in every row.

CASE_KEYS = tuple(c.name for c in Case.__table__.columns)


def _blank_case() -> dict:
    row = dict.fromkeys(CASE_KEYS)
    row.update(extended=False, is_repeat=False, via_proxy=False, entered=False, performed=False,
               version=1)
    return row


def _iso(o: int) -> str:
    return date.fromordinal(o).isoformat()


# ---------------------------------------------------------------------------
# The builder: turns a plan of days into rows, chunk by chunk.


class _Builder:
    def __init__(self, rng: random.Random, settings: OfficeSettings, today: date, actor: int,
                 counts: list[int], start: int, categories: dict[str, list[str]],
                 scale: int):
        self.rng = rng
        self.settings = settings
        self.limits = settings.limits
        self.today = today.toordinal()
        self.actor = actor
        self.counts = counts
        self.start = start
        self.surname = _Pick(*SURNAMES)
        self.region = _Pick(*REGIONS)
        streets = list(settings.streets) or list(STREET_WEIGHTS)
        self.street = _Pick(streets, [STREET_WEIGHTS.get(s, 1.0) for s in streets])
        self.communities = {s: (COMMUNITIES.get(s) or FALLBACK_COMMUNITIES).split() for s in streets}
        self.handler = _Pick(settings.handlers or DEFAULT_HANDLERS)
        self.mediator_names = list(settings.mediators or DEFAULT_MEDIATORS)
        self.channel = _Pick(*CHANNELS)
        self.dispute_source = _Pick(*DISPUTE_SOURCES)
        self.petition_outcome = _Pick(*PETITION_OUTCOMES)
        self.satisfaction = _Pick(*SATISFACTION)
        self.session_place = _Pick(*SESSION_PLACES)
        pcats, dcats = categories["petition"], categories["dispute"]
        self.pet_cat = {}
        for month in range(1, 13):
            weights = [PETITION_CATEGORY_WEIGHTS.get(c, 2) * (WAGE_SEASON.get(month, 1.0) if c == "劳动社保" else 1)
                       for c in pcats]
            self.pet_cat[month] = _Pick(pcats, weights)
        self.dis_cat = _Pick(dcats, [DISPUTE_CATEGORY_WEIGHTS.get(c, 2) for c in dcats])
        self.dcats = set(dcats)
        self.templates = {
            c: [_Template(t) for t in PETITION_TEMPLATES.get(c, GENERIC_PETITION)] for c in pcats
        }
        self.templates.update({
            c: [_Template(t) for t in DISPUTE_TEMPLATES.get(c, GENERIC_DISPUTE)] for c in dcats
        })
        # Companies: pools scaled to the run, created as persons when first a respondent.
        size = min(1000, 15 + scale // 400)
        self.companies = {trade: self._company_names(size if trade != "prop" else size // 4 + 3, names)
                          for trade, names in INDUSTRIES.items()}
        self.birth_lo = date(1945, 1, 1).toordinal()
        self.birth_hi = date(2002, 12, 31).toordinal()
        self.birth_mode = date(1968, 6, 1).toordinal()
        self.seen_ids: set[int] = set()
        self.org_ids: dict[str, int] = {}
        self.repeat_pool: deque = deque(maxlen=3000)
        self.pending: list = []  # heap of diverted disputes waiting for their day
        self.pending_seq = 0
        self.departments: dict[str, int] = {}
        self.chunk_no = 0
        self.totals = {"petition": 0, "dispute": 0, "persons": 0, "events": 0}
        self._n_terms = 0
        self._perf_due = 0
        self._new_rows()

    # -- pools -------------------------------------------------------------

    def _company_names(self, size: int, industries) -> list[str]:
        rng, names, seen = self.rng, [], set()
        size = min(size, len(BRANDS) * len(industries))  # half of the 2 × brands × industries
        while len(names) < size:
            place = "重庆" if rng.random() < 0.6 else "重庆市涪陵区"
            name = f"{place}{_choice(rng, BRANDS)}{_choice(rng, industries)}有限公司"
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    def _new_rows(self) -> None:
        self.persons: list[dict] = []
        self.cases: list[dict] = []
        self.parties: list[dict] = []
        self.case_depts: list[dict] = []
        self.events: list[dict] = []
        self.sessions: list[dict] = []
        self.agreements: list[dict] = []
        self.follow_ups: list[dict] = []
        self.note_fixes: list[tuple[dict, str, dict, int]] = []

    def begin_chunk(self, ids: dict[str, int]) -> None:
        self.next_id = dict(ids)
        self.chunk_no += 1

    def _id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table]

    # -- people ------------------------------------------------------------

    def _name(self, male: bool, surname: str | None = None) -> str:
        rng = self.rng
        chars = MALE_CHARS if male else FEMALE_CHARS
        given = _choice(rng, chars)
        if rng.random() < 0.72:
            given += _choice(rng, chars)
        return (surname or self.surname(rng)) + given

    def _id_number(self, male: bool) -> tuple[str, date]:
        rng = self.rng
        while True:
            region = self.region(rng)
            birth = date.fromordinal(int(rng.triangular(self.birth_lo, self.birth_hi, self.birth_mode)))
            seq = _randrange(rng, 500) * 2 + (1 if male else 0)
            body = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
            key = int(body)
            if key not in self.seen_ids:
                self.seen_ids.add(key)
                return body + ric.calc_check_digit(body + "0"), birth

    def _phone(self) -> str:
        return f"{_choice(self.rng, MOBILE_PREFIXES)}{_randrange(self.rng, 100_000_000):08d}"

    def _address(self, street: str, community: str) -> str:
        rng = self.rng
        if community.endswith("村"):
            return f"{street}{community}{_randint(rng, 1, 12)}组{_randint(rng, 1, 60)}号"
        if rng.random() < 0.5:
            return f"{street}{community}{_choice(rng, ROADS)}{_randint(rng, 1, 300)}号"
        return (f"{street}{community}{_choice(rng, ESTATES)}{_randint(rng, 1, 30)}栋"
                f"{_randint(rng, 1, 4)}单元{_randint(rng, 1, 32)}-{_randint(rng, 1, 6)}号")

    def _person(self, street: str, community: str, at: datetime, id_rate: float,
                surname: str | None = None) -> tuple[int, str]:
        rng = self.rng
        male = rng.random() < 0.56
        name = self._name(male, surname)
        id_number = birth = None
        if rng.random() < id_rate:
            id_number, birth = self._id_number(male)
        pid = self._id("persons")
        self.persons.append({
            "id": pid, "is_org": False, "name": name, "gender": "男" if male else "女",
            "birth_date": birth, "id_number": id_number,
            "phone": self._phone() if rng.random() < 0.92 else None,
            "address": self._address(street, community) if rng.random() < 0.85 else None,
            "legal_rep": None, "created_at": at,
        })
        return pid, name

    def _org(self, name: str, at: datetime) -> int:
        pid = self.org_ids.get(name)
        if pid is None:
            rng = self.rng
            pid = self._id("persons")
            phone = f"023-7{_randrange(rng, 10_000_000):07d}" if rng.random() < 0.6 else self._phone()
            self.persons.append({
                "id": pid, "is_org": True, "name": name, "gender": None, "birth_date": None,
                "id_number": None, "phone": phone,
                "address": f"重庆市涪陵区{_choice(rng, ROADS)}{_randint(rng, 1, 200)}号",
                "legal_rep": self._name(rng.random() < 0.8), "created_at": at,
            })
            self.org_ids[name] = pid
        return pid

    # -- helpers -----------------------------------------------------------

    def _at(self, o: int, after: datetime | None = None) -> datetime:
        at = datetime.fromordinal(o) + _choice(self.rng, OFFICE_TIMES)
        if after is not None and at <= after and after.toordinal() == o:
            at = after + timedelta(minutes=_randint(self.rng, 3, 15))
        return at

    def _workday(self, o: int, not_before: int) -> int:
        """Acts fall on working days: a Saturday or Sunday moves back to Friday when it can."""
        wd = (o + 6) % 7
        if wd >= 5 and o - (wd - 4) >= not_before:
            return o - (wd - 4)
        return o

    def _event(self, case_id: int, at: datetime, action: str, changes: str | None = None,
               note: str | None = None) -> dict:
        row = {"id": self._id("events"), "case_id": case_id, "at": at, "user_id": self.actor,
               "action": action, "changes": changes, "note": note}
        self.events.append(row)
        return row

    def _place(self) -> tuple[str, str]:
        street = self.street(self.rng)
        return street, _choice(self.rng, self.communities[street])

    def _fill(self, category: str, community: str) -> tuple[str, int | None, Decimal | None, str | None, str]:
        """A summary from the category's templates: (summary, people, amount, company, type)."""
        rng = self.rng
        t = _choice(rng, self.templates[category])
        values: dict[str, object] = {}
        people = amount = company = None
        f = t.fields
        if "comm" in f:
            values["comm"] = community
        if "cat" in f:
            values["cat"] = category
        for trade in ("bco", "fco", "sco", "prop"):
            if trade in f:
                company = values[trade] = _choice(rng, self.companies[trade])
        if "road" in f:
            values["road"] = _choice(rng, ROADS)
        if "estate" in f:
            values["estate"] = _choice(rng, ESTATES)
        if "river" in f:
            values["river"] = _choice(rng, RIVERS)
        if "bn" in f:
            people = values["bn"] = int(math.exp(rng.uniform(math.log(5), math.log(80))))
        if "wan" in f:
            wan = round(math.exp(rng.uniform(math.log(0.5), math.log(90))), 1)
            values["wan"] = f"{wan:g}"
            amount = Decimal(f"{wan * 10000:.2f}")
        if "yuan" in f:
            yuan = int(math.exp(rng.uniform(math.log(600), math.log(60000)))) // 10 * 10
            values["yuan"] = yuan
            amount = Decimal(yuan)
        if "small" in f:
            values["small"] = _choice(rng, (200, 300, 400, 500, 600, 800, 1000))
        return t.text.format(**values), people, amount, company, t.ptype

    def _take_slot(self, o: int) -> bool:
        """A diverted dispute takes one case slot on or after its day, so the total stays."""
        counts = self.counts
        for j in range(o - self.start, len(counts)):
            if counts[j] > 0:
                counts[j] -= 1
                return True
        return False

    # -- the plan ----------------------------------------------------------

    def run(self) -> Iterator[None]:
        """Yield once per case added to the current rows, in order of received_on."""
        counts, pending = self.counts, self.pending
        for di in range(len(counts)):
            o = self.start + di
            while pending and pending[0][0] == o:
                self._dispute(o, heapq.heappop(pending)[2])
                yield
            while counts[di] > 0:
                counts[di] -= 1
                if self.rng.random() < 0.4:
                    self._petition(o)
                else:
                    self._dispute(o)
                yield
                while pending and pending[0][0] == o:
                    self._dispute(o, heapq.heappop(pending)[2])
                    yield

    def drain(self) -> None:
        """Add every dispute still waiting for its day (used when the job is cancelled)."""
        while self.pending:
            o, _, origin = heapq.heappop(self.pending)
            self._dispute(o, origin)

    # -- life cycle --------------------------------------------------------

    def _life(self, kind: str, r: int) -> tuple[int | None, int | None, bool, int | None]:
        """(accepted, closed, extended, extended_at) as ordinals, all on or before today."""
        rng, lim, today = self.rng, self.limits, self.today
        if kind == "petition":
            if rng.random() < 0.02:
                delay = _randint(rng, lim.petition_accept + 1, lim.petition_accept + 15)
            else:
                delay = min(int(rng.expovariate(1 / 3.5)), 10)
            limit, extension = lim.petition_handle, lim.petition_extension
            shares = (0.80, 0.92, 0.95, 0.97)
            mode = 0.45
        else:
            delay = _randint(rng, 8, 20) if rng.random() < 0.01 else min(int(rng.expovariate(1 / 1.5)), 7)
            limit, extension = lim.dispute_mediate, lim.dispute_extension
            shares = (0.84, 0.93, 0.96, 0.975)
            mode = 0.35
        if rng.random() < 0.004 or (today - r <= 7 and rng.random() < 0.5):
            return None, None, False, None  # still at intake (a few long forgotten ones: overdue)
        a = self._workday(r + delay, r)
        if a > today:
            return None, None, False, None
        u = rng.random()
        extended, ext_at = False, None
        if u < shares[0]:
            dur = int(rng.triangular(0, limit - 1, limit * mode))
        elif u < shares[1]:
            dur = _randint(rng, limit + 1, limit + extension - 2)
            extended = True
        elif u < shares[2]:
            dur = _randint(rng, limit + 1, limit + max(2, limit // 3))
        elif u < shares[3]:
            dur = _randint(rng, limit + extension + 1, limit + extension + 30)
            extended = True
        elif today - a > 240 and rng.random() < 0.97:
            # An office clears its old backlog: most long-stuck cases end, just very late.
            dur = _randint(rng, limit + extension + 1, limit + extension + 150)
            extended = rng.random() < 0.5
        else:
            dur = None  # left open: overdue once the deadline passes
            extended = rng.random() < 0.4
        if extended:
            ext_at = a + _randint(rng, max(1, limit - 10), max(1, limit - 1))
            if ext_at > today:
                extended, ext_at = False, None
        c = None
        if dur is not None:
            c = self._workday(a + dur, max(a, ext_at or a))
            if c > today:
                c = None
        return a, c, extended, ext_at

    # -- petitions ---------------------------------------------------------

    def _petition(self, r: int) -> None:
        rng, today, lim = self.rng, self.today, self.limits
        cid = self._id("cases")
        reg_at = self._at(r)
        month = date.fromordinal(r).month
        rep = self.repeat_pool[_randrange(rng, len(self.repeat_pool))] if (
            self.repeat_pool and rng.random() < 0.07) else None
        if rep is not None:
            pid, pname, category, street, community, summary, people, amount, company, ptype = rep
            if not summary.startswith("再次"):
                summary = "再次" + summary
        else:
            category = self.pet_cat[month](rng)
            street, community = self._place()
            summary, people, amount, company, ptype = self._fill(category, community)
            pid, pname = self._person(street, community, reg_at, 0.6)
        group = None
        if rng.random() < (0.15 if people and people >= 5 else 0.015):
            group = people if people and people >= 5 else _randint(rng, 5, 30)
            people = group
        channel = "来访" if group and rng.random() < 0.8 else self.channel(rng)
        row = _blank_case()
        row.update(
            id=cid, kind="petition", summary=summary, category=category, source=channel,
            street=street, community=community, received_on=date.fromordinal(r),
            handler=self.handler(rng), people_count=people or 1, amount=amount,
            details=f"{street}{community}{pname}{summary}，{_choice(rng, DEMANDS)}。",
            petition_type=ptype, group_size=group, is_repeat=rep is not None,
            via_proxy=rng.random() < 0.3, created_at=reg_at,
        )
        self.cases.append(row)
        self.parties.append({"id": self._id("case_parties"), "case_id": cid, "person_id": pid,
                             "role": "信访人"})
        self._event(cid, reg_at, "registered")
        if rep is None:
            self.repeat_pool.append((pid, pname, category, street, community, summary, people,
                                     amount, company, ptype))
        due0 = r + lim.petition_accept
        if rng.random() < 0.05:  # 不予受理
            late = rng.random() < 0.08
            c = self._workday(r + (_randint(rng, lim.petition_accept + 1, lim.petition_accept + 10)
                                   if late else _randint(rng, 1, lim.petition_accept - 1)), r)
            if c <= today:
                reason = _choice(rng, REJECT_REASONS)
                at = self._at(c, reg_at)
                row.update(status="rejected", outcome=wf.REJECTED, closed_on=date.fromordinal(c),
                           reject_reason=reason, due_on=date.fromordinal(due0))
                self._event(cid, at, "rejected",
                            f'{{"status": ["registered", "rejected"], "outcome": [null, "{wf.REJECTED}"], '
                            f'"closed_on": [null, "{_iso(c)}"], "reject_reason": [null, "{reason}"]}}',
                            reason)
                if rng.random() < 0.75:
                    row["entered"] = True
                    self._event(cid, self._at(c, at), "marked_entered", '{"entered": [false, true]}')
                return
        a, c, extended, ext_at = self._life("petition", r)
        if a is None:
            row.update(status="registered", due_on=date.fromordinal(due0))
            return
        due1 = a + lim.petition_handle
        due = due1 + (lim.petition_extension if extended else 0)
        acc_at = self._at(a, reg_at)
        row.update(status="in_progress", accepted_on=date.fromordinal(a), due_on=date.fromordinal(due),
                   extended=extended)
        self._event(cid, acc_at, "accepted",
                    f'{{"status": ["registered", "in_progress"], "accepted_on": [null, "{_iso(a)}"], '
                    f'"due_on": ["{_iso(due0)}", "{_iso(due1)}"]}}')
        last = acc_at
        if rng.random() < 0.9:
            row["entered"] = True
            e = min(a + int(rng.expovariate(1 / 1.5)), c or today, today)
            last = self._at(e, acc_at)
            self._event(cid, last, "marked_entered", '{"entered": [false, true]}')
        if extended:
            reason = _choice(rng, PETITION_EXTEND_REASONS)
            row["extension_reason"] = reason
            last = self._at(ext_at, max(last, acc_at))
            self._event(cid, last, "extended",
                        f'{{"extended": [false, true], "extension_reason": [null, "{reason}"], '
                        f'"due_on": ["{_iso(due1)}", "{_iso(due)}"]}}', reason)
        if c is None:
            return
        outcome = self.petition_outcome(rng)
        if rng.random() < DIVERT_RATE.get(category, 0.0) and self._take_slot(c):
            outcome = wf.DIVERTED
        note = CLOSE_NOTES[outcome]
        at = self._at(c, last)
        row.update(status="closed", outcome=outcome, closed_on=date.fromordinal(c), close_note=note,
                   satisfaction=self.satisfaction(rng))
        changes = (f'{{"status": ["in_progress", "closed"], "outcome": [null, "{outcome}"], '
                   f'"closed_on": [null, "{_iso(c)}"], "close_note": [null, "{note}"]}}')
        if outcome != wf.DIVERTED:
            self._event(cid, at, "closed", changes, note)
            return
        event = self._event(cid, at, "diverted", changes, "转人民调解")
        dcat = DIVERT_CATEGORY.get(category, "其他纠纷")
        if dcat not in self.dcats:
            dcat = next(iter(sorted(self.dcats)))
        origin = {"case": row, "event": event, "chunk": self.chunk_no, "at": at, "person": pid,
                  "name": pname, "category": dcat, "company": company}
        self.pending_seq += 1
        heapq.heappush(self.pending, (c, self.pending_seq, origin))

    # -- disputes ----------------------------------------------------------

    def _dispute(self, r: int, origin: dict | None = None) -> None:
        rng, today, lim = self.rng, self.today, self.limits
        cid = self._id("cases")
        row = _blank_case()
        if origin is not None:
            p = origin["case"]
            reg_at = self._at(r, origin["at"])
            category, street, community = origin["category"], p["street"], p["community"]
            summary, company = p["summary"], origin["company"]
            pid, pname = origin["person"], origin["name"]
            row.update(source="信访转入", origin_case_id=p["id"], details=p["details"],
                       handler=p["handler"], people_count=p["people_count"], amount=p["amount"])
        else:
            reg_at = self._at(r)
            category = self.dis_cat(rng)
            street, community = self._place()
            summary, people, amount, company, _ = self._fill(category, community)
            pid, pname = self._person(street, community, reg_at, 0.6)
            row.update(source=self.dispute_source(rng), handler=self.handler(rng),
                       people_count=people or 2, amount=amount,
                       details=f"申请人{pname}称{summary}，{_choice(rng, DISPUTE_DEMANDS)}。")
        mediators = rng.sample(self.mediator_names, min(len(self.mediator_names),
                                                        1 if rng.random() < 0.55 else 2))
        row.update(id=cid, kind="dispute", summary=summary, category=category, street=street,
                   community=community, received_on=date.fromordinal(r), created_at=reg_at,
                   mediators="、".join(mediators))
        self.cases.append(row)
        self.parties.append({"id": self._id("case_parties"), "case_id": cid, "person_id": pid,
                             "role": "申请人"})
        if company is not None:
            resp_id, resp_name = self._org(company, reg_at), company
        else:
            same = category in ("婚姻家庭纠纷", "房屋宅基地纠纷") and rng.random() < 0.6
            resp_id, resp_name = self._person(street, community, reg_at, 0.45,
                                              surname=pname[0] if same else None)
        self.parties.append({"id": self._id("case_parties"), "case_id": cid, "person_id": resp_id,
                             "role": "被申请人"})
        registered = self._event(cid, reg_at, "registered")
        if origin is not None:
            registered["note"] = "由信访件 {number} 转入"
            self.note_fixes.append((registered, "由信访件 {number} 转入", p, self.chunk_no))
            self.note_fixes.append((origin["event"], "转人民调解，纠纷编号 {number}", row,
                                    origin["chunk"]))
        if rng.random() < 0.4:
            for name in rng.sample(list(self.departments), _randint(rng, 1, 2)):
                self.case_depts.append({"case_id": cid, "department_id": self.departments[name]})
        a, c, extended, ext_at = self._life("dispute", r)
        if a is None:
            row["status"] = "registered"
            return
        due1 = a + lim.dispute_mediate
        due = due1 + (lim.dispute_extension if extended else 0)
        acc_at = self._at(a, reg_at)
        row.update(status="in_progress", accepted_on=date.fromordinal(a), due_on=date.fromordinal(due),
                   extended=extended)
        self._event(cid, acc_at, "accepted",
                    f'{{"status": ["registered", "in_progress"], "accepted_on": [null, "{_iso(a)}"], '
                    f'"due_on": [null, "{_iso(due1)}"]}}')
        outcome = None
        if c is not None:
            u = rng.random()
            outcome = wf.MEDIATED if u < 0.81 else wf.MEDIATION_FAILED if u < 0.95 else wf.MEDIATION_ENDED
        # Mediation sessions between acceptance and closure (or today).
        end = c if c is not None else today
        k = 1 + (rng.random() < 0.5) + (rng.random() < 0.3) if c is not None else _randint(rng, 0, 2)
        days = sorted(self._workday(a + _randint(rng, 0, end - a), a) for _ in range(k))
        if c is not None and days:
            days[-1] = c
            days.sort()
        last = acc_at
        place_tpl = self.session_place(rng)
        place = place_tpl.format(community=community)
        route = _choice(rng, wf.FAILED_ROUTES) if outcome == wf.MEDIATION_FAILED else None
        parties = f"调解员{mediators[0]}、申请人{pname}、被申请人{resp_name}"
        events_at: list[tuple[datetime, str]] = []
        for i, held in enumerate(days, 1):
            if i == 1:
                record = _choice(rng, SESSION_FIRST)
            else:
                record = _choice(rng, SESSION_MIDDLE)
            if i == len(days) and outcome is not None and (held == c):
                if outcome == wf.MEDIATED:
                    record = _choice(rng, SESSION_SUCCESS)
                elif outcome == wf.MEDIATION_FAILED:
                    record = _choice(rng, SESSION_FAILED).format(route=route)
                else:
                    record = _choice(rng, SESSION_ENDED)
            self.sessions.append({"id": self._id("mediation_sessions"), "case_id": cid,
                                  "held_on": date.fromordinal(held), "place": place,
                                  "participants": parties, "record": record})
            events_at.append((held, f"第{i}次调解，{_iso(held)} {place}"))
        ext_done = not extended
        for held, note in events_at:
            if not ext_done and ext_at <= held:
                last = self._extend(cid, row, ext_at, last, due1, due)
                ext_done = True
            last = self._at(held, last)
            self._event(cid, last, "session_held", None, note)
        if not ext_done:
            last = self._extend(cid, row, ext_at, last, due1, due)
        if outcome is None:
            return
        c_date = date.fromordinal(c)
        if outcome == wf.MEDIATED:
            form = "书面协议" if rng.random() < 0.8 else "口头协议"
            self._agreement(cid, row, form, c, category, pname, resp_name, community, summary)
            last = self._at(c, last)
            self._event(cid, last, "agreement_recorded", None, f"{form}，共{self._n_terms}条")
            note = CLOSE_NOTES[wf.MEDIATED]
            changes = (f'{{"status": ["in_progress", "closed"], "outcome": [null, "{outcome}"], '
                       f'"closed_on": [null, "{_iso(c)}"], "close_note": [null, "{note}"]}}')
        elif outcome == wf.MEDIATION_FAILED:
            note = f"双方分歧较大，调解不成，已告知当事人通过{route}途径解决"
            row["failed_route"] = route
            changes = (f'{{"failed_route": [null, "{route}"], "status": ["in_progress", "closed"], '
                       f'"outcome": [null, "{outcome}"], "closed_on": [null, "{_iso(c)}"], '
                       f'"close_note": [null, "{note}"]}}')
        else:
            note = _choice(rng, ENDED_NOTES)
            changes = (f'{{"status": ["in_progress", "closed"], "outcome": [null, "{outcome}"], '
                       f'"closed_on": [null, "{_iso(c)}"], "close_note": [null, "{note}"]}}')
        row.update(status="closed", outcome=outcome, closed_on=c_date, close_note=note)
        last = self._at(c, last)
        self._event(cid, last, "closed", changes, note)
        if outcome == wf.MEDIATED:
            self._after_success(cid, row, c, last)

    def _extend(self, cid: int, row: dict, ext_at: int, last: datetime, due1: int, due: int) -> datetime:
        reason = _choice(self.rng, DISPUTE_EXTEND_REASONS)
        row["extension_reason"] = reason
        at = self._at(ext_at, last)
        self._event(cid, at, "extended",
                    f'{{"extended": [false, true], "extension_reason": [null, "{reason}"], '
                    f'"due_on": ["{_iso(due1)}", "{_iso(due)}"]}}', reason)
        return at

    def _agreement(self, cid: int, row: dict, form: str, c: int, category: str, app: str,
                   resp: str, community: str, summary: str) -> None:
        rng = self.rng
        due_off = _choice(rng, (0, 0, 7, 15, 30, 30, 60, 90))
        due = c + due_off
        amount = row["amount"]
        yuan = int(amount) if amount else int(math.exp(rng.uniform(math.log(800), math.log(40000)))) // 100 * 100
        due_text = _cn_date(due)
        values = {"app": app, "resp": resp, "due": due_text, "yuan": f"{yuan:,}",
                  "small": _choice(rng, (300, 400, 500, 600, 800)),
                  "item": MONEY_ITEMS.get(category, "补偿款")}
        main = TERMS_MAIN.get(category)
        if main and rng.random() < 0.7:
            terms = [_choice(rng, main)]
        else:
            terms = [_choice(rng, TERMS_MONEY)]
        extra = _randint(rng, 0, 3)
        if extra:
            terms += rng.sample(TERMS_CLOSING, min(extra, len(TERMS_CLOSING)))
        terms = [t.format(**values) for t in terms]
        self._n_terms = len(terms)
        method = "当场一次性支付" if due_off == 0 else _choice(rng, PERFORMANCE_METHODS[1:])
        self.agreements.append({
            "id": self._id("agreements"), "case_id": cid, "form": form,
            "signed_on": date.fromordinal(c),
            "facts": f"{summary.removeprefix('再次').removeprefix('反映')}。经{self.settings.committee_name}"
                     f"主持调解，申请人{app}与被申请人{resp}自愿达成如下协议。",
            "terms": json.dumps(terms, ensure_ascii=False),
            "performance_method": method,
            "performance_place": _choice(rng, PERFORMANCE_PLACES).format(community=community),
            "performance_due": date.fromordinal(due),
        })
        self._perf_due = due
        if form == "书面协议" and rng.random() < 0.08:
            applied = c + _randint(rng, 1, 20)
            if applied <= self.today:
                row["judicial_applied_on"] = date.fromordinal(applied)
                if applied + 15 <= self.today:
                    row["judicial_result"] = JUDICIAL_RESULT

    def _after_success(self, cid: int, row: dict, c: int, last: datetime) -> None:
        rng, today = self.rng, self.today
        due = c + self.limits.follow_up
        perf_due = self._perf_due
        performed_on = None
        if perf_due <= today:
            if rng.random() < 0.93:
                performed_on = c + _randint(rng, 0, perf_due - c)
        elif rng.random() < 0.35:
            performed_on = c + _randint(rng, 0, today - c)
        follow = {"id": self._id("follow_ups"), "case_id": cid, "due_on": date.fromordinal(due),
                  "done_on": None, "result": None}
        self.follow_ups.append(follow)
        acts: list[tuple[int, str, str | None, str | None]] = []
        if performed_on is not None:
            row["performed"] = True
            acts.append((performed_on, "performance", '{"performed": [false, true]}', None))
        done = None
        # Visits due long ago were all made; only the last weeks' may still be waiting.
        chance = 1.0 if today - due > 45 else (0.9 if due <= today else 0.5)
        if today - c >= 10 and rng.random() < chance:
            done = min(c + _randint(rng, 10, self.limits.follow_up + 3), today)
            ok = performed_on is not None and performed_on <= done
            result = _choice(rng, FOLLOW_UP_DONE) if ok else FOLLOW_UP_PENDING
            follow.update(done_on=date.fromordinal(done), result=result)
            acts.append((done, "follow_up", None, result))
        for o, action, changes, note in sorted(acts, key=lambda x: x[0]):
            last = self._at(o, last)
            self._event(cid, last, action, changes, note)


def _cn_date(o: int) -> str:
    d = date.fromordinal(o)
    return f"{d.year}年{d.month}月{d.day}日"


# ---------------------------------------------------------------------------
# Planning and writing.


def _plan(rng: random.Random, total: int, start: int, end: int) -> list[int]:
    """How many cases arrive on each day from ``start`` to ``end`` (ordinals, inclusive)."""
    weights = []
    span = max(1, end - start)
    for o in range(start, end + 1):
        d = date.fromordinal(o)
        trend = 0.85 + 0.3 * (o - start) / span  # slowly rising over the years
        weights.append(MONTH_WEIGHTS[d.month - 1] * WEEKDAY_WEIGHTS[d.weekday()] * trend)
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    counts = [0] * len(weights)
    left = total
    while left:
        k = min(left, 100_000)
        for i in rng.choices(range(len(weights)), cum_weights=cum, k=k):
            counts[i] += 1
        left -= k
    return counts


_TABLES = {
    "persons": Person, "cases": Case, "case_parties": CaseParty, "events": Event,
    "mediation_sessions": MediationSession, "agreements": Agreement, "follow_ups": FollowUp,
}


def _max_ids(session: Session) -> dict[str, int]:
    return {name: session.scalar(select(func.coalesce(func.max(model.id), 0)))
            for name, model in _TABLES.items()}


def _in_batches(session: Session, column, values: list, size: int = 500) -> set:
    found = set()
    for i in range(0, len(values), size):
        found.update(session.scalars(select(column).where(column.in_(values[i:i + size]))))
    return found


def _assign_numbers(session: Session, settings: OfficeSettings, cases: list[dict]) -> None:
    groups: dict[tuple[str, int], list[dict]] = {}
    for row in cases:
        groups.setdefault((row["kind"], row["received_on"].year), []).append(row)
    for (kind, year), rows in groups.items():
        template = settings.number_format(kind)
        seq_row = session.get(NumberSequence, (kind, year), with_for_update=True)
        if seq_row is None:
            seq_row = NumberSequence(kind=kind, year=year, last=0)
            session.add(seq_row)
        seq, numbers = seq_row.last or 0, []
        while len(numbers) < len(rows):
            need = len(rows) - len(numbers)
            candidates = [format_number(template, year, s) for s in range(seq + 1, seq + need + 1)]
            taken = _in_batches(session, Case.number, candidates)
            numbers += [n for n in candidates if n not in taken]
            seq += need
        seq_row.last = seq
        for row, number in zip(rows, numbers, strict=True):
            row["number"] = number


def _fix_id_collisions(session: Session, builder: _Builder) -> None:
    """A generated ID number that an earlier person already holds gets a fresh one."""
    while True:
        rows = [p for p in builder.persons if p["id_number"]]
        taken = _in_batches(session, Person.id_number, [p["id_number"] for p in rows])
        if not taken:
            return
        for p in rows:
            if p["id_number"] in taken:
                p["id_number"], p["birth_date"] = builder._id_number(p["gender"] == "男")


def _sqlite_datetime(value: datetime) -> str:
    # SQLAlchemy's SQLite storage format, so the rows read and compare as ORM-written ones do.
    text_ = str(value)  # 2026-03-05 09:12:00, with .ffffff only when there are microseconds
    return text_ if value.microsecond else text_ + ".000000"


def _sqlite_insert(conn, table, rows: list[dict]) -> None:
    """The SQLite fast path: values converted as SQLAlchemy's SQLite types store them, then one
    executemany on the driver (SQLAlchemy's per-row parameter processing costs more than SQLite)."""
    columns = [c.name for c in table.columns]
    converters = []
    for c in table.columns:
        if isinstance(c.type, DateTime):
            converters.append((c.name, _sqlite_datetime))
        elif isinstance(c.type, Date):
            converters.append((c.name, date.isoformat))
        elif isinstance(c.type, Numeric):
            converters.append((c.name, float))
    getter = itemgetter(*columns)
    if converters:
        positions = [(columns.index(name), convert) for name, convert in converters]
        data = []
        for row in rows:
            values = list(getter(row))
            for i, convert in positions:
                if values[i] is not None:
                    values[i] = convert(values[i])
            data.append(tuple(values))
    else:
        data = [getter(row) for row in rows]
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    conn.exec_driver_sql(sql, data)


def _flush(session: Session, builder: _Builder, settings: OfficeSettings,
           check_ids: bool) -> None:
    conn = session.connection()
    if check_ids:
        _fix_id_collisions(session, builder)
    _assign_numbers(session, settings, builder.cases)
    later = []
    for event, template, other, chunk in builder.note_fixes:
        note = template.format(number=other["number"])
        if chunk == builder.chunk_no:
            event["note"] = note
        else:
            later.append({"eid": event["id"], "enote": note})
    sqlite = conn.dialect.name == "sqlite"
    for model, rows in ((Person, builder.persons), (Case, builder.cases),
                        (CaseParty, builder.parties), (CaseDepartment, builder.case_depts),
                        (Event, builder.events), (MediationSession, builder.sessions),
                        (Agreement, builder.agreements), (FollowUp, builder.follow_ups)):
        if rows and sqlite:
            _sqlite_insert(conn, model.__table__, rows)
        elif rows:
            conn.execute(insert(model.__table__), rows)
    if later:
        table = Event.__table__
        conn.execute(update(table).where(table.c.id == bindparam("eid"))
                     .values(note=bindparam("enote")), later)
    if conn.dialect.name == "postgresql":  # explicit keys do not move the serial sequences
        for name in _TABLES:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                              f"(SELECT MAX(id) FROM {name}))"))
    builder.totals["persons"] += len(builder.persons)
    builder.totals["events"] += len(builder.events)
    builder.totals["petition"] += sum(1 for c in builder.cases if c["kind"] == "petition")
    builder._new_rows()


def _prepare(session: Session, actor: int) -> tuple[dict[str, list[str]], dict[str, int],
                                                      dict[str, int], int, bool]:
    user = session.get(User, actor)
    if user is None or not user.active:
        raise PermissionDenied("当前用户不存在或已停用")
    if not wf.role_may(user.role, wf.Act.EDIT):
        raise PermissionDenied(f"{wf.ROLE_LABELS.get(user.role, user.role)}无权添加示例数据")
    categories = {}
    for kind, defaults in (("petition", wf.DEFAULT_PETITION_CATEGORIES),
                           ("dispute", wf.DEFAULT_DISPUTE_CATEGORIES)):
        names = list(session.scalars(select(Category.name).where(
            Category.kind == kind, Category.active.is_(True)).order_by(Category.sort_order, Category.id)))
        categories[kind] = names or list(defaults)
    existing = dict(session.execute(select(Department.name, Department.id)).all())
    for name in DEPARTMENTS:
        if name not in existing:
            dept = Department(name=name, active=True)
            session.add(dept)
            session.flush()
            existing[name] = dept.id
    departments = {name: existing[name] for name in DEPARTMENTS}
    orgs = dict(session.execute(select(Person.name, func.min(Person.id))
                                .where(Person.is_org.is_(True)).group_by(Person.name)).all())
    base_case = session.scalar(select(func.coalesce(func.max(Case.id), 0)))
    has_persons = session.scalar(select(Person.id).limit(1)) is not None
    return categories, departments, orgs, base_case, has_persons


def generate(db: Database, actor: int, cases: int = 1000, seed: int = 1, *,
             today: date | None = None, years: int = YEARS) -> Job[DemoResult]:
    """Add ``cases`` cases of realistic sample data; yields Progress once per chunk.

    ``cases`` counts every case made, the disputes of diverted petitions included. ``today``
    (default: the real date) is the last day of the ``years`` (3) years the cases spread over;
    nothing is dated after it. Refused with PermissionDenied when ``actor`` may not register cases."""
    if cases < 0:
        raise ValidationError("示例案件数不能为负数", "cases")
    today = today or date.today()
    settings = db.settings()
    yield Progress(0, cases, "正在准备示例数据…")
    with db.write() as session:
        categories, departments, orgs, base_case, has_persons = _prepare(session, actor)
    if cases == 0:
        return DemoResult(0, 0, 0, 0, 0)
    rng = random.Random(seed if base_case == 0 else f"{seed}/{base_case}")
    end = today.toordinal()
    start = end - 365 * years + 1
    counts = _plan(rng, cases, start, end)
    builder = _Builder(rng, settings, today, actor, counts, start, categories, cases)
    builder.departments = departments
    builder.org_ids = orgs
    steps = builder.run()
    done = 0
    try:
        while done < cases:
            n = 0
            with db.write() as session:
                builder.begin_chunk(_max_ids(session))
                for _ in steps:
                    n += 1
                    if n >= CHUNK:
                        break
                _flush(session, builder, settings, has_persons)
            done += n
            yield Progress(done, cases, f"已生成示例案件 {done:,} / {cases:,} 件")
            if n == 0:
                break
    except GeneratorExit:
        # Cancelled between chunks: what is written stays, so give every petition already
        # diverted its dispute (they are waiting for their day), then stop.
        if builder.pending:
            with db.write() as session:
                builder.begin_chunk(_max_ids(session))
                builder.drain()
                _flush(session, builder, settings, has_persons)
        raise
    t = builder.totals
    return DemoResult(cases=done, petitions=t["petition"], disputes=done - t["petition"],
                      persons=t["persons"], events=t["events"])


def run_demo(db: Database, actor: int, cases: int = 1000, seed: int = 1,
             on_progress: Callable[[Progress], bool | None] | None = None,
             today: date | None = None, years: int = YEARS) -> DemoResult:
    """``caseapp demo``: drive :func:`generate` to its end."""
    return run(generate(db, actor, cases, seed, today=today, years=years), on_progress)
