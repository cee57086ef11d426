"""The demo's sample office: a demo file's documents are headed as a real office's would be
(named issuing body, contact line), and its workbench does not ask a visitor to set one up."""

from __future__ import annotations

from dataclasses import replace

from caseapp.services.office import save_settings
from caseapp.storage.db import Database

SAMPLE_OFFICE = ("示例街道矛盾纠纷调解办", "示例街道人民调解委员会")
SAMPLE_CONTACT = ("李明", "023-7200 0000")  # a made-up line: never a real office's number


def name_sample_office(db: Database, actor: int) -> bool:
    """Name the sample office when the file's office is still unnamed; True when it did."""
    settings = db.settings()
    if not settings.office_unnamed():
        return False
    save_settings(db, actor, replace(
        settings, office_name=SAMPLE_OFFICE[0], committee_name=SAMPLE_OFFICE[1],
        contact_person=settings.contact_person or SAMPLE_CONTACT[0],
        contact_phone=settings.contact_phone or SAMPLE_CONTACT[1]))
    return True
