"""IntakeDialog: the case box and the parties box in one scrolling form, 保存 / 保存并新建,
the problems of a refused save shown beside their fields, the question before saving a
likely 重复信访, and after 保存并新建 the panel with the new number and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.queries.choices import Choices, load_choices
from ui.dialogs.intake.case_form import CaseForm
from ui.dialogs.intake.drafts import earlier_petitions, split_problems
from ui.dialogs.intake.parties import PartiesBox
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_to_screen
from ui.widgets.forms import InlineErrors, watch_edits

if TYPE_CHECKING:
    from ui.context import AppContext

RECHECK_DELAY_MS = 250


class IntakeDialog(QDialog):
    saved = Signal(int)
    open_requested = Signal(int)  # 打开 on the saved panel: the window opens that case
    print_requested = Signal(int)  # 打印受理告知书: the window opens it and its print menu

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = wf.Kind(kind).value
        self.petition = self.kind == wf.Kind.PETITION.value
        self.choices = Choices.defaults(self.kind)
        self.last_saved: services.CaseRef | None = None
        self.left_for_next_step = False  # closed by 打开 / 打印受理告知书, not by 保存
        self._saving = False
        self.setWindowTitle(tr("新建信访件") if self.petition else tr("新建矛盾纠纷"))
        self._build()
        self.party_box.reset()
        fit_to_screen(self, 1000, 700)  # at 150 % the screen is 910×512: the form scrolls
        ctx.runner.run(self, load_choices, ctx.db, self.kind, on_done=self._choices_loaded,
                       on_error=lambda _e: None)  # the defaults above still work

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.windowTitle())
        title.setProperty("role", "title")
        outer.addWidget(title)
        # Messages and the saved panel sit below the scrolling form, never above it: showing
        # them shrinks the view from the bottom instead of pushing the fields under the mouse.
        self.general = forms.error_label()
        self.errors = InlineErrors(self.general)

        self.case_form = CaseForm(self.ctx, self.kind, self.errors)
        self.party_box = PartiesBox(self.ctx, self.kind, self.case_form.category.currentText)
        self.case_form.category.currentTextChanged.connect(self.party_box.show_hint)
        self.party_box.hint_appeared.connect(
            lambda: QTimer.singleShot(0, self, self._scroll_to_hint))
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(10)
        body.addWidget(self.case_form)
        body.addWidget(self.party_box)
        body.addStretch(1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.general)
        outer.addWidget(self._build_saved_panel())

        bar = QHBoxLayout()
        self.problem_count = forms.error_label()
        self.problem_count.setWordWrap(False)
        bar.addWidget(self.problem_count)
        bar.addStretch(1)
        self.save_button = QPushButton(tr("保存"))
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(tr("保存并关闭（Ctrl+S）"))
        self.save_button.clicked.connect(lambda: self.save(new_after=False))
        self.save_new_button = QPushButton(tr("保存并新建"))
        self.save_new_button.setAutoDefault(False)
        self.save_new_button.setToolTip(tr("保存后接着登记下一件（Ctrl+Shift+S）"))
        self.save_new_button.clicked.connect(lambda: self.save(new_after=True))
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.save_button, self.save_new_button, self.cancel_button):
            bar.addWidget(b)
        outer.addLayout(bar)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save(False))
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=lambda: self.save(True))
        # After a refused save, each edit re-checks (briefly delayed) so the count is live.
        self._recheck_timer = QTimer(self, singleShot=True, interval=RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self.recheck)
        self._problems_shown = False
        watch_edits(content, self._edited)

    def _edited(self, *_args) -> None:
        if self._problems_shown:
            self._recheck_timer.start()

    def recheck(self) -> None:
        """Re-check what was refused: the count says how many problems are left, the rows
        that showed one say whether it still holds; nothing moves."""
        if not self._problems_shown:
            return
        self.party_box.editor_changed()
        _data, problems = self.case_form.collect()
        party_problems = self.party_box.problems()
        self.errors.recheck(problems)
        current = self.party_box.current_index()
        self.party_box.party_errors.recheck(
            [Problem(f, m) for i, f, m in party_problems if i is not None and i == current])
        self._show_count(len(problems) + len(party_problems))

    def _show_count(self, total: int) -> None:
        if total:
            self.problem_count.setProperty("role", "fieldError")
            self.problem_count.setText(tr("还有 {0} 处需要修改，见标红的项目").format(total))
        else:
            self.problem_count.setProperty("role", "fieldFixed")
            self.problem_count.setText(tr("已全部修改，可以保存"))
        forms.repolish(self.problem_count)
        self.problem_count.show()

    def _build_saved_panel(self) -> QFrame:
        """已保存 and the next steps; shown by 保存并新建 until 继续登记 or the next save."""
        self.saved_panel = panel = QFrame()
        panel.setObjectName("savedPanel")
        panel.setStyleSheet("QFrame#savedPanel { background: #dafbe1; border: 1px solid #4ac26b;"
                            " border-radius: 6px; }")
        row = QHBoxLayout(panel)
        row.setContentsMargins(12, 8, 12, 8)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #1a7f37; font-weight: bold; border: none;")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.status_label, 1)
        self.open_button = QPushButton(tr("打开"))
        self.open_button.setToolTip(tr("关闭本窗口，打开刚保存的案件"))
        self.open_button.clicked.connect(lambda: self._leave_for(self.open_requested))
        self.print_button = QPushButton(tr("打印受理告知书"))
        self.print_button.setToolTip(tr("打开刚保存的案件并显示打印菜单（受理后可出具告知书）"))
        self.print_button.clicked.connect(lambda: self._leave_for(self.print_requested))
        self.print_button.setVisible(self.petition)
        self.continue_button = QPushButton(tr("继续登记"))
        self.continue_button.clicked.connect(self.continue_intake)
        for b in (self.open_button, self.print_button, self.continue_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        panel.hide()
        return panel

    def _leave_for(self, signal) -> None:
        """打开 / 打印受理告知书: close (asking first if a next case was begun), then say so."""
        if self.last_saved is None:
            return
        if self.is_dirty() and not forms.confirm(self, tr("放弃已填写的内容吗？")):
            return
        case_id = self.last_saved.id
        self.left_for_next_step = True
        super().accept()
        signal.emit(case_id)

    def continue_intake(self) -> None:
        """继续登记: the form is already empty for the next case; the panel goes."""
        self.saved_panel.hide()
        self.case_form.summary.setFocus()

    def _scroll_to_hint(self) -> None:
        # The hint sits under the party editor: bring it into view when it appears.
        self.scroll.ensureWidgetVisible(self.party_box.hint, 0, 8)

    def _choices_loaded(self, choices: Choices) -> None:
        self.choices = choices
        self.case_form.set_choices(choices)

    # ------------------------------------------------------------------ saving

    def save(self, new_after: bool = False) -> None:
        if self._saving:
            return
        self.party_box.editor_changed()
        data, problems = self.case_form.collect()
        party_problems = self.party_box.problems()
        if problems or party_problems:
            self.show_problems(problems, party_problems)
            return
        self.errors.clear_errors()
        self.party_box.party_errors.clear_errors()
        self.problem_count.hide()
        self._problems_shown = False
        self.party_box.refresh_table()
        if not self._repeat_confirmed(data.category):
            return
        self._set_saving(True)
        people = self._known_petitioners()
        if not people:
            self._register(data, new_after)
            return
        # 同一事实和理由已复核终结: asked once before saving (the service notes it on 登记 too).
        self.ctx.runner.run(self, queries.final_reviews, self.ctx.db, people, data.category,
                            on_done=lambda numbers: self._after_final_check(numbers, data,
                                                                            new_after),
                            on_error=lambda _e: self._register(data, new_after))

    def _known_petitioners(self) -> list[int]:
        if not self.petition:
            return []
        ids = []
        for p in self.party_box.parties:
            m = p.match() if p.role == "信访人" else None
            if m is not None:
                ids.append(m.person_id)
        return ids

    def _after_final_check(self, numbers: list[str], data, new_after: bool) -> None:
        if numbers and not forms.confirm(self, tr(
                "该信访人的同类事项已复核终结（编号{0}）。依照《信访工作条例》，同一事实和理由"
                "提出的信访事项不再受理。仍要登记吗？（登记记录中会注明）").format("、".join(numbers))):
            self._set_saving(False)
            return
        self._register(data, new_after)

    def _register(self, data, new_after: bool) -> None:
        fn = services.register_petition if self.petition else services.register_dispute
        self.ctx.act(self, fn, self.ctx.db, self.ctx.actor, data, self.party_box.inputs(),
                     on_done=lambda ref: self._saved(ref, new_after),
                     on_error=self._save_failed)

    def _repeat_confirmed(self, category: str) -> bool:
        """A likely 重复信访 is saved only once the clerk says so (the service sets the flag)."""
        numbers = earlier_petitions(self.party_box.parties, category) if self.petition else []
        return not numbers or forms.confirm(self, tr(
            "该信访人已有同类信访（编号{0}），确认为重复信访并保存？").format("、".join(numbers)))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for b in (self.save_button, self.save_new_button):
            b.setEnabled(not saving)

    def _saved(self, ref: services.CaseRef, new_after: bool) -> None:
        self._set_saving(False)
        self.last_saved = ref
        self.status_label.setText(tr("已保存：{0}").format(ref.number))
        self.saved.emit(ref.id)
        if new_after:
            self.clear_case()
            self.saved_panel.show()
        else:
            super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if not isinstance(exc, ValidationError):
            forms.report_error(self, exc)
            return
        self.show_problems(*split_problems(exc.problems, self.party_box.parties, self.petition))

    def show_problems(self, problems: list[Problem], party_problems: list[tuple]) -> None:
        """Case problems beside their fields; party problems beside the party editor, the
        first party with a problem selected so its fields show them."""
        self.errors.set_errors(problems)
        total = len(problems) + len(party_problems)
        self.problem_count.setProperty("role", "fieldError")
        forms.repolish(self.problem_count)
        self.problem_count.setText(tr("有 {0} 处需要修改，见标红的项目").format(total))
        self.problem_count.setVisible(bool(total))
        self._problems_shown = bool(total)
        self.party_box.show_problems(party_problems)
        if problems:
            first = next((self.errors.rows[p.field] for p in problems
                          if p.field in self.errors.rows), None)
            if first is not None:
                first.editor.setFocus()

    def clear_case(self) -> None:
        """保存并新建: empty the case and the parties, keep 登记日期 and the channel."""
        self.problem_count.hide()
        self._problems_shown = False
        self.errors.clear_errors()
        self.party_box.party_errors.clear_errors()
        self.case_form.clear()
        self.party_box.reset()
        self.case_form.summary.setFocus()

    def is_dirty(self) -> bool:
        return self.case_form.has_input() or self.party_box.has_input()

    def reject(self) -> None:
        if self.is_dirty() and not forms.confirm(self, tr("放弃已填写的内容吗？")):
            return
        super().reject()

    def done(self, result: int) -> None:
        # Closed: no look-up starts or answers any more, no timer touches the labels.
        self.party_box.lookup.stop()
        super().done(result)


__all__ = ["IntakeDialog"]
