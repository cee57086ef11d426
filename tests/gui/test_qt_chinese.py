"""Qt's own strings are Chinese: with the translation ui.app installs at start, message boxes
say 是/否 and Qt's file and print dialogs carry no English labels (issue #12)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
)

from ui.i18n import install_qt_translations, remove_qt_translations

# A word with a small letter: English text. Acronyms (PDF) pass.
ENGLISH = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")


@pytest.fixture
def chinese_qt(qapp):
    installed = install_qt_translations(qapp)
    yield installed
    remove_qt_translations(qapp)  # the other tests share this QApplication


def english_words(text: str, allowed: set[str]) -> list[str]:
    if not text or "/" in text or "\\" in text or text in allowed:
        return []  # a path or a file name is not interface text
    return [w for w in ENGLISH.findall(text.replace("&", "")) if len(w) > 1]


def visible_texts(dialog) -> list[str]:
    texts = []
    for w in dialog.findChildren(QLabel):
        texts.append(w.text())
    for w in dialog.findChildren(QAbstractButton):
        texts += [w.text(), w.toolTip()]
    for w in dialog.findChildren(QLineEdit):
        texts.append(w.placeholderText())
    for w in dialog.findChildren(QGroupBox):
        texts.append(w.title())
    for w in dialog.findChildren(QTabWidget):
        texts += [w.tabText(i) for i in range(w.count())]
    texts.append(dialog.windowTitle())
    return texts


def assert_no_english(dialog, allowed: set[str] = frozenset()) -> None:
    found = {t: english_words(t, set(allowed)) for t in visible_texts(dialog)}
    assert {t: w for t, w in found.items() if w} == {}


def test_translation_is_installed(chinese_qt):
    assert chinese_qt, "qtbase_zh_CN.qm not found in PySide6's translations folder"


def test_message_box_says_yes_and_no_in_chinese(qtbot, chinese_qt):
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "删除这件案件？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    yes = box.button(QMessageBox.StandardButton.Yes).text().replace("(&Y)", "")
    no = box.button(QMessageBox.StandardButton.No).text().replace("(&N)", "")
    assert (yes, no) == ("是", "否")
    cancel = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(cancel)
    assert cancel.button(QMessageBox.StandardButton.Cancel).text() == "取消"


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen,
                                  QFileDialog.AcceptMode.AcceptSave])
def test_qt_file_dialog_has_no_english(qtbot, chinese_qt, tmp_path, mode):
    (tmp_path / "cases.xlsx").write_bytes(b"")
    dialog = QFileDialog(None, "导出案件", str(tmp_path), "Excel 文件 (*.xlsx);;所有文件 (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert_no_english(dialog, {"cases.xlsx", tmp_path.name})
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    assert [types.itemText(i) for i in range(types.count())] == \
        ["Excel 文件 (*.xlsx)", "所有文件 (*)"]
    dialog.reject()


def test_qt_print_dialog_has_no_english(qtbot, chinese_qt):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_no_english(dialog)
    dialog.reject()


def test_installed_once_and_removed(qapp, chinese_qt):
    assert install_qt_translations(qapp) == chinese_qt  # a second call adds nothing
