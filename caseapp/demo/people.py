"""The people of the demo: names, resident ID numbers (GB 11643 checksum), phones,
addresses, and the companies that appear as respondents."""

from __future__ import annotations

from datetime import date, datetime

from stdnum.cn import ric

from caseapp.demo.draws import Pick, choice, randint, randrange
from caseapp.demo.rows import Rows
from caseapp.demo.words import BRANDS, ESTATES, FEMALE_CHARS, MALE_CHARS, MOBILE_PREFIXES, ROADS
from caseapp.storage.pinyin import name_initials


class People(Rows):
    """Petitioners, applicants and respondents: Chinese names, resident ID numbers with a
    valid checksum, mobile phones, addresses in the office's streets, and companies."""

    surname: Pick
    region: Pick
    street: Pick
    communities: dict[str, list[str]]  # street → its communities
    birth_lo: int  # birth dates as ordinals: earliest, latest, most frequent
    birth_hi: int
    birth_mode: int
    seen_ids: set[int]  # ID numbers made (without check digit), so none repeats
    org_ids: dict[str, int]  # company name → its person id

    def company_names(self, size: int, industries: list[str]) -> list[str]:
        rng = self.rng
        names: list[str] = []
        seen: set[str] = set()
        size = min(size, len(BRANDS) * len(industries))  # half of the 2 × brands × industries
        while len(names) < size:
            place = "重庆" if rng.random() < 0.6 else "重庆市涪陵区"
            name = f"{place}{choice(rng, BRANDS)}{choice(rng, industries)}有限公司"
            if name not in seen:
                seen.add(name)
                names.append(name)
        return names

    def person_name(self, male: bool, surname: str | None = None) -> str:
        rng = self.rng
        chars = MALE_CHARS if male else FEMALE_CHARS
        given = choice(rng, chars)
        if rng.random() < 0.72:
            given += choice(rng, chars)
        return (surname or self.surname(rng)) + given

    def new_id_number(self, male: bool) -> tuple[str, date]:
        rng = self.rng
        while True:
            region = self.region(rng)
            birth = date.fromordinal(int(rng.triangular(self.birth_lo, self.birth_hi, self.birth_mode)))
            seq = randrange(rng, 500) * 2 + (1 if male else 0)
            body = f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{seq:03d}"
            key = int(body)
            if key not in self.seen_ids:
                self.seen_ids.add(key)
                return body + ric.calc_check_digit(body + "0"), birth

    def phone_number(self) -> str:
        return f"{choice(self.rng, MOBILE_PREFIXES)}{randrange(self.rng, 100_000_000):08d}"

    def address(self, street: str, community: str) -> str:
        rng = self.rng
        if community.endswith("村"):
            return f"{street}{community}{randint(rng, 1, 12)}组{randint(rng, 1, 60)}号"
        if rng.random() < 0.5:
            return f"{street}{community}{choice(rng, ROADS)}{randint(rng, 1, 300)}号"
        return (f"{street}{community}{choice(rng, ESTATES)}{randint(rng, 1, 30)}栋"
                f"{randint(rng, 1, 4)}单元{randint(rng, 1, 32)}-{randint(rng, 1, 6)}号")

    def person(self, street: str, community: str, at: datetime, id_rate: float,
                surname: str | None = None) -> tuple[int, str]:
        rng = self.rng
        male = rng.random() < 0.56
        name = self.person_name(male, surname)
        id_number = birth = None
        if rng.random() < id_rate:
            id_number, birth = self.new_id_number(male)
        pid = self.new_id("persons")
        self.persons.append({
            "id": pid, "is_org": False, "name": name, "name_initials": name_initials(name),
            "gender": "男" if male else "女",
            "birth_date": birth, "id_number": id_number,
            "phone": self.phone_number() if rng.random() < 0.92 else None,
            "address": self.address(street, community) if rng.random() < 0.85 else None,
            "legal_rep": None, "created_at": at,
            "ethnicity": None, "occupation": None,  # not drawn: the rng's sequence stays as it was
        })
        return pid, name

    def org(self, name: str, at: datetime) -> int:
        pid = self.org_ids.get(name)
        if pid is None:
            rng = self.rng
            pid = self.new_id("persons")
            phone = f"023-7{randrange(rng, 10_000_000):07d}" if rng.random() < 0.6 else self.phone_number()
            self.persons.append({
                "id": pid, "is_org": True, "name": name,
                "name_initials": name_initials(name, is_org=True),
                "gender": None, "birth_date": None,
                "id_number": None, "phone": phone,
                "address": f"重庆市涪陵区{choice(rng, ROADS)}{randint(rng, 1, 200)}号",
                "legal_rep": self.person_name(rng.random() < 0.8), "created_at": at,
                "ethnicity": None, "occupation": None,
            })
            self.org_ids[name] = pid
        return pid

    def place(self) -> tuple[str, str]:
        street = self.street(self.rng)
        return street, choice(self.rng, self.communities[street])
