"""Screenshot states of the screens this stage added: the party dialog, the first-run setup
wizard, the search page with results, 设置 → 节假日, and the new act dialogs of petitions
(延期, 转送, 督办, 答复) and disputes (司法确认, 风险等级与预防成效)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from caseapp import queries
from caseapp.services import privacy
from ui.devtools.case_states import sample_cases
from ui.devtools.settle import settle
from ui.dialogs.acts import mediation, petition
from ui.dialogs.acts.party import PartyDialog
from ui.dialogs.setup_wizard import SetupWizard
from ui.pages.search import SearchPage
from ui.pages.settings.holidays_tab import HolidaysTab
from ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from ui.context import AppContext


def _details(ctx: AppContext) -> dict:
    details: dict = {}
    for key, case_id in sample_cases(ctx).items():
        ctx.runner.run(None, queries.case_detail, ctx.db, case_id, ctx.today(),
                       on_done=lambda d, k=key: details.__setitem__(k, d))
    settle(ctx)
    return details


def dialog_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    details = _details(ctx)
    out: list[tuple[str, QWidget]] = []
    dispute, open_petition = details.get("dispute"), details.get("petition")
    if dispute is not None:
        shown = privacy.masked_detail(dispute)  # as the case view hands it over
        out.append(("party_add", PartyDialog(ctx, shown)))
        out.append(("party_edit", PartyDialog(ctx, shown, shown.parties[0])))
        out.append(("dialog_judicial", mediation.JudicialDialog(ctx, dispute)))
        out.append(("dialog_risk", mediation.RiskDialog(ctx, dispute)))
    if open_petition is not None:
        for name, cls in (("dialog_petition_extend", petition.PetitionExtendDialog),
                          ("dialog_transfer", petition.TransferDialog),
                          ("dialog_supervise", petition.SuperviseDialog),
                          ("dialog_reply", petition.ReplyDialog)):
            out.append((name, cls(ctx, open_petition)))
    settle(ctx)
    for _name, dialog in out:
        dialog.adjustSize()
    return out


def page_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    wizard = SetupWizard(ctx, ctx.db.settings())
    search = SearchPage(ctx)
    fit_to_screen(search, 1116, 658)
    search.box.setText("zs")
    holidays = HolidaysTab(ctx)
    fit_to_screen(holidays, 1116, 658)
    settle(ctx)
    search.run_search()  # the pause after typing, without waiting for it
    settle(ctx)
    return [("setup_wizard", wizard), ("search_results", search), ("settings-holidays", holidays)]


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    return dialog_states(ctx) + page_states(ctx)


__all__ = ["screenshot_states"]
