"""Linked handling for the selected alarm: its context, and plainly what is not available.

The tag's trend around the alarm time (trend store, history backfilled off the GUI
thread), the site camera, and from the node's records the enterprise that runs the site
(contacts, emergency plans) and the nearest rescue teams and supply depots. Each part is
shown when its source exists; otherwise the panel says why — an empty box must never
look like "nothing there". Registry reads are a few indexed lookups on the local store
(`console.records.site_context`, well under a millisecond), done on selection.
"""
from __future__ import annotations

import html
import logging
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.alarms.model import AlarmRecord
from console.context import AppContext
from console.records.labels import CONTACT_ROLE, PLAN_KIND
from console.records.site_context import SEARCH_RADIUS_KM, SiteContext, site_context
from console.records.store_access import records_services
from widgets.alarm_text import format_time
from widgets.alarm_trend import AlarmTrend
from widgets.records_page import tr_records
from widgets.trend_support import quality_text

log = logging.getLogger(__name__)

REFRESH_MS = 1000
NOTICE = "<div style='color:#c0a040'>{}</div>"


def _table(rows: list[tuple[str, ...]], wrap: int | None = 0) -> str:
    """Rows of already escaped cells as a compact rich-text table; only column `wrap` may
    break across lines (None: a row is one cell spanning the table)."""
    def cells(row):
        if wrap is None:
            return f"<td colspan='9'>{row[0]}</td>"
        return "".join(f"<td{'' if i == wrap else ' nowrap'}>{cell}&nbsp;&nbsp;</td>" for i, cell in enumerate(row))

    return "<table cellspacing='0' cellpadding='1'>" + "".join(f"<tr>{cells(row)}</tr>" for row in rows) + "</table>"


def _heading(text: str) -> str:
    return f"<div style='margin-top:6px'><b>{html.escape(text)}</b></div>"


def _plan_title(plan: dict, enterprise: dict) -> str:
    """The plan's title without the enterprise's name in front (the column heading says whose)."""
    name = plan["name"]
    return name[len(enterprise["name"]):] or name if name.startswith(enterprise["name"]) else name


def _date(ts: float | None) -> str:
    return "—" if ts is None else time.strftime("%Y-%m-%d", time.localtime(ts))


class LinkedHandlingPanel(QWidget):
    show_camera = Signal(str)  # site code
    show_trend = Signal(str, float)  # tag id, alarm time
    show_enterprise = Signal(str)  # enterprise id

    def __init__(self, context: AppContext, catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.catalogue = catalogue
        self.record: AlarmRecord | None = None
        self.site_context: SiteContext | None = None
        self.registry_error = ""
        self.details = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.trend = AlarmTrend(context.services.get("trends"))
        self.trend_button = QPushButton()
        self.camera_button = QPushButton()
        self.enterprise_button = QPushButton()
        self.trend_button.clicked.connect(lambda: self.record and self.show_trend.emit(
            self.record.tag, self.record.raised_at or 0.0))
        self.camera_button.clicked.connect(lambda: self.record and self.show_camera.emit(self.record.site))
        self.enterprise_button.clicked.connect(lambda: self.site_context and self.site_context.enterprise
                                               and self.show_enterprise.emit(self.site_context.enterprise["id"]))
        self.enterprise = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.resources = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.links = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        # four columns side by side under the alarm table: where the alarm is and the ways on
        # from it, how the value got there, whom to call, what help is near
        for label in (self.enterprise, self.resources):
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
        first = QVBoxLayout()
        first.addWidget(self.details)
        first.addWidget(self.links)
        first.addStretch(1)
        for button in (self.trend_button, self.camera_button, self.enterprise_button):
            first.addWidget(button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(16)
        layout.addLayout(first, 3)
        layout.addWidget(self.trend, 3)
        layout.addWidget(self.enterprise, 4)
        layout.addWidget(self.resources, 5)
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=lambda: self.trend.refresh(time.time()))
        self._retranslate()

    def _retranslate(self) -> None:
        self.trend_button.setText(self.tr("Open trend page"))
        self.camera_button.setText(self.tr("Site camera"))
        self.enterprise_button.setText(self.tr("Open in registry"))
        self.show_record(self.record)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @staticmethod
    def _has_video() -> bool:
        """The video page is built (it offers `show_site_camera(site_code)`)."""
        from console.navigation import page_spec

        return page_spec("video").factory is not None

    def close_panel(self) -> None:
        self._timer.stop()
        self.trend.close_trend()

    # ---- the selected alarm -----------------------------------------------------------
    def show_record(self, rec: AlarmRecord | None) -> None:
        self.record = rec
        has_trends = "trends" in self.context.services
        self.trend_button.setVisible(rec is not None and has_trends)
        self.camera_button.setVisible(rec is not None and self._has_video())
        self.trend.setVisible(rec is not None and has_trends)
        site = self.catalogue.sites.get(rec.site) if rec is not None else None
        self.site_context = self._read_site(site) if site is not None else None
        self.enterprise_button.setVisible(bool(self.site_context and self.site_context.enterprise))
        if rec is None:
            self._timer.stop()
            self.trend.show_alarm(None, None, None, None)
            self.details.setText(self.tr("Select an alarm to see its context."))
            for label in (self.enterprise, self.resources, self.links):
                label.setText("")
            return
        self.details.setText(self._details(rec, site))
        if has_trends:
            self.trend.show_alarm(self.catalogue.tags.get(rec.tag), rec.raised_at, rec.level, _limit_of(rec))
            self._timer.start()
        self.enterprise.setText(self._enterprise_text())
        self.resources.setText(self._resources_text())
        missing = [] if has_trends else [self.tr("Trend: the trend service is not running on this node.")]
        if not self._has_video():
            missing.append(self.tr("Site camera: the video page is not available in this version."))
        self.links.setText("".join(NOTICE.format(html.escape(text)) for text in missing))

    def _read_site(self, site) -> SiteContext | None:
        """The site's registry context, or None (with `registry_error` saying why)."""
        try:
            _store, reader = records_services(self.context)
            self.registry_error = ""
            return site_context(reader, site.code, site.lon, site.lat)
        except Exception as exc:  # a store that cannot be opened or read: say so, keep the rest
            log.exception("registry context of site %s", site.code)
            self.registry_error = str(exc)
            return None

    def _details(self, rec: AlarmRecord, site) -> str:
        chain = [self.context.divisions.by_code[code].name for code in self.context.divisions.chain_up(rec.division)]
        latest = self.context.tag_bus.latest(rec.tag)
        rows = [  # level, state and text are in the selected row already
            (self.tr("Site"), site.name if site else rec.site),
            (self.tr("Supervision"), " → ".join(chain)),
            (self.tr("Raised"), format_time(rec.raised_at)),
            (self.tr("Value at raise"), "" if rec.value is None else f"{rec.value:g}"),
            (self.tr("Latest value"), "" if latest is None else f"{latest.value:g} ({quality_text(latest.quality, False)[0]})"),
        ]
        if rec.escalated_to:
            rows.append((self.tr("Escalated to"), self.context.divisions.by_code[rec.escalated_to].name))
        if rec.acked_by:
            rows.append((self.tr("Acknowledged"), f"{rec.acked_by} {format_time(rec.acked_at)} {rec.note}"))
        cells = [(f"<b>{html.escape(k)}</b>", html.escape(v)) for k, v in rows]
        if rec.comments:
            cells.append((f"<b>{html.escape(self.tr('Comments'))}</b>", "<br>".join(html.escape(c) for c in rec.comments)))
        return _table(cells)

    def _enterprise_text(self) -> str:
        context = self.site_context
        if context is None:
            reason = self.registry_error or self.tr("the site is not in the catalogue")
            return NOTICE.format(html.escape(self.tr("Registry not available: %1").replace("%1", reason)))
        site = self.catalogue.sites.get(context.site)
        if context.enterprise is None:
            named = f" ({html.escape(site.enterprise)})" if site is not None and site.enterprise else ""
            return NOTICE.format(html.escape(self.tr("No enterprise registered for this site")) + named)
        ent = context.enterprise
        parts = [f"<div><b>{html.escape(ent['name'])}</b> "
                 f"<span style='color:#8a9bb0'>{html.escape(ent['credit_code'])}</span></div>",
                 _heading(self.tr("Contacts"))]
        if context.contacts:
            parts.append(_table([(html.escape(c["name"]), html.escape(tr_records(CONTACT_ROLE.get(c["role"], c["role"]))),
                                  html.escape(c["phone"] or "—")) for c in context.contacts]))
        else:
            parts.append(NOTICE.format(html.escape(self.tr("No contacts registered"))))
        parts.append(_heading(self.tr("Emergency plans")))
        if context.plans:
            parts.append(_table([(html.escape(_plan_title(p, ent)), html.escape(tr_records(PLAN_KIND.get(p["kind"], p["kind"]))),
                                  _date(p["approved_at"])) for p in context.plans]))
        else:
            parts.append(NOTICE.format(html.escape(self.tr("No emergency plan registered for this enterprise"))))
        return "".join(parts)

    def _resources_text(self) -> str:
        context = self.site_context
        if context is None:
            return ""
        within = self.tr("within %1 km").replace("%1", f"{SEARCH_RADIUS_KM:g}")
        parts = [_heading(self.tr("Nearest rescue teams"))]
        if context.teams:
            parts.append(_table([(html.escape(team["name"]), f"{km:.1f} km",
                                  html.escape(self.tr("%1 people").replace("%1", str(team["members"]))),
                                  html.escape(team["phone"] or "—")) for team, km in context.teams]))
        else:
            parts.append(NOTICE.format(html.escape(self.tr("None registered %1").replace("%1", within))))
        parts.append(_heading(self.tr("Nearest supply depots")))
        if context.depots:
            rows = []
            for depot in context.depots:
                stock = ", ".join(f"{item['name']} {item['quantity']:g} {item['unit']}" for item in depot.items)
                rows.append((f"{html.escape(depot.location)} {depot.km:.1f} km<br>"
                             f"<span style='color:#8a9bb0'>{html.escape(stock)}</span>",))
            parts.append(_table(rows, wrap=None))
        else:
            parts.append(NOTICE.format(html.escape(self.tr("None registered %1").replace("%1", within))))
        return "".join(parts)


def _limit_of(rec: AlarmRecord) -> float | None:
    """The limit a high/low alarm was raised at (from its stored message), else None."""
    message = rec.message or {}
    if message.get("code") not in ("high", "low"):
        return None
    try:
        return float(message["args"]["limit"])
    except (KeyError, ValueError):
        return None
