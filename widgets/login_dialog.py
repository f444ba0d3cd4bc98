"""The sign-in dialog: at start, to take over the seat, and to unlock a locked seat.

The check itself is `Accounts.sign_in` (Qt-free, local store only, so it works with the
backend down); the dialog shows its one-line refusal under the fields and keeps the
username so a mistyped password is retyped, not both.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from console.operators.accounts import Accounts, SignInRefused
from console.operators.permissions import Actor
from widgets.retranslating import Retranslating


class LoginDialog(Retranslating, QDialog):
    START, TAKE_OVER, UNLOCK = "start", "take_over", "unlock"

    def __init__(self, accounts: Accounts, node_identity: str, purpose: str = START, username: str = "",
                 parent=None):
        super().__init__(parent)
        self.accounts, self.purpose, self.node_identity = accounts, purpose, node_identity
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setMinimumWidth(420)
        self.heading = QLabel(objectName="pageHeading")
        self.node = QLabel()
        self.hint = QLabel(wordWrap=True)
        self.username = QLineEdit(username)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="fieldError", wordWrap=True)
        self.error.setStyleSheet("color: #ff5050")
        buttons = QDialogButtonBox.StandardButton.Ok
        if purpose != self.UNLOCK:
            buttons |= QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(buttons)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.captions = [QLabel(), QLabel()]
        self.form.addRow(self.captions[0], self.username)
        self.form.addRow(self.captions[1], self.password)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.node, self.hint):
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Duty Console — sign in"))
        self.heading.setText({self.START: self.tr("Sign in"), self.TAKE_OVER: self.tr("Take over the seat"),
                              self.UNLOCK: self.tr("Seat locked")}[self.purpose])
        self.node.setText(self.node_identity)
        self.hint.setText({
            self.START: self.tr("Every action you take is recorded under your name."),
            self.TAKE_OVER: self.tr("The officer taking over signs in; actions from then on are theirs."),
            self.UNLOCK: self.tr("Locked after inactivity. Sign in again, or another officer takes over."),
        }[self.purpose])
        self.captions[0].setText(self.tr("User name"))
        self.captions[1].setText(self.tr("Password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("Quit") if self.purpose == self.START else self.tr("Cancel"))

    def sign_in(self) -> None:
        """Check the password; on success the dialog closes with `self.actor` set."""
        try:
            self.actor = self.accounts.sign_in(self.username.text(), self.password.text())
        except SignInRefused as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.purpose == self.UNLOCK and event.key() == Qt.Key.Key_Escape:
            return  # a locked seat stays locked until someone signs in
        super().keyPressEvent(event)
