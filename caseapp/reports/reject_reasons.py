"""The fixed list of 不予受理 reasons (the routes of 信访工作条例 Art. 29–31) and the sentence
each makes: the notice never pastes the clerk's free text into a sentence, it names the
reason the text is matched to, and the organ or route the petitioner should turn to."""

from __future__ import annotations

from dataclasses import dataclass

from caseapp.reports.page import blank


@dataclass(frozen=True)
class RejectReason:
    key: str
    label: str  # as a pick list would show it
    keywords: tuple[tuple[str, ...], ...]  # any group whose words all occur matches
    finding: str  # "经审查，该信访事项{finding}。"
    route: str  # where to turn, a whole sentence ("" when there is none)


REJECT_REASONS: tuple[RejectReason, ...] = (
    RejectReason("reviewed", "已复核终结", (("复核",), ("终结",)),
                 "已经复查、复核终结，你{you}以同一事实和理由再次提出",
                 "根据规定，对该信访事项不再受理。"),
    RejectReason("legal_routes", "应通过诉讼、仲裁、行政复议等法定途径解决",
                 (("诉讼", "仲裁"), ("诉讼", "复议"), ("法定途径",)),
                 "属于已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的事项",
                 "你{you}可以依照有关法律、行政法规规定的程序，向人民法院、仲裁机构或者行政复议机关"
                 "提出。"),
    RejectReason("review", "应通过行政复议解决", (("行政复议",), ("复议",)),
                 "属于依法应当通过行政复议途径解决的事项",
                 "你{you}可以依法向有权的行政复议机关申请行政复议。"),
    RejectReason("arbitration", "应通过仲裁解决", (("仲裁",),),
                 "属于依法应当通过仲裁途径解决的事项",
                 "你{you}可以依法向有管辖权的仲裁机构申请仲裁（劳动争议向劳动人事争议仲裁委员会申请）。"),
    RejectReason("lawsuit", "应通过诉讼解决", (("诉讼",), ("法院",), ("起诉",)),
                 "属于已经或者依法应当通过诉讼途径解决的事项",
                 "你{you}可以依法向有管辖权的人民法院提起诉讼。"),
    RejectReason("in_hand", "已受理或正在办理", (("正在办理",), ("已受理",), ("办理期间",),
                                         ("重复提出",)),
                 "属于有权处理的机关已经受理或者正在办理的事项",
                 "请等候" + blank(6) + "的答复，在办理期限内不再重复提出。"),
    RejectReason("closed", "已办结且无新的事实和理由", (("已办结",), ("无新的事实",), ("办理完毕",)),
                 "已经办理完毕，你{you}未提出新的事实和理由",
                 "如对原处理意见不服，可以自收到书面答复之日起三十日内请求原办理机关的上一级机关复查。"),
    RejectReason("not_ours", "不属于本机关职责范围", (("不属于",), ("职权",), ("职责",),
                                              ("无权处理",)),
                 "不属于本机关职责范围",
                 "请向有权处理的" + blank(8) + "提出。"),
)
OTHER = RejectReason("other", "其他", (), "不符合《信访工作条例》规定的受理条件", "")


def reject_reason(text: str | None) -> RejectReason:
    """The reason of the fixed list a stored reason (free text, or a label or key of the list)
    means; ``OTHER`` when none matches."""
    text = (text or "").strip()
    for reason in REJECT_REASONS:
        if text in (reason.key, reason.label):
            return reason
    for reason in REJECT_REASONS:
        if any(all(word in text for word in group) for group in reason.keywords):
            return reason
    return OTHER


def reject_sentences(reason: RejectReason, you: str) -> tuple[str, str]:
    """The finding ("经审查，该信访事项…。根据…不予受理。") and the route sentence; ``you`` is
    "" or "们" (你 / 你们)."""
    finding = (f"经审查，该信访事项{reason.finding.format(you=you)}。根据《信访工作条例》的有关规定，"
               "本机关决定不予受理。")
    return finding, reason.route.format(you=you)
