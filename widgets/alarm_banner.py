"""The alarm banner of the main window: counts per level, the oldest unacknowledged alarm,
flood state, and the audible tone with its silence button.

Refreshed by a timer from the engine's records (never per alarm). Without a running
alarm service it says so instead of showing zeros that could be mistaken for "no alarms".
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from console.alarms.model import AlarmState
from console.context import AppContext
from domain.values import LEVEL_COLOURS, AlarmLevel
from widgets.alarm_colours import text_on
from widgets.alarm_text import alarm_text, format_time, level_name
from widgets.alarm_tone import Annunciator
from widgets.retranslating import Retranslating

REFRESH_MS = 500
FIXED = (QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit; the whole text is its tooltip.

    It takes whatever width the banner has left, so the chips, the flood sign and the
    silence button keep their full size at 1366 px as at 1920 px.
    """

    def __init__(self, objectName: str = ""):  # noqa: N803 - Qt's keyword
        super().__init__(objectName=objectName)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width())))


class AlarmBanner(Retranslating, QFrame):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self.context = context
        self.service = context.services.get("alarms")
        self.annunciator = Annunciator(context.config.alarms.tone, self)
        self._seen_occurrences: set[str] = set()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.chips: dict[AlarmLevel, QLabel] = {}
        for level in AlarmLevel:
            chip = QLabel(objectName=f"alarmChip{level.name.title()}")
            chip.setMinimumWidth(96)
            chip.setSizePolicy(*FIXED)  # counts are never clipped: the oldest-alarm text gives way
            chip.setStyleSheet(f"background:{LEVEL_COLOURS[level]}; color:{text_on(LEVEL_COLOURS[level]).name()};"
                               "border-radius:3px; padding:3px 8px; font-weight:bold;")
            self.chips[level] = chip
            layout.addWidget(chip)
        self.oldest = ElidedLabel(objectName="alarmOldest")
        self.flood = QLabel(objectName="alarmFlood")
        self.flood.setStyleSheet("color:#ff5050; font-weight:bold;")
        self.flood.setSizePolicy(*FIXED)
        self.silence_button = QPushButton(objectName="alarmSilence")
        self.silence_button.setSizePolicy(*FIXED)
        self.silence_button.clicked.connect(self.annunciator.silence)
        layout.addWidget(self.oldest, 1)
        layout.addWidget(self.flood)
        layout.addWidget(self.silence_button)
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()
        self._retranslate()

    def refresh(self) -> None:
        if self.service is None:
            self.oldest.set_full_text(self.tr("Alarm service not running: alarms are not being evaluated"))
            for chip in self.chips.values():
                chip.setText("—")
            return
        engine = self.service.engine
        total = {level: 0 for level in AlarmLevel}
        unacked = {level: 0 for level in AlarmLevel}
        oldest = None
        new_alarm = False
        for rec in engine.active_alarms():
            if not rec.annunciated:
                continue
            total[rec.level] += 1
            if rec.state in (AlarmState.UNACKED, AlarmState.RTN_UNACKED):
                unacked[rec.level] += 1
                if oldest is None or (rec.raised_at or 0) < (oldest.raised_at or 0):
                    oldest = rec
                if rec.occurrence_id not in self._seen_occurrences:
                    self._seen_occurrences.add(rec.occurrence_id)
                    new_alarm = True
        for level, chip in self.chips.items():
            chip.setText(f"{level_name(level)}  {unacked[level]} / {total[level]}")
        if oldest is None:
            self.oldest.set_full_text(self.tr("No unacknowledged alarms"))
        else:
            site = self.service.catalogue.sites.get(oldest.site)
            self.oldest.set_full_text(self.tr("Oldest unacknowledged: {time} {site} {text}").format(
                time=format_time(oldest.raised_at), site=site.name if site else oldest.site, text=alarm_text(oldest)))
        self.flood.setText(self.tr("ALARM FLOOD ({rate}/10 min)").format(rate=engine.flood.rate)
                           if engine.flood.in_flood else "")
        worst = min((level for level in AlarmLevel if unacked[level]), default=None)
        self.annunciator.update(worst, new_alarm)
        self.silence_button.setEnabled(self.annunciator.sounding)

    def _retranslate(self) -> None:
        self.silence_button.setText(self.tr("Silence"))
        self.silence_button.setToolTip(self.tr("Silence the alarm tone until a new alarm comes in"))
        self.refresh()
