"""English beside Chinese (issue 17): the shipped translation is complete and current, the
interface in English shows no Chinese outside data and document names, the Chinese interface
no English words; the language is chosen in 设置 and applied at the next start."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from ui import i18n
from ui.devtools import translations

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")
TAGS = re.compile(r"<[^>]+>")
# Chinese that stays in the English interface: language names in their own language, data of
# an empty database (its default lists, the local user), and what is quoted to be typed into
# Chinese files (the import template's columns, the placeholders of the superiors' forms).
ALLOWED_CHINESE = ("中文", "本机用户", "类型, 登记日期, 当事人, 类别, 事项摘要", "办结率：{{信访.办结率}}",
                   "{{form[行名].disputes.received}}", "日期,类型,名称",
                   "日期, 类型, 范围, 参加人员, 发现纠纷数, 说明")
CASE_NUMBER = re.compile(r"（\d{4}）.字第\d+号")  # the office's own number format: data
# English that stays in the Chinese interface: names, file types and keys.
ALLOWED_ENGLISH = {"CaseDesk", "PDF", "Excel", "CSV", "xlsx", "csv", "json", "png", "pdf",
                   "PNG", "JSON", "ID", "SQLite", "English", "Ctrl", "Shift", "Esc", "Enter",
                   "zs", "zhouzq", "lixm", "disputes", "received", "form", "year", "seq", "before",
                   "restore", "PySide6", "Pdf", "STSong", "Light", "DISPLAY", "caseapp", "A4",
                   "U", "ttf", "GBK", "GB2312", "Sheet1"}
WORD = re.compile(r"[A-Za-z][A-Za-z]+")


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every visible piece of interface text under ``root``: titles, labels,
    buttons, tabs, group boxes, headers, placeholders, tool tips, list items and menu actions;
    never what a user typed or a table's cells (data)."""
    out: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: str | None) -> None:
        if text:
            out.append((f"{type(widget).__name__}.{what}", TAGS.sub("", text)))

    widgets = [root, *root.findChildren(QWidget)]
    # A document's own text (设置 → 文书模板's preview) is the printout's, in Chinese.
    documents = {id(w.preview_label) for w in widgets if isinstance(getattr(w, "preview_label", None), QLabel)}
    for w in widgets:
        if w is not root and not w.isVisibleTo(root) and not isinstance(w, QMenu):
            continue
        if id(w) in documents:
            continue
        if w.isWindow():
            add(w, "windowTitle", w.windowTitle())
        add(w, "toolTip", w.toolTip())
        if isinstance(w, QLabel):
            add(w, "text", w.text())
        elif isinstance(w, QAbstractButton):
            add(w, "text", w.text())
        elif isinstance(w, QGroupBox):
            add(w, "title", w.title())
        elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            add(w, "placeholder", w.placeholderText())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w, "tab", w.tabText(i))
                add(w, "tabToolTip", w.tabToolTip(i))
        if isinstance(w, QListWidget) and w.objectName() == "navigation":  # other lists: data
            for i in range(w.count()):
                add(w, "item", w.item(i).text())
        if isinstance(w, QHeaderView) and w.model() is not None:
            for section in range(w.count()):
                add(w, "header", str(w.model().headerData(section, w.orientation()) or ""))
        for action in w.actions():
            if not action.isVisible():
                continue
            add(w, "action", action.text().replace("&", ""))
            add(w, "actionTip", action.toolTip() if action.toolTip() != action.text() else "")
    return out


def chinese_in(found: list[tuple[str, str]], data: tuple[str, ...]) -> list[tuple[str, str]]:
    bad = []
    for where, text in found:
        rest = CASE_NUMBER.sub("", text)
        for allowed in sorted((*ALLOWED_CHINESE, *data), key=len, reverse=True):
            rest = rest.replace(allowed, "")
        if CJK.search(rest):
            bad.append((where, text))
    return bad


PATH = re.compile(r"\S*[/\\.]\S*")  # file names and folders: data of the machine


def english_in(found: list[tuple[str, str]], data: tuple[str, ...]) -> list[tuple[str, str]]:
    bad = []
    for where, text in found:
        rest = PATH.sub("", text)
        for allowed in sorted(data, key=len, reverse=True):
            rest = rest.replace(allowed, "")
        if any(word not in ALLOWED_ENGLISH for word in WORD.findall(rest)):
            bad.append((where, text))
    return bad


# -- the files -----------------------------------------------------------------------------


def test_every_ui_string_has_a_finished_english_translation():
    found, loose = translations.scan()
    assert loose == [], f"tr() of a run-time string cannot be translated: {loose}"
    gaps = translations.unfinished("en", found)
    assert gaps == [], ("untranslated (run python -m ui.devtools.translations): "
                        + "; ".join(f"{g.where} {g.text!r}" for g in gaps[:20]))
    assert len(found) > 1000  # the scan sees the whole interface


def test_the_shipped_qm_is_built_from_the_shipped_ts():
    assert translations.qm_is_current("en"), "rebuild: python -m ui.devtools.translations"


def test_translations_keep_their_placeholders():
    marks = re.compile(r"\{[^{}]*\}|%\d|<[^>]+>|&[A-Za-z]")
    done = translations.read_ts(translations.ts_path("en"))
    wrong = [(s, t) for (_c, s), t in done.items()
             if t and sorted(marks.findall(s)) != sorted(marks.findall(t))]
    assert wrong == []


def test_the_extractor_flags_an_f_string_and_reads_labels(tmp_path):
    folder = tmp_path / "ui"
    folder.mkdir()
    (folder / "x.py").write_text(
        'from ui.i18n import tr\nLABELS = ("甲", "乙")\n'
        'a = tr("共 {n} 件").format(n=1)\nb = tr(f"共 {a} 件")\nc = tr(LABELS[0])\n',
        encoding="utf-8")
    found, loose = translations.scan(folder, label_modules=())
    texts = {f.text for f in found}
    assert texts == {"共 {n} 件", "甲", "乙"}
    assert loose == ["ui/x.py:4"]


# -- choosing the language -----------------------------------------------------------------


def test_the_choice_is_kept_per_machine_and_wins_over_the_system(monkeypatch):
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert i18n.stored_choice() == i18n.SYSTEM
    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("zh_TW")) == "zh_CN"
    assert i18n.system_language(QLocale("en_US")) == "en"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    i18n.store_choice("en")
    assert i18n.chosen_language() == "en"
    i18n.store_choice("zh_CN")
    assert i18n.chosen_language() == "zh_CN"
    assert i18n.chosen_language("en") == "en"  # --lang en
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.chosen_language() == "en"
    assert i18n.chosen_language("zh") == "zh_CN"  # the flag before the variable


def test_the_settings_page_offers_the_language_for_the_next_start(qtbot, ctx, wait_idle):
    from ui.pages.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    wait_idle()
    box = page.language_box
    assert [box.combo.itemText(i) for i in range(box.combo.count())] == ["跟随系统", "中文", "English"]
    assert box.combo.currentData() == i18n.SYSTEM
    assert "重启后生效" in box.note.text()
    box.combo.setCurrentIndex(box.combo.findText("English"))
    assert i18n.stored_choice() == "en"
    assert "重启 CaseDesk 后生效" in box.note.text()
    assert page.tabs.tabText(0) == "单位信息"  # this session stays Chinese
    again = SettingsPage(ctx)
    qtbot.addWidget(again)
    assert again.language_box.combo.currentText() == "English"


def test_lang_flag_starts_the_self_test_in_english(tmp_path, db, actor):
    env = {"QT_QPA_PLATFORM": "offscreen", "CASEAPP_HOME": str(tmp_path / "home"),
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    code = ("import sys; from ui.app import make_app; from ui.i18n import tr, current_language;"
            "app = make_app([], language=sys.argv[1]);"
            "print(current_language(), tr('设置'), app.translate('QPlatformTheme', 'Cancel'))")
    for flag, said in (("en", "en Settings Cancel"), ("zh", "zh_CN 设置 取消")):
        result = subprocess.run([sys.executable, "-c", code, flag], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.stdout.strip() == said, result.stderr


def test_the_program_starts_in_the_language_of_its_flag(monkeypatch, tmp_path):
    from ui import app

    monkeypatch.setenv("CASEAPP_HOME", str(tmp_path))
    asked = []
    monkeypatch.setattr(app, "make_app", lambda argv, language=None: asked.append(language))
    monkeypatch.setattr(app, "open_window", lambda args, frame=None: 0)
    assert app.run(["--lang", "en"]) == 0
    assert asked == ["en"]


# -- every page and dialog -----------------------------------------------------------------


@pytest.fixture
def english(qapp):
    i18n.remove_qt_translations(qapp)
    i18n.install_translations(qapp, "en")
    assert QCoreApplication.translate("CaseDesk", "设置") == "Settings"
    yield
    i18n.remove_qt_translations(qapp)


LATIN_DATA = ("Zhang Xiuying", "Wang Guilan", "Li Jianguo", "Unpaid wages", "Ma'an")


def cases(ctx):
    """A petition and a dispute whose own data has no Chinese (only the default categories)."""
    from datetime import date

    from caseapp import services

    data = {"received_on": date(2026, 3, 2), "street": "Ma'an", "summary": "Unpaid wages"}
    petition = services.register_petition(
        ctx.db, ctx.actor, services.CaseInput(category="劳动社保", source="来访", **data),
        [services.PartyInput(name="Zhang Xiuying", role="信访人", phone="13800001111")])
    dispute = services.register_dispute(
        ctx.db, ctx.actor, services.CaseInput(category="邻里纠纷", source="当事人申请", **data),
        [services.PartyInput(name="Wang Guilan", role="申请人"),
         services.PartyInput(name="Li Jianguo", role="被申请人")])
    return petition, dispute


def act_dialogs(ctx, petition, dispute) -> list[QDialog]:
    """The dialogs of the acts on the two cases, before anything is typed."""
    from caseapp import queries
    from ui.dialogs import acts

    p = queries.case_detail(ctx.db, petition.id, ctx.today())
    d = queries.case_detail(ctx.db, dispute.id, ctx.today())
    out: list[QDialog] = [acts.AcceptDialog(ctx, p), acts.RejectDialog(ctx, p),
                          acts.AssignDialog(ctx, p), acts.DeleteDialog(ctx, p),
                          acts.CloseDialog(ctx, d), acts.AgreementDialog(ctx, d),
                          acts.SessionDialog(ctx, d), acts.PartyDialog(ctx, d)]
    out += [dialog(ctx, p) for dialog in acts.PETITION_DIALOGS.values()]
    out += [dialog(ctx, d) for dialog in acts.MEDIATION_DIALOGS.values()]
    return out


def every_screen(qtbot, ctx, wait_idle) -> list[tuple[str, str]]:
    """The main window on each page (and its menus), and every dialog opened without data."""
    from ui.dialogs.backup_dialog import BackupDialog
    from ui.dialogs.form_dialog import FormDialog
    from ui.dialogs.import_dialog import ImportDialog
    from ui.dialogs.intake.dialog import IntakeDialog
    from ui.dialogs.login_dialog import ChangePasswordDialog, FirstAdminDialog, LoginDialog
    from ui.dialogs.passphrase_dialog import PassphraseDialog
    from ui.dialogs.setup_wizard import SetupWizard
    from ui.dialogs.worklog_dialog import WorkLogDialog, ZeroReportDialog
    from ui.pages.settings.user_dialogs import AddUserDialog
    from ui.shell.main_window import MainWindow
    from ui.shell.menus import PAGE_KEYS

    found: list[tuple[str, str]] = []
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    window.show()
    for key in PAGE_KEYS:
        window.show_page(key)
        wait_idle(30000)
        qtbot.wait(20)
        found += [(f"{key}: {w}", t) for w, t in texts_of(window)]
        if key == "settings":
            tabs = window.findChild(QTabWidget)
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                wait_idle(30000)
                found += [(f"settings tab {i}: {w}", t) for w, t in texts_of(window)]
    samples = cases(ctx)
    for case in samples:  # the case view on each tab, with data in Latin letters
        window.open_case(case.id)
        wait_idle(30000)
        view = window.case_view
        for i in range(view.tabs.count()):
            view.tabs.setCurrentIndex(i)
            wait_idle(30000)
            found += [(f"case {case.id} tab {i}: {w}", t) for w, t in texts_of(window)]
        window.back_to_list()
    assert isinstance(window, QMainWindow)
    for menu in window.menuBar().findChildren(QMenu):
        found += [(f"menu: {w}", t) for w, t in texts_of(menu)]
    dialogs: list[QDialog] = [
        IntakeDialog(ctx, "petition"), IntakeDialog(ctx, "dispute"), ImportDialog(ctx),
        BackupDialog(ctx), FormDialog(ctx), WorkLogDialog(ctx), ZeroReportDialog(ctx),
        LoginDialog(ctx), FirstAdminDialog(ctx), ChangePasswordDialog(ctx), AddUserDialog(ctx),
        PassphraseDialog(Path("casedesk.db")), SetupWizard(ctx, ctx.db.settings()),
    ]
    dialogs += act_dialogs(ctx, *samples)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        wait_idle(30000)
        found += [(f"{type(dialog).__name__}: {w}", t) for w, t in texts_of(dialog)]
        dialog.hide()
    assert len(found) > 500
    return found


def test_labels_the_core_built_are_shown_translated(english):
    assert i18n.tr_built("超期3天") == "3 days overdue"
    assert i18n.tr_built("剩12天") == "12 days left"
    assert i18n.tr_built("已办结") == "Closed"
    assert i18n.tr("受理", "act") == "Accept" and i18n.tr("不予受理", "act") == "Reject"
    assert i18n.tr("不予受理") == "Not accepted"  # the status, not the act


def test_chinese_keeps_the_core_labels_as_they_are():
    assert i18n.current_language() == "zh_CN"
    assert i18n.tr_built("超期3天") == "超期3天" and i18n.tr_built("") == ""


def test_english_shows_no_chinese_outside_data(english, qtbot, ctx, wait_idle):
    found = every_screen(qtbot, ctx, wait_idle)
    office = ctx.db.settings()
    # The documents' names are translated into themselves: the names the printouts bear.
    kept = tuple(s for (_c, s), t in translations.read_ts(translations.ts_path("en")).items()
                 if s == t and CJK.search(s))
    assert "人民调解协议书" in kept
    bad = chinese_in(found, (office.office_name, office.committee_name, "劳动社保", "邻里纠纷",
                             *kept))
    assert bad == [], "\n".join(f"{w}: {t!r}" for w, t in bad[:60])
    assert any(t == "Workbench" for _w, t in found)


def test_chinese_shows_no_english_words(qtbot, ctx, wait_idle):
    found = every_screen(qtbot, ctx, wait_idle)
    from PySide6.QtGui import QFontDatabase

    faces = tuple(QFontDatabase.families())  # the fonts found on this machine are named
    bad = english_in(found, (*faces, *LATIN_DATA, ctx.user_name or "", ctx.display_name or ""))
    assert bad == [], "\n".join(f"{w}: {t!r}" for w, t in bad[:60])
    assert any(t == "工作台" for _w, t in found)
