"""Screenshot states of 填报模板: the 矛盾纠纷排查情况表 previewed for last month, a template with
unknown placeholders refused, and 设置 → 填报表格."""

from __future__ import annotations

import tempfile
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.devtools.settle import settle
from ui.dialogs.form_dialog import FormDialog
from ui.pages.settings.page import SettingsPage
from ui.widgets.fit import fit_to_screen

SHIPPED = "矛盾纠纷排查情况表"


def _bad_template(folder: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "本月登记：{{disputes.received}}"
    ws["C7"] = "{{petitions.foo}}"
    ws["C8"] = "{{纠纷[婚姻家廷纠纷].办结}}"
    path = folder / "上级来表.xlsx"
    wb.save(path)
    return path


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    states: list[tuple[str, QWidget]] = []
    dialog = FormDialog(ctx)
    dialog.set_template(SHIPPED)
    dialog.preview()
    settle(ctx, 30000)
    states.append(("form-preview", dialog))

    folder = Path(tempfile.mkdtemp(prefix="casedesk-form-"))
    refused = FormDialog(ctx)
    refused.set_template(str(_bad_template(folder)))
    refused.preview()
    settle(ctx, 30000)
    states.append(("form-refused", refused))

    known = FormDialog(ctx)
    settle(ctx, 30000)
    known.tabs.setCurrentIndex(1)
    states.append(("form-placeholders", known))

    page = SettingsPage(ctx)
    fit_to_screen(page, 1166, 658)
    settle(ctx, 30000)
    page.tabs.setCurrentWidget(page.forms_tab)
    states.append(("settings-forms", page))
    return states
