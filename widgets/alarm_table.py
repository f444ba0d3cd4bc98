"""The alarm table: a Qt model over the engine's records, a filter proxy and a site-group model.

Engine changes only mark records dirty; a single-shot timer applies them in one go at
most every FLUSH_MS (at once after a quiet spell), inserted rows in sorted blocks and
changed rows as one dataChanged range, so a burst of thousands of alarms costs a few
model updates, not one per alarm. A row's texts are formatted once and kept until the
record changes or the language does; brushes are shared. Unacknowledged rows blink their
level cell by repainting that column, not through dataChanged.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from console.alarms.engine import AlarmEngine
from console.alarms.messages import condition_label, render
from console.alarms.model import AlarmRecord, AlarmState
from domain.values import LEVEL_COLOURS, AlarmLevel
from domain.tags import Catalogue

SORT_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
FLUSH_MS = 100
BLINK_MS = 500
NO_COLOUR = "#202020"
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
LEVEL_NAMES = {
    AlarmLevel.RED: QT_TRANSLATE_NOOP("alarms", "Red"),
    AlarmLevel.ORANGE: QT_TRANSLATE_NOOP("alarms", "Orange"),
    AlarmLevel.YELLOW: QT_TRANSLATE_NOOP("alarms", "Yellow"),
    AlarmLevel.BLUE: QT_TRANSLATE_NOOP("alarms", "Blue"),
}
STATE_NAMES = {
    AlarmState.NORMAL: QT_TRANSLATE_NOOP("alarms", "Normal"),
    AlarmState.UNACKED: QT_TRANSLATE_NOOP("alarms", "Unacknowledged"),
    AlarmState.ACKED: QT_TRANSLATE_NOOP("alarms", "Acknowledged"),
    AlarmState.RTN_UNACKED: QT_TRANSLATE_NOOP("alarms", "Returned, unacknowledged"),
    AlarmState.SHELVED: QT_TRANSLATE_NOOP("alarms", "Shelved"),
    AlarmState.SUPPRESSED: QT_TRANSLATE_NOOP("alarms", "Suppressed (maintenance)"),
    AlarmState.OUT_OF_SERVICE: QT_TRANSLATE_NOOP("alarms", "Out of service"),
}
EVENT_NAMES = {  # history view
    "raise": QT_TRANSLATE_NOOP("alarms", "raised"), "clear": QT_TRANSLATE_NOOP("alarms", "cleared"),
    "ack": QT_TRANSLATE_NOOP("alarms", "acknowledged"), "shelve": QT_TRANSLATE_NOOP("alarms", "shelved"),
    "unshelve": QT_TRANSLATE_NOOP("alarms", "unshelved"), "comment": QT_TRANSLATE_NOOP("alarms", "comment"),
    "escalate": QT_TRANSLATE_NOOP("alarms", "escalated"), "dispose": QT_TRANSLATE_NOOP("alarms", "disposed"),
    "reset": QT_TRANSLATE_NOOP("alarms", "reset"), "suppress": QT_TRANSLATE_NOOP("alarms", "maintenance on"),
    "unsuppress": QT_TRANSLATE_NOOP("alarms", "maintenance off"),
    "out_of_service": QT_TRANSLATE_NOOP("alarms", "out of service"),
    "in_service": QT_TRANSLATE_NOOP("alarms", "back in service"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("alarms", text)


def level_name(level: AlarmLevel) -> str:
    return tr(LEVEL_NAMES[AlarmLevel(level)])


def state_name(state: AlarmState) -> str:
    return tr(STATE_NAMES[state])


def alarm_text(rec: AlarmRecord) -> str:
    """The alarm's text in the current language (journal rows without a message keep their text)."""
    return render(rec.message, tr) if rec.message else rec.text


def event_text(payload: dict) -> str:
    """The alarm text a journal event carries, in the current language."""
    return render(payload["message"], tr) if payload.get("message") else payload.get("text", "")


@cache
def brush(colour: str) -> QBrush:
    """One shared brush per colour: `data()` is asked for every painted cell."""
    return QBrush(QColor(colour))


def format_time(at: float | None) -> str:
    return time.strftime("%m-%d %H:%M:%S", time.localtime(at)) if at else ""


def text_on(colour: str) -> QColor:
    return QColor("#000000") if colour in (LEVEL_COLOURS[AlarmLevel.YELLOW], LEVEL_COLOURS[AlarmLevel.ORANGE]) \
        else QColor("#ffffff")


UNACKED_TEXT = {level: QColor(colour).lighter(130).name() for level, colour in LEVEL_COLOURS.items()}


def shown(rec: AlarmRecord) -> bool:
    return bool(rec.occurrence_id) and rec.state is not AlarmState.NORMAL


class _RowsModel(QAbstractTableModel):
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


class AlarmTableModel(_RowsModel):
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
                colour = "#606060"
            if role == Qt.ItemDataRole.BackgroundRole:
                return brush(colour)
            return brush(text_on(colour).name())
        if role == Qt.ItemDataRole.ForegroundRole and column != 0:
            state = rec.state
            if state is AlarmState.UNACKED:
                return brush(UNACKED_TEXT[rec.level])
            if state not in (AlarmState.ACKED, AlarmState.RTN_UNACKED):
                return brush("#8a8a8a")
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
        return (level_name(rec.level), state, acked_by, format_time(rec.raised_at), site.name if site else rec.site,
                alarm_text(rec), condition_label(rec.condition, tr), rec.tag,
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


class SiteGroupModel(_RowsModel):
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
