"""设置 → 单位信息 → 文书字体: which face each role of the documents got (read-only)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from ui.i18n import UI_LANGUAGE, current_language, tr
from ui.pages.settings.fields import muted

if TYPE_CHECKING:
    from ui.context import AppContext

# What caseapp.reports.fonts adds to a face's name and says of missing faces (in Chinese, as
# its printouts are): translated here for the interface.
FACE_NOTES = ("（相近字体）", "（未嵌入）", "，描边加粗")
MISSING = re.compile(r"^本机未安装(.+)字体，文书暂用相近字体印制；如需符合公文格式，请安装后重新打开本程序。$")
MISSING_NOTICE = "本机未安装{0}字体，文书暂用相近字体印制；如需符合公文格式，请安装后重新打开本程序。"


def face_text(face: str) -> str:
    for note in FACE_NOTES:
        face = face.replace(note, tr(note))
    return face


def notice_text(notice: str) -> str:
    missing = MISSING.match(notice)
    if missing is None:
        return tr(notice)
    sep = "、" if current_language() == UI_LANGUAGE else ", "
    return tr(MISSING_NOTICE).format(sep.join(tr(name) for name in missing.group(1).split("、")))


def font_report(db) -> tuple[list[tuple[str, str, str]], str]:
    """Runs on a worker (the font folders are searched once): (role, face, file) and the
    notice about missing 仿宋 / 小标宋 ("" when none is missing), for the settings' font path."""
    from caseapp.reports import fonts  # ReportLab: loaded here, not when the page opens

    font_path = db.settings().font_path
    return fonts.font_roles(font_path), fonts.chinese_fonts(font_path).notice


class FontsBox(QGroupBox):
    """文书字体: one line per role (正文 仿宋, 标题 小标宋, 标签 黑体) with the face found, and a
    warning when 仿宋 or 小标宋 is missing — said here once, never on the printed page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(tr("文书字体"), parent)
        self.ctx = ctx
        self.form = QFormLayout(self)
        self.rows: dict[str, QLabel] = {}
        self.notice = muted("", self)
        self.notice.setProperty("role", "warning")
        self.notice.hide()
        self.form.addRow(muted(tr("正在查找本机字体…"), self))
        ctx.runner.run(self, font_report, ctx.db, on_done=self._show,
                       on_error=lambda exc: self._failed(str(exc)))

    def _show(self, report: tuple[list[tuple[str, str, str]], str]) -> None:
        roles, notice = report
        while self.form.rowCount():
            self.form.removeRow(0)
        for role, face, path in roles:
            label = QLabel(face_text(face), self)
            label.setToolTip(path)
            self.form.addRow(tr(role), label)
            self.rows[role] = label
        if notice:
            self.notice.setText(notice_text(notice))
            self.notice.show()
            self.form.addRow(self.notice)

    def _failed(self, message: str) -> None:
        self.form.addRow(muted(tr("无法读取本机字体：{0}").format(message), self))
