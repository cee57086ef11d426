"""The demo's builder: the pools drawn from, the plan of how many cases arrive each day, and
the order in which petitions and disputes are added."""

from __future__ import annotations

import heapq
import random
from collections import deque
from collections.abc import Iterator
from datetime import date

from caseapp.demo.clusters import Clusters
from caseapp.demo.disputes import Disputes
from caseapp.demo.draws import Pick, Template
from caseapp.demo.petitions import Petitions
from caseapp.demo.words import (
    CHANNELS,
    COMMUNITIES,
    DEFAULT_HANDLERS,
    DEFAULT_MEDIATORS,
    DISPUTE_CATEGORY_WEIGHTS,
    DISPUTE_SOURCES,
    DISPUTE_TEMPLATES,
    FALLBACK_COMMUNITIES,
    GENERIC_DISPUTE,
    GENERIC_PETITION,
    INDUSTRIES,
    MONTH_WEIGHTS,
    PETITION_CATEGORY_WEIGHTS,
    PETITION_OUTCOMES,
    PETITION_TEMPLATES,
    REGIONS,
    SATISFACTION,
    SESSION_PLACES,
    STREET_WEIGHTS,
    SURNAMES,
    WAGE_SEASON,
    WEEKDAY_WEIGHTS,
)
from caseapp.storage.settings import OfficeSettings


class Builder(Petitions, Disputes, Clusters):
    """Turns a plan of days into rows, chunk by chunk: the pools, the state, and the order."""

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
        self.surname = Pick(*SURNAMES)
        self.region = Pick(*REGIONS)
        streets = list(settings.streets) or list(STREET_WEIGHTS)
        self.street = Pick(streets, [STREET_WEIGHTS.get(s, 1.0) for s in streets])
        self.communities = {s: (COMMUNITIES.get(s) or FALLBACK_COMMUNITIES).split() for s in streets}
        self.handler = Pick(settings.handlers or DEFAULT_HANDLERS)
        self.mediator_names = list(settings.mediators or DEFAULT_MEDIATORS)
        self.channel = Pick(*CHANNELS)
        self.dispute_source = Pick(*DISPUTE_SOURCES)
        self.petition_outcome = Pick(*PETITION_OUTCOMES)
        self.satisfaction = Pick(*SATISFACTION)
        self.session_place = Pick(*SESSION_PLACES)
        pcats, dcats = categories["petition"], categories["dispute"]
        self.pet_cat = {}
        for month in range(1, 13):
            weights = [PETITION_CATEGORY_WEIGHTS.get(c, 2) * (WAGE_SEASON.get(month, 1.0) if c == "劳动社保" else 1)
                       for c in pcats]
            self.pet_cat[month] = Pick(pcats, weights)
        self.dis_cat = Pick(dcats, [DISPUTE_CATEGORY_WEIGHTS.get(c, 2) for c in dcats])
        self.dcats = set(dcats)
        self.templates = {
            c: [Template(t) for t in PETITION_TEMPLATES.get(c, GENERIC_PETITION)] for c in pcats
        }
        self.templates.update({
            c: [Template(t) for t in DISPUTE_TEMPLATES.get(c, GENERIC_DISPUTE)] for c in dcats
        })
        # Companies: pools scaled to the run, created as persons when first a respondent.
        size = min(1000, 15 + scale // 400)
        self.companies = {trade: self.company_names(size if trade != "prop" else size // 4 + 3, names)
                          for trade, names in INDUSTRIES.items()}
        self.birth_lo = date(1945, 1, 1).toordinal()
        self.birth_hi = date(2002, 12, 31).toordinal()
        self.birth_mode = date(1968, 6, 1).toordinal()
        self.seen_ids = set()
        self.org_ids = {}
        self.repeat_pool = deque(maxlen=3000)
        self.pending = []  # heap of diverted disputes waiting for their day
        self.pending_seq = 0
        self.departments = {}
        self.chunk_no = 0
        self.totals = {"petition": 0, "dispute": 0, "persons": 0, "events": 0}
        self.n_terms = 0
        self.perf_due = 0
        self.planted = {}  # the planted warnings (demo/clusters.py), set by plan_clusters
        self.new_rows()

    # -- the plan ----------------------------------------------------------

    def run(self) -> Iterator[None]:
        """Yield once per case added to the current rows, in order of received_on."""
        counts, pending = self.counts, self.pending
        for di in range(len(counts)):
            o = self.start + di
            for spec in self.planted.pop(o, ()):  # each took an ordinary case's slot
                self.plant(o, spec)
                yield
            while pending and pending[0][0] == o:
                self.dispute(o, heapq.heappop(pending)[2])
                yield
            while counts[di] > 0:
                counts[di] -= 1
                if self.rng.random() < 0.4:
                    self.petition(o)
                else:
                    self.dispute(o)
                yield
                while pending and pending[0][0] == o:
                    self.dispute(o, heapq.heappop(pending)[2])
                    yield

    def drain(self) -> None:
        """Add every dispute still waiting for its day (used when the job is cancelled)."""
        while self.pending:
            o, _, origin = heapq.heappop(self.pending)
            self.dispute(o, origin)


def plan(rng: random.Random, total: int, start: int, end: int) -> list[int]:
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
