"""Drill-down helpers: the breadcrumb (province › city › county) and the list of a
region's sub-divisions and sites."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from console.overview import SiteStatus
from domain.tags import Site, SiteKind
from widgets import map_style as style
from widgets.map_style import set_text


class Breadcrumb(QWidget):
    """One button per level from the node's division down to the focus."""

    activated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.codes: list[str] = []

    def set_path(self, items: Sequence[tuple[str, str]]) -> None:
        """`items`: (code, name) from the top down; the last is the current focus."""
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.codes = [code for code, _ in items]
        for index, (code, name) in enumerate(items):
            if index:
                self._layout.addWidget(QLabel("›"))
            button = QPushButton(name)
            button.setFlat(True)
            button.setObjectName("crumb")
            button.setEnabled(index < len(items) - 1)
            button.clicked.connect(lambda _=False, c=code: self.activated.emit(c))
            self._layout.addWidget(button)
        self._layout.addStretch(1)

    def button_for(self, code: str) -> QPushButton:
        index = self.codes.index(code)
        return self._layout.itemAt(index * 2).widget()


class DrillList(QWidget):
    """A region's sub-divisions (double-click drills in) and its sites (click opens the card)."""

    regionActivated = Signal(str)
    siteActivated = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.regions_title = QLabel()
        self.regions = QListWidget()
        self.sites_title = QLabel()
        self.sites = QListWidget()
        for widget in (self.regions_title, self.regions, self.sites_title, self.sites):
            layout.addWidget(widget)
        self.regions.itemDoubleClicked.connect(lambda item: self.regionActivated.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.regions.itemActivated.connect(lambda item: self.regionActivated.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.sites.itemClicked.connect(lambda item: self.siteActivated.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_region(self, regions: Sequence[tuple[str, str, dict[str, int]]],
                    sites: Sequence[tuple[Site, SiteStatus]]) -> None:
        """Rewrite the lists in place: called every refresh that changed a status, so only
        the rows whose text or colour changed are touched."""
        set_text(self.regions_title, self.tr("Sub-divisions: %n", "", len(regions)))
        self.regions_title.setVisible(bool(regions))  # a county has none: no empty box
        self.regions.setVisible(bool(regions))
        rows = []
        for code, name, counts in regions:
            total = sum(counts.values())
            alarms = sum(counts.get(s, 0) for s in ("red", "orange", "yellow", "blue"))
            grey = counts.get("stale", 0) + counts.get("offline", 0)
            rows.append((self.tr("%1 · %2 sites, %3 in alarm, %4 stale/off-line")
                         .replace("%1", name).replace("%2", str(total))
                         .replace("%3", str(alarms)).replace("%4", str(grey)), None, code))
        _fill(self.regions, rows)
        set_text(self.sites_title, self.tr("Sites: %n", "", len(sites)))
        _fill(self.sites, [(f"{'▲' if site.kind is SiteKind.TAILINGS_POND else '◆'} {site.name}",
                            QColor(style.STATE_COLOURS[status.state]), site.code) for site, status in sites])


def _fill(view: QListWidget, rows: Sequence[tuple[str, QColor | None, str]]) -> None:
    """Make `view` show `rows` (text, colour, code), reusing its items."""
    while view.count() > len(rows):
        view.takeItem(view.count() - 1)
    for index, (text, colour, code) in enumerate(rows):
        item = view.item(index)
        if item is None:
            item = QListWidgetItem()
            view.addItem(item)
        if item.text() != text:
            item.setText(text)
        if colour is not None and item.foreground().color() != colour:
            item.setForeground(colour)
        if item.data(Qt.ItemDataRole.UserRole) != code:
            item.setData(Qt.ItemDataRole.UserRole, code)
