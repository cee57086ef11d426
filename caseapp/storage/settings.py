"""Office-wide settings: declared once here, stored in the ``settings`` table as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseapp.deadlines import Limits, limits_from_json
from caseapp.storage.models import Setting

DEFAULT_STREETS = ("马鞍街道", "江北街道", "李渡街道", "白涛街道", "荔枝街道", "崇义街道", "敦仁街道", "龙桥街道")

# A superior's form counts disputes by its own rows: dispute type -> the row it is counted in
# (the rows of the 矛盾纠纷排查情况表; docs/forms.md). A type not listed is counted in no row.
_CIVIL = "婚姻家庭邻里等各类民间纠纷"
_ECONOMIC = "经济活动引发的矛盾纠纷"
DEFAULT_FORM_ROWS = {
    "婚姻家庭纠纷": _CIVIL, "邻里纠纷": _CIVIL, "房屋宅基地纠纷": _CIVIL, "损害赔偿纠纷": _CIVIL,
    "合同纠纷": _ECONOMIC, "生产经营纠纷": _ECONOMIC, "消费纠纷": _ECONOMIC,
    "山林土地纠纷": "土地矿产山林水利界限权属纠纷", "征地拆迁纠纷": "征地拆迁安置引发的矛盾纠纷",
    "环境污染纠纷": "环境污染、生态破坏引发的矛盾纠纷", "劳动争议纠纷": "劳资纠纷",
    "医疗纠纷": "医患纠纷", "物业纠纷": "建筑工程质量、物业管理等问题引发的矛盾纠纷",
    "道路交通事故纠纷": "其他", "其他纠纷": "其他",
}

# 转人民调解 suggests the new dispute's type from the petition's category (docs/domain.md §3);
# a category not listed suggests OTHER_DISPUTE_TYPE.
OTHER_DISPUTE_TYPE = "其他纠纷"
DEFAULT_DIVERSION_TYPES = {
    "劳动社保": "劳动争议纠纷", "城乡建设": "房屋宅基地纠纷", "自然资源": "山林土地纠纷",
    "农业农村": "山林土地纠纷", "卫生健康": "医疗纠纷", "交通运输": "道路交通事故纠纷",
    "市场监管": "消费纠纷", "企业经营": "合同纠纷", "生态环境": "环境污染纠纷", "民政": "婚姻家庭纠纷",
    "教育": OTHER_DISPUTE_TYPE, "涉法涉诉": OTHER_DISPUTE_TYPE, "党务政务": OTHER_DISPUTE_TYPE,
    "其他": OTHER_DISPUTE_TYPE,
}


# The shipped names: an office still showing them has not told the program who it is.
DEFAULT_OFFICE_NAME = "矛盾纠纷调解办"
DEFAULT_COMMITTEE_NAME = "人民调解委员会"


@dataclass(frozen=True)
class OfficeSettings:
    office_name: str = DEFAULT_OFFICE_NAME
    committee_name: str = DEFAULT_COMMITTEE_NAME
    # The organ that answers petitions (信访事项的处理机关), signing the notices; "" = office_name.
    petition_organ: str = ""
    # Printed on the notices so that a petitioner knows whom to ask.
    contact_person: str = ""
    contact_phone: str = ""
    # {year} and {seq} are filled in; {seq:04d} pads to four digits.
    petition_number_format: str = "（{year}）信字第{seq:04d}号"
    dispute_number_format: str = "（{year}）调字第{seq:04d}号"
    limits: Limits = field(default_factory=Limits)
    streets: tuple[str, ...] = DEFAULT_STREETS
    handlers: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    report_header: str = ""
    # 保管期限 printed on the 卷宗's cover (reports/dossier_pages.py): 10年, 30年, 永久 …
    dossier_retention: str = "10年"
    font_path: str = ""
    # Early warning (docs/domain.md §9): the same 村/社区 and category within this many days,
    # this many related open cases, or one open case of this many people make a hint.
    warning_window_days: int = 30
    warning_min_cluster: int = 3
    warning_min_people: int = 5
    # The screen locks after this many idle minutes when accounts are set up (0 = never).
    idle_lock_minutes: int = 10
    # Backups (caseapp/storage/backup.py): "" = <data folder>/backups; copies kept per day / month.
    backup_dir: str = ""
    keep_daily: int = 14
    keep_monthly: int = 12
    # Filled forms (caseapp/figures/forms.py): dispute type -> a form's row.
    form_rows: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FORM_ROWS), hash=False)
    # 转人民调解: petition category -> the dispute type the close dialog suggests.
    diversion_types: dict[str, str] = field(
        default_factory=lambda: dict(DEFAULT_DIVERSION_TYPES), hash=False)

    def number_format(self, kind: str) -> str:
        return self.petition_number_format if kind == "petition" else self.dispute_number_format

    def diversion_type(self, category: str) -> str:
        """The dispute type 转人民调解 suggests for a petition of ``category``."""
        return self.diversion_types.get(category) or OTHER_DISPUTE_TYPE

    def organ(self) -> str:
        """The name that signs a petition's notices: the organ that answers, else the office."""
        return self.petition_organ or self.office_name

    def office_unnamed(self) -> bool:
        """True while the office or committee name is empty or still the shipped one: documents
        would be headed just 「人民调解委员会」 (the workbench reminds until both are set)."""
        return (self.office_name.strip() in ("", DEFAULT_OFFICE_NAME)
                or self.committee_name.strip() in ("", DEFAULT_COMMITTEE_NAME))


def limits_to_json(limits: Limits) -> dict:
    value = asdict(limits)
    value["workdays"] = sorted(limits.workdays)
    return value


def load_settings(session: Session) -> OfficeSettings:
    stored = {s.key: json.loads(s.value) for s in session.scalars(select(Setting))}
    values = {}
    for f in fields(OfficeSettings):
        if f.name not in stored:
            continue
        value = stored[f.name]
        if f.name == "limits":
            value = limits_from_json(value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return OfficeSettings(**values)


def store_settings(session: Session, settings: OfficeSettings) -> None:
    for f in fields(OfficeSettings):
        value = getattr(settings, f.name)
        if isinstance(value, Limits):
            value = limits_to_json(value)
        elif isinstance(value, tuple):
            value = list(value)
        row = session.get(Setting, f.name)
        text = json.dumps(value, ensure_ascii=False)
        if row is None:
            session.add(Setting(key=f.name, value=text))
        else:
            row.value = text


def format_number(template: str, year: int, seq: int) -> str:
    return template.format(year=year, seq=seq)


NUMBER_MAX = 64  # the width of the number column


def number_example(template: str, year: int, seq: int = 1) -> tuple[str, str]:
    """(the number ``template`` gives, "") or ("", what is wrong with it)."""
    try:
        example, other = format_number(template, year, seq), format_number(template, year, seq + 1)
    except (KeyError, ValueError, IndexError, TypeError, AttributeError):
        return "", "格式有误：只能使用 {year} 和 {seq}（如 {seq:04d}），花括号须成对"
    if not template.strip() or example == other:
        return "", "编号格式须含 {seq}，例如 （{year}）调字第{seq:04d}号"
    if len(example) > NUMBER_MAX:
        return "", f"编号过长，不能超过{NUMBER_MAX}个字"
    return example, ""
