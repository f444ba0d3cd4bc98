"""Registry completeness per division: a table (enterprises, approved/pending/returned, share of
each key field filled) and a grouped bar chart of the shares (pyqtgraph `BarGraphItem`)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from domain.translatable import QT_TRANSLATE_NOOP
from console.records.labels import ENTERPRISE_FIELD
from console.records.queries import FILLED
from console.records.registry_stats import Completeness
from widgets.records_page import tr_records
from widgets.records_table import Column, RecordsTable, RowsModel
from widgets.share_bars import ShareBars

SERIES = (*FILLED, "approved")  # bars per division: each key field's share, then the approved share
SERIES_COLOURS = ("#1976d2", "#26a69a", "#ffa000", "#8e24aa", "#43a047")


def _percent(value: float) -> str:
    return f"{value * 100:.1f} %"


def _row(entry: Completeness, name: str) -> dict:
    row = {"division": name, "total": f"{entry.total:,}",
           **{state: f"{count:,}" for state, count in entry.states.items()}}
    row.update({key: _percent(entry.share(key)) for key in FILLED})
    return row


COLUMNS = (
    Column("division", QT_TRANSLATE_NOOP("records", "Division")),
    Column("total", QT_TRANSLATE_NOOP("records", "Enterprises")),
    Column("approved", QT_TRANSLATE_NOOP("records", "Passed review")),
    Column("pending", QT_TRANSLATE_NOOP("records", "Pending review")),
    Column("returned", QT_TRANSLATE_NOOP("records", "Returned")),
    *(Column(key, ENTERPRISE_FIELD[key]) for key in FILLED),
)


class CompletenessView(QWidget):
    def __init__(self, division_name, parent=None):
        super().__init__(parent)
        self.division_name = division_name
        self.table = RecordsTable(RowsModel(COLUMNS))
        self.table.stretch_column(0)
        self.plot = ShareBars(len(SERIES))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.plot)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.entries: list[Completeness] = []
        self.whole: Completeness | None = None

    def show_stats(self, entries: list[Completeness], whole: Completeness) -> None:
        self.entries, self.whole = entries, whole
        rows = [_row(entry, self.division_name(entry.division)) for entry in entries]
        rows.append(_row(whole, tr_records(QT_TRANSLATE_NOOP("records", "Whole jurisdiction"))))
        self.table.model.set_rows(rows)
        self._draw()

    def retranslate(self) -> None:
        if self.whole is not None:
            self.show_stats(self.entries, self.whole)
        self.plot.setLabel("left", tr_records(QT_TRANSLATE_NOOP("records", "Share filled / approved (%)")))

    def _draw(self) -> None:
        self.plot.draw([self.division_name(entry.division) for entry in self.entries], [
            (tr_records(ENTERPRISE_FIELD.get(key) or QT_TRANSLATE_NOOP("records", "Passed review")), colour,
             [100 * entry.share(key) for entry in self.entries])
            for key, colour in zip(SERIES, SERIES_COLOURS)])
