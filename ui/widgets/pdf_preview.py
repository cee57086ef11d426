"""Preview, print and save a PDF that caseapp.reports wrote: a QPdfView with a toolbar
(适合宽度 / 缩小 / 放大, page n/N, 打印…, 另存为PDF…), as a widget for the reports page and as
a dialog for the case documents.

Printing renders each page with QPdfDocument.render into the printer's QPainter at the
printer's resolution (at most PRINT_DPI, so a 1200 dpi PDF printer does not need half a
gigabyte per page), one page at a time with a progress dialog and Cancel.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.widgets.fit import FlowLayout, fit_to_screen

try:  # PySide6-Pdf; without it the page still opens and can save and print nothing
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - the package is a dependency
    QPdfDocument = QPdfView = None

from PySide6.QtPrintSupport import QPrintDialog, QPrinter

PRINT_DPI = 300  # enough for text and tables on paper; higher only costs memory and time
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
PRINTOUTS = "printouts"
KEEP_PRINTOUTS_S = 7 * 24 * 3600


def printouts_dir() -> Path:
    """Where the program writes printouts before they are shown: the data folder's
    printouts subfolder, never the user's current directory."""
    from caseapp.paths import data_dir

    folder = data_dir() / PRINTOUTS
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_printout_path(stem: str) -> Path:
    """A fresh file name in the printouts folder (files are never overwritten: one may be
    open in the preview)."""
    safe = "".join(ch for ch in stem if ch not in '\\/:*?"<>|').strip() or "printout"
    fd, name = tempfile.mkstemp(prefix=f"{safe}-{time.strftime('%Y%m%d-%H%M%S')}-",
                                suffix=".pdf", dir=printouts_dir())
    os.close(fd)
    return Path(name)


def clean_printouts(max_age_s: float = KEEP_PRINTOUTS_S) -> int:
    """Remove printouts older than a week (runs on a worker); returns how many."""
    cutoff = time.time() - max_age_s
    removed = 0
    for path in printouts_dir().glob("*.pdf"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except OSError:  # open in another program: try again next time
            pass
    return removed


def last_folder(settings) -> str:
    folder = settings.value("printouts/lastFolder", "")
    if folder and Path(str(folder)).is_dir():
        return str(folder)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    """Ask where to save (module-level so tests can patch it)."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def make_printer() -> QPrinter:
    """The printer the print dialog starts from (module-level so tests can use a PDF printer)."""
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def copy_file(source: Path, target: Path) -> Path:
    """Copy through a temporary file beside the target and rename: never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def spin(ms: int) -> None:
    """Run the event loop for ``ms`` (screenshots: QPdfView renders on its own threads)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _tool(text: str, tip: str, slot) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button


class _ExtraBar:
    """Where a page adds its own buttons to the toolbar: before 打印…."""

    def __init__(self, bar: FlowLayout):
        self.bar = bar
        self.before: QWidget | None = None

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - as QBoxLayout
        index = self.bar.indexOf(self.before) if self.before is not None else -1
        self.bar.insertWidget(index if index >= 0 else self.bar.count(), widget)


class PdfPreview(QWidget):
    """A PDF on screen with zoom, page n/N, print and save-as."""

    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # the path a copy was saved to
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None, settings=None):
        super().__init__(parent)
        self._settings = settings
        self.path: Path | None = None
        self.suggested_name = "printout.pdf"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        bar = FlowLayout(spacing=4)  # wraps where the page is narrow (150 % scaling)
        self.fit_button = _tool(tr("适合宽度"), tr("按窗口宽度显示整页"), self.fit_width)
        self.fit_button.setCheckable(True)
        self.zoom_out_button = _tool(tr("缩小"), tr("缩小（Ctrl+-）"), self.zoom_out)
        self.zoom_in_button = _tool(tr("放大"), tr("放大（Ctrl++）"), self.zoom_in)
        self.zoom_out_button.setShortcut("Ctrl+-")
        self.zoom_in_button.setShortcut("Ctrl+=")
        self.zoom_label = QLabel()
        self.zoom_label.setProperty("role", "muted")
        self.zoom_label.setMinimumWidth(48)
        self.page_label = QLabel()
        self.page_label.setProperty("role", "muted")
        for w in (self.fit_button, self.zoom_out_button, self.zoom_in_button, self.zoom_label):
            bar.addWidget(w)
        bar.addWidget(self.page_label)
        self.extra_bar = _ExtraBar(bar)  # pages add their own buttons here (e.g. 导出Excel…)
        self.print_button = QPushButton(tr("打印…"))
        self.print_button.setToolTip(tr("选择打印机并打印（Ctrl+P）"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(tr("另存为PDF…"))
        self.save_button.setToolTip(tr("把这份文件另存为 PDF"))
        self.save_button.clicked.connect(self.save_as)
        for b in (self.print_button, self.save_button):
            b.setAutoDefault(False)
            bar.addWidget(b)
        self.extra_bar.before = self.print_button
        layout.addLayout(bar)

        self.stack = QStackedWidget()
        self.document = QPdfDocument(self) if QPdfDocument is not None else None
        if self.document is not None:
            self.view = QPdfView()
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setPageSpacing(12)
            self.view.setStyleSheet("QPdfView { background: #e9ecef; border: none; }")
            self.view.zoomFactorChanged.connect(lambda _z: self._update_labels())
            self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update_labels())
            self.stack.addWidget(self.view)
        else:  # pragma: no cover
            self.view = QLabel(tr("缺少 PDF 预览组件（PySide6-Pdf），可以另存为 PDF 后用其他程序打开。"))
            self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)
        self.fit_width()
        self._set_enabled(False)

    # -- loading -----------------------------------------------------------------------

    def load(self, path: str | os.PathLike, suggested_name: str | None = None) -> bool:
        """Show ``path``; False (and a message) when it cannot be read."""
        self.path = Path(path)
        if suggested_name:
            self.suggested_name = suggested_name
        ok = True
        if self.document is not None:
            self.document.close()
            error = self.document.load(str(self.path))
            ok = error == QPdfDocument.Error.None_
            if ok:
                self.view.pageNavigator().jump(0, QPointF(), self.view.zoomFactor())
        self._set_enabled(ok)
        self._update_labels()
        return ok

    def clear(self) -> None:
        if self.document is not None:
            self.document.close()
        self.path = None
        self._set_enabled(False)
        self._update_labels()

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None and self.path else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() if self.document is not None else 0

    def has_document(self) -> bool:
        return self.page_count() > 0

    def _set_enabled(self, on: bool) -> None:
        for w in (self.fit_button, self.zoom_in_button, self.zoom_out_button, self.print_button,
                  self.save_button):
            w.setEnabled(on)

    def _update_labels(self) -> None:
        n = self.page_count()
        self.page_label.setText(tr("第 {0} / {1} 页").format(self.current_page() + 1, n) if n else "")
        if self.document is None or not n:
            self.zoom_label.setText("")
            return
        fit = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fit)
        self.zoom_label.setText(tr("适合宽度") if fit else f"{self.view.zoomFactor() * 100:.0f}%")

    # -- zoom --------------------------------------------------------------------------

    def fit_width(self) -> None:
        if self.document is None:
            return
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_labels()

    def _effective_zoom(self) -> float:
        """The zoom factor the view shows now (in 适合宽度 the factor is computed by the view)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.page_count():
            return self.view.zoomFactor()
        page_w = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        avail = self.view.viewport().width() - margins.left() - margins.right()
        return max(MIN_ZOOM, avail / page_w) if page_w > 0 else 1.0

    def _zoom_to(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, factor)))
        self._update_labels()

    def zoom_in(self) -> None:
        if self.document is not None:
            self._zoom_to(self._effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        if self.document is not None:
            self._zoom_to(self._effective_zoom() / ZOOM_STEP)

    # -- save and print ----------------------------------------------------------------

    def _qsettings(self):
        if self._settings is None:
            from PySide6.QtCore import QSettings

            return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                             "CaseDesk", "CaseDesk")
        return self._settings

    def save_as(self) -> str | None:
        if self.path is None:
            return None
        settings = self._qsettings()
        suggested = str(Path(last_folder(settings)) / self.suggested_name)
        target = ask_save_path(self, tr("另存为PDF"), suggested, tr("PDF 文件 (*.pdf)"))
        if not target:
            return None
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        try:
            copy_file(self.path, Path(target))
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, tr("无法保存"),
                                tr("文件没有保存：{0}").format(exc.strerror or str(exc)))
            return None
        settings.setValue("printouts/lastFolder", str(Path(target).parent))
        self.saved.emit(target)
        self.status_message.emit(tr("已保存到 {0}").format(target))
        return target

    def print_document(self) -> int:
        """Ask for a printer and print; returns the number of pages printed (0: not printed)."""
        if not self.has_document():
            return 0
        printer = make_printer()
        printer.setDocName(self.suggested_name.removesuffix(".pdf"))
        printer.setFromTo(0, 0)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("打印"))
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        pages = self._pages_to_print(printer)
        done = self.render_to(printer, pages)
        if done:
            self.printed.emit(done)
            self.status_message.emit(tr("已发送 {0} 页到打印机").format(done))
        return done

    def _pages_to_print(self, printer: QPrinter) -> list[int]:
        n = self.page_count()
        first, last = printer.fromPage(), printer.toPage()
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            return [self.current_page()]
        if first and last and printer.printRange() == QPrinter.PrintRange.PageRange:
            return list(range(max(first, 1) - 1, min(last, n)))
        return list(range(n))

    def render_to(self, printer: QPrinter, pages: list[int]) -> int:
        """Draw ``pages`` on ``printer``, each scaled to the paper and centred; returns how
        many were drawn (fewer when the user cancelled)."""
        printer.setFullPage(True)  # the PDF carries its own margins
        painter = QPainter()
        if not painter.begin(printer):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, tr("无法打印"), tr("打印机没有准备好，请检查后重试。"))
            return 0
        progress = QProgressDialog(tr("正在打印……"), tr("取消"), 0, len(pages), self)
        progress.setWindowTitle(tr("打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        dpi = min(printer.resolution(), PRINT_DPI)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
        done = 0
        try:
            for i, page in enumerate(pages):
                if progress.wasCanceled():
                    break
                progress.setValue(i)
                if i:
                    printer.newPage()
                size_pt = self.document.pagePointSize(page)
                image = self.document.render(page, QSize(round(size_pt.width() * dpi / 72),
                                                         round(size_pt.height() * dpi / 72)))
                target = _fit(image.size(), paper)
                painter.drawImage(target, image)
                done += 1
                QApplication.processEvents()
        finally:
            painter.end()
            progress.reset()
            progress.deleteLater()
        return done


def _fit(size: QSize, area: QRect) -> QRect:
    """``size`` scaled to fit ``area``, keeping its proportions, centred."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) // 2
    y = area.y() + (area.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


class PdfPreviewDialog(QDialog):
    """A printout in its own window: preview, 打印…, 另存为PDF…, 关闭."""

    def __init__(self, path: str | os.PathLike, title: str, parent: QWidget | None = None,
                 suggested_name: str | None = None, settings=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        self.preview = PdfPreview(self, settings=settings)
        layout.addWidget(self.preview, 1)
        close = QPushButton(tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.preview.extra_bar.addWidget(close)
        self.preview.load(path, suggested_name or f"{title}.pdf")
        fit_to_screen(self, 900, 1000)  # a taller page on a larger screen

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtGui import QKeySequence

        if event.matches(QKeySequence.StandardKey.Print):
            self.preview.print_document()
            return
        super().keyPressEvent(event)
