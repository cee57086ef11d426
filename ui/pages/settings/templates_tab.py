"""设置 → 文书模板: the office's wording of each document (caseapp/reports/wording.py): the text
with its placeholders, a live preview of the document printed for a sample case, 保存 and
恢复默认 (each one act). Only an administrator edits; others see the texts and the preview."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp.errors import ValidationError
from caseapp.reports.wording import PLACEHOLDERS, TEMPLATES, check_text, fill, sample_values
from caseapp.workflow import Act
from ui.i18n import tr
from ui.pages.settings.fields import PRIMARY_DISABLED, error_label, muted, scroll_area
from ui.tasks import show_error
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext

DEBOUNCE_MS = 400
PAGE_PX = 900  # the width the first page is rendered at (shown scaled to the pane)


@dataclass(frozen=True)
class Preview:
    seq: int  # which request it answers (older answers are dropped)
    image: QImage | None  # the first page; None: no case offers the document
    number: str  # the sample case's number
    text: str  # the text filled with sample values (when there is no case)


def render_first_page(db, key: str, text: str, folder: str, seq: int) -> Preview:
    """Runs on a worker: the document printed with ``text`` for the sample case and its first
    page as an image (QtPdf, imported here so the page opens without it)."""
    from caseapp.reports.template_preview import render_preview

    path = Path(folder) / f"preview-{seq % 2}.pdf"
    made = render_preview(db, key, text, path)
    if made is None:
        return Preview(seq, None, "", fill(text, sample_values(key)))
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(made[0]))
    points = doc.pagePointSize(0)
    width = PAGE_PX
    height = round(PAGE_PX * points.height() / points.width()) if points.width() else PAGE_PX
    image = doc.render(0, QSize(width, height))
    doc.close()
    return Preview(seq, image, made[1], "")


class TemplatesTab(QWidget):
    """The chooser, the editor and the placeholders at the left, the preview at the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.may_edit = ctx.may(Act.SETTINGS)
        self.stored: dict[str, str] | None = None  # the office's overrides, once read
        self.key = next(iter(TEMPLATES))
        self._seq = 0
        self._busy = False
        self._pending = False  # a preview asked for while the tab was hidden
        self._folder = tempfile.TemporaryDirectory(prefix="casedesk-preview-")
        self._image: QImage | None = None

        self.chooser = QComboBox(self)
        for t in TEMPLATES.values():
            self.chooser.addItem(tr(t.label), t.key)
        self.state = muted("", self)
        self.editor = QPlainTextEdit(self)
        self.editor.setMinimumHeight(110)
        self.editor.setTabChangesFocus(True)
        self.error = error_label(self)
        self.fields = QListWidget(self)
        self.fields.setToolTip(tr("双击插入到光标处"))
        self.fields.setMinimumHeight(72)
        self.restore_button = QPushButton(tr("恢复默认"), self)
        self.save_button = QPushButton(tr("保存模板"), self)
        self.save_button.setProperty("primary", True)
        self.save_button.setStyleSheet(PRIMARY_DISABLED)
        self.reason = muted(tr("只有管理员可以修改文书模板。"), self)
        self.reason.setVisible(not self.may_edit)
        if not self.may_edit:
            self.editor.setReadOnly(True)
            for b in (self.save_button, self.restore_button):
                b.setToolTip(tr("只有管理员可以修改文书模板"))

        form = QWidget(self)
        col = QVBoxLayout(form)
        col.setContentsMargins(0, 0, 8, 0)
        col.addWidget(muted(tr("文书中的固定文字可按本单位的习惯修改；花括号中的占位符在打印时换成案件的"
                               "内容，案件中没有的内容打印为下划线空白。表格和签名栏不在此修改。"), form))
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("文书"), form))
        row.addWidget(self.chooser, 1)
        col.addLayout(row)
        col.addWidget(self.state)
        col.addWidget(self.editor, 3)
        col.addWidget(self.error)
        col.addWidget(QLabel(tr("可用的占位符（双击插入）"), form))
        col.addWidget(self.fields, 2)
        buttons = QHBoxLayout()  # outside the scrolled form: always in sight
        buttons.setContentsMargins(0, 6, 8, 0)
        buttons.addWidget(self.reason, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.save_button)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(scroll_area(form, left), 1)  # a short screen scrolls the form
        left_lay.addLayout(buttons)

        self.preview_title = muted(tr("预览"), self)
        self.preview_label = QLabel(self)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_label.setWordWrap(True)
        self.preview_label.setMinimumWidth(200)
        right = QWidget(self)
        pane = QVBoxLayout(right)
        pane.setContentsMargins(8, 0, 0, 0)
        pane.addWidget(self.preview_title)
        self.preview_area = scroll_area(self.preview_label, right)
        pane.addWidget(self.preview_area, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 1000])  # half and half, whatever the width
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 14, 20, 14)
        lay.addWidget(self.splitter)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.editor.textChanged.connect(self._typed)
        self.fields.itemDoubleClicked.connect(self._insert)
        self.save_button.clicked.connect(self.save)
        self.restore_button.clicked.connect(self.restore)
        self._show_fields()
        self._update_state()
        self.reload()

    # -- reading ----------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.runner.run(self, services.document_templates, self.ctx.db,
                            on_done=self._loaded, on_error=lambda exc: show_error(self, exc))

    def _loaded(self, stored: dict[str, str]) -> None:
        first = self.stored is None
        self.stored = dict(stored)
        if first or not self.is_dirty():
            self._show_text()

    def saved_text(self, key: str | None = None) -> str:
        key = key or self.key
        return (self.stored or {}).get(key) or TEMPLATES[key].default

    def is_dirty(self) -> bool:
        return self.stored is not None and self.editor.toPlainText() != self.saved_text()

    # -- editing ----------------------------------------------------------------

    def _show_text(self) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.saved_text())
        self.editor.blockSignals(False)
        self.error.hide()
        self._update_state()
        self.refresh_preview()

    def _show_fields(self) -> None:
        self.fields.clear()
        for name in TEMPLATES[self.key].fields:
            item = QListWidgetItem(f"{{{name}}}　{tr(PLACEHOLDERS[name][0])}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.fields.addItem(item)
        if not TEMPLATES[self.key].fields:
            self.fields.addItem(tr("（此段没有占位符：每行一项，自动编号）"))

    def _chosen(self, index: int) -> None:
        key = self.chooser.itemData(index)
        if key == self.key:
            return
        if self.is_dirty() and not forms.confirm(
                self, tr("「{0}」有未保存的修改，放弃这些修改吗？").format(TEMPLATES[self.key].label)):
            self.chooser.blockSignals(True)
            self.chooser.setCurrentIndex(self.chooser.findData(self.key))
            self.chooser.blockSignals(False)
            return
        self.key = key
        self._show_fields()
        self._show_text()

    def _typed(self) -> None:
        problems = check_text(self.key, self.editor.toPlainText())
        self.error.setText(problems[0].message if problems else "")
        self.error.setVisible(bool(problems))
        self._update_state()
        self.timer.start()  # debounced: the preview follows once typing pauses

    def _insert(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if name and self.may_edit:
            self.editor.insertPlainText(f"{{{name}}}")
            self.editor.setFocus()

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        own = self.key in (self.stored or {})
        if self.stored is None:
            text = tr("正在读取…")
        elif dirty:
            text = tr("有未保存的修改")
        else:
            text = tr("本单位修改过的文本") if own else tr("程序自带的文本")
        self.state.setText(text)
        self.save_button.setEnabled(self.may_edit and dirty)
        differs = own or self.editor.toPlainText() != TEMPLATES[self.key].default
        self.restore_button.setEnabled(self.may_edit and self.stored is not None and differs)

    # -- preview ----------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render now (a render already running: once more when it answers)."""
        self.timer.stop()
        if not self.isVisible():  # the settings page opens on another tab: render when shown
            self._pending = True
            return
        self._pending = False
        if check_text(self.key, self.editor.toPlainText()):
            return  # the message says why; the last good preview stays
        if self._busy:
            self.timer.start()
            return
        self._busy = True
        self._seq += 1
        self.ctx.runner.run(self, render_first_page, self.ctx.db, self.key,
                            self.editor.toPlainText(), self._folder.name, self._seq,
                            on_done=self._previewed, on_error=self._preview_failed)

    def _previewed(self, p: Preview) -> None:
        self._busy = False
        if p.seq != self._seq:
            return
        self._image = p.image
        if p.image is None:
            self.preview_title.setText(tr("预览：还没有可以出具此文书的案件，以下为示例内容"))
            self.preview_label.setPixmap(QPixmap())
            self.preview_label.setText(p.text)
        else:
            self.preview_title.setText(tr("预览：{0}（第1页）").format(p.number))
            self.preview_label.setText("")
            self._scale()

    def _preview_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.preview_label.setPixmap(QPixmap())
        self.preview_label.setText(tr("无法预览：{0}").format(exc))

    def _scale(self) -> None:
        if self._image is None:
            return
        width = max(200, self.preview_area.viewport().width() - 4)
        pixmap = QPixmap.fromImage(self._image).scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation)
        self.preview_label.setPixmap(pixmap)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._pending:
            self.refresh_preview()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._scale()

    # -- acts -------------------------------------------------------------------

    def save(self) -> None:
        if not (self.may_edit and self.is_dirty()):
            return
        key, text = self.key, self.editor.toPlainText()
        self.save_button.setEnabled(False)
        self.ctx.act(self, services.set_template, self.ctx.db, self.ctx.actor, key, text,
                     on_done=lambda _r: self._stored(key, text), on_error=self._refused,
                     changed=())

    def _stored(self, key: str, text: str) -> None:
        stored = dict(self.stored or {})
        if text.strip() == TEMPLATES[key].default:
            stored.pop(key, None)
        else:
            stored[key] = text.strip("\n")
        self.stored = stored
        if key == self.key:
            self._show_text()
        self.state.setText(tr("模板已保存"))

    def _refused(self, exc: BaseException) -> None:
        self._update_state()
        if isinstance(exc, ValidationError):
            self.error.setText("；".join(p.message for p in exc.problems))
            self.error.show()
        else:
            show_error(self, exc)

    def restore(self) -> None:
        t = TEMPLATES[self.key]
        if not forms.confirm(self, tr("把「{0}」恢复为程序自带的文本吗？本单位修改的文本将不再使用。")
                             .format(t.label)):
            return
        key = self.key
        self.restore_button.setEnabled(False)
        self.ctx.act(self, services.restore_template, self.ctx.db, self.ctx.actor, key,
                     on_done=lambda _r: self._restored(key), on_error=self._refused, changed=())

    def _restored(self, key: str) -> None:
        self.stored = {k: v for k, v in (self.stored or {}).items() if k != key}
        if key == self.key:
            self._show_text()
        self.state.setText(tr("已恢复默认"))


__all__ = ["TemplatesTab", "render_first_page"]
