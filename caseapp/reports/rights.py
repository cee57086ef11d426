"""人民调解当事人权利义务告知书 (人民调解法 Art. 23–24), with each party's acknowledgement."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, cn_numeral, esc
from caseapp.reports.case_common import (
    committee,
    font_warning,
    ordered_parties,
    page_count,
    prepare,
    require_dispute,
    wording,
    write_document,
)
from caseapp.reports.page import SealBlock, blank, date_blank, doc_styles, title_block
from caseapp.storage.db import Database

TITLE = "人民调解当事人权利义务告知书"


# The body's line spacing, tried in turn until the notice and its signatures fit one page
# (GB/T 9704-2012 §7.3.5: adjust spacing rather than leave the seal and date alone on a page).
LEADING_STEPS = (1.0, 0.92, 0.85)


def rights(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, TITLE)
    if c.accepted_on is None:
        raise WorkflowError(f"{c.number} 尚未受理，不能出具{TITLE}")
    w = wording(db)
    for scale in LEADING_STEPS:
        story = _story(c, styles, settings, w, doc_styles(styles, scale))
        if scale == LEADING_STEPS[-1] or page_count(story, styles) == 1:
            break
    story = _story(c, styles, settings, w, doc_styles(styles, scale))
    return write_document(path, story, styles, f"{TITLE} {c.number}", committee(settings))


def _story(c, styles, settings, w, ds) -> list:
    name = committee(settings)
    parties = ordered_parties(c.parties)
    story: list = font_warning(styles)
    story += title_block(ds, TITLE, c.number, org=name)
    values = {"受理日期": cn_date(c.accepted_on) or None, "调解委员会": name, "编号": c.number}
    story += [Spacer(1, 2 * mm), Paragraph(esc("、".join(p.name for p in parties)) + "：", ds.flush)]
    story += [Paragraph(esc(x), ds.body) for x in w.lines("rights.opening", **values)]
    story.append(ds.bold("一、当事人享有下列权利：", ds.flush))
    story += [Paragraph(f"（{cn_numeral(i)}）{esc(t)}", ds.body)
              for i, t in enumerate(w.lines("rights.rights"), 1)]
    story.append(ds.bold("二、当事人应当履行下列义务：", ds.flush))
    story += [Paragraph(f"（{cn_numeral(i)}）{esc(t)}", ds.body)
              for i, t in enumerate(w.lines("rights.duties"), 1)]
    closing = [Paragraph(esc(x), ds.body) for x in w.lines("rights.closing", **values)]
    acks: list = [Spacer(1, 4 * mm), ds.bold("以上内容已向本人告知，本人已知悉。", ds.flush)]
    acks += [Paragraph(f"{esc(p.role)}（签名或按指印）：{blank(5)}　{date_blank()}", ds.foot)
             for p in parties]
    # Should it still not fit, the closing text goes over with the seal and the signatures:
    # never a page of signatures alone.
    story.append(KeepTogether([*closing, SealBlock([name, cn_date(c.accepted_on)], ds.flush),
                               *acks]))
    return story
