"""Screenshot states of prevention work and early warning (issue #15): the 排查台账 page, the
workbench with its card 可能的群体性事件 (the demo plants the clusters), and a case view showing
its 相关案件."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from caseapp import queries
from ui.devtools.page_states import shown
from ui.devtools.settle import settle
from ui.pages.case_view import CaseView
from ui.pages.workbench import WorkbenchPage
from ui.pages.worklog import WorkLogPage
from ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from ui.context import AppContext


def related_sample(db) -> int | None:
    """Worker side: an open case of the largest cluster against one respondent (the demo's
    planted wage disputes), else of any warning with more than one case."""
    warnings = [w for w in queries.group_warnings(db) if len(w.case_ids) > 1]
    warnings.sort(key=lambda w: (w.rule != "respondent", -len(w.case_ids)))
    return warnings[0].case_ids[0] if warnings else None


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    out: list[tuple[str, QWidget]] = []
    worklog = shown(WorkLogPage(ctx), 1180, 700)
    settle(ctx, 20000)
    out.append(("worklog_page", worklog))
    workbench = shown(WorkbenchPage(ctx), 1180, 700)
    settle(ctx, 20000)
    out.append(("workbench_warnings", workbench))
    found: list[int | None] = []
    ctx.runner.run(None, related_sample, ctx.db, on_done=found.append)
    settle(ctx)
    if found and found[0] is not None:
        view = CaseView(ctx)
        fit_to_screen(view, 1366, 768)
        view.show_case(found[0])
        settle(ctx)
        out.append(("case_view_related", view))
    return out


__all__ = ["related_sample", "screenshot_states"]
