"""Tables for the records pages: columns declared once, an honest empty state, red for late rows.

`RowsModel` holds a short list of dicts (a duty log, a hazard list); `PagedModel` shows a
long query result block by block (the 50,000-enterprise registry) and keeps only a few
blocks in memory. `RecordsTable` puts either model in a view and replaces the view with a
plain sentence when there is nothing to show.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStackedLayout, QTableView, QWidget

from domain.translatable import QT_TRANSLATE_NOOP

LATE_COLOUR = QColor("#d32f2f")
TR_CONTEXT = "records"


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English source text in the "records" translation context
    show: Callable[[object], str] = lambda value: "" if value is None else str(value)


class _ColumnsModel(QAbstractTableModel):
    """Columns and their translated headers, shared by both models."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(TR_CONTEXT, self.columns[section].title)
        return None


class RowsModel(_ColumnsModel):
    """A short list of dict rows; `is_late(row)` paints a row red."""

    def __init__(self, columns: Sequence[Column], is_late: Callable[[dict], bool] | None = None, parent=None):
        super().__init__(columns, parent)
        self.is_late = is_late or (lambda row: False)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # the tip shows a cut-off cell whole
            column = self.columns[index.column()]
            return column.show(row.get(column.key))
        if role == Qt.ItemDataRole.ForegroundRole and self.is_late(row):
            return LATE_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class PagedModel(_ColumnsModel):
    """`count()` rows fetched `BLOCK` at a time by `fetch(limit, offset)`; a few blocks cached.

    The view asks only for visible rows, so scrolling 50,000 rows runs a handful of
    indexed LIMIT/OFFSET queries and never holds the whole table in Python.
    """

    BLOCK = 200
    KEEP_BLOCKS = 16

    def __init__(self, columns: Sequence[Column], keys: Sequence[str], parent=None):
        super().__init__(columns, parent)
        self.keys = tuple(keys)  # the fields of each fetched tuple, in order
        self._positions = [self.keys.index(column.key) for column in self.columns]
        self._count = 0
        self._fetch: Callable[[int, int], list[tuple]] = lambda limit, offset: []
        self._blocks: OrderedDict[int, list[tuple]] = OrderedDict()
        self.queries = 0

    def set_query(self, count: int, fetch: Callable[[int, int], list[tuple]]) -> None:
        self.beginResetModel()
        self._count, self._fetch = count, fetch
        self._blocks.clear()
        self.endResetModel()

    def row_tuple(self, row: int) -> tuple:
        block = self._blocks.get(row // self.BLOCK)
        if block is None:
            block = self._fetch(self.BLOCK, row // self.BLOCK * self.BLOCK)
            self.queries += 1
            self._blocks[row // self.BLOCK] = block
            if len(self._blocks) > self.KEEP_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(row // self.BLOCK)
        return block[row % self.BLOCK]

    def row_dict(self, row: int) -> dict:
        return dict(zip(self.keys, self.row_tuple(row)))

    def cached_rows(self) -> int:
        return sum(len(block) for block in self._blocks.values())

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else self._count

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or index.row() >= self._count:
            return None
        value = self.row_tuple(index.row())[self._positions[index.column()]]
        return self.columns[index.column()].show(value)


class RecordsTable(QWidget):
    """A table view, or — when the model is empty — the plain sentence that says so."""

    def __init__(self, model: QAbstractTableModel, parent=None, empty_text: str | None = None):
        super().__init__(parent)
        self.model = model
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="emptyState")
        self._layout = QStackedLayout(self)
        self._layout.addWidget(self.view)
        self._layout.addWidget(self.empty_label)
        self.empty_text = empty_text or QT_TRANSLATE_NOOP("records", "No records in this jurisdiction")
        model.modelReset.connect(self._show_state)
        self._show_state()

    def set_column_widths(self, *widths: int) -> None:
        for section, width in enumerate(widths):
            self.view.setColumnWidth(section, width)

    def stretch_column(self, section: int) -> None:
        """Give `section` whatever width the others leave (instead of the last column)."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)

    def is_empty(self) -> bool:
        return self._layout.currentWidget() is self.empty_label

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _show_state(self) -> None:
        self.empty_label.setText(QCoreApplication.translate(TR_CONTEXT, self.empty_text))
        self._layout.setCurrentWidget(self.empty_label if self.model.rowCount() == 0 else self.view)
