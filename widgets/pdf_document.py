"""A document as PDF or on paper: Qt's own text layout (QTextDocument) painted on a QPdfWriter
or a QPrinter, so nothing beyond PySide6 is needed and Chinese uses the console's CJK font.

`DocumentDialog` shows the document as it will print, with "Save PDF…" and "Print…".
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton,
                               QTextBrowser, QVBoxLayout)

from widgets.retranslating import Retranslating

FONT_FAMILY = "WenQuanYi Micro Hei"
MARGINS_MM = QMarginsF(20, 18, 20, 18)


def text_document(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont(FONT_FAMILY, 11))
    document.setHtml(html)
    return document


def write_pdf(html: str, path: Path | str, title: str) -> Path:
    """Lay `html` out on A4 pages and write it to `path`; the file is complete when this returns."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("duty-console")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    text_document(html).print_(writer)
    del writer  # the file is finished once the writer is gone
    return path


class DocumentDialog(Retranslating, QDialog):
    """A generated document shown as it prints, with Save PDF… and Print…."""

    def __init__(self, html: str, title: str, suggested_name: str, parent=None):
        super().__init__(parent)
        self.html, self.title, self.suggested_name = html, title, suggested_name
        self.view = QTextBrowser()
        self.view.setDocument(text_document(html))
        self.saved_to = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(clicked=self.save_pdf)
        self.print_button = QPushButton(clicked=self.print_document)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.saved_to)
        layout.addWidget(self.buttons)
        self.resize(820, 900)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.title)
        self.save_button.setText(self.tr("Save PDF…"))
        self.print_button.setText(self.tr("Print…"))

    def save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self.suggested_name, "PDF (*.pdf)")
        if not path:
            return
        try:
            write_pdf(self.html, path, self.title)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("PDF not saved"), f"{path}: {exc.strerror or exc}")
            return
        self.saved_to.setText(self.tr("Saved to %1").replace("%1", path))

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        if QPrintDialog(printer, self).exec():
            text_document(self.html).print_(printer)
