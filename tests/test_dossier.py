"""The 卷宗 of a dispute (docs/documents.md "The dossier"), read back with pypdf: the 卷内目录
lists the parts in the official order with the pages they really start on, the attachments by
kind (an image makes a page, a PDF is merged, another file is listed only), the completeness
check and its refusal by the CLI, the attachment-kind act and migration 0009."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas
from sqlalchemy import select

from caseapp import services as s
from caseapp import workflow as wf
from caseapp.errors import PermissionDenied, ValidationError, WorkflowError
from caseapp.queries.case_detail import case_detail
from caseapp.reports import documents
from caseapp.reports.base import cn_date
from caseapp.reports.dossier_plan import missing_items
from caseapp.services import accounts
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Attachment, Event

COMMITTEE = "涪陵区李渡街道人民调解委员会"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def texts(path) -> list[str]:
    """Each page's text, without the page number (drawn first, so it leads)."""
    return [re.sub(r"^—\d+—", "", flat(p.extract_text() or "")) for p in PdfReader(str(path)).pages]


@pytest.fixture
def office(db, actor):
    s.save_settings(db, actor, replace(db.settings(), committee_name=COMMITTEE,
                                       contact_person="刘晓燕", dossier_retention="30年"))


def png(path: Path, size=(300, 200)) -> Path:
    from PIL import Image

    Image.new("RGB", size, (200, 40, 40)).save(path)
    return path


def pdf(path: Path, text: str, pages: int = 2) -> Path:
    c = canvas.Canvas(str(path))
    for i in range(pages):
        c.drawString(100, 700, f"{text} {i + 1}")
        c.showPage()
    c.save()
    return path


def carried_through(db, actor, tmp_path, *, outcome=wf.MEDIATED, id_card=True, sessions=2):
    """A dispute through every act: accepted, mediated (twice), agreed in writing, closed,
    visited, applied for 司法确认, with attachments of every kind."""
    ref = s.register_dispute(db, actor, s.CaseInput(
        summary="邻居加建雨棚遮挡采光", category="邻里纠纷", received_on=date(2026, 3, 1),
        source="当事人申请", street="李渡街道", community="玉屏村", handler="周志强",
        mediators="王德明", details="申请人称被申请人加建雨棚遮挡其房屋采光。"), [
        s.PartyInput(name="高明花", role="申请人", id_number="500234199612106978",
                     phone="13812345678", address="玉屏村3组15号", ethnicity="汉族",
                     occupation="务农"),
        s.PartyInput(name="林花平", role="被申请人", gender="女", phone="13900001111",
                     address="玉屏村3组17号")])
    s.accept(db, actor, ref.id, date(2026, 3, 2))
    for n in range(sessions):
        s.record_session(db, actor, ref.id, date(2026, 3, 10 + n), place="李渡街道调解室",
                         participants="双方当事人、村干部", record=f"第{n + 1}次：双方陈述意见")
    if outcome == wf.MEDIATED:
        s.record_agreement(db, actor, ref.id, "书面协议", date(2026, 3, 12),
                           ["被申请人于2026年3月31日前拆除雨棚", "双方和睦相处"],
                           facts="双方系前后邻居。", performance_method="自行拆除",
                           performance_due=date(2026, 3, 31))
        s.close(db, actor, ref.id, outcome, date(2026, 3, 12))
        s.record_follow_up(db, actor, ref.id, date(2026, 4, 12), "双方已履行，关系和睦")
        s.apply_judicial(db, actor, ref.id, date(2026, 3, 20), court="涪陵区人民法院")
    else:
        s.close(db, actor, ref.id, outcome, date(2026, 3, 12), route="诉讼")
    if id_card:
        s.attach(db, actor, ref.id, png(tmp_path / "高明花身份证.png"), kind="身份证明")
    s.attach(db, actor, ref.id, pdf(tmp_path / "委托书.pdf", "power of attorney", 1), kind="委托书")
    s.attach(db, actor, ref.id, pdf(tmp_path / "现场照片.pdf", "evidence", 2), kind="证据")
    s.attach(db, actor, ref.id, png(tmp_path / "收据.jpg", (200, 400)), kind="履行凭证")
    other = tmp_path / "录音.mp3"
    other.write_bytes(b"ID3 not really a sound")
    s.attach(db, actor, ref.id, other)
    return ref


def numbered(path) -> dict[int, int]:
    """The dossier's page number -> the index of the PDF page that carries it."""
    out = {}
    for i, page in enumerate(PdfReader(str(path)).pages):
        for n in re.findall(r"—(\d+)—", flat(page.extract_text() or "")):
            out[int(n)] = i
    return out


def index_table(path) -> list[list[str]]:
    """The 卷内目录's rows as pypdf reads them from the page: each fragment in the column of
    the header cell it shares a left edge with, in the row of the nearest 序号."""
    page = PdfReader(str(path)).pages[1]
    bits: list[tuple[float, float, str]] = []  # the cell's left edge, the baseline, the text

    def visit(text, cm, tm, font, size):
        if text.strip():
            bits.append((round(cm[4], 1), cm[5] + tm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    columns = [x for x, _y, t in bits if t in ("序号", "文件材料名称", "日期", "页号", "备注")]
    head_y = next(y for _x, y, t in bits if t == "序号")
    serials = [y for x, y, t in bits if x == columns[0] and t.isdigit() and y < head_y]
    rows = [[""] * len(columns) for _ in serials]
    for x, y, t in sorted(bits, key=lambda b: -b[1]):
        if x in columns and y < head_y:
            r = min(range(len(serials)), key=lambda i: abs(serials[i] - y))
            rows[r][columns.index(x)] += t
    return rows


def test_the_index_names_each_part_on_the_page_it_starts(db, actor, office, tmp_path):
    ref = carried_through(db, actor, tmp_path)
    out = documents.render(db, ref.id, "dossier", tmp_path / "dossier.pdf")
    pages = texts(out)
    assert "人民调解卷宗" in pages[0] and COMMITTEE in pages[0]
    assert "（2026）调字第0001号" in pages[0] and "高明花与林花平邻里纠纷" in pages[0]
    assert "30年" in pages[0] and "周志强" in pages[0] and "王德明" in pages[0]
    assert "2026年3月10日至2026年3月12日" in pages[0]
    assert "—" not in pages[0] and "卷内目录" in pages[1]  # cover and 目录 carry no number
    where = numbered(out)
    assert sorted(where) == list(range(1, len(where) + 1))  # continuous from 1
    assert len(where) == len(pages) - 2  # every page after the 目录 numbered
    # The official order and each part's first page, as the 目录 names them.
    expected = [("人民调解申请书", "人民调解申请书"),
                ("人民调解当事人权利义务告知书", "权利义务告知书"),
                ("当事人身份证明：高明花身份证", "当事人身份证明：高明花身份证"),
                ("授权委托书：委托书", "powerofattorney1"),
                ("证据材料：现场照片", "evidence1"),
                ("人民调解记录（共2次）", "人民调解记录（第1次）"),
                ("人民调解协议书", "人民调解协议书"),
                ("履行凭证：收据", "履行凭证：收据"),
                ("人民调解回访记录", "人民调解回访记录"),
                ("司法确认申请书", "司法确认申请书"),
                ("其他材料：录音.mp3", None),
                ("卷宗情况说明", "卷宗情况说明"),
                ("卷内备考表", "卷内备考表")]
    rows = index_table(out)
    assert [r[1] for r in rows] == [name for name, _t in expected]  # the official order
    assert [r[0] for r in rows] == [str(n) for n in range(1, len(expected) + 1)]
    for row, (name, title) in zip(rows, expected, strict=True):
        if title is None:  # an electronic file: listed, not printed, no page
            assert row[3] == "" and row[4] == "（电子文件，未随卷打印）"
            continue
        first, _dash, last = row[3].partition("-")
        assert title in pages[where[int(first)]], (name, row[3])
        if "：" in name:  # an attachment's page says what it is (a PDF: stamped over it)
            assert name in pages[where[int(first)]]
        if last:
            assert int(last) > int(first) and where[int(last)] == where[int(first)] + \
                int(last) - int(first)
    spans = {r[1]: r[3] for r in rows}
    assert spans["人民调解记录（共2次）"].count("-") == 1  # one page per session
    assert "人民调解记录（第2次）" in pages[where[int(spans["人民调解记录（共2次）"].split("-")[1])]]
    assert spans["证据材料：现场照片"].count("-") == 1  # the PDF's two pages merged
    starts = [int(r[3].split("-")[0]) for r in rows if r[3]]
    assert starts == sorted(starts) and starts[0] == 1
    total = len(where)
    note = next(t for t in pages if t.startswith("卷宗情况说明"))
    assert f"共{total}页" in note and "必备材料齐全" in note and "录音.mp3" in note
    back = pages[-1]
    assert back.startswith("卷内备考表") and f"本卷共有文件材料13件，共{total}页" in back
    assert "检查人" in back and cn_date(date.today()) in back


def test_an_image_attachment_makes_a_page(db, actor, office, tmp_path):
    ref = carried_through(db, actor, tmp_path)
    out = documents.render(db, ref.id, "dossier", tmp_path / "dossier.pdf")
    reader = PdfReader(str(out))
    at = next(i for i, t in enumerate(texts(out)) if t.startswith("当事人身份证明：高明花身份证"))
    page = reader.pages[at]
    images = list(page.images)
    assert len(images) == 1
    w = float(page.mediabox.width)
    # Scaled into the type area: a wide image fills its 156 mm (less the frame's padding).
    content = page.get_contents().get_data().decode("latin-1")
    scale = re.search(r"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm\s*/\S+ Do", content)
    assert scale and float(scale.group(1)) == pytest.approx(156 * 72 / 25.4 - 12, rel=0.01)
    assert float(scale.group(2)) == pytest.approx(float(scale.group(1)) * 200 / 300, rel=0.01)
    assert w == pytest.approx(595.27, abs=1)


def test_a_dossier_lacking_an_id_card_is_refused_by_the_cli(db, actor, office, tmp_path,
                                                              capsys):
    from caseapp.cli.main import main

    ref = carried_through(db, actor, tmp_path, id_card=False)
    out = tmp_path / "dossier.pdf"
    args = ["--db", db.url, "report", "case", ref.number, "--doc", "dossier", "-o", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "当事人身份证明" in err and "Traceback" not in err
    assert not out.exists()
    assert main(args + ["--force"]) == 0
    note = next(t for t in texts(out) if t.startswith("卷宗情况说明"))
    assert "缺少以下必备材料" in note and "当事人身份证明" in note


def test_missing_items_follow_the_outcome(db, actor, office, tmp_path):
    failed = carried_through(db, actor, tmp_path, outcome=wf.MEDIATION_FAILED, sessions=0)
    c = case_detail(db, failed.id)
    assert missing_items(c) == ["调解记录（没有记录调解）"]  # the 终止告知书 stands for item 8
    out = documents.render(db, failed.id, "dossier", tmp_path / "f.pdf", force=True)
    index = texts(out)[1]
    assert "终止人民调解告知书" in index and "人民调解协议书" not in index
    with pytest.raises(WorkflowError, match="调解记录"):
        documents.render(db, failed.id, "dossier", tmp_path / "g.pdf")
    open_case = s.register_dispute(db, actor, s.CaseInput(
        summary="宅基地边界", category="邻里纠纷", received_on=date(2026, 3, 1),
        source="主动排查"), [s.PartyInput(name="赵一", role="申请人")])
    offered = dict((spec.key, why) for spec, why in documents.offered(case_detail(db, open_case.id)))
    assert offered["dossier"] == "纠纷办结后才能立卷打印卷宗"
    with pytest.raises(WorkflowError, match="办结后"):
        documents.render(db, open_case.id, "dossier", tmp_path / "h.pdf", force=True)


def test_setting_an_attachments_kind_is_an_act_with_its_event(db, actor, tmp_path):
    ref = carried_through(db, actor, tmp_path)
    other = next(a for a in case_detail(db, ref.id).attachments if a.filename == "录音.mp3")
    assert other.kind is None
    s.set_attachment_kind(db, actor, other.id, "证据")
    assert next(a.kind for a in case_detail(db, ref.id).attachments if a.id == other.id) == "证据"
    with db.read() as session:
        event = session.scalars(select(Event).where(Event.case_id == ref.id,
                                                    Event.action == "attachment_kind")).one()
    assert json.loads(event.changes) == {"attachment_kind": [None, "证据"]}
    assert event.note == "录音.mp3"
    with pytest.raises(ValidationError, match="附件类别应为"):
        s.set_attachment_kind(db, actor, other.id, "照片")
    admin = accounts.setup_admin(db, "admin", "周主任", "Passw0rd-2026")
    viewer = accounts.add_user(db, admin, "guest", "赵查看", wf.VIEWER, "Passw0rd-2026")
    with pytest.raises(PermissionDenied):
        s.set_attachment_kind(db, viewer, other.id, "其他")
    with db.read() as session:
        assert session.get(Attachment, other.id).kind == "证据"


@pytest.mark.sqlite_only("the release 0.1.0 SQLite file")
def test_migration_0009_adds_the_kind_and_keeps_the_cases(tmp_path):
    import sqlite3

    copy = tmp_path / "casedesk.db"
    shutil.copy(FIXTURE, copy)
    conn = sqlite3.connect(copy)
    cases = conn.execute("SELECT number, status, outcome FROM cases ORDER BY number").fetchall()
    files = conn.execute("SELECT id, filename, sha256 FROM attachments ORDER BY id").fetchall()
    conn.close()
    assert files  # the fixture holds an attachment to carry over
    db = open_database(copy)
    try:
        from caseapp.figures import stats  # noqa: F401 - the figures read the migrated file

        with db.read() as session:
            version = session.connection().exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar()
            assert version >= "0009"
            kinds = session.execute(select(Attachment.id, Attachment.filename,
                                           Attachment.kind).order_by(Attachment.id)).all()
        assert [(i, f) for i, f, _k in kinds] == [(i, f) for i, f, _s in files]
        assert {k for *_x, k in kinds} == {None}
        admin = _admin(db)
        s.set_attachment_kind(db, admin, files[0][0], "证据")
    finally:
        db.dispose()
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT number, status, outcome FROM cases ORDER BY number"
                        ).fetchall() == cases
    assert conn.execute("SELECT kind FROM attachments WHERE id = ?", (files[0][0],)
                        ).fetchone() == ("证据",)
    conn.close()


def _admin(db) -> int:
    from caseapp.storage.models import User

    with db.read() as session:
        return session.scalar(select(User.id).where(User.name == "admin"))
