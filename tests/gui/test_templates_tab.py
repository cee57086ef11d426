"""设置 → 文书模板: typing changes the preview (the document printed for the latest case it is
offered for, first page rendered by QtPdf), an unknown placeholder is refused in place naming
it, a good text is saved and prints, 恢复默认 asks first and brings the shipped text back, an
unsaved text is not lost by choosing another document; a clerk only reads."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from caseapp import services
from caseapp import workflow as wf
from caseapp.reports.wording import TEMPLATES
from caseapp.services import accounts
from gui.keyboard import type_text
from ui.pages.settings.page import SettingsPage
from ui.pages.settings.templates_tab import TemplatesTab
from ui.widgets import forms


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def preview_text(tab) -> str:
    files = sorted(Path(tab._folder.name).glob("preview-*.pdf"), key=lambda p: p.stat().st_mtime)
    return "".join(re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(files[-1]).pages)


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes):
    yield no_message_boxes


@pytest.fixture
def petition(ctx):
    ref = services.register_petition(
        ctx.db, ctx.actor,
        services.CaseInput(summary="要求支付拖欠工资", category="劳动社保",
                           received_on=date(2026, 3, 2), street="马鞍街道", source="来访"),
        [services.PartyInput(name="张秀英", role="信访人", phone="13800001111")])
    services.accept(ctx.db, ctx.actor, ref.id, on=date(2026, 3, 3))
    return ref


def make_tab(qtbot, ctx, wait_idle, key="notice.accepted"):
    tab = TemplatesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 620)
    tab.show()
    wait_idle()
    tab.chooser.setCurrentIndex(tab.chooser.findData(key))
    qtbot.waitUntil(lambda: tab._image is not None and not tab._busy, timeout=15000)
    return tab


def test_type_preview_refuse_save_and_restore(qtbot, ctx, petition, wait_idle, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(forms, "confirm", lambda parent, text, title=None: asked.append(text) or True)
    tab = make_tab(qtbot, ctx, wait_idle)
    assert tab.editor.toPlainText() == TEMPLATES["notice.accepted"].default
    assert petition.number in tab.preview_title.text()
    assert not tab.preview_label.pixmap().isNull()
    assert "依据《信访工作条例》规定予以受理" in preview_text(tab)
    names = [tab.fields.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tab.fields.count())]
    assert names == list(TEMPLATES["notice.accepted"].fields)
    assert not tab.save_button.isEnabled() and not tab.restore_button.isEnabled()

    # An unknown placeholder: said at once, and 保存 refused naming it.
    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor, "承办人：{承办人}")
    assert tab.error.isVisible() and "{承办人}" in tab.error.text()
    assert tab.save_button.isEnabled() and tab.state.text() == "有未保存的修改"
    services_seen = services.document_templates(ctx.db)
    click(qtbot, tab.save_button)
    wait_idle()
    assert "未知的占位符 {承办人}" in tab.error.text() and tab.error.isVisible()
    assert services.document_templates(ctx.db) == services_seen == {}

    # A good text: the preview follows once typing pauses.
    tab.editor.selectAll()
    type_text(qtbot, tab.editor, "本机关于")
    item = next(tab.fields.item(i) for i in range(tab.fields.count())
                if tab.fields.item(i).data(Qt.ItemDataRole.UserRole) == "受理日期")
    tab.fields.itemDoubleClicked.emit(item)  # double-click inserts at the cursor
    type_text(qtbot, tab.editor, "受理你的来访。")
    assert tab.editor.toPlainText() == "本机关于{受理日期}受理你的来访。"
    assert not tab.error.isVisible()
    first = tab._seq
    qtbot.waitUntil(lambda: tab._seq > first and not tab._busy, timeout=15000)
    assert "本机关于2026年3月3日受理你的来访。" in preview_text(tab)
    assert services.document_templates(ctx.db) == {}  # a preview saves nothing

    click(qtbot, tab.save_button)
    wait_idle()
    assert services.document_templates(ctx.db) == {"notice.accepted": "本机关于{受理日期}受理你的来访。"}
    assert tab.state.text() == "模板已保存" and not tab.save_button.isEnabled()
    assert tab.restore_button.isEnabled()

    click(qtbot, tab.restore_button)
    wait_idle()
    assert asked and "恢复为程序自带的文本" in asked[-1]
    assert services.document_templates(ctx.db) == {}
    assert tab.editor.toPlainText() == TEMPLATES["notice.accepted"].default
    assert not tab.restore_button.isEnabled()


def test_restore_declined_and_unsaved_guard(qtbot, ctx, petition, wait_idle, monkeypatch):
    services.set_template(ctx.db, ctx.actor, "notice.accepted", "已受理{受理日期}。")
    answers: list[bool] = [False, False, True]
    asked: list[str] = []
    monkeypatch.setattr(forms, "confirm",
                        lambda parent, text, title=None: asked.append(text) or answers.pop(0))
    tab = make_tab(qtbot, ctx, wait_idle)
    assert tab.editor.toPlainText() == "已受理{受理日期}。" and tab.state.text() == "本单位修改过的文本"
    click(qtbot, tab.restore_button)  # asked, and declined
    wait_idle()
    assert len(asked) == 1
    assert services.document_templates(ctx.db) == {"notice.accepted": "已受理{受理日期}。"}

    tab.editor.moveCursor(tab.editor.textCursor().MoveOperation.End)
    type_text(qtbot, tab.editor, "特此")
    tab.chooser.setCurrentIndex(tab.chooser.findData("extension.body"))  # declined: stays
    assert tab.key == "notice.accepted" and tab.chooser.currentData() == "notice.accepted"
    assert tab.editor.toPlainText().endswith("特此")
    tab.chooser.setCurrentIndex(tab.chooser.findData("extension.body"))  # accepted: moves
    assert tab.key == "extension.body"
    assert tab.editor.toPlainText() == TEMPLATES["extension.body"].default
    assert "未保存" in asked[1] and len(asked) == 3
    wait_idle()
    # No extended petition: the sample values are shown instead of a page.
    qtbot.waitUntil(lambda: not tab._busy, timeout=15000)
    assert "示例" in tab.preview_title.text() and "区人力资源" not in tab.preview_label.text()
    assert "2026年5月30日" in tab.preview_label.text()


def test_a_clerk_reads_but_cannot_edit(qtbot, ctx, db, wait_idle):
    admin = accounts.setup_admin(db, "admin", "周主任", "Pass-word-1")
    ctx.set_user(accounts.add_user(db, admin, "clerk", "李登记", wf.CLERK, "Pass-word-1"))
    tab = TemplatesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.stored is not None, timeout=10000)
    assert tab.editor.isReadOnly() and tab.reason.isVisible()
    assert not tab.save_button.isEnabled() and not tab.restore_button.isEnabled()
    assert "管理员" in tab.save_button.toolTip()
    qtbot.waitUntil(lambda: not tab._busy, timeout=15000)


def test_the_settings_page_has_the_tab(qtbot, ctx, wait_idle):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "文书模板" in titles
    assert page.tabs.widget(titles.index("文书模板")) is page.templates_tab
    wait_idle()
