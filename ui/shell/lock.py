"""The session in the main window: the user menu (修改密码, 锁定屏幕, 退出登录) and the lock
that covers the window after the idle time of the office settings (idle_lock_minutes).

Idle time is measured by polling what changes while someone works (IdleWatcher). The lock
puts a password panel in place of the window's content, disables the window's actions (so
shortcuts do nothing) and hides open dialogs until the password is entered again; unlocking
is a login event, locking an event too. Those session events (unlock, lock, log-out) are not
changes of the office's data, so they run on ctx.runner without ctx.act's broadcast (which
would also make the exit backup run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caseapp import workflow as wf
from caseapp.errors import PermissionDenied
from caseapp.services import accounts
from ui.dialogs.login_dialog import ChangePasswordDialog, FirstAdminDialog
from ui.i18n import tr
from ui.pages.audit import AuditPage
from ui.tasks import show_error
from ui.widgets.forms import error_label, muted

if TYPE_CHECKING:
    from ui.context import AppContext

POLL_MS = 5000


def _activity_signature():
    """What changes while someone works: the pointer, the focused widget and its text."""
    from PySide6.QtGui import QCursor

    app = QApplication.instance()
    focus = app.focusWidget() if app is not None else None
    text = None
    if focus is not None:
        getter = getattr(focus, "toPlainText", None) or getattr(focus, "text", None)
        try:
            text = hash(getter()) if callable(getter) else None
        except (TypeError, RuntimeError):
            text = None
    pos = QCursor.pos()
    return (pos.x(), pos.y(), id(focus), text, id(app.activeWindow()) if app else 0)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``ms`` milliseconds without the pointer moving, the focus moving
    or the focused field's text changing. (It polls: a Python event filter, the usual way,
    crashes PySide6 6.12 — every event passes through Python there.)"""

    idle = Signal()

    def __init__(self, ms: int, parent: QObject | None = None, poll_ms: int = POLL_MS):
        super().__init__(parent)
        self.ms = 0
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self._poll)
        self._last = None
        self._quiet_since = 0.0
        self.set_interval(ms)

    def set_interval(self, ms: int, poll_ms: int | None = None) -> None:
        self.timer.stop()
        self.ms = ms
        if poll_ms is not None:
            self.timer.setInterval(poll_ms)
        if ms > 0:
            self.restart()

    def restart(self) -> None:
        import time

        self._last = _activity_signature()
        self._quiet_since = time.monotonic()
        if self.ms > 0:
            self.timer.start()

    def _poll(self) -> None:
        import time

        now, signature = time.monotonic(), _activity_signature()
        if signature != self._last:
            self._last, self._quiet_since = signature, now
        elif (now - self._quiet_since) * 1000 >= self.ms:
            self.timer.stop()
            self.idle.emit()

    def stop(self) -> None:
        self.timer.stop()


class LockPanel(QFrame):
    """What the window shows while locked (it takes the central widget's place)."""

    unlocked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lockPanel")
        self.setStyleSheet("#lockPanel { background: #eef1f5; }")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setProperty("card", True)
        card.setFixedWidth(380)
        box = QVBoxLayout(card)
        box.setContentsMargins(28, 24, 28, 24)
        box.setSpacing(10)
        title = QLabel(tr("屏幕已锁定"))
        title.setProperty("role", "title")
        self.who = muted()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("密码"))
        self.password.returnPressed.connect(self.unlock)
        self.error = error_label()
        self.button = QPushButton(tr("解锁"))
        self.button.setProperty("primary", True)
        self.button.clicked.connect(self.unlock)
        for w in (title, self.who, self.password, self.error, self.button):
            box.addWidget(w)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

    def prepare(self) -> None:
        self.who.setText(tr("{0}（{1}），请输入密码解锁。").format(
            self.ctx.display_name, tr(wf.ROLE_LABELS.get(self.ctx.role, self.ctx.role))))
        self.error.hide()
        self.password.clear()
        self.button.setEnabled(True)

    def unlock(self) -> None:
        password = self.password.text()
        if not password:
            self.error.setText(tr("请输入密码"))
            self.error.show()
            return
        if not self.button.isEnabled():
            return
        self.button.setEnabled(False)
        self.ctx.runner.run(self, accounts.authenticate, self.ctx.db, self.ctx.user_name, password,
                            via="解锁", on_done=self._done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        if isinstance(exc, PermissionDenied):
            self.error.setText(str(exc))
            self.error.show()
            self.password.setFocus()
        else:
            show_error(self, exc)

    def _done(self, _user_id: int) -> None:
        self.button.setEnabled(True)
        self.unlocked.emit()


class Session(QObject):
    """The user menu, the idle lock and logging out, for one main window."""

    logout_requested = Signal()

    def __init__(self, window: QMainWindow, ctx: AppContext, idle_ms: int | None = None):
        super().__init__(window)
        self.ctx = ctx
        self.accounts_on = bool(getattr(ctx, "accounts_on", False))
        self.overlay = LockPanel(ctx)
        self.overlay.unlocked.connect(self._unlocked)
        self._central: QWidget | None = None
        self._locked = False
        self._saved: list = []
        self._hidden_dialogs: list = []
        self.watcher = IdleWatcher(0, self)
        self.watcher.idle.connect(self.lock)
        self._build_menu()
        if idle_ms is not None:
            self.watcher.set_interval(idle_ms)
        elif self.accounts_on:
            ctx.runner.run(self, lambda db: db.settings().idle_lock_minutes, ctx.db,
                           on_done=lambda m: self.watcher.set_interval(int(m or 0) * 60000))

    @property
    def window(self) -> QMainWindow:
        # The Qt parent, not a Python attribute: window.session → session → window would be a
        # cycle that the garbage collector may break on a worker thread, deleting the window
        # off the GUI thread.
        return self.parent()

    def _build_menu(self) -> None:
        self.button = QToolButton()
        self.button.setObjectName("userButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAutoRaise(True)
        role = tr(wf.ROLE_LABELS.get(self.ctx.role, self.ctx.role))
        self.button.setText(tr("{0}（{1}）").format(self.ctx.display_name, role))
        self.button.setToolTip(tr("账户：修改密码、锁定屏幕、退出登录"))
        menu = QMenu(self.button)
        if self.accounts_on:
            self.password_action = menu.addAction(tr("修改密码…"), self.change_password)
            self.lock_action = menu.addAction(tr("锁定屏幕"), self.lock)
            self.lock_action.setShortcut("Ctrl+L")
            self.window.addAction(self.lock_action)
            menu.addSeparator()
            self.logout_action = menu.addAction(tr("退出登录"), self.logout)
        else:
            self.setup_action = menu.addAction(tr("设置登录账户…"), self.setup_accounts)
        self.button.setMenu(menu)
        self.menu = menu
        self.window.statusBar().addPermanentWidget(self.button)

    def is_locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        if self.is_locked() or not self.accounts_on:
            return
        # Every action, the menus' too: a locked screen offers nothing but the password.
        actions = list(dict.fromkeys([*self.window.actions(),
                                      *self.window.menuBar().findChildren(QAction)]))
        self._saved = [(a, a.isEnabled()) for a in actions]
        for action, _enabled in self._saved:
            action.setEnabled(False)
        self.window.menuBar().hide()
        self._hidden_dialogs = [d for d in self.window.findChildren(QWidget)
                                if d.isWindow() and d.isVisible()]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        self.watcher.stop()
        self._locked = True
        self.button.setEnabled(False)
        self.window.toolbar.hide()
        # The panel takes the central widget's place: nothing of the cases stays on screen.
        self._central = self.window.takeCentralWidget()
        self.overlay.prepare()
        self.window.setCentralWidget(self.overlay)
        # setCentralWidget shows the widget only later (a queued call): show it now, so the
        # window is never seen, or tested, between the two states.
        self.overlay.show()
        self.overlay.password.setFocus()
        self.ctx.runner.run(self, accounts.lock_event, self.ctx.db, self.ctx.actor)

    def _unlocked(self) -> None:
        self.window.takeCentralWidget()  # the panel, kept for the next lock
        self.overlay.setParent(None)
        self.window.setCentralWidget(self._central)
        if self._central is not None:
            self._central.show()  # now, not by Qt's queued call (see lock())
        self._central = None
        self._locked = False
        self.button.setEnabled(True)
        self.window.toolbar.show()
        self.window.menuBar().show()
        for action, enabled in self._saved:
            action.setEnabled(enabled)
        self._saved = []
        for dialog in self._hidden_dialogs:
            dialog.show()
        self._hidden_dialogs = []
        self.watcher.restart()

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.window.statusBar().showMessage(tr("密码已修改"), 5000))
        dialog.open()

    def setup_accounts(self) -> None:
        dialog = FirstAdminDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.dont_ask.hide()
        # The new admin starts a fresh session (the window is rebuilt for the role).
        dialog.accepted.connect(self.logout_requested)
        dialog.open()

    def logout(self) -> None:
        self.watcher.stop()
        self.ctx.runner.run(self, accounts.logout, self.ctx.db, self.ctx.actor,
                            on_done=lambda _r: self.logout_requested.emit(),
                            on_error=lambda _e: self.logout_requested.emit())


def install_session(window: QMainWindow) -> Session:
    """Called by the main window (ui.shell.main_window.MainWindow, which imports this module)
    once its pages, actions and status bar exist: adds the 操作日志 page (the last navigation
    entry), hides what the user's role may not do, and sets up the user menu and the idle
    lock."""
    ctx = window.ctx
    keys = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    window.audit_page = AuditPage(ctx)
    window.pages.append(window.audit_page)
    window.stack.addWidget(window.audit_page)
    hidden = {tr("操作日志"): not ctx.may(wf.Act.AUDIT), tr("设置"): not ctx.may(wf.Act.SETTINGS)}
    for row, text in enumerate(keys):
        if hidden.get(text):
            window.navigation.item(row).setHidden(True)
    if not ctx.may(wf.Act.EDIT):
        for action in (window.new_petition_action, window.new_dispute_action,
                       window.import_action):
            action.setVisible(False)
            action.setEnabled(False)
    for page in (window.petitions, window.disputes):
        if not ctx.may(wf.Act.ASSIGN):
            page.assign_button.hide()
        if not ctx.may(wf.Act.EXPORT):
            page.export_button.hide()
    session = Session(window, ctx)
    window.user_label.hide()  # the user menu names the user (and the role)
    window.logged_out = False

    def logged_out() -> None:
        window.logged_out = True
        window.close()

    session.logout_requested.connect(logged_out)

    def leave_hidden_page() -> None:  # a page remembered from another user's session
        row = window.navigation.currentRow()
        if row >= 0 and window.navigation.item(row).isHidden():
            window.navigation.setCurrentRow(0)

    QTimer.singleShot(0, leave_hidden_page)
    return session
