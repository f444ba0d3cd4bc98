"""Consultation page (会商): open a session on an incident or a site, join an invited one,
see who takes part and who holds the pointer, pass or ask for the pointer, keep the decisions
log, end with a summary (PDF). Records go through `console.consultation.sessions` (Qt-free, in
the local store, replicated); the live view goes through `widgets.consultation_live`, which
needs the shared PostgreSQL backend."""
from __future__ import annotations

import html
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from console.consultation import sessions
from console.consultation.sessions import Session, holder_key
from console.consultation.summary import summarise
from console.operators.permissions import Action, PermissionDenied
from console.records.labels import clock
from console.records.store_access import records_services
from server_link.local_store import StoreError
from widgets.consultation_document import duration_text, summary_html
from widgets.consultation_live import ConsultationLive
from widgets.consultation_open_dialog import OpenConsultationDialog
from widgets.pdf_document import DocumentDialog
from widgets.retranslating import Retranslating

REFRESH_MS = 1_000
ERROR_STYLE = "color: #d32f2f"


def live_dsn(context) -> str | None:
    """The backend the live view goes through (the node's own role), or None without one."""
    if context.config.backend.kind != "postgresql":
        return None
    from server_link.credentials import backend_dsn

    return backend_dsn(context.config.backend)


class ConsultationPage(Retranslating, QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.node = context.node_code
        self.store, self.reader = records_services(context)
        self.session: Session | None = None  # the one this console has joined
        self.live: ConsultationLive | None = None
        self._shown = None  # what the detail shows, to rewrite it only on change
        self.sessions = QListWidget()
        self.sessions.currentItemChanged.connect(lambda *_: self._show_selected())
        self.open_button = QPushButton(clicked=self.ask_open)
        self.join_button = QPushButton(clicked=self.join_selected)
        self.leave_button = QPushButton(clicked=self.leave)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.sessions_title = QLabel()
        left_layout.addWidget(self.sessions_title)
        left_layout.addWidget(self.sessions, 1)
        row = QHBoxLayout()
        for button in (self.open_button, self.join_button, self.leave_button):
            row.addWidget(button)
        left_layout.addLayout(row)

        self.heading = QLabel(objectName="consultationHeading")
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.setOpenExternalLinks(True)
        self.invited = QLabel()
        self.invited.setWordWrap(True)
        self.follow_state = QLabel()
        self.participants = QListWidget()
        self.participants.setMaximumHeight(180)
        self.grant_button = QPushButton(clicked=self._grant_selected)
        self.ask_button = QPushButton(clicked=self.ask_pointer)
        self.end_button = QPushButton(clicked=self._ask_end)
        self.summary_button = QPushButton(clicked=lambda: self.summary_dialog().exec())
        pointer_row = QHBoxLayout()
        for button in (self.grant_button, self.ask_button, self.end_button, self.summary_button):
            pointer_row.addWidget(button)
        pointer_row.addStretch(1)
        self.decisions = QTableWidget(0, 3)
        self.decisions.horizontalHeader().setStretchLastSection(True)
        self.decisions.verticalHeader().hide()
        self.decisions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.decision_edit = QLineEdit()
        self.decision_edit.returnPressed.connect(self._record_typed)
        self.decide_button = QPushButton(clicked=self._record_typed)
        entry = QHBoxLayout()
        entry.addWidget(self.decision_edit, 1)
        entry.addWidget(self.decide_button)
        self.status = QLabel(objectName="consultationStatus")
        self.status.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.invited)
        right_layout.addWidget(self.follow_state)
        self.participants_title = QLabel()
        right_layout.addWidget(self.participants_title)
        right_layout.addWidget(self.participants)
        right_layout.addLayout(pointer_row)
        self.decisions_title = QLabel()
        right_layout.addWidget(self.decisions_title)
        right_layout.addWidget(self.decisions, 1)
        right_layout.addLayout(entry)
        right_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 1200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        context.services["consultation_banner"] = self.banner_text
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()
        self._retranslate()

    def is_ready(self) -> bool:
        return True

    def _retranslate(self) -> None:
        """The fixed texts, then what `refresh` draws (the session list and details are rewritten)."""
        for widget, text in ((self.open_button, self.tr("Open a consultation…")), (self.join_button, self.tr("Join")),
                             (self.leave_button, self.tr("Leave")), (self.grant_button, self.tr("Give the pointer")),
                             (self.ask_button, self.tr("Ask for the pointer")),
                             (self.end_button, self.tr("End the session…")),
                             (self.summary_button, self.tr("Summary (PDF)…")),
                             (self.decide_button, self.tr("Record decision")),
                             (self.sessions_title, self.tr("Sessions of this node")),
                             (self.participants_title, self.tr("Participants")),
                             (self.decisions_title, self.tr("Decisions"))):
            widget.setText(text)
        self.decisions.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Decision")])
        self.decision_edit.setPlaceholderText(self.tr("Decision (who does what, by when)"))
        for row in range(self.sessions.count()):  # `refresh` rewrites the list (selection kept) and the details
            self.sessions.item(row).setData(Qt.ItemDataRole.UserRole + 1, None)
        self._shown = None
        self.refresh()

    # -- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the sessions (replication brings others' joins and decisions) and redraw
        what changed."""
        listed = sessions.sessions_for(self.store, self.node)
        keys = [(s.id, s.active, s.topic) for s in listed]
        if keys != [self.sessions.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(self.sessions.count())]:
            current = self.selected_id()
            self.sessions.blockSignals(True)
            self.sessions.clear()
            for session, key in zip(listed, keys):
                state = self.tr("running") if session.active else self.tr("ended")
                item = QListWidgetItem(f"{session.topic}\n{clock(session.started_at)} · {state}")
                item.setData(Qt.ItemDataRole.UserRole, session.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, key)
                self.sessions.addItem(item)
                if session.id == (current or (self.session.id if self.session else None)):
                    self.sessions.setCurrentItem(item)
            self.sessions.blockSignals(False)
        if self.session is not None:
            self.session = sessions.get_session(self.store, self.session.id)
            if not self.session.active:
                self._stop_live()
        self._show_selected()

    def selected_id(self) -> str | None:
        item = self.sessions.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected(self) -> Session | None:
        session_id = self.selected_id() or (self.session.id if self.session else None)
        return sessions.get_session(self.store, session_id) if session_id else None

    def _show_selected(self) -> None:
        session = self._selected()
        if session is None:
            self.heading.setText(self.tr("No consultation selected"))
            self.details.clear()
            self._enable(None)
            return
        people = sessions.participants(self.store, session.id)
        logged = sessions.decisions(self.store, session.id)
        holder = self.live.holder if self.live else session.holder_key
        shown = (session, tuple(people), len(logged), holder, self.live is not None)
        if shown != self._shown:
            self._shown = shown
            self._draw(session, people, logged, holder)
        self._enable(session)

    def _draw(self, session: Session, people, logged, holder: str) -> None:
        self.heading.setText(session.topic)
        subject = session.site_code or "—"
        if session.incident_id:
            incident = self.store.get("incident", session.incident_id)
            subject = incident["title"] if incident else session.incident_id
        link = session.conference_link
        escaped = html.escape(link)
        link_html = (f"<a style='color: #4fc3f7' href='{escaped}'>{escaped}</a>"
                     if link.startswith(("http://", "https://")) else (escaped or "—"))
        leader = next((p.display_name for p in people if (p.username, p.node) == (session.leader, session.leader_node)),
                      session.leader)
        ended = clock(session.ended_at) if session.ended_at else self.tr("running")
        self.details.setText(
            self.tr("Incident or site: %1<br>Leader: %2 (%3)<br>Conference: %4<br>Started %5 · ended: %6 · %7")
            .replace("%1", html.escape(subject)).replace("%2", html.escape(leader))
            .replace("%3", self._division(session.leader_node))
            .replace("%4", link_html).replace("%5", clock(session.started_at)).replace("%6", ended)
            .replace("%7", duration_text((session.ended_at or time.time()) - session.started_at)))
        present = {person.node for person in people if person.left_at is None}
        waiting = [self._division(code) for code in session.invited if code not in present]
        self.invited.setText(self.tr("Invited, not joined yet: %1").replace("%1", "、".join(waiting)) if waiting else "")
        self.participants.clear()
        for person in people:
            text = f"{person.display_name} ({person.username}) · {self._division(person.node)}"
            if holder_key(person.username, person.node) == holder:
                text = "☞ " + text + " · " + self.tr("holds the pointer")
            if person.left_at is not None:
                text += " · " + self.tr("left")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (person.username, person.node))
            self.participants.addItem(item)
        self.decisions.setRowCount(len(logged))
        for row, decision in enumerate(logged):
            for column, text in enumerate((clock(decision.at), f"{decision.display_name} · {self._division(decision.node)}",
                                           decision.text)):
                self.decisions.setItem(row, column, QTableWidgetItem(text))
        self.decisions.resizeColumnsToContents()
        self.decisions.horizontalHeader().setStretchLastSection(True)

    def _enable(self, session: Session | None) -> None:
        joined = session is not None and self.session is not None and self.session.id == session.id
        actor = self.context.actor
        leads = joined and (actor.username, self.node) == (session.leader, session.leader_node)
        self.open_button.setEnabled(actor.may(Action.LEAD_CONSULTATION))
        self.join_button.setEnabled(session is not None and session.active and not joined)
        self.leave_button.setEnabled(joined)
        self.grant_button.setEnabled(leads and session.active and self.live is not None)
        self.ask_button.setEnabled(joined and session.active and self.live is not None and self.live.connected
                                   and not self.live.holding)
        self.end_button.setEnabled(leads and session.active)
        self.decide_button.setEnabled(joined and session.active)
        self.decision_edit.setEnabled(joined and session.active)
        self.summary_button.setEnabled(session is not None)
        if self.live is None:
            self.follow_state.setText(self.tr("Live view: needs the shared backend (PostgreSQL)")
                                      if joined and live_dsn(self.context) is None else "")

    def _division(self, code: str) -> str:
        return self.context.divisions[code].name if code in self.context.divisions else code

    def banner_text(self) -> str | None:
        """For the big screen: the joined session's topic, leader and participants."""
        if self.session is None or not self.session.active:
            return None
        people = [p for p in sessions.participants(self.store, self.session.id) if p.left_at is None]
        leader = next((p.display_name for p in people if p.username == self.session.leader), self.session.leader)
        return (self.tr("Consultation: %1 · leader %2 · participants: %3")
                .replace("%1", self.session.topic).replace("%2", leader)
                .replace("%3", "、".join(p.display_name for p in people)))

    # -- actions --------------------------------------------------------------------------------
    def _attempt(self, action) -> str | None:
        """Run a records action; a refusal becomes the page's one-line status (returned too)."""
        try:
            action()
        except (StoreError, PermissionDenied) as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(str(exc))
            return str(exc)
        self.status.setStyleSheet("")
        self.status.clear()
        self.refresh()
        return None

    def ask_open(self) -> None:
        incidents = self.reader.rows("incident", "occurred_at DESC", where="status = 'open'", limit=100)
        OpenConsultationDialog(self.context.divisions, self.node, incidents, self.open_session, self).exec()

    def open_session(self, topic: str, invited: list[str], link: str = "", incident: dict | None = None,
                     site_code: str | None = None) -> str | None:
        """Open and join a session; returns the one-line refusal, or None."""
        opened = []
        error = self._attempt(lambda: opened.append(sessions.open_session(
            self.store, self.context.divisions, self.context.actor, topic, invited, link, incident, site_code)))
        if error is None:
            self._joined(sessions.get_session(self.store, opened[0]))
        return error

    def join_selected(self) -> str | None:
        session_id = self.selected_id()
        if session_id is None:
            return None
        joined = []
        error = self._attempt(lambda: joined.append(sessions.join(self.store, self.context.actor, session_id)))
        if error is None:
            self._joined(joined[0])
        return error

    def _joined(self, session: Session) -> None:
        self._stop_live()
        self.session = session
        for row in range(self.sessions.count()):
            if self.sessions.item(row).data(Qt.ItemDataRole.UserRole) == session.id:
                self.sessions.setCurrentRow(row)
        dsn = live_dsn(self.context)
        if dsn is not None:
            self.live = ConsultationLive(self.window(), dsn, session.id, session.division,
                                         holder_key(self.context.actor.username, self.node), session.holder_key, parent=self)
            self.live.holderChanged.connect(self._holder_changed)
            self.live.linkChanged.connect(self._show_link)
            self.live.pointerAsked.connect(self._pointer_asked)
            self.live.ended.connect(self._ended_by_leader)
            self.live.failed.connect(self._show_failure)
            self._holder_changed(self.live.holder)
        self.refresh()

    def leave(self) -> None:
        if self.session is not None:
            session_id = self.session.id
            if self._attempt(lambda: sessions.leave(self.store, self.context.actor, session_id)) is None:
                self._stop_live()
                self.session = None
                self.refresh()

    def _stop_live(self) -> None:
        if self.live is not None:
            bar = getattr(self.window(), "statusBar", None)
            if bar is not None:
                bar().clearMessage()
            self.live.stop()  # kept (a child of the page) until its last network call has reported
            self.live = None

    def _holder_changed(self, holder: str) -> None:
        """Say in the window's status bar whose view this console follows (on every page)."""
        self._show_selected()
        bar = getattr(self.window(), "statusBar", None)
        if bar is None:
            return
        if self.live is not None and not self.live.holding:
            username, _, node = holder.partition("@")
            people = sessions.participants(self.store, self.live.session_id)
            name = next((p.display_name for p in people if (p.username, p.node) == (username, node)), username)
            bar().showMessage(self.tr("Consultation: following the view of %1 (%2)")
                              .replace("%1", name).replace("%2", self._division(node)))
        else:
            bar().clearMessage()

    def _show_link(self, up: bool) -> None:
        self._enable(self._selected())
        self.follow_state.setText(self.tr("Live view: connected") if up else
                                  self.tr("Live view: backend unreachable, reconnecting…"))

    def _ended_by_leader(self) -> None:
        """The leader ended the session: stop following now (the record arrives by sync)."""
        self._stop_live()
        if self.session is not None and (self.context.actor.username, self.node) != (self.session.leader,
                                                                                    self.session.leader_node):
            self.status.setStyleSheet("")
            self.status.setText(self.tr("The leader ended the session"))
        self._shown = None
        self.refresh()

    def _show_failure(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def _pointer_asked(self, holder: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%1 asks for the pointer").replace("%1", holder))

    def _grant_selected(self) -> None:
        item = self.participants.currentItem()
        if item is None:
            self._show_failure(self.tr("Select a participant to give the pointer to"))
            return
        self.grant_pointer(*item.data(Qt.ItemDataRole.UserRole))

    def grant_pointer(self, username: str, node: str) -> str | None:
        """The leader passes the pointer: the record first, then the live path is told."""
        session_id = self.session.id if self.session else None
        error = self._attempt(lambda: sessions.grant_pointer(self.store, self.context.actor, session_id, username, node))
        if error is None and self.live is not None:
            self.live.pass_pointer(holder_key(username, node))
        return error

    def ask_pointer(self) -> None:
        if self.live is not None:
            self.live.ask_pointer()
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Asked the leader for the pointer"))

    def _record_typed(self) -> None:
        if self.record_decision(self.decision_edit.text()) is None:
            self.decision_edit.clear()

    def record_decision(self, text: str) -> str | None:
        session_id = self.session.id if self.session else None
        return self._attempt(lambda: sessions.record_decision(self.store, self.context.actor, session_id, text))

    def _ask_end(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, self.tr("End the session"), self.tr("Conclusion"))
        if ok:
            self.end_session(text)

    def end_session(self, conclusion: str = "") -> str | None:
        session_id = self.session.id if self.session else None
        live = self.live  # the refresh after the end stops it: announce through it first

        def end() -> None:
            sessions.end_session(self.store, self.context.actor, session_id, conclusion)
            if live is not None:
                live.announce_end()
        return self._attempt(end)

    def summary_document(self, session_id: str | None = None) -> str:
        return summary_html(summarise(self.store, session_id or self._selected().id), self._division)

    def summary_dialog(self) -> DocumentDialog:
        session = self._selected()
        return DocumentDialog(self.summary_document(session.id), self.tr("Consultation summary"),
                              f"consultation-{time.strftime('%Y%m%d-%H%M', time.localtime(session.started_at))}.pdf",
                              self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()
        self._stop_live()
        self.context.services.pop("consultation_banner", None)
        super().closeEvent(event)
