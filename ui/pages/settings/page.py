"""设置: the office-wide settings (docs/architecture.md, "Settings") on one page of tabs.

Two kinds of change live here and the page says which is which:
- the OfficeSettings fields (names, number formats, limits, street/handler/mediator lists) are
  edited freely on their tabs and written together by 保存设置 (services.save_settings);
  放弃修改 restores;
- the category and department lists change at once, one act per click (lookup_tabs.py),
  because they are rows that cases point at: an entry in use is retired, never deleted.
Every read runs on ctx.runner and every write through ctx.act.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp.errors import ValidationError
from caseapp.queries import lookups
from caseapp.storage.settings import OfficeSettings
from caseapp.workflow import Act
from ui.i18n import tr
from ui.pages.settings.diversion_tab import DiversionTab
from ui.pages.settings.fields import PRIMARY_DISABLED, error_label, muted, scroll_area
from ui.pages.settings.fonts_box import FontsBox
from ui.pages.settings.forms_tab import FormsTab
from ui.pages.settings.holidays_tab import HolidaysTab
from ui.pages.settings.language_box import LanguageBox
from ui.pages.settings.limits_tab import LimitsTab
from ui.pages.settings.lists_tab import ListsTab
from ui.pages.settings.lookup_tabs import CategoriesTab, DepartmentsTab
from ui.pages.settings.numbers_tab import KINDS, NumbersTab
from ui.pages.settings.office_tab import OfficeTab
from ui.pages.settings.templates_tab import TemplatesTab
from ui.pages.settings.users import UsersTab
from ui.style import MUTED
from ui.tasks import show_error

if TYPE_CHECKING:
    from ui.context import AppContext


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
        categories={k: lookups.list_categories(db, k) for k in KINDS},
        departments=lookups.list_departments(db),
        next_seq={k: lookups.next_sequence(db, k, year) for k in KINDS},
    )


class SettingsPage(QWidget):
    """The 设置 page of the main window."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.loaded: Loaded | None = None
        self._filling = False
        self._saving = False
        self.year = ctx.today().year

        title = QLabel(tr("设置"), self)
        title.setProperty("role", "title")
        subtitle = muted(tr("这里的设置对本单位所有用户生效。"), self)

        self.office_tab = OfficeTab(self)
        self.fonts_box = FontsBox(ctx, self.office_tab)  # which face each document role got
        column = self.office_tab.form
        column.insertWidget(column.count() - 1, self.fonts_box)  # below the fields, above the stretch
        self.language_box = LanguageBox(self.office_tab)  # this machine's, saved at once
        column.insertWidget(column.count() - 1, self.language_box)
        self.numbers_tab = NumbersTab(self.year, self)
        self.limits_tab = LimitsTab(self)
        self.holidays_tab = HolidaysTab(ctx, self)  # acts at once, like the lists
        self.categories_tab = CategoriesTab(ctx, self)
        self.lists_tab = ListsTab(self)
        self.departments_tab = DepartmentsTab(ctx, self)
        self.forms_tab = FormsTab(self)
        self.diversion_tab = DiversionTab(self)
        # The tabs saved together by 保存设置, in the order their fields are collected.
        self.form_tabs = (self.office_tab, self.numbers_tab, self.limits_tab, self.lists_tab,
                          self.forms_tab, self.diversion_tab)
        for tab in self.form_tabs:
            tab.edited.connect(self._edited)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(scroll_area(self.office_tab, self), tr("单位信息"))
        self.tabs.addTab(scroll_area(self.numbers_tab, self), tr("编号格式"))
        self.tabs.addTab(scroll_area(self.limits_tab, self), tr("办理期限"))
        self.tabs.addTab(self.categories_tab, tr("类别"))
        self.tabs.addTab(scroll_area(self.lists_tab, self), tr("街镇与人员"))  # 150 %: scrolls
        self.tabs.addTab(self.departments_tab, tr("参与部门"))
        self.tabs.addTab(self.forms_tab, tr("填报表格"))
        self.tabs.addTab(self.diversion_tab, tr("转人民调解"))
        self.tabs.addTab(self.holidays_tab, tr("节假日"))
        self.templates_tab = TemplatesTab(ctx, self)  # acts at once, like the holidays
        self.tabs.addTab(self.templates_tab, tr("文书模板"))
        self.users_tab: UsersTab | None = None
        if ctx.may(Act.USERS):  # accounts are an administrator's business
            self.users_tab = UsersTab(ctx, self)
            self.tabs.addTab(self.users_tab, tr("账户"))

        self.state_label = QLabel(self)
        self.form_error = error_label(self)
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

    # -- loading --------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.runner.run(self, load_all, self.ctx.db, self.year, on_done=self._loaded,
                            on_error=lambda exc: show_error(self, exc))

    def _loaded(self, loaded: Loaded) -> None:
        first = self.loaded is None
        keep_form = not first and self.is_dirty()
        self.loaded = loaded if not keep_form else replace(loaded, settings=self.loaded.settings)
        self.categories_tab.set_items(loaded.categories)
        self.departments_tab.set_items(loaded.departments)
        self.forms_tab.set_categories([c.name for c in loaded.categories["dispute"]])
        self.diversion_tab.set_categories([c.name for c in loaded.categories["petition"]],
                                          [c.name for c in loaded.categories["dispute"]])
        self.numbers_tab.next_seq = dict(loaded.next_seq)
        if not keep_form:
            self._fill(loaded.settings)
        else:
            self.numbers_tab.check_all()
        self.tabs.setEnabled(True)
        self._update_state()

    def _on_data_changed(self, _ids) -> None:
        # Use counts and next numbers move with every act; unsaved edits stay.
        if self.loaded is not None and not self._saving:
            self.reload()

    def _fill(self, s: OfficeSettings) -> None:
        self._filling = True
        try:
            for tab in self.form_tabs:
                tab.fill(s)
        finally:
            self._filling = False
        self.numbers_tab.check_all()
        self.form_error.hide()
        self._update_state()

    # -- editing --------------------------------------------------------------

    def collect(self) -> OfficeSettings:
        """The settings as the form shows them (fields the page does not edit stay as loaded)."""
        settings = self.loaded.settings if self.loaded else OfficeSettings()
        for tab in self.form_tabs:
            settings = tab.apply(settings)
        return settings

    def is_dirty(self) -> bool:
        return self.loaded is not None and self.collect() != self.loaded.settings

    def _edited(self, *_args) -> None:
        if not self._filling:
            self.form_error.hide()
            self._update_state()

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

    def show_tab(self, key: str) -> None:
        """Bring a tab to the front by name: "office" (单位信息) for the workbench's reminder."""
        tab = {"office": self.office_tab, "numbers": self.numbers_tab,
               "lists": self.lists_tab, "holidays": self.holidays_tab}.get(key)
        if tab is not None:
            self._show_tab(tab)

    def _show_tab(self, tab: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is tab or page.isAncestorOf(tab):  # the form tabs sit in scroll areas
                self.tabs.setCurrentIndex(index)
                return

    # -- saving ---------------------------------------------------------------

    def save(self) -> None:
        if self.loaded is None or self._saving or not self.is_dirty():
            return
        bad = self.numbers_tab.check_all()
        if bad:
            # Already marked beside the field; services would refuse it too.
            self._show_tab(self.numbers_tab)
            self.numbers_tab.edits[bad[0]].setFocus()
            return
        settings = self.collect()
        self._saving = True
        self._update_state()
        # Numbers and limits change what every list shows: the act broadcasts that.
        self.ctx.act(self, services.save_settings, self.ctx.db, self.ctx.actor, settings,
                     on_done=lambda _r: self._saved(settings), on_error=self._save_failed,
                     changed=())

    def _saved(self, settings: OfficeSettings) -> None:
        self._saving = False
        self.loaded = replace(self.loaded, settings=settings)
        self._update_state()
        self.state_label.setText(tr("设置已保存"))
        self.saved.emit()
        # The act's broadcast came while saving (and was let pass): read the use counts and
        # next numbers now.
        self.reload()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update_state()
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        shown_tab: QWidget | None = None
        other = []
        for p in exc.problems:
            kind = p.field.removesuffix("_number_format")
            if kind in self.numbers_tab.edits:
                self.numbers_tab.show_problem(kind, p.message)
                shown_tab = self.numbers_tab if shown_tab is None else shown_tab
            elif p.field == "limits":
                self.limits_tab.show_problem(p.message)
                shown_tab = self.limits_tab if shown_tab is None else shown_tab
            else:
                other.append(p.message)
        if other:
            self.form_error.setText("；".join(other))
            self.form_error.show()
        if shown_tab is not None:
            self._show_tab(shown_tab)
