"""Screenshot states of the shell and the log-in: the login dialog refusing a locked-out
account, the first admin account, the locked window; and the main window on its own pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from caseapp.errors import Problem
from caseapp.services import accounts
from ui.context import AppContext
from ui.devtools.settle import settle
from ui.dialogs.login_dialog import FirstAdminDialog, LoginDialog
from ui.shell.main_window import MainWindow
from ui.widgets.fit import fit_to_screen


def login_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    login = LoginDialog(ctx)
    login.user_edit.setText("zhouzq")
    login.errors.set_errors([Problem("password", accounts.LOCKED)])
    first = FirstAdminDialog(ctx)
    first.name_edit.setText("zhouzq")
    first.display_edit.setText("周志强")
    for w in (login, first):
        w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
    return [("login_locked_out", login), ("first_admin", first)]


def lock_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The main window locked."""
    window = MainWindow(ctx, remember=False)
    fit_to_screen(window, 1366, 768)
    window.session.accounts_on = True
    window.session.lock()
    return [("lock_screen", window)]


def main_window_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The main window on each of its own pages, loaded (screenshots.py renders these itself,
    at each screen size; this is for a look at one of them)."""
    out: list[tuple[str, QWidget]] = []
    for key in ("workbench", "petition", "dispute", "reports"):
        window = MainWindow(ctx, remember=False)
        fit_to_screen(window, 1366, 768)
        window.show()
        window.show_page(key)
        window.repaint()  # the list asks for its visible rows when painted
        settle(ctx, 20000)
        out.append((f"main_{key}", window))
    return out


def first_frame_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """The first frame (ui/shell/first_frame.py) on 信访件 with its rows, and on the workbench,
    at the size the window then takes (compare with main's 02_petition.png)."""
    from caseapp.storage import first_read
    from ui.shell.first_frame import FirstFrame

    read = first_read.peek(ctx.db.path)
    if read is None:
        return []
    out: list[tuple[str, QWidget]] = []
    for page in ("petition", "workbench"):
        frame = FirstFrame(read, page, today=ctx.today())
        fit_to_screen(frame, 1366, 768)
        out.append((f"first_frame_{page}", frame))
    return out


def screenshot_states(ctx: AppContext) -> list[tuple[str, QWidget]]:
    return login_states(ctx) + lock_states(ctx) + first_frame_states(ctx)
