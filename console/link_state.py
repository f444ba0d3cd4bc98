"""State of a link (backend, field) as the status bar shows it. Qt-free."""
from __future__ import annotations

import enum


class LinkState(enum.Enum):
    UNKNOWN = "unknown"
    UP = "up"
    DEGRADED = "degraded"
    DOWN = "down"
    LOCAL = "local"  # no remote peer by design (embedded store)
