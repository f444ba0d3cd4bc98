"""Who holds the seat: sign-in at start, take-over, and the lock after inactivity.

`SeatGuard` watches the application's input events (a timestamp per event, checked by a
15 s timer, so a mouse move costs nothing) and, after `[operators] lock_after_min` without
input, covers the window with the unlock dialog. Whoever signs in there holds the seat;
when it is another officer, the previous one is signed out. The embedded default's demo
officer is never locked out (there are no accounts to unlock with).
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from console.context import AppContext
from console.operators import audit
from console.operators.permissions import Actor
from console.records.store_access import accounts
from widgets.login_dialog import LoginDialog

CHECK_MS = 15_000
INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                QEvent.Type.TouchBegin}


def sign_in_at_start(context: AppContext, node_identity: str) -> bool:
    """The login dialog before the main window; False when the person quits instead."""
    dialog = LoginDialog(accounts(context), node_identity)
    if not dialog.exec() or dialog.actor is None:
        return False
    context.sign_in(dialog.actor)
    return True


def take_over(context: AppContext, node_identity: str, parent: QWidget | None = None,
              purpose: str = LoginDialog.TAKE_OVER) -> Actor | None:
    """Another officer (or the same one, unlocking) signs in; the previous one is signed out."""
    previous = context.actor
    dialog = LoginDialog(accounts(context), node_identity, purpose,
                         previous.username if purpose == LoginDialog.UNLOCK else "", parent)
    if not dialog.exec() or dialog.actor is None:
        return None
    if context.signed_in and dialog.actor.username != previous.username and not context.services.get("demo_login"):
        accounts(context).sign_out(previous)
    context.services["demo_login"] = False
    context.sign_in(dialog.actor)
    return dialog.actor


class SeatGuard(QObject):
    """Locks the seat after inactivity (see the module docstring)."""

    def __init__(self, context: AppContext, window, lock_after_min: float):
        super().__init__(window)
        self.context, self.window = context, window
        self.lock_after_s = lock_after_min * 60.0
        self.last_input = time.monotonic()
        self.locked = False
        self._timer = QTimer(self, interval=CHECK_MS, timeout=self.check)
        if self.lock_after_s > 0:
            QApplication.instance().installEventFilter(self)
            self._timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def check(self) -> None:
        if not self.locked and not self.context.services.get("demo_login") \
                and time.monotonic() - self.last_input >= self.lock_after_s:
            self.lock()

    def lock(self) -> None:
        """Record the lock and hold the seat until someone signs in."""
        self.locked = True
        actor = self.context.actor
        accounts(self.context).store.record_audit(
            [audit.entry(actor, self.context.node_code, "seat_locked", self.context.node_code, target_kind="seat")])
        try:
            while take_over(self.context, self.window.node_identity(), self.window, LoginDialog.UNLOCK) is None:
                pass
        finally:
            self.locked = False
            self.last_input = time.monotonic()
