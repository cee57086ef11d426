"""One case: header (number, status, outcome, deadline), the acts the workflow allows as
buttons, and tabs (基本信息, 当事人, 办理过程, 调解记录, 协议与履行, 回访, 附件, 信访程序); one module per
part, this file re-exports the page.

The case is read with queries.case_detail on the task runner; every act goes through
``ctx.act`` (from the dialogs of ui/dialogs/acts/), whose data_changed broadcast reloads the
view, as it does when another page changes this case. Modules of this package import each
other directly, never through this file.
"""

from ui.pages.case_view.attachments import open_file, pick_file
from ui.pages.case_view.view import (
    TAB_AGREEMENT,
    TAB_BASIC,
    TAB_FILES,
    TAB_FOLLOWUPS,
    TAB_PARTIES,
    TAB_PETITION,
    TAB_SESSIONS,
    TAB_TIMELINE,
    CaseView,
)

__all__ = ["TAB_AGREEMENT", "TAB_BASIC", "TAB_FILES", "TAB_FOLLOWUPS", "TAB_PARTIES",
           "TAB_PETITION", "TAB_SESSIONS", "TAB_TIMELINE", "CaseView", "open_file", "pick_file"]
