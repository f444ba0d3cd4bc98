"""The monitoring page: sites by jurisdiction on the left, the chosen site's trends on the right.

The tree follows the supervision chain (province → city → county → site) and shows
only what this node's jurisdiction covers. Selecting a site opens a trend group of
all its tags; the operator's own trend sets are listed under the tree and saved per
operator (durably, before the page says so).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import paths
from console.trends.service import SERVICE_KEY
from console.trends.trend_sets import TrendSet, TrendSetError, TrendSetStore
from domain.tags import Catalogue, SiteKind
from widgets.trend_group import TrendGroup
from console.services.backfill import TrendBackfill
from widgets.trend_view import RedrawScheduler

log = logging.getLogger(__name__)

SITE_ROLE = Qt.ItemDataRole.UserRole
SET_ROLE = Qt.ItemDataRole.UserRole + 1


def catalogue_of(context) -> Catalogue | None:
    """The node's catalogue: the acquisition's, else the built-in simulator's."""
    catalogue = context.services.get("catalogue")
    if catalogue is None and context.config.runs_simulator:
        from drivers.simulator.catalogue import build_catalogue

        catalogue = context.services["catalogue"] = build_catalogue(context.config.field.simulator_seed)
    return catalogue


class MonitoringPage(QWidget):
    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.service = context.services.get(SERVICE_KEY)
        self.catalogue = catalogue_of(context)
        self.group: TrendGroup | None = None
        self.scheduler = None
        self.backfill = None
        layout = QVBoxLayout(self)
        if self.service is None or self.catalogue is None:
            missing = self.tr("the trend service is not running") if self.service is None \
                else self.tr("no sites are configured")
            layout.addWidget(QLabel(self.tr("Monitoring is not available: %1").replace("%1", missing)))
            return
        self.scheduler = RedrawScheduler(int(1000 / self.service.redraw_hz), self)
        self.backfill = TrendBackfill(self.service.history_factory, self)
        self.sets = TrendSetStore(paths.data_dir() / "trend_sets", context.operator)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Sites")])
        self.tree.itemSelectionChanged.connect(self._on_selection)
        self.sets_root = QTreeWidgetItem([self.tr("My trend sets")])
        self.save_button = QPushButton(self.tr("Save as trend set…"))
        self.save_button.setToolTip(self.tr("Save the ticked pens of the open trends as a trend set"))
        self.save_button.clicked.connect(self._ask_save_set)
        self.save_button.setEnabled(False)
        self.add_button = QPushButton(self.tr("Add to trend set…"))
        self.add_button.setToolTip(self.tr("Add the ticked pens of the open trends to one of your trend sets"))
        self.add_button.clicked.connect(self._ask_add_to_set)
        self.add_button.setEnabled(False)
        self.delete_button = QPushButton(self.tr("Delete trend set"))
        self.delete_button.clicked.connect(self._ask_delete_set)
        self.delete_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(buttons)

        self.placeholder = QLabel(self.tr("Select a site or a trend set to see its trends."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QWidget()
        self.right_layout = QVBoxLayout(self.right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.addWidget(self.placeholder)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 1600])
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._build_tree()

    # ---- tree -----------------------------------------------------------------------
    def _build_tree(self) -> None:
        divisions = self.context.divisions
        node = self.context.node_code
        seen = divisions.jurisdiction(node)
        items: dict[str, QTreeWidgetItem] = {}

        def division_item(code: str) -> QTreeWidgetItem:
            if code not in items:
                item = QTreeWidgetItem([divisions[code].name])
                item.setData(0, SITE_ROLE, None)
                if code == node:
                    self.tree.addTopLevelItem(item)
                else:
                    division_item(divisions[code].supervision_parent).addChild(item)
                items[code] = item
            return items[code]

        sites = sorted((s for s in self.catalogue.sites.values() if s.division in seen),
                       key=lambda s: (divisions.chain_up(s.division)[::-1], s.code))
        self.site_items: dict[str, QTreeWidgetItem] = {}
        for site in sites:
            kind = self.tr("tailings pond") if site.kind is SiteKind.TAILINGS_POND else self.tr("hazchem")
            item = QTreeWidgetItem([site.name])
            item.setToolTip(0, f"{site.code} · {kind}" + (f" · {site.enterprise}" if site.enterprise else ""))
            item.setData(0, SITE_ROLE, site.code)
            division_item(site.division).addChild(item)
            self.site_items[site.code] = item
        for code, item in items.items():
            count = sum(1 for s in sites if code in divisions.chain_up(s.division))
            item.setText(0, f"{divisions[code].name} ({count})")
        self.tree.addTopLevelItem(self.sets_root)
        if node in items:
            items[node].setExpanded(True)
        self._load_sets()

    def _load_sets(self) -> None:
        self.sets_root.takeChildren()
        try:
            sets = self.sets.load()
        except TrendSetError as exc:
            self.sets_root.addChild(QTreeWidgetItem([str(exc)]))
            return
        for trend_set in sets:
            item = QTreeWidgetItem([trend_set.name])
            item.setData(0, SET_ROLE, trend_set.name)
            self.sets_root.addChild(item)
        self.sets_root.setExpanded(True)

    def _on_selection(self) -> None:
        selected = self.tree.selectedItems()
        if not selected:
            return
        item = selected[0]
        site = item.data(0, SITE_ROLE)
        set_name = item.data(0, SET_ROLE)
        self.delete_button.setEnabled(set_name is not None)
        if site:
            self.open_site(site)
        elif set_name:
            self.open_trend_set(set_name)

    # ---- opening trends -------------------------------------------------------------
    def open_site(self, site_code: str) -> TrendGroup | None:
        """Open the site's trend group; None when monitoring is not available (the page says why)."""
        if self.scheduler is None:
            return None
        site = self.catalogue.sites[site_code]
        return self._open(self.catalogue.tags_of(site_code), site.name)

    def show_tag_at(self, tag: str, at: float, half_span_s: float = 1_800.0) -> TrendGroup | None:
        """Open the tag's site, paused on `at` ± `half_span_s` (the alarm console's "trend at
        the alarm time"); history before the ring is backfilled as for any paused view."""
        spec = self.catalogue.tags.get(tag) if self.catalogue is not None else None
        group = self.open_site(spec.site) if spec is not None else None
        if group is None:
            return None
        item = self.site_items.get(spec.site)
        if item is not None:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)
        group.set_live(False)
        for view in group.views:
            view.set_x_range(at - half_span_s, at + half_span_s)
        return group

    def open_trend_set(self, name: str) -> TrendGroup:
        trend_set = next(s for s in self.sets.load() if s.name == name)
        known = [self.catalogue.tags[tag] for tag in trend_set.tags if tag in self.catalogue.tags]
        missing = len(trend_set.tags) - len(known)
        note = self.tr("%n tags no longer exist", "", missing)
        title = f"{name} ({note})" if missing else name
        return self._open(known, title)

    def _open(self, tags, title: str) -> TrendGroup:
        span = 3_600.0
        if self.group is not None:
            span = self.group.views[0].span if self.group.views else span
            self.group.close_group()
            self.right_layout.removeWidget(self.group)
            self.group.deleteLater()
        self.placeholder.hide()
        self.group = TrendGroup(self.service.store, tags, self.scheduler, self.backfill, title=title, span_s=span)
        self.right_layout.addWidget(self.group)
        self.save_button.setEnabled(True)
        self.add_button.setEnabled(True)
        return self.group

    # ---- consultation view (widgets/view_following.py) --------------------------------
    def capture_view(self) -> dict:
        if self.group is None:
            return {}
        span = self.group.views[0].span if self.group.views else 3_600.0
        return {"t": [spec.id for spec in self.group.tags], "n": self.group.title.text(), "sp": span}

    def apply_view(self, view: dict) -> None:
        """Open the leader's tags (those this node knows) with the leader's span."""
        if self.scheduler is None or not view.get("t"):
            return
        tags = [self.catalogue.tags[tag] for tag in view["t"] if tag in self.catalogue.tags]
        if self.group is None or [spec.id for spec in self.group.tags] != [spec.id for spec in tags]:
            self._open(tags, view.get("n", ""))
        if self.group.views and self.group.views[0].span != view.get("sp"):
            self.group.set_span(view["sp"])

    # ---- trend sets -----------------------------------------------------------------
    def save_trend_set(self, name: str, tags: list[str]) -> None:
        """Durably save (or replace) a trend set, then show it in the tree."""
        self.sets.save(TrendSet(name, tuple(tags)))
        self._load_sets()

    def add_to_trend_set(self, name: str, tags: list[str]) -> None:
        """Add tags (e.g. of another site) to an existing set, durably."""
        current = next((s for s in self.sets.load() if s.name == name), None)
        if current is None:
            raise TrendSetError(f"no trend set named {name!r}")
        self.save_trend_set(name, list(current.tags) + list(tags))

    def _ask_add_to_set(self) -> None:
        if self.group is None:
            return
        names = [s.name for s in self.sets.load()]
        if not names:
            self._ask_save_set()
            return
        name, ok = QInputDialog.getItem(self, self.tr("Add to trend set"), self.tr("Trend set:"), names, 0, False)
        if not ok:
            return
        try:
            self.add_to_trend_set(name, self.group.checked_tags())
        except (TrendSetError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Trend set not saved"), str(exc))

    def _ask_save_set(self) -> None:
        if self.group is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save trend set"), self.tr("Name of the trend set:"))
        if not ok:
            return
        try:
            self.save_trend_set(name, self.group.checked_tags())
        except (TrendSetError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Trend set not saved"), str(exc))

    def _ask_delete_set(self) -> None:
        selected = self.tree.selectedItems()
        name = selected[0].data(0, SET_ROLE) if selected else None
        if name is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete trend set"),
                                      self.tr("Delete trend set \"%1\"?").replace("%1", name))
        if answer == QMessageBox.StandardButton.Yes:
            self.sets.delete(name)
            self._load_sets()

    def closeEvent(self, event) -> None:
        if self.group is not None:
            self.group.close_group()
        if self.backfill is not None:
            self.backfill.close()
        super().closeEvent(event)
