"""The 卷宗 of a closed dispute (DOMAIN §8, docs/documents.md "The dossier"): each part rendered
on its own and counted, then the cover and the 卷内目录 with the page numbers, all merged into
one PDF whose pages after the 目录 are numbered continuously."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import PageBreak

from caseapp.queries.case_detail import CaseDetail
from caseapp.reports import dossier_pages as pages
from caseapp.reports.base import DOC_MARGINS, Styles, build
from caseapp.reports.case_common import committee, prepare, require_dispute, write_document
from caseapp.reports.documents import DOCUMENTS
from caseapp.reports.dossier_plan import IMAGE_SUFFIXES, KIND_TITLES, Part, missing_items, plan
from caseapp.reports.page import (
    FIRST_PAGE,
    PAGE_NUMBER_SIZE,
    DocStyles,
    doc_styles,
    page_number_text,
)
from caseapp.storage.db import Database
from caseapp.storage.settings import OfficeSettings

TITLE = "人民调解卷宗"


class Unnumbered:
    """The frame of the cover and the 卷内目录: no page number (they are not counted)."""

    def __init__(self, styles: Styles):
        self.styles = styles

    def __call__(self, canvas, doc) -> None:
        pass


def count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def _numbered(make: Callable[[], Path], first: int) -> Path:
    """``make()`` with its page numbers starting at ``first``."""
    token = FIRST_PAGE.set(first)
    try:
        return make()
    finally:
        FIRST_PAGE.reset(token)


def _stamp(source: Path, target: Path, first: int, font: str, caption: str) -> Path:
    """A PDF attachment with the dossier's page numbers drawn where the documents have theirs,
    and what it is (its 目录 entry) small in the top margin of its first page."""
    writer = PdfWriter(clone_from=str(source))
    for i, page in enumerate(writer.pages):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        buf = io.BytesIO()
        c = pdf_canvas.Canvas(buf, pagesize=(w, h))
        c.setFont(font, PAGE_NUMBER_SIZE)
        n, y = first + i, 35 * mm - 7 * mm - PAGE_NUMBER_SIZE * 0.85
        if n % 2:
            c.drawRightString(w - 26 * mm - PAGE_NUMBER_SIZE, y, page_number_text(n))
        else:
            c.drawString(28 * mm + PAGE_NUMBER_SIZE, y, page_number_text(n))
        if i == 0:
            c.setFont(font, 10.5)
            c.drawCentredString(w / 2, h - 20 * mm, caption)
        c.save()
        page.merge_page(PdfReader(buf).pages[0])
    with open(target, "wb") as fh:
        writer.write(fh)
    return target


def _filer(c: CaseDetail, settings: OfficeSettings) -> str:
    return c.handler or settings.contact_person or ""


def cover_of(c: CaseDetail, settings: OfficeSettings, today: date) -> pages.Cover:
    return pages.Cover(committee=committee(settings), name=pages.volume_name(c), number=c.number,
                       mediators=c.mediators or "", dates=pages.mediation_dates(c),
                       filer=_filer(c, settings), filed_on=today,
                       retention=settings.dossier_retention.strip() or "10年")


class _Assembly:
    """The parts rendered into ``tmp`` one after the other, each numbered from where the one
    before ended."""

    def __init__(self, db: Database, c: CaseDetail, styles: Styles, ds: DocStyles,
                 settings: OfficeSettings, tmp: Path, mask: bool, today: date):
        self.db, self.c, self.styles, self.ds = db, c, styles, ds
        self.settings, self.tmp, self.mask = settings, tmp, mask
        self.cover = cover_of(c, settings, today)
        self.author = committee(settings)

    def part(self, i: int, part: Part, first: int) -> Path | None:
        target = self.tmp / f"{i:03d}.pdf"
        if part.doc:
            spec = DOCUMENTS[part.doc]
            return _numbered(lambda: spec.make(self.db, self.c.id, target, mask=self.mask), first)
        a = part.attachment
        if a is None or not part.printed:
            return None
        source = self.db.files_dir / a.stored_name
        try:
            if Path(a.filename).suffix.lower() in IMAGE_SUFFIXES:
                story = pages.image_story(self.ds, part, source)
                return _numbered(lambda: write_document(target, story, self.styles, part.title,
                                                        self.author), first)
            return _stamp(source, target, first, self.styles.fonts.body, part.title)
        except Exception:  # noqa: BLE001 - a damaged file is listed, never stops the dossier
            return None

    def own(self, part: Part, first: int, story: list) -> Path:
        target = self.tmp / f"{part.own}.pdf"
        return _numbered(lambda: write_document(target, story, self.styles, part.title,
                                                self.author), first)


def dossier(db: Database, case_id: int, path: str | os.PathLike, *, mask: bool = False,
            today: date | None = None) -> Path:
    """The 卷宗 of a dispute; the required items it lacks are named on its 情况说明 (the
    registry refuses to print it with gaps unless asked to: documents.render ``force``)."""
    c, styles, settings = prepare(db, case_id, mask)
    require_dispute(c, TITLE)
    today = today or date.today()
    ds = doc_styles(styles)
    parts = plan(c)
    missing = missing_items(c)
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="dossier-") as folder:
        tmp = Path(folder)
        job = _Assembly(db, c, styles, ds, settings, tmp, mask, today)
        done: list[tuple[Part, Path | None, int, int]] = []  # part, file, first page, pages
        page = 1
        for i, part in enumerate(p for p in parts if not p.own):
            out = job.part(i, part, page)
            n = count(out) if out else 0
            done.append((part, out, page if out else 0, n))
            page += n
        kept = [p for p, out, _f, _n in done if out is None and p.attachment is not None]
        by_kind = {KIND_TITLES[k]: sum(1 for p, *_ in done if p.attachment
                                       and (p.attachment.kind or "其他") == k) for k in KIND_TITLES}
        note_part, back_part = (replace(p, on=today) for p in parts if p.own)
        items = len(parts)
        note_pages, total = 1, page + 1  # a guess, then the counts the pages really take
        for _ in range(3):
            total = page + note_pages  # the 备考表's page is the last one
            note = job.own(note_part, page, pages.note_story(
                ds, c, job.author, job.cover, items=items, pages=total, attachments=by_kind,
                not_printed=[p.attachment.filename for p in kept if p.attachment],
                missing=missing))
            if count(note) == note_pages:
                break
            note_pages = count(note)
        done.append((note_part, note, page, note_pages))
        attached = sum(n for p, _o, _f, n in done if p.attachment is not None)
        back = job.own(back_part, page + note_pages, pages.back_story(
            ds, job.cover, items=items, pages=total, attached=attached,
            notes="；".join(f"缺{m}" for m in missing)))
        done.append((back_part, back, page + note_pages, count(back)))
        front = build(tmp / "front.pdf",
                      pages.cover_story(ds, job.cover) + [PageBreak()]
                      + pages.index_story(ds, c.number, [(p, f or None, n) for p, _o, f, n in done]),
                      Unnumbered(styles), title=TITLE, author=job.author,
                      margins=DOC_MARGINS, pagesize=A4)
        return _merge([front] + [out for _p, out, _f, _n in done if out], path,
                      f"{TITLE} {c.number}", job.author)


def _merge(files: list[Path], path: Path, title: str, author: str) -> Path:
    """The parts as one PDF, written beside ``path`` and renamed (never half a dossier)."""
    writer = PdfWriter()
    for f in files:
        writer.append(str(f))
    writer.add_metadata({"/Title": title, "/Author": author, "/Creator": "CaseDesk"})
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer.write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


__all__ = ["TITLE", "dossier"]
