"""The alarm table's model: one row per alarm over the engine's records.

Engine changes only mark records dirty; a single-shot timer applies them in one go at
most every FLUSH_MS (at once after a quiet spell), inserted rows in sorted blocks and
changed rows as one dataChanged range, so a burst of thousands of alarms costs a few
model updates, not one per alarm. A row's texts are formatted once and kept until the
record changes or the language does; brushes are shared. Unacknowledged rows blink their
level cell by repainting that column, not through dataChanged.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont

from console.alarms.engine import AlarmEngine
from console.alarms.messages import condition_label
from console.alarms.model import AlarmRecord, AlarmState
from domain.tags import Catalogue
from domain.values import LEVEL_COLOURS
from widgets.alarm_colours import DRILL_ROW, INACTIVE_TEXT, MUTED, NO_COLOUR, UNACKED_TEXT, brush, text_on
from widgets.alarm_text import alarm_text, format_time, level_name, state_name, tr

SORT_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
FLUSH_MS = 100
BLINK_MS = 500
DRILL_TEXT = QT_TRANSLATE_NOOP("alarms", "[Drill] %1")
MAX_INSERT_BLOCKS = 50
VOLATILE_COLUMNS = {1, 2, 9, 10}  # state, acknowledged by, escalation, note: change without a new row

# English source text, translated in the "alarms" context (QT_TRANSLATE_NOOP marks it for lupdate).
# What an operator reads first comes first: at 1366 px the text must be visible without scrolling.
COLUMNS = (
    QT_TRANSLATE_NOOP("alarms", "Level"), QT_TRANSLATE_NOOP("alarms", "State"),
    QT_TRANSLATE_NOOP("alarms", "Acknowledged by"), QT_TRANSLATE_NOOP("alarms", "Raised"), QT_TRANSLATE_NOOP("alarms", "Site"),
    QT_TRANSLATE_NOOP("alarms", "Text"), QT_TRANSLATE_NOOP("alarms", "Condition"),
    QT_TRANSLATE_NOOP("alarms", "Tag"), QT_TRANSLATE_NOOP("alarms", "Region"),
    QT_TRANSLATE_NOOP("alarms", "Escalated to"), QT_TRANSLATE_NOOP("alarms", "Note"),
)
RAISED_COLUMN = 3
TEXT_COLUMN = 5
ESCALATION_COLUMN = 9


def shown(rec: AlarmRecord) -> bool:
    return bool(rec.occurrence_id) and rec.state is not AlarmState.NORMAL


class TranslatedRowsModel(QAbstractTableModel):
    """A flat table over `self._rows` with translated column headers `HEADERS`."""

    HEADERS: tuple[str, ...] = ()
    _rows: list

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None


class AlarmTableModel(TranslatedRowsModel):
    HEADERS = COLUMNS

    # Blinking repaints the views (connect to `viewport().update`) instead of emitting
    # dataChanged, which would make a sorting proxy re-sort thousands of rows twice a second.
    blinked = Signal()

    def __init__(self, engine: AlarmEngine, catalogue: Catalogue, parent=None,
                 operator_names: dict[str, str] | None = None):
        """`operator_names`: username → display name, for the "acknowledged by" column."""
        super().__init__(parent)
        self.engine = engine
        self.operator_names = operator_names or {}
        self.catalogue = catalogue
        self.divisions = engine.divisions
        self._rows: list[AlarmRecord] = []
        self._row_of: dict[int, int] = {}
        self._dirty: dict[int, AlarmRecord] = {}
        self._cells: dict[int, tuple[str, ...]] = {}  # id(record) → its formatted texts
        self.blink_on = True
        self.sort_column = RAISED_COLUMN
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._flush_timer = QTimer(self, singleShot=True, timeout=self.flush)
        self._last_flush = 0.0
        engine.subscribe(self._mark_dirty)
        self._mark_dirty(engine.active_alarms())
        self._blink_timer = QTimer(self, interval=BLINK_MS, timeout=self._blink)
        self._blink_timer.start()
        self.flush()

    # ---- updates ---------------------------------------------------------------------
    def _mark_dirty(self, records: list[AlarmRecord]) -> None:
        for rec in records:
            self._dirty[id(rec)] = rec
        if self._dirty and not self._flush_timer.isActive():
            since_ms = (time.monotonic() - self._last_flush) * 1000
            self._flush_timer.start(max(0, int(FLUSH_MS - since_ms)))

    def flush(self) -> None:
        """Apply pending engine changes to the rows (called by the timer)."""
        self._last_flush = time.monotonic()
        if not self._dirty:
            return
        dirty, self._dirty = list(self._dirty.values()), {}
        for rec in dirty:
            self._cells.pop(id(rec), None)
        added = [rec for rec in dirty if id(rec) not in self._row_of and shown(rec)]
        gone = [self._row_of[id(rec)] for rec in dirty if id(rec) in self._row_of and not shown(rec)]
        changed = [self._row_of[id(rec)] for rec in dirty if id(rec) in self._row_of and shown(rec)]
        if len(gone) > 200:
            self.beginResetModel()
            self._rows = [rec for rec in self._rows if shown(rec)] + added
            self._reindex()
            self._cells = {key: cells for key, cells in self._cells.items() if key in self._row_of}
            self.endResetModel()
            self._resort()
            return
        for row in sorted(gone, reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            self._cells.pop(id(self._rows[row]), None)
            del self._rows[row]
            self.endRemoveRows()
        if gone:
            self._reindex()
            changed = [self._row_of[id(rec)] for rec in dirty if id(rec) in self._row_of]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(COLUMNS) - 1))
        if added:
            self._insert_sorted(added)
        if changed and self.sort_column in VOLATILE_COLUMNS:
            self._resort()

    def _insert_sorted(self, added: list[AlarmRecord]) -> None:
        """Insert new rows where the current sort puts them, as a few contiguous blocks.

        A burst sorted by time lands at one end in one block; when the new rows would be
        scattered over many places, appending and re-sorting once is cheaper.
        """
        column = self.sort_column
        fresh = {id(rec) for rec in added}
        merged = sorted(self._rows + added, key=lambda rec: self._sort_key(rec, column),
                        reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        blocks: list[tuple[int, list[AlarmRecord]]] = []
        for position, rec in enumerate(merged):
            if id(rec) in fresh:
                if blocks and blocks[-1][0] + len(blocks[-1][1]) == position:
                    blocks[-1][1].append(rec)
                else:
                    blocks.append((position, [rec]))
        if column < 0 or len(blocks) > MAX_INSERT_BLOCKS:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self._reindex()
            self.endInsertRows()
            self._resort()
            return
        for position, block in blocks:  # ascending: each position is final once earlier blocks are in
            self.beginInsertRows(QModelIndex(), position, position + len(block) - 1)
            self._rows[position:position] = block
            self.endInsertRows()
        self._reindex()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one Python sort, rather than by a sorting proxy: a proxy compares
        rows pairwise through `data()`, which is far too slow for a burst of 10,000 alarms."""
        self.sort_column, self.sort_order = column, order
        self._resort()

    def _resort(self) -> None:
        if self.sort_column < 0 or len(self._rows) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[index.row()], index.column()) for index in persistent]
        column = self.sort_column
        self._rows.sort(key=lambda rec: self._sort_key(rec, column),
                        reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        self.changePersistentIndexList(persistent, [self.index(self._row_of[id(rec)], col) for rec, col in held])
        self.layoutChanged.emit()

    def _reindex(self) -> None:
        self._row_of = {id(rec): row for row, rec in enumerate(self._rows)}

    def retranslate(self) -> None:
        """The language changed: format every row anew."""
        self._cells.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def _blink(self) -> None:
        self.blink_on = not self.blink_on
        if self._rows:
            self.blinked.emit()

    # ---- reading ---------------------------------------------------------------------
    def records(self) -> list[AlarmRecord]:
        return list(self._rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, column)
        if role == SORT_ROLE:
            return self._sort_key(rec, column)
        if role == RECORD_ROLE:
            return rec
        if column == 0 and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = LEVEL_COLOURS[rec.level]
            state = rec.state
            if state is AlarmState.UNACKED or state is AlarmState.RTN_UNACKED:
                colour = colour if self.blink_on else NO_COLOUR
            elif not rec.annunciated:
                colour = MUTED
            if role == Qt.ItemDataRole.BackgroundRole:
                return brush(colour)
            return brush(text_on(colour).name())
        if role == Qt.ItemDataRole.BackgroundRole and column != 0 and rec.drill_id:
            return brush(DRILL_ROW)
        if role == Qt.ItemDataRole.ForegroundRole and column != 0:
            state = rec.state
            if state is AlarmState.UNACKED:
                return brush(UNACKED_TEXT[rec.level])
            if state not in (AlarmState.ACKED, AlarmState.RTN_UNACKED):
                return brush(INACTIVE_TEXT)
        if role == Qt.ItemDataRole.FontRole and self.engine.escalated_here(rec):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, rec: AlarmRecord, column: int) -> str:
        cells = self._cells.get(id(rec))
        if cells is None:
            cells = self._cells[id(rec)] = self._format(rec)
        return cells[column]

    def _format(self, rec: AlarmRecord) -> tuple[str, ...]:
        """Every column's text of one record, formatted once until it changes."""
        state = state_name(rec.state)
        if rec.state is AlarmState.SHELVED and rec.shelved_until:
            state += " → " + format_time(rec.shelved_until)
        division = self.divisions.by_code.get(rec.division)
        site = self.catalogue.sites.get(rec.site)
        escalated = self.divisions.by_code.get(rec.escalated_to)
        comments = f" (+{len(rec.comments)})" if rec.comments else ""
        acked_by = self.operator_names.get(rec.acked_by, rec.acked_by) if rec.acknowledged and rec.acked_by else ""
        text = alarm_text(rec)
        if rec.drill_id:  # never to be taken for a real alarm
            text = tr(DRILL_TEXT).replace("%1", text)
        return (level_name(rec.level), state, acked_by, format_time(rec.raised_at), site.name if site else rec.site,
                text, condition_label(rec.condition, tr), rec.tag,
                division.name if division else rec.division, escalated.name if escalated else "",
                rec.note + comments)

    def shown_text(self, rec: AlarmRecord) -> str:
        """The alarm text as the table shows it (what the text filter matches)."""
        return self._display(rec, TEXT_COLUMN)

    def _sort_key(self, rec: AlarmRecord, column: int):
        if column == 0:
            return int(rec.level)
        if column == RAISED_COLUMN:
            return rec.raised_at or 0.0
        if column == ESCALATION_COLUMN:
            return rec.escalation_steps
        return self._display(rec, column)
