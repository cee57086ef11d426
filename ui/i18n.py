"""Every UI string goes through tr() (docs/design.md rule 9); Qt's own strings (the buttons of
message boxes, file and print dialogs) come from Qt's translation, installed at start.

The source language is Chinese; Qt Linguist files in resources/translations carry other
languages (English: casedesk_en.ts and .qm, kept up to date with
``python -m ui.devtools.translations``).
The language is chosen per machine in 设置 and applied at the next start; ``--lang`` and
CASEDESK_LANG override it (tests, screenshots). Printouts stay Chinese: caseapp never
translates."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

UI_LANGUAGE = "zh_CN"  # the source language; Qt's dialogs must say the same
ENGLISH = "en"
SYSTEM = "system"  # the stored choice "跟随系统": Chinese on a zh_* system, else English
LANGUAGES = (UI_LANGUAGE, ENGLISH)
SETTING_KEY = "ui/language"
ENV_VAR = "CASEDESK_LANG"
QT_CATALOGS = ("qtbase",)
TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"

# QCoreApplication does not own an installed translator: held here (and parented to the
# application), so none is collected while Qt still asks it.
_installed: list[QTranslator] = []
_language: list[str] = []  # the language installed, once


def tr(text: str, context: str = "CaseDesk", n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def tr_noop(text: str) -> str:
    """Marks a constant label for the translation files; tr() translates it where shown."""
    return text


# Texts the core builds with a number in them (caseapp never translates): the pattern and
# the tr() source it is shown through.
BUILT = ((re.compile(r"^超期(\d+)天$"), "超期{0}天"), (re.compile(r"^剩(\d+)天$"), "剩{0}天"))
BUILT_TEXTS = ("今天到期",)  # the core's fixed deadline texts besides the status labels


def tr_built(text: str) -> str:
    """A label the core made (a status, 剩5天, 超期3天) in the interface's language; as it is
    in Chinese, without a lookup (list cells ask for it on every paint)."""
    if not text or current_language() == UI_LANGUAGE:
        return text
    for pattern, source in BUILT:
        found = pattern.match(text)
        if found:
            return tr(source).format(*found.groups())
    return tr(text)


def normalise(language: str | None) -> str | None:
    """"en", "en_US", "English" → "en"; "zh", "zh_CN", "中文" → "zh_CN"; None otherwise."""
    name = (language or "").strip().replace("-", "_").lower()
    if name.startswith("en") or name == "english":
        return ENGLISH
    if name.startswith("zh") or name == "中文":
        return UI_LANGUAGE
    return None


def system_language(locale: QLocale | None = None) -> str:
    name = (locale or QLocale.system()).name()
    return UI_LANGUAGE if name.lower().startswith("zh") else ENGLISH


def _settings() -> QSettings:
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "CaseDesk", "CaseDesk")


def stored_choice() -> str:
    """The choice saved in 设置 on this machine: SYSTEM, UI_LANGUAGE or ENGLISH."""
    value = str(_settings().value(SETTING_KEY, SYSTEM) or SYSTEM)
    return normalise(value) or SYSTEM


def store_choice(choice: str) -> None:
    """Save the choice for the next start (SYSTEM or a language)."""
    _settings().setValue(SETTING_KEY, normalise(choice) or SYSTEM)


def chosen_language(flag: str | None = None, environ=None) -> str:
    """The language to start in: --lang, then CASEDESK_LANG, then 设置, then the system's."""
    environ = os.environ if environ is None else environ
    for asked in (flag, environ.get(ENV_VAR)):
        if normalise(asked):
            return normalise(asked)  # type: ignore[return-value]
    choice = stored_choice()
    return choice if choice != SYSTEM else system_language()


def current_language() -> str:
    """The language the interface speaks now (after install_translations)."""
    return _language[0] if _language else UI_LANGUAGE



def install_translations(app: QCoreApplication, language: str = UI_LANGUAGE) -> list[QTranslator]:
    """The interface in ``language``: Chinese is the source (only Qt's own catalog is loaded);
    English loads casedesk_en.qm, and Qt's own strings stay its built-in English. Before any
    widget is built; once per app. Without the .qm the interface stays Chinese (logged;
    casedesk-probe fails a build that lacks it)."""
    language = normalise(language) or UI_LANGUAGE
    if _language:
        return list(_installed)
    translator = QTranslator(app)
    if language != UI_LANGUAGE and not translator.load(f"casedesk_{language}", str(TRANSLATIONS)):
        log.warning("casedesk_%s.qm not found in %s: the interface stays Chinese", language,
                    TRANSLATIONS)
        language = UI_LANGUAGE
    if language == UI_LANGUAGE:
        installed = install_qt_translations(app)
    else:
        app.installTranslator(translator)
        _installed.append(translator)
        installed = list(_installed)
    _language.append(language)
    return installed


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
    """Undo install_qt_translations / install_translations (tests share one QApplication)."""
    _language.clear()
    while _installed:
        app.removeTranslator(_installed.pop())
