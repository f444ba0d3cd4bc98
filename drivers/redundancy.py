"""Per-device redundancy: which path (primary or secondary) is active. Qt-free, clock passed in.

Failover when the active path has failed `failover_after` scans in a row or has had no
good scan for its stale time — but only to a standby that is itself healthy (it is probed
periodically) and whose last probe succeeded, so a failover never lands on a dead path.
Return to the primary once it has been healthy without a break for `return_after_s`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from domain.values import SourcePath

# A path never heard from is judged dead only after this long (or its stale time, if longer),
# whatever its failures: at start its servers may still be coming up and opening a whole
# network's OPC UA sessions takes seconds on a loaded node; failing over to the standby then
# kept a healthy primary off for `return_after_s`.
FIRST_CONTACT_GRACE_S = 15.0


@dataclass
class PathHealth:
    consecutive_failures: int = 0
    last_good: float | None = None
    healthy_since: float | None = None

    def good(self, now: float) -> None:
        self.consecutive_failures = 0
        self.last_good = now
        if self.healthy_since is None:
            self.healthy_since = now

    def bad(self) -> None:
        self.consecutive_failures += 1
        self.healthy_since = None

    def healthy(self, now: float, failover_after: int, stale_after: float) -> bool:
        if self.last_good is None or self.consecutive_failures >= failover_after:
            return False
        return now - self.last_good <= stale_after


@dataclass
class Redundancy:
    failover_after: int
    return_after_s: float
    stale_after: float
    has_secondary: bool
    standby_probe_s: float = 10.0
    active: SourcePath = SourcePath.PRIMARY
    started: float | None = None
    health: dict[SourcePath, PathHealth] = field(default_factory=lambda: {
        SourcePath.PRIMARY: PathHealth(), SourcePath.SECONDARY: PathHealth()})

    @property
    def standby(self) -> SourcePath:
        return SourcePath.SECONDARY if self.active is SourcePath.PRIMARY else SourcePath.PRIMARY

    def healthy(self, path: SourcePath, now: float) -> bool:
        # the standby is only probed every standby_probe_s: judge it on that rhythm
        window = self.stale_after if path is self.active else self.stale_after + 2 * self.standby_probe_s
        return self.health[path].healthy(now, self.failover_after, window)

    def _standby_ready(self, now: float) -> bool:
        """A failover target: healthy, and its last probe succeeded (not a path that just failed)."""
        return self.health[self.standby].consecutive_failures == 0 and self.healthy(self.standby, now)

    def _known_bad(self, path: SourcePath, now: float) -> bool:
        """Unhealthy, and not merely "no answer yet" during the first contact grace after start."""
        if self.started is None:
            self.started = now
        first_contact = now - self.started <= max(self.stale_after, FIRST_CONTACT_GRACE_S)
        if self.health[path].last_good is None and first_contact:
            return False  # refused connections too: its server may still be starting
        return not self.healthy(path, now)

    def decide(self, now: float) -> SourcePath | None:
        """Switch if due; returns the new active path, or None when nothing changed."""
        if not self.has_secondary:
            return None
        if self._known_bad(self.active, now) and self._standby_ready(now):
            self.active = self.standby
            return self.active
        primary = self.health[SourcePath.PRIMARY]
        if self.active is SourcePath.SECONDARY and primary.healthy_since is not None \
                and self.healthy(SourcePath.PRIMARY, now) and now - primary.healthy_since >= self.return_after_s:
            self.active = SourcePath.PRIMARY
            return self.active
        return None

    def link_state(self, now: float) -> str:
        """'up' (active healthy), 'degraded' (on secondary, or standby dead), 'down' (no healthy path)."""
        active_ok = self.healthy(self.active, now)
        if not active_ok:
            return "down"
        if self.active is SourcePath.SECONDARY or (self.has_secondary and not self.healthy(self.standby, now)):
            return "degraded"
        return "up"
