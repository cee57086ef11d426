"""What the forms' date fields rely on (issue #12): ``parse_date`` keeps every typed form
exactly, next year included, and the shipped 转人民调解 mapping."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from caseapp import services
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.storage.settings import DEFAULT_DIVERSION_TYPES, OfficeSettings


@pytest.mark.parametrize("text", ["2027-01-31", "2027/1/31", "2027.1.31", "2027年1月31日",
                                  "20270131", " 2027-1-31 "])
def test_a_typed_date_is_kept_exactly(text):
    assert v.parse_date(text) == date(2027, 1, 31)


@pytest.mark.parametrize("text", ["2027-13-01", "2026-02-30", "2026-3", "明年", "3/5/2026"])
def test_a_date_that_is_not_one_is_refused(text):
    with pytest.raises(ValueError):
        v.parse_date(text)


def test_every_petition_category_suggests_a_listed_dispute_type():
    s = OfficeSettings()
    assert set(wf.DEFAULT_PETITION_CATEGORIES) <= set(DEFAULT_DIVERSION_TYPES)
    assert set(DEFAULT_DIVERSION_TYPES.values()) <= set(wf.DEFAULT_DISPUTE_CATEGORIES)
    assert s.diversion_type("劳动社保") == "劳动争议纠纷"
    assert s.diversion_type("民政") == "婚姻家庭纠纷"
    assert s.diversion_type("教育") == "其他纠纷"
    assert s.diversion_type("新设类别") == "其他纠纷"


def test_the_mapping_is_stored_with_the_office_settings(db, actor):
    before = db.settings()
    assert before.diversion_types == DEFAULT_DIVERSION_TYPES
    services.save_settings(db, actor, replace(before, diversion_types={"劳动社保": "合同纠纷"}))
    db.invalidate_settings()
    assert db.settings().diversion_types == {"劳动社保": "合同纠纷"}
    assert db.settings().diversion_type("劳动社保") == "合同纠纷"
