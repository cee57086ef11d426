"""上报包 (issue #18 item 3): two offices' databases with overlapping numbers exported and
imported into one district database twice: every case once, each office's figures its own
database's, the district's their sum; a newer case wins, an older one is left; a damaged,
truncated or foreign package is refused and changes nothing."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from caseapp import exchange, services
from caseapp.cli.main import main
from caseapp.demo import run_demo
from caseapp.errors import PermissionDenied
from caseapp.exchange.package import checksum
from caseapp.figures import stats
from caseapp.services import offices
from caseapp.storage.models import (
    LOCAL_OFFICE,
    Agreement,
    Case,
    CaseParty,
    Event,
    FollowUp,
    MediationSession,
    Office,
    Person,
    User,
    WorkLogCase,
    WorkLogEntry,
)

TODAY = date(2026, 6, 30)
F, T = date(2023, 7, 1), date(2026, 6, 30)
TABLES = (Case, CaseParty, Person, Event, Agreement, MediationSession, FollowUp, WorkLogEntry,
          WorkLogCase, Office)


def counts(db) -> dict[str, int]:
    with db.read() as session:
        return {m.__tablename__: session.scalar(select(func.count()).select_from(m))
                for m in TABLES}


def office_id(db, code: str) -> int:
    with db.read() as session:
        return session.scalar(select(Office.id).where(Office.code == code))


def figures(db, offices=None) -> dict:
    return stats.figures(db, F, T, today=TODAY, offices=offices).to_dict()


def make_office(make, name: str, code: str, seed: int, cases: int):
    db = make(name)
    actor = db.local_user_id()
    run_demo(db, actor, cases, seed=seed, today=TODAY)
    offices.set_office_code(db, actor, LOCAL_OFFICE, code)
    return db


@pytest.fixture(scope="module")
def two_offices(module_db, tmp_path_factory):
    """Two offices (each numbers from 1, so their numbers overlap) and their packages."""
    folder = tmp_path_factory.mktemp("packages")
    a = make_office(module_db, "office_a", "A01", 11, 160)
    b = make_office(module_db, "office_b", "B01", 12, 140)
    paths = {}
    for db, code in ((a, "A01"), (b, "B01")):
        paths[code] = folder / f"{code}.zip"
        exchange.run_export_package(db, db.local_user_id(), paths[code])
    return a, b, paths


def test_two_offices_into_one_district_twice(two_offices, make_db):
    a, b, paths = two_offices
    with a.read() as sa, b.read() as sb:
        numbers_a = set(sa.scalars(select(Case.number)))
        numbers_b = set(sb.scalars(select(Case.number)))
        persons_a = sa.scalar(select(func.count(func.distinct(CaseParty.person_id))))
    assert numbers_a & numbers_b  # the same numbers in both offices
    district = make_db("district")
    actor = district.local_user_id()
    first = [exchange.run_import_package(district, actor, paths[c]) for c in ("A01", "B01")]
    assert [(r.office_created, r.added, r.replaced) for r in first] == [
        (True, 160, 0), (True, 140, 0)]
    after_first = counts(district)
    again = [exchange.run_import_package(district, actor, paths[c]) for c in ("A01", "B01")]
    assert [(r.changed, r.added, r.replaced, r.unchanged, r.persons_added) for r in again] == [
        (False, 0, 0, 160, 0), (False, 0, 0, 140, 0)]
    assert counts(district) == after_first  # twice changes nothing, not a row

    ida, idb = office_id(district, "A01"), office_id(district, "B01")
    with district.read() as session:
        by_office = Counter(session.execute(select(Case.office_id, Case.number)))
        assert set(by_office.values()) == {1}  # every case once
        assert {n for o, n in by_office if o == ida} == numbers_a
        assert {n for o, n in by_office if o == idb} == numbers_b
        assert session.scalar(select(func.count(Person.id)).where(Person.office_id == ida)) \
            == persons_a  # each party once, within its office
    for model, where in ((Event, Event.case_id.is_not(None)), (Agreement, True),
                         (WorkLogEntry, True), (WorkLogCase, True)):
        query = select(func.count()).select_from(model).where(where)
        with a.read() as sa, b.read() as sb, district.read() as sd:
            assert sd.scalar(query) == sa.scalar(query) + sb.scalar(query), model

    fig_a, fig_b = figures(a), figures(b)
    assert fig_a["petitions"]["received"] > 0 and fig_a != fig_b
    assert figures(district, offices=[ida]) == fig_a
    assert figures(district, offices=[idb]) == fig_b
    whole = stats.figures(district, F, T, today=TODAY)
    parts = [stats.figures(db, F, T, today=TODAY) for db in (a, b)]
    for kind in ("petition", "dispute"):
        assert whole.of(kind).counts() == {
            k: parts[0].of(kind).counts()[k] + parts[1].of(kind).counts()[k]
            for k in whole.of(kind).counts()}
    for dimension in ("category", "source", "street", "handler"):
        for kind in ("petition", "dispute"):
            summed: Counter = Counter()
            for part in parts:
                for row in part.breakdown(dimension).of(kind):
                    summed[(row.name, "received")] += row.received
                    summed[(row.name, "closed")] += row.closed
            got = Counter()
            for row in whole.breakdown(dimension).of(kind):
                got[(row.name, "received")] += row.received
                got[(row.name, "closed")] += row.closed
            assert +got == +summed, (dimension, kind)
    assert whole.work.counts() == {k: v + parts[1].work.counts()[k]
                                   for k, v in parts[0].work.counts().items()}


def _small_office(make_db, code="C01"):
    return make_office(make_db, "office_c", code, 21, 40)


def test_a_newer_case_replaces_the_district_copy_an_older_one_is_left(make_db, tmp_path):
    office = _small_office(make_db)
    actor = office.local_user_id()
    old = tmp_path / "old.zip"
    exchange.run_export_package(office, actor, old)
    district = make_db("district")
    da = district.local_user_id()
    exchange.run_import_package(district, da, old)
    before = counts(district)
    with office.read() as session:
        # A case with a party known by name alone: replaced, it keeps that party's person.
        case = session.scalars(
            select(Case).join(CaseParty, CaseParty.case_id == Case.id)
            .join(Person, Person.id == CaseParty.person_id)
            .where(Case.deleted_at.is_(None), Person.id_number.is_(None), Person.phone.is_(None))
            .order_by(Case.id)).first()
        assert case is not None
    services.edit(office, actor, case.id, {"summary": "上报后补充：双方已达成和解"})
    new = tmp_path / "new.zip"
    exchange.run_export_package(office, actor, new)

    result = exchange.run_import_package(district, da, new)
    assert (result.added, result.replaced, result.unchanged) == (0, 1, 39)
    with district.read() as session:
        rows = session.execute(select(Case.summary, Case.version, Case.id)
                               .where(Case.number == case.number)).all()
        assert [r.summary for r in rows] == ["上报后补充：双方已达成和解"]
    with office.read() as session:
        assert rows[0].version == session.get(Case, case.id).version > case.version
    with district.read() as session:
        timeline = session.scalars(select(Event.action).where(Event.case_id == rows[0].id)
                                   .order_by(Event.at, Event.id)).all()
    with office.read() as session:
        assert timeline == session.scalars(select(Event.action).where(Event.case_id == case.id)
                                           .order_by(Event.at, Event.id)).all()
    after = counts(district)
    assert after["cases"] == before["cases"] and after["persons"] == before["persons"]
    assert after["events"] == before["events"] + 1 + 1  # the edit's event, and the import's

    # The older package again: the district's newer copy is left as it is.
    stale = exchange.run_import_package(district, da, old)
    assert (stale.changed, stale.replaced, stale.unchanged) == (False, 0, 40)
    with district.read() as session:
        assert session.scalar(select(Case.summary).where(Case.number == case.number)) \
            == "上报后补充：双方已达成和解"
    assert counts(district) == after
    assert figures(district, offices=[office_id(district, "C01")]) == figures(office)


def _rewrite(source, target, change):
    """Copy a package, letting ``change(name, data)`` alter each member's bytes."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, change(item.filename, zin.read(item.filename)))
    return target


def test_damaged_truncated_and_foreign_packages_are_refused_and_change_nothing(make_db, tmp_path):
    office = _small_office(make_db)
    good = tmp_path / "good.zip"
    exchange.run_export_package(office, office.local_user_id(), good)
    district = make_db("district")
    da = district.local_user_id()
    before = counts(district)
    data = good.read_bytes()

    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    flipped = tmp_path / "flipped.zip"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:])
    edited = _rewrite(good, tmp_path / "edited.zip", lambda n, d: d.replace(
        b'"version":1', b'"version":9', 1) if n == "cases.jsonl" else d)

    def other_schema(name, d):
        if name != "manifest.json":
            return d
        manifest = json.loads(d)
        manifest["schema"] = "0009"
        manifest["checksum"] = checksum(manifest)
        return json.dumps(manifest).encode()

    old_schema = _rewrite(good, tmp_path / "old-schema.zip", other_schema)
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as zf:
        zf.writestr("readme.txt", "hello")
    not_zip = tmp_path / "cases.zip"
    not_zip.write_text("编号,类型\n", encoding="utf-8")
    expected = {truncated: "不完整", flipped: "损坏", edited: "校验和不符",
                old_schema: "版本 0009", foreign: "不是 CaseDesk 上报包", not_zip: "不完整"}
    for path, reason in expected.items():
        with pytest.raises(exchange.PackageRefused, match=reason):
            exchange.run_import_package(district, da, path)
            pytest.fail(path.name)
        assert counts(district) == before, path.name
    assert exchange.run_import_package(district, da, good).added == 40  # the good one is taken


def test_a_package_needs_the_office_code(make_db, tmp_path):
    office = make_db("plain")
    actor = office.local_user_id()
    assert exchange.package_office(office)[:2] == (LOCAL_OFFICE, "")
    with pytest.raises(exchange.PackageRefused, match="caseapp office code 1 代码"):
        exchange.run_export_package(office, actor, tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists() and not list(tmp_path.glob("*.part"))
    offices.set_office_code(office, actor, LOCAL_OFFICE, "S-07")
    info = exchange.run_export_package(office, actor, tmp_path / "p.zip")
    assert (info.office_code, info.cases) == ("S-07", 0)
    with office.read() as session:  # a package holds personal data: its export is recorded
        assert session.scalars(select(Event.note).where(Event.action == "export")).all() == [
            "上报包 0件 → p.zip，完整个人信息"]
    with zipfile.ZipFile(info.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert sorted(zf.namelist()) == sorted(["manifest.json", *manifest["files"]])
    assert manifest["checksum"] == checksum(manifest) == info.checksum
    assert manifest["office"]["code"] == "S-07" and manifest["format"] == exchange.package.FORMAT


def test_an_office_user_may_not_import_a_package(make_db, tmp_path):
    office = _small_office(make_db)
    path = tmp_path / "c.zip"
    exchange.run_export_package(office, office.local_user_id(), path)
    district = make_db("district")
    with district.write() as session:
        session.get(User, district.local_user_id()).office_id = 1
    before = counts(district)
    with pytest.raises(PermissionDenied, match="区级管理员"):
        exchange.run_import_package(district, district.local_user_id(), path)
    assert counts(district) == before


def test_the_command_line_exports_and_imports_packages(make_db, make_db_url, tmp_path, capsys):
    office_url, district_url = make_db_url("office"), make_db_url("district")
    assert main(["--db", office_url, "demo", "--cases", "30", "--seed", "5"]) == 0
    package = tmp_path / "up.zip"
    assert main(["--db", office_url, "export", "--package", str(package)]) == 1
    assert "caseapp office code 1 代码" in capsys.readouterr().err
    assert main(["--db", office_url, "office", "code", "1", "D01"]) == 0
    assert main(["--db", office_url, "export", "--package", str(package)]) == 0
    assert "案件 30 件" in capsys.readouterr().out
    for _time in range(2):
        assert main(["--db", district_url, "import", "--package", str(package)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "新增 30 件" in out[-2] and "未变 30 件" in out[-1]
    assert main(["--db", district_url, "import"]) == 2
    bad = tmp_path / "bad.zip"
    bad.write_bytes(package.read_bytes()[:200])
    assert main(["--db", district_url, "import", "--package", str(bad)]) == 1
    assert "上报包已损坏或不完整" in capsys.readouterr().err


def test_the_district_breaks_its_figures_down_by_office(two_offices, make_db, tmp_path,
                                                        monkeypatch):
    """按单位 (issue #18 item 2): each office's row is its own database's received, handled and
    closed, by the same definitions, from the day sums and from the direct aggregate alike;
    the district's printouts carry the table, an office's own do not."""
    from pypdf import PdfReader

    from caseapp.figures import days
    from caseapp.reports.summary import range_report

    a, b, paths = two_offices
    district = make_db("district_by_office")
    actor = district.local_user_id()
    for code in ("A01", "B01"):
        exchange.run_import_package(district, actor, paths[code])
    assert stats.figures(a, F, T, today=TODAY).by_office is None  # one office: no such table
    seen = []
    for sums_from in (10**9, 0):  # counted directly, then from the day sums
        monkeypatch.setattr(days, "DAYS_FROM", sums_from)
        whole = stats.figures(district, F, T, today=TODAY)
        assert whole.by_office is not None
        for kind in ("petition", "dispute"):
            rows = {r.name.rsplit("（", 1)[1].rstrip("）"): r for r in whole.by_office.of(kind)}
            assert set(rows) == {"A01", "B01"}
            for code, own in (("A01", a), ("B01", b)):
                mine = stats.figures(own, F, T, today=TODAY).of(kind)
                assert (rows[code].received, rows[code].handled, rows[code].closed) == (
                    mine.received, mine.handled, mine.closed), (kind, code)
        seen.append(whole.to_dict()["by_office"])
    assert seen[0] == seen[1]
    pdf = range_report(district, F, T, tmp_path / "district.pdf")
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "按单位" in text and "A01" in text and "B01" in text
    own = range_report(a, F, T, tmp_path / "office.pdf")
    assert "按单位" not in "".join(p.extract_text() for p in PdfReader(str(own)).pages)
