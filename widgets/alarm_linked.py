"""Linked handling for the selected alarm: its context, and plainly what is not available yet.

Trend, camera, contacts, emergency plan and rescue resources come from other parts of
the console; each is offered only when its service is running, otherwise the panel says
it is not available in this version — an empty box must never look like "nothing there".
"""
from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from console.alarms.model import AlarmRecord
from console.context import AppContext
from widgets.alarm_table import alarm_text, format_time, level_name, state_name
from widgets.trend_support import quality_text

# service key in context.services → what it gives the operator
LINKS = (
    ("trends", QT_TRANSLATE_NOOP("LinkedHandlingPanel", "Trend of the tag around the alarm time")),
    ("video", QT_TRANSLATE_NOOP("LinkedHandlingPanel", "Site camera")),
    ("registry", QT_TRANSLATE_NOOP("LinkedHandlingPanel", "Enterprise contacts")),
    ("emergency", QT_TRANSLATE_NOOP("LinkedHandlingPanel", "Emergency plan and rescue resources nearby")),
)


class LinkedHandlingPanel(QWidget):
    show_camera = Signal(str)  # site code
    show_trend = Signal(str, float)  # tag id, alarm time

    def __init__(self, context: AppContext, catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.catalogue = catalogue
        self.record: AlarmRecord | None = None
        self.details = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.trend_button = QPushButton(self.tr("Show trend"))
        self.camera_button = QPushButton(self.tr("Show site camera"))
        self.trend_button.clicked.connect(lambda: self.record and self.show_trend.emit(self.record.tag,
                                                                                      self.record.raised_at or 0.0))
        self.camera_button.clicked.connect(lambda: self.record and self.show_camera.emit(self.record.site))
        self.links = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addWidget(self.trend_button)
        layout.addWidget(self.camera_button)
        layout.addWidget(self.links)
        layout.addStretch(1)
        self.show_record(None)

    @staticmethod
    def _has_video() -> bool:
        """The video page is built (it offers `show_site_camera(site_code)`)."""
        from console.pages import page_spec

        return page_spec("video").factory is not None

    def show_record(self, rec: AlarmRecord | None) -> None:
        self.record = rec
        services = self.context.services
        self.trend_button.setVisible(rec is not None and "trends" in services)
        self.camera_button.setVisible(rec is not None and self._has_video())
        if rec is None:
            self.details.setText(self.tr("Select an alarm to see its context."))
            self.links.setText("")
            return
        site = self.catalogue.sites.get(rec.site)
        chain = [self.context.divisions.by_code[code].name for code in self.context.divisions.chain_up(rec.division)]
        latest = self.context.tag_bus.latest(rec.tag)
        rows = [
            (self.tr("Level / state"), f"{level_name(rec.level)} · {state_name(rec.state)}"),
            (self.tr("Site"), site.name if site else rec.site),
            (self.tr("Enterprise"), (site.enterprise or "") if site else ""),
            (self.tr("Supervision"), " → ".join(chain)),
            (self.tr("Alarm"), alarm_text(rec)),
            (self.tr("Raised"), format_time(rec.raised_at)),
            (self.tr("Value at raise"), "" if rec.value is None else f"{rec.value:g}"),
            (self.tr("Latest value"), "" if latest is None else f"{latest.value:g} ({quality_text(latest.quality, False)[0]})"),
            (self.tr("Escalated to"), self.context.divisions.by_code[rec.escalated_to].name if rec.escalated_to else "—"),
            (self.tr("Acknowledged"), f"{rec.acked_by} {format_time(rec.acked_at)} {rec.note}" if rec.acked_by else "—"),
            (self.tr("Comments"), "<br>".join(html.escape(c) for c in rec.comments) or "—"),
        ]
        self.details.setText("<table>" + "".join(
            f"<tr><td><b>{html.escape(k)}</b>&nbsp;</td><td>{v if k == self.tr('Comments') else html.escape(v)}</td></tr>"
            for k, v in rows) + "</table>")
        missing = [self.tr(text) for key, text in LINKS
                   if key not in services and not (key == "video" and self._has_video())]
        heading = self.tr("Not available yet in this version:")
        self.links.setText(f"<p style='color:#c0a040'><b>{heading}</b><br>"
                           + "<br>".join(html.escape(text) for text in missing) + "</p>" if missing else "")
