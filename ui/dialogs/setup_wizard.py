"""The first-run setup: after the admin account, a short wizard for the office's names, contact,
number formats, streets and handlers (services.save_office_setup, one act on 完成).

跳过 (or closing the window) saves nothing; every field is also on 设置's tabs, and the workbench
reminds while the office and committee names are unset (docs/用户手册.md, 第一次启动).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp.errors import Problem, ValidationError
from caseapp.storage.settings import OfficeSettings, number_example
from ui.i18n import tr
from ui.tasks import show_error
from ui.widgets.fit import fit_to_screen, scroll_area
from ui.widgets.forms import FormGrid, InlineErrors, error_label, muted

if TYPE_CHECKING:
    from ui.context import AppContext

WIZARD_SIZE = (720, 500)  # asked for; fit_to_screen keeps it within 910×512 at 150 %


def _line(text: str, placeholder: str, longest: int) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(longest)
    return edit


def _lines(values, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit("\n".join(values))
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(120)
    return edit


def _entries(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class SetupPage(QWidget):
    """One step: a one-column form whose fields show their refusals under them; 下一步 checks
    this step's fields with services.check_office_setup."""

    def __init__(self, title: str, subtitle: str, fields: tuple[str, ...]):
        super().__init__()
        self.title, self.subtitle = title, subtitle
        self.fields = fields
        self.general = error_label()
        self.errors = InlineErrors(self.general)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.grid = FormGrid(self.errors, columns=1)
        self.body.addLayout(self.grid)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_area(body), 1)
        outer.addWidget(self.general)

    def finish_body(self, note: str = "") -> None:
        if note:
            self.body.addWidget(muted(note))
        self.body.addStretch(1)

    def show_problems(self, problems: list[Problem]) -> bool:
        """Show the problems of this step's fields; True when there were none."""
        mine = [p for p in problems if p.field in self.fields]
        self.errors.set_errors(mine)
        return not mine


class SetupWizard(QDialog):
    """单位信息 → 编号格式 → 街镇 → 承办人, one step at a time (a paged dialog: QWizard's pages
    outlived the wizard under test and broke the next test's style sheet); 完成 saves everything
    in one act, 跳过 (or Esc, or closing) saves nothing."""

    def __init__(self, ctx: AppContext, settings: OfficeSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year = ctx.today().year
        self.saved_settings: OfficeSettings | None = None
        self._saving = False
        start = services.OfficeSetup.of(settings)
        self.setWindowTitle(tr("单位信息设置"))
        self.setModal(True)
        self.heading = QLabel()
        self.heading.setProperty("role", "title")
        self.step_label = muted()
        self.subtitle = muted()
        self.stack = QStackedWidget()
        self.pages = [self._office_page(start), self._numbers_page(start),
                      self._streets_page(start), self._handlers_page(start)]
        for page in self.pages:
            self.stack.addWidget(page)

        self.skip_button = QPushButton(tr("跳过"))
        self.skip_button.setToolTip(tr("不保存，以后可在 设置 → 单位信息 中填写"))
        self.back_button = QPushButton(tr("上一步"))
        self.next_button = QPushButton(tr("下一步"))
        self.finish_button = QPushButton(tr("完成"))
        self.finish_button.setProperty("primary", True)
        self.skip_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.finish_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.skip_button.setAutoDefault(False)

        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.step_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.show_step(0)
        fit_to_screen(self, *WIZARD_SIZE)

    # -- steps ----------------------------------------------------------------

    def current_index(self) -> int:
        return self.stack.currentIndex()

    def current_page(self) -> SetupPage:
        return self.pages[self.current_index()]

    def show_step(self, index: int) -> None:
        page = self.pages[index]
        self.stack.setCurrentIndex(index)
        self.heading.setText(page.title)
        self.subtitle.setText(page.subtitle)
        self.step_label.setText(tr("第 {0} 步，共 {1} 步").format(index + 1, len(self.pages)))
        last = index == len(self.pages) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        (self.finish_button if last else self.next_button).setDefault(True)

    def back(self) -> None:
        if self.current_index() > 0:
            self.show_step(self.current_index() - 1)

    def next(self) -> None:
        """下一步: this step's fields checked first; a refused field stays marked here."""
        _clean, problems = services.check_office_setup(self.collect(), self.year)
        if self.current_page().show_problems(problems) and self.current_index() < len(self.pages) - 1:
            self.show_step(self.current_index() + 1)

    # -- pages ----------------------------------------------------------------

    def _office_page(self, s: services.OfficeSetup) -> SetupPage:
        page = SetupPage(tr("单位信息"), tr("这些名称印在调解协议书、告知书和统计报表上。"),
                         ("office_name", "committee_name", "petition_organ", "contact_person",
                          "contact_phone"))
        self.office_name = _line(s.office_name, tr("如：马鞍街道矛盾纠纷调解办"), 64)
        self.committee_name = _line(s.committee_name, tr("全称，如：马鞍街道人民调解委员会"), 64)
        self.petition_organ = _line(s.petition_organ, tr("如：马鞍街道办事处；留空则使用单位名称"), 64)
        self.contact_person = _line(s.contact_person, tr("如：周志强"), 32)
        self.contact_phone = _line(s.contact_phone, tr("手机或固定电话，如：023-72281234"), 20)
        page.grid.add("office_name", tr("单位名称"), self.office_name, required=True)
        page.grid.add("committee_name", tr("人民调解委员会全称"), self.committee_name,
                      required=True)
        page.grid.add("petition_organ", tr("信访事项处理机关"), self.petition_organ,
                      note=tr("答复信访事项的机关，署名在受理告知书上"))
        page.grid.add("contact_person", tr("联系人"), self.contact_person)
        page.grid.add("contact_phone", tr("联系电话"), self.contact_phone)
        page.finish_body(tr("联系人和联系电话印在告知书上，方便信访人询问。"))
        return page

    def _numbers_page(self, s: services.OfficeSetup) -> SetupPage:
        page = SetupPage(tr("编号格式"), tr("新登记的案件按这里的格式自动编号，顺序号每年从1开始。"),
                         ("petition_number_format", "dispute_number_format"))
        self.petition_format = _line(s.petition_number_format, "", 128)
        self.dispute_format = _line(s.dispute_number_format, "", 128)
        self.examples: dict[str, QLabel] = {}
        for name, label, edit in (("petition_number_format", tr("信访件编号"), self.petition_format),
                                  ("dispute_number_format", tr("矛盾纠纷编号"), self.dispute_format)):
            row = page.grid.add(name, label, edit, required=True)
            example = muted()
            example.setParent(row)  # Qt owns it: insertWidget does not hand it over
            row.layout().insertWidget(1, example)
            self.examples[name] = example
            edit.textChanged.connect(self._show_examples)  # a bound method: no cycle via a lambda
        self._show_examples()
        page.finish_body(tr("{year} 填入登记年份；{seq:04d} 填入四位顺序号（不足四位前面补0），"
                            "{seq} 不补0。"))
        return page

    def _show_examples(self) -> None:
        for name, edit in (("petition_number_format", self.petition_format),
                           ("dispute_number_format", self.dispute_format)):
            example, error = number_example(edit.text().strip(), self.year)
            self.examples[name].setText(tr("示例：{0}").format(example) if example else error)

    def example(self, name: str) -> str:
        """The live example under a number format (for tests and screenshots)."""
        return self.examples[name].text()

    def _streets_page(self, s: services.OfficeSetup) -> SetupPage:
        page = SetupPage(tr("街镇"), tr("登记案件时从中选择街镇（也可以直接输入）。"), ("streets",))
        self.streets = _lines(s.streets, tr("每行一个，如：马鞍街道"))
        page.grid.add("streets", tr("街镇"), self.streets)
        page.finish_body(tr("每行一个；以后可在 设置 → 街镇与人员 中修改。"))
        return page

    def _handlers_page(self, s: services.OfficeSetup) -> SetupPage:
        page = SetupPage(tr("承办人"), tr("受理、分派时从中选择承办人。"), ("handlers",))
        me = (self.ctx.display_name or "").strip()
        self.offer_me = QCheckBox(tr("{0}（本人）也是承办人").format(me))
        self.offer_me.setChecked(bool(me))  # offered, pre-ticked
        self.offer_me.setVisible(bool(me))
        others = [h for h in s.handlers if h != me]
        self.handlers = _lines(others, tr("其他承办人，每行一个，如：李明"))
        page.body.insertWidget(0, self.offer_me)
        page.grid.add("handlers", tr("其他承办人"), self.handlers)
        page.finish_body(tr("点「完成」保存全部设置；以后可在 设置 中修改。"))
        return page

    # -- collecting and saving ---------------------------------------------------

    def handler_names(self) -> tuple[str, ...]:
        me = (self.ctx.display_name or "").strip()
        mine = (me,) if me and self.offer_me.isChecked() else ()
        return mine + _entries(self.handlers)

    def collect(self) -> services.OfficeSetup:
        """Every field as the pages show them."""
        return services.OfficeSetup(
            office_name=self.office_name.text(), committee_name=self.committee_name.text(),
            petition_organ=self.petition_organ.text(), contact_person=self.contact_person.text(),
            contact_phone=self.contact_phone.text(),
            petition_number_format=self.petition_format.text(),
            dispute_number_format=self.dispute_format.text(),
            streets=_entries(self.streets), handlers=self.handler_names())

    def accept(self) -> None:
        """完成: every page checked again, then one act; the wizard closes when it is saved."""
        if self._saving:
            return
        clean, problems = services.check_office_setup(self.collect(), self.year)
        if problems:
            self._show_problems(problems)
            return
        self._saving = True
        self.finish_button.setEnabled(False)
        self.ctx.act(self, services.save_office_setup, self.ctx.db, self.ctx.actor, clean,
                     on_done=self._saved, on_error=self._failed, changed=())

    def _saved(self, settings: OfficeSettings) -> None:
        self._saving = False
        self.saved_settings = settings
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.finish_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_problems(exc.problems)
        else:
            show_error(self, exc)

    def _show_problems(self, problems: list[Problem]) -> None:
        """Each problem under its field; the first page with one comes to the front."""
        first = None
        for index, page in enumerate(self.pages):
            if not page.show_problems(problems) and first is None:
                first = index
        if first is not None:
            self.show_step(first)
            self.pages[first].show_problems(problems)  # focus the field on the step shown


def offer_setup(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """The first start, right after the admin account: the wizard, modal, before the main
    window. True when saved; 跳过 leaves the office as it was (the workbench reminds)."""
    # Read at start-up on this thread, like sign_in: nothing else runs yet.
    wizard = SetupWizard(ctx, ctx.db.settings(), parent)
    return wizard.exec() == QDialog.DialogCode.Accepted
