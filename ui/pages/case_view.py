"""One case: header (number, status, outcome, deadline), the acts the workflow allows as
buttons, and tabs (基本信息, 当事人, 办理过程, 调解记录, 协议与履行, 回访, 附件).

The case is read with queries.case_detail on the task runner; every act is a services call
on the runner too (through the dialogs of ui/dialogs/acts.py). After an act the context's
data_changed signal reloads the view, as it does when another page changes this case.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.errors import Problem, StaleEdit, ValidationError
from caseapp.services import privacy
from caseapp.workflow import Act
from ui.dialogs import acts
from ui.dialogs.intake import Choices, load_choices
from ui.i18n import tr
from ui.style import ACCENT, CLOSED, MUTED, STATE_COLOURS
from ui.widgets import forms
from ui.widgets.forms import FormGrid, InlineErrors

PETITION_ACTS = (Act.ACCEPT, Act.REJECT, Act.ASSIGN, Act.EXTEND, Act.CLOSE, Act.REOPEN,
                 Act.MARK_ENTERED, Act.ATTACH)
DISPUTE_ACTS = (Act.ACCEPT, Act.ASSIGN, Act.EXTEND, Act.RECORD_SESSION, Act.RECORD_AGREEMENT,
                Act.CLOSE, Act.REOPEN, Act.FOLLOW_UP, Act.ATTACH)
# The bar in life-cycle order; each kind shows its own subset.
BAR_ACTS = (Act.ACCEPT, Act.REJECT, Act.ASSIGN, Act.EXTEND, Act.RECORD_SESSION,
            Act.RECORD_AGREEMENT, Act.CLOSE, Act.REOPEN, Act.FOLLOW_UP, Act.MARK_ENTERED,
            Act.ATTACH)

STATUS_CHIP = {
    wf.Status.REGISTERED.value: ("#fff8c5", "#7d4e00"),
    wf.Status.IN_PROGRESS.value: ("#ddf4ff", "#0550ae"),
    wf.Status.CLOSED.value: ("#dafbe1", CLOSED),
    wf.Status.REJECTED.value: ("#eaeef2", MUTED),
}

TAB_BASIC, TAB_PARTIES, TAB_TIMELINE, TAB_SESSIONS, TAB_AGREEMENT, TAB_FOLLOWUPS, TAB_FILES = range(7)


def pick_file(parent: QWidget) -> str | None:
    """Ask for a file to attach (module-level so tests can patch it)."""
    path, _filter = QFileDialog.getOpenFileName(parent, tr("选择附件"), "",
                                                tr("所有文件 (*)"))
    return path or None


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _load(db, case_id: int, today: date, cached_kinds: frozenset):
    """Worker side: the case, and the choices its forms offer unless already at hand (opening
    a case stays one detail query; the choices are read once per kind)."""
    # ID numbers and phones masked for every role; a reveal is asked for (and logged) per party.
    detail = privacy.masked_detail(queries.case_detail(db, case_id, today))
    choices = None if detail.kind in cached_kinds else load_choices(db, detail.kind)
    return detail, choices


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                 | Qt.AlignmentFlag.AlignVCenter)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def _transparent_scroll(widget: QWidget) -> QScrollArea:
    """A frameless scroll area that shows the white tab page through it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
    widget.setAutoFillBackground(False)
    return scroll


def _empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class _Stack(QStackedWidget):
    """A table with an empty-state message instead of an empty grid."""

    def __init__(self, table: QWidget, empty: str):
        super().__init__()
        self.table = table
        self.empty = _empty_state(empty)
        self.addWidget(table)
        self.addWidget(self.empty)

    def show_rows(self, n: int) -> None:
        self.setCurrentIndex(0 if n else 1)


class CaseView(QWidget):
    open_case = Signal(int)
    back = Signal()
    loaded = Signal(int)  # the case id, after each (re)load

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: int | None = None
        self.detail: queries.CaseDetail | None = None
        self.choices = Choices.defaults("petition")
        self._choices_cache: dict[str, Choices] = {}
        self.active_dialog: acts.ActDialog | None = None
        self._load_token = 0
        self._edit_original: dict = {}
        self._build()
        ctx.data_changed.connect(self._data_changed)

    # ------------------------------------------------------------------ layout

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

        header = QFrame()
        header.setProperty("card", True)
        h = QVBoxLayout(header)
        h.setContentsMargins(16, 12, 16, 12)
        h.setSpacing(6)
        line1 = QHBoxLayout()
        line1.setSpacing(12)
        self.number_label = QLabel()
        self.number_label.setProperty("role", "title")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = forms.muted()
        self.kind_label.setWordWrap(False)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("statusChip")
        line1.addWidget(self.number_label)
        line1.addWidget(self.kind_label)
        line1.addWidget(self.status_chip)
        line1.addStretch(1)
        h.addLayout(line1)
        line2 = QHBoxLayout()
        line2.setSpacing(24)
        self.outcome_label = QLabel()
        self.deadline_label = QLabel()
        self.handler_label = QLabel()
        self.party_label = QLabel()
        for w in (self.party_label, self.outcome_label, self.deadline_label, self.handler_label):
            line2.addWidget(w)
        line2.addStretch(1)
        h.addLayout(line2)
        self.summary_label = forms.muted()
        h.addWidget(self.summary_label)
        self.link_label = QLabel()
        self.link_label.setTextFormat(Qt.TextFormat.RichText)
        self.link_label.linkActivated.connect(self._link)
        self.link_label.hide()
        h.addWidget(self.link_label)
        outer.addWidget(header)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.act_buttons: dict[str, QPushButton] = {}
        for act in BAR_ACTS:
            button = QPushButton(tr(wf.ACT_LABELS[act]))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=act: self.start_act(a))
            self.act_buttons[act.value] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self._build_print_menu(bar)
        self.more_button = QPushButton(tr("更多"))
        self.more_button.setAutoDefault(False)
        self.more_menu = QMenu(self.more_button)
        self.delete_action = self.more_menu.addAction(tr("删除案件…"))
        self.delete_action.triggered.connect(lambda: self.start_act(Act.DELETE))
        self.more_button.setMenu(self.more_menu)
        bar.addWidget(self.more_button)
        outer.addLayout(bar)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_basic(), tr("基本信息"))
        self.parties_table = _table([tr("身份"), tr("姓名/名称"), tr("性别"), tr("身份证号"),
                                     tr("联系电话"), tr("住址"), ""])
        header = self.parties_table.horizontalHeader()
        header.setStretchLastSection(False)  # the address stretches, not the 显示 column
        self.parties_table.setWordWrap(False)  # one line per party, the button fits its row
        header.setSectionResizeMode(5, header.ResizeMode.Stretch)
        self.parties_table.setColumnWidth(6, 64)
        self.tabs.addTab(self.parties_table, tr("当事人"))
        self.timeline_table = _table([tr("时间"), tr("操作人"), tr("操作"), tr("变更"),
                                      tr("说明")])
        self.tabs.addTab(self.timeline_table, tr("办理过程"))
        self.sessions_table = _table([tr("次数"), tr("日期"), tr("地点"), tr("参加人员"),
                                      tr("调解记录")])
        self.sessions_stack = _Stack(self.sessions_table,
                                     tr("还没有调解记录。受理后点击「记录调解」登记每次调解。"))
        self.tabs.addTab(self.sessions_stack, tr("调解记录"))
        self.tabs.addTab(self._build_agreement(), tr("协议与履行"))
        self.followups_table = _table([tr("应回访日期"), tr("回访日期"), tr("回访结果")])
        self.followups_stack = _Stack(self.followups_table,
                                      tr("调解成功办结后，系统按期限安排回访。"))
        self.tabs.addTab(self.followups_stack, tr("回访"))
        self.tabs.addTab(self._build_files(), tr("附件"))
        outer.addWidget(self.tabs, 1)
        for table, widths in ((self.parties_table, (80, 110, 50, 180, 120)),
                              (self.timeline_table, (140, 80, 90, 300)),
                              (self.sessions_table, (50, 100, 140, 220)),
                              (self.followups_table, (110, 110))):
            for i, w in enumerate(widths):
                table.setColumnWidth(i, w)

    def _build_print_menu(self, bar: QHBoxLayout) -> None:
        """打印: the case's documents, each built on a worker and shown in a preview."""
        self.print_button = QPushButton(tr("打印"))
        self.print_button.setAutoDefault(False)
        self.print_button.setToolTip(tr("打印本案文书（Ctrl+P）"))
        self.print_menu = QMenu(self.print_button)
        self.print_actions = {
            "sheet": self.print_menu.addAction(tr("案件登记表")),
            "agreement": self.print_menu.addAction(tr("人民调解协议书")),
            "notice": self.print_menu.addAction(tr("受理告知书")),
        }
        for doc, action in self.print_actions.items():
            action.triggered.connect(lambda _c=False, d=doc: self.print_document(d))
        self.print_button.setMenu(self.print_menu)
        self.print_button.setEnabled(False)
        self.preview_dialog = None
        bar.addWidget(self.print_button)

    def _show_print_menu_items(self, d: queries.CaseDetail) -> None:
        petition = d.kind == wf.Kind.PETITION.value
        rejected = d.status == wf.Status.REJECTED.value
        self.print_button.setEnabled(True)
        self.print_actions["sheet"].setText(tr("信访事项登记表") if petition else tr("矛盾纠纷登记表"))
        agreement = self.print_actions["agreement"]
        agreement.setVisible(not petition)
        agreement.setEnabled(d.agreement is not None)
        agreement.setToolTip("" if d.agreement is not None else tr("尚未记录调解协议"))
        notice = self.print_actions["notice"]
        notice.setVisible(petition)
        notice.setText(tr("不予受理告知书") if rejected else tr("受理告知书"))
        notice.setEnabled(rejected or d.accepted_on is not None)
        self.print_menu.setToolTipsVisible(True)
        notice.setToolTip("" if notice.isEnabled() else tr("受理或不予受理后才能出具告知书"))

    def show_print_menu(self) -> None:
        if self.print_button.isEnabled():
            self.print_button.showMenu()

    def print_document(self, doc: str) -> None:
        """Build document ``doc`` ("sheet", "agreement", "notice") on a worker, then preview it."""
        from caseapp.services import audit
        from ui.widgets.pdf_preview import new_printout_path

        d = self.detail
        if d is None:
            return
        action = self.print_actions[doc]
        if not action.isEnabled():
            return
        title = f"{action.text()} {d.number}"
        path = new_printout_path(title)
        self.print_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.print_button.setEnabled(True)
            path.unlink(missing_ok=True)
            forms.report_error(self, exc)

        # As the user: ID numbers and phones masked, the printout an event (caseapp.services.audit).
        self.ctx.runner.run(self, audit.print_case_document, self.ctx.db, self.ctx.actor, d.number, doc,
                            path,
                            on_done=lambda out: self._document_ready(Path(out), title),
                            on_error=failed)

    def _document_ready(self, path: Path, title: str) -> None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        self.print_button.setEnabled(self.detail is not None)
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = PdfPreviewDialog(path, title, self, settings=self.ctx.settings())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None: self._preview_closed(dialog, path))
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self, dialog, path: Path) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        path.unlink(missing_ok=True)  # a copy the user wanted was saved with 另存为PDF

    def _build_basic(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(12, 12, 12, 12)
        self.edit_general = forms.error_label()
        v.addWidget(self.edit_general)
        self.edit_errors = InlineErrors(self.edit_general)
        form = QWidget()
        self.edit_grid = g = FormGrid(self.edit_errors, columns=2)
        form.setLayout(g)
        g.setContentsMargins(0, 0, 8, 0)
        self.e_summary = QLineEdit()
        self.e_summary.setMaxLength(500)
        g.add("summary", tr("事项摘要"), self.e_summary, required=True, wide=True)
        self.e_details = QPlainTextEdit()
        self.e_details.setTabChangesFocus(True)
        self.e_details.setFixedHeight(80)
        g.add("details", tr("详细情况"), self.e_details, wide=True)
        self.e_category = forms.combo()
        g.add("category", tr("类别"), self.e_category, required=True)
        self.e_source = forms.combo(blank=True)
        g.add("source", tr("来源"), self.e_source)
        self.e_street = forms.combo(editable=True)
        g.add("street", tr("街镇"), self.e_street)
        self.e_community = QLineEdit()
        g.add("community", tr("村/社区"), self.e_community)
        self.e_received_on = forms.date_edit(None, maximum=self.ctx.today())
        g.add("received_on", tr("登记日期"), self.e_received_on, required=True)
        self.e_accepted_on = forms.date_edit(None, optional=True, maximum=self.ctx.today())
        g.add("accepted_on", tr("受理日期"), self.e_accepted_on)
        self.e_closed_on = forms.date_edit(None, optional=True, maximum=self.ctx.today())
        g.add("closed_on", tr("办结日期"), self.e_closed_on)
        self.e_handler = forms.combo(editable=True)
        g.add("handler", tr("承办人"), self.e_handler)
        self.e_people_count = QLineEdit()
        g.add("people_count", tr("涉及人数"), self.e_people_count)
        self.e_amount = QLineEdit()
        self.e_amount.setPlaceholderText(tr("元"))
        g.add("amount", tr("涉及金额（元）"), self.e_amount)
        self.e_petition_type = forms.combo(wf.PETITION_TYPES, blank=True)
        g.add("petition_type", tr("信访类型"), self.e_petition_type)
        self.e_group_size = QLineEdit()
        self.e_group_size.setPlaceholderText(tr("集体访填写人数"))
        g.add("group_size", tr("集体访人数"), self.e_group_size)
        self.e_via_proxy = QCheckBox(tr("信访代理件"))
        g.add("via_proxy", tr("信访代理"), self.e_via_proxy)
        self.e_satisfaction = forms.combo(wf.SATISFACTION, blank=True)
        g.add("satisfaction", tr("答复满意度"), self.e_satisfaction)
        self.e_mediators = QLineEdit()
        g.add("mediators", tr("调解员"), self.e_mediators)
        g.next_line()
        self.e_extension_reason = QLineEdit()
        g.add("extension_reason", tr("延期理由"), self.e_extension_reason, wide=True)
        self.edit_widgets = {
            "summary": self.e_summary, "details": self.e_details, "category": self.e_category,
            "source": self.e_source, "street": self.e_street, "community": self.e_community,
            "received_on": self.e_received_on, "accepted_on": self.e_accepted_on,
            "closed_on": self.e_closed_on, "handler": self.e_handler,
            "people_count": self.e_people_count, "amount": self.e_amount,
            "petition_type": self.e_petition_type, "group_size": self.e_group_size,
            "via_proxy": self.e_via_proxy, "satisfaction": self.e_satisfaction,
            "mediators": self.e_mediators, "extension_reason": self.e_extension_reason,
        }
        assert set(self.edit_widgets) <= services.EDITABLE
        for w in self.edit_widgets.values():
            for signal in ("textChanged", "currentTextChanged", "dateChanged", "toggled"):
                if hasattr(w, signal):
                    getattr(w, signal).connect(self._update_dirty)
                    break
        g.setRowStretch(g.rowCount(), 1)  # spare height below the fields, not inside them
        form.setMaximumWidth(1280)  # lines stay readable on a wide screen
        scroll = _transparent_scroll(form)
        v.addWidget(scroll, 1)
        bar = QHBoxLayout()
        self.dirty_label = forms.muted()
        bar.addWidget(self.dirty_label)
        bar.addStretch(1)
        self.reload_button = QPushButton(tr("放弃修改"))
        self.reload_button.setToolTip(tr("重新载入案件，放弃未保存的修改"))
        self.reload_button.clicked.connect(lambda: self.reload(force_form=True))
        self.save_button = QPushButton(tr("保存修改"))
        self.save_button.setProperty("primary", True)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save_edits)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.save_button)
        v.addLayout(bar)
        return page

    def _build_agreement(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(16, 12, 16, 12)
        self.agreement_label = QLabel()
        self.agreement_label.setTextFormat(Qt.TextFormat.RichText)
        self.agreement_label.setWordWrap(True)
        self.agreement_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.agreement_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = _transparent_scroll(self.agreement_label)
        v.addWidget(scroll, 1)
        bar = QHBoxLayout()
        self.performance_label = QLabel()
        self.performance_label.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.performance_label, 1)
        self.performance_button = QPushButton(tr("记录履行情况"))
        self.performance_button.clicked.connect(lambda: self._open_dialog(
            Act.FOLLOW_UP, acts.PerformanceDialog(self.ctx, self.detail, self)))
        bar.addWidget(self.performance_button)
        v.addLayout(bar)
        return page

    def _build_files(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(12, 12, 12, 12)
        self.files_table = _table([tr("文件名"), tr("大小"), tr("添加时间"), tr("添加人")])
        self.files_table.setColumnWidth(0, 320)
        self.files_table.setColumnWidth(1, 90)
        self.files_table.setColumnWidth(2, 150)
        self.files_table.doubleClicked.connect(lambda _i: self.open_attachment())
        self.files_stack = _Stack(self.files_table, tr("还没有附件。点击「添加…」选择来信扫描件、协议书等文件。"))
        v.addWidget(self.files_stack, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.add_file_button = QPushButton(tr("添加…"))
        self.add_file_button.clicked.connect(lambda: self.start_act(Act.ATTACH))
        self.open_file_button = QPushButton(tr("打开"))
        self.open_file_button.clicked.connect(self.open_attachment)
        bar.addWidget(self.add_file_button)
        bar.addWidget(self.open_file_button)
        v.addLayout(bar)
        return page

    # ------------------------------------------------------------------ loading

    def show_case(self, case_id: int) -> None:
        if case_id != self.case_id:
            self.detail = None
            self._edit_original = {}
            self.edit_errors.clear_errors()
            self.tabs.setCurrentIndex(TAB_BASIC)
        self.case_id = case_id
        self.reload(force_form=True)

    def reload(self, force_form: bool = False) -> None:
        if self.case_id is None:
            return
        self._load_token += 1
        token = self._load_token
        self.loading.show()
        self.ctx.runner.run(self, _load, self.ctx.db, self.case_id, self.ctx.today(),
                            frozenset(self._choices_cache),
                            on_done=lambda r: self._loaded(token, r, force_form),
                            on_error=lambda e: self._load_failed(token, e))

    def _data_changed(self, ids) -> None:
        if not ids:
            self._choices_cache.clear()  # settings or an import may have changed the lists
        if self.case_id is not None and (not ids or self.case_id in ids):
            self.reload()

    def _load_failed(self, token: int, exc: BaseException) -> None:
        if token != self._load_token:
            return
        self.loading.hide()
        self.number_label.setText(tr("案件无法打开"))
        self.summary_label.setText(str(exc))
        for b in self.act_buttons.values():
            b.setEnabled(False)
        self.print_button.setEnabled(False)

    def _loaded(self, token: int, result, force_form: bool) -> None:
        if token != self._load_token:
            return  # a newer load is on its way
        detail, choices = result
        if choices is not None:
            self._choices_cache[detail.kind] = choices
        choices = self._choices_cache.get(detail.kind) or Choices.defaults(detail.kind)
        self.loading.hide()
        keep_form = not force_form and self.is_dirty() and self.detail is not None \
            and self.detail.id == detail.id
        self.detail, self.choices = detail, choices
        self._show_header(detail)
        self._show_acts(detail)
        if not keep_form:
            self._show_form(detail, choices)
        self._show_tabs(detail)
        self.loaded.emit(detail.id)

    # ------------------------------------------------------------------ showing

    def _show_header(self, d: queries.CaseDetail) -> None:
        self.number_label.setText(d.number)
        self.kind_label.setText(tr(d.kind_label))
        bg, fg = STATUS_CHIP.get(d.status, ("#eaeef2", MUTED))
        self.status_chip.setText(tr(d.status_label))
        self.status_chip.setStyleSheet(
            f"QLabel#statusChip {{ background: {bg}; color: {fg}; border-radius: 10px;"
            f" padding: 2px 10px; font-weight: bold; }}")
        outcome = d.outcome or "—"
        if d.failed_route:
            outcome += tr("（告知途径：{0}）").format(d.failed_route)
        self.outcome_label.setText(tr("结果：{0}").format(outcome))
        colour = STATE_COLOURS.get(d.deadline_state, MUTED)
        what = tr("受理期限") if d.status == wf.Status.REGISTERED.value else tr("期限")
        due = f"{_d(d.due_on)} " if d.due_on and d.deadline_state != "closed" else ""
        extended = tr("（已延期）") if d.extended else ""
        self.deadline_label.setText(
            f'{what}：<span style="color:{colour}; font-weight:bold">{due}{d.deadline_text}'
            f'</span>{extended}')
        self.handler_label.setText(tr("承办人：{0}").format(d.handler or tr("未分派")))
        self.party_label.setText(tr("当事人：{0}").format(d.party or "—"))
        summary = d.summary if len(d.summary) <= 90 else d.summary[:90] + "……"
        self.summary_label.setText(f"{tr(d.category)} · {summary}")
        links = []
        if d.derived_case_id is not None:
            links.append(tr("已转人民调解：{0}").format(
                f'<a href="case:{d.derived_case_id}" style="color:{ACCENT}">{d.derived_number}</a>'))
        if d.origin_case_id is not None and d.origin_number:
            links.append(tr("由信访件转入：{0}").format(
                f'<a href="case:{d.origin_case_id}" style="color:{ACCENT}">{d.origin_number}</a>'))
        self.link_label.setText("　".join(links))
        self.link_label.setVisible(bool(links))

    def _role_may(self, d: queries.CaseDetail, act: Act) -> bool:
        """The role allows ``act`` on this case (a mediator: on their own disputes only)."""
        if not self.ctx.may(act):
            return False
        if self.ctx.role == wf.MEDIATOR:
            return services.is_own_case(self.ctx.display_name, d.handler, d.mediators)
        return True

    def _disabled_reason(self, d: queries.CaseDetail, act: Act) -> str:
        if act.value in d.allowed_acts and not self._role_may(d, act):
            return tr("不是您承办或参与调解的案件")
        if act is Act.EXTEND and d.extended and d.status == wf.Status.IN_PROGRESS.value:
            return tr("已经延期过一次，不能再次延期")
        if act is Act.FOLLOW_UP and d.status == wf.Status.CLOSED.value:
            return tr("只有调解成功的纠纷需要回访")
        if act is Act.REOPEN:
            return tr("只有已办结的案件可以重新打开")
        if act is Act.CLOSE and d.status == wf.Status.REGISTERED.value:
            return tr("请先受理")
        if act is Act.MARK_ENTERED and d.entered:
            return tr("已标记为录入信访信息系统")
        return tr("当前状态为「{0}」，不能{1}").format(tr(d.status_label),
                                                   tr(wf.ACT_LABELS[act]))

    def _show_acts(self, d: queries.CaseDetail) -> None:
        relevant = PETITION_ACTS if d.kind == wf.Kind.PETITION.value else DISPUTE_ACTS
        # What the workflow allows AND the user's role may do (services checks both again).
        allowed = {a for a in d.allowed_acts if self._role_may(d, Act(a))}
        for act in BAR_ACTS:
            button = self.act_buttons[act.value]
            button.setVisible(act in relevant and self.ctx.may(act))
            enabled = act.value in allowed
            if act is Act.EXTEND and d.extended:
                enabled = False
            if act is Act.MARK_ENTERED and d.entered:
                enabled = False
            button.setEnabled(enabled)
            button.setToolTip("" if enabled else self._disabled_reason(d, act))
        # The next step of the life cycle stands out (only ever on an enabled button).
        step = next((a for a in (Act.ACCEPT, Act.CLOSE) if a.value in allowed), None)
        for act in BAR_ACTS:
            button = self.act_buttons[act.value]
            primary = act is step
            if bool(button.property("primary")) != primary:
                button.setProperty("primary", primary)
                forms.repolish(button)
        self.delete_action.setEnabled(Act.DELETE.value in allowed)
        self.delete_action.setVisible(self.ctx.may(Act.DELETE))
        self.add_file_button.setVisible(self.ctx.may(Act.ATTACH))
        self.save_button.setVisible(self.ctx.may(Act.EDIT))
        self._show_print_menu_items(d)
        self.add_file_button.setEnabled(Act.ATTACH.value in allowed)
        self.save_button.setEnabled(Act.EDIT.value in allowed and self.is_dirty())

    def _show_tabs(self, d: queries.CaseDetail) -> None:
        dispute = d.kind == wf.Kind.DISPUTE.value
        for index in (TAB_SESSIONS, TAB_AGREEMENT, TAB_FOLLOWUPS):
            self.tabs.setTabVisible(index, dispute)
        rows = []
        for p in d.parties:
            name = p.name
            if p.is_org:
                name += tr("（单位{0}）").format(
                    tr("，法定代表人：{0}").format(p.legal_rep) if p.legal_rep else "")
            rows.append([p.role, name, p.gender or "", p.id_number or "", p.phone or "",
                         p.address or ""])
        _fill(self.parties_table, rows)
        self._add_reveal_buttons(d)
        rows = []
        for e in reversed(d.events):  # newest first, as a clerk reads a file
            changes = "\n".join(f"{label}：{old or '—'} → {new or '—'}"
                                for label, old, new in e.changes)
            rows.append([e.at.strftime("%Y-%m-%d %H:%M"), e.user, tr(e.action_label), changes,
                         e.note or ""])
        _fill(self.timeline_table, rows)
        rows = [[tr("第{0}次").format(i), _d(s.held_on), s.place or "", s.participants or "",
                 s.record or ""] for i, s in enumerate(d.sessions, start=1)]
        _fill(self.sessions_table, rows)
        self.sessions_stack.show_rows(len(rows))
        self._show_agreement(d)
        rows = [[_d(f.due_on), _d(f.done_on) or tr("未回访"), f.result or ""]
                for f in d.follow_ups]
        _fill(self.followups_table, rows)
        self.followups_stack.show_rows(len(rows))
        rows = [[a.filename, _size(a.size), a.added_at.strftime("%Y-%m-%d %H:%M"), a.user]
                for a in d.attachments]
        _fill(self.files_table, rows)
        self.files_stack.show_rows(len(rows))
        self.open_file_button.setEnabled(bool(rows))

    def _add_reveal_buttons(self, d: queries.CaseDetail) -> None:
        """显示 beside each masked party, for a role that may reveal; each reveal is logged."""
        may = self._role_may(d, Act.REVEAL_PERSONAL)
        column = self.parties_table.columnCount() - 1
        for row, p in enumerate(d.parties):
            if not may or not (p.id_number or p.phone):
                self.parties_table.removeCellWidget(row, column)
                continue
            button = QPushButton(tr("显示"))
            button.setAutoDefault(False)
            button.setToolTip(tr("显示完整的身份证号和电话（将记入操作日志）"))
            button.clicked.connect(lambda _c=False, r=row, pid=p.person_id: self.reveal(r, pid))
            self.parties_table.setCellWidget(row, column, button)

    def reveal(self, row: int, person_id: int) -> None:
        case_id = self.case_id

        def shown(values: tuple[str, str]) -> None:
            if self.case_id != case_id or row >= self.parties_table.rowCount():
                return
            for column, value in ((3, values[0]), (4, values[1])):
                self.parties_table.item(row, column).setText(value)
            self.parties_table.removeCellWidget(row, self.parties_table.columnCount() - 1)

        self.ctx.runner.run(self, privacy.reveal_party, self.ctx.db, self.ctx.actor, case_id,
                            person_id, on_done=shown,
                            on_error=lambda exc: forms.report_error(self, exc))

    def _show_agreement(self, d: queries.CaseDetail) -> None:
        a = d.agreement
        if a is None:
            self.agreement_label.setText(
                f'<p style="color:{MUTED}">' + tr("还没有调解协议。调解达成一致后，点击「记录协议」登记协议内容。")
                + "</p>")
        else:
            terms = "".join(f"<li>{_escape(t)}</li>" for t in a.terms)
            parts = [f"<h3>{_escape(a.form)}（{_d(a.signed_on)}）</h3>"]
            if a.facts:
                parts.append(f"<p><b>{tr('纠纷事实')}：</b>{_escape(a.facts)}</p>")
            parts.append(f"<p><b>{tr('协议条款')}：</b></p><ol>{terms}</ol>")
            perf = [(tr("履行方式"), a.performance_method), (tr("履行地点"), a.performance_place),
                    (tr("履行期限"), _d(a.performance_due))]
            parts.append("<p>" + "　".join(f"<b>{k}：</b>{_escape(v) if v else '—'}"
                                           for k, v in perf) + "</p>")
            self.agreement_label.setText("".join(parts))
        mediated = d.outcome == wf.MEDIATED
        performed = (f'<span style="color:{CLOSED}"><b>{tr("协议已履行")}</b></span>'
                     if d.performed else tr("协议尚未履行"))
        judicial = tr("未申请司法确认")
        if d.judicial_applied_on:
            judicial = tr("司法确认：{0} 申请{1}").format(
                _d(d.judicial_applied_on),
                tr("，结果：{0}").format(_escape(d.judicial_result)) if d.judicial_result else "")
        self.performance_label.setText(f"{performed}　·　{judicial}" if mediated else
                                       tr("调解成功办结后可记录协议履行和司法确认情况。"))
        self.performance_button.setEnabled(mediated)

    # ------------------------------------------------------------------ 基本信息 editing

    def _show_form(self, d: queries.CaseDetail, choices: Choices) -> None:
        self.edit_errors.clear_errors()
        petition = d.kind == wf.Kind.PETITION.value
        for name in ("petition_type", "group_size", "via_proxy", "satisfaction"):
            self.edit_grid.set_row_visible(name, petition)
        self.edit_grid.set_row_visible("mediators", not petition)
        self.edit_grid.set_row_visible("extension_reason", d.extended)
        widgets = self.edit_widgets
        for w in widgets.values():
            w.blockSignals(True)
        forms.set_combo_items(self.e_category, choices.categories, keep=d.category)
        forms.set_combo_items(self.e_source, wf.sources_for(d.kind), blank=True,
                              keep=d.source or "")
        forms.set_combo_items(self.e_street, choices.streets, keep=d.street or "")
        forms.set_combo_items(self.e_handler, choices.handlers, keep=d.handler or "")
        self.e_summary.setText(d.summary)
        self.e_details.setPlainText(d.details or "")
        self.e_community.setText(d.community or "")
        self.e_received_on.setDate(forms.to_qdate(d.received_on))
        self.e_accepted_on.setDate(forms.to_qdate(d.accepted_on))
        self.e_accepted_on.setEnabled(d.accepted_on is not None)
        self.e_closed_on.setDate(forms.to_qdate(d.closed_on))
        self.e_closed_on.setEnabled(d.closed_on is not None)
        self.e_people_count.setText("" if d.people_count is None else str(d.people_count))
        self.e_amount.setText(_amount(d.amount))
        forms.set_combo_text(self.e_petition_type, d.petition_type or "")
        self.e_group_size.setText("" if d.group_size is None else str(d.group_size))
        self.e_via_proxy.setChecked(d.via_proxy)
        forms.set_combo_text(self.e_satisfaction, d.satisfaction or "")
        self.e_mediators.setText(d.mediators or "")
        self.e_extension_reason.setText(d.extension_reason or "")
        for w in widgets.values():
            w.blockSignals(False)
        self._edit_original = self._form_values()
        self._edit_version = d.version
        self._update_dirty()

    def _form_values(self) -> dict:
        out = {}
        for name, w in self.edit_widgets.items():
            if isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif name.endswith("_on"):
                out[name] = forms.date_value(w)
            else:
                out[name] = forms.text_of(w)
        return out

    def changed_values(self) -> dict:
        current = self._form_values()
        return {k: v for k, v in current.items()
                if self._edit_original and v != self._edit_original.get(k)}

    def is_dirty(self) -> bool:
        return bool(self._edit_original) and bool(self.changed_values())

    def _update_dirty(self, *_a) -> None:
        dirty = self.is_dirty()
        self.dirty_label.setText(tr("有未保存的修改") if dirty else "")
        allowed = self.detail is not None and Act.EDIT.value in self.detail.allowed_acts
        self.save_button.setEnabled(dirty and allowed)

    def save_edits(self) -> None:
        if self.detail is None:
            return
        values = self.changed_values()
        if not values:
            return
        self.edit_errors.clear_errors()
        if "summary" in values and not values["summary"]:
            self.edit_errors.set_errors([Problem("summary", tr("事项摘要必须填写"))])
            return
        self.save_button.setEnabled(False)
        self.ctx.runner.run(self, services.edit, self.ctx.db, self.ctx.actor, self.detail.id, values,
                            expected_version=self._edit_version,
                            on_done=self._saved, on_error=self._save_failed)

    def _saved(self, _ref) -> None:
        self._edit_original = self._form_values()  # clean, so the reload refreshes the form
        self._update_dirty()
        self.dirty_label.setText(tr("已保存"))
        self.ctx.notify_changed((self.case_id,))

    def _save_failed(self, exc: BaseException) -> None:
        self._update_dirty()
        if isinstance(exc, ValidationError):
            self.edit_errors.set_errors(exc.problems)
        elif isinstance(exc, StaleEdit):
            # Ask before overwriting; only the fields changed here are written, so what the
            # other person changed in other fields stays either way.
            if forms.confirm(self, tr("{0}。\n\n要用您的修改覆盖吗？只保存您改动的项目，"
                                      "对方改动的其他项目保留。").format(exc)):
                self.save_button.setEnabled(False)
                self.ctx.runner.run(self, services.edit, self.ctx.db, self.ctx.actor, self.detail.id,
                                    self.changed_values(), expected_version=None,
                                    on_done=self._saved, on_error=self._save_failed)
                return
            self.edit_general.setText(
                str(exc) + tr("。点击「放弃修改」载入最新内容后再修改。"))
            self.edit_general.show()
        else:
            forms.report_error(self, exc)

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
            Act.EXTEND: lambda: acts.ExtendDialog(self.ctx, d, self),
            Act.RECORD_SESSION: lambda: acts.SessionDialog(self.ctx, d, self),
            Act.RECORD_AGREEMENT: lambda: acts.AgreementDialog(self.ctx, d, self),
            Act.CLOSE: lambda: acts.CloseDialog(self.ctx, d, c.dispute_categories, self),
            Act.REOPEN: lambda: acts.ReopenDialog(self.ctx, d, self),
            Act.FOLLOW_UP: lambda: acts.FollowUpDialog(self.ctx, d, self),
            Act.DELETE: lambda: acts.DeleteDialog(self.ctx, d, self),
        }
        if act in dialogs:
            dialog = dialogs[act]()
            if isinstance(dialog, acts.CloseDialog):
                dialog.wants_agreement.connect(lambda: self.start_act(Act.RECORD_AGREEMENT))
            self._open_dialog(act, dialog)
        elif act is Act.MARK_ENTERED:
            self._run_act(act, services.mark_entered, d.id, True)
        elif act is Act.ATTACH:
            path = pick_file(self)
            if path:
                self._run_act(act, services.attach, d.id, path)

    def _open_dialog(self, act: Act, dialog: acts.ActDialog) -> None:
        self.active_dialog = dialog
        dialog.succeeded.connect(lambda result: self._act_done(act, result))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _run_act(self, act: Act, fn, *args) -> None:
        self.ctx.runner.run(self, fn, self.ctx.db, self.ctx.actor, *args,
                            on_done=lambda r: self._act_done(act, r),
                            on_error=lambda e: forms.report_error(self, e))

    def _act_done(self, act: Act, result) -> None:
        case_id = self.case_id
        if act is Act.DELETE:
            self.case_id = None
            self.ctx.notify_changed((case_id,))
            self.back.emit()
            return
        changed = [case_id]
        diverted = (act is Act.CLOSE and isinstance(result, services.CaseRef)
                    and result.id != case_id)
        if diverted:
            changed.append(result.id)
        self.ctx.notify_changed(tuple(changed))
        if diverted:
            self.open_case.emit(result.id)

    def _link(self, href: str) -> None:
        if href.startswith("case:"):
            self.open_case.emit(int(href[5:]))

    def open_attachment(self) -> None:
        if self.detail is None:
            return
        row = self.files_table.currentRow()
        if row < 0:
            row = 0 if self.detail.attachments else -1
        if row < 0 or row >= len(self.detail.attachments):
            return
        stored = self.detail.attachments[row].stored_name
        open_file(services.attachment_path(self.ctx.db, stored))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Esc goes back to the list unless the main window already binds it.
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _amount(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text[:-3] if text.endswith(".00") else text


def _escape(text: str | None) -> str:
    from html import escape

    return escape(text or "")


# ---------------------------------------------------------------------------
# Screenshots.


def _spin(ctx, timeout_ms: int = 15000) -> None:
    """Let the runner deliver every pending result (screenshots only)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: None if ctx.runner.busy else loop.quit())
    timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()


def _find_samples(db, today: date) -> dict[str, int]:
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


def _sample_cases(ctx) -> dict[str, int]:
    found: dict[str, int] = {}
    ctx.runner.run(None, _find_samples, ctx.db, ctx.today(), on_done=found.update)
    _spin(ctx)
    return found


def screenshot_states(ctx) -> list[tuple[str, QWidget]]:
    """Case views of a demo database, ready to grab: a dispute with sessions and an agreement,
    an open petition, and its timeline. Uses existing cases; registers some when empty."""
    ids = _sample_cases(ctx)
    out: list[tuple[str, QWidget]] = []
    for name, case_id, tab in (("case_view_dispute", ids.get("dispute"), TAB_AGREEMENT),
                               ("case_view_petition", ids.get("petition"), TAB_BASIC),
                               ("case_view_timeline", ids.get("petition"), TAB_TIMELINE),
                               ("case_view_sessions", ids.get("dispute"), TAB_SESSIONS)):
        if case_id is None:
            continue
        view = CaseView(ctx)
        view.show_case(case_id)
        _spin(ctx)
        view.tabs.setCurrentIndex(tab)
        out.append((name, view))
    return out


__all__ = ["CaseView", "open_file", "pick_file", "screenshot_states"]
