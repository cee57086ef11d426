"""打印 in the case view: the case's documents (登记表, 人民调解协议书, 受理告知书), each built on a
worker and shown in a preview whose temporary file goes when the preview closes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from caseapp import queries
from caseapp import workflow as wf
from caseapp.services import audit
from ui.i18n import tr
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext


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
        self.print_actions = {
            "sheet": self.print_menu.addAction(tr("案件登记表")),
            "agreement": self.print_menu.addAction(tr("人民调解协议书")),
            "notice": self.print_menu.addAction(tr("受理告知书")),
        }
        for doc, action in self.print_actions.items():
            action.triggered.connect(lambda _c=False, d=doc: self.print_document(d))
        self.setMenu(self.print_menu)
        self.setEnabled(False)
        self.preview_dialog = None

    def show_case(self, d: queries.CaseDetail) -> None:
        """The documents this case has, each enabled once it can be issued."""
        petition = d.kind == wf.Kind.PETITION.value
        rejected = d.status == wf.Status.REJECTED.value
        self.setEnabled(True)
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
        if self.isEnabled():
            self.showMenu()

    def print_document(self, doc: str) -> None:
        """Build document ``doc`` ("sheet", "agreement", "notice") on a worker, then preview it."""
        from ui.widgets.pdf_preview import new_printout_path

        d = self._detail()
        if d is None:
            return
        action = self.print_actions[doc]
        if not action.isEnabled():
            return
        title = f"{action.text()} {d.number}"
        path = new_printout_path(title)
        self.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            path.unlink(missing_ok=True)
            forms.report_error(self, exc)

        # As the user: ID numbers and phones masked, the printout an event of the audit log.
        # It changes no case, so it is no act to broadcast (the view would reload for nothing).
        self.ctx.runner.run(self, audit.print_case_document, self.ctx.db, self.ctx.actor,
                            d.number, doc, path,
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
