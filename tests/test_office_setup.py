"""The office setup act (services.save_office_setup, the first-run wizard's save): checked whole,
saved in one event, read back by the documents that print the names and the contact."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import delete, select
from test_case_docs import dispute, petition, text, with_agreement

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, ValidationError
from caseapp.reports import agreement as agreement_doc
from caseapp.reports import notices
from caseapp.services import OfficeSetup, accounts
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Event, Setting
from caseapp.storage.settings import DEFAULT_STREETS, OfficeSettings

SETUP = OfficeSetup(
    office_name=" 马鞍街道矛盾纠纷调解办 ", committee_name="马鞍街道人民调解委员会",
    petition_organ="马鞍街道办事处", contact_person="刘晓燕", contact_phone="023-7228 1234",
    petition_number_format="马信〔{year}〕{seq:03d}号",
    dispute_number_format="（{year}）调字第{seq:04d}号",
    streets=("马鞍街道", " 新城街道 ", "", "马鞍街道"), handlers=("周主任", "李明"))


def setting_events(db) -> list[Event]:
    with db.read() as s:
        return list(s.scalars(select(Event).where(Event.action == "settings_changed")))


def test_saved_in_one_act_with_every_change_in_its_event(db, actor):
    saved = services.save_office_setup(db, actor, SETUP)
    s = db.settings()
    assert saved == s
    assert (s.office_name, s.committee_name, s.petition_organ) == (
        "马鞍街道矛盾纠纷调解办", "马鞍街道人民调解委员会", "马鞍街道办事处")
    assert (s.contact_person, s.contact_phone) == ("刘晓燕", "023-72281234")
    assert s.petition_number_format == "马信〔{year}〕{seq:03d}号"
    assert s.streets == ("马鞍街道", "新城街道")  # blanks and repeats dropped
    assert s.handlers == ("周主任", "李明")
    assert s.limits == OfficeSettings().limits  # what the setup does not ask stays
    (event,) = setting_events(db)
    assert event.case_id is None and event.user_id == actor
    changes = json.loads(event.changes)
    assert set(changes) == {"office_name", "committee_name", "petition_organ", "contact_person",
                            "contact_phone", "petition_number_format", "streets", "handlers"}
    assert changes["office_name"] == ["矛盾纠纷调解办", "马鞍街道矛盾纠纷调解办"]
    assert changes["streets"] == [list(DEFAULT_STREETS), ["马鞍街道", "新城街道"]]
    assert changes["contact_phone"] == ["", "023****1234"]  # the trail never holds it in full
    # The next petition is numbered by the new format.
    assert petition(db, actor).number == "马信〔2026〕001号"


def test_bad_fields_named_in_chinese_and_nothing_saved(db, actor):
    before = db.settings()
    bad = replace(SETUP, office_name="", committee_name="人民调解委员会", contact_phone="12345",
                  dispute_number_format="固定编号", handlers=("李" * 65,))
    with pytest.raises(ValidationError) as caught:
        services.save_office_setup(db, actor, bad)
    assert {p.field: p.message for p in caught.value.problems} == {
        "office_name": "单位名称必须填写",
        "committee_name": "人民调解委员会全称不能只写「人民调解委员会」，如 马鞍街道人民调解委员会",
        "contact_phone": "联系电话：「12345」不是有效的手机号或固定电话",
        "dispute_number_format": "矛盾纠纷编号格式：编号格式须含 {seq}，例如 （{year}）调字第{seq:04d}号",
        "handlers": "承办人「李李李李李李李李李李李李…」超过64字",
    }
    assert db.settings() == before and setting_events(db) == []


def test_only_who_may_change_settings(db, actor):
    admin = accounts.setup_admin(db, "boss", "周主任", "Admin-pass-2026")
    clerk = accounts.add_user(db, admin, "deng", "登记员甲", wf.CLERK, "Clerk-pass-2026")
    with pytest.raises(PermissionDenied):
        services.save_office_setup(db, clerk, SETUP)
    assert db.settings().office_name == "矛盾纠纷调解办"
    services.save_office_setup(db, admin, SETUP)
    assert db.settings().office_name == "马鞍街道矛盾纠纷调解办"


def test_setup_of_settings_leaves_placeholders_empty(db, actor):
    start = OfficeSetup.of(db.settings())
    assert (start.office_name, start.committee_name) == ("", "")
    assert start.streets == DEFAULT_STREETS and start.handlers == ()
    services.save_office_setup(db, actor, SETUP)
    again = OfficeSetup.of(db.settings())
    assert again.committee_name == "马鞍街道人民调解委员会"
    assert again.contact_phone == "023-72281234"


def test_reminder_until_both_names_are_set(db, actor):
    assert queries.office_unnamed(db)
    services.save_settings(db, actor, replace(db.settings(), office_name="马鞍街道矛盾纠纷调解办"))
    assert queries.office_unnamed(db)  # the committee still has the placeholder
    services.save_office_setup(db, actor, SETUP)
    assert not queries.office_unnamed(db)


def test_new_fields_need_no_migration(db, actor, tmp_path):
    """Settings are key/value rows: a database written before these fields reads them as
    empty, and one written after keeps them across reopening."""
    services.save_office_setup(db, actor, SETUP)
    with db.write() as s:
        s.execute(delete(Setting).where(Setting.key.in_(("petition_organ", "contact_phone"))))
    db.invalidate_settings()
    s = db.settings()
    assert (s.petition_organ, s.contact_phone, s.contact_person) == ("", "", "刘晓燕")
    assert s.organ() == "马鞍街道矛盾纠纷调解办"  # the office signs when no organ is named
    db.dispose()
    reopened = open_database(db.url)
    try:
        assert reopened.settings().contact_person == "刘晓燕"
    finally:
        reopened.dispose()


def test_save_settings_checks_the_contact_phone(db, actor):
    with pytest.raises(ValidationError) as caught:
        services.save_settings(db, actor, replace(db.settings(), contact_phone="电话"))
    assert [p.field for p in caught.value.problems] == ["contact_phone"]
    services.save_settings(db, actor, replace(db.settings(), contact_phone="138 0013 8000"))
    assert db.settings().contact_phone == "13800138000"


def test_documents_print_the_names_and_the_contact(db, actor, tmp_path):
    services.save_office_setup(db, actor, SETUP)
    ref = petition(db, actor)
    services.accept(db, actor, ref.id, date(2026, 3, 5))
    t = text(notices.notice(db, ref.id, tmp_path / "n.pdf"))
    assert "联系人：刘晓燕，联系电话：023-72281234。" in t
    assert "马鞍街道办事处2026年3月5日" in t  # the organ that answers signs
    assert "（印章）" not in t  # the seal goes over name and date (issue 14)
    assert t.index("联系人") < t.index("特此告知")
    case = with_agreement(db, actor, dispute(db, actor))
    t = text(agreement_doc.agreement(db, case.id, tmp_path / "a.pdf"))
    assert t.startswith("马鞍街道人民调解委员会人民调解协议书")


def test_notice_without_a_contact_has_no_contact_line(db, actor, tmp_path):
    ref = petition(db, actor)
    services.accept(db, actor, ref.id, date(2026, 3, 5))
    t = text(notices.notice(db, ref.id, tmp_path / "n.pdf"))
    assert "联系人" not in t and "联系电话" not in t
    assert "矛盾纠纷调解办2026年3月5日" in t and "（印章）" not in t
