"""The alarm table's filter bar: level, state, region, site, tag, text, escalated here,
and whether a flood groups the table by site."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from console.alarms.engine import AlarmEngine
from console.alarms.model import AlarmState
from console.context import AppContext
from domain.values import LEVEL_COLOURS, AlarmLevel
from widgets.alarm_filter import AlarmFilterProxy
from widgets.alarm_text import level_name

STATE_FILTERS = (
    (QT_TRANSLATE_NOOP("AlarmFilterBar", "All states"), None),
    (QT_TRANSLATE_NOOP("AlarmFilterBar", "Unacknowledged"), {AlarmState.UNACKED, AlarmState.RTN_UNACKED}),
    (QT_TRANSLATE_NOOP("AlarmFilterBar", "Active"), {AlarmState.UNACKED, AlarmState.ACKED}),
    (QT_TRANSLATE_NOOP("AlarmFilterBar", "Shelved"), {AlarmState.SHELVED}),
    (QT_TRANSLATE_NOOP("AlarmFilterBar", "Suppressed (maintenance)"), {AlarmState.SUPPRESSED}),
    (QT_TRANSLATE_NOOP("AlarmFilterBar", "Out of service"), {AlarmState.OUT_OF_SERVICE}),
)


def region_combo(context: AppContext, everything: str) -> QComboBox:
    """This node and the supervision nodes below it (cities, county-level cities, Xiong'an)."""
    combo = QComboBox()
    combo.addItem(everything, None)
    divisions = context.divisions
    for code in sorted(divisions.jurisdiction(context.node_code)):
        if divisions.node_level(code) != "county" or code == context.node_code:
            combo.addItem(divisions[code].name, code)
    return combo


class AlarmFilterBar(QWidget):
    """`changed` fires when a filter changes; `apply_to` sets the proxy's filter from the bar."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        filters = QHBoxLayout(self)
        filters.setContentsMargins(0, 0, 0, 0)
        self.level_boxes: dict[AlarmLevel, QCheckBox] = {}
        for level in AlarmLevel:
            box = QCheckBox(level_name(level), checked=True)
            box.setStyleSheet(f"QCheckBox {{ color: {LEVEL_COLOURS[level]}; font-weight: bold; }}")
            box.toggled.connect(self.changed)
            self.level_boxes[level] = box
            filters.addWidget(box)
        self.state_combo = QComboBox()
        for text, _states in STATE_FILTERS:
            self.state_combo.addItem(self.tr(text))
        self.region_combo = region_combo(context, self.tr("All regions"))
        self.site_edit = QLineEdit(placeholderText=self.tr("Site"))
        self.tag_edit = QLineEdit(placeholderText=self.tr("Tag"))
        self.text_edit = QLineEdit(placeholderText=self.tr("Text"))
        self.group_box = QCheckBox(self.tr("Group by site in a flood"), checked=True)
        self.escalated_box = QCheckBox(self.tr("Escalated to this node"))
        self.escalated_box.toggled.connect(self.changed)
        for widget in (self.state_combo, self.region_combo):
            widget.currentIndexChanged.connect(self.changed)
            filters.addWidget(widget)
        for widget in (self.site_edit, self.tag_edit, self.text_edit):
            widget.textChanged.connect(self.changed)
            filters.addWidget(widget)
        filters.addWidget(self.escalated_box)
        filters.addWidget(self.group_box)

    def capture(self) -> dict:
        """The filter as a consultation view (widgets/view_following.py)."""
        return {"l": sorted(level.value for level, box in self.level_boxes.items() if box.isChecked()),
                "st": self.state_combo.currentIndex(), "r": self.region_combo.currentData(),
                "si": self.site_edit.text(), "tg": self.tag_edit.text(), "tx": self.text_edit.text(),
                "e": self.escalated_box.isChecked()}

    def apply(self, view: dict) -> None:
        """Set the leader's filter (a region outside this node's list stays "all")."""
        for level, box in self.level_boxes.items():
            box.setChecked(level.value in view.get("l", []))
        self.state_combo.setCurrentIndex(int(view.get("st", 0)))
        self.region_combo.setCurrentIndex(max(0, self.region_combo.findData(view.get("r"))))
        self.site_edit.setText(view.get("si", ""))
        self.tag_edit.setText(view.get("tg", ""))
        self.text_edit.setText(view.get("tx", ""))
        self.escalated_box.setChecked(bool(view.get("e")))

    def apply_to(self, proxy: AlarmFilterProxy, engine: AlarmEngine) -> None:
        region_code = self.region_combo.currentData()
        proxy.set_filter(
            levels={level for level, box in self.level_boxes.items() if box.isChecked()},
            states=STATE_FILTERS[self.state_combo.currentIndex()][1],
            region=self.context.divisions.jurisdiction(region_code) if region_code else None,
            site=self.site_edit.text().strip(), tag=self.tag_edit.text().strip(),
            text=self.text_edit.text().strip(),
            escalated_here=engine.escalated_here if self.escalated_box.isChecked() else None,
        )
