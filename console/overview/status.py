"""Per-site status for the map: worst active alarm level, unacknowledged, stale/offline.

The map needs one answer per site ("what colour, blinking or not") and per region
("how many sites in each state"); this module computes both from the catalogue, the
latest tag values and the alarm engine's active alarms, and says which sites changed so
the view redraws only those. Qt-free: the page feeds it batches and alarm lists.

Connectivity of a site, judged on its key tags (all tags when none is key; a device
that stops answering takes all its tags with it, so the few key tags are enough):
- offline: no value yet, every latest value is BAD_COMM, or nothing newer than
  `offline_after_s` (the site has gone silent);
- stale: on-line, but a value is stale (quality UNCERTAIN_STALE/BAD_COMM or older
  than the tag's `stale_after`);
- online otherwise.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from domain.divisions import DivisionRegistry
from domain.values import AlarmLevel, Quality, TagValue
from domain.tags import Catalogue, Site

# Display states, most urgent first; a site is in exactly one. Stale/offline win over
# alarm colours because the map shows them grey (the alarm level stays on the ring).
STATES: tuple[str, ...] = ("offline", "stale", "red", "orange", "yellow", "blue", "normal")
_LEVEL_STATE = {
    AlarmLevel.RED: "red",
    AlarmLevel.ORANGE: "orange",
    AlarmLevel.YELLOW: "yellow",
    AlarmLevel.BLUE: "blue",
}


class AlarmLike(Protocol):
    """The part of the alarm engine's active alarm (`console.alarms.AlarmRecord`) the map
    reads. Alarms whose `annunciated` is false (shelved, suppressed, out of service) are
    left off the map, as ISA-18.2 hides them from the operator."""

    site: str
    tag: str
    level: AlarmLevel
    acknowledged: bool
    raised_at: float
    escalated_to: str | None


@dataclass(frozen=True, slots=True)
class SiteStatus:
    code: str
    connectivity: str  # "online" | "stale" | "offline"
    worst_level: AlarmLevel | None
    unacknowledged: bool
    active_alarms: int

    @property
    def state(self) -> str:
        if self.connectivity != "online":
            return self.connectivity
        if self.worst_level is not None:
            return _LEVEL_STATE[self.worst_level]
        return "normal"


@dataclass(frozen=True)
class JurisdictionSummary:
    sites: int
    online: int
    stale: int
    offline: int
    alarms_by_level: dict[AlarmLevel, int]
    unacknowledged: int
    escalations_pending: int
    oldest_unacknowledged: AlarmLike | None


class OverviewModel:
    """Status of every catalogue site, recomputed on `refresh()`.

    `latest` looks up the newest value of a tag (normally `TagBus.latest`), so the
    values are not kept twice.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        divisions: DivisionRegistry,
        latest: Callable[[str], TagValue | None],
        *,
        offline_after_s: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.catalogue = catalogue
        self.divisions = divisions
        self._latest = latest
        self._offline_after = offline_after_s
        self._clock = clock
        self._tags_of = {code: [] for code in catalogue.sites}
        for tag in catalogue.tags.values():
            self._tags_of[tag.site].append(tag)
        self._watched = {code: [t for t in tags if t.key] or tags for code, tags in self._tags_of.items()}
        self._watched_ids = {code: [(t.id, t.stale_after) for t in tags] for code, tags in self._watched.items()}
        self._regions_of = {
            code: tuple(divisions.chain_up(site.division)) for code, site in catalogue.sites.items()
        }
        self._sites_in: dict[str, list[str]] = {}
        for code, regions in self._regions_of.items():
            for region in regions:
                self._sites_in.setdefault(region, []).append(code)
        self._alarms_of: dict[str, dict[int, AlarmLike]] = {}  # by id(): records change in place
        self._alarm_dirty: set[str] = set()  # sites whose alarms changed since the last refresh
        self._connectivity: dict[str, str] = {}
        self._status: dict[str, SiteStatus] = {}
        self._counts: dict[str, Counter] = {}
        self.revision = 0  # rises whenever a status or the alarm list changes
        self.refresh()

    # -- inputs ---------------------------------------------------------------------
    def set_alarms(self, alarms: Iterable[AlarmLike]) -> None:
        """Replace the active alarm list (the engine's `active_alarms()`)."""
        self._alarm_dirty.update(self._alarms_of)
        self._alarms_of = {}
        self.update_alarms(alarms)

    def update_alarms(self, changed: Iterable[AlarmLike]) -> None:
        """Take the alarms the engine reports changed (its subscriber callback): each is
        kept while annunciated and dropped once it is not, so a change costs its own
        records, not a copy of every active alarm."""
        for alarm in changed:
            if alarm.site not in self.catalogue.sites:
                continue
            of_site = self._alarms_of.setdefault(alarm.site, {})
            if getattr(alarm, "annunciated", True):
                of_site[id(alarm)] = alarm
            else:
                of_site.pop(id(alarm), None)
            self._alarm_dirty.add(alarm.site)
        self.revision += 1

    # -- recompute ------------------------------------------------------------------
    def refresh(self, now: float | None = None, *, connectivity: bool = True) -> dict[str, SiteStatus]:
        """Recompute sites; return those that changed.

        With `connectivity` every site is looked at, not only those with new values,
        because a site that stops sending must turn stale without any batch arriving.
        Without it only the sites whose alarms changed are, keeping their connectivity:
        alarm changes come several times a second, connectivity needs checking once.
        """
        now = self._clock() if now is None else now
        changed: dict[str, SiteStatus] = {}
        for code in self.catalogue.sites if connectivity else list(self._alarm_dirty):
            if connectivity or code not in self._connectivity:
                self._connectivity[code] = self._connectivity_of(code, now)
            status = self._compute(code)
            if self._status.get(code) != status:
                old = self._status.get(code)
                self._status[code] = status
                changed[code] = status
                self._recount(code, old, status)
        self._alarm_dirty.clear()
        if changed:
            self.revision += 1
        return changed

    def _compute(self, code: str) -> SiteStatus:
        alarms = self._alarms_of.get(code, {}).values()
        worst = min((a.level for a in alarms), default=None)
        unacked = any(not a.acknowledged for a in alarms)
        return SiteStatus(code, self._connectivity[code], worst, unacked, len(alarms))

    def _connectivity_of(self, code: str, now: float) -> str:
        # one pass, no temporaries: this runs for every site on every refresh
        latest = self._latest
        newest = None
        answering = stale = False
        for tag_id, stale_after in self._watched_ids[code]:
            value = latest(tag_id)
            if value is None:
                stale = True
                continue
            if newest is None or value.receive_ts > newest:
                newest = value.receive_ts
            quality = value.quality
            if quality is not Quality.BAD_COMM:
                answering = True
            if quality is Quality.UNCERTAIN_STALE or quality is Quality.BAD_COMM or now - value.source_ts > stale_after:
                stale = True
        if newest is None or not answering or now - newest > self._offline_after:
            return "offline"
        return "stale" if stale else "online"

    def _recount(self, code: str, old: SiteStatus | None, new: SiteStatus) -> None:
        for region in self._regions_of[code]:
            counts = self._counts.setdefault(region, Counter())
            if old is not None:
                counts[old.state] -= 1
            counts[new.state] += 1

    # -- queries --------------------------------------------------------------------
    def status(self, site_code: str) -> SiteStatus:
        return self._status[site_code]

    def statuses(self) -> dict[str, SiteStatus]:
        return dict(self._status)

    def region_counts(self, division_code: str) -> dict[str, int]:
        """Sites per display state in a division (supervision tree), zeros left out."""
        return {s: n for s, n in self._counts.get(division_code, Counter()).items() if n}

    def sites_in(self, division_code: str) -> list[Site]:
        return [self.catalogue.sites[c] for c in self._sites_in.get(division_code, ())]

    def alarms_of(self, site_code: str) -> list[AlarmLike]:
        return sorted(self._alarms_of.get(site_code, {}).values(), key=lambda a: (a.level, a.raised_at))

    def alarms_in(self, division_code: str) -> list[AlarmLike]:
        """Active alarms of the sites a division supervises, newest first."""
        codes = self._sites_in.get(division_code, ())
        alarms = [a for code in codes for a in self._alarms_of.get(code, {}).values()]
        return sorted(alarms, key=lambda a: -a.raised_at)

    def summary(self, division_code: str) -> JurisdictionSummary:
        counts = self._counts.get(division_code, Counter())
        alarms = self.alarms_in(division_code)
        unacked = [a for a in alarms if not a.acknowledged]
        by_level = Counter(a.level for a in alarms)
        offline, stale = counts["offline"], counts["stale"]
        total = len(self._sites_in.get(division_code, ()))
        return JurisdictionSummary(
            sites=total,
            online=total - offline - stale,
            stale=stale,
            offline=offline,
            alarms_by_level={level: by_level.get(level, 0) for level in AlarmLevel},
            unacknowledged=len(unacked),
            escalations_pending=sum(1 for a in unacked if a.escalated_to),
            oldest_unacknowledged=min(unacked, key=lambda a: a.raised_at, default=None),
        )

    def key_values(self, site_code: str) -> Sequence[tuple]:
        """(TagSpec, latest TagValue or None) for the site's key tags (all tags if none is key)."""
        return [(t, self._latest(t.id)) for t in self._watched[site_code]]
