"""The dialogs of the acts on one case (受理, 不予受理, 分派, 延期, 记录调解, 记录协议, 办结,
重新打开, 回访, 履行情况, 删除, 添加/修改/移除当事人, and the petition acts: 转送, 上级交办, 办结报告,
督办, 答复, 满意度, 复查/复核), one module per family; this file re-exports them.

Each dialog checks the obvious itself, then submits one act through ``ctx.act``; a
ValidationError comes back and is shown beside its field while the dialog stays open. On
success the context broadcasts the change, the dialog emits ``succeeded(result)`` and closes.
Modules of this package import each other directly, never through this file.
"""

from ui.dialogs.acts.agreement import (
    AgreementDialog,
    AgreementFields,
    PerformanceDialog,
    TermsEditor,
)
from ui.dialogs.acts.base import ActDialog
from ui.dialogs.acts.close import CloseDialog
from ui.dialogs.acts.mediation import (
    MEDIATION_DIALOGS,
    JudicialDialog,
    JudicialResultDialog,
    RiskDialog,
)
from ui.dialogs.acts.party import PartyDialog, RemovePartyDialog
from ui.dialogs.acts.petition import (
    PETITION_DIALOGS,
    FromAboveDialog,
    PetitionExtendDialog,
    RateDialog,
    ReplyDialog,
    ReportDialog,
    ReviewDialog,
    SuperviseDialog,
    SupervisionReplyDialog,
    TransferDialog,
)
from ui.dialogs.acts.records import FollowUpDialog, SessionDialog
from ui.dialogs.acts.simple import (
    AcceptDialog,
    AssignDialog,
    DeleteDialog,
    ExtendDialog,
    ReasonActDialog,
    RejectDialog,
    ReopenDialog,
)

__all__ = [
    "AcceptDialog", "ActDialog", "AgreementDialog", "AgreementFields", "AssignDialog",
    "CloseDialog", "DeleteDialog", "ExtendDialog", "FollowUpDialog", "PartyDialog",
    "PerformanceDialog", "ReasonActDialog", "RejectDialog", "RemovePartyDialog", "ReopenDialog",
    "SessionDialog", "TermsEditor",
    # The petition acts (petition.py).
    "PETITION_DIALOGS", "FromAboveDialog", "PetitionExtendDialog", "RateDialog", "ReplyDialog",
    "ReportDialog", "ReviewDialog", "SuperviseDialog", "SupervisionReplyDialog", "TransferDialog",
    # People's mediation (mediation.py).
    "MEDIATION_DIALOGS", "JudicialDialog", "JudicialResultDialog", "RiskDialog",
]
