"""设置: the office-wide settings (DESIGN.md rule 8) on one page of tabs.

Two kinds of change live here and the page says which is which:
- the OfficeSettings fields (names, number formats, limits, street/handler/mediator lists) are
  edited freely and written together by 保存设置 (services.save_settings); 放弃修改 restores;
- the category and department lists change at once, one act per click
  (services.set_category_active / services.set_department_active), because they are rows
  that cases point at: an entry in use is retired, never deleted.
Every read and write runs through ctx.runner.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp.errors import ValidationError
from caseapp.queries import lookups
from caseapp.storage.settings import OfficeSettings, format_number
from caseapp.workflow import Act, Limits
from ui.i18n import tr
from ui.style import MUTED
from ui.tasks import show_error

# The app style sheet gives QSpinBox a border, which makes Qt draw its arrow buttons by the
# style-sheet rules, where they come out as bare lines; these rules draw them properly. The
# arrows are Qt's own built-in images (a missing image only leaves the buttons blank).
# style.qss gives primary buttons no disabled look, so a disabled 导入/保存 would still look
# pressable; this keeps it visibly off.
PRIMARY_DISABLED = ("QPushButton:disabled { background: #a8c5f7; border: 1px solid #a8c5f7;"
                    " color: #ffffff; }")
NAME_MAX = 64  # the width of the name columns in the database
NUMBER_MAX = 64


def limit_rows() -> list[tuple[str, str, str]]:
    """(Limits field, label, hint) in the order a clerk thinks of them."""
    return [
        ("petition_accept", tr("信访受理告知"), tr("自登记次日起算，决定是否受理并告知信访人")),
        ("petition_handle", tr("信访办理"), tr("自受理次日起算")),
        ("petition_extension", tr("信访延期"), tr("延期一次增加的天数")),
        ("dispute_mediate", tr("纠纷调解"), tr("自受理次日起算，一般在一个月内调结")),
        ("dispute_extension", tr("纠纷延期"), tr("延期一次增加的天数")),
        ("judicial_confirmation", tr("司法确认申请"), tr("自调解协议签订次日起算")),
        ("follow_up", tr("调解成功后回访"), tr("自办结次日起算")),
        ("due_soon_days", tr("即将到期提醒"), tr("剩余天数不超过此数时，列表中标为即将到期")),
    ]


@dataclass(frozen=True)
class Loaded:
    settings: OfficeSettings
    categories: dict  # kind -> list[CategoryInfo]
    departments: list  # list[DepartmentInfo]
    next_seq: dict  # kind -> int


def load_all(db, year: int) -> Loaded:
    """Runs on a worker: everything the page shows."""
    db.invalidate_settings()  # another program may have changed them since
    return Loaded(
        settings=db.settings(),
        categories={k: lookups.list_categories(db, k) for k in ("petition", "dispute")},
        departments=lookups.list_departments(db),
        next_seq={k: lookups.next_sequence(db, k, year) for k in ("petition", "dispute")},
    )


def check_number_format(template: str, year: int, seq: int,
                        kind: str = "petition") -> tuple[str, str]:
    """(example, error) for a number template; the same rule services.save_settings applies."""
    try:
        example = format_number(template, year, seq)
        other = format_number(template, year, seq + 1)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return "", tr("格式有误：只能使用 {year} 和 {seq}（如 {seq:04d}），花括号须成对")
    if not template.strip() or example == other:
        sample = OfficeSettings().number_format(kind)
        return "", tr("编号格式须含 {seq}，例如 ") + sample
    if len(example) > NUMBER_MAX:
        return "", tr("编号过长，不能超过{n}个字").format(n=NUMBER_MAX)
    return example, ""


def _muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


def _error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def _mark(widget: QWidget, label: QLabel, message: str) -> None:
    """Inline error: red text under the field and the invalid property on it."""
    widget.setProperty("invalid", bool(message))
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    label.setText(message)
    label.setVisible(bool(message))


# ---------------------------------------------------------------------------


class StringListEditor(QGroupBox):
    """A plain list of names (街镇, 承办人, 调解员): add, remove from the list."""

    changed = Signal()

    def __init__(self, title: str, placeholder: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet(
            "QListWidget { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
            " QListWidget::item { padding: 5px 8px; }")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(NAME_MAX)
        self.add_button = QPushButton(tr("添加"), self)
        self.remove_button = QPushButton(tr("移出列表"), self)
        self.error = _error_label(self)
        self.count_label = _muted("", self)

        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.count_label)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        lay.addLayout(row)
        lay.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        lay.addLayout(bottom)

        self.add_button.clicked.connect(self.add)
        self.edit.returnPressed.connect(self.add)
        self.edit.textEdited.connect(lambda _t: _mark(self.edit, self.error, ""))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update)
        self._update()

    def values(self) -> tuple[str, ...]:
        return tuple(self.list.item(i).text() for i in range(self.list.count()))

    def set_values(self, values) -> None:
        self.list.clear()
        self.list.addItems(list(values))
        _mark(self.edit, self.error, "")
        self._update()

    def add(self) -> None:
        name = self.edit.text().strip()
        if not name:
            _mark(self.edit, self.error, tr("请先输入名称"))
            return
        if name in self.values():
            _mark(self.edit, self.error, tr("「{name}」已在列表中").format(name=name))
            return
        self.list.addItem(name)
        self.list.setCurrentRow(self.list.count() - 1)
        self.edit.clear()
        _mark(self.edit, self.error, "")
        self._update()
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self._update()
            self.changed.emit()

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
        self.count_label.setText(tr("共 {n} 项").format(n=self.list.count()))


class LookupEditor(QGroupBox):
    """A list whose entries cases refer to (类别, 参与部门): add, retire, restore; each click is
    an act carried out at once by the page."""

    add_requested = Signal(str)
    toggle_requested = Signal(str, bool)  # name, new active state

    def __init__(self, title: str, placeholder: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.items: list = []
        self.select_after_load: str | None = None  # e.g. the entry just added
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([tr("名称"), tr("状态"), tr("已用")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 80)
        header.resizeSection(2, 80)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(NAME_MAX)
        self.add_button = QPushButton(tr("添加"), self)
        self.toggle_button = QPushButton(tr("停用"), self)
        self.error = _error_label(self)

        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.toggle_button)
        lay.addLayout(row)
        lay.addWidget(self.error)

        self.add_button.clicked.connect(self.add)
        self.edit.returnPressed.connect(self.add)
        self.edit.textEdited.connect(lambda _t: _mark(self.edit, self.error, ""))
        self.toggle_button.clicked.connect(self.toggle)
        self.table.itemSelectionChanged.connect(self._update)
        self._editable = True
        self._update()

    def set_items(self, items) -> None:
        selected = self.selected()
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        retired = QColor(MUTED)
        for r, info in enumerate(self.items):
            cells = [
                QTableWidgetItem(info.name),
                QTableWidgetItem(tr("使用中") if info.active else tr("已停用")),
                QTableWidgetItem(tr("{n} 件").format(n=info.used_count)),
            ]
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, cell in enumerate(cells):
                if not info.active:
                    cell.setForeground(retired)
                self.table.setItem(r, c, cell)
        wanted = self.select_after_load or (selected.name if selected is not None else None)
        self.select_after_load = None
        if wanted is not None:
            self.select(wanted)
        self._update()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        # Read-only: no controls that cannot be used.
        for w in (self.edit, self.add_button, self.toggle_button):
            w.setVisible(editable)
        self._update()

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def select(self, name: str) -> None:
        for r, info in enumerate(self.items):
            if info.name == name:
                self.table.selectRow(r)
                self.table.scrollToItem(self.table.item(r, 0))
                return

    def add(self) -> None:
        if not self._editable:
            return
        name = self.edit.text().strip()
        existing = {i.name: i for i in self.items}
        if not name:
            _mark(self.edit, self.error, tr("请先输入名称"))
        elif name in existing and existing[name].active:
            _mark(self.edit, self.error, tr("「{name}」已在列表中").format(name=name))
            self.select(name)
        else:
            # A retired name typed again is simply restored.
            _mark(self.edit, self.error, "")
            self.add_requested.emit(name)

    def added(self, name: str) -> None:
        """The page calls this after the add succeeded."""
        if self.edit.text().strip() == name:
            self.edit.clear()

    def toggle(self) -> None:
        info = self.selected()
        if info is not None and self._editable:
            self.toggle_requested.emit(info.name, not info.active)

    def _update(self) -> None:
        info = self.selected()
        self.toggle_button.setText(tr("启用") if info is not None and not info.active else tr("停用"))
        self.toggle_button.setEnabled(info is not None and self._editable)
        self.add_button.setEnabled(self._editable)


# ---------------------------------------------------------------------------


class SettingsPage(QWidget):
    """The 设置 page of the main window."""

    saved = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded: Loaded | None = None
        self._filling = False
        self._saving = False
        self.year = ctx.today().year

        title = QLabel(tr("设置"), self)
        title.setProperty("role", "title")
        subtitle = _muted(tr("这里的设置对本单位所有用户生效。"), self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self._scroll(self._build_office_tab()), tr("单位信息"))
        self.tabs.addTab(self._scroll(self._build_number_tab()), tr("编号格式"))
        self.tabs.addTab(self._scroll(self._build_limits_tab()), tr("办理期限"))
        self.tabs.addTab(self._build_categories_tab(), tr("类别"))
        self.tabs.addTab(self._build_lists_tab(), tr("街镇与人员"))
        self.tabs.addTab(self._build_departments_tab(), tr("参与部门"))
        self.users_tab = None
        if ctx.may(Act.USERS):  # accounts are an administrator's business
            from ui.pages.settings.users import UsersTab

            self.users_tab = UsersTab(ctx, self)
            self.tabs.addTab(self.users_tab, tr("账户"))

        self.state_label = QLabel(self)
        self.form_error = _error_label(self)
        self.revert_button = QPushButton(tr("放弃修改"), self)
        self.revert_button.setToolTip(tr("恢复为上次保存的设置"))
        self.save_button = QPushButton(tr("保存设置"), self)
        self.save_button.setProperty("primary", True)
        self.save_button.setStyleSheet(PRIMARY_DISABLED)
        self.save_button.setToolTip(tr("保存单位信息、编号格式、办理期限和名单（Ctrl+S）"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        bar = QHBoxLayout()
        bar.addWidget(self.state_label)
        bar.addWidget(self.form_error, 1)
        bar.addStretch(0)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 18, 24, 16)
        lay.setSpacing(10)
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(title)
        head.addWidget(subtitle)
        lay.addLayout(head)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(bar)

        self.tabs.setEnabled(False)  # until the first load arrives
        self._update_state()
        ctx.data_changed.connect(self._on_data_changed)
        self.reload()

    # -- building -------------------------------------------------------------

    def _scroll(self, content: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(content)
        content.setAutoFillBackground(False)
        area.viewport().setAutoFillBackground(False)
        return area

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        """A tab page whose content keeps a readable width on a wide screen."""
        page = QWidget(self)
        outer = QHBoxLayout(page)
        outer.setContentsMargins(20, 18, 20, 18)
        inner_widget = QWidget(page)
        inner_widget.setMaximumWidth(760)
        inner = QVBoxLayout(inner_widget)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        outer.addWidget(inner_widget, 1)
        outer.addStretch(0)
        return page, inner

    def _line(self, parent: QWidget, placeholder: str = "", max_len: int = 128) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(max_len)
        edit.textChanged.connect(self._edited)
        return edit

    def _build_office_tab(self) -> QWidget:
        page, lay = self._page()
        form = QFormLayout()
        form.setSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.office_name = self._line(page, tr("如：涪陵高新区矛盾纠纷调解办"))
        self.committee_name = self._line(page, tr("如：马鞍街道人民调解委员会"))
        self.report_header = self._line(page, tr("留空则使用单位名称"))
        form.addRow(tr("单位名称"), self.office_name)
        form.addRow(tr("调解委员会名称"), self.committee_name)
        form.addRow(tr("报表抬头"), self.report_header)
        lay.addLayout(form)
        lay.addWidget(_muted(tr("单位名称显示在窗口标题和打印件上；调解委员会名称用于调解协议书等文书；"
                                "报表抬头印在统计报表的标题上方。"), page))
        lay.addStretch(1)
        return page

    def _build_number_tab(self) -> QWidget:
        page, lay = self._page()
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.number_edits: dict[str, QLineEdit] = {}
        self.number_previews: dict[str, QLabel] = {}
        self.number_errors: dict[str, QLabel] = {}
        row = 0
        for kind, label in (("petition", tr("信访件编号格式")), ("dispute", tr("矛盾纠纷编号格式"))):
            edit = self._line(page, max_len=NUMBER_MAX * 2)
            edit.textChanged.connect(lambda _t, k=kind: self._check_format(k))
            preview = _muted("", page)
            error = _error_label(page)
            caption = QLabel(label, page)
            caption.setBuddy(edit)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(edit, row, 1)
            grid.addWidget(preview, row + 1, 1)
            grid.addWidget(error, row + 2, 1)
            grid.setRowMinimumHeight(row + 3, 14)
            self.number_edits[kind], self.number_previews[kind] = edit, preview
            self.number_errors[kind] = error
            row += 4
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        lay.addWidget(_muted(tr(
            "{year} 填入登记年份；{seq:04d} 填入四位顺序号（不足四位前面补0），{seq} 不补0。"
            "顺序号每年从1开始。修改格式只影响以后登记的案件，已有编号不变。"), page))
        lay.addStretch(1)
        return page

    def _build_limits_tab(self) -> QWidget:
        page, lay = self._page()
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        self.limit_spins: dict[str, QSpinBox] = {}
        defaults = Limits()
        for r, (name, label, hint) in enumerate(limit_rows()):
            spin = QSpinBox(page)
            spin.setRange(1, 999)
            spin.setSuffix(tr(" 天"))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMinimumWidth(96)
            spin.valueChanged.connect(self._edited)
            caption = QLabel(label, page)
            caption.setBuddy(spin)
            grid.addWidget(caption, r, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(spin, r, 1)
            grid.addWidget(_muted(tr("{hint}（默认 {n} 天）").format(
                hint=hint, n=getattr(defaults, name)), page), r, 2)
            self.limit_spins[name] = spin
        grid.setColumnStretch(2, 1)
        lay.addLayout(grid)
        self.limits_error = _error_label(page)
        lay.addWidget(self.limits_error)
        lay.addWidget(_muted(tr("期限按日历天数计算，从起算日的次日开始。新的期限用于此后受理、延期和修改的"
                                "案件；已算出的期限不会自动改变。"), page))
        lay.addStretch(1)
        return page

    def _build_categories_tab(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(20, 14, 20, 14)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.category_editors = {
            "petition": LookupEditor(tr("信访类别"), tr("新的信访类别名称"), page),
            "dispute": LookupEditor(tr("纠纷类型"), tr("新的纠纷类型名称"), page),
        }
        for kind, editor in self.category_editors.items():
            editor.add_requested.connect(lambda name, k=kind: self._set_category(k, name, True))
            editor.toggle_requested.connect(lambda name, on, k=kind: self._set_category(k, name, on))
            row.addWidget(editor, 1)
        lay.addLayout(row, 1)
        lay.addWidget(_muted(tr(
            "类别的添加、停用和启用立即生效，不需要点「保存设置」。用过的类别不能删除，只能停用："
            "停用后登记和导入时不能再选它，已有案件保持原来的类别，统计照常。"), page))
        return page

    def _build_lists_tab(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(20, 14, 20, 14)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.list_editors = {
            "streets": StringListEditor(tr("街镇"), tr("街道、乡镇或园区名称"), page),
            "handlers": StringListEditor(tr("承办人"), tr("承办人姓名"), page),
            "mediators": StringListEditor(tr("调解员"), tr("调解员姓名"), page),
        }
        for editor in self.list_editors.values():
            editor.changed.connect(self._edited)
            row.addWidget(editor, 1)
        lay.addLayout(row, 1)
        lay.addWidget(_muted(tr(
            "这些名单用于登记时的选择框，改动后请点「保存设置」。从名单中移出的名称只是不再出现在"
            "选择框中，已登记案件里的名称保持不变。"), page))
        return page

    def _build_departments_tab(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(20, 14, 20, 14)
        row = QHBoxLayout()
        self.department_editor = LookupEditor(tr("参与部门"), tr("如：派出所、司法所、法律顾问"), page)
        self.department_editor.setMaximumWidth(620)
        self.department_editor.add_requested.connect(lambda n: self._set_department(n, True))
        self.department_editor.toggle_requested.connect(self._set_department)
        row.addWidget(self.department_editor, 1)
        row.addStretch(0)
        lay.addLayout(row, 1)
        self.departments_note = _muted(tr(
            "参与调解的派出所、司法所、法律顾问和职能部门。添加、停用和启用立即生效；用过的部门不能删除，"
            "只能停用。"), page)
        lay.addWidget(self.departments_note)
        if not self.departments_editable():
            self.department_editor.set_editable(False)
            self.departments_note.setText(tr(
                "参与调解的派出所、司法所、法律顾问和职能部门。当前版本只能查看此名单，"
                "暂不能在这里添加或停用。"))
        return page

    @staticmethod
    def departments_editable() -> bool:
        # The act is added to services.py separately; until then the list is read-only.
        return callable(getattr(services, "set_department_active", None))

    # -- loading --------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.runner.run(self, load_all, self.ctx.db, self.year, on_done=self._loaded,
                            on_error=lambda exc: show_error(self, exc))

    def _loaded(self, loaded: Loaded) -> None:
        first = self.loaded is None
        keep_form = not first and self.is_dirty()
        self.loaded = loaded if not keep_form else replace(loaded, settings=self.loaded.settings)
        for kind, editor in self.category_editors.items():
            editor.set_items(loaded.categories[kind])
        self.department_editor.set_items(loaded.departments)
        if not keep_form:
            self._fill(loaded.settings)
        else:
            for kind in ("petition", "dispute"):
                self._check_format(kind)
        self.tabs.setEnabled(True)
        self._update_state()

    def _on_data_changed(self, _ids) -> None:
        # Use counts and next numbers move with every act; unsaved edits stay.
        if self.loaded is not None and not self._saving:
            self.reload()

    def _fill(self, s: OfficeSettings) -> None:
        self._filling = True
        try:
            self.office_name.setText(s.office_name)
            self.committee_name.setText(s.committee_name)
            self.report_header.setText(s.report_header)
            self.number_edits["petition"].setText(s.petition_number_format)
            self.number_edits["dispute"].setText(s.dispute_number_format)
            for name, spin in self.limit_spins.items():
                spin.setValue(getattr(s.limits, name))
            self.list_editors["streets"].set_values(s.streets)
            self.list_editors["handlers"].set_values(s.handlers)
            self.list_editors["mediators"].set_values(s.mediators)
        finally:
            self._filling = False
        for kind in ("petition", "dispute"):
            self._check_format(kind)
        _mark(self.limit_spins["petition_accept"], self.limits_error, "")
        self.form_error.hide()
        self._update_state()

    # -- editing --------------------------------------------------------------

    def collect(self) -> OfficeSettings:
        """The settings as the form shows them (fields the page does not edit stay as loaded)."""
        base = self.loaded.settings if self.loaded else OfficeSettings()
        limits = replace(base.limits, **{n: s.value() for n, s in self.limit_spins.items()})
        return replace(
            base,
            office_name=self.office_name.text().strip(),
            committee_name=self.committee_name.text().strip(),
            report_header=self.report_header.text().strip(),
            petition_number_format=self.number_edits["petition"].text().strip(),
            dispute_number_format=self.number_edits["dispute"].text().strip(),
            limits=limits,
            streets=self.list_editors["streets"].values(),
            handlers=self.list_editors["handlers"].values(),
            mediators=self.list_editors["mediators"].values(),
        )

    def is_dirty(self) -> bool:
        return self.loaded is not None and self.collect() != self.loaded.settings

    def _edited(self, *_args) -> None:
        if not self._filling:
            self.form_error.hide()
            self._update_state()

    def _check_format(self, kind: str) -> bool:
        edit = self.number_edits[kind]
        seq = self.loaded.next_seq.get(kind, 1) if self.loaded else 1
        example, error = check_number_format(edit.text().strip(), self.year, seq, kind)
        _mark(edit, self.number_errors[kind], error)
        preview = self.number_previews[kind]
        preview.setText(tr("下一个编号示例：{number}").format(number=example) if example else "")
        preview.setVisible(bool(example))
        return not error

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        busy = self._saving
        self.save_button.setEnabled(dirty and not busy)
        self.revert_button.setEnabled(dirty and not busy)
        if busy:
            self.state_label.setText(tr("正在保存…"))
        elif dirty:
            self.state_label.setText(tr("有未保存的修改"))
        else:
            self.state_label.setText(tr("所有修改均已保存") if self.loaded else tr("正在读取设置…"))
        self.state_label.setStyleSheet(f"color: {MUTED};")

    def revert(self) -> None:
        if self.loaded is not None:
            self._fill(self.loaded.settings)

    def save(self) -> None:
        if self.loaded is None or self._saving or not self.is_dirty():
            return
        bad = [k for k in ("petition", "dispute") if not self._check_format(k)]
        if bad:
            # Already marked beside the field; services would refuse it too.
            self.tabs.setCurrentIndex(1)
            self.number_edits[bad[0]].setFocus()
            return
        settings = self.collect()
        self._saving = True
        self._update_state()
        self.ctx.runner.run(self, services.save_settings, self.ctx.db, self.ctx.actor, settings,
                            on_done=lambda _r: self._saved(settings), on_error=self._save_failed)

    def _saved(self, settings: OfficeSettings) -> None:
        self._saving = False
        self.loaded = replace(self.loaded, settings=settings)
        self._update_state()
        self.state_label.setText(tr("设置已保存"))
        self.saved.emit()
        self.ctx.notify_changed(())  # numbers and limits change what lists show

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update_state()
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        shown_tab = None
        other = []
        for p in exc.problems:
            kind = p.field.removesuffix("_number_format")
            if kind in self.number_edits:
                _mark(self.number_edits[kind], self.number_errors[kind], p.message)
                self.number_previews[kind].hide()
                shown_tab = 1 if shown_tab is None else shown_tab
            elif p.field == "limits":
                self.limits_error.setText(p.message)
                self.limits_error.show()
                shown_tab = 2 if shown_tab is None else shown_tab
            else:
                other.append(p.message)
        if other:
            self.form_error.setText("；".join(other))
            self.form_error.show()
        if shown_tab is not None:
            self.tabs.setCurrentIndex(shown_tab)

    # -- immediate acts on the lookup lists -----------------------------------

    def _set_category(self, kind: str, name: str, active: bool) -> None:
        editor = self.category_editors[kind]
        self.ctx.runner.run(
            self, services.set_category_active, self.ctx.db, self.ctx.actor, kind, name, active,
            on_done=lambda _r: self._lookup_done(editor, name),
            on_error=lambda exc: self._lookup_failed(editor, exc))

    def _set_department(self, name: str, active: bool) -> None:
        act = getattr(services, "set_department_active", None)
        if act is None:
            return
        editor = self.department_editor
        self.ctx.runner.run(
            self, act, self.ctx.db, self.ctx.actor, name, active,
            on_done=lambda _r: self._lookup_done(editor, name),
            on_error=lambda exc: self._lookup_failed(editor, exc))

    def _lookup_done(self, editor: LookupEditor, name: str) -> None:
        editor.added(name)
        editor.select_after_load = name
        self.ctx.notify_changed(())  # pick lists elsewhere refresh; this page reloads too

    def _lookup_failed(self, editor: LookupEditor, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            _mark(editor.edit, editor.error, "；".join(p.message for p in exc.problems))
        else:
            show_error(self, exc)


# ---------------------------------------------------------------------------
# Screenshots.


def _spin_until_idle(ctx, timeout_ms: int = 30000) -> None:
    if ctx.runner.busy:
        loop = QEventLoop()
        ctx.runner.idle.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        ctx.runner.idle.disconnect(loop.quit)
    QCoreApplication.processEvents()


def screenshot_states(ctx) -> list[tuple[str, QWidget]]:
    """One page per tab, loaded (the categories tab with a row selected)."""
    names = ["settings-office", "settings-numbers", "settings-limits", "settings-categories",
             "settings-lists", "settings-departments"]
    states = []
    for index, name in enumerate(names):
        page = SettingsPage(ctx)
        _spin_until_idle(ctx)
        page.tabs.setCurrentIndex(index)
        if name == "settings-categories":
            page.category_editors["petition"].table.selectRow(2)
        states.append((name, page))
    return states

