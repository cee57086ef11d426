"""统计报表 page and the case view's 打印 menu, clicked through: build on the worker, preview
(QtPdf), print to a PDF printer, save, export to Excel; what they show equals stats.figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from caseapp import services
from caseapp.demo.generator import run_demo
from caseapp.figures import stats
from caseapp.reports.tables_xlsx import MAIN_SHEET
from gui.keyboard import type_text
from ui.pages import case_view as case_view_module
from ui.pages import reports as reports_page
from ui.pages.reports import ReportsPage
from ui.widgets import pdf_preview

TODAY = date(2026, 3, 20)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, radio):
    """Click a radio button on its indicator, as a person does (not on the empty space)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def flat(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes):
    yield no_message_boxes


@pytest.fixture
def demo(ctx):
    run_demo(ctx.db, ctx.actor, cases=400, seed=2, today=TODAY)
    return ctx


@pytest.fixture
def page(qtbot, demo, wait_idle):
    widget = ReportsPage(demo)
    qtbot.addWidget(widget)
    widget.resize(1366 - 168, 700)
    widget.show()
    wait_idle()
    return widget


@pytest.fixture
def pdf_printer(monkeypatch, tmp_path):
    """The print dialog accepts at once; the 'printer' writes a PDF into tmp_path."""
    out = tmp_path / "printed.pdf"

    def make():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(pdf_preview, "make_printer", make)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return out


def build(qtbot, page, wait_idle) -> Path:
    with qtbot.waitSignal(page.built, timeout=30000) as blocker:
        click(qtbot, page.build_button)
    wait_idle()
    return blocker.args[0]


def test_empty_state_and_defaults(page):
    assert page.right_stack.currentIndex() == 0
    assert page.empty_label.text() == "选择报表类型和期间，点击「生成」"
    assert page.kind() == "monthly"
    # Last month and last year, relative to the context's today (2026-03-20).
    assert (page.month_year.value(), page.month_combo.currentData()) == (2026, 2)
    assert page.year_spin.value() == 2025
    assert not page.has_document()


def test_monthly_report_built_previewed_with_the_months_figures(qtbot, page, wait_idle):
    page.month_combo.setFocus()
    qtbot.keyClick(page.month_combo, Qt.Key.Key_Up)  # from the default 2月 to 1月
    assert page.month_combo.currentText() == "1月"
    page.made_by.setFocus()
    type_text(qtbot, page.made_by, "周志强")
    path = build(qtbot, page, wait_idle)

    assert page.right_stack.currentWidget() is page.preview
    assert path.parent == pdf_preview.printouts_dir()  # never the working directory
    reader = PdfReader(path)
    assert page.preview.page_count() == len(reader.pages) > 1
    assert f"共 {len(reader.pages)} 页" in page.result_label.text()
    assert page.preview.page_label.text() == f"第 1 / {len(reader.pages)} 页"
    fig = stats.figures(page.ctx.db, date(2026, 1, 1), date(2026, 1, 31))
    assert fig.petitions.handled > 0
    text = flat(path)
    assert "2026年1月信访及矛盾纠纷办理情况统计表" in text
    # A section per kind: the petitions' lines, then the disputes'.
    petitions, disputes = text.index("信访件登记数"), text.index("矛盾纠纷登记数")
    assert text.index(f"办理数（含上期结转）{fig.petitions.handled:,}", petitions) < disputes
    assert text.index(f"办理数（含上期结转）{fig.disputes.handled:,}", disputes) > disputes
    shown = stats.printable(fig)
    assert text.index(f"办结率{shown['petitions']['closure_rate']}", petitions) < disputes
    assert text.index(f"办结率{shown['disputes']['closure_rate']}", disputes) > disputes
    assert "填表人：周志强" in text
    # The printout is on the audit trail, with its actor.
    from caseapp.services import audit

    printouts = audit.list_events(page.ctx.db, page.ctx.actor, audit.AuditFilter(action="printout"))
    assert [(e.note, e.user) for e in printouts] == [(page.period.title, "本机用户")]
    # The names are remembered for next time.
    assert page.ctx.settings().value("reports/madeBy") == "周志强"
    assert ReportsPage(page.ctx).made_by.text() == "周志强"


def test_annual_report_has_the_annual_sentence(qtbot, page, wait_idle):
    choose(qtbot, page.kind_buttons["annual"])
    assert page.kind() == "annual" and page.period_stack.currentIndex() == 1
    path = build(qtbot, page, wait_idle)
    fig = stats.figures(page.ctx.db, date(2025, 1, 1), date(2025, 12, 31))
    assert stats.annual_sentence(fig) in flat(path)
    assert page.preview.page_count() == len(PdfReader(path).pages)
    assert "2025年度统计报告" in page.result_label.text()


def test_custom_range_and_a_reversed_range_refused_inline(qtbot, page, wait_idle):
    choose(qtbot, page.kind_buttons["range"])
    page.range_from.setDate(QDate(2026, 3, 10))
    page.range_to.setDate(QDate(2026, 2, 1))
    click(qtbot, page.build_button)
    assert page.period_error.isVisible() and "截止日期" in page.period_error.text()
    assert page.range_to.property("invalid") is True
    assert not page.ctx.runner.busy and not page.has_document()
    page.range_to.setDate(QDate(2026, 3, 15))
    assert not page.period_error.isVisible()
    path = build(qtbot, page, wait_idle)
    fig = stats.figures(page.ctx.db, date(2026, 3, 10), date(2026, 3, 15))
    text = flat(path)
    assert "2026年3月10日至2026年3月15日信访及矛盾纠纷办理情况统计表" in text
    # A section per kind, one value a line (a custom period is compared with nothing).
    assert f"信访件登记数{fig.petitions.received:,}办理数" in text
    assert f"矛盾纠纷登记数{fig.disputes.received:,}办理数" in text


def test_save_as_writes_the_file(qtbot, page, wait_idle, monkeypatch, tmp_path):
    path = build(qtbot, page, wait_idle)
    target = tmp_path / "saved" / "二月报表"
    asked = []
    monkeypatch.setattr(pdf_preview, "ask_save_path",
                        lambda parent, title, suggested, flt: asked.append(suggested) or str(target))
    click(qtbot, page.preview.save_button)
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == path.read_bytes()
    assert asked[0].endswith("2026年2月统计报表.pdf")
    assert not list(saved.parent.glob(".~*"))


def test_export_excel_numbers_equal_figures(qtbot, page, wait_idle, monkeypatch, tmp_path):
    assert page.excel_button.isVisible() is False  # only with a report on screen
    build(qtbot, page, wait_idle)
    target = tmp_path / "二月.xlsx"
    monkeypatch.setattr(reports_page, "ask_excel_path", lambda parent, suggested: str(target))
    click(qtbot, page.excel_button)
    wait_idle()
    fig = stats.figures(page.ctx.db, date(2026, 2, 1), date(2026, 2, 28))
    rows: dict[str, list] = {}
    for r in load_workbook(target)[MAIN_SHEET].iter_rows(min_row=2, values_only=True):
        rows.setdefault(r[0], []).append(r[1])  # this month's value, petitions then disputes
    assert rows["办理数（含上期结转）"] == [fig.petitions.handled, fig.disputes.handled]
    assert rows["办结数"] == [fig.petitions.closed, fig.disputes.closed]

    def printed_fraction(num, den):  # the printed percentage, a number formatted 0.0%
        return ((2 * num * 1000 + den) // (2 * den)) / 1000 if den else "—"

    assert rows["办结率"] == [printed_fraction(fig.petitions.closed, fig.petitions.handled),
                           printed_fraction(fig.disputes.closed, fig.disputes.handled)]


def test_print_renders_every_page_to_the_printer(qtbot, page, wait_idle, pdf_printer):
    path = build(qtbot, page, wait_idle)
    with qtbot.waitSignal(page.preview.printed) as blocker:
        click(qtbot, page.preview.print_button)
    pages = len(PdfReader(path).pages)
    assert blocker.args == [pages]
    assert len(PdfReader(pdf_printer).pages) == pages


def test_zoom_buttons(qtbot, page, wait_idle):
    build(qtbot, page, wait_idle)
    preview = page.preview
    assert preview.fit_button.isChecked()
    click(qtbot, preview.zoom_in_button)
    bigger = preview.view.zoomFactor()
    assert not preview.fit_button.isChecked() and preview.zoom_label.text().endswith("%")
    click(qtbot, preview.zoom_out_button)
    assert preview.view.zoomFactor() < bigger
    click(qtbot, preview.fit_button)
    assert preview.fit_button.isChecked() and preview.zoom_label.text() == "适合宽度"


def test_main_window_print_action_follows_the_page(qtbot, demo, wait_idle, pdf_printer):
    from ui.shell.main_window import MainWindow

    window = MainWindow(demo, remember=False)
    qtbot.addWidget(window)
    window.show()
    window.show_page("workbench")
    wait_idle()
    assert not window.print_action.isEnabled()
    window.show_page("reports")
    page = window.reports_page
    assert isinstance(page, ReportsPage) and window.stack.currentWidget() is window.reports
    assert not window.print_action.isEnabled()  # nothing built yet
    path = build(qtbot, page, wait_idle)
    assert window.print_action.isEnabled()
    with qtbot.waitSignal(page.preview.printed):
        window.print_action.trigger()
    assert len(PdfReader(pdf_printer).pages) == len(PdfReader(path).pages)
    window.show_page("petition")
    assert not window.print_action.isEnabled()
    wait_idle()


# -- the case view's 打印 menu -----------------------------------------------------------


def _dispute(ctx):
    return services.register_dispute(
        ctx.db, ctx.actor,
        services.CaseInput(summary="邻里漏水纠纷", category="邻里纠纷", received_on=date(2026, 3, 2),
                           street="马鞍街道", source="当事人申请"),
        [services.PartyInput(name="李建国", role="申请人"),
         services.PartyInput(name="王小红", role="被申请人")]).id


def test_case_view_prints_the_sheet_and_the_agreement_waits_for_one(qtbot, ctx, wait_idle):
    case_id = _dispute(ctx)
    view = case_view_module.CaseView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    with qtbot.waitSignal(view.loaded):
        view.show_case(case_id)
    actions = view.print_button.print_actions
    assert view.print_button.isEnabled()
    assert actions["sheet"].text() == "矛盾纠纷登记表" and actions["sheet"].isEnabled()
    assert actions["agreement"].isVisible() and not actions["agreement"].isEnabled()
    assert not actions["notice"].isVisible()  # notices are for petitions

    actions["sheet"].trigger()
    wait_idle()
    dialog = view.print_button.preview_dialog
    assert dialog is not None and dialog.isVisible()
    path = dialog.preview.path
    assert path.parent == pdf_preview.printouts_dir()
    number = view.detail.number
    assert number in flat(path)
    assert dialog.preview.page_count() == len(PdfReader(path).pages)
    dialog.close()
    qtbot.waitUntil(lambda: view.print_button.preview_dialog is None)
    assert not path.exists()  # the temporary printout goes with its preview


def test_case_view_notice_follows_acceptance(qtbot, ctx, wait_idle):
    case_id = services.register_petition(
        ctx.db, ctx.actor,
        services.CaseInput(summary="要求支付拖欠工资", category="劳动社保",
                           received_on=date(2026, 3, 2), street="马鞍街道", source="来访"),
        [services.PartyInput(name="张秀英", role="信访人")]).id
    view = case_view_module.CaseView(ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded):
        view.show_case(case_id)
    notice = view.print_button.print_actions["notice"]
    assert notice.isVisible() and not notice.isEnabled() and notice.text() == "受理告知书"
    assert not view.print_button.print_actions["agreement"].isVisible()
    services.reject(ctx.db, ctx.actor, case_id, "不属于信访事项受理范围")
    with qtbot.waitSignal(view.loaded):
        ctx.notify_changed((case_id,))
    assert notice.isEnabled() and notice.text() == "不予受理告知书"
    notice.trigger()
    wait_idle()
    assert "不予受理告知书" in flat(view.print_button.preview_dialog.preview.path)
    view.print_button.preview_dialog.close()
