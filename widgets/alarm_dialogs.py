"""Operator dialogs of the alarm console: note, shelve, disposition."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget,
)

SHELVE_MINUTES = (15, 30, 60, 120, 240, 480)


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.buttons)


class NoteDialog(_Form):
    """Acknowledge or comment: a note, required when `required`."""

    def __init__(self, title: str, prompt: str, required: bool, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.required = required
        self.note = QPlainTextEdit()
        self.note.setMinimumHeight(80)
        self.form.addRow(QLabel(prompt))
        self.form.addRow(self.note)
        self.finish()
        self.note.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(self.note.toPlainText().strip()) or not self.required
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def text(self) -> str:
        return self.note.toPlainText().strip()


class ShelveDialog(_Form):
    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(self.tr("Shelve alarms"), parent)
        self.minutes = QSpinBox(minimum=1, maximum=24 * 60, value=60, suffix=self.tr(" min"))
        self.preset = QComboBox()
        for minutes in SHELVE_MINUTES:
            self.preset.addItem(self.tr("{n} min").format(n=minutes), minutes)
        self.preset.currentIndexChanged.connect(lambda i: self.minutes.setValue(self.preset.itemData(i)))
        self.reason = QLineEdit()
        self.form.addRow(QLabel(self.tr("Shelve {n} alarm(s); they return by themselves.").format(n=count)))
        self.form.addRow(self.tr("Duration"), self.minutes)
        self.form.addRow(self.tr("Preset"), self.preset)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish()
        self.reason.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)


class DispositionDialog(_Form):
    RESULTS = (
        QT_TRANSLATE_NOOP("DispositionDialog", "Handled, back to normal"),
        QT_TRANSLATE_NOOP("DispositionDialog", "False alarm"),
        QT_TRANSLATE_NOOP("DispositionDialog", "Instrument fault, work order raised"),
        QT_TRANSLATE_NOOP("DispositionDialog", "Escalated to emergency response"),
    )

    def __init__(self, description: str, parent: QWidget | None = None):
        super().__init__(self.tr("Alarm disposition"), parent)
        self.steps = QPlainTextEdit()
        self.steps.setPlaceholderText(self.tr("Who was called, what was done, when"))
        self.result = QComboBox(editable=True)
        for text in self.RESULTS:
            self.result.addItem(self.tr(text))
        self.form.addRow(QLabel(description))
        self.form.addRow(self.tr("Handling steps"), self.steps)
        self.form.addRow(self.tr("Result"), self.result)
        self.form.addRow(QLabel(self.tr("OK records the handling and closes the alarm.")))
        self.finish()
