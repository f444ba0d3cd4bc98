"""The alarm console's history tab: the journal's events in a time range, searched on the thread pool."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from console.alarms.labels import EVENT_NAMES
from console.alarms.messages import condition_label
from console.services.page_jobs import PageJobs
from widgets.alarm_text import event_text, format_time, level_name, tr

HISTORY_HEADERS = (
    QT_TRANSLATE_NOOP("AlarmHistoryTab", "Time"), QT_TRANSLATE_NOOP("AlarmHistoryTab", "Event"),
    QT_TRANSLATE_NOOP("AlarmHistoryTab", "Level"), QT_TRANSLATE_NOOP("AlarmHistoryTab", "Site"),
    QT_TRANSLATE_NOOP("AlarmHistoryTab", "Tag"), QT_TRANSLATE_NOOP("AlarmHistoryTab", "Condition"),
    QT_TRANSLATE_NOOP("AlarmHistoryTab", "Operator"), QT_TRANSLATE_NOOP("AlarmHistoryTab", "Note"),
)


class AlarmHistoryTab(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        """`service`: the running alarm service (its journal and catalogue)."""
        super().__init__(parent)
        self.service = service
        self._jobs = PageJobs()
        self._build()

    def _build(self) -> None:
        now = QDateTime.currentDateTime()
        self.history_from = QDateTimeEdit(now.addDays(-1), calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        self.history_to = QDateTimeEdit(now.addSecs(3600), calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        self.history_text = QLineEdit(placeholderText=self.tr("Site, tag, note or text"))
        search = QPushButton(self.tr("Search"))
        search.clicked.connect(self.search_history)
        self.history_status = QLabel()
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.history_from, QLabel(self.tr("to")), self.history_to,
                       self.history_text, search, self.history_status):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.history_model = QStandardItemModel(0, 8, self)
        view = QTableView(sortingEnabled=True)
        view.setModel(self.history_model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        self.history_model.setHorizontalHeaderLabels([self.tr(h) for h in HISTORY_HEADERS])

    def search_history(self) -> None:
        start = self.history_from.dateTime().toSecsSinceEpoch()
        end = self.history_to.dateTime().toSecsSinceEpoch()
        text = self.history_text.text().strip()
        self.history_status.setText(self.tr("Searching…"))
        self._jobs.run(lambda: self.service.journal.events(start, end, text=text, limit=20000), self._show_history)

    def _show_history(self, events) -> None:
        if isinstance(events, Exception):
            self.history_status.setText(self.tr("Search failed: {error}").format(error=events))
            return
        model = self.history_model
        model.removeRows(0, model.rowCount())
        for event in events:
            site = self.service.catalogue.sites.get(event.site)
            cells = (format_time(event.at), tr(EVENT_NAMES[event.kind.value]), level_name(event.level) if event.level else "",
                     site.name if site else event.site, event.tag, condition_label(event.condition, tr),
                     event.operator, event.note or event_text(event.payload))
            model.appendRow([QStandardItem(str(cell)) for cell in cells])
        self.history_status.setText(self.tr("{n} events").format(n=len(events)))
