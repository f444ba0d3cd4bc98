"""The alarm table in a flood: one row per site (its worst level, how many, unacknowledged, oldest)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from console.alarms.model import AlarmRecord
from domain.values import LEVEL_COLOURS, AlarmLevel
from widgets.alarm_colours import text_on
from widgets.alarm_table_model import AlarmTableModel, TranslatedRowsModel
from widgets.alarm_text import format_time, level_name


@dataclass
class SiteGroup:
    """One site's alarms summarised (flood handling)."""

    site: str
    records: list[AlarmRecord]

    @property
    def level(self) -> AlarmLevel:
        return min(rec.level for rec in self.records)

    @property
    def unacked(self) -> int:
        return sum(1 for rec in self.records if not rec.acknowledged)

    @property
    def oldest(self) -> float:
        return min(rec.raised_at or 0.0 for rec in self.records)


class SiteGroupModel(TranslatedRowsModel):
    """The table in flood mode: one row per site instead of one per alarm."""

    HEADERS = (QT_TRANSLATE_NOOP("alarms", "Level"), QT_TRANSLATE_NOOP("alarms", "Site"),
               QT_TRANSLATE_NOOP("alarms", "Region"), QT_TRANSLATE_NOOP("alarms", "Alarms"),
               QT_TRANSLATE_NOOP("alarms", "Unacknowledged"), QT_TRANSLATE_NOOP("alarms", "Oldest"))

    def __init__(self, source: AlarmTableModel, parent=None):
        super().__init__(parent)
        self.source = source
        self._rows: list[SiteGroup] = []
        self._stale = True
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        for signal in (source.modelReset, source.rowsInserted, source.rowsRemoved, source.dataChanged):
            signal.connect(self._mark_stale)

    def _mark_stale(self, *_args) -> None:
        self._stale = True

    def refresh(self) -> None:
        """Rebuild if the alarm rows changed (called by the page's timer while grouped)."""
        if self._stale:
            self.rebuild()

    def rebuild(self) -> None:
        self._stale = False
        by_site: dict[str, list[AlarmRecord]] = {}
        for rec in self.source.records():
            if rec.annunciated:
                by_site.setdefault(rec.site, []).append(rec)
        self.beginResetModel()
        self._rows = [SiteGroup(site, recs) for site, recs in by_site.items()]
        self._rows.sort(key=lambda group: self._sort_key(group, self.sort_column),
                          reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.rebuild()

    def _sort_key(self, group: SiteGroup, column: int):
        return (int(group.level), group.site, group.site, len(group.records), group.unacked, group.oldest)[column]

    def group(self, row: int) -> SiteGroup:
        return self._rows[row]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            site = self.source.catalogue.sites.get(group.site)
            division = self.source.divisions.by_code.get(site.division) if site else None
            values = (level_name(group.level), site.name if site else group.site, division.name if division else "",
                      len(group.records), group.unacked, format_time(group.oldest))
            return str(values[column])
        if column == 0 and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(LEVEL_COLOURS[group.level]))
        if column == 0 and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(text_on(LEVEL_COLOURS[group.level]))
        return None
