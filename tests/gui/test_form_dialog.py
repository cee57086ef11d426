"""填报模板 from the reports page, clicked through: pick a shipped template or a file (the file
picker patched), preview the cells, save; a template with an unknown placeholder is listed and
saves nothing; 设置 → 填报表格 saves the dispute type → form row mapping."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from caseapp.demo.generator import run_demo
from caseapp.figures import stats
from caseapp.services import audit
from ui.dialogs import form_dialog as form_dialog_module
from ui.pages.reports import ReportsPage
from ui.pages.settings.page import SettingsPage

TODAY = date(2026, 3, 20)
FEB = (date(2026, 2, 1), date(2026, 2, 28))


def click(qtbot, widget):
    assert widget.isEnabled() and widget.isVisible(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes):
    yield no_message_boxes


@pytest.fixture
def demo(ctx):
    run_demo(ctx.db, ctx.actor, cases=400, seed=2, today=TODAY)
    return ctx


@pytest.fixture
def dialog(qtbot, demo, wait_idle):
    page = ReportsPage(demo)
    qtbot.addWidget(page)
    page.show()
    wait_idle()
    click(qtbot, page.form_button)
    dlg = page.form_dialog
    assert dlg is not None and dlg.isVisible()
    wait_idle()
    return dlg


def preview(qtbot, dlg, wait_idle):
    click(qtbot, dlg.preview_button)
    wait_idle()


def table_rows(table):
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def test_pick_a_file_preview_and_save(qtbot, dialog, wait_idle, monkeypatch, tmp_path):
    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.active["A1"] = "{{period}}"
    wb.active["B2"] = "{{petitions.received}}"
    wb.active["B3"] = "{{纠纷.调解成功率}}"
    wb.active["B4"] = "办结率：{{petitions.closure_rate}}"
    wb.create_sheet("二")["C5"] = "{{disputes.handled}}"
    template = tmp_path / "上级来表.xlsx"
    wb.save(template)
    monkeypatch.setattr(form_dialog_module, "ask_template_file", lambda parent, start: str(template))
    combo = dialog.template_combo
    combo.setCurrentIndex(combo.count() - 1)
    combo.activated.emit(combo.count() - 1)  # 其他文件… as a person picks it
    assert dialog.template() == str(template) and dialog.file_label.text() == str(template)
    # Last month by default (the context's today is 2026-03-20).
    assert dialog.period() == FEB
    assert not dialog.save_button.isEnabled()
    preview(qtbot, dialog, wait_idle)

    fig = stats.figures(dialog.ctx.db, *FEB, TODAY)
    shown = stats.printable(fig)
    d = fig.disputes
    assert table_rows(dialog.preview_table) == [
        ("Sheet1!A1", "{{period}}", "2026年2月"),
        ("Sheet1!B2", "{{petitions.received}}", str(fig.petitions.received)),
        ("Sheet1!B3", "{{纠纷.调解成功率}}", f"{d.succeeded / d.concluded * 100:.1f}%"),
        ("Sheet1!B4", "办结率：{{petitions.closure_rate}}", f"办结率：{shown['petitions']['closure_rate']}"),
        ("二!C5", "{{disputes.handled}}", str(d.handled)),
    ]
    assert "5 个单元格" in dialog.state_label.text()

    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(form_dialog_module, "ask_output_path", lambda parent, suggested: str(out))
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        click(qtbot, dialog.save_button)
    wait_idle()
    assert saved.args[0] == out
    ws = load_workbook(out)["Sheet1"]
    assert ws["B2"].value == fig.petitions.received
    assert ws["B3"].value == pytest.approx(d.succeeded / d.concluded)
    assert ws["B3"].number_format == "0.0%"
    assert str(out) in dialog.state_label.text()
    printouts = audit.list_events(dialog.ctx.db, dialog.ctx.actor, audit.AuditFilter(action="printout"))
    assert [e.note for e in printouts] == ["填报模板 上级来表（2026年2月）"]


def test_the_shipped_form_and_a_refused_template(qtbot, dialog, wait_idle, monkeypatch, tmp_path):
    assert dialog.template() == "CaseDesk月度汇总" or dialog.template() == "矛盾纠纷排查情况表"
    dialog.set_template("矛盾纠纷排查情况表")
    click(qtbot, next(b for b in dialog.findChildren(type(dialog.preview_button)) if b.text() == "本年"))
    assert dialog.period() == (date(2026, 1, 1), date(2026, 12, 31))
    preview(qtbot, dialog, wait_idle)
    fig = stats.figures(dialog.ctx.db, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    rows = {r[0]: r[2] for r in table_rows(dialog.preview_table)}
    assert rows["排查情况表!F4"] == str(fig.disputes.received)
    assert rows["排查情况表!E2"] == "填报月份：2026年"
    assert dialog.save_button.isEnabled()
    # The list of placeholders is on its tab.
    known = [r[0] for r in table_rows(dialog.known_table)]
    assert "{{petitions.closure_rate}}" in known and "{{work.screenings}}" in known

    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.active["C7"] = "{{petitions.foo}}"
    wb.active["C8"] = "{{disputes.succeeded}}"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    dialog.set_template(str(bad))
    assert not dialog.save_button.isEnabled()  # the old preview is gone with the choice
    preview(qtbot, dialog, wait_idle)
    assert dialog.problems.isVisible()
    assert "Sheet1!C7: 未知的占位符「{{petitions.foo}}」" in dialog.problems.toPlainText()
    assert dialog.preview_table.rowCount() == 0 and not dialog.save_button.isEnabled()
    assert "1 处问题" in dialog.state_label.text()


def test_settings_tab_saves_the_form_rows(qtbot, ctx, wait_idle):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1166, 658)
    page.show()
    wait_idle()
    page.tabs.setCurrentWidget(page.forms_tab)
    tab = page.forms_tab
    assert "婚姻家庭纠纷" in tab.combos
    assert tab.combos["婚姻家庭纠纷"].currentText() == "婚姻家庭邻里等各类民间纠纷"
    assert not page.save_button.isEnabled()
    box = tab.combos["婚姻家庭纠纷"]
    box.setCurrentIndex(box.findData("民族宗教矛盾纠纷"))
    box2 = tab.combos["其他纠纷"]
    box2.setCurrentIndex(0)  # （不计入）
    assert page.is_dirty() and page.save_button.isEnabled()
    with qtbot.waitSignal(page.saved, timeout=10000):
        click(qtbot, page.save_button)
    wait_idle()
    rows = ctx.db.settings().form_rows
    assert rows["婚姻家庭纠纷"] == "民族宗教矛盾纠纷" and "其他纠纷" not in rows
    assert rows["邻里纠纷"] == "婚姻家庭邻里等各类民间纠纷"
    assert not page.is_dirty()
    click(qtbot, tab.defaults_button)
    assert tab.combos["婚姻家庭纠纷"].currentText() == "婚姻家庭邻里等各类民间纠纷"
    assert page.is_dirty()


def test_an_unreadable_date_is_named_and_nothing_is_computed(qtbot, dialog, wait_idle):
    dialog.from_edit.setFocus()
    dialog.from_edit.selectAll()
    qtbot.keyClicks(dialog.from_edit, "2026-13-01")  # a month that does not exist
    assert dialog.period() is None
    click(qtbot, dialog.preview_button)
    wait_idle()
    assert dialog.result is None and not dialog.save_button.isEnabled()
    assert "起止日期" in dialog.state_label.text()
