"""The import dialog, clicked through: a bad file shows every problem and imports nothing; a good
file passes the check and imports; Cancel rolls back; the template carries the headers."""

from __future__ import annotations

import csv
import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QPushButton
from sqlalchemy import func, select

from caseapp import exchange
from caseapp.storage.models import Case, Event, Person
from ui.dialogs import import_dialog
from ui.dialogs.import_dialog import ImportDialog

HEADER = "类型,编号,登记日期,受理日期,当事人,身份证号,联系电话,对方当事人,街镇,类别,来源,承办人,事项摘要"
GOOD_ROWS = [
    "信访,,2026-03-02,2026-03-03,张秀英,500102195507142462,13812345678,,马鞍街道,劳动社保,来访,周志强,反映某公司拖欠工资",
    "信访,,2026/3/4,,李建国,,,,江北街道,教育,来信,周志强,反映学校收费问题",
    "纠纷,,2026年3月5日,2026-03-06,王桂兰,500234199612106978,,陈明,李渡街道,邻里纠纷,当事人申请,刘晓燕,邻居加建房屋遮挡采光",
]


def write_csv(path, rows):
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def db_counts(db):
    with db.read() as session:
        return (session.scalar(select(func.count(Case.id))),
                session.scalar(select(func.count(Person.id))),
                session.scalar(select(func.count(Event.id))))


def table_rows(dialog):
    t = dialog.problem_table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


@pytest.fixture
def bad_csv(tmp_path):
    # Data rows are spreadsheet rows 2..6 (the header is row 1).
    return write_csv(tmp_path / "bad.csv", [
        GOOD_ROWS[0],
        # Row 3: the ID number's check digit is wrong.
        "信访,,2026-03-04,,李建国,500102195507142463,,,江北街道,教育,来信,周志强,反映学校收费问题",
        GOOD_ROWS[1],
        # Row 5: a category that is not in the list.
        "信访,,2026-03-05,,赵小红,,,,江北街道,拆迁补偿,来信,周志强,反映拆迁补偿款未到位",
        # Row 6: accepted before it was received.
        "纠纷,,2026-03-06,2026-03-01,王桂兰,,,,李渡街道,邻里纠纷,当事人申请,刘晓燕,邻居加建房屋遮挡采光",
    ])


def open_dialog(qtbot, ctx, path=None):
    dialog = ImportDialog(ctx, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_bad_file_lists_every_problem_and_imports_nothing(qtbot, ctx, db, wait_idle, bad_csv,
                                                            tmp_path, monkeypatch):
    before = db_counts(db)
    dialog = open_dialog(qtbot, ctx)
    assert not dialog.check_button.isEnabled()
    assert not dialog.import_button.isEnabled()
    monkeypatch.setattr(import_dialog, "choose_open_file", lambda *a: str(bad_csv))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.file_edit.text() == str(bad_csv)

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_idle()

    rows = table_rows(dialog)
    assert [(r, c) for r, c, _ in rows] == [("3", "身份证号"), ("5", "类别"), ("6", "受理日期")]
    assert "校验位" in rows[0][2]
    assert "拆迁补偿" in rows[1][2]
    assert rows[2][2] == "受理日期不能早于登记日期"
    assert dialog.problem_table.isVisible()
    assert dialog.summary_label.text() == "发现 3 处问题，未导入任何案件。请修改文件后重新检查。"
    assert "#cf222e" in dialog.summary_label.styleSheet()
    assert not dialog.import_button.isEnabled()
    assert db_counts(db) == before

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().splitlines() == [
        "第3行 身份证号: " + rows[0][2], "第5行 类别: " + rows[1][2],
        "第6行 受理日期: 受理日期不能早于登记日期"]

    target = tmp_path / "problems"
    monkeypatch.setattr(import_dialog, "choose_save_file", lambda *a: str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_idle()
    with open(tmp_path / "problems.csv", encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [["行", "列", "问题"]] + [list(r) for r in rows]

    # Import stays impossible: clicking the disabled button writes nothing.
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert db_counts(db) == before


def test_a_good_file_is_checked_then_imported(qtbot, ctx, db, wait_idle, tmp_path):
    path = write_csv(tmp_path / "good.csv", GOOD_ROWS)
    changed = []
    ctx.data_changed.connect(changed.append)
    dialog = open_dialog(qtbot, ctx, path)
    assert not dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.summary_label.text() == "检查通过：可导入 3 件（信访件 2 件，矛盾纠纷 1 件）"
    assert not dialog.problem_table.isVisible()
    assert dialog.import_button.isEnabled()
    assert db_counts(db)[0] == 0  # the check wrote nothing
    assert changed == []

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.stack.currentIndex() == 1
    assert dialog.done_label.text() == (
        "已导入 3 件（信访件 2 件，矛盾纠纷 1 件），自动编号 3 件，新增人员 4 人")
    assert changed == [()]
    with db.read() as session:
        cases = session.execute(select(Case.kind, Case.number, Case.category, Case.status)
                                .order_by(Case.received_on)).all()
    assert [(k, c, s) for k, _n, c, s in cases] == [
        ("petition", "劳动社保", "in_progress"), ("petition", "教育", "registered"),
        ("dispute", "邻里纠纷", "in_progress")]
    assert cases[0].number == "（2026）信字第0001号"

    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Accepted


def test_enter_runs_the_check_then_the_import(qtbot, ctx, db, wait_idle, tmp_path):
    dialog = open_dialog(qtbot, ctx, write_csv(tmp_path / "good.csv", GOOD_ROWS[:1]))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    wait_idle()
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    wait_idle()
    assert db_counts(db)[0] == 1


def test_cancel_during_import_writes_nothing(qtbot, ctx, db, wait_idle, tmp_path, monkeypatch):
    # Enough rows for the import to write a first batch before it yields progress.
    rows = [f"信访,,2026-03-{i % 28 + 1:02d},,信访人{i},,,,马鞍街道,劳动社保,来访,周志强,事项{i}"
            for i in range(2 * exchange.BATCH + 10)]
    path = write_csv(tmp_path / "big.csv", rows)
    dialog = open_dialog(qtbot, ctx, path)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.import_button.isEnabled()

    # Hold the import after its first progress step (a batch is then written but not
    # committed) until the clerk has pressed Cancel.
    real, gate = exchange.import_file, threading.Event()

    def held(*args, **kwargs):
        job = real(*args, **kwargs)
        yield next(job)
        gate.wait(10)
        yield from job

    monkeypatch.setattr(exchange, "import_file", held)
    try:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        # The check's progress dialog may still await deletion: pick the import's own.
        progress = next(p for p in dialog.findChildren(QProgressDialog)
                        if p.windowTitle() == "正在导入案件")
        qtbot.waitUntil(progress.isVisible, timeout=5000)
        cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "取消")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        gate.set()
    wait_idle()
    assert dialog.summary_label.text() == "已取消导入，没有写入任何案件。"
    assert dialog.stack.currentIndex() == 0
    assert db_counts(db)[0] == 0


def test_download_template_writes_the_headers(qtbot, ctx, wait_idle, tmp_path, monkeypatch):
    dialog = open_dialog(qtbot, ctx)
    monkeypatch.setattr(import_dialog, "choose_save_file", lambda *a: str(tmp_path / "模板"))
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    wait_idle()
    wb = load_workbook(tmp_path / "模板.xlsx", read_only=True)
    sheet = wb.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [tuple(zh for zh, _ in exchange.HEADERS)]
    assert "模板已保存到" in dialog.detail_label.text()
    wb.close()
    # An empty template is a well-formed file that import reads (and finds no cases in).
    with pytest.raises(exchange.ImportRefused, match="没有案件行"):
        exchange.run_import(ctx.db, ctx.actor, tmp_path / "模板.xlsx", dry_run=True)
