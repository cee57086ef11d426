"""CaseView, the page of one case: the header, the act bar, the tabs; it loads the case,
opens the act dialogs and follows the context's data_changed broadcast."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.queries.choices import Choices, load_choices
from caseapp.services import privacy
from caseapp.workflow import Act
from ui.dialogs import acts
from ui.i18n import tr
from ui.pages.case_view import attachments
from ui.pages.case_view.act_bar import ActBar, allowed_acts, role_may
from ui.pages.case_view.attachments import AttachmentsTab
from ui.pages.case_view.basic_info import BasicInfoTab
from ui.pages.case_view.header import CaseHeader
from ui.pages.case_view.mediation import AgreementTab, FollowUpsTab, SessionsTab
from ui.pages.case_view.parties import PartiesTab
from ui.pages.case_view.petition_tab import PetitionTab
from ui.pages.case_view.printing import PrintButton
from ui.pages.case_view.process import TimelineTable
from ui.pages.case_view.related import RelatedCases
from ui.widgets import forms
from ui.widgets.fit import scroll_area

if TYPE_CHECKING:
    from ui.context import AppContext

TAB_BASIC, TAB_PARTIES, TAB_TIMELINE, TAB_SESSIONS, TAB_AGREEMENT, TAB_FOLLOWUPS, TAB_FILES = range(7)
TAB_PETITION = 7  # 信访程序, petitions only
TABS_MIN_HEIGHT = 320  # logical px: a tab shows a few rows of its table or form

def load_case(db, case_id: int, today: date, cached_kinds: frozenset):
    """Worker side: the case, and the choices its forms offer unless already at hand (opening
    a case stays one detail query; the choices are read once per kind)."""
    # ID numbers and phones masked for every role; a reveal is asked for (and logged) per party.
    detail = privacy.masked_detail(queries.case_detail(db, case_id, today))
    choices = None if detail.kind in cached_kinds else load_choices(db, detail.kind)
    return detail, choices


class CaseView(QWidget):
    open_case = Signal(int)
    back = Signal()
    loaded = Signal(int)  # the case id, after each (re)load

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: int | None = None
        self.detail: queries.CaseDetail | None = None
        self.choices = Choices.defaults("petition")
        self._choices_cache: dict[str, Choices] = {}
        self.active_dialog: acts.ActDialog | None = None
        self._load_token = 0
        self._build()
        ctx.data_changed.connect(self._data_changed)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)

        top = QHBoxLayout()
        self.back_button = QPushButton(tr("← 返回列表"))
        self.back_button.setToolTip(tr("返回案件列表（Esc）"))
        self.back_button.clicked.connect(self.back)
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.loading = forms.muted(tr("正在载入……"))
        top.addWidget(self.loading)
        outer.addLayout(top)

        # Header, acts and tabs scroll together when the screen is short (1366×768 at 150 %
        # leaves ~500 px): the tabs keep a usable height instead of shrinking to a strip.
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        self.body_scroll = scroll_area(body)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.body_scroll, 1)

        self.header = CaseHeader()
        self.header.open_case.connect(self.open_case)
        column.addWidget(self.header)
        self.print_button = PrintButton(self.ctx, lambda: self.detail, self)
        self.act_bar = ActBar(self.ctx, self.print_button)
        self.act_bar.act_requested.connect(self.start_act)
        column.addWidget(self.act_bar)
        self.related = RelatedCases(self.ctx)  # 相关案件: a hint under the acts
        self.related.open_case.connect(self.open_case)
        column.addWidget(self.related)

        self.basic = BasicInfoTab(self.ctx)
        self.basic.reload_requested.connect(lambda: self.reload(force_form=True))
        self.parties_tab = PartiesTab(self.ctx)
        self.parties_table = self.parties_tab.table
        self.timeline_table = TimelineTable()
        self.sessions_stack = SessionsTab()
        self.agreement_tab = AgreementTab()
        self.agreement_tab.performance_requested.connect(self._record_performance)
        self.followups_stack = FollowUpsTab()
        self.files_tab = AttachmentsTab(self.ctx)
        self.files_tab.add_requested.connect(lambda: self.start_act(Act.ATTACH))
        self.tabs = QTabWidget()
        for page, title in ((self.basic, "基本信息"), (self.parties_tab, "当事人"),
                            (self.timeline_table, "办理过程"), (self.sessions_stack, "调解记录"),
                            (self.agreement_tab, "协议与履行"), (self.followups_stack, "回访"),
                            (self.files_tab, "附件")):
            self.tabs.addTab(page, tr(title))
        self.petition_tab = PetitionTab()
        self.petition_tab.open_case.connect(self.open_case)
        self.tabs.addTab(self.petition_tab, tr("信访程序"))
        # The tabs take the height that is left, never less than TABS_MIN_HEIGHT; their own
        # content scrolls inside, so its height must not push the page into scrolling.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(TABS_MIN_HEIGHT)
        column.addWidget(self.tabs, 1)

    def show_print_menu(self) -> None:
        """The main window's Ctrl+P: the documents of this case to print."""
        self.print_button.show_print_menu()

    # ------------------------------------------------------------------ loading

    def show_case(self, case_id: int) -> None:
        if case_id != self.case_id:
            self.detail = None
            self.basic.forget()
            self.files_tab.forget()
            self.related.forget()
            self.tabs.setCurrentIndex(TAB_BASIC)
        self.case_id = case_id
        self.reload(force_form=True)

    def reload(self, force_form: bool = False) -> None:
        if self.case_id is None:
            return
        self._load_token += 1
        token = self._load_token
        self.loading.show()
        self.ctx.runner.run(self, load_case, self.ctx.db, self.case_id, self.ctx.today(),
                            frozenset(self._choices_cache),
                            on_done=lambda r: self._loaded(token, r, force_form),
                            on_error=lambda e: self._load_failed(token, e))
        self.related.load(self.case_id)

    def _data_changed(self, ids) -> None:
        if not ids:
            self._choices_cache.clear()  # settings or an import may have changed the lists
        if self.case_id is not None and (not ids or self.case_id in ids):
            self.reload()

    def _load_failed(self, token: int, exc: BaseException) -> None:
        if token != self._load_token:
            return
        self.loading.hide()
        self.header.show_failed(exc)
        self.act_bar.disable_all()
        self.print_button.setEnabled(False)

    def _loaded(self, token: int, result, force_form: bool) -> None:
        if token != self._load_token:
            return  # a newer load is on its way
        detail, choices = result
        if choices is not None:
            self._choices_cache[detail.kind] = choices
        choices = self._choices_cache.get(detail.kind) or Choices.defaults(detail.kind)
        self.loading.hide()
        keep_form = not force_form and self.basic.is_dirty() and self.detail is not None \
            and self.detail.id == detail.id
        self.detail, self.choices = detail, choices
        self.basic.set_detail(detail)
        self.header.show_case(detail)
        self._show_acts(detail)
        if not keep_form:
            self.basic.show_form(detail, choices)
        self._show_tabs(detail)
        self.loaded.emit(detail.id)

    def _show_acts(self, d: queries.CaseDetail) -> None:
        allowed = allowed_acts(self.ctx, d)
        self.act_bar.show_case(d, allowed)
        self.files_tab.show_allowed(allowed)
        self.basic.show_allowed(allowed)
        self.print_button.show_case(d)

    def _show_tabs(self, d: queries.CaseDetail) -> None:
        dispute = d.kind == wf.Kind.DISPUTE.value
        for index in (TAB_SESSIONS, TAB_AGREEMENT, TAB_FOLLOWUPS):
            self.tabs.setTabVisible(index, dispute)
        self.tabs.setTabVisible(TAB_PETITION, not dispute)
        self.petition_tab.show_case(d, self.ctx.today())
        self.parties_tab.show_case(d, role_may(self.ctx, d, Act.REVEAL_PERSONAL))
        self.timeline_table.show_case(d)
        self.sessions_stack.show_case(d)
        self.agreement_tab.show_case(d)
        self.followups_stack.show_case(d)
        self.files_tab.show_case(d)

    # ------------------------------------------------------------------ acts

    def start_act(self, act: Act) -> None:
        d = self.detail
        if d is None:
            return
        c = self.choices
        dialogs = {
            Act.ACCEPT: lambda: acts.AcceptDialog(self.ctx, d, c.handlers, self),
            Act.REJECT: lambda: acts.RejectDialog(self.ctx, d, self),
            Act.ASSIGN: lambda: acts.AssignDialog(self.ctx, d, c.handlers, self),
            Act.EXTEND: lambda: (acts.PetitionExtendDialog(self.ctx, d, self)
                                 if d.kind == wf.Kind.PETITION.value
                                 else acts.ExtendDialog(self.ctx, d, self)),
            Act.RECORD_SESSION: lambda: acts.SessionDialog(self.ctx, d, self),
            Act.RECORD_AGREEMENT: lambda: acts.AgreementDialog(self.ctx, d, self),
            Act.CLOSE: lambda: acts.CloseDialog(self.ctx, d, c.dispute_categories, self),
            Act.REOPEN: lambda: acts.ReopenDialog(self.ctx, d, self),
            Act.FOLLOW_UP: lambda: acts.FollowUpDialog(self.ctx, d, self),
            Act.DELETE: lambda: acts.DeleteDialog(self.ctx, d, self),
        }
        if act in acts.PETITION_DIALOGS:
            self._open_dialog(act, acts.PETITION_DIALOGS[act](self.ctx, d, self))
        elif act in acts.MEDIATION_DIALOGS:
            self._open_dialog(act, acts.MEDIATION_DIALOGS[act](self.ctx, d, self))
        elif act in dialogs:
            dialog = dialogs[act]()
            if isinstance(dialog, acts.CloseDialog):
                dialog.wants_agreement.connect(lambda: self.start_act(Act.RECORD_AGREEMENT))
            self._open_dialog(act, dialog)
        elif act is Act.MARK_ENTERED:
            self._run_act(act, services.mark_entered, d.id, True)
        elif act is Act.ATTACH:
            path = attachments.pick_file(self)
            if path:
                self._run_act(act, services.attach, d.id, path, self.files_tab.kind_for_new())

    def _record_performance(self) -> None:
        if self.detail is not None:
            self._open_dialog(Act.FOLLOW_UP, acts.PerformanceDialog(self.ctx, self.detail, self))

    def _open_dialog(self, act: Act, dialog: acts.ActDialog) -> None:
        self.active_dialog = dialog
        dialog.succeeded.connect(lambda result: self._act_done(act, result))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _run_act(self, act: Act, fn, case_id: int, *args) -> None:
        self.ctx.act(self, fn, self.ctx.db, self.ctx.actor, case_id, *args, changed=(case_id,),
                     on_done=lambda r: self._act_done(act, r),
                     on_error=lambda e: forms.report_error(self, e))

    def _act_done(self, act: Act, result) -> None:
        """After the act's broadcast (which reloads this view): where to go next."""
        if act is Act.DELETE:
            self.case_id = None
            self._load_token += 1  # the reload of the deleted case answers to no one
            self.loading.hide()
            self.back.emit()
            return
        if (act is Act.CLOSE and isinstance(result, services.CaseRef)
                and result.id != self.case_id):
            self.open_case.emit(result.id)  # 转人民调解: on to the new dispute

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Esc goes back to the list unless the main window already binds it.
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            event.accept()
            return
        super().keyPressEvent(event)


__all__ = ["TAB_AGREEMENT", "TAB_BASIC", "TAB_FILES", "TAB_FOLLOWUPS", "TAB_PARTIES",
           "TAB_PETITION", "TAB_SESSIONS", "TAB_TIMELINE", "CaseView", "load_case"]
