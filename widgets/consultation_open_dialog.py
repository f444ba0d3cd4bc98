"""The form that opens a consultation: topic, linked incident or site, invited nodes (the
session's supervision chain: only those can see it), conference link. It stays open with its
content when the page refuses it, showing the one-line reason."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout)
from PySide6.QtCore import Qt

from console.consultation.sessions import session_division
from domain.divisions import DivisionRegistry
from server_link.local_store import StoreError


class OpenConsultationDialog(QDialog):
    def __init__(self, divisions: DivisionRegistry, node: str, incidents: list[dict], submit, parent=None) -> None:
        """`submit(topic, invited, link, incident, site)` stores the session or raises with one line."""
        super().__init__(parent)
        self.divisions, self.node, self.submit = divisions, node, submit
        self.setWindowTitle(self.tr("Open a consultation"))
        self.topic = QLineEdit()
        self.incident = QComboBox()
        self.incident.addItem(self.tr("(none)"), None)
        for row in incidents:
            self.incident.addItem(row["title"], row)
        self.site = QLineEdit(placeholderText=self.tr("Site code, e.g. TP13010201"))
        self.link = QLineEdit(placeholderText=self.tr("Video conference URL or meeting number"))
        self.invited = QListWidget()
        self.error = QLabel(objectName="formError")
        self.error.setStyleSheet("color: #d32f2f")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Incident"), self.incident)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Invited nodes"), self.invited)
        form.addRow(self.tr("Conference link"), self.link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.incident.currentIndexChanged.connect(self._list_nodes)
        self.site.textChanged.connect(self._list_nodes)
        self._list_nodes()
        self.resize(560, 480)

    def _list_nodes(self) -> None:
        """Nodes that can see a session on the chosen incident/site (its chain), ticked."""
        incident = self.incident.currentData()
        try:
            division = session_division(self.divisions, self.node, self.site.text().strip() or None,
                                        incident["division"] if incident else None)
        except (StoreError, KeyError):
            division = self.node
        self.invited.clear()
        for code in self.divisions.chain_up(division):
            if code == self.node:
                continue
            item = QListWidgetItem(f"{self.divisions[code].name} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked)
            self.invited.addItem(item)

    def invited_nodes(self) -> list[str]:
        items = (self.invited.item(row) for row in range(self.invited.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def try_submit(self) -> None:
        message = self.submit(self.topic.text(), self.invited_nodes(), self.link.text(), self.incident.currentData(),
                              self.site.text().strip() or None)
        if message:
            self.error.setText(message)
        else:
            self.accept()
