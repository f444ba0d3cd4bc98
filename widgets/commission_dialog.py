"""The first-run dialog: commission this machine as a node from the GUI.

Reached from the demo banner (a console with no config is a demonstration). It collects
what `duty-console commission` asks for and runs the same `commission_outcome` on a worker
thread (it connects to the backend and runs the first sync: the GUI thread never waits on
it); the outcome comes back as a page job's result (`console.services.page_jobs`). On success the console must be
restarted to run as the node.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from console.services.page_jobs import start_job
from domain.divisions import PROVINCE_CODE, DivisionRegistry
from widgets.retranslating import Retranslating

SSL_MODES = ("verify-full", "verify-ca", "require", "prefer", "disable")


class CommissionDialog(Retranslating, QDialog):
    def __init__(self, divisions: DivisionRegistry, parent=None):
        super().__init__(parent)
        self.division = QComboBox()
        for code in sorted(divisions.jurisdiction(PROVINCE_CODE)):
            self.division.addItem(f"{code} {divisions[code].name}", code)
        self.host, self.dbname, self.role = QLineEdit(), QLineEdit("duty"), QLineEdit()
        self.port = QSpinBox(minimum=1, maximum=65535, value=5432)
        self.sslmode = QComboBox()
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslrootcert, self.sites_file = QLineEdit(), QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.result_line = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self._rows = [(self.division, ""), (self.host, ""), (self.port, ""), (self.dbname, ""), (self.role, ""),
                      (self.sslmode, ""), (self.sslrootcert, ""), (self.sites_file, ""), (self.password, "")]
        for widget, _ in self._rows:
            self.form.addRow(QLabel(), widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.result_line)
        layout.addWidget(self.buttons)
        self._job = None
        self.done_ok: bool | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Commission this node"))
        labels = (self.tr("Division"), self.tr("Backend host"), self.tr("Port"), self.tr("Database"),
                  self.tr("Node role (empty: node_<division>)"), self.tr("TLS mode"),
                  self.tr("TLS root certificate (file)"), self.tr("Field sites file (optional)"), self.tr("Password"))
        for row, text in enumerate(labels):
            self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Commission"))

    def settings(self) -> argparse.Namespace:
        def path(edit: QLineEdit) -> Path | str:
            return Path(edit.text().strip()) if edit.text().strip() else ""  # "": none (never asked)

        division = self.division.currentData()
        return argparse.Namespace(
            division=division, backend_host=self.host.text().strip() or None,
            port=self.port.value(), dbname=self.dbname.text().strip() or "duty",
            backend_user=self.role.text().strip() or f"node_{division}", sslmode=self.sslmode.currentData(),
            sslrootcert=path(self.sslrootcert), sites_file=path(self.sites_file), password_env=None,
            out=None, force=False)

    def start(self) -> None:
        from console.commands.commission_cmd import commission_outcome

        settings, password = self.settings(), self.password.text()
        if not settings.backend_host:
            self.result_line.setText(self.tr("Backend host: enter the shared backend's address."))
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.result_line.setText(self.tr("Commissioning: checking the backend and running the first sync…"))
        self._job = start_job(lambda _report: commission_outcome(settings, password), self._show_outcome)

    def _show_outcome(self, outcome: tuple[bool, str] | Exception) -> None:
        done, line = (False, f"{type(outcome).__name__}: {outcome}") if isinstance(outcome, Exception) else outcome
        self.done_ok = done
        if done:
            self.result_line.setText(self.tr("{line}. Restart the console to run as this node.").format(line=line))
        else:
            self.result_line.setText(self.tr("Not commissioned: {line}").format(line=line))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
