"""Screenshot states of the pages on their own: the audit log (rendered by screenshots.py), and
the workbench, the case lists, the reports and the dashboard (screenshots.py shows these in the
main window at each screen size; these are for a look at one page alone)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.devtools.settle import settle
from ui.i18n import tr
from ui.pages.audit import AuditPage
from ui.pages.case_list.page import CaseListPage
from ui.pages.dashboard.page import DashboardPage
from ui.pages.reports import ReportsPage
from ui.pages.workbench import WorkbenchPage
from ui.widgets import pdf_preview
from ui.widgets.fit import fit_to_screen


def shown(page: QWidget, width: int, height: int) -> QWidget:
    """``page`` at that size (or the screen's), shown and painted (a list asks for its rows when painted)."""
    fit_to_screen(page, width, height)
    page.show()
    page.repaint()
    return page


def audit_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    page = AuditPage(ctx)
    fit_to_screen(page, 1200, 640)
    return [("audit_page", page)]


def workbench_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    page = shown(WorkbenchPage(ctx), 1180, 700)
    settle(ctx, 20000)
    return [("workbench", page)]


def case_list_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """Both lists loaded, and the petitions filtered to the overdue ones."""
    out: list[tuple[str, QWidget]] = []
    for kind in ("petition", "dispute"):
        out.append((f"case_list_{kind}", shown(CaseListPage(ctx, kind), 1180, 700)))
        settle(ctx, 20000)
    page = shown(CaseListPage(ctx, "petition"), 1180, 700)
    settle(ctx, 20000)
    page.set_filter(replace(page.current_filter(), overdue_only=True))
    page.repaint()
    settle(ctx, 20000)
    out.append(("case_list_overdue", page))
    return out


def reports_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The page empty and with last month's summary built."""
    empty = ReportsPage(ctx)
    settle(ctx, 60000)
    built = ReportsPage(ctx)
    built.made_by.setText(tr("周志强"))
    built.generate()
    settle(ctx, 60000)
    shown(built, 1200, 680)
    pdf_preview.spin(800)  # QPdfView renders its pages on its own threads
    return [("reports_empty", empty), ("reports_monthly", built)]


def dashboard_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The dashboard of each kind, loaded."""
    out: list[tuple[str, QWidget]] = []
    for kind in ("petition", "dispute"):
        page = shown(DashboardPage(ctx), 1198, 700)
        page.set_kind(kind)
        settle(ctx, 30000)
        out.append((f"dashboard_{kind}", page))
    return out


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    return audit_states(ctx)
