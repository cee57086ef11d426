"""What a dispute's 卷宗 holds, in the official order of its 卷内目录, and which required items
it lacks (docs/documents.md "The dossier"): pure rules on a CaseDetail, no ReportLab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from caseapp import workflow as wf
from caseapp.queries.case_detail import AttachmentInfo, CaseDetail

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
NOT_PRINTED = "（电子文件，未随卷打印）"
NOTE_TITLE = "卷宗情况说明"
BACK_TITLE = "卷内备考表"

# Item of the 卷内目录 (DOMAIN §8) -> the attachments' kind filed there.
KIND_ITEMS = {"身份证明": 3, "委托书": 4, "证据": 6, "履行凭证": 9}
KIND_TITLES = {"身份证明": "当事人身份证明", "委托书": "授权委托书", "证据": "证据材料",
               "履行凭证": "履行凭证", "其他": "其他材料"}
OTHER_ITEM = 11.5  # 其他 and unmarked attachments: after 司法确认材料, before the 情况说明


@dataclass(frozen=True)
class Part:
    """One entry of the 卷内目录: a document of the registry (``doc``), an attachment, or a
    page the dossier writes itself (``own``: "note" or "back")."""

    item: float  # the official item (1–13) it is filed under
    title: str  # 文件材料名称
    on: date | None = None  # 日期
    doc: str | None = None
    attachment: AttachmentInfo | None = None
    own: str | None = None

    @property
    def printed(self) -> bool:
        """False for an attachment that is neither an image nor a PDF (listed, not printed)."""
        if self.attachment is None:
            return True
        return PurePath(self.attachment.filename).suffix.lower() in IMAGE_SUFFIXES + (".pdf",)


def written(c: CaseDetail) -> bool:
    return c.agreement is not None and c.agreement.form == wf.WRITTEN_AGREEMENT


def judicial_applied(c: CaseDetail) -> bool:
    applied = c.mediation.judicial_applied_on if c.mediation else None
    return written(c) and (applied or c.judicial_applied_on) is not None


def attachments_of(c: CaseDetail, kind: str) -> list[AttachmentInfo]:
    if kind == "其他":
        return [a for a in c.attachments if (a.kind or "其他") not in KIND_ITEMS]
    return [a for a in c.attachments if a.kind == kind]


def missing_items(c: CaseDetail) -> list[str]:
    """The required items (DOMAIN §8: 1, 2, 3, 7, 8, 13) the case cannot fill, each with why.
    1 and 2 are printed from an accepted case; 3 needs an attachment marked 身份证明; 7 a
    session; 8 the agreement of a 调解成功 (调解不成 and 终止调解 file their 终止人民调解告知书
    instead); 13, the 备考表, is always printed."""
    out = []
    if c.accepted_on is None:
        out += ["申请书或受理登记表（案件未受理）", "当事人权利义务告知书（案件未受理）"]
    if not attachments_of(c, "身份证明"):
        out.append("当事人身份证明（没有标记为“身份证明”的附件）")
    if not c.sessions:
        out.append("调解记录（没有记录调解）")
    if c.outcome == wf.MEDIATED and c.agreement is None:
        out.append("调解协议书或口头协议登记表（调解成功但没有记录调解协议）")
    elif c.outcome not in wf.DISPUTE_OUTCOMES:
        out.append("调解协议书或终止人民调解告知书（纠纷尚未办结）")
    return out


def _attachment_parts(c: CaseDetail, kind: str) -> list[Part]:
    item = KIND_ITEMS.get(kind, OTHER_ITEM)
    return [Part(item, f"{KIND_TITLES[kind]}：{_shown(a.filename)}", a.added_at.date(),
                 attachment=a) for a in attachments_of(c, kind)]


def _shown(filename: str) -> str:
    """A printed attachment by its name (the page shows what it is); a file not printed keeps
    its extension, so the reader knows what the electronic file is."""
    path = PurePath(filename)
    return path.stem if path.suffix.lower() in IMAGE_SUFFIXES + (".pdf",) else filename


def plan(c: CaseDetail) -> list[Part]:
    """The parts of the dossier in the order of the 卷内目录; what the case lacks is left out
    (``missing_items`` names it)."""
    parts: list[Part] = []
    if c.accepted_on is not None:
        if c.source == "当事人申请":
            parts.append(Part(1, "人民调解申请书", c.received_on, doc="application"))
        else:
            parts.append(Part(1, "人民调解受理登记表", c.accepted_on, doc="register"))
        parts.append(Part(2, "人民调解当事人权利义务告知书", c.accepted_on, doc="rights"))
    parts += _attachment_parts(c, "身份证明") + _attachment_parts(c, "委托书")
    parts += _attachment_parts(c, "证据")
    if c.sessions:
        n = len(c.sessions)
        parts.append(Part(7, "人民调解记录" + (f"（共{n}次）" if n > 1 else ""),
                          c.sessions[0].held_on, doc="record"))
    if c.agreement is not None and c.outcome == wf.MEDIATED:
        key, title = ("agreement", "人民调解协议书") if written(c) else ("oral", "人民调解口头协议登记表")
        parts.append(Part(8, title, c.agreement.signed_on, doc=key))
    elif c.outcome in (wf.MEDIATION_FAILED, wf.MEDIATION_ENDED):
        parts.append(Part(8, "终止人民调解告知书", c.closed_on, doc="termination"))
    parts += _attachment_parts(c, "履行凭证")
    if c.follow_ups:
        done = [f.done_on for f in c.follow_ups if f.done_on]
        parts.append(Part(10, "人民调解回访记录", done[0] if done else c.follow_ups[0].due_on,
                          doc="visit"))
    if judicial_applied(c):
        applied = (c.mediation.judicial_applied_on if c.mediation else None) or c.judicial_applied_on
        parts.append(Part(11, "司法确认申请书", applied, doc="confirmation"))
    parts += _attachment_parts(c, "其他")
    parts.append(Part(12, NOTE_TITLE, own="note"))
    parts.append(Part(13, BACK_TITLE, own="back"))
    return parts


__all__ = ["BACK_TITLE", "IMAGE_SUFFIXES", "NOTE_TITLE", "NOT_PRINTED", "Part", "attachments_of",
           "missing_items", "plan"]
