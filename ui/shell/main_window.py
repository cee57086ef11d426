"""The main window: navigation, the pages, the case view over the lists, the actions (menu bar
and toolbar), status bar.

The workbench and the two lists are built with the window; the other pages, the case view and
the dialogs are built (and their modules imported) when first needed, so that start-up stays
short: the dashboard pulls in QtCharts, the reports page QtPdf.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries
from ui.i18n import tr
from ui.pages.case_list.page import CaseListPage
from ui.pages.workbench import WorkbenchPage
from ui.shell.lock import install_session
from ui.shell.menus import (
    NAVIGATION,
    PAGE_KEYS,
    about_box,
    always_key,
    build_menu_bar,
    build_toolbar,
    icon,
)
from ui.shell.offices import install_office_scope
from ui.shell.saved_notice import SavedNotice
from ui.style import OVERDUE
from ui.widgets.fit import fit_minimum, fit_to_screen

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.pages.case_view import CaseView
    from ui.pages.dashboard.page import DashboardPage
    from ui.pages.reports import ReportsPage
    from ui.pages.search import SearchPage

log = logging.getLogger(__name__)



def short_db_name(db) -> str:
    path = db.path
    return path.name if path else db.display_name


def load_status(db, actor: int, today) -> dict:
    """Runs on a worker: what the status bar and the title show."""
    user = queries.user_display_name(db, actor)
    return {"office": db.settings().office_name, "user": user or "本机用户",
            "overdue": queries.workbench_counts(db, today)["overdue"]}


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, remember: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.remember = remember  # the self-test leaves the user's window state alone
        self.case_view: CaseView | None = None
        self.current_case: int | None = None
        self._return_page = PAGE_KEYS.index("petition")
        self._dialogs: list[QDialog] = []
        self._icons: list = []  # (item or action, qtawesome name), set after the first paint
        self.setWindowTitle("CaseDesk")
        fit_minimum(self, 1024, 640)  # at 150 % a 1366×768 screen is only 910×512
        self._build_pages()
        self._build_actions()
        self._build_status_bar()
        # The 操作日志 page, the user menu, the idle lock; hides what the role may not do.
        self.session = install_session(self)
        self._build_menu_bar()  # after the session: it shows only what the role may do
        # A district database: the office picker and the lists' 单位 column (else None).
        self.offices = install_office_scope(self)
        ctx.data_changed.connect(self._data_changed)
        self._restore_state()
        self.navigation.setFocus(Qt.FocusReason.OtherFocusReason)
        # After the first list query has been queued (on show): the list comes first.
        QTimer.singleShot(0, self.refresh_status)
        # Loading the icon font costs ~0.4 s: do it once the window is up and the first
        # list query is already running on a worker.
        QTimer.singleShot(0, self._load_icons)

    def _load_icons(self) -> None:
        for target, name in self._icons:
            target.setIcon(icon(name))
        self._icons = []

    # -- pages -------------------------------------------------------------------------

    def _build_pages(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(168)
        self.navigation.setIconSize(QSize(18, 18))
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for _key, label, icon_name in NAVIGATION:
            item = QListWidgetItem(tr(label), self.navigation)
            self._icons.append((item, icon_name))
            # An explicit height: the style sheet's item padding is not in the size hint.
            item.setSizeHint(QSize(0, 40))
        layout.addWidget(self.navigation)

        self.stack = QStackedWidget()
        self.workbench = WorkbenchPage(self.ctx)
        self.petitions = CaseListPage(self.ctx, "petition")
        self.disputes = CaseListPage(self.ctx, "dispute")
        self.reports = QWidget()  # filled on first visit (QtPdf loads only then)
        QVBoxLayout(self.reports).setContentsMargins(0, 0, 0, 0)
        self.reports_page: ReportsPage | None = None
        self.search_page: SearchPage | None = None  # 查找, over the stack (Ctrl+F)
        self._return_search = False  # the open case was opened from 查找
        self.overview = QWidget()  # filled on first visit (QtCharts loads only then)
        QVBoxLayout(self.overview).setContentsMargins(0, 0, 0, 0)
        self.dashboard: DashboardPage | None = None
        self.settings_page = QWidget()  # filled on first visit
        QVBoxLayout(self.settings_page).setContentsMargins(0, 0, 0, 0)
        self._settings_built = False
        self.settings_view = None  # the SettingsPage, built on the first visit
        self.worklog = QWidget()  # filled on first visit
        QVBoxLayout(self.worklog).setContentsMargins(0, 0, 0, 0)
        self.worklog_page: QWidget | None = None
        self.pages = [self.workbench, self.overview, self.petitions, self.disputes, self.reports,
                      self.worklog, self.settings_page]
        for page in self.pages:
            self.stack.addWidget(page)
        self.workbench.open_case.connect(self.open_case)
        self.workbench.open_settings.connect(self.open_settings)
        for page in (self.petitions, self.disputes):
            page.open_case.connect(self.open_case)
            page.create_case.connect(self.new_case)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._navigate)

    def list_page(self, kind: str) -> CaseListPage:
        return self.petitions if kind == "petition" else self.disputes

    def current_key(self) -> str:
        return PAGE_KEYS[max(self.navigation.currentRow(), 0)]

    def show_page(self, key: str) -> None:
        self.navigation.setCurrentRow(PAGE_KEYS.index(key))
        self._navigate(PAGE_KEYS.index(key))  # also when the row was already current

    def _navigate(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        if row == PAGE_KEYS.index("settings"):
            self._ensure_settings()
        if row == PAGE_KEYS.index("overview"):
            self._ensure_dashboard()
        if row == PAGE_KEYS.index("reports"):
            self._ensure_reports()
        if row == PAGE_KEYS.index("worklog"):
            self._ensure_worklog()
        self.stack.setCurrentWidget(self.pages[row])
        self._update_print_action()
        if self.remember:
            self.ctx.settings().setValue("mainWindow/page", PAGE_KEYS[row])

    def _ensure_worklog(self) -> QWidget:
        if self.worklog_page is None:
            from ui.pages.worklog import WorkLogPage

            self.worklog_page = WorkLogPage(self.ctx)
            self.worklog.layout().addWidget(self.worklog_page)
        return self.worklog_page

    def _ensure_settings(self) -> None:
        if self._settings_built:
            return
        self._settings_built = True
        from ui.pages.settings.page import SettingsPage

        self.settings_view = SettingsPage(self.ctx)
        self.settings_page.layout().addWidget(self.settings_view)

    def open_settings(self, tab: str = "") -> None:
        """设置, on the tab named (the workbench's 去设置 asks for "office")."""
        self.show_page("settings")
        if tab and self.settings_view is not None:
            self.settings_view.show_tab(tab)

    def _ensure_dashboard(self) -> DashboardPage:
        if self.dashboard is None:
            from ui.pages.dashboard.page import DashboardPage

            page = DashboardPage(self.ctx)
            page.open_filter.connect(self.show_filter)
            self.dashboard = page
            self.overview.layout().addWidget(page)
        return self.dashboard

    def show_filter(self, flt) -> None:
        """Show the cases of a queries.CaseFilter in its kind's list (dashboard drill-down)."""
        self.show_page(flt.kind)
        self.list_page(flt.kind).set_filter(flt)

    def _ensure_reports(self) -> ReportsPage:
        if self.reports_page is None:
            from ui.pages.reports import ReportsPage

            page = ReportsPage(self.ctx)
            page.built.connect(lambda _p: self._update_print_action())
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.reports_page = page
            self.reports.layout().addWidget(page)
        return self.reports_page

    # -- printing ----------------------------------------------------------------------

    def _print_target(self) -> str:
        """What 打印 (Ctrl+P) acts on here: "case", "reports" or "" (nothing)."""
        if self.showing_case():
            return "case"
        if self.stack.currentWidget() is self.reports and self.reports_page is not None \
                and self.reports_page.has_document():
            return "reports"
        return ""

    def _update_print_action(self) -> None:
        target = self._print_target()
        self.print_action.setEnabled(bool(target))
        self.print_action.setToolTip({
            "case": tr("打印本案的登记表、协议书或告知书（Ctrl+P）"),
            "reports": tr("打印预览中的报表（Ctrl+P）"),
        }.get(target, tr("在「统计报表」生成报表后，或打开一件案件时，可以打印")))

    def print_current(self) -> None:
        target = self._print_target()
        if target == "reports":
            self.reports_page.print_report()
        elif target == "case":
            self.case_view.show_print_menu()

    # -- the case view -----------------------------------------------------------------

    def _ensure_case_view(self) -> CaseView:
        if self.case_view is None:
            from ui.pages.case_view import CaseView

            self.case_view = CaseView(self.ctx)
            self.case_view.back.connect(self.back_to_list)
            self.case_view.open_case.connect(self.open_case)
            for key in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Back)):
                shortcut = QShortcut(key, self.case_view)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(self.back_to_list)
            self.stack.addWidget(self.case_view)
        return self.case_view

    def open_case(self, case_id: int) -> None:
        view = self._ensure_case_view()
        if self.stack.currentWidget() is not view:
            self._return_page = max(self.navigation.currentRow(), 0)
            self._return_search = self.stack.currentWidget() is self.search_page
        self.current_case = case_id
        view.show_case(case_id)
        self.stack.setCurrentWidget(view)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_print_action()

    def back_to_list(self) -> None:
        self.current_case = None
        if self._return_search and self.search_page is not None:
            self.show_search()
            return
        page = self.pages[self._return_page]
        self.stack.setCurrentWidget(page)
        self._update_print_action()
        if isinstance(page, CaseListPage):
            page.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def showing_case(self) -> bool:
        return self.case_view is not None and self.stack.currentWidget() is self.case_view

    # -- actions -----------------------------------------------------------------------

    def _action(self, text: str, icon_name: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        self._icons.append((action, icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text}（{keys}）" if keys else (tip or text))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_petition_action = self._action(
            tr("新建信访"), "fa5s.file-signature", lambda: self.new_case("petition"),
            QKeySequence.StandardKey.New, tr("登记一件新的信访件"))
        self.new_dispute_action = self._action(
            tr("新建纠纷"), "fa5s.balance-scale", lambda: self.new_case("dispute"),
            "Ctrl+Shift+N", tr("登记一件新的矛盾纠纷"))
        self.import_action = self._action(
            tr("导入…"), "fa5s.file-import", self.import_cases, None,
            tr("从 Excel 或 CSV 文件导入案件"))
        self.import_action.setIconText(tr("导入"))  # the toolbar's label, without the dots
        self.export_action = self._action(
            tr("导出…"), "fa5s.file-export", self.export_cases, None,
            tr("把当前列表中的案件导出为 Excel 文件"))
        self.print_action = self._action(
            tr("打印"), "fa5s.print", self.print_current, QKeySequence.StandardKey.Print)
        self._update_print_action()
        self.refresh_action = self._action(
            tr("刷新"), "fa5s.sync-alt", self.refresh, QKeySequence.StandardKey.Refresh,
            tr("重新读取当前页面"))
        always_key(self.refresh_action, "F5", QKeySequence.StandardKey.Refresh)
        self.backup_action = self._action(
            tr("备份…"), "fa5s.shield-alt", self.open_backups, None,
            tr("备份与恢复：立即备份、查看备份、从备份恢复"))
        self.backup_action.setIconText(tr("备份"))
        # The normal close: closeEvent and the exit backup run as for the window's ✕.
        self.quit_action = self._action(
            tr("退出"), "fa5s.sign-out-alt", self.close, QKeySequence.StandardKey.Quit,
            tr("关闭 CaseDesk"))
        always_key(self.quit_action, "Ctrl+Q", QKeySequence.StandardKey.Quit)
        self.page_actions = {
            key: self._action(tr(label), icon_name, lambda _c=False, k=key: self.show_page(k))
            for key, label, icon_name in NAVIGATION}
        self.about_action = self._action(tr("关于 CaseDesk"), "fa5s.info-circle", self.show_about)
        self.find_action = self._action(
            tr("查找"), "fa5s.search", self.focus_search, QKeySequence.StandardKey.Find,
            tr("在信访件和矛盾纠纷中查找编号、姓名、拼音首字母、电话后四位或事项"))

        self.toolbar = build_toolbar(self)

    def _build_menu_bar(self) -> None:
        build_menu_bar(self)

    def show_about(self) -> None:
        self._show_dialog(about_box(self))

    def _show_dialog(self, dialog: QDialog) -> None:
        """Window-modal and non-blocking, so the event loop (and tests) keep running."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs.append(dialog)
        dialog.destroyed.connect(lambda _o=None, d=dialog: self._forget(d))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)

    def open_dialogs(self) -> list[QDialog]:
        return list(self._dialogs)

    def new_case(self, kind: str) -> None:
        from ui.dialogs.intake import IntakeDialog

        dialog = IntakeDialog(self.ctx, kind, self)
        dialog.saved.connect(lambda _id, k=kind: self._case_saved(k))
        dialog.accepted.connect(lambda d=dialog: self._closed_after_save(d))
        dialog.open_requested.connect(self.open_case)
        dialog.print_requested.connect(self.open_case_to_print)
        self._show_dialog(dialog)

    def open_case_to_print(self, case_id: int) -> None:
        """The intake's 打印受理告知书: the case opened, its print menu once it has loaded."""
        view = self._ensure_case_view()

        def loaded(loaded_id: int) -> None:
            view.loaded.disconnect(loaded)
            if loaded_id == case_id and self.current_case == case_id:
                QTimer.singleShot(0, view.show_print_menu)

        view.loaded.connect(loaded)
        self.open_case(case_id)

    def _closed_after_save(self, dialog) -> None:
        """Plain 保存 closed the dialog: the number and the next steps stay in the status bar
        (打开 and 打印受理告知书 close the dialog too, and then go straight there)."""
        ref = dialog.last_saved
        if ref is not None and not dialog.left_for_next_step:
            self.saved_notice.show_saved(ref.id, ref.number, dialog.petition)

    def _case_saved(self, kind: str) -> None:
        if self.current_key() in ("petition", "dispute") and not self.showing_case():
            self.show_page(kind)

    def import_cases(self) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        self._show_dialog(ImportDialog(self.ctx, self))

    def export_cases(self) -> None:
        """导出…: the list shown (or the one the open case came from), else the petitions."""
        key = PAGE_KEYS[self._return_page] if self.showing_case() else self.current_key()
        if key not in ("petition", "dispute"):
            key = "petition"
            self.show_page(key)
        self.list_page(key).export_list()

    def open_backups(self) -> None:
        from ui.dialogs.backup_dialog import BackupDialog

        self._show_dialog(BackupDialog(self.ctx, self))

    def refresh(self) -> None:
        if self.showing_case():
            if self.current_case is not None:
                self.case_view.show_case(self.current_case)
        else:
            page = self.stack.currentWidget()
            if page is self.overview:
                page = self.dashboard
            reload = getattr(page, "reload", None)  # the reports and settings holders have none
            if reload is not None:
                reload()
        self.refresh_status()

    def focus_search(self) -> None:
        """Ctrl+F: on a list, its own search box first; pressed again there, or anywhere
        else, 查找 over both kinds (taking what the list's box holds)."""
        key = self.current_key()
        if key in ("petition", "dispute") and self.stack.currentWidget() is self.list_page(key):
            box = self.list_page(key).filters.search
            if not box.hasFocus():
                self.list_page(key).focus_search()
                return
            self.show_search(box.text().strip() or None)
            return
        self.show_search()

    def _ensure_search(self) -> SearchPage:
        if self.search_page is None:
            from ui.pages.search import SearchPage

            self.search_page = SearchPage(self.ctx)
            self.search_page.open_case.connect(self.open_case)
            self.stack.addWidget(self.search_page)
        return self.search_page

    def show_search(self, text: str | None = None) -> None:
        page = self._ensure_search()
        self.current_case = None
        self.navigation.setCurrentRow(-1)  # no navigation page is current: any click leaves
        self.stack.setCurrentWidget(page)
        self._update_print_action()
        page.focus_box(text)

    # -- status bar, title, state ------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(tr("数据库: {0}").format(short_db_name(self.ctx.db)))
        self.db_label.setToolTip(self.ctx.db.display_name)
        self.user_label = QLabel(tr("用户: {0}").format(tr("本机用户")))
        self.overdue_label = QLabel()
        for label in (self.db_label, self.user_label, self.overdue_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self.saved_notice = SavedNotice(self)
        self.saved_notice.open_requested.connect(self.open_case)
        self.saved_notice.print_requested.connect(self.open_case_to_print)
        bar.addWidget(self.saved_notice)

    def refresh_status(self) -> None:
        self.ctx.runner.run(self, load_status, self.ctx.db, self.ctx.actor, self.ctx.today(),
                            on_done=self._status_arrived,
                            on_error=lambda exc: log.warning("status failed: %s", exc))

    def _status_arrived(self, status: dict) -> None:
        # Ending in the application's display name, so that Qt does not append it again.
        office = status["office"]
        self.setWindowTitle(f"{office} — CaseDesk" if office else "CaseDesk")
        self.user_label.setText(tr("用户: {0}").format(status["user"]))
        n = status["overdue"]
        self.overdue_label.setText(tr("当前已超期 {0} 件").format(f"{n:,}"))
        self.overdue_label.setStyleSheet(f"color: {OVERDUE};" if n else "")

    def _data_changed(self, _ids) -> None:
        self.refresh_status()

    def _restore_state(self) -> None:
        settings = self.ctx.settings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 760, cap=False)  # cap=False: it may still be maximised
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        key = settings.value("mainWindow/page", "workbench")
        self.navigation.setCurrentRow(PAGE_KEYS.index(key) if key in PAGE_KEYS else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember:
            settings = self.ctx.settings()
            settings.setValue("mainWindow/geometry", self.saveGeometry())
            settings.setValue("mainWindow/state", self.saveState())
            settings.setValue("mainWindow/page", self.current_key())
        super().closeEvent(event)
