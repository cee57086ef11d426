"""Screenshot states of the import and backup dialogs."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from caseapp.storage import backup
from ui.devtools.settle import settle
from ui.dialogs.backup_dialog import BackupDialog, file_size_text
from ui.dialogs.import_dialog import ImportDialog
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.context import AppContext

_SAMPLE_HEADER = "类型,编号,登记日期,受理日期,办结日期,办理结果,当事人,身份证号,联系电话,街镇,类别,来源,承办人,事项摘要\n"


def _sample_files(folder: Path) -> tuple[Path, Path]:
    """A file with typical mistakes and a clean one, for the screenshots."""
    bad = folder / "三月登记表.csv"
    bad.write_text(_SAMPLE_HEADER + "\n".join([
        "信访,,2026-03-02,2026-03-03,,,张秀英,500102195507142463,13812345678,马鞍街道,劳动社保,来访,周志强,反映某公司拖欠工资",
        "信访,,2026-03-04,,,,李建国,,13912345678,江北街道,拆迁补偿,来信,周志强,反映拆迁补偿款未到位",
        "纠纷,,2026-03-05,2026-03-01,,,王桂兰,,,李渡街道,邻里纠纷,当事人申请,刘晓燕,邻居加建房屋遮挡采光",
        "纠纷,,2026/3/6,2026/3/7,2026/3/12,调解成功,陈明,,1381234,白涛街道,合同纠纷,主动排查,刘晓燕,装修款结算争议",
        "信访,,2026-03-08,,,,,,,,教育,来电,黄海燕,反映学校收费问题",
        "纠纷,,2026年3月9日,,,,赵小红,,,荔枝街道,婚姻家庭纠纷,邻居介绍,刘晓燕,离婚后子女抚养费争议",
    ]) + "\n", encoding="utf-8-sig")
    good = folder / "二月登记表.csv"
    streets = ("马鞍街道", "江北街道", "李渡街道", "白涛街道")
    lines = []
    for i in range(1, 37):
        if i % 3:
            lines.append(f"信访,,2026-02-{i % 27 + 1:02d},,,,信访人{i},,,{streets[i % 4]},劳动社保,来访,"
                         f"周志强,反映工资拖欠问题{i}")
        else:
            lines.append(f"纠纷,,2026-02-{i % 27 + 1:02d},2026-02-28,,,申请人{i},,,{streets[i % 4]},"
                         f"邻里纠纷,当事人申请,刘晓燕,邻里通道占用争议{i}")
    good.write_text(_SAMPLE_HEADER + "\n".join(lines) + "\n", encoding="utf-8-sig")
    return bad, good


def import_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    folder = Path(tempfile.mkdtemp(prefix="casedesk-import-"))
    bad, good = _sample_files(folder)
    states = []
    for name, path in (("import-errors", bad), ("import-checked", good)):
        dialog = ImportDialog(ctx, path=path)
        dialog.check()
        settle(ctx, 60000)
        states.append((name, dialog))
    return states


def backup_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The dialog with two backups listed."""
    for when in (datetime(2026, 3, 19, 17, 30), datetime(2026, 3, 20, 8, 45)):
        backup.backup(ctx.db, now=when)
    dialog = BackupDialog(ctx)
    settle(ctx)
    newest = dialog.backups[0]
    dialog.say(tr("已备份：{0}（{1} 件案件，{2}）").format(
        newest.path.name, f"{newest.case_count:,}", file_size_text(newest.size)))
    return [("backup", dialog)]


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    return import_states(ctx) + backup_states(ctx)
