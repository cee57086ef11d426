"""设置 → 界面语言: this machine's interface language, saved at once, applied at the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from ui.i18n import ENGLISH, SYSTEM, UI_LANGUAGE, current_language, store_choice, stored_choice, tr
from ui.pages.settings.fields import muted

# Each language is named in itself, so a user who cannot read the other one still finds it.
CHOICES = ((SYSTEM, None), (UI_LANGUAGE, "中文"), (ENGLISH, "English"))


class LanguageBox(QGroupBox):
    """跟随系统 / 中文 / English in QSettings (per machine and user, not the office's settings)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(tr("界面语言（仅本机）"), parent)
        self.combo = QComboBox(self)
        for choice, name in CHOICES:
            self.combo.addItem(name or tr("跟随系统"), choice)
        self.combo.setAccessibleName(tr("界面语言"))
        self.combo.setCurrentIndex(max(0, self.combo.findData(stored_choice())))
        self.note = muted("", self)
        form = QFormLayout(self)
        form.addRow(tr("语言"), self.combo)
        form.addRow(self.note)
        self._say()
        self.combo.currentIndexChanged.connect(self._chosen)

    def _chosen(self) -> None:
        store_choice(self.combo.currentData())
        self._say()

    def _say(self) -> None:
        text = tr("重启后生效。打印的文书始终为中文。")
        if self.combo.currentData() not in (SYSTEM, current_language()):
            text = tr("已保存，重启 CaseDesk 后生效。打印的文书始终为中文。")
        self.note.setText(text)


__all__ = ["LanguageBox"]
