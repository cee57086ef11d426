"""工作台: the four cards count and list what caseapp.queries says; a case opens from them."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from caseapp import queries, services
from caseapp.services.intake import CaseInput, PartyInput
from gui.conftest import TODAY
from gui.test_case_list import import_cases
from ui.pages.workbench import WorkbenchPage, long_date


def _dispute_with_follow_up(db, actor) -> int:
    """A dispute closed 调解成功 on 2026-02-20: its visit falls due 2026-03-22 (≤ 7 days)."""
    ref = services.register_dispute(
        db, actor, CaseInput(summary="邻里漏水纠纷", category="邻里纠纷",
                             received_on=date(2026, 2, 1)),
        [PartyInput(name="钱多多", role="申请人"), PartyInput(name="孙小小", role="被申请人")])
    services.accept(db, actor, ref.id, on=date(2026, 2, 2))
    services.record_agreement(db, actor, ref.id, "书面协议", date(2026, 2, 20),
                              ["孙小小修复水管并赔偿500元"])
    services.close(db, actor, ref.id, "调解成功", on=date(2026, 2, 20))
    return ref.id


@pytest.fixture
def bench(qtbot, ctx, db, actor, tmp_path, wait_idle):
    import_cases(db, actor, tmp_path, 80)
    follow_up = _dispute_with_follow_up(db, actor)
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    qtbot.waitUntil(lambda: not page.loading)
    wait_idle()
    page.follow_up_id = follow_up
    return page


def test_cards_show_counts_and_cases_of_queries(bench, db):
    counts = queries.workbench_counts(db, TODAY, pending_days=3)
    lists = queries.workbench(db, TODAY, pending_days=3)
    assert counts["pending"] and counts["due_soon"] and counts["overdue"]
    for key, card in bench.cards.items():
        assert card.count.text() == f"{counts[key]:,}"
        assert card.case_ids() == [r.id for r in lists[key]]
    assert bench.cards["follow_up"].case_ids() == [bench.follow_up_id]
    overdue = bench.cards["overdue"].tree.topLevelItem(0)
    assert overdue.text(2).startswith("超期")  # 编号, 当事人 · 类别, 期限
    assert overdue.foreground(2).color().name() == "#cf222e"
    assert bench.date_label.text() == long_date(TODAY) == "2026年3月20日 星期五"
    assert "矛盾纠纷调解办" in bench.office_label.text()


def test_double_click_and_enter_open_the_case(qtbot, bench):
    tree = bench.cards["due_soon"].tree
    item = tree.topLevelItem(1)
    rect = tree.visualItemRect(item)
    with qtbot.waitSignal(bench.open_case) as signal:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [bench.cards["due_soon"].case_ids()[1]]

    tree = bench.cards["follow_up"].tree
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(bench.open_case) as signal:
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert signal.args == [bench.follow_up_id]


def test_empty_cards_say_so_and_refresh_after_an_act(qtbot, ctx, db, actor, wait_idle):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading)
    wait_idle()
    for card in page.cards.values():
        assert card.stack.currentWidget() is card.empty and card.empty.text() == "暂无"
        assert card.count.text() == "0"

    ref = services.register_petition(
        db, actor, CaseInput(summary="路灯不亮", category="城乡建设", received_on=date(2026, 3, 10)),
        [PartyInput(name="赵敏", role="信访人")])
    ctx.notify_changed((ref.id,))
    qtbot.waitUntil(lambda: page.cards["pending"].count.text() == "1")
    card = page.cards["pending"]
    assert card.stack.currentWidget() is card.tree
    assert card.case_ids() == [ref.id]
    assert card.tree.topLevelItem(0).text(1) == "赵敏 · 城乡建设"
