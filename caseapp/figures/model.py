"""The figures as values: rates and their printed form, one kind's figures, breakdown rows, a
period's figures and a series' months, each with its JSON form.

A rate is a field computed on construction from two counts of the same value and declared once,
with ``rate_of``: the JSON fraction, the printed percentage and the tables all read that one
declaration. Rates: in JSON a fraction rounded half up to 4 decimals (``rate``); in print a
percentage rounded half up to one decimal from the exact counts (``format_rate``), never from
the rounded fraction. Both use integer arithmetic only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any, TypeAlias

from caseapp import workflow as wf

NO_RATE = "—"

PETITION = wf.Kind.PETITION.value
DISPUTE = wf.Kind.DISPUTE.value
KINDS = (PETITION, DISPUTE)
# The JSON key of each kind's section.
SECTION = {PETITION: "petitions", DISPUTE: "disputes"}
# The breakdowns: the dimension -> its JSON key (and the attribute of ``Figures``).
BREAKDOWN_KEYS = {"category": "by_category", "source": "by_source", "street": "by_street",
                  "handler": "by_handler"}
OFFICE = "office"  # the district's breakdown, present only when several offices are seen

# A figure's JSON value: a count, an amount in yuan, or a rate (None when its denominator is 0).
Value: TypeAlias = int | float | None
# A figure as the printouts show it: a count, an amount (yuan), or a rate's printed percentage.
Shown: TypeAlias = int | Decimal | str

# The figures whose data the program does not record yet: 0 until the act or the record that
# feeds them exists; every printout marks their lines (docs/domain.md §5) with what is missing.
# (预防成效 and 风险等级 are recorded since services.mediation_acts: none is left for now.)
NO_DATA: dict[str, str] = {}


def no_data_note(names: tuple[str, ...] | None = None) -> str:
    """The footnote naming the functions whose figures are still 0 for want of data."""
    wanted = NO_DATA if names is None else {n: NO_DATA[n] for n in names if n in NO_DATA}
    features = "、".join(dict.fromkeys(wanted.values()))
    return f"标“暂无数据”的指标：{features}功能尚未启用，暂无数据，记为0。" if features else ""


def rate(num: int, den: int) -> float | None:
    """num / den as a fraction rounded half up to 4 decimals; None when den == 0."""
    if not den:
        return None
    ten_thousandths = (2 * num * 10000 + den) // (2 * den)
    return ten_thousandths / 10000


def format_rate(num: int, den: int) -> str:
    """A percentage rounded half up to one decimal from the exact counts, ".0" dropped:
    22/22 → "100%", 60/63 → "95.2%", 102/151 → "67.5%"; "—" when den == 0."""
    if not den:
        return NO_RATE
    tenths = (2 * num * 1000 + den) // (2 * den)  # floor(num*1000/den + 1/2), exact
    whole, frac = divmod(tenths, 10)
    return f"{whole}%" if frac == 0 else f"{whole}.{frac}%"


def rate_of(num: str, den: str) -> dict[str, tuple[str, str]]:
    """The metadata of a rate field: ``num / den``, two counts of the same value."""
    return {"rate": (num, den)}


LABEL = {"label": True}  # the metadata of a field that names a row rather than counting
AMOUNT = {"amount": True}  # the metadata of a sum in yuan (a Decimal of two places), not a count


def yuan(cents: int) -> Decimal:
    """An amount summed in cents (exact) as yuan with two decimals."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


_LAYOUTS: dict[type, tuple[tuple[str, ...], dict[str, tuple[str, str]]]] = {}


def _layout(cls: type) -> tuple[tuple[str, ...], dict[str, tuple[str, str]]]:
    """(the counts and rates in JSON order, {rate: (num, den)}) of a Counted class."""
    if cls not in _LAYOUTS:
        figures = [f for f in fields(cls) if not f.metadata.get("label")]
        _LAYOUTS[cls] = (tuple(f.name for f in figures),
                         {f.name: f.metadata["rate"] for f in figures if "rate" in f.metadata})
    return _LAYOUTS[cls]


@dataclass(frozen=True)
class Counted:
    """Counts (int fields) and the rates made of them (``rate_of`` fields, filled in on
    construction), in the fields' order: the order of docs/domain.md §5."""

    def __post_init__(self) -> None:
        for name, (num, den) in self.rates().items():
            object.__setattr__(self, name, rate(getattr(self, num), getattr(self, den)))

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The counts and rates, in their JSON order."""
        return _layout(cls)[0]

    @classmethod
    def rates(cls) -> dict[str, tuple[str, str]]:
        """{rate: (numerator count, denominator count)}."""
        return _layout(cls)[1]

    @classmethod
    def amount_names(cls) -> tuple[str, ...]:
        """The sums in yuan (``AMOUNT`` fields)."""
        return tuple(f.name for f in fields(cls) if f.metadata.get("amount"))

    @classmethod
    def count_names(cls) -> tuple[str, ...]:
        skip = set(cls.rates()) | set(cls.amount_names())
        return tuple(n for n in cls.field_names() if n not in skip)

    def amount(self, name: str) -> Decimal:
        if name not in self.amount_names():
            raise ValueError(f"{name!r} is not an amount of {type(self).__name__}")
        value: Decimal = getattr(self, name)
        return value

    def count(self, name: str) -> int:
        if name not in self.count_names():
            raise ValueError(f"{name!r} is not a count of {type(self).__name__}")
        value: int = getattr(self, name)
        return value

    def value(self, name: str) -> Value:
        """A count, an amount in yuan (a JSON number of two decimals), or a rate as its JSON
        fraction."""
        if name not in self.field_names():
            raise ValueError(f"{name!r} is not a figure of {type(self).__name__}")
        if name in self.amount_names():
            return float(self.amount(name))
        value: Value = getattr(self, name)
        return value

    def shown(self, name: str) -> Shown:
        """A count or an amount as it is, a rate printed from the exact counts: what the
        printouts show."""
        if name in self.amount_names():
            return self.amount(name)
        pair = self.rates().get(name)
        if pair is None:
            return self.count(name)
        return format_rate(self.count(pair[0]), self.count(pair[1]))

    def counts(self) -> dict[str, int]:
        """The counts without the rates."""
        return {n: self.count(n) for n in self.count_names()}

    def to_dict(self) -> dict[str, Value]:
        return {n: self.value(n) for n in self.field_names()}

    def printed(self) -> dict[str, Shown]:
        """``to_dict`` with every rate in its printed form."""
        return {n: self.shown(n) for n in self.field_names()}


@dataclass(frozen=True)
class KindFigures(Counted):
    """The figures both kinds have."""

    received: int
    handled: int
    closed: int
    closure_rate: float | None = field(init=False, metadata=rate_of("closed", "handled"))
    closed_on_time: int
    on_time_rate: float | None = field(init=False, metadata=rate_of("closed_on_time", "closed"))
    overdue_open: int


@dataclass(frozen=True)
class PetitionFigures(KindFigures):
    rejected: int
    proxy: int
    entered: int
    entry_rate: float | None = field(init=False, metadata=rate_of("entered", "handled"))
    diverted: int
    # Added by the 信访工作条例 (2022); 0 by default so a value built by hand may leave them out.
    transferred: int = 0
    supervised: int = 0
    reviews: int = 0
    rated: int = 0  # closed with a 满意度 other than 未评价
    satisfied: int = 0  # of them 满意 or 基本满意
    satisfaction_rate: float | None = field(init=False, metadata=rate_of("satisfied", "rated"))


@dataclass(frozen=True)
class DisputeFigures(KindFigures):
    concluded: int  # mediated or mediation failed
    succeeded: int
    success_rate: float | None = field(init=False, metadata=rate_of("succeeded", "concluded"))
    mediation_rate: float | None = field(init=False, metadata=rate_of("concluded", "handled"))
    performed: int
    performance_rate: float | None = field(init=False, metadata=rate_of("performed", "succeeded"))
    # Added by people's mediation's records; 0 by default so a value built by hand may leave
    # them out.
    agreement_amount: Decimal = field(default=Decimal("0.00"), metadata=AMOUNT)
    oral: int = 0
    written: int = 0
    confirmation_applied: int = 0
    confirmed: int = 0
    prevented_crime: int = 0
    prevented_group_petition: int = 0
    prevented_group_fight: int = 0
    prevented_suicide: int = 0
    major: int = 0


@dataclass(frozen=True)
class WorkFigures(Counted):
    """The work log's counts (矛盾纠纷排查 and 安保维稳) of the period (figures.work)."""

    screenings: int = 0
    screenings_found: int = 0
    security_events: int = 0
    # 集中排查 alone (the 矛盾纠纷排查情况表 asks 开展集中排查次数 apart from all screenings).
    concentrated_screenings: int = 0


FIGURES_OF: dict[str, type[KindFigures]] = {PETITION: PetitionFigures, DISPUTE: DisputeFigures}
# Each kind's figures in JSON order, its rates {rate: (num, den)}, its counts (FIELDS less RATES).
FIELDS: dict[str, tuple[str, ...]] = {k: c.field_names() for k, c in FIGURES_OF.items()}
RATES: dict[str, dict[str, tuple[str, str]]] = {k: c.rates() for k, c in FIGURES_OF.items()}
COUNTS: dict[str, tuple[str, ...]] = {k: c.count_names() for k, c in FIGURES_OF.items()}
AMOUNTS: dict[str, tuple[str, ...]] = {k: c.amount_names() for k, c in FIGURES_OF.items()}


@dataclass(frozen=True)
class BreakdownRow(Counted):
    """One value of a breakdown's dimension (a category, source, street or handler)."""

    name: str = field(metadata=LABEL)
    received: int
    handled: int
    closed: int
    closure_rate: float | None = field(init=False, metadata=rate_of("closed", "handled"))

    def keyed(self, dimension: str) -> dict[str, Any]:
        """The JSON row: {dimension: name, the counts and the rate}."""
        return {dimension: self.name, **self.to_dict()}


@dataclass(frozen=True)
class Breakdown:
    """One dimension's rows of each kind, most received first, then by name."""

    dimension: str  # a key of BREAKDOWN_KEYS
    petitions: tuple[BreakdownRow, ...] = ()
    disputes: tuple[BreakdownRow, ...] = ()

    def of(self, kind: wf.Kind | str) -> tuple[BreakdownRow, ...]:
        return self.petitions if wf.Kind(kind).value == PETITION else self.disputes

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {SECTION[k]: [r.keyed(self.dimension) for r in self.of(k)] for k in KINDS}


@dataclass(frozen=True)
class Figures:
    """The figures of [date_from, date_to] (docs/domain.md §5): each kind's, and
    the breakdowns by category, source, street and handler."""

    date_from: date
    date_to: date
    as_of: date  # the day the deadline figures are measured on (docs/domain.md §5)
    petitions: PetitionFigures
    disputes: DisputeFigures
    by_category: Breakdown
    by_source: Breakdown
    by_street: Breakdown
    by_handler: Breakdown
    work: WorkFigures = field(default_factory=WorkFigures)
    # A district's rows by office (issue #18); None while one office is seen.
    by_office: Breakdown | None = None

    @property
    def complete(self) -> bool:
        """The period had ended when it was measured (its figures are final)."""
        return self.as_of >= self.date_to

    def of(self, kind: wf.Kind | str) -> KindFigures:
        return self.petitions if wf.Kind(kind).value == PETITION else self.disputes

    def breakdown(self, dimension: str) -> Breakdown:
        if dimension == OFFICE:
            return self.by_office or Breakdown(OFFICE)
        found: Breakdown = getattr(self, BREAKDOWN_KEYS[dimension])
        return found

    def breakdowns(self) -> tuple[Breakdown, ...]:
        return tuple(self.breakdown(d) for d in BREAKDOWN_KEYS)

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``caseapp stats --json``."""
        out: dict[str, Any] = {"from": self.date_from.isoformat(),
                               "to": self.date_to.isoformat(), "as_of": self.as_of.isoformat()}
        for kind in KINDS:
            out[SECTION[kind]] = self.of(kind).to_dict()
        for b in self.breakdowns():
            out[BREAKDOWN_KEYS[b.dimension]] = b.to_dict()
        if self.by_office is not None:
            out["by_office"] = self.by_office.to_dict()
        out["work"] = self.work.to_dict()
        return out


@dataclass(frozen=True)
class MonthCounts:
    """Those of one kind's counts a series asked for, in one month, and the rates they make."""

    kind: str
    counts: Mapping[str, int]
    amounts: Mapping[str, Decimal] = field(default_factory=dict)  # yuan

    def rates(self) -> dict[str, tuple[str, str]]:
        """The kind's rates whose two counts were asked for."""
        return {r: (n, d) for r, (n, d) in RATES[self.kind].items()
                if n in self.counts and d in self.counts}

    def count(self, name: str) -> int:
        return self.counts[name]

    def rate(self, name: str) -> float | None:
        num, den = self.rates()[name]
        return rate(self.counts[num], self.counts[den])

    def shown(self, name: str) -> Shown:
        """A count as it is, a rate printed from the exact counts."""
        pair = self.rates().get(name)
        return self.counts[name] if pair is None else format_rate(self.counts[pair[0]],
                                                                   self.counts[pair[1]])

    def to_dict(self) -> dict[str, Value]:
        rates = self.rates()
        out: dict[str, Value] = {}
        for n in FIELDS[self.kind]:
            if n in rates:
                out[n] = self.rate(n)
            elif n in self.counts:
                out[n] = self.counts[n]
            elif n in self.amounts:
                out[n] = float(self.amounts[n])
        return out


@dataclass(frozen=True)
class MonthFigures:
    """One month of a series."""

    month: str  # "2026-03"
    date_from: date
    date_to: date
    petitions: MonthCounts
    disputes: MonthCounts

    def of(self, kind: wf.Kind | str) -> MonthCounts:
        return self.petitions if wf.Kind(kind).value == PETITION else self.disputes

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "petitions": self.petitions.to_dict(),
                "disputes": self.disputes.to_dict()}
