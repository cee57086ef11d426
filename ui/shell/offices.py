"""A district database in the main window (issue #18): when the user sees more than one office,
the office picker in the toolbar and the 单位 column of the case lists; the picker's choice
narrows ``Database.scope``, so every page (lists, workbench, figures, reports) shows that office
alone, and 全部单位 the user's offices again. A single office's file shows neither."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject
from sqlalchemy.exc import SQLAlchemyError

from caseapp.errors import CaseAppError
from caseapp.services.offices import OfficeInfo, list_offices, user_visible_offices
from caseapp.storage.db import Scope, narrowed
from ui.widgets.office_picker import OfficePicker

log = logging.getLogger(__name__)


class OfficeScope(QObject):
    """The picker and the lists' 单位 column of one main window (ui.shell.main_window, which
    imports this module: so ``window`` is not typed by its class), over ``offices``."""

    def __init__(self, window: Any, offices: list[OfficeInfo], base: Scope):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.base = base  # what 全部单位 sees: the program's scope and the user's offices
        self.names = {o.id: o.name for o in offices}
        self.picker = OfficePicker([(o.id, o.name) for o in offices])
        # At the toolbar's far end, beside 查找: what is in view, then where to look.
        window.toolbar.insertWidget(window.find_action, self.picker)
        for page in (window.petitions, window.disputes):
            page.show_offices(self.names)
        self.picker.chosen.connect(self.choose)

    def choose(self, office_id: int | None) -> None:
        """Narrow every page to ``office_id`` (None: 全部单位) and let them read again."""
        scope = self.base if office_id is None else narrowed(self.base, frozenset((office_id,)))
        if scope == self.ctx.db.scope:
            return
        self.ctx.db.scope = scope
        self.ctx.notify_changed()

    def current_office(self) -> int | None:
        return self.picker.current_office()


def install_office_scope(window: Any) -> OfficeScope | None:
    """The window sees the acting user's offices (``Database.scope`` narrowed to them, as the
    login does); the picker when that is two offices or more, else None (nothing shown).
    Two small reads, as the window is built (like the login's user row)."""
    ctx = window.ctx
    try:
        base = narrowed(ctx.db.scope, user_visible_offices(ctx.db, ctx.actor))
        ctx.db.scope = base
        offices = list_offices(ctx.db, ctx.actor)
    except (CaseAppError, SQLAlchemyError) as exc:  # the window opens without the picker
        log.warning("offices not read: %s", exc)
        return None
    return OfficeScope(window, offices, base) if len(offices) >= 2 else None
