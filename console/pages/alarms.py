"""The alarm console page: the active alarms (table, filter bar, actions, linked handling)
beside the history (`alarm_history.py`) and KPI (`alarm_kpi.py`) tabs.

Every operator action goes through the engine, which journals it durably before it is
applied; the status line says "stored" only from the journal's completion callback.
History and KPI queries run on the thread pool, never on the GUI thread.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QMenu, QPushButton, QScrollArea, QSplitter, QTableView, QTabWidget,
    QVBoxLayout, QHBoxLayout, QWidget,
)

from console.alarms.engine import ActionRefused
from console.alarms.model import AlarmRecord
from console.context import AppContext
from console.operators.accounts import Accounts
from console.operators.permissions import Action, PermissionDenied
from console.pages.alarm_filter_bar import AlarmFilterBar
from console.pages.alarm_history import AlarmHistoryTab
from console.pages.alarm_kpi import AlarmKpiTab
from widgets.alarm_dialogs import DispositionDialog, NoteDialog, ShelveDialog
from widgets.alarm_filter import AlarmFilterProxy
from widgets.alarm_linked import LinkedHandlingPanel
from widgets.alarm_site_groups import SiteGroupModel
from widgets.alarm_table_model import RAISED_COLUMN, AlarmTableModel
from widgets.alarm_text import alarm_text, level_name

# The role permission each button and menu entry needs (`console.operators.permissions`).
CONTROL_ACTIONS = {"ack": Action.ACKNOWLEDGE, "ack_all": Action.ACKNOWLEDGE, "shelve": Action.SHELVE,
                   "unshelve": Action.SHELVE, "comment": Action.COMMENT, "dispose": Action.ACKNOWLEDGE,
                   "reset": Action.ACKNOWLEDGE, "out_of_service": Action.OUT_OF_SERVICE,
                   "in_service": Action.OUT_OF_SERVICE, "suppress": Action.OUT_OF_SERVICE,
                   "unsuppress": Action.OUT_OF_SERVICE}


class AlarmsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.service = context.services.get("alarms")
        layout = QVBoxLayout(self)
        if self.service is None:
            layout.addWidget(QLabel(self.tr("Alarm service not running: alarms are not being evaluated on this node.")))
            return
        self.engine = self.service.engine
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_active(), self.tr("Active alarms"))
        self.history = AlarmHistoryTab(self.service)
        self.kpi = AlarmKpiTab(self.context, self.service.journal)
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.kpi, self.tr("Performance (KPI)"))
        layout.addWidget(self.tabs)

    def is_ready(self) -> bool:
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Alarm texts are rendered in the current language: a switch re-renders the table."""
        if event.type() == QEvent.Type.LanguageChange and self.service is not None:
            self.model.retranslate()
        super().changeEvent(event)

    # ---- active alarms ---------------------------------------------------------------
    def _build_active(self) -> QWidget:
        page = QWidget()
        self.model = AlarmTableModel(self.engine, self.service.catalogue, self,
                                     Accounts(self.service.journal.store).display_names())
        self.groups = SiteGroupModel(self.model, self)
        self.proxy = AlarmFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(sortingEnabled=True, alternatingRowColors=True)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        # fixed row heights: the header never measures rows, which matters with 10,000 of them
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._set_column_widths()
        self.table.sortByColumn(RAISED_COLUMN, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._open_group)
        self.model.blinked.connect(self._repaint_level_column)
        self.linked = LinkedHandlingPanel(self.context, self.service.catalogue)
        self.linked.show_camera.connect(self._show_camera)
        self.linked.show_trend.connect(self._show_trend)
        self.linked.show_enterprise.connect(self._show_enterprise)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.filters = AlarmFilterBar(self.context)
        self.filters.changed.connect(lambda: self.filters.apply_to(self.proxy, self.engine))

        actions = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (
            ("ack", QT_TRANSLATE_NOOP("AlarmsPage", "Acknowledge selected"), self._ack_selected),
            ("ack_all", QT_TRANSLATE_NOOP("AlarmsPage", "Acknowledge all visible"), self._ack_visible),
            ("shelve", QT_TRANSLATE_NOOP("AlarmsPage", "Shelve…"), self._shelve),
            ("unshelve", QT_TRANSLATE_NOOP("AlarmsPage", "Unshelve"), self._unshelve),
            ("comment", QT_TRANSLATE_NOOP("AlarmsPage", "Comment…"), self._comment),
            ("dispose", QT_TRANSLATE_NOOP("AlarmsPage", "Disposition…"), self._dispose),
        ):
            button = QPushButton(self.tr(text))
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        self.more_menu = QMenu(self)
        self.menu_actions = {}
        for key, text, slot in (
            ("reset", QT_TRANSLATE_NOOP("AlarmsPage", "Reset latched alarm"), self._reset),
            ("out_of_service", QT_TRANSLATE_NOOP("AlarmsPage", "Remove from service…"), lambda: self._service(False)),
            ("in_service", QT_TRANSLATE_NOOP("AlarmsPage", "Return to service"), lambda: self._service(True)),
            ("suppress", QT_TRANSLATE_NOOP("AlarmsPage", "Site maintenance on (suppress its alarms)…"),
             lambda: self._maintenance(True)),
            ("unsuppress", QT_TRANSLATE_NOOP("AlarmsPage", "Site maintenance off"), lambda: self._maintenance(False)),
        ):
            self.menu_actions[key] = self.more_menu.addAction(self.tr(text), slot)
        self.destroyed.connect(self.context.on_actor_changed(self._show_permissions))
        self._show_permissions(self.context.actor)
        more = QPushButton(self.tr("More"))
        more.setMenu(self.more_menu)
        actions.addWidget(more)
        self.status = QLabel(objectName="alarmActionStatus")
        actions.addWidget(self.status, 1)

        # linked handling below the table, across the page's width: its four columns fit
        # 1366 × 768 without scrolling, and the table keeps every column it has
        linked_scroll = QScrollArea(widgetResizable=True)
        linked_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        linked_scroll.setWidget(self.linked)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(linked_scroll)
        splitter.setSizes([400, 600])
        layout = QVBoxLayout(page)
        layout.addWidget(self.filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._grouped = False
        self._expanded_site = ""
        self._flood_timer = QTimer(self, interval=500, timeout=self._follow_flood)
        self._flood_timer.start()
        return page

    def _set_column_widths(self) -> None:
        widths = (70, 260, 100, 80, 80, 140) if self._grouped_view() else \
            (60, 96, 80, 116, 160, 300, 70, 180, 80, 80)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def _grouped_view(self) -> bool:
        return getattr(self, "_grouped", False)

    def _repaint_level_column(self) -> None:
        """Blinking touches only the level cells: repaint just that column."""
        viewport = self.table.viewport()
        viewport.update(QRect(self.table.columnViewportPosition(0), 0, self.table.columnWidth(0), viewport.height()))

    def _follow_flood(self) -> None:
        """In a flood (and unless the operator opened one site), show one row per site."""
        grouped = self.filters.group_box.isChecked() and self.engine.flood.in_flood and not self._expanded_site
        if grouped:
            self.groups.refresh()
        if grouped != self._grouped:
            self._grouped = grouped
            self.proxy.setSourceModel(self.groups if grouped else self.model)
            header = self.table.horizontalHeader()
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self._set_column_widths()
            self.table.selectionModel().selectionChanged.connect(self._selection_changed)
            self.status.setText(self.tr("Alarm flood: grouped by site — double-click a site for its alarms")
                                if grouped else "")

    def _open_group(self, index) -> None:
        if not self._grouped:
            return
        self.show_site(self.groups.group(self.proxy.mapToSource(index).row()).site)

    def show_site(self, site: str) -> None:
        """Show this site's alarms only (also in a flood); used by the map's site card."""
        if self.service is None:
            return  # the page already says the alarm service is not running
        self._expanded_site = site
        self.filters.site_edit.setText(site)
        self._follow_flood()

    # -- consultation view (widgets/view_following.py) -----------------------------------
    def capture_view(self) -> dict:
        return self.filters.capture() if self.service is not None else {}

    def apply_view(self, view: dict) -> None:
        if self.service is not None and view:
            self.filters.apply(view)

    def selected_records(self) -> list[AlarmRecord]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if self._grouped:
            return [rec for row in rows for rec in self.groups.group(self.proxy.mapToSource(
                self.proxy.index(row, 0)).row()).records]
        return self.proxy.records(rows)

    def visible_records(self) -> list[AlarmRecord]:
        if self._grouped:
            return [rec for row in range(self.groups.rowCount()) for rec in self.groups.group(row).records]
        return self.proxy.records()

    def _selection_changed(self, *_args) -> None:
        """One site's alarms selected (one row, or a site's summary in a flood): the linked
        panel shows the context of the most severe, earliest of them."""
        records = self.selected_records()
        if records and self.context.actor is not None:
            self.service.engine.look(records, self.context.actor)  # the first look a drill is scored on
        one_site = records and len({rec.site for rec in records}) == 1
        self.linked.show_record(min(records, key=lambda rec: (rec.level, rec.raised_at or 0.0)) if one_site else None)

    def _show_permissions(self, actor) -> None:
        """Grey what the seat's role may not do (the engine refuses it anyway)."""
        for key, widget in [*self.buttons.items(), *self.menu_actions.items()]:
            widget.setEnabled(actor.may(CONTROL_ACTIONS[key]))

    # ---- actions (also called directly by tests) -------------------------------------
    def acknowledge(self, records: list[AlarmRecord], note: str = "") -> int:
        return self._act(lambda done: self.engine.acknowledge(records, self.context.actor, note, done),
                         self.tr("Acknowledged {n} alarm(s) — stored"))

    def shelve(self, records: list[AlarmRecord], minutes: int, reason: str) -> int:
        return self._act(lambda done: self.engine.shelve(records, minutes * 60.0, reason, self.context.actor, done),
                         self.tr("Shelved {n} alarm(s) — stored"))

    def _act(self, action: Callable[[Callable], int], done_text: str) -> int:
        count = 0

        def done(error: Exception | None) -> None:
            self.status.setText(done_text.format(n=count) if error is None
                                else self.tr("NOT stored: {error}").format(error=error))
            self.status.setStyleSheet("" if error is None else "color:#ff5050; font-weight:bold;")

        try:
            count = action(done) or 0
        except (ActionRefused, PermissionDenied) as exc:
            self.status.setText(str(exc))
            self.status.setStyleSheet("color:#ff5050;")
            return 0
        self.status.setText(self.tr("Saving…"))
        self.status.setStyleSheet("")
        return count

    def _needs_note(self, records: list[AlarmRecord]) -> bool:
        return any(rec.level in self.engine.settings.note_required and not rec.acknowledged for rec in records)

    def _ack_records(self, records: list[AlarmRecord]) -> None:
        records = [rec for rec in records if not rec.acknowledged]
        if not records:
            self.status.setText(self.tr("Nothing to acknowledge"))
            return
        required = self._needs_note(records)
        dialog = NoteDialog(self.tr("Acknowledge {n} alarm(s)").format(n=len(records)),
                            self.tr("Note (required for red alarms)") if required else self.tr("Note (optional)"),
                            required, self)
        if dialog.exec():
            self.acknowledge(records, dialog.text())

    def _ack_selected(self) -> None:
        self._ack_records(self.selected_records())

    def _ack_visible(self) -> None:
        self._ack_records(self.visible_records())

    def _shelve(self) -> None:
        records = self.selected_records()
        if not records:
            return
        dialog = ShelveDialog(len(records), self)
        if dialog.exec():
            self.shelve(records, dialog.minutes.value(), dialog.reason.text())

    def _unshelve(self) -> None:
        records = self.selected_records()
        self._act(lambda done: self.engine.unshelve(records, self.context.actor, done),
                  self.tr("Unshelved {n} alarm(s) — stored"))

    def _single_selected(self, message: str) -> AlarmRecord | None:
        records = self.selected_records()
        if len(records) != 1:
            self.status.setText(message)
            return None
        return records[0]

    def _comment(self) -> None:
        rec = self._single_selected(self.tr("Select one alarm to comment on"))
        if rec is None:
            return
        dialog = NoteDialog(self.tr("Comment"), alarm_text(rec), True, self)
        if dialog.exec():
            self._act(lambda done: (self.engine.comment(rec, dialog.text(), self.context.actor, done), 1)[1],
                      self.tr("Comment stored"))

    def _dispose(self) -> None:
        rec = self._single_selected(self.tr("Select one alarm for its disposition"))
        if rec is None:
            return
        dialog = DispositionDialog(f"{level_name(rec.level)} · {alarm_text(rec)}", self)
        if dialog.exec():
            self._act(lambda done: (self.engine.dispose(rec, dialog.steps.toPlainText(), dialog.result.currentText(),
                                                        self.context.actor, done), 1)[1],
                      self.tr("Disposition stored, alarm closed"))

    def _reset(self) -> None:
        records = [rec for rec in self.selected_records() if rec.latched]
        if not records:
            self.status.setText(self.tr("Select a latched alarm to reset"))
            return
        self._act(lambda done: (self.engine.reset(records[0], self.context.actor, done), 1)[1],
                  self.tr("Latched alarm reset — stored"))

    def _service(self, in_service: bool) -> None:
        records = self.selected_records()
        if not records:
            return
        note = ""
        if not in_service:
            dialog = NoteDialog(self.tr("Remove from service"), self.tr("Why (required)"), True, self)
            if not dialog.exec():
                return
            note = dialog.text()
        self.set_in_service(records, in_service, note)

    def set_in_service(self, records: list[AlarmRecord], in_service: bool, note: str = "") -> int:
        return self._act(lambda done: self.engine.set_in_service(records, in_service, self.context.actor, note, done),
                         self.tr("Returned {n} alarm(s) to service — stored") if in_service
                         else self.tr("Removed {n} alarm(s) from service — stored"))

    def _maintenance(self, on: bool) -> None:
        sites = sorted({rec.site for rec in self.selected_records()})
        if len(sites) != 1:
            self.status.setText(self.tr("Select alarms of one site"))
            return
        note = ""
        if on:
            dialog = NoteDialog(self.tr("Site maintenance"), self.tr("Work being done (required)"), True, self)
            if not dialog.exec():
                return
            note = dialog.text()
        self.set_maintenance(sites[0], on, note)

    def set_maintenance(self, site: str, on: bool, note: str = "") -> None:
        self._act(lambda done: (self.engine.set_site_maintenance(site, on, self.context.actor, note, done), 1)[1],
                  self.tr("Site maintenance on: its alarms are suppressed — stored") if on
                  else self.tr("Site maintenance off — stored"))

    def _open(self, key: str, method: str, *args) -> None:
        """Switch the main window to page `key` and call its `method` (if it offers it)."""
        window = self.window()
        if hasattr(window, "show_page"):
            focus = getattr(window.show_page(key), method, None)
            if focus is not None:
                focus(*args)

    def _show_camera(self, site: str) -> None:
        self._open("video", "show_site_camera", site)

    def _show_trend(self, tag: str, at: float) -> None:
        self._open("monitoring", "show_tag_at", tag, at)

    def _show_enterprise(self, enterprise_id: str) -> None:
        self._open("registry", "show_enterprise", enterprise_id)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.service is not None:
            self.linked.close_panel()
        super().closeEvent(event)
