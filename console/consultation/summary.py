"""What a session comes to when it ends: who took part, for how long, what was decided, on
which incident or site. Qt-free; the document is `widgets/consultation_document.py`."""
from __future__ import annotations

import time
from dataclasses import dataclass

from console.consultation import sessions
from console.consultation.sessions import Decision, Participant, Session
from server_link.local_store import LocalStore


@dataclass(frozen=True)
class Summary:
    session: Session
    participants: list[Participant]
    decisions: list[Decision]
    incident_title: str | None

    @property
    def duration_s(self) -> float:
        end = self.session.ended_at if self.session.ended_at is not None else time.time()
        return max(0.0, end - self.session.started_at)


def summarise(store: LocalStore, session_id: str) -> Summary:
    session = sessions.get_session(store, session_id)
    incident = store.get("incident", session.incident_id) if session.incident_id else None
    return Summary(session, sessions.participants(store, session_id), sessions.decisions(store, session_id),
                   incident.get("title") if incident else None)
