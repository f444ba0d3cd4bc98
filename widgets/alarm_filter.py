"""Which alarms the table shows: level, state, region, site, tag, text, escalated here."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from console.alarms.model import AlarmRecord, AlarmState
from domain.values import AlarmLevel
from widgets.alarm_table_model import AlarmTableModel


class AlarmFilterProxy(QSortFilterProxyModel):
    """Filters by level, state, region (a division and everything below it), site, tag and text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.levels: set[AlarmLevel] = set(AlarmLevel)
        self.states: set[AlarmState] | None = None  # None: all
        self.region: set[str] | None = None  # county codes, None: all
        self.site = ""
        self.tag = ""
        self.text = ""
        self.escalated_here: Callable[[AlarmRecord], bool] | None = None  # only alarms escalated to this node
        self._filtering = False
        self.setDynamicSortFilter(True)

    def set_filter(self, **changes) -> None:
        self.beginFilterChange()
        for key, value in changes.items():
            setattr(self, key, value)
        self._filtering = self.filtering
        self.endFilterChange()

    @property
    def filtering(self) -> bool:
        """Some filter is set (else every row passes without looking at it)."""
        return (self.levels != set(AlarmLevel) or self.states is not None or self.region is not None
                or bool(self.site or self.tag or self.text) or self.escalated_here is not None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source models sort themselves (see `AlarmTableModel.sort`); this proxy only filters."""
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AlarmTableModel) or not self._filtering:
            return True
        return self.accepts(model._rows[source_row], model)

    def accepts(self, rec: AlarmRecord, model: "AlarmTableModel") -> bool:
        if rec.level not in self.levels:
            return False
        if self.states is not None and rec.state not in self.states:
            return False
        if self.region is not None and rec.division not in self.region:
            return False
        if self.site:
            site = model.catalogue.sites.get(rec.site)
            if self.site not in rec.site and not (site and self.site in site.name):
                return False
        if self.tag and self.tag not in rec.tag:
            return False
        if self.text and self.text not in model.shown_text(rec) and self.text not in rec.text \
                and self.text not in rec.note:
            return False
        if self.escalated_here is not None and not self.escalated_here(rec):
            return False
        return True

    def records(self, rows: list[int] | None = None) -> list[AlarmRecord]:
        """The records behind proxy rows (all visible rows when `rows` is None), in view order.

        Worked out on the Python side: asking the proxy row by row costs far more.
        """
        model = self.sourceModel()
        if rows is None:
            if not self._filtering:
                return model.records()
            return [rec for rec in model.records() if self.accepts(rec, model)]
        return [model._rows[self.mapToSource(self.index(row, 0)).row()] for row in rows]
