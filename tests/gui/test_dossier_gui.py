"""The 卷宗 in the GUI: the 附件 tab marks an attachment's kind (chosen when adding, or 标记类别
after), and 打印卷宗 asks 仍然打印/取消 naming what is missing before it prints."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt

from caseapp import queries, services
from caseapp import workflow as wf
from ui.pages.case_view import CaseView
from ui.pages.case_view import attachments as attachments_module
from ui.pages.case_view import printing as printing_module

TAB_FILES = 6


def flat_pages(path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in PdfReader(path).pages]


@pytest.fixture
def errors(monkeypatch):
    """An error box would wait for a click: recorded instead, and none is expected."""
    from ui.widgets import forms

    seen: list[BaseException] = []
    monkeypatch.setattr(forms, "report_error", lambda parent, exc: seen.append(exc))
    yield seen
    assert not seen


@pytest.fixture
def view(qtbot, ctx, errors):
    widget = CaseView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    return widget


def mediated(ctx):
    ref = services.register_dispute(
        ctx.db, ctx.actor,
        services.CaseInput(summary="邻居加建雨棚遮挡采光", category="邻里纠纷",
                           received_on=date(2026, 3, 2), street="马鞍街道", source="当事人申请"),
        [services.PartyInput(name="高明花", role="申请人", phone="13800001111"),
         services.PartyInput(name="林花平", role="被申请人")])
    services.accept(ctx.db, ctx.actor, ref.id, on=date(2026, 3, 3))
    services.record_session(ctx.db, ctx.actor, ref.id, date(2026, 3, 10), place="调解室",
                            participants="双方", record="双方同意拆除雨棚")
    services.record_agreement(ctx.db, ctx.actor, ref.id, "书面协议", date(2026, 3, 12),
                              ["被申请人于2026年3月31日前拆除雨棚"])
    services.close(ctx.db, ctx.actor, ref.id, wf.MEDIATED, date(2026, 3, 12))
    return ref


def test_mark_an_attachment_and_print_the_dossier(qtbot, view, ctx, db, wait_idle, monkeypatch,
                                                  tmp_path):
    ref = mediated(ctx)
    scan = tmp_path / "高明花身份证.png"
    Image.new("RGB", (320, 200), (30, 90, 160)).save(scan)
    receipt = tmp_path / "收据.png"
    Image.new("RGB", (200, 300), (30, 160, 90)).save(receipt)
    picked = [str(scan)]
    monkeypatch.setattr(attachments_module, "pick_file", lambda parent: picked[0])
    asked: list[list[str]] = []
    answer = [False]
    monkeypatch.setattr(printing_module, "ask_print_anyway",
                        lambda parent, missing: asked.append(missing) or answer[0])
    with qtbot.waitSignal(view.loaded):
        view.show_case(ref.id)
    view.tabs.setCurrentIndex(TAB_FILES)
    tab = view.files_tab
    assert tab.new_kind.currentText() == "未标记"
    qtbot.mouseClick(tab.add_file_button, Qt.MouseButton.LeftButton)  # added unmarked
    wait_idle()
    assert tab.files_table.item(0, 1).text() == "未标记"
    # The kind chosen beside 添加… goes with the next file.
    tab.new_kind.setCurrentIndex(tab.new_kind.findText("履行凭证"))
    picked[0] = str(receipt)
    qtbot.mouseClick(tab.add_file_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert [tab.files_table.item(r, 1).text() for r in range(2)] == ["未标记", "履行凭证"]

    # 打印卷宗 while no attachment is a 身份证明: the ask names it; 取消 prints nothing.
    action = view.print_button.print_actions["dossier"]
    assert action.isVisible() and action.isEnabled() and action.text() == "打印卷宗…"
    action.trigger()
    wait_idle()
    assert len(asked) == 1 and any("当事人身份证明" in m for m in asked[0])
    assert view.print_button.preview_dialog is None

    # 标记类别 on the selected row: the act, its event, the column.
    tab.files_table.selectRow(0)
    assert tab.kind_button.isEnabled()
    tab.kind_actions["身份证明"].trigger()
    wait_idle()
    assert tab.files_table.item(0, 1).text() == "身份证明"
    kinds = [a.kind for a in queries.case_detail(db, ref.id).attachments]
    assert kinds == ["身份证明", "履行凭证"]
    actions = [e.action_label for e in queries.case_detail(db, ref.id).events]
    assert "标记附件类别" in actions

    # Nothing missing now: no ask, the dossier opens in the preview.
    action.trigger()
    wait_idle()
    qtbot.waitUntil(lambda: view.print_button.preview_dialog is not None, timeout=20000)
    assert len(asked) == 1
    pages = flat_pages(view.print_button.preview_dialog.preview.path)
    assert "人民调解卷宗" in pages[0] and "卷内目录" in pages[1]
    assert any(p.startswith("—") and "当事人身份证明：高明花身份证" in p for p in pages[2:])
    assert "本卷必备材料齐全" in "".join(pages)
    view.print_button.preview_dialog.close()


def test_missing_items_printed_anyway_are_listed(qtbot, view, ctx, wait_idle, monkeypatch):
    ref = mediated(ctx)
    monkeypatch.setattr(printing_module, "ask_print_anyway", lambda parent, missing: True)
    with qtbot.waitSignal(view.loaded):
        view.show_case(ref.id)
    view.print_button.print_actions["dossier"].trigger()
    wait_idle()
    qtbot.waitUntil(lambda: view.print_button.preview_dialog is not None, timeout=20000)
    text = "".join(flat_pages(view.print_button.preview_dialog.preview.path))
    assert "本卷缺少以下必备材料" in text and "当事人身份证明" in text
    view.print_button.preview_dialog.close()


def test_an_open_dispute_greys_the_dossier_and_a_viewer_cannot_mark(qtbot, ctx, db, wait_idle,
                                                                   tmp_path):
    from ui.context import AppContext

    ref = services.register_dispute(
        ctx.db, ctx.actor, services.CaseInput(summary="宅基地边界", category="邻里纠纷",
                                              received_on=date(2026, 3, 2), source="主动排查"),
        [services.PartyInput(name="赵一", role="申请人")])
    scan = tmp_path / "a.png"
    Image.new("RGB", (10, 10)).save(scan)
    services.attach(db, ctx.actor, ref.id, scan, kind="证据")
    admin = services.accounts.setup_admin(db, "admin", "周主任", "Passw0rd-2026")
    viewer = services.accounts.add_user(db, admin, "guest", "赵查看", wf.VIEWER, "Passw0rd-2026")
    view = CaseView(AppContext(db, viewer, today=date(2026, 3, 20)))
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded):
        view.show_case(ref.id)
    action = view.print_button.print_actions["dossier"]
    assert not action.isEnabled() and "办结后" in action.toolTip()
    tab = view.files_tab
    tab.files_table.selectRow(0)
    assert tab.files_table.item(0, 1).text() == "证据"
    assert not tab.kind_button.isEnabled() and "查看" in tab.kind_button.toolTip()
    assert not tab.new_kind.isVisibleTo(view) and not tab.add_file_button.isVisibleTo(view)
    view.ctx.runner.pool.waitForDone(10000)
