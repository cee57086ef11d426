from datetime import date
from decimal import Decimal

import pytest

from caseapp import validation as v

GOOD_ID = "500102195507142462"


@pytest.mark.parametrize(
    "text",
    ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "20260305", "2026-3-5 00:00:00"],
)
def test_every_listed_date_form(text):
    assert v.parse_date(text) == date(2026, 3, 5)


def test_excel_serial_and_datetime():
    from datetime import datetime

    assert v.parse_date(46086) == date(2026, 3, 5)
    assert v.parse_date(datetime(2026, 3, 5, 10, 0)) == date(2026, 3, 5)
    assert v.parse_date("  ") is None


@pytest.mark.parametrize("text", ["2026-02-30", "2026/13/1", "三月五日", "2026-3"])
def test_bad_dates_are_refused_in_chinese(text):
    with pytest.raises(ValueError, match="日期"):
        v.parse_date(text)


def test_id_number_checksum_and_gender():
    info = v.check_id_number(GOOD_ID)
    assert info.gender == "女" and info.birth_date == date(1955, 7, 14)
    assert v.check_id_number("50010219550714246x".replace("x", "2")).number == GOOD_ID
    with pytest.raises(ValueError, match="校验位"):
        v.check_id_number(GOOD_ID[:-1] + "3")
    with pytest.raises(ValueError, match="18位"):
        v.check_id_number("5001021955071424")
    with pytest.raises(ValueError, match="出生日期"):
        bad = "500102195513142462"
        from stdnum.cn import ric

        v.check_id_number(bad[:-1] + ric.calc_check_digit(bad))


@pytest.mark.parametrize("phone", ["13812345678", "023-72345678", "02372345678", "+86 138 1234 5678"])
def test_phones(phone):
    assert v.check_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "1381234567", "abc", "23812345678"])
def test_bad_phones(phone):
    with pytest.raises(ValueError, match="手机号或固定电话"):
        v.check_phone(phone)


def test_numbers_and_flags():
    assert v.parse_bool("是") is True and v.parse_bool("否") is False and v.parse_bool("") is False
    with pytest.raises(ValueError):
        v.parse_bool("可能")
    assert v.parse_people("6") == 6 and v.parse_people("") is None
    with pytest.raises(ValueError):
        v.parse_people("0")
    with pytest.raises(ValueError):
        v.parse_people("2.5")
    assert v.parse_amount("2,925.92") == Decimal("2925.92")
    with pytest.raises(ValueError):
        v.parse_amount("-1")


def test_cross_field_dates():
    assert v.check_dates(date(2026, 3, 2), date(2026, 3, 1), None) == [("accepted_on", "受理日期不能早于登记日期")]
    assert v.check_dates(date(2026, 3, 1), date(2026, 3, 5), date(2026, 3, 4))[0][0] == "closed_on"
    assert v.check_dates(date(2026, 3, 1), None, date(2026, 3, 4), rejected=True) == []


def test_masks():
    assert v.mask_id_number("50010219550714123X") == "500102********123X"
    assert v.mask_phone("13812345678") == "138****5678"
    assert v.mask_name("张秀英") == "张**"
