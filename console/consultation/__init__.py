"""Consultation sessions (会商, issue 16), Qt-free: the session records (`sessions`), the view
a leader shares (`view_state`), its live path through PostgreSQL LISTEN/NOTIFY (`live`) and the
end-of-session summary (`summary`)."""
