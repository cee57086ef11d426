"""上报包 on the import window: 导出上报包… (an office's cases for the district, asking for the
office's code when it has none) and 导入上报包… (a district taking an office's package), each a
caseapp job with progress, ending in a summary (docs/package.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseapp import exchange
from caseapp import workflow as wf
from caseapp.progress import Cancelled
from caseapp.services import offices
from ui.i18n import tr
from ui.style import CLOSED, OVERDUE
from ui.tasks import error_text

if TYPE_CHECKING:
    from ui.context import AppContext

# ---------------------------------------------------------------------------
# The choosers as module functions, so tests can replace them (no modal dialogs in tests).


def choose_package_to_save(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, tr("导出上报包"), suggested,
                                          tr("上报包 (*.zip)"))
    return path


def choose_package_to_open(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, tr("选择要导入的上报包"), "",
                                          tr("上报包 (*.zip)"))
    return path


def ask_office_code(parent: QWidget, office_name: str) -> str:
    code, ok = QInputDialog.getText(
        parent, tr("设置单位代码"),
        tr("{name}还没有单位代码。上报包须带单位代码，区里凭它认出本单位。\n"
           "请填写区里统一分配的代码（如 A01；字母、数字或 _ . -）：").format(name=office_name))
    return code.strip() if ok else ""


class PackagePanel(QFrame):
    """The card with both buttons and the last result."""

    imported = Signal(object)  # the PackageResult, after an import that succeeded

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._task = None
        self.last_result = None  # the PackageInfo or PackageResult of the last success
        self.setProperty("card", True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(8)
        text = QLabel(tr("<b>上报包</b>：单位把全部案件、当事人、办理过程和排查台账导出为一个文件，"
                         "区里导入后按单位统计。可以重复导入，较新的案件替换旧的，不会重复。"), self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(text, 1)
        self.export_button = QPushButton(tr("导出上报包…"), self)
        self.export_button.setToolTip(tr("把本单位的案件导出为上报包，交给区里导入"))
        self.export_button.clicked.connect(self.start_export)
        self.import_button = QPushButton(tr("导入上报包…"), self)
        self.import_button.setToolTip(tr("区里：导入一个单位的上报包（重复导入不会重复）"))
        self.import_button.clicked.connect(self.start_import)
        row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setVisible(False)
        lay.addWidget(self.result_label)
        self._update_buttons()

    def busy(self) -> bool:
        return self._task is not None

    def _update_buttons(self) -> None:
        allowed = self.ctx.may(wf.Act.FULL_PERSONAL)  # a package holds every party's data
        for button in (self.export_button, self.import_button):
            button.setEnabled(allowed and not self.busy())
            if not allowed:
                button.setToolTip(tr("只有管理员可以导出或导入上报包"))

    def _show(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(f"color: {OVERDUE if error else CLOSED};")
        self.result_label.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        if isinstance(exc, Cancelled):
            self._show(tr("已取消，没有写入任何内容。"), error=True)
        else:
            self._show(error_text(exc), error=True)
        self._update_buttons()

    # -- export ---------------------------------------------------------------

    def start_export(self) -> None:
        if self.busy():
            return
        self._task = self.ctx.runner.run(self, exchange.package_office, self.ctx.db,
                                         on_done=self._office_known, on_error=self._failed)
        self._update_buttons()

    def _office_known(self, office: tuple[int, str, str]) -> None:
        self._task = None
        office_id, code, name = office
        if code:
            self._choose_target(code)
            return
        code = ask_office_code(self, name)
        if not code:
            self._show(tr("未导出：上报包须带单位代码。"), error=True)
            self._update_buttons()
            return
        self._task = self.ctx.act(self, offices.set_office_code, self.ctx.db, self.ctx.actor,
                                  office_id, code, changed=(),
                                  on_done=lambda _r: self._code_set(code), on_error=self._failed)
        self._update_buttons()

    def _code_set(self, code: str) -> None:
        self._task = None
        self._choose_target(code)

    def _choose_target(self, code: str) -> None:
        suggested = tr("上报包-{code}-{day}.zip").format(
            code=code, day=self.ctx.today().strftime("%Y%m%d"))
        target = choose_package_to_save(self, suggested)
        if not target:
            self._update_buttons()
            return
        if not target.lower().endswith(".zip"):
            target += ".zip"
        db, actor = self.ctx.db, self.ctx.actor
        self._task = self.ctx.runner.run_job(
            self, tr("正在导出上报包"), lambda: exchange.export_package(db, actor, target),
            on_done=self._exported, on_error=self._failed)
        self._update_buttons()

    def _exported(self, info) -> None:
        self._task = None
        self.last_result = info
        self._show(tr("✓ 已导出上报包 {file}：{name}（{code}），案件 {n} 件，排查台账 {w} 条。"
                      "请把这个文件交给区里导入。").format(
            file=info.path.name, name=info.office_name, code=info.office_code, n=info.cases,
            w=info.worklog))
        self._update_buttons()

    # -- import ---------------------------------------------------------------

    def start_import(self) -> None:
        if self.busy():
            return
        path = choose_package_to_open(self)
        if not path:
            return
        self._task = self.ctx.act(self, exchange.import_package, self.ctx.db, self.ctx.actor,
                                  Path(path), job_title=tr("正在导入上报包"), changed=(),
                                  on_done=self._imported, on_error=self._failed)
        self._update_buttons()

    def _imported(self, result) -> None:
        self._task = None
        self.last_result = result
        made = tr("（新单位）") if result.office_created else ""
        self._show(tr("✓ 已导入上报包：{name}（{code}）{made}，案件 {n} 件：新增 {a} 件，"
                      "更新 {r} 件，未变 {u} 件；新增当事人 {p} 人；排查台账新增 {wa} 条，"
                      "更新 {wu} 条。").format(
            name=result.office_name, code=result.office_code, made=made, n=result.cases,
            a=result.added, r=result.replaced, u=result.unchanged, p=result.persons_added,
            wa=result.worklog_added, wu=result.worklog_updated))
        self._update_buttons()
        self.imported.emit(result)
