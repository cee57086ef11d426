"""相关案件 on the case view and 可能的群体性事件 on the workbench (docs/domain.md §9): shown with
their reasons, and each link opens its case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from caseapp import queries, services
from ui.pages.case_view import CaseView
from ui.pages.workbench import WorkbenchPage

COMPANY = "华丰建材有限公司"
DAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _no_message_boxes(no_message_boxes):
    yield no_message_boxes


def three_against_one_company(db, actor) -> list[int]:
    ids, company = [], None
    for i, (name, community) in enumerate((("王某", "甲社区"), ("李某", "乙社区"),
                                           ("赵某", "丙社区"))):
        ref = services.register_dispute(db, actor, services.CaseInput(
            summary=f"{name}被拖欠货款", category="合同纠纷", received_on=DAY + timedelta(days=i),
            street="马鞍街道", community=community),
            [services.PartyInput(name=name, role="申请人"),
             services.PartyInput(name=COMPANY, role="被申请人", is_org=True, person_id=company)])
        ids.append(ref.id)
        company = next(p.person_id for p in queries.case_detail(db, ref.id).parties
                       if p.name == COMPANY)
    return ids


def test_the_case_view_shows_related_cases_and_opens_one(qtbot, ctx, db, actor, wait_idle):
    ids = three_against_one_company(db, actor)
    lonely = services.register_dispute(db, actor, services.CaseInput(
        summary="邻里噪音", category="邻里纠纷", received_on=DAY, community="丁社区"),
        [services.PartyInput(name="孙某", role="申请人")]).id
    view = CaseView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.show_case(ids[0])
    wait_idle()
    assert view.related.isVisible()
    assert view.related.title.text().startswith("相关案件 2件")
    text = view.related.lines.text()
    numbers = [queries.case_detail(db, i).number for i in ids]
    assert numbers[1] in text and numbers[2] in text and f"同一被申请人/被反映人：{COMPANY}" in text
    with qtbot.waitSignal(view.open_case) as opened:
        view.related.lines.linkActivated.emit(str(ids[2]))
    assert opened.args == [ids[2]]
    view.show_case(lonely)
    wait_idle()
    assert not view.related.isVisible()


def test_the_workbench_card_lists_the_warning_and_opens_its_cases(qtbot, ctx, db, actor,
                                                                     wait_idle):
    ids = three_against_one_company(db, actor)
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: not page.loading)
    wait_idle()
    card = page.warnings
    assert card.isVisible() and card.count.text() == "1"
    top = card.tree.topLevelItem(0)
    # the rule has its own column; the whole sentence is the hint's tooltip
    assert top.text(0) == f"{COMPANY}（未结3件）"
    assert top.toolTip(0) == f"{COMPANY}：同一被申请人/被反映人，未结3件"
    assert top.text(1) == "同一被申请人/被反映人"
    assert [top.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(top.childCount())] == ids
    with qtbot.waitSignal(page.open_case) as opened:
        card.tree.itemActivated.emit(top.child(1), 0)
    assert opened.args == [ids[1]]
    # closing one leaves two: no group any more, after the broadcast
    services.accept(db, actor, ids[0], on=DAY)
    services.close(db, actor, ids[0], "终止调解", on=DAY, note="撤回")
    ctx.notify_changed((ids[0],))
    qtbot.waitUntil(lambda: card.count.text() == "0")
    assert not card.isVisible()  # no hint, no card
