"""The settings page, clicked and typed through: what is saved is what the database holds and
what the next act uses; refused input is shown beside the field and saves nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.services import accounts
from caseapp.storage.models import Case, Category, Department, Event
from gui.keyboard import type_text
from ui.pages.settings.page import SettingsPage

TAB_OFFICE, TAB_NUMBERS, TAB_LIMITS, TAB_CATEGORIES, TAB_LISTS, TAB_DEPARTMENTS = range(6)


@pytest.fixture
def page(qtbot, ctx, wait_idle):
    widget = SettingsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1166, 658)
    widget.show()
    qtbot.waitExposed(widget)
    wait_idle()
    assert widget.tabs.isEnabled()
    return widget


def retype(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def click(qtbot, button):
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_row(qtbot, table, text):
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == text)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return row


def settings_events(db):
    with db.read() as session:
        return session.scalar(select(func.count(Event.id)).where(Event.action == "settings_changed"))


def register_petition(db, actor, category="劳动社保", received=date(2026, 3, 1)):
    return services.register_petition(
        db, actor, services.CaseInput(summary="反映某公司拖欠工资", category=category,
                                      received_on=received),
        [services.PartyInput(name="张秀英", role="信访人")])


def test_office_name_and_number_format_are_saved_and_used(qtbot, ctx, db, actor, page, wait_idle):
    changed = []
    ctx.data_changed.connect(changed.append)
    assert page.office_tab.office_name.text() == "矛盾纠纷调解办"
    assert not page.save_button.isEnabled()
    retype(qtbot, page.office_tab.office_name, "涪陵高新区矛盾纠纷调解办")
    assert page.state_label.text() == "有未保存的修改"

    page.tabs.setCurrentIndex(TAB_NUMBERS)
    assert page.numbers_tab.previews["petition"].text() == "下一个编号示例：（2026）信字第0001号"
    retype(qtbot, page.numbers_tab.edits["petition"], "涪高信〔{year}〕{seq:03d}号")
    assert page.numbers_tab.previews["petition"].text() == "下一个编号示例：涪高信〔2026〕001号"
    assert not page.numbers_tab.errors["petition"].isVisible()

    click(qtbot, page.save_button)
    wait_idle()
    saved = db.settings()
    assert saved.office_name == "涪陵高新区矛盾纠纷调解办"
    assert saved.petition_number_format == "涪高信〔{year}〕{seq:03d}号"
    assert saved.dispute_number_format == "（{year}）调字第{seq:04d}号"  # untouched
    assert page.state_label.text() == "所有修改均已保存"
    assert not page.save_button.isEnabled()
    assert () in changed

    ref = register_petition(db, actor)
    assert ref.number == "涪高信〔2026〕001号"
    ctx.notify_changed((ref.id,))  # as the intake dialog does after an act
    wait_idle()  # the page follows the data: the preview shows the next number
    assert page.numbers_tab.previews["petition"].text() == "下一个编号示例：涪高信〔2026〕002号"


def test_a_bad_number_format_is_shown_beside_the_field_and_nothing_is_saved(qtbot, db, page,
                                                                          wait_idle):
    events_before = settings_events(db)
    page.tabs.setCurrentIndex(TAB_NUMBERS)
    edit, error = page.numbers_tab.edits["petition"], page.numbers_tab.errors["petition"]
    retype(qtbot, edit, "固定编号")
    assert error.isVisible() and "{seq}" in error.text()
    assert edit.property("invalid") is True
    assert not page.numbers_tab.previews["petition"].isVisible()

    page.tabs.setCurrentIndex(TAB_OFFICE)
    click(qtbot, page.save_button)
    wait_idle()
    assert page.tabs.currentIndex() == TAB_NUMBERS  # the page goes to the problem
    assert error.isVisible() and "{seq}" in error.text()
    db.invalidate_settings()
    assert db.settings().petition_number_format == "（{year}）信字第{seq:04d}号"
    assert settings_events(db) == events_before
    assert page.state_label.text() == "有未保存的修改"

    # Broken templates are caught while typing, too; fixing it clears the mark.
    for broken in ("（{year}）信字第{seq:04d号", "{seq[0]}号", "{0}号"):
        retype(qtbot, edit, broken)
        assert error.isVisible(), broken
        click(qtbot, page.save_button)
        wait_idle()
    assert settings_events(db) == events_before
    retype(qtbot, edit, "（{year}）信字第{seq:05d}号")
    assert not error.isVisible() and edit.property("invalid") is False
    assert page.numbers_tab.previews["petition"].text() == "下一个编号示例：（2026）信字第00001号"


def test_a_refusal_from_services_is_shown_beside_its_field(qtbot, db, page, wait_idle,
                                                          monkeypatch):
    def refuse(db, actor, settings):
        raise ValidationError([Problem("limits", "期限天数应为正整数"),
                               Problem("office_name", "单位名称过长")])

    monkeypatch.setattr(services, "save_settings", refuse)
    retype(qtbot, page.office_tab.office_name, "某某调解办")
    click(qtbot, page.save_button)
    wait_idle()
    assert page.tabs.currentIndex() == TAB_LIMITS
    assert page.limits_tab.error.isVisible() and page.limits_tab.error.text() == "期限天数应为正整数"
    assert page.form_error.isVisible() and page.form_error.text() == "单位名称过长"
    assert page.save_button.isEnabled()  # the edit is kept to be corrected
    assert page.state_label.text() == "有未保存的修改"


def test_limits_are_stored_and_used_for_the_next_deadline(qtbot, ctx, db, actor, page, wait_idle):
    page.tabs.setCurrentIndex(TAB_LIMITS)
    spin = page.limits_tab.spins["petition_handle"]
    assert spin.value() == 60 and spin.suffix() == " 天"
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "45")
    assert spin.value() == 45
    qtbot.keyClick(page.limits_tab.spins["due_soon_days"], Qt.Key.Key_Up)
    assert page.limits_tab.spins["due_soon_days"].value() == 8
    click(qtbot, page.save_button)
    wait_idle()
    limits = db.settings().limits
    assert (limits.petition_handle, limits.due_soon_days, limits.petition_accept) == (45, 8, 15)

    ref = register_petition(db, actor)
    services.accept(db, actor, ref.id, on=date(2026, 3, 1))
    with db.read() as session:
        assert session.scalar(select(Case.due_on).where(Case.id == ref.id)) == date(2026, 4, 15)


def test_retire_restore_and_add_a_category(qtbot, ctx, db, actor, page, wait_idle):
    page.tabs.setCurrentIndex(TAB_CATEGORIES)
    ctx.notify_changed((register_petition(db, actor, category="教育").id,))
    wait_idle()
    editor = page.categories_tab.editors["petition"]
    row = click_row(qtbot, editor.table, "教育")
    assert editor.table.item(row, 2).text() == "1 件"
    assert editor.toggle_button.text() == "停用"

    click(qtbot, editor.toggle_button)
    wait_idle()
    with db.read() as session:
        assert session.scalar(select(Category.active).where(
            Category.kind == "petition", Category.name == "教育")) is False
    assert editor.table.item(row, 1).text() == "已停用"
    assert editor.toggle_button.text() == "启用"  # still selected after the reload
    with pytest.raises(ValidationError) as refused:
        register_petition(db, actor, category="教育")
    assert refused.value.for_field("category")

    click(qtbot, editor.toggle_button)
    wait_idle()
    assert editor.table.item(row, 1).text() == "使用中"
    register_petition(db, actor, category="教育")  # accepted again

    # Add: a duplicate is refused beside the field; a new name is added at once.
    editor.edit.setFocus()
    type_text(qtbot, editor.edit, "教育")
    click(qtbot, editor.add_button)
    assert editor.error.isVisible() and "已在列表中" in editor.error.text()
    retype(qtbot, editor.edit, "网格治理")
    assert not editor.error.isVisible()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    wait_idle()
    assert editor.table.item(editor.table.rowCount() - 1, 0).text() == "网格治理"
    assert editor.edit.text() == ""
    assert editor.selected().name == "网格治理"
    with db.read() as session:
        assert session.scalar(select(Category.active).where(
            Category.kind == "petition", Category.name == "网格治理")) is True
    # The dispute list is its own.
    assert "网格治理" not in [i.name for i in page.categories_tab.editors["dispute"].items]


def test_street_handler_and_mediator_lists(qtbot, db, page, wait_idle):
    page.tabs.setCurrentIndex(TAB_LISTS)
    streets = page.lists_tab.editors["streets"]
    streets.edit.setFocus()
    type_text(qtbot, streets.edit, "新城街道")
    click(qtbot, streets.add_button)
    type_text(qtbot, streets.edit, "马鞍街道")
    qtbot.keyClick(streets.edit, Qt.Key.Key_Return)
    assert streets.error.isVisible() and "已在列表中" in streets.error.text()
    item = streets.list.findItems("龙桥街道", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(streets.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=streets.list.visualItemRect(item).center())
    click(qtbot, streets.remove_button)
    handlers = page.lists_tab.editors["handlers"]
    handlers.edit.setFocus()
    type_text(qtbot, handlers.edit, "周志强")
    qtbot.keyClick(handlers.edit, Qt.Key.Key_Return)
    assert handlers.count_label.text() == "共 1 项"

    click(qtbot, page.save_button)
    wait_idle()
    saved = db.settings()
    assert "新城街道" in saved.streets and "龙桥街道" not in saved.streets
    assert saved.streets[-1] == "新城街道"
    assert saved.handlers == ("周志强",)
    assert saved.mediators == ()


def test_discard_restores_the_loaded_values(qtbot, db, page, wait_idle):
    retype(qtbot, page.office_tab.committee_name, "马鞍街道人民调解委员会")
    page.limits_tab.spins["follow_up"].setValue(20)
    page.tabs.setCurrentIndex(TAB_LISTS)
    page.lists_tab.editors["mediators"].edit.setText("刘晓燕")
    click(qtbot, page.lists_tab.editors["mediators"].add_button)
    assert page.revert_button.isEnabled()
    click(qtbot, page.revert_button)
    assert page.office_tab.committee_name.text() == "人民调解委员会"
    assert page.limits_tab.spins["follow_up"].value() == 30
    assert page.lists_tab.editors["mediators"].values() == ()
    assert not page.save_button.isEnabled() and not page.revert_button.isEnabled()
    assert settings_events(db) == 0


def test_departments_add_and_retire(qtbot, ctx, db, wait_idle):
    with db.write() as session:
        session.add(Department(name="派出所", active=True))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle()
    page.tabs.setCurrentIndex(TAB_DEPARTMENTS)
    editor = page.departments_tab.editor
    assert [i.name for i in editor.items] == ["派出所"]
    editor.edit.setFocus()
    type_text(qtbot, editor.edit, "司法所")
    click(qtbot, editor.add_button)
    wait_idle()
    assert [(i.name, i.active) for i in editor.items] == [("派出所", True), ("司法所", True)]
    click_row(qtbot, editor.table, "派出所")
    click(qtbot, editor.toggle_button)
    wait_idle()
    with db.read() as session:
        assert dict(session.execute(select(Department.name, Department.active)).all()) == {
            "派出所": False, "司法所": True}
    assert editor.table.item(0, 1).text() == "已停用"


def test_departments_are_read_only_without_the_act(qtbot, ctx, db, wait_idle):
    admin = accounts.setup_admin(db, "boss", "周主任", "Admin-pass-2026")
    viewer = accounts.add_user(db, admin, "look", "赵查看", wf.VIEWER, "Viewer-pass-2026")
    ctx.set_user(viewer)  # a role without the settings act
    with db.write() as session:
        session.add(Department(name="派出所", active=True))
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle()
    page.tabs.setCurrentIndex(TAB_DEPARTMENTS)
    editor = page.departments_tab.editor
    assert [i.name for i in editor.items] == ["派出所"]
    assert not editor.add_button.isVisible() and not editor.toggle_button.isVisible()
    assert "只能查看" in page.departments_tab.note.text()
