"""The registry of case documents: key (``--doc``), title, the maker and which case states
offer it. The CLI, the audit's printout and the case view's 打印 menu all read it; a new
document is one ``register(DocSpec(...))`` (docs/documents.md "Adding a document")."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError, WorkflowError
from caseapp.queries.case_detail import CaseDetail, case_detail
from caseapp.storage.db import Database

Maker = Callable[..., Path]  # (db, case_id, path, *, mask) -> the written path


def lazy(module: str, name: str) -> Maker:
    """The maker ``module.name``, imported at the first printout: the GUI reads the registry
    at start, ReportLab loads when something is printed."""
    def make(*args, **kwargs) -> Path:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)
    make.__name__ = name
    return make


@dataclass(frozen=True)
class DocSpec:
    key: str
    title: str  # the menu's and the audit log's name
    kinds: tuple[str, ...]  # Kind values it belongs to
    make: Maker
    # None when the case's state offers the document, else why not (shown and raised).
    refused: Callable[[CaseDetail, date], str | None]
    title_for: Callable[[CaseDetail], str] | None = None  # a title that depends on the case
    # The required items the case lacks (the 卷宗's completeness check): printing is refused
    # while there are any unless forced (render ``force``; the GUI asks first).
    gaps: Callable[[CaseDetail], list[str]] | None = None

    def label(self, c: CaseDetail) -> str:
        return self.title_for(c) if self.title_for else self.title


DOCUMENTS: dict[str, DocSpec] = {}
PETITION, DISPUTE = wf.Kind.PETITION.value, wf.Kind.DISPUTE.value
R = "caseapp.reports."


def register_document(spec: DocSpec) -> DocSpec:
    """Add (or replace) a document of the registry; the order of registration is the menu's."""
    DOCUMENTS[spec.key] = spec
    return spec


def _written(c: CaseDetail) -> bool:
    return c.agreement is not None and c.agreement.form == wf.WRITTEN_AGREEMENT


def _always(c: CaseDetail, today: date) -> str | None:
    return None


def _accepted(c: CaseDetail, today: date) -> str | None:
    return None if c.accepted_on else "案件尚未受理"


def _application(c: CaseDetail, today: date) -> str | None:
    return None if c.source == "当事人申请" else "仅来源为“当事人申请”的纠纷有申请书"


def _sessions(c: CaseDetail, today: date) -> str | None:
    return None if c.sessions else "尚未记录调解"


def _agreement(c: CaseDetail, today: date) -> str | None:
    if c.agreement is None:
        return "该纠纷尚未记录调解协议"
    if not _written(c):
        return (f"{c.number} 的调解协议为{c.agreement.form}，当事人未签订书面协议，不能打印人民调解协议书；"
                "请打印人民调解口头协议登记表（oral）")
    return None


def _oral(c: CaseDetail, today: date) -> str | None:
    if c.agreement is None or _written(c):
        return "该纠纷没有记录口头协议"
    return None


def _termination(c: CaseDetail, today: date) -> str | None:
    ended = (wf.MEDIATION_FAILED, wf.MEDIATION_ENDED)
    return None if c.outcome in ended else "仅调解不成或终止调解的纠纷出具终止调解告知书"


def _visits(c: CaseDetail, today: date) -> str | None:
    return None if c.follow_ups else "没有回访安排"


def _confirmation(c: CaseDetail, today: date) -> str | None:
    if not _written(c):
        return "仅书面调解协议可以申请司法确认"
    info = c.mediation
    if info and info.judicial_applied_on is None and info.judicial_window \
            and today > info.judicial_window:
        w = info.judicial_window
        return f"申请司法确认的期限已于{w.year}年{w.month}月{w.day}日届满"
    return None


def _notice(c: CaseDetail, today: date) -> str | None:
    if c.status == wf.Status.REJECTED.value or c.accepted_on is not None:
        return None
    return "受理或不予受理后才能出具告知书"


for _spec in (
    DocSpec("sheet", "案件登记表", (PETITION, DISPUTE),
            lazy(R + "case_sheet", "case_sheet"), _always,
            lambda c: "信访事项登记表" if c.kind == PETITION else "矛盾纠纷登记表"),
    DocSpec("notice", "告知书", (PETITION,),
            lazy(R + "notices", "notice"), _notice,
            lambda c: "不予受理告知书" if c.status == wf.Status.REJECTED.value else "受理告知书"),
    DocSpec("application", "人民调解申请书", (DISPUTE,),
            lazy(R + "application", "application"), _application),
    DocSpec("register", "人民调解受理登记表", (DISPUTE,),
            lazy(R + "mediation_forms", "register"), _accepted),
    DocSpec("rights", "当事人权利义务告知书", (DISPUTE,),
            lazy(R + "rights", "rights"), _accepted),
    DocSpec("investigation", "人民调解调查记录", (DISPUTE,),
            lazy(R + "mediation_forms", "investigation"), _accepted),
    DocSpec("record", "人民调解记录", (DISPUTE,),
            lazy(R + "mediation_forms", "session_record"), _sessions),
    DocSpec("agreement", "人民调解协议书", (DISPUTE,),
            lazy(R + "agreement", "agreement"), _agreement),
    DocSpec("oral", "人民调解口头协议登记表", (DISPUTE,),
            lazy(R + "oral", "oral"), _oral),
    DocSpec("visit", "人民调解回访记录", (DISPUTE,),
            lazy(R + "mediation_forms", "visit"), _visits),
    DocSpec("confirmation", "司法确认申请书", (DISPUTE,),
            lazy(R + "application", "confirmation"), _confirmation),
    DocSpec("termination", "终止人民调解告知书", (DISPUTE,),
            lazy(R + "termination", "termination"), _termination),
):
    register_document(_spec)


def _dossier(c: CaseDetail, today: date) -> str | None:
    return None if c.status == wf.Status.CLOSED.value else "纠纷办结后才能立卷打印卷宗"


def _dossier_gaps(c: CaseDetail) -> list[str]:
    from caseapp.reports.dossier_plan import missing_items

    return missing_items(c)


register_document(DocSpec("dossier", "人民调解卷宗", (DISPUTE,), lazy(R + "dossier", "dossier"),
                          _dossier, gaps=_dossier_gaps))


# The petition documents of the 信访工作条例's acts (reports/petition_*.py).
def _opinion(c: CaseDetail, today: date) -> str | None:
    answered = c.petition and c.petition.decision and c.outcome in wf.REPLY_DECISIONS.values()
    return None if answered else "尚未答复（出具处理意见书须先“答复”）"


def _extension(c: CaseDetail, today: date) -> str | None:
    return None if c.petition and c.petition.extension_approver else "没有经批准的延期"


def _transfer(c: CaseDetail, today: date) -> str | None:
    return None if c.outcome == wf.TRANSFERRED else "该信访件未转送"


def _diversion(c: CaseDetail, today: date) -> str | None:
    return None if c.outcome == wf.DIVERTED and c.derived_number else "该信访件未转人民调解"


def _report(c: CaseDetail, today: date) -> str | None:
    if not (c.petition and c.petition.from_above):
        return "不是上级交办件，没有办结报告"
    return None if c.petition.report_on else "尚未填写办结报告的内容"


for _spec in (
    DocSpec("opinion", "信访事项处理意见书", (PETITION,),
            lazy(R + "petition_opinion", "opinion"), _opinion,
            lambda c: {"复查": "信访事项复查意见书", "复核": "信访事项复核意见书"}.get(
                c.petition.review_stage or "", "信访事项处理意见书") if c.petition
            else "信访事项处理意见书"),
    DocSpec("extension", "延期办理告知书", (PETITION,),
            lazy(R + "petition_notices", "extension"), _extension),
    DocSpec("transfer", "转送告知书", (PETITION,),
            lazy(R + "petition_notices", "transfer_notice"), _transfer),
    DocSpec("transfer_letter", "转送函", (PETITION,),
            lazy(R + "petition_notices", "transfer_letter"), _transfer),
    DocSpec("diversion", "转人民调解告知书", (PETITION,),
            lazy(R + "petition_notices", "diversion_notice"), _diversion),
    DocSpec("report", "办结报告", (PETITION,),
            lazy(R + "petition_report", "report"), _report),
):
    register_document(_spec)


def document(key: str) -> DocSpec:
    if key not in DOCUMENTS:
        raise ValidationError(Problem("doc", f"文书类型应为：{'、'.join(DOCUMENTS)}"))
    return DOCUMENTS[key]


def offered(c: CaseDetail, today: date | None = None) -> list[tuple[DocSpec, str | None]]:
    """The documents of the case's kind, each with None (offered) or why it is not."""
    today = today or date.today()
    return [(spec, spec.refused(c, today)) for spec in DOCUMENTS.values() if c.kind in spec.kinds]


def render(db: Database, case_id: int, key: str, path: str | os.PathLike, *,
           mask: bool = False, today: date | None = None, force: bool = False) -> Path:
    """Write document ``key`` of the case, refused (WorkflowError, the reason) when its state
    does not offer it, or when it lacks a required item (``spec.gaps``) unless ``force``."""
    spec = document(key)
    c = case_detail(db, case_id)
    if c.kind not in spec.kinds:
        kind = wf.KIND_LABELS[wf.Kind(c.kind)]
        raise WorkflowError(f"{c.number} 是{kind}，没有{spec.title}")
    why = spec.refused(c, today or date.today())
    if why:
        raise WorkflowError(why if c.number in why else f"{c.number}：{why}，不能出具{spec.label(c)}")
    missing = spec.gaps(c) if spec.gaps and not force else []
    if missing:
        raise WorkflowError(f"{c.number} 的{spec.title}缺少必备材料：\n"
                            + "\n".join(f"  {m}" for m in missing)
                            + "\n补齐后再打印（命令行加 --force 照样打印，缺项列在卷宗情况说明中）")
    return spec.make(db, case_id, path, mask=mask)
