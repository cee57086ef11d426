"""Screenshot states of the intake: a petition whose ID number finds a known petitioner (the
hint with a repeat flag), a petition refused with messages beside the fields, a dispute."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from caseapp import queries
from ui.devtools.settle import settle
from ui.dialogs.intake import IntakeDialog
from ui.i18n import tr
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext


def known_person(db, today: date) -> tuple[str, str] | None:
    """Worker side: the ID number and a category of a petitioner with earlier petitions."""
    flt = queries.CaseFilter(kind="petition", today=today)
    for case_id in queries.case_ids(db, flt)[:300]:
        d = queries.case_detail(db, case_id, today)
        for p in d.parties:
            if p.role == "信访人" and p.id_number:
                found = queries.find_persons(db, id_number=p.id_number)
                if found and len(found[0].cases) >= 2:
                    return p.id_number, d.category
    return None


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    out: list[tuple[str, QWidget]] = []
    dialog = IntakeDialog(ctx, "petition")
    dialog.show()  # laid out, so the hint can be scrolled into view
    settle(ctx)
    found: list = []
    ctx.runner.run(None, known_person, ctx.db, ctx.today(), on_done=found.append)
    settle(ctx)
    if found and found[0]:
        id_number, category = found[0]
        forms.set_combo_text(dialog.case_form.category, category)
        dialog.case_form.summary.setText(tr("反映小区物业收费不合理，要求重新核定"))
        dialog.party_box.p_id.setText(id_number)
        settle(ctx)
        QApplication.processEvents()
        dialog.scroll.ensureWidgetVisible(dialog.party_box.hint, 0, 8)
    out.append(("intake_petition_lookup", dialog))
    bad = IntakeDialog(ctx, "petition")
    bad.show()
    settle(ctx)
    bad.party_box.p_name.setText("张秀英")
    bad.party_box.p_id.setText("500102195507142463")
    bad.party_box.p_phone.setText("1380000")
    bad.save()
    out.append(("intake_petition_errors", bad))
    dispute = IntakeDialog(ctx, "dispute")
    settle(ctx)
    out.append(("intake_dispute", dispute))
    return out


__all__ = ["known_person", "screenshot_states"]
