"""Demo disputes (矛盾纠纷): mediation sessions, outcomes, agreements and their terms,
performance, judicial confirmation and follow-up visits."""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from typing import Any

from caseapp import workflow as wf
from caseapp.demo.draws import Pick, choice, randint
from caseapp.demo.lifecycle import LifeCycle
from caseapp.demo.rows import blank_case, cn_date, iso
from caseapp.demo.words import (
    CLOSE_NOTES,
    DISPUTE_DEMANDS,
    DISPUTE_EXTEND_REASONS,
    ENDED_NOTES,
    FOLLOW_UP_DONE,
    FOLLOW_UP_PENDING,
    JUDICIAL_RESULT,
    MONEY_ITEMS,
    PERFORMANCE_METHODS,
    PERFORMANCE_PLACES,
    SESSION_ENDED,
    SESSION_FAILED,
    SESSION_FIRST,
    SESSION_MIDDLE,
    SESSION_SUCCESS,
    TERMS_CLOSING,
    TERMS_MAIN,
    TERMS_MONEY,
)
from caseapp.storage.settings import OfficeSettings


class Disputes(LifeCycle):
    """A dispute and its acts: mediation sessions, the agreement of every 调解成功, its
    performance, judicial confirmation and the follow-up visit."""

    settings: OfficeSettings
    dis_cat: Pick
    dispute_source: Pick
    session_place: Pick
    mediator_names: list[str]
    departments: dict[str, int]  # name → id
    n_terms: int  # terms of the agreement last made
    perf_due: int  # its performance due day

    def dispute(self, r: int, origin: dict[str, Any] | None = None) -> None:
        rng, today, lim = self.rng, self.today, self.limits
        cid = self.new_id("cases")
        row = blank_case()
        if origin is not None:
            p = origin["case"]
            reg_at = self.at(r, origin["at"])
            category, street, community = origin["category"], p["street"], p["community"]
            summary, company = p["summary"], origin["company"]
            pid, pname = origin["person"], origin["name"]
            row.update(source="信访转入", origin_case_id=p["id"], details=p["details"],
                       handler=p["handler"], people_count=p["people_count"], amount=p["amount"])
        else:
            reg_at = self.at(r)
            category = self.dis_cat(rng)
            street, community = self.place()
            summary, people, amount, company, _ = self.fill(category, community)
            pid, pname = self.person(street, community, reg_at, 0.6)
            row.update(source=self.dispute_source(rng), handler=self.handler(rng),
                       people_count=people or 2, amount=amount,
                       details=f"申请人{pname}称{summary}，{choice(rng, DISPUTE_DEMANDS)}。")
        mediators = rng.sample(self.mediator_names, min(len(self.mediator_names),
                                                        1 if rng.random() < 0.55 else 2))
        row.update(id=cid, kind="dispute", summary=summary, category=category, street=street,
                   community=community, received_on=date.fromordinal(r), created_at=reg_at,
                   mediators="、".join(mediators))
        self.cases.append(row)
        self.parties.append({"id": self.new_id("case_parties"), "case_id": cid, "person_id": pid,
                             "role": "申请人"})
        if company is not None:
            resp_id, resp_name = self.org(company, reg_at), company
        else:
            same = category in ("婚姻家庭纠纷", "房屋宅基地纠纷") and rng.random() < 0.6
            resp_id, resp_name = self.person(street, community, reg_at, 0.45,
                                              surname=pname[0] if same else None)
        self.parties.append({"id": self.new_id("case_parties"), "case_id": cid, "person_id": resp_id,
                             "role": "被申请人"})
        registered = self.event(cid, reg_at, "registered")
        if origin is not None:
            registered["note"] = "由信访件 {number} 转入"
            self.note_fixes.append((registered, "由信访件 {number} 转入", p, self.chunk_no))
            self.note_fixes.append((origin["event"], "转人民调解，纠纷编号 {number}", row,
                                    origin["chunk"]))
        if rng.random() < 0.4:
            for name in rng.sample(list(self.departments), randint(rng, 1, 2)):
                self.case_depts.append({"case_id": cid, "department_id": self.departments[name]})
        a, c, extended, ext_at = self.life("dispute", r)
        if a is None:
            row["status"] = "registered"
            return
        due1 = a + lim.dispute_mediate
        due = due1 + (lim.dispute_extension if extended else 0)
        acc_at = self.at(a, reg_at)
        row.update(status="in_progress", accepted_on=date.fromordinal(a), due_on=date.fromordinal(due),
                   extended=extended)
        self.event(cid, acc_at, "accepted",
                    f'{{"status": ["registered", "in_progress"], "accepted_on": [null, "{iso(a)}"], '
                    f'"due_on": [null, "{iso(due1)}"]}}')
        outcome = None
        if c is not None:
            u = rng.random()
            outcome = wf.MEDIATED if u < 0.81 else wf.MEDIATION_FAILED if u < 0.95 else wf.MEDIATION_ENDED
        # Mediation sessions between acceptance and closure (or today).
        end = c if c is not None else today
        k = 1 + (rng.random() < 0.5) + (rng.random() < 0.3) if c is not None else randint(rng, 0, 2)
        days = sorted(self.workday(a + randint(rng, 0, end - a), a) for _ in range(k))
        if c is not None and days:
            days[-1] = c
            days.sort()
        last = acc_at
        place_tpl = self.session_place(rng)
        place = place_tpl.format(community=community)
        route = choice(rng, wf.FAILED_ROUTES) if outcome == wf.MEDIATION_FAILED else None
        parties = f"调解员{mediators[0]}、申请人{pname}、被申请人{resp_name}"
        events_at: list[tuple[int, str]] = []  # (day, note) of each session
        for i, held in enumerate(days, 1):
            if i == 1:
                record = choice(rng, SESSION_FIRST)
            else:
                record = choice(rng, SESSION_MIDDLE)
            if i == len(days) and outcome is not None and (held == c):
                if outcome == wf.MEDIATED:
                    record = choice(rng, SESSION_SUCCESS)
                elif outcome == wf.MEDIATION_FAILED:
                    record = choice(rng, SESSION_FAILED).format(route=route)
                else:
                    record = choice(rng, SESSION_ENDED)
            self.sessions.append({"id": self.new_id("mediation_sessions"), "case_id": cid,
                                  "held_on": date.fromordinal(held), "place": place,
                                  "participants": parties, "record": record})
            events_at.append((held, f"第{i}次调解，{iso(held)} {place}"))
        # The extension still to record among the sessions (ext_at is set exactly when extended).
        ext_due = ext_at
        for held, note in events_at:
            if ext_due is not None and ext_due <= held:
                last = self._extend(cid, row, ext_due, last, due1, due)
                ext_due = None
            last = self.at(held, last)
            self.event(cid, last, "session_held", None, note)
        if ext_due is not None:
            last = self._extend(cid, row, ext_due, last, due1, due)
        if outcome is None or c is None:  # outcome is set exactly when closed
            return
        c_date = date.fromordinal(c)
        if outcome == wf.MEDIATED:
            form = "书面协议" if rng.random() < 0.8 else "口头协议"
            self._agreement(cid, row, form, c, category, pname, resp_name, community, summary)
            last = self.at(c, last)
            self.event(cid, last, "agreement_recorded", None, f"{form}，共{self.n_terms}条")
            note = CLOSE_NOTES[wf.MEDIATED]
            changes = (f'{{"status": ["in_progress", "closed"], "outcome": [null, "{outcome}"], '
                       f'"closed_on": [null, "{iso(c)}"], "close_note": [null, "{note}"]}}')
        elif outcome == wf.MEDIATION_FAILED:
            note = f"双方分歧较大，调解不成，已告知当事人通过{route}途径解决"
            row["failed_route"] = route
            changes = (f'{{"failed_route": [null, "{route}"], "status": ["in_progress", "closed"], '
                       f'"outcome": [null, "{outcome}"], "closed_on": [null, "{iso(c)}"], '
                       f'"close_note": [null, "{note}"]}}')
        else:
            note = choice(rng, ENDED_NOTES)
            changes = (f'{{"status": ["in_progress", "closed"], "outcome": [null, "{outcome}"], '
                       f'"closed_on": [null, "{iso(c)}"], "close_note": [null, "{note}"]}}')
        row.update(status="closed", outcome=outcome, closed_on=c_date, close_note=note)
        last = self.at(c, last)
        self.event(cid, last, "closed", changes, note)
        if outcome == wf.MEDIATED:
            self._after_success(cid, row, c, last)

    def _extend(self, cid: int, row: dict, ext_at: int, last: datetime, due1: int, due: int) -> datetime:
        reason = choice(self.rng, DISPUTE_EXTEND_REASONS)
        row["extension_reason"] = reason
        at = self.at(ext_at, last)
        self.event(cid, at, "extended",
                    f'{{"extended": [false, true], "extension_reason": [null, "{reason}"], '
                    f'"due_on": ["{iso(due1)}", "{iso(due)}"]}}', reason)
        return at

    def _agreement(self, cid: int, row: dict, form: str, c: int, category: str, app: str,
                   resp: str, community: str, summary: str) -> None:
        rng = self.rng
        due_off = choice(rng, (0, 0, 7, 15, 30, 30, 60, 90))
        due = c + due_off
        amount = row["amount"]
        yuan = int(amount) if amount else int(math.exp(rng.uniform(math.log(800), math.log(40000)))) // 100 * 100
        due_text = cn_date(due)
        values = {"app": app, "resp": resp, "due": due_text, "yuan": f"{yuan:,}",
                  "small": choice(rng, (300, 400, 500, 600, 800)),
                  "item": MONEY_ITEMS.get(category, "补偿款")}
        main = TERMS_MAIN.get(category)
        if main and rng.random() < 0.7:
            terms = [choice(rng, main)]
        else:
            terms = [choice(rng, TERMS_MONEY)]
        extra = randint(rng, 0, 3)
        if extra:
            terms += rng.sample(TERMS_CLOSING, min(extra, len(TERMS_CLOSING)))
        terms = [t.format(**values) for t in terms]
        self.n_terms = len(terms)
        method = "当场一次性支付" if due_off == 0 else choice(rng, PERFORMANCE_METHODS[1:])
        self.agreements.append({
            "id": self.new_id("agreements"), "case_id": cid, "form": form,
            "signed_on": date.fromordinal(c),
            "facts": f"{summary.removeprefix('再次').removeprefix('反映')}。经{self.settings.committee_name}"
                     f"主持调解，申请人{app}与被申请人{resp}自愿达成如下协议。",
            "terms": json.dumps(terms, ensure_ascii=False),
            "performance_method": method,
            "performance_place": choice(rng, PERFORMANCE_PLACES).format(community=community),
            "performance_due": date.fromordinal(due),
        })
        self.perf_due = due
        if form == "书面协议" and rng.random() < 0.08:
            applied = c + randint(rng, 1, 20)
            if applied <= self.today:
                row["judicial_applied_on"] = date.fromordinal(applied)
                if applied + 15 <= self.today:
                    row["judicial_result"] = JUDICIAL_RESULT

    def _after_success(self, cid: int, row: dict, c: int, last: datetime) -> None:
        rng, today = self.rng, self.today
        due = c + self.limits.follow_up
        perf_due = self.perf_due
        performed_on = None
        if perf_due <= today:
            if rng.random() < 0.93:
                performed_on = c + randint(rng, 0, perf_due - c)
        elif rng.random() < 0.35:
            performed_on = c + randint(rng, 0, today - c)
        follow = {"id": self.new_id("follow_ups"), "case_id": cid, "due_on": date.fromordinal(due),
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
            done = min(c + randint(rng, 10, self.limits.follow_up + 3), today)
            ok = performed_on is not None and performed_on <= done
            result = choice(rng, FOLLOW_UP_DONE) if ok else FOLLOW_UP_PENDING
            follow.update(done_on=date.fromordinal(done), result=result)
            acts.append((done, "follow_up", None, result))
        for o, action, changes, note in sorted(acts, key=lambda x: x[0]):
            last = self.at(o, last)
            self.event(cid, last, action, changes, note)
