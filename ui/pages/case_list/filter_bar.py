"""The filter bar of a case list: search box, status, category, street, handler, dates, overdue.

It turns what the clerk chose into one queries.CaseFilter and says when it changed; a
dashboard drill-down may add conditions without a widget (a figure, an outcome...), which the
bar names in 另加条件 until the filter is cleared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries
from caseapp import workflow as wf
from caseapp.figures import stats
from caseapp.queries import lookups
from caseapp.queries.case_list import CaseFilter
from ui.i18n import tr
from ui.widgets.fit import FlowLayout

if TYPE_CHECKING:
    from ui.context import AppContext

SEARCH_DELAY_MS = 250


def status_choices(kind: str) -> list[tuple[str, tuple[str, ...]]]:
    choices = [
        (tr("全部"), ()),
        (tr("未办结"), ("registered", "in_progress")),
        (tr("待受理"), ("registered",)),
        (tr("办理中") if kind == "petition" else tr("调解中"), ("in_progress",)),
        (tr("已办结"), ("closed",)),
    ]
    if kind == "petition":
        choices.append((tr("不予受理"), ("rejected",)))
    return choices


def filter_choices(db, kind: str) -> dict[str, list[str]]:
    """Runs on a worker: the values offered by the 类别, 街镇 and 承办人 filters."""
    settings = db.settings()
    # The office's category list (retired ones too: old cases still carry them).
    defaults = [c.name for c in lookups.list_categories(db, kind)]

    def merged(first, used) -> list[str]:
        return list(dict.fromkeys([*first, *used]))

    return {
        "category": merged(defaults, queries.distinct_values(db, "category", kind)),
        "street": merged(settings.streets, queries.distinct_values(db, "street", kind)),
        "handler": merged(settings.handlers, queries.distinct_values(db, "handler")),
    }


def stats_label(name: str) -> str:
    labels = {"received": "登记", "handled": "办理", "closed": "已办结",
              "closed_on_time": "按期办结", "overdue_open": "超期未结", "rejected": "不予受理",
              "proxy": "信访代理", "entered": "已录入", "diverted": "转人民调解",
              "concluded": "调结", "succeeded": "调解成功", "performed": "协议已履行"}
    return tr(labels.get(name, name))


def choice_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(tr("全部"), None)
    combo.setMinimumContentsLength(4)  # 4: the bar fits a 150 % screen (~700 px)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMaxVisibleItems(20)
    combo.setMaximumWidth(240)  # wide screens: the bar stays compact, not stretched
    return combo


def date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def select_data(combo: QComboBox, value) -> None:
    """Select the entry holding ``value``, adding it when the combo does not offer it."""
    index = combo.findData(value)
    if index < 0 and value is not None:
        combo.addItem(str(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class FilterBar(QWidget):
    """Two rows of filters; ``changed`` after every change (typing: once it pauses)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.extra: dict = {}  # filter parts without a widget (dashboard drill-down)
        self.handlers: list[str] = []  # the 承办人 choices, offered by 分派 too
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("编号/姓名/事项"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(100)  # grows to 320 where there is room
        self.search.setMaximumWidth(320)
        bar.addWidget(self.search, 2)
        self.status_combo = QComboBox()
        self.status_combo.setMaximumWidth(200)
        for label, statuses in status_choices(kind):
            self.status_combo.addItem(label, statuses)
        self.category_combo = choice_combo()
        self.street_combo = choice_combo()
        self.handler_combo = choice_combo()
        for label, combo in ((tr("状态"), self.status_combo), (tr("类别"), self.category_combo),
                             (tr("街镇"), self.street_combo), (tr("承办人"), self.handler_combo)):
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addSpacing(2)
            bar.addWidget(caption)
            bar.addWidget(combo, 1)
        bar.addStretch(1)
        layout.addLayout(bar)

        bar2 = FlowLayout(spacing=6)  # wraps where the page is narrow (150 % scaling)
        self.date_check = QCheckBox(tr("登记日期"))
        self.date_check.setToolTip(tr("不勾选时不限登记日期"))
        today = ctx.today()
        self.date_from = date_edit(QDate(today.year, 1, 1))
        self.date_to = date_edit(QDate(today.year, today.month, today.day))
        self.date_any = QLabel(tr("不限"))
        self.date_any.setProperty("role", "muted")
        bar2.addWidget(self.date_check)
        bar2.addWidget(self.date_any)
        bar2.addWidget(self.date_from)
        self.date_sep = QLabel("～")
        bar2.addWidget(self.date_sep)
        bar2.addWidget(self.date_to)
        bar2.addSpacing(16)
        self.overdue_check = QCheckBox(tr("仅当前超期"))
        bar2.addWidget(self.overdue_check)
        bar2.addSpacing(16)
        # Disputes: 风险等级 and a 预防成效 flag (the combos exist for that list only).
        self.risk_combo: QComboBox | None = None
        self.prevention_combo: QComboBox | None = None
        if kind == wf.Kind.DISPUTE.value:
            self.risk_combo, self.prevention_combo = QComboBox(), QComboBox()
            for label, combo, values in (
                    (tr("风险等级"), self.risk_combo, wf.RISK_GRADES),
                    (tr("预防成效"), self.prevention_combo, tuple(wf.PREVENTION_FLAGS.values()))):
                combo.addItem(tr("全部"), None)
                for value in values:
                    combo.addItem(tr(value), value)
                caption = QLabel(label)
                caption.setBuddy(combo)
                bar2.addWidget(caption)
                bar2.addWidget(combo)
                combo.currentIndexChanged.connect(lambda _i: self._changed())
            bar2.addSpacing(16)
        self.extra_label = QLabel()
        self.extra_label.setProperty("role", "muted")
        bar2.addWidget(self.extra_label)
        self.clear_button = QPushButton(tr("清除筛选"))
        self.clear_button.clicked.connect(self.clear)
        bar2.addWidget(self.clear_button)
        bar2.addStretch(1)
        layout.addLayout(bar2)
        self._show_date_range(False)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._changed)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._changed)
        for combo in (self.status_combo, self.category_combo, self.street_combo,
                      self.handler_combo):
            combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.date_check.toggled.connect(self._date_toggled)
        self.date_from.dateChanged.connect(lambda _d: self._changed())
        self.date_to.dateChanged.connect(lambda _d: self._changed())
        self.overdue_check.toggled.connect(lambda _c: self._changed())
        self.update_clear_button()

    # -- choices -----------------------------------------------------------------------

    def reload_choices(self) -> None:
        self.ctx.runner.run(self, filter_choices, self.ctx.db, self.kind,
                            on_done=self._choices_arrived, on_error=lambda _e: None)

    def _choices_arrived(self, choices: dict[str, list[str]]) -> None:
        self._fill(self.category_combo, choices["category"], unset=False)
        self._fill(self.street_combo, choices["street"], unset=True)
        self._fill(self.handler_combo, choices["handler"], unset=True)
        self.handlers = choices["handler"]

    def _fill(self, combo: QComboBox, values: list[str], unset: bool) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("全部"), None)
        if unset:
            combo.addItem(tr("（未填写）"), stats.UNSET)
        for value in values:
            combo.addItem(value, value)
        select_data(combo, current)
        combo.blockSignals(False)

    # -- the filter --------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        ranged = self.date_check.isChecked()
        return CaseFilter(
            kind=self.kind,
            statuses=tuple(self.status_combo.currentData() or ()),
            category=self.category_combo.currentData(),
            street=self.street_combo.currentData(),
            handler=self.handler_combo.currentData(),
            received_from=self.date_from.date().toPython() if ranged else None,
            received_to=self.date_to.date().toPython() if ranged else None,
            overdue_only=self.overdue_check.isChecked(),
            text=self.search.text().strip(),
            today=self.ctx.today(),
            risk_grade=self.risk_combo.currentData() if self.risk_combo else None,
            prevention=self.prevention_combo.currentData() if self.prevention_combo else None,
            **self.extra,
        )

    def set_filter(self, flt: CaseFilter) -> None:
        """Show ``flt`` in the widgets (the rest in 另加条件), then say it changed."""
        widgets = [self.search, self.status_combo, self.category_combo, self.street_combo,
                   self.handler_combo, self.date_check, self.date_from, self.date_to,
                   self.overdue_check]
        widgets += [c for c in (self.risk_combo, self.prevention_combo) if c is not None]
        for w in widgets:
            w.blockSignals(True)
        try:
            self.search.setText(flt.text or "")
            extra: dict = {}
            index = next((i for i in range(self.status_combo.count())
                          if set(self.status_combo.itemData(i) or ()) == set(flt.statuses)), -1)
            if index < 0:
                index = 0
                extra["statuses"] = tuple(flt.statuses)
            self.status_combo.setCurrentIndex(index)
            select_data(self.category_combo, flt.category)
            select_data(self.street_combo, flt.street)
            select_data(self.handler_combo, flt.handler)
            ranged = flt.received_from is not None or flt.received_to is not None
            self.date_check.setChecked(ranged)
            if flt.received_from:
                self.date_from.setDate(QDate(flt.received_from))
            else:
                self.date_from.setDate(QDate(2000, 1, 1) if ranged else
                                       QDate(self.ctx.today().year, 1, 1))
            self.date_to.setDate(QDate(flt.received_to or self.ctx.today()))
            self._show_date_range(ranged)
            self.overdue_check.setChecked(flt.overdue_only)
            if self.risk_combo is not None and self.prevention_combo is not None:
                select_data(self.risk_combo, flt.risk_grade)
                select_data(self.prevention_combo, flt.prevention)
            if flt.figure:
                extra["figure"] = flt.figure
            if flt.due_soon_only:
                extra["due_soon_only"] = True
            if flt.source:
                extra["source"] = flt.source
            if flt.outcome:
                extra["outcome"] = flt.outcome
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.extra = extra
        self._changed()

    def clear(self) -> None:
        self.set_filter(CaseFilter(kind=self.kind))

    def is_default(self, flt: CaseFilter) -> bool:
        return flt == CaseFilter(kind=self.kind, today=flt.today)

    def update_clear_button(self) -> None:
        # Always shown (a steady layout), usable only when there is something to clear.
        self.clear_button.setEnabled(not self.is_default(self.current_filter()))
        parts = []
        if "figure" in self.extra:
            name, f, t = self.extra["figure"]
            parts.append(tr("统计口径「{0}」{1}～{2}").format(
                stats_label(name), f.isoformat(), t.isoformat()))
        if self.extra.get("due_soon_only"):
            parts.append(tr("即将到期"))
        if "source" in self.extra:
            parts.append(tr("来源：{0}").format(self.extra["source"]))
        if "outcome" in self.extra:
            parts.append(tr("办理结果：{0}").format(self.extra["outcome"]))
        if "statuses" in self.extra:
            parts.append(tr("状态：{0}").format("、".join(
                wf.status_label(self.kind, s) for s in self.extra["statuses"])))
        self.extra_label.setText(tr("另加条件：") + "，".join(parts) if parts else "")
        self.extra_label.setVisible(bool(parts))

    def _changed(self) -> None:
        self._search_timer.stop()
        self.update_clear_button()
        self.changed.emit()

    def _date_toggled(self, on: bool) -> None:
        self._show_date_range(on)
        self._changed()

    def _show_date_range(self, on: bool) -> None:
        self.date_any.setVisible(not on)
        for w in (self.date_from, self.date_sep, self.date_to):
            w.setVisible(on)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
