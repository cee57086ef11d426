"""打印 in the case view: the case's documents from the registry (caseapp.reports.documents),
each offered when the case's state allows it, built on a worker and shown in a preview whose
temporary file goes when the preview closes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QWidget

from caseapp import queries
from caseapp.progress import Progress
from caseapp.reports.documents import DOCUMENTS, offered
from caseapp.services import audit
from ui.i18n import tr
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext


DOSSIER = "dossier"


def ask_print_anyway(parent: QWidget, missing: list[str]) -> bool:
    """The 卷宗 lacks required items: name them and ask 仍然打印 / 取消 (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("卷宗缺少必备材料"),
                      tr("本案卷宗缺少以下必备材料：") + "\n\n" + "\n".join(f"· {m}" for m in missing)
                      + "\n\n" + tr("仍然打印时，缺项将列在卷宗情况说明中。"), parent=parent)
    anyway = box.addButton(tr("仍然打印"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is anyway


class PrintButton(QPushButton):
    """The 打印 button and its menu; ``detail`` tells the case shown (None while loading),
    ``view`` is the parent of the previews."""

    def __init__(self, ctx: AppContext, detail: Callable[[], queries.CaseDetail | None], view: QWidget):
        super().__init__(tr("打印"))
        self.ctx = ctx
        self._detail = detail
        self._view = view
        self.setAutoDefault(False)
        self.setToolTip(tr("打印本案文书（Ctrl+P）"))
        self.print_menu = QMenu(self)
        self.print_actions = {}
        for key, spec in DOCUMENTS.items():
            if key == DOSSIER:  # the whole file, apart from the single documents
                self.dossier_separator = self.print_menu.addSeparator()
            self.print_actions[key] = self.print_menu.addAction(tr(spec.title))
        for doc, action in self.print_actions.items():
            action.triggered.connect(lambda _c=False, d=doc: self.print_document(d))
        self.setMenu(self.print_menu)
        self.setEnabled(False)
        self.preview_dialog = None

    def show_case(self, d: queries.CaseDetail) -> None:
        """The documents this case has, each enabled once it can be issued."""
        self.setEnabled(True)
        for action in self.print_actions.values():
            action.setVisible(False)
        for spec, why in offered(d):
            action = self.print_actions[spec.key]
            action.setVisible(True)
            action.setText(tr("打印卷宗…") if spec.key == DOSSIER else tr(spec.label(d)))
            action.setEnabled(why is None)
            action.setToolTip(tr(why) if why else "")
        if DOSSIER in self.print_actions:  # a petition has no 卷宗 yet: no stray separator
            self.dossier_separator.setVisible(self.print_actions[DOSSIER].isVisible())
        self.print_menu.setToolTipsVisible(True)

    def show_print_menu(self) -> None:
        if self.isEnabled():
            self.showMenu()

    def print_document(self, doc: str) -> None:
        """Build document ``doc`` (a key of the registry) on a worker, then preview it."""
        from ui.widgets.pdf_preview import new_printout_path

        d = self._detail()
        if d is None:
            return
        action = self.print_actions[doc]
        if not action.isEnabled():
            return
        gaps = DOCUMENTS[doc].gaps
        missing = gaps(d) if gaps else []
        if missing and not ask_print_anyway(self._view, missing):
            return
        title = f"{tr('人民调解卷宗') if doc == DOSSIER else action.text()} {d.number}"
        path = new_printout_path(title)
        self.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            path.unlink(missing_ok=True)
            forms.report_error(self, exc)

        # As the user: ID numbers and phones masked, the printout an event of the audit log.
        # It changes no case, so it is no act to broadcast (the view would reload for nothing).
        db, actor, number = self.ctx.db, self.ctx.actor, d.number
        if doc == DOSSIER:  # many parts, a few seconds: a busy dialog like the other long jobs
            def job():
                yield Progress(0)
                return audit.print_case_document(db, actor, number, doc, path,
                                                 force=bool(missing))

            self.ctx.runner.run_job(self, tr("正在生成卷宗"), job,
                                    on_done=lambda out: self._document_ready(Path(out), title),
                                    on_error=failed)
            return
        self.ctx.runner.run(self, audit.print_case_document, db, actor, number, doc, path,
                            on_done=lambda out: self._document_ready(Path(out), title),
                            on_error=failed)

    def _document_ready(self, path: Path, title: str) -> None:
        from ui.widgets.pdf_preview import PdfPreviewDialog

        self.setEnabled(self._detail() is not None)
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = PdfPreviewDialog(path, title, self._view, settings=self.ctx.settings())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None: self._preview_closed(dialog, path))
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self, dialog, path: Path) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        path.unlink(missing_ok=True)  # a copy the user wanted was saved with 另存为PDF


__all__ = ["PrintButton"]
