"""Backend first, field as fallback: which path each tag's live value comes by. Qt-free.

A console with a PostgreSQL backend reads live values from the collector (`field_live`)
while the collector is fresh, and keeps its own direct field connections running as a
hot standby. Per tag:

- **backend → field** as soon as the backend is unusable for the tag: no collector
  heartbeat within `stale_after_s` (collector stopped, database unreachable), or the
  backend's value is bad/stale — or GOOD but older than the tag's stale limit (the
  heartbeat vouches for the collector, not for values it did not refresh) — while the
  field's own is better. The stale window is the hysteresis on the way down.
- **field → backend** only after the backend has been usable for the tag without a
  break for `return_after_s`, so a collector that stutters does not make tags flap.

Every value keeps its `path` (BACKEND, or the field path it came by), so the UI can show
how a value arrived. All methods take the time explicitly (tests use a fake clock) and
return the values to publish: those of each tag's active path, plus a value when a tag
switches — never an older one presented as fresh: falling back, the field's value if it is
bad (news) or not older than the backend's, else the backend's value as UNCERTAIN_STALE;
returning, the backend's value only if it is not older than the field's (the backend's next
row follows otherwise).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from domain.values import Quality, TagValue


class LiveSourceSelector:
    def __init__(self, stale_after_s: float = 3.0, return_after_s: float = 10.0,
                 value_limits: Mapping[str, float] | None = None):
        """`value_limits`: tag → its stale limit (s); a backend value older than that is not usable."""
        self.stale_after_s = stale_after_s
        self.return_after_s = return_after_s
        self.value_limits = dict(value_limits or {})
        self._beat_at: float | None = None  # when the collector was last known alive (our clock)
        self._backend: dict[str, TagValue] = {}
        self._field: dict[str, TagValue] = {}
        self._on_backend: dict[str, bool] = {}
        self._usable_since: dict[str, float] = {}  # tag → start of its unbroken backend usability
        self.switches = 0

    # -- inputs ------------------------------------------------------------------------------

    def backend(self, values: Iterable[TagValue], heartbeat_age_s: float | None, now: float) -> list[TagValue]:
        """Values read from `field_live` and the age of the collector's heartbeat (None: unknown/unreachable)."""
        if heartbeat_age_s is not None:
            self._beat_at = now - heartbeat_age_s
        out = []
        for value in values:
            self._backend[value.tag] = value
            if self._on_backend.setdefault(value.tag, self._backend_fresh(now)):
                out.append(value)
        return out + self.tick(now)

    def field(self, values: Iterable[TagValue], now: float) -> list[TagValue]:
        """Values from this console's own field connections."""
        out = []
        for value in values:
            self._field[value.tag] = value
            if not self._on_backend.get(value.tag, False):
                out.append(value)
        return out

    def tick(self, now: float) -> list[TagValue]:
        """Re-decide every tag's path (call every ~0.5 s and after each backend read)."""
        fresh = self._backend_fresh(now)
        out = []
        for tag, backend in self._backend.items():
            field = self._field.get(tag)
            usable = fresh and self._usable(backend, field, now)
            on_backend = self._on_backend.get(tag, False)
            if not usable:
                self._usable_since.pop(tag, None)
                if on_backend:
                    self._on_backend[tag] = False
                    self.switches += 1
                    out.append(_fallback(backend, field))
            elif not on_backend:
                since = self._usable_since.setdefault(tag, now)
                if now - since >= self.return_after_s:
                    self._on_backend[tag] = True
                    self.switches += 1
                    if field is None or backend.source_ts >= field.source_ts:
                        out.append(backend)
        return out

    # -- queries -----------------------------------------------------------------------------

    def path_of(self, tag: str) -> str:
        """'backend' or 'field': where the tag's live value comes from now."""
        return "backend" if self._on_backend.get(tag, False) else "field"

    def backend_share(self) -> float:
        """Share of known tags on the backend path."""
        return sum(self._on_backend.values()) / len(self._on_backend) if self._on_backend else 0.0

    def known(self) -> int:
        """How many tags the selector has decided a path for (none before the backend first answers)."""
        return len(self._on_backend)

    def on_field(self) -> int:
        """How many known tags come from this console's own field connections now (the status bar)."""
        return sum(1 for on_backend in self._on_backend.values() if not on_backend)

    def _backend_fresh(self, now: float) -> bool:
        return self._beat_at is not None and now - self._beat_at <= self.stale_after_s

    def _usable(self, backend: TagValue, field: TagValue | None, now: float) -> bool:
        """The backend's value is worth taking: good and within its stale limit, or no worse than the field's."""
        quality = backend.quality
        if quality is Quality.GOOD:
            limit = self.value_limits.get(backend.tag)
            if limit is None or now - backend.source_ts <= limit:
                return True
            quality = Quality.UNCERTAIN_STALE
        return field is None or field.quality >= quality


def _fallback(backend: TagValue, field: TagValue | None) -> TagValue:
    """What to show as a tag leaves the backend: the field's value unless it is older good news."""
    if field is not None and (field.quality is not Quality.GOOD or field.source_ts >= backend.source_ts):
        return field
    return dataclasses.replace(backend, quality=max(backend.quality, Quality.UNCERTAIN_STALE))

