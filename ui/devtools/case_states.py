"""Screenshot states of one case: the case view on its tabs, and the act dialogs (办结 showing
what 调解不成 needs, 记录协议, 记录调解, 不予受理 refusing an empty reason, 受理)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from caseapp import queries
from caseapp import workflow as wf
from ui.devtools.settle import settle
from ui.dialogs import acts
from ui.pages.case_view import TAB_AGREEMENT, TAB_BASIC, TAB_SESSIONS, TAB_TIMELINE, CaseView
from ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from ui.context import AppContext


def find_samples(db, today: date) -> dict[str, int]:
    """Worker side: a mediated dispute with sessions and an open petition, if there are any."""
    out: dict[str, int] = {}
    flt = queries.CaseFilter(kind="dispute", statuses=("closed",), today=today)
    for case_id in queries.case_ids(db, flt)[:200]:
        d = queries.case_detail(db, case_id, today)
        if d.outcome == wf.MEDIATED and d.sessions and d.agreement:
            out["dispute"] = case_id
            break
    flt = queries.CaseFilter(kind="petition", statuses=("in_progress",), today=today)
    ids = queries.case_ids(db, flt)
    if ids:
        out["petition"] = ids[0]
    return out


def sample_cases(ctx: AppContext) -> dict[str, int]:
    """The sample cases of the demo database ("dispute", "petition"), those found."""
    found: dict[str, int] = {}
    ctx.runner.run(None, find_samples, ctx.db, ctx.today(), on_done=found.update)
    settle(ctx)
    return found


def case_view_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """Case views: a dispute with sessions and an agreement, an open petition, and its
    timeline."""
    ids = sample_cases(ctx)
    out: list[tuple[str, QWidget]] = []
    for name, case_id, tab in (("case_view_dispute", ids.get("dispute"), TAB_AGREEMENT),
                               ("case_view_petition", ids.get("petition"), TAB_BASIC),
                               ("case_view_timeline", ids.get("petition"), TAB_TIMELINE),
                               ("case_view_sessions", ids.get("dispute"), TAB_SESSIONS)):
        if case_id is None:
            continue
        view = CaseView(ctx)
        fit_to_screen(view, 1366, 768)
        view.show_case(case_id)
        settle(ctx)
        view.tabs.setCurrentIndex(tab)
        out.append((name, view))
    return out


def act_dialog_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The act dialogs on demo cases, at their natural size."""
    ids = sample_cases(ctx)
    details: dict = {}
    for key, case_id in ids.items():
        ctx.runner.run(None, queries.case_detail, ctx.db, case_id, ctx.today(),
                       on_done=lambda d, k=key: details.__setitem__(k, d))
    settle(ctx)
    out: list[tuple[str, QWidget]] = []
    dispute, petition = details.get("dispute"), details.get("petition")
    if dispute is not None:
        close = acts.CloseDialog(ctx, dispute)
        close.select_outcome(wf.MEDIATION_FAILED)
        close.errors.set_errors(close.validate())
        out.append(("dialog_close", close))
        out.append(("dialog_agreement", acts.AgreementDialog(ctx, dispute)))
        out.append(("dialog_session", acts.SessionDialog(ctx, dispute)))
    if petition is not None:
        reject = acts.RejectDialog(ctx, petition)
        reject.errors.set_errors(reject.validate())
        out.append(("dialog_reject", reject))
        out.append(("dialog_accept", acts.AcceptDialog(ctx, petition)))
    for _name, dialog in out:
        dialog.adjustSize()
    return out


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    return act_dialog_states(ctx) + case_view_states(ctx)


__all__ = ["act_dialog_states", "case_view_states", "find_samples", "sample_cases",
           "screenshot_states"]
