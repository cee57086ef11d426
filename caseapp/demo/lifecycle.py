"""The shape of a case's life in the demo: its summary, and when it is accepted, extended and
closed (mostly within the limit, some late, some still open)."""

from __future__ import annotations

import math
from decimal import Decimal

from caseapp.deadlines import Limits
from caseapp.demo.draws import Pick, Template, choice, randint
from caseapp.demo.people import People
from caseapp.demo.words import ESTATES, RIVERS, ROADS


class LifeCycle(People):
    """What every case shares: a summary from its category's templates, a slot in the plan,
    and the days it is accepted, extended and closed."""

    limits: Limits
    today: int  # ordinal, like every day here
    counts: list[int]  # cases still to arrive on each day of the plan, from ``start``
    start: int
    templates: dict[str, list[Template]]  # category → its summary templates
    companies: dict[str, list[str]]  # trade → company names
    handler: Pick

    def fill(self, category: str, community: str) -> tuple[str, int | None, Decimal | None, str | None, str]:
        """A summary from the category's templates: (summary, people, amount, company, type)."""
        rng = self.rng
        t = choice(rng, self.templates[category])
        values: dict[str, object] = {}
        people = amount = company = None
        f = t.fields
        if "comm" in f:
            values["comm"] = community
        if "cat" in f:
            values["cat"] = category
        for trade in ("bco", "fco", "sco", "prop"):
            if trade in f:
                company = values[trade] = choice(rng, self.companies[trade])
        if "road" in f:
            values["road"] = choice(rng, ROADS)
        if "estate" in f:
            values["estate"] = choice(rng, ESTATES)
        if "river" in f:
            values["river"] = choice(rng, RIVERS)
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
            values["small"] = choice(rng, (200, 300, 400, 500, 600, 800, 1000))
        return t.text.format(**values), people, amount, company, t.ptype

    def take_slot(self, o: int) -> bool:
        """A diverted dispute takes one case slot on or after its day, so the total stays."""
        counts = self.counts
        for j in range(o - self.start, len(counts)):
            if counts[j] > 0:
                counts[j] -= 1
                return True
        return False

    def life(self, kind: str, r: int) -> tuple[int | None, int | None, bool, int | None]:
        """(accepted, closed, extended, extended_at) as ordinals, all on or before today;
        extended_at is set exactly when extended is True."""
        rng, lim, today = self.rng, self.limits, self.today
        if kind == "petition":
            if rng.random() < 0.02:
                delay = randint(rng, lim.petition_accept + 1, lim.petition_accept + 15)
            else:
                delay = min(int(rng.expovariate(1 / 3.5)), 10)
            limit, extension = lim.petition_handle, lim.petition_extension
            shares = (0.80, 0.92, 0.95, 0.97)
            mode = 0.45
        else:
            delay = randint(rng, 8, 20) if rng.random() < 0.01 else min(int(rng.expovariate(1 / 1.5)), 7)
            limit, extension = lim.dispute_mediate, lim.dispute_extension
            shares = (0.84, 0.93, 0.96, 0.975)
            mode = 0.35
        if rng.random() < 0.004 or (today - r <= 7 and rng.random() < 0.5):
            return None, None, False, None  # still at intake (a few long forgotten ones: overdue)
        a = self.workday(r + delay, r)
        if a > today:
            return None, None, False, None
        u = rng.random()
        extended, ext_at = False, None
        if u < shares[0]:
            dur = int(rng.triangular(0, limit - 1, limit * mode))
        elif u < shares[1]:
            dur = randint(rng, limit + 1, limit + extension - 2)
            extended = True
        elif u < shares[2]:
            dur = randint(rng, limit + 1, limit + max(2, limit // 3))
        elif u < shares[3]:
            dur = randint(rng, limit + extension + 1, limit + extension + 30)
            extended = True
        elif today - a > 240 and rng.random() < 0.97:
            # An office clears its old backlog: most long-stuck cases end, just very late.
            dur = randint(rng, limit + extension + 1, limit + extension + 150)
            extended = rng.random() < 0.5
        else:
            dur = None  # left open: overdue once the deadline passes
            extended = rng.random() < 0.4
        if extended:
            ext_at = a + randint(rng, max(1, limit - 10), max(1, limit - 1))
            if ext_at > today:
                extended, ext_at = False, None
        c = None
        if dur is not None:
            c = self.workday(a + dur, max(a, ext_at or a))
            if c > today:
                c = None
        return a, c, extended, ext_at
