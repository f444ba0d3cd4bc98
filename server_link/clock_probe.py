"""The node's clock offset to the backend: PostgreSQL's `clock_timestamp()` read over a round trip.

NTP's midpoint estimate on a SQL query (not NTP itself: the backend is what the node's
stamps must agree with, and nodes reach it only over their PostgreSQL connection). The
sample with the shortest round trip is kept, as NTP does, since queueing delay is what
makes the midpoint wrong.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from domain.node_clock import BACKEND, OffsetSample, midpoint_offset

QUERY = "SELECT extract(epoch FROM clock_timestamp())::float8"


def backend_offset(conn, wall: Callable[[], float] = time.time, samples: int = 5, detail: str = "") -> OffsetSample:
    """Offset of the database clock to `wall` over an open psycopg2 connection (autocommit or not)."""
    best: tuple[float, float] | None = None  # (round trip, offset)
    with conn.cursor() as cur:
        for _ in range(samples):
            sent = wall()
            cur.execute(QUERY)
            reference = cur.fetchone()[0]
            received = wall()
            trip = received - sent
            if best is None or trip < best[0]:
                best = (trip, midpoint_offset(sent, reference, received))
    if not conn.autocommit:
        conn.rollback()
    return OffsetSample(BACKEND, best[1], best[0], detail)
