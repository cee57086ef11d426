"""信访事项处理意见书 (and its 复查 / 复核 forms) from the 答复 record (信访工作条例 Art. 32, 35–36)."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import prepare, trim, wording
from caseapp.reports.page import doc_styles
from caseapp.reports.petition_letter import (
    inline,
    labelled,
    letter,
    opening,
    opening_values,
    petition_records,
    you,
)
from caseapp.reports.wording import Wording
from caseapp.storage.db import Database

TITLES = {None: "信访事项处理意见书", wf.REVIEW: "信访事项复查意见书", wf.RE_REVIEW: "信访事项复核意见书"}
WORD = {None: "处理意见", wf.REVIEW: "复查意见", wf.RE_REVIEW: "复核意见"}
# The decision's template, by the 答复's decision (wf.REPLY_DECISIONS).
DECISION_TEMPLATES = {"予以支持": "opinion.support", "作出解释说明": "opinion.explain",
                      "不予支持": "opinion.reject"}
# The decision's shipped sentence ({you}: 你 or 你们).
DECISIONS = {d: Wording({}).raw(k).replace("{你}", "{you}") for d, k in DECISION_TEMPLATES.items()}
REMEDIES = {None: "opinion.remedy", wf.REVIEW: "opinion.remedy_review", wf.RE_REVIEW: "opinion.final"}


def opinion_title(stage: str | None) -> str:
    return TITLES.get(stage, TITLES[None])


def review_sentence(stage: str | None, you_: str, w: Wording | None = None) -> str:
    """The remedy told (条例 Art. 35–36), worded as county samples word it: 30 days from the
    day the 意见书 is received, to the organ above; a 复核意见 ends the road."""
    return (w or Wording({})).text(REMEDIES.get(stage, REMEDIES[None]), 你=you_)


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
    w = wording(db)
    body: list[Flowable] = [Paragraph(esc(x), ds.body) for x in w.lines(
        "opinion.opening", **opening_values(c), 开头=lead, 受理日期=cn_date(c.accepted_on) or None,
        意见名称=WORD[stage])]
    # A review's summary is "申请复查：…" of the case before; its request is the reason given.
    asked = info.request or (c.details if stage else None) or trim(c.summary)
    body += labelled(ds, "一、信访请求", asked)
    body += labelled(ds, "二、事实和理由", info.facts)
    body.append(ds.bold(esc(f"{'三' if info.facts else '二'}、{WORD[stage]}"), ds.label))
    body += inline(ds, "处理依据", info.basis)
    body += [Paragraph(esc(x), ds.body) for x in w.lines(DECISION_TEMPLATES[info.decision], 你=y)]
    body += [Paragraph(esc(x), ds.body)
             for x in review_sentence(stage, y, w).splitlines() if x.strip()]
    return letter(path, c, styles, ds, settings, title, body, c.closed_on, closing="特此答复。",
                  delivered_on=info.delivered_on)


__all__ = ["DECISION_TEMPLATES", "DECISIONS", "REMEDIES", "TITLES", "opinion", "opinion_title", "review_sentence"]
