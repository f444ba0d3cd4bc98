"""What every records page shares: a heading, the store and reader, retranslation, helpers."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QVBoxLayout, QWidget

from console import i18n
from console.records.store_access import records_services
from widgets.records_table import TR_CONTEXT
from widgets.retranslating import Retranslating


def tr_records(text: str) -> str:
    """Translate a source text marked in the "records" context (console.records.labels)."""
    return QCoreApplication.translate(TR_CONTEXT, text)


def translated(mapping: dict):
    """A Column.show that paints a stored code as its translated label."""
    return lambda value: tr_records(mapping[value]) if value in mapping else ("" if value is None else str(value))


class RecordsPage(Retranslating, QWidget):
    """Subclasses build their widgets, then implement `refresh()` (re-read) and `_retranslate()`.

    A page re-reads when it is shown again and after each sync pass while visible, so rows
    other nodes wrote appear.
    """

    refresh_on_show = True

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.store, self.reader = records_services(context)
        self.node = context.node_code
        self.heading = QLabel(objectName="pageHeading")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self._shown_before = False
        bridge = context.services.get("sync_bridge")
        if bridge is not None and self.refresh_on_show:
            bridge.changed.connect(lambda _status: self._synced())

    def division_name(self, code: str) -> str:
        division = self.context.divisions.by_code.get(code)
        if division is None:
            return code
        return division.name if i18n.current_language() == "zh_CN" else division.name_en

    def division_combo(self) -> QComboBox:
        """Every division in this node's jurisdiction, supervisors first; data = code or None."""
        combo = QComboBox()
        combo.addItem("", None)
        divisions = self.context.divisions
        for code in sorted(divisions.jurisdiction(self.node), key=lambda c: (divisions.chain_up(c)[::-1], c)):
            depth = len(divisions.chain_up(code)) - len(divisions.chain_up(self.node))
            combo.addItem("    " * depth + self.division_name(code), code)
        return combo

    def retranslate_division_combo(self, combo: QComboBox) -> None:
        combo.setItemText(0, QCoreApplication.translate("records", "Whole jurisdiction"))

    def add_split(self, orientation: Qt.Orientation, first: QWidget, second: QWidget,
                  stretch: tuple[int, int] = (3, 2)) -> QSplitter:
        """The page body: two panes the operator can resize."""
        splitter = QSplitter(orientation)
        for index, (widget, factor) in enumerate(zip((first, second), stretch)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(index, factor)
        self.layout_.addWidget(splitter, 1)
        return splitter

    def is_ready(self) -> bool:
        return True

    def _synced(self) -> None:
        """A sync pass finished: re-read now if the operator is looking, else when shown."""
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self.refresh_on_show and not event.spontaneous() and self._shown_before:
            self.refresh()
        self._shown_before = True
        super().showEvent(event)

    def _retranslate(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError


def section_label(parent: QWidget) -> QLabel:
    label = QLabel(parent, objectName="sectionHeading")
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return label
