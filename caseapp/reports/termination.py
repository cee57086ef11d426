"""终止人民调解告知书 (人民调解法 Art. 26): the mediation ended, and the route the parties were told."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from caseapp import workflow as wf
from caseapp.errors import WorkflowError
from caseapp.reports.base import cn_date, esc
from caseapp.reports.case_common import (
    committee,
    font_warning,
    ordered_parties,
    prepare,
    require_dispute,
    trim,
    wording,
    write_document,
)
from caseapp.reports.page import SealBlock, doc_styles, title_block
from caseapp.reports.wording import Wording
from caseapp.storage.db import Database

TITLE = "终止人民调解告知书"
ROUTES = {"诉讼": "向人民法院提起诉讼", "仲裁": "向仲裁机构申请仲裁",
          "行政途径": "请求有关行政机关依法处理"}
ENDINGS = {wf.MEDIATION_FAILED: "经本委员会调解，{sides}当事人未能达成调解协议",
           wf.MEDIATION_ENDED: "因当事人撤回调解申请或者不愿继续调解等原因，调解无法继续进行"}


def termination_text(outcome: str, route: str | None, summary: str, parties: int = 2,
                     w: Wording | None = None, **values: str | None) -> str:
    """The notice's text from the outcome and the route of the fixed list (never free text),
    in the office's wording ``w`` (else the shipped one)."""
    told = ROUTES.get(route or "", "通过仲裁、行政、司法等途径")
    ending = ENDINGS[outcome].format(sides="双方" if parties <= 2 else "各方")
    return (w or Wording({})).text("termination.text", 纠纷事项=trim(summary), 终止情形=ending,
                                   告知途径=told, **values)


def termination(db: Database, case_id: int, path: str | os.PathLike, *,
                mask: bool = False) -> Path:
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, TITLE)
    if c.outcome not in ENDINGS:
        raise WorkflowError(f"{c.number} 未以调解不成或终止调解办结，不能出具{TITLE}")
    ds = doc_styles(styles)
    name = committee(settings)
    names = "、".join(p.name for p in ordered_parties(c.parties))
    story: list = font_warning(styles)
    story += title_block(ds, TITLE, c.number, org=name)
    story += [Spacer(1, 4 * mm), Paragraph(esc(names) + "：", ds.flush),
              *[Paragraph(esc(x), ds.body) for x in termination_text(
                  c.outcome or "", c.failed_route, c.summary, len(c.parties), wording(db),
                  调解委员会=name, 办结日期=cn_date(c.closed_on) or None, 编号=c.number).splitlines()
                if x.strip()],
              Paragraph("特此告知。", ds.body)]
    story.append(KeepTogether([SealBlock([name, cn_date(c.closed_on)], ds.flush)]))
    return write_document(path, story, styles, f"{TITLE} {c.number}", name)
