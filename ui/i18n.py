"""Every UI string goes through tr() (docs/design.md rule 9); Qt's own strings (the buttons of
message boxes, file and print dialogs) come from Qt's translation, installed at start.

The source language is Chinese; Qt Linguist files in resources/translations carry other
languages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

UI_LANGUAGE = "zh_CN"  # the interface is Chinese; Qt's dialogs must say the same
QT_CATALOGS = ("qtbase",)

# QCoreApplication does not own an installed translator: held here (and parented to the
# application), so none is collected while Qt still asks it.
_installed: list[QTranslator] = []


def tr(text: str, context: str = "CaseDesk", n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


class MnemonicFallback(QTranslator):
    """Qt 6.11 gave some dialog labels a mnemonic ("&Look in:", "Files of &type:", "Page
    &Set:") that its Chinese catalog only knows without one: answer those from the catalog's
    old entry, with the key in Chinese style ("查找范围(&L)："). Installed before the catalog,
    so it is asked only for what the catalog does not know."""

    def __init__(self, catalog: QTranslator, parent=None):
        super().__init__(parent)
        self.catalog = catalog

    def translate(self, context, source, disambiguation=None, n=-1):
        at = source.find("&") if source else -1
        if at < 0 or at + 1 >= len(source) or context == "CaseDesk":
            return None  # None: not known here, Qt asks the next translator
        text = self.catalog.translate(context, source.replace("&", ""), disambiguation, n)
        if not text:
            return None
        key = f"(&{source[at + 1].upper()})"
        for colon in ("：", ":"):
            if text.endswith(colon):
                return text[: -len(colon)] + key + colon
        return text + key

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name; it has no .qm, yet answers
        return False


def install_qt_translations(app: QCoreApplication, language: str = UI_LANGUAGE) -> list[QTranslator]:
    """Load Qt's own translation (qtbase_<language>.qm from the Qt installation) into ``app``,
    before any widget is built; returns the translators now installed. Only once per app."""
    if _installed:
        return list(_installed)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in QT_CATALOGS:
        translator = QTranslator(app)
        if translator.load(f"{catalog}_{language}", folder):
            # Qt asks the translator installed last first: the catalog, then the fallback.
            fallback = MnemonicFallback(translator, app)
            for installed in (fallback, translator):
                app.installTranslator(installed)
                _installed.append(installed)
    return list(_installed)


def remove_qt_translations(app: QCoreApplication) -> None:
    """Undo install_qt_translations (for tests that share one QApplication)."""
    while _installed:
        app.removeTranslator(_installed.pop())
