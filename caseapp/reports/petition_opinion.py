"""信访事项处理意见书 (and its 复查 / 复核 forms) from the 答复 record (信访工作条例 Art. 32, 35–36)."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import prepare, trim
from caseapp.reports.page import doc_styles
from caseapp.reports.petition_letter import (
    inline,
    labelled,
    letter,
    opening,
    petition_records,
    you,
)
from caseapp.storage.db import Database

TITLES = {None: "信访事项处理意见书", wf.REVIEW: "信访事项复查意见书", wf.RE_REVIEW: "信访事项复核意见书"}
WORD = {None: "处理意见", wf.REVIEW: "复查意见", wf.RE_REVIEW: "复核意见"}
# The decision's sentence, by the 答复's decision (wf.REPLY_DECISIONS).
DECISIONS = {"予以支持": "本机关对{you}的信访请求予以支持。",
             "作出解释说明": "本机关已就{you}反映的问题作出如上解释说明。",
             "不予支持": "本机关对{you}的信访请求不予支持。"}


def opinion_title(stage: str | None) -> str:
    return TITLES.get(stage, TITLES[None])


def review_sentence(stage: str | None, you_: str) -> str:
    """The remedy told (条例 Art. 35–36), worded as county samples word it: 30 days from the
    day the 意见书 is received, to the organ above; a 复核意见 ends the road."""
    if stage == wf.RE_REVIEW:
        return (f"本复核意见为终结意见。{you_}如仍以同一事实和理由提出投诉请求，"
                "各级党委和政府信访部门和其他机关、单位不再受理。")
    if stage == wf.REVIEW:
        return (f"{you_}如对本复查意见不服，可以自收到本意见书之日起30日内，"
                "向复查机关的上一级机关、单位书面请求复核。")
    return (f"{you_}如对本处理意见不服，可以自收到本意见书之日起30日内，"
            "向本机关的上一级机关、单位书面请求复查。")


def opinion(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    """The 意见书 of an answered petition: request, facts and reasons, decision, basis, the
    remedy, the organ and date; the receipt carries the recorded delivery date."""
    c, styles, settings = prepare(db, case_id, mask)
    info = petition_records(c, "信访事项处理意见书")
    stage = info.review_stage
    title = opinion_title(stage)
    if info.decision not in DECISIONS:
        raise WorkflowError(f"{c.number} 尚未答复（予以支持、作出解释说明或不予支持），不能出具{title}")
    ds = doc_styles(styles)
    y = you(c)
    lead = opening(c)
    if stage and info.review_of:
        earlier = WORD[wf.REVIEW] if stage == wf.RE_REVIEW else WORD[None]
        lead = (f"{y}于{cn_date(c.received_on)}对{info.review_of[1]}信访事项的{earlier}"
                f"提出的{stage}请求，")
    body: list[Flowable] = [Paragraph(esc(
        lead + f"本机关已于{cn_date(c.accepted_on)}依法受理。经调查核实，现提出{WORD[stage]}如下："),
        ds.body)]
    # A review's summary is "申请复查：…" of the case before; its request is the reason given.
    asked = info.request or (c.details if stage else None) or trim(c.summary)
    body += labelled(ds, "一、信访请求", asked)
    body += labelled(ds, "二、事实和理由", info.facts)
    body.append(ds.bold(esc(f"{'三' if info.facts else '二'}、{WORD[stage]}"), ds.label))
    body += inline(ds, "处理依据", info.basis)
    body.append(Paragraph(esc(DECISIONS[info.decision].format(you=y)), ds.body))
    body.append(Paragraph(esc(review_sentence(stage, y)), ds.body))
    return letter(path, c, styles, ds, settings, title, body, c.closed_on, closing="特此答复。",
                  delivered_on=info.delivered_on)


__all__ = ["DECISIONS", "TITLES", "opinion", "opinion_title", "review_sentence"]
