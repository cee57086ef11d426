"""The sentences of the 不予受理 reasons (the fixed list, workflow.REJECT_CHOICES: the routes of
信访工作条例 Art. 29–31): the notice never pastes the clerk's free text into a sentence, it
names the reason picked (or the one a typed text is matched to) and the organ or route the
petitioner should turn to."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp import workflow as wf
from caseapp.reports.page import blank


@dataclass(frozen=True)
class RejectReason:
    key: str
    label: str  # as the pick list shows it
    keywords: tuple[tuple[str, ...], ...]  # any group whose words all occur matches
    finding: str  # "经审查，该信访事项{finding}。"
    route: str  # where to turn, a whole sentence ("" when there is none)
    organ_route: str = ""  # the route naming the organ given at 不予受理 ({organ})
    organ_field: str = ""  # the dialog's label of that organ ("" when the reason needs none)


# key -> (finding, route with no organ named, route naming {organ}); {you} is "" or "们".
_WORDING = {
    "reviewed": ("已经复查、复核终结，你{you}以同一事实和理由再次提出",
                 "根据规定，对该信访事项不再受理。", ""),
    "legal_routes": ("属于已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的事项",
                     "你{you}可以依照有关法律、行政法规规定的程序，向人民法院、仲裁机构或者行政复议"
                     "机关提出。", ""),
    "review": ("属于依法应当通过行政复议途径解决的事项",
               "你{you}可以依法向有权的行政复议机关申请行政复议。",
               "你{you}可以依法向{organ}申请行政复议。"),
    "arbitration": ("属于依法应当通过仲裁途径解决的事项",
                    "你{you}可以依法向有管辖权的仲裁机构申请仲裁（劳动争议向劳动人事争议仲裁委员会"
                    "申请）。", "你{you}可以依法向{organ}申请仲裁。"),
    "lawsuit": ("属于已经或者依法应当通过诉讼途径解决的事项",
                "你{you}可以依法向有管辖权的人民法院提起诉讼。", "你{you}可以依法向{organ}提起诉讼。"),
    "in_hand": ("属于有权处理的机关已经受理或者正在办理的事项",
                "请等候" + blank(6) + "的答复，在办理期限内不再重复提出。",
                "请等候{organ}的答复，在办理期限内不再重复提出。"),
    "closed": ("已经办理完毕，你{you}未提出新的事实和理由",
               "如对原处理意见不服，可以自收到书面答复之日起三十日内请求原办理机关的上一级机关复查。",
               ""),
    "not_ours": ("不属于本机关职责范围", "请向有权处理的" + blank(8) + "提出。", "请向{organ}提出。"),
}

REJECT_REASONS: tuple[RejectReason, ...] = tuple(
    RejectReason(c.key, c.label, c.keywords, *_WORDING[c.key], organ_field=c.organ)
    for c in wf.REJECT_CHOICES)
OTHER = RejectReason("other", wf.REJECT_OTHER.label, (), "不符合《信访工作条例》规定的受理条件", "")
_BY_KEY = {r.key: r for r in (*REJECT_REASONS, OTHER)}


def reject_reason(text: str | None) -> RejectReason:
    """The reason of the fixed list a stored reason (a pick, free text, or a label or key of
    the list) means; ``OTHER`` when none matches."""
    choice, _organ, note = wf.parse_reject(text)
    if choice is not None:
        return _BY_KEY[choice.key]
    for reason in REJECT_REASONS:
        if any(all(word in note for word in group) for group in reason.keywords):
            return reason
    return OTHER


def reject_sentences(reason: RejectReason, you: str, organ: str = "") -> tuple[str, str]:
    """The finding ("经审查，该信访事项…。根据…不予受理。") and the route sentence; ``you`` is
    "" or "们" (你 / 你们); ``organ``: the organ named at 不予受理, in the route."""
    finding = (f"经审查，该信访事项{reason.finding.format(you=you)}。根据《信访工作条例》的有关规定，"
               "本机关决定不予受理。")
    route = reason.organ_route if organ and reason.organ_route else reason.route
    return finding, route.format(you=you, organ=organ)
