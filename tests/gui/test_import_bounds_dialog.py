"""The import dialog shows the warning about unknown columns after a check (issue #16)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.dialogs.import_dialog import ImportDialog


def test_unknown_columns_are_shown_after_the_check(qtbot, ctx, wait_idle, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("类型,登记日期,当事人,类别,事项摘要,备注<b>\n"
                    "信访,2026-03-02,张秀英,劳动社保,反映拖欠工资,x\n", encoding="utf-8-sig")
    dialog = ImportDialog(ctx, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.import_button.isEnabled()
    text = dialog.message_label.text()
    assert "备注&lt;b>" in text and "已忽略" in text
