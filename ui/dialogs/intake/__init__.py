"""Intake of a petition (信访件) or a dispute (矛盾纠纷): the case fields, the parties, a look-up
of people already known, and 保存 / 保存并新建; one module per part, this file re-exports.

Obvious mistakes are caught here and shown beside their field; the rest come back from
services.register_* as a ValidationError and are shown the same way. Nothing is saved while
anything is wrong: the service call is one transaction. Modules of this package import each
other directly, never through this file.
"""

from ui.dialogs.intake.dialog import IntakeDialog
from ui.dialogs.intake.drafts import PartyDraft, check_party, match_text

__all__ = ["IntakeDialog", "PartyDraft", "check_party", "match_text"]
