"""Issue #16, item 10 at intake and editing: 涉及人数 / 集体访人数 / 涉及金额 typed by hand are
bounded like the import's (validation.parse_people_bounded, parse_amount_bounded): no
exponent burns CPU, no huge number reaches the database, and the field is named."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal

import pytest

from caseapp import services as s
from caseapp import validation as v
from caseapp.errors import ValidationError

HOSTILE_PEOPLE = ["1e999999", "1e30", "100001", "9" * 40, "3.5", "-2", "0x10"]
HOSTILE_AMOUNT = ["1e999999", "1e12", "12.345", "-1", "NaN", "Infinity", "9" * 40]


@pytest.mark.parametrize("value", HOSTILE_PEOPLE)
def test_people_is_bounded_for_hand_typing(value):
    start = time.process_time()
    with pytest.raises(ValueError):
        v.parse_people(value)
    assert time.process_time() - start < 0.5


@pytest.mark.parametrize("value", HOSTILE_AMOUNT)
def test_amount_is_bounded_for_hand_typing(value):
    start = time.process_time()
    with pytest.raises(ValueError):
        v.parse_amount(value)
    assert time.process_time() - start < 0.5


def test_good_typed_numbers_still_parse():
    assert v.parse_people("12") == 12 and v.parse_people(" 3 ") == 3
    assert v.parse_amount("12,000") == Decimal("12000.00")
    assert v.parse_amount("3000元") == Decimal("3000.00")
    assert v.parse_amount("0.5") == Decimal("0.50")


@pytest.mark.parametrize("field,value", [("people_count", "1e999999"), ("amount", "1e999999"),
                                         ("group_size", "1e30"), ("people_count", "100001")])
def test_edit_names_the_field(db, actor, field, value):
    ref = s.register_petition(db, actor, s.CaseInput(summary="测试", category="劳动社保",
                                                     received_on=date(2026, 3, 2)),
                              [s.PartyInput("张三", "信访人")])
    with pytest.raises(ValidationError) as err:
        s.edit(db, actor, ref.id, {field: value})
    assert [p.field for p in err.value.problems] == [field]


@pytest.mark.parametrize("field,value", [("people_count", 10 ** 30), ("amount", Decimal("1e30")),
                                         ("group_size", 10 ** 30)])
def test_intake_refuses_huge_numbers_by_field(db, actor, field, value):
    data = s.CaseInput(summary="测试", category="劳动社保", received_on=date(2026, 3, 2))
    setattr(data, field, value)
    with pytest.raises(ValidationError) as err:
        s.register_petition(db, actor, data, [s.PartyInput("张三", "信访人")])
    assert field in [p.field for p in err.value.problems]
