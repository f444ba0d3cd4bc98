"""Is a tile live? A watchdog on decoded-frame counts, and reconnect with back-off. Qt-free.

`MediaPlayerPlaying` fires long before a picture and a stream that stops (UDP, a hung
camera, a cut link) often sends no event at all, so the only trustworthy sign of life is
libvlc's decoded-frame counter advancing. The GUI feeds `observe()` the counter on a timer;
the tile is live while it moves, lost when it has not moved for `stall_timeout_s`, when
the first frame does not come within `connect_timeout_s`, or on an error/end event. A lost
tile reconnects after 1, 2, 4 … `max_delay_s` seconds; the countdown is shown on the tile.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class TileState(str, enum.Enum):
    IDLE = "idle"  # no camera assigned
    CONNECTING = "connecting"
    LIVE = "live"
    LOST = "lost"


class Backoff:
    """1, 2, 4, … seconds, capped; `reset()` once a connection has worked."""

    def __init__(self, first_s: float = 1.0, max_s: float = 30.0) -> None:
        self.first_s, self.max_s = first_s, max_s
        self._next = first_s

    def next_delay(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self.max_s)
        return delay

    def reset(self) -> None:
        self._next = self.first_s


@dataclass
class Verdict:
    """What the GUI must do after an observation."""

    reconnect: bool = False  # open a new connection now
    drop: bool = False  # the current connection is dead: close it


class TileHealth:
    def __init__(self, *, stall_timeout_s: float = 3.0, connect_timeout_s: float = 10.0,
                 max_delay_s: float = 30.0) -> None:
        self.stall_timeout_s = stall_timeout_s
        self.connect_timeout_s = connect_timeout_s
        self.backoff = Backoff(1.0, max_delay_s)
        self.state = TileState.IDLE
        self.reason = ""
        self.connected_at = self.first_frame_at = self.last_frame_at = None
        self.retry_at: float | None = None
        self.failures = 0  # losses since the tile was last live
        self.losses = 0  # all losses of this tile (diagnostics, benchmark)
        self._frames = 0

    def connecting(self, now: float) -> None:
        """A new connection was opened."""
        self.state, self.reason = TileState.CONNECTING, ""
        self.connected_at, self.first_frame_at, self.retry_at = now, None, None
        self._frames = 0

    def idle(self) -> None:
        self.state, self.retry_at, self.failures = TileState.IDLE, None, 0
        self.backoff.reset()

    def observe(self, now: float, decoded_frames: int) -> Verdict:
        if self.state in (TileState.CONNECTING, TileState.LIVE) and decoded_frames > self._frames:
            self._frames = decoded_frames
            self.last_frame_at = now
            if self.state is TileState.CONNECTING:
                self.state, self.first_frame_at = TileState.LIVE, now
                self.backoff.reset()
                self.failures = 0
            return Verdict()
        if self.state is TileState.CONNECTING and now - self.connected_at > self.connect_timeout_s:
            return self._lose(now, "no picture")
        if self.state is TileState.LIVE and now - self.last_frame_at > self.stall_timeout_s:
            return self._lose(now, "stalled")
        if self.state is TileState.LOST and now >= self.retry_at:
            return Verdict(reconnect=True)
        return Verdict()

    def failed(self, now: float, reason: str) -> Verdict:
        """libvlc reported an error or the end of the stream."""
        if self.state in (TileState.CONNECTING, TileState.LIVE):
            return self._lose(now, reason)
        return Verdict()

    def _lose(self, now: float, reason: str) -> Verdict:
        self.state, self.reason = TileState.LOST, reason
        self.failures += 1
        self.losses += 1
        self.retry_at = now + self.backoff.next_delay()
        return Verdict(drop=True)

    def countdown(self, now: float) -> float | None:
        """Seconds until the next reconnect attempt, while lost."""
        if self.state is not TileState.LOST or self.retry_at is None:
            return None
        return max(0.0, self.retry_at - now)

    def frame_age(self, now: float) -> float | None:
        return None if self.last_frame_at is None else now - self.last_frame_at
