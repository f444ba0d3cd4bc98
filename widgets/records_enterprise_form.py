"""Add or edit an enterprise; each field's problem is shown in red right under that field.

The credit code is checked as it is typed (length, alphabet, GB 32100 check character), so a
wrong character is caught before the operator presses Save.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
                               QWidget)

from console.operators.permissions import PermissionDenied
from console.records import registry
from console.records.labels import INDUSTRY, SUPERVISION_LEVEL
from console.records.registry_import import REASONS
from server_link import credit_code
from server_link.local_store import StoreError
from widgets.records_page import tr_records


def _code_problem(code: str) -> str | None:
    """What is wrong with a credit code, in the console's language (the import's reasons)."""
    found = credit_code.diagnose(code)
    return None if found is None else tr_records(REASONS[found[0]]).format(**found[1])


def _with_error(field: QWidget) -> tuple[QWidget, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    error = QLabel(wordWrap=True)
    error.setStyleSheet("color: #d32f2f")
    error.hide()
    layout.addWidget(field)
    layout.addWidget(error)
    return box, error


class EnterpriseDialog(QDialog):
    def __init__(self, store, reader, divisions, actor, division_combo: QComboBox, enterprise: dict | None = None,
                 parent=None):
        super().__init__(parent)
        self.store, self.reader, self.divisions, self.actor = store, reader, divisions, actor
        self.enterprise_id = enterprise["id"] if enterprise else None
        self.setWindowTitle(self.tr("Edit enterprise") if enterprise else self.tr("Add enterprise"))
        self.setMinimumWidth(520)
        self.fields: dict[str, QWidget] = {
            "name": QLineEdit(),
            "credit_code": QLineEdit(maxLength=18),
            "division": division_combo,
            "industry": QComboBox(),
            "supervision_level": QComboBox(),
            "address": QLineEdit(),
            "legal_representative": QLineEdit(),
            "contact": QLineEdit(),
            "phone": QLineEdit(),
        }
        division_combo.setItemText(0, self.tr("(choose the division)"))
        for code, text in INDUSTRY.items():
            self.fields["industry"].addItem(tr_records(text), code)
        for code, text in SUPERVISION_LEVEL.items():
            self.fields["supervision_level"].addItem(tr_records(text), code)
        self.fields["credit_code"].setPlaceholderText("91130100MA0XXXXXXX")
        self.fields["credit_code"].textEdited.connect(self._check_code_as_typed)
        captions = {
            "name": self.tr("Name"), "credit_code": self.tr("Unified social credit code"),
            "division": self.tr("Division"), "industry": self.tr("Industry"),
            "supervision_level": self.tr("Supervised by"), "address": self.tr("Address"),
            "legal_representative": self.tr("Legal representative"), "contact": self.tr("Contact"),
            "phone": self.tr("Phone"),
        }
        form = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}
        for key, field in self.fields.items():
            box, self.errors[key] = _with_error(field)
            form.addRow(captions[key], box)
        self.save_error = QLabel(wordWrap=True)
        self.save_error.setStyleSheet("color: #d32f2f")
        form.addRow(self.save_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if enterprise:
            self._load(enterprise)
        self.saved_id: str | None = None

    def _load(self, enterprise: dict) -> None:
        for key, field in self.fields.items():
            value = enterprise.get(key)
            if isinstance(field, QLineEdit):
                field.setText(value or "")
            else:
                field.setCurrentIndex(max(0, field.findData(value)))

    def values(self) -> dict:
        return {key: field.text() if isinstance(field, QLineEdit) else field.currentData()
                for key, field in self.fields.items()}

    def _check_code_as_typed(self, text: str) -> None:
        field = self.fields["credit_code"]
        upper = text.upper()
        if upper != text:
            position = field.cursorPosition()
            field.setText(upper)
            field.setCursorPosition(position)
        self._show_error("credit_code", _code_problem(upper) if len(upper) == 18 else None)

    def _show_error(self, key: str, message: str | None) -> None:
        label = self.errors[key]
        label.setText(message or "")
        label.setVisible(bool(message))

    def save(self) -> None:
        values = self.values()
        found = registry.problems(values, self.reader, self.divisions, self.enterprise_id)
        code_problem = _code_problem((values["credit_code"] or "").strip().upper())
        if code_problem:
            found["credit_code"] = code_problem  # the same problem, in the console's language
        for key in self.fields:
            self._show_error(key, found.get(key))
        if found:
            return
        try:
            self.saved_id = registry.save(self.store, self.actor, self.divisions, values, self.enterprise_id)
        except (StoreError, PermissionDenied) as exc:
            self.save_error.setText(str(exc))
            return
        self.accept()
