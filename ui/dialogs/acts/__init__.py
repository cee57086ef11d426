"""The dialogs of the acts on one case (受理, 不予受理, 分派, 延期, 记录调解, 记录协议, 办结,
重新打开, 回访, 履行情况, 删除), one module per family; this file re-exports them.

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
    "CloseDialog", "DeleteDialog", "ExtendDialog", "FollowUpDialog", "PerformanceDialog",
    "ReasonActDialog", "RejectDialog", "ReopenDialog", "SessionDialog", "TermsEditor",
]
