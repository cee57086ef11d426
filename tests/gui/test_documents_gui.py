"""The documents in the GUI (docs/documents.md): 民族 and 职业 typed in the party dialog reach the
agreement, the 打印 menu offers what the case's state allows, 设置 shows the face of each role."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from caseapp import queries, services
from caseapp.reports import fonts
from gui.keyboard import type_text
from ui.dialogs import acts
from ui.pages.case_view import TAB_PARTIES
from ui.pages.settings.page import SettingsPage


def flat(path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(path).pages))


def dispute(ctx, form=None):
    ref = services.register_dispute(
        ctx.db, ctx.actor,
        services.CaseInput(summary="邻居加建雨棚遮挡采光", category="邻里纠纷",
                           received_on=date(2026, 3, 2), street="马鞍街道", source="当事人申请"),
        [services.PartyInput(name="高明花", role="申请人", phone="13800001111"),
         services.PartyInput(name="林花平", role="被申请人")])
    services.accept(ctx.db, ctx.actor, ref.id, on=date(2026, 3, 3))
    if form:
        services.record_agreement(ctx.db, ctx.actor, ref.id, form, date(2026, 3, 12),
                                  ["被申请人于2026年3月31日前拆除雨棚"])
        services.close(ctx.db, ctx.actor, ref.id, "调解成功", date(2026, 3, 12))
    return ref


def test_party_dialog_carries_ethnicity_and_occupation(qtbot, view, ctx, db, wait_idle):
    ref = dispute(ctx)
    view.show_case(ref.id)
    wait_idle()
    view.tabs.setCurrentIndex(TAB_PARTIES)
    tab = view.parties_tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, acts.PartyDialog)
    dialog.role.setCurrentIndex(dialog.role.findText("第三人"))
    type_text(qtbot, dialog.name, "王德兰")
    type_text(qtbot, dialog.ethnicity, "土家族")
    type_text(qtbot, dialog.occupation, "马鞍街道某超市店员")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert tab.active_dialog is None
    added = [p for p in queries.case_detail(db, ref.id).parties if p.name == "王德兰"]
    assert [(p.ethnicity, p.occupation) for p in added] == [("土家族", "马鞍街道某超市店员")]


def test_print_menu_offers_the_oral_register_not_the_agreement(qtbot, view, ctx, wait_idle):
    ref = dispute(ctx, form="口头协议")
    with qtbot.waitSignal(view.loaded):
        view.show_case(ref.id)
    actions = view.print_button.print_actions
    assert actions["oral"].isVisible() and actions["oral"].isEnabled()
    assert actions["agreement"].isVisible() and not actions["agreement"].isEnabled()
    assert "口头协议" in actions["agreement"].toolTip()
    assert not actions["termination"].isEnabled() and not actions["notice"].isVisible()
    actions["oral"].trigger()
    wait_idle()
    preview = view.print_button.preview_dialog
    assert preview is not None
    text = flat(preview.preview.path)
    assert "人民调解口头协议登记表" in text and "被申请人于2026年3月31日前拆除雨棚。" in text
    preview.close()


def test_settings_show_the_face_of_each_role(qtbot, ctx, wait_idle, tmp_path, monkeypatch):
    real = next((f.path for f in fonts.chinese_fonts().faces.values()), None)
    if real is None:
        pytest.skip("no embeddable Chinese font on this machine")
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(real, folder / "wqy-microhei.ttc")  # only a sans face: 仿宋 and 小标宋 missing
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(folder))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1166, 658)
    page.show()
    wait_idle()
    box = page.fonts_box
    qtbot.waitUntil(lambda: len(box.rows) == 3)
    assert list(box.rows) == ["正文（仿宋）", "标题（小标宋）", "标签（黑体）"]
    assert all("相近字体" in label.text() for label in box.rows.values())
    assert "描边加粗" in box.rows["标签（黑体）"].text()
    assert box.notice.isVisibleTo(page) and "仿宋、小标宋" in box.notice.text()
