"""The demo's planted early warnings (docs/domain.md §9), so the workbench's 可能的群体性事件
and a case's 相关案件 show what a real office sees: a few clusters of 3–6 open wage disputes
against one building company from one 村/社区 within a few weeks (with, in some, the workers'
集体访 about the same company), and a petitioner who keeps coming back (a 重点人员: a closed
petition months ago, then three open ones within weeks).

Each planted case takes the slot of the ordinary case nearest to its day in the plan, so the
demo still makes exactly the cases asked for; they are built with their own random stream, so the
ordinary cases draw what they drew before."""

from __future__ import annotations

import random
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.demo.draws import choice, randint
from caseapp.demo.lifecycle import LifeCycle
from caseapp.demo.rows import blank_case, iso

CLUSTER_MIN_CASES = 200  # a smaller demo plants nothing: a few cases are not an office
WAGE_SUMMARIES = ("与{co}因拖欠工资{yuan}元发生纠纷", "在{co}承建项目务工，被拖欠劳务费{yuan}元",
                  "与{co}因工资结算及加班费{yuan}元发生纠纷", "因{co}项目停工，拖欠工资{yuan}元未结清")
WAGE_DETAILS = "申请人{name}称{summary}，多次索要未果，请求调解委员会主持调解，责令对方支付。"
GROUP_SUMMARY = "{n}名工人集体反映{co}拖欠工资共计{wan}万元"
RETURN_SUMMARIES = ("反映{comm}小区雨污管网堵塞，污水外溢无人处理", "反映其承包地被占用修路未获补偿",
                    "反映其养老保险缴费年限认定有误，要求重新核定")
RETURN_CATEGORIES = ("城乡建设", "自然资源", "劳动社保")


class Clusters(LifeCycle):
    """Plans the planted cases (``plan_clusters``) and builds each on its day (``plant``)."""

    dcats: set[str]
    pet_cat: dict[int, Any]  # month → petition category (a Pick)
    mediator_names: list[str]
    planted: dict[int, list[dict[str, Any]]]  # day ordinal → the cases to plant that day
    plant_rng: random.Random

    def plan_clusters(self, rng: random.Random, cases: int) -> None:
        """Choose the clusters of a demo of ``cases`` cases (into ``planted``)."""
        self.planted = {}
        self.plant_rng = rng
        if cases < CLUSTER_MIN_CASES or self.today - self.start < 240:
            return
        budget = cases // 20  # never more than 5 % of the demo
        wage = "劳动争议纠纷" if "劳动争议纠纷" in self.dcats else sorted(self.dcats)[0]
        for i in range(min(4, 1 + cases // 5000)):
            size = randint(rng, 3, 6)
            if size + 1 > budget:
                break
            street = choice(rng, sorted(self.communities))
            community = choice(rng, self.communities[street])
            company = choice(rng, self.companies["bco"])
            # within 20 days, ending by today; the second cluster a month and a half older
            day = self.today - randint(rng, 20, 40) - 45 * i
            for k in range(size):
                self._schedule(day, {"plant": "wage", "street": street, "community": community,
                                     "company": company, "category": wage, "index": k})
                day += randint(rng, 1, 4)
            if i % 2 == 0:  # the workers come to the office together about the same company
                self._schedule(day - randint(rng, 0, 3), {
                    "plant": "group", "street": street, "community": community,
                    "company": company, "size": randint(rng, 8, 25)})
            budget -= size + 1
        for i in range(min(2, 1 + cases // 100_000)):
            if budget < 4:
                break
            street = choice(rng, sorted(self.communities))
            back = {"street": street, "community": choice(rng, self.communities[street]),
                    "category": choice(rng, RETURN_CATEGORIES), "summary": None, "person": None}
            days = [self.today - randint(rng, 150, 240) - 60 * i]
            days += [self.today - randint(rng, 30, 40) - 30 * i]
            days += [days[-1] + randint(rng, 7, 12), days[-1] + randint(rng, 20, 26)]
            for k, day in enumerate(days):
                self._schedule(day, {"plant": "return", "visit": k, "of": back})
            budget -= 4

    def _schedule(self, day: int, spec: dict[str, Any]) -> None:
        """Plant ``spec`` on ``day`` in place of the ordinary case nearest to it in the plan."""
        day = min(max(day, self.start), self.today)
        counts, at = self.counts, day - self.start
        for j in sorted(range(len(counts)), key=lambda j: (abs(j - at), j)):
            if counts[j] > 0:
                counts[j] -= 1
                self.planted.setdefault(day, []).append(spec)
                return

    @contextmanager
    def _own_rng(self):
        main, self.rng = self.rng, self.plant_rng
        try:
            yield
        finally:
            self.rng = main

    def plant(self, r: int, spec: dict[str, Any]) -> None:
        """Build one planted case received on day ``r``."""
        with self._own_rng():
            if spec["plant"] == "wage":
                self._wage_dispute(r, spec)
            elif spec["plant"] == "group":
                self._group_petition(r, spec)
            else:
                self._return_petition(r, spec)

    def _open_life(self, cid: int, row: dict[str, Any], r: int, reg_at) -> None:
        """Registered in the last days, else accepted a day or two after: open either way."""
        kind = row["kind"]
        received = date.fromordinal(r)
        before = deadlines.due_on(kind, received, None, False, self.limits)
        accepted = self.workday(r + randint(self.rng, 1, 2), r)
        if self.today - r <= 3 or accepted > self.today:
            row.update(status="registered", due_on=before)
            return
        on = date.fromordinal(accepted)
        due = deadlines.due_on(kind, received, on, False, self.limits)
        assert due is not None  # a case once accepted has its handling limit
        row.update(status="in_progress", accepted_on=on, due_on=due)
        old = f'"{before.isoformat()}"' if before else "null"
        acc_at = self.at(accepted, reg_at)
        self.event(cid, acc_at, "accepted",
                   f'{{"status": ["registered", "in_progress"], "accepted_on": [null, '
                   f'"{iso(accepted)}"], "due_on": [{old}, "{due.isoformat()}"]}}')
        if kind == wf.Kind.PETITION.value:
            row["entered"] = True
            self.event(cid, self.at(accepted, acc_at), "marked_entered",
                       '{"entered": [false, true]}')

    def _wage_dispute(self, r: int, spec: dict[str, Any]) -> None:
        rng = self.rng
        cid = self.new_id("cases")
        reg_at = self.at(r)
        street, community, company = spec["street"], spec["community"], spec["company"]
        yuan = randint(rng, 18, 160) * 100
        summary = WAGE_SUMMARIES[spec["index"] % len(WAGE_SUMMARIES)].format(co=company, yuan=yuan)
        pid, pname = self.person(street, community, reg_at, 0.7)
        row = blank_case()
        row.update(id=cid, kind="dispute", summary=summary, category=spec["category"],
                   source="主动排查" if spec["index"] == 0 else "当事人申请", street=street,
                   community=community, received_on=date.fromordinal(r), created_at=reg_at,
                   handler=self.handler(rng), people_count=randint(rng, 1, 3), amount=Decimal(yuan),
                   mediators=choice(rng, self.mediator_names),
                   details=WAGE_DETAILS.format(name=pname, summary=summary))
        self.cases.append(row)
        self.parties.append({"id": self.new_id("case_parties"), "case_id": cid,
                             "person_id": pid, "role": "申请人"})
        self.parties.append({"id": self.new_id("case_parties"), "case_id": cid,
                             "person_id": self.org(company, reg_at), "role": "被申请人"})
        self.event(cid, reg_at, "registered")
        self._open_life(cid, row, r, reg_at)

    def _petition_row(self, r: int, street: str, community: str, category: str,
                      summary: str, pid: int, pname: str, reg_at) -> tuple[int, dict]:
        cid = self.new_id("cases")
        row = blank_case()
        row.update(id=cid, kind="petition", summary=summary, category=category, source="来访",
                   street=street, community=community, received_on=date.fromordinal(r),
                   handler=self.handler(self.rng), people_count=1, petition_type="申诉求决类",
                   details=f"{street}{community}{pname}{summary}，要求尽快解决。",
                   created_at=reg_at)
        self.cases.append(row)
        self.parties.append({"id": self.new_id("case_parties"), "case_id": cid,
                             "person_id": pid, "role": "信访人"})
        self.event(cid, reg_at, "registered")
        return cid, row

    def _group_petition(self, r: int, spec: dict[str, Any]) -> None:
        reg_at = self.at(r)
        street, community, company = spec["street"], spec["community"], spec["company"]
        size = spec["size"]
        summary = GROUP_SUMMARY.format(n=size, co=company, wan=f"{size * 1.6:.1f}")
        pid, pname = self.person(street, community, reg_at, 0.9)  # the workers' representative
        category = "劳动社保" if "劳动社保" in self.pet_cat[1].items else self.pet_cat[1].items[0]
        cid, row = self._petition_row(r, street, community, category, summary, pid, pname, reg_at)
        row.update(group_size=size, people_count=size)
        self.parties.append({"id": self.new_id("case_parties"), "case_id": cid,
                             "person_id": self.org(company, reg_at), "role": "被反映人"})
        self._open_life(cid, row, r, reg_at)

    def _return_petition(self, r: int, spec: dict[str, Any]) -> None:
        back, visit = spec["of"], spec["visit"]
        reg_at = self.at(r)
        if back["person"] is None:
            back["person"] = self.person(back["street"], back["community"], reg_at, 1.0)
            back["summary"] = choice(self.rng, RETURN_SUMMARIES).format(comm=back["community"])
        pid, pname = back["person"]
        summary = back["summary"] if visit == 0 else "再次" + back["summary"]
        category = back["category"] if back["category"] in self.pet_cat[1].items \
            else self.pet_cat[1].items[0]
        cid, row = self._petition_row(r, back["street"], back["community"], category, summary,
                                      pid, pname, reg_at)
        row["is_repeat"] = visit > 0
        if visit > 0:
            self._open_life(cid, row, r, reg_at)
            return
        # The first visit was answered months ago; the petitioner did not accept it.
        accepted = self.workday(r + 2, r)
        closed = self.workday(accepted + randint(self.rng, 20, 40), accepted)
        received = date.fromordinal(r)
        on = date.fromordinal(accepted)
        due = deadlines.due_on("petition", received, on, False, self.limits)
        before = deadlines.due_on("petition", received, None, False, self.limits)
        assert due is not None and before is not None  # a petition's limits, accepted or not
        acc_at = self.at(accepted, reg_at)
        self.event(cid, acc_at, "accepted",
                   f'{{"status": ["registered", "in_progress"], "accepted_on": [null, '
                   f'"{iso(accepted)}"], "due_on": ["{before.isoformat()}", "{due.isoformat()}"]}}')
        self.event(cid, self.at(accepted, acc_at), "marked_entered", '{"entered": [false, true]}')
        note = "已向信访人作出解释说明"
        row.update(status="closed", accepted_on=on, due_on=due, entered=True,
                   outcome=wf.EXPLAINED, closed_on=date.fromordinal(closed), close_note=note,
                   satisfaction="不满意")
        self.add_reply(cid, row)
        self.event(cid, self.at(closed, acc_at), "closed",
                   f'{{"status": ["in_progress", "closed"], "outcome": [null, "{wf.EXPLAINED}"], '
                   f'"closed_on": [null, "{iso(closed)}"], "close_note": [null, "{note}"]}}', note)
