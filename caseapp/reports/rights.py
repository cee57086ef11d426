"""人民调解当事人权利义务告知书 (人民调解法 Art. 23–24), with each party's acknowledgement."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import (
    committee,
    font_warning,
    ordered_parties,
    prepare,
    require_dispute,
    write_document,
)
from caseapp.reports.page import SealBlock, blank, date_blank, doc_styles, title_block
from caseapp.storage.db import Database

TITLE = "人民调解当事人权利义务告知书"
RIGHTS = ("选择或者接受人民调解员；", "接受调解、拒绝调解或者要求终止调解；",
          "要求调解公开进行或者不公开进行；", "自主表达意愿、自愿达成调解协议。")
DUTIES = ("如实陈述纠纷事实；", "遵守调解现场秩序，尊重人民调解员；", "尊重对方当事人行使权利。")
NUMBERS = "一二三四五"


def rights(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False) -> Path:
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, TITLE)
    if c.accepted_on is None:
        raise WorkflowError(f"{c.number} 尚未受理，不能出具{TITLE}")
    ds = doc_styles(styles)
    name = committee(settings)
    parties = ordered_parties(c.parties)
    story: list = font_warning(styles)
    story += title_block(ds, TITLE, c.number, org=name)
    story += [Spacer(1, 2 * mm), Paragraph(esc("、".join(p.name for p in parties)) + "：", ds.flush),
              Paragraph(f"本委员会已于{cn_date(c.accepted_on)}受理你们之间的纠纷。根据《中华人民共和国"
                        "人民调解法》第二十三条、第二十四条的规定，现将你们在人民调解活动中享有的权利和"
                        "应当履行的义务告知如下：", ds.body),
              ds.bold("一、当事人享有下列权利：", ds.flush)]
    story += [Paragraph(f"（{NUMBERS[i]}）{t}", ds.body) for i, t in enumerate(RIGHTS)]
    story.append(ds.bold("二、当事人应当履行下列义务：", ds.flush))
    story += [Paragraph(f"（{NUMBERS[i]}）{t}", ds.body) for i, t in enumerate(DUTIES)]
    story.append(Paragraph("人民调解不收取任何费用。当事人可以随时要求终止调解；经调解达成的调解协议具有"
                           "法律约束力，当事人应当按照约定履行。", ds.body))
    story.append(KeepTogether([SealBlock([name, cn_date(c.accepted_on)], ds.flush)]))
    acks: list = [Spacer(1, 4 * mm), ds.bold("以上内容已向本人告知，本人已知悉。", ds.flush)]
    acks += [Paragraph(f"{esc(p.role)}（签名或按指印）：{blank(5)}　{date_blank()}", ds.foot)
             for p in parties]
    story.append(KeepTogether(acks))
    return write_document(path, story, styles, f"{TITLE} {c.number}", name)
