"""The trend store: recent samples of every tag, in ring buffers. Qt-free.

Memory budget (the reference network: 5,600 tags at 1 Hz, a 2-core 8 GB workstation):

- every tag gets a *live* ring of `live_depth` samples, allocated at its first value:
  5,600 tags x 3,600 samples (1 h) x 17 B = 343 MB;
- tags shown in an open trend view are *retained* and grow to `deep_depth` samples:
  at most `max_deep_tags` of them, 256 x 86,400 (24 h) x 17 B = 376 MB;
- together at most (5,344 x 3,600 + 256 x 86,400) x 17 B = 703 MB (`memory_budget`),
  under a tenth of the machine's memory. Older data (up to the 30 days the regulation
  asks for) comes from the history store.

`ingest` is the tag bus subscriber: one dict lookup and one O(1) append per value.
Each tag's `version` rises when it gets a sample, so a view knows it is dirty by
comparing numbers, without any per-value callback.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from console.trends.ring import BYTES_PER_SAMPLE, RingBuffer
from console.trends.series import Series
from domain.values import TagValue

LIVE_DEPTH = 3_600
DEEP_DEPTH = 86_400
MAX_DEEP_TAGS = 256


def memory_budget(tags: int, live_depth: int = LIVE_DEPTH, deep_depth: int = DEEP_DEPTH,
                  deep_tags: int = MAX_DEEP_TAGS) -> int:
    """Upper bound in bytes of what a store of `tags` tags can hold."""
    deep_tags = min(tags, deep_tags)
    return ((tags - deep_tags) * live_depth + deep_tags * deep_depth) * BYTES_PER_SAMPLE


class TrendStore:
    def __init__(self, live_depth: int = LIVE_DEPTH, deep_depth: int = DEEP_DEPTH,
                 max_deep_tags: int = MAX_DEEP_TAGS):
        if not 1 <= live_depth <= deep_depth:
            raise ValueError(f"need 1 <= live_depth <= deep_depth, got {live_depth}, {deep_depth}")
        self.live_depth = live_depth
        self.deep_depth = deep_depth
        self.max_deep_tags = max_deep_tags
        self._rings: dict[str, RingBuffer] = {}
        self._versions: dict[str, int] = {}
        self._retained: dict[str, int] = {}  # tag -> number of views holding it
        self._deep: set[str] = set()  # tags whose ring has the deep capacity
        self._generation = 0

    # ---- ingest -------------------------------------------------------------------
    def ingest(self, batch: Sequence[TagValue]) -> None:
        self._generation += 1
        generation = self._generation
        rings, versions = self._rings, self._versions
        for value in batch:
            ring = rings.get(value.tag)
            if ring is None:
                ring = rings[value.tag] = RingBuffer(self._depth_for(value.tag))
            if ring.append(value.source_ts, value.value, int(value.quality)):
                versions[value.tag] = generation

    def attach(self, bus) -> Callable[[], None]:
        """Subscribe to a `console.tag_bus.TagBus` (from its latest values on); returns the unsubscribe function."""
        return bus.subscribe(self.ingest, replay=True)

    def extend(self, tag: str, series: Series) -> None:
        """Load a time-ordered run for one tag (prefill from history, benches)."""
        ring = self._rings.get(tag)
        if ring is None:
            ring = self._rings[tag] = RingBuffer(self._depth_for(tag))
        ring.extend(series)
        self._generation += 1
        self._versions[tag] = self._generation

    # ---- reading ------------------------------------------------------------------
    def version(self, tag: str) -> int:
        return self._versions.get(tag, 0)

    def window(self, tag: str, t0: float, t1: float) -> Series:
        ring = self._rings.get(tag)
        return ring.window(t0, t1) if ring is not None else Series.empty()

    def first_time(self, tag: str) -> float | None:
        """Time of the oldest sample held: before it, a view asks the history store."""
        ring = self._rings.get(tag)
        return ring.first_t if ring is not None else None

    def latest(self, tag: str) -> tuple[float, float, int] | None:
        ring = self._rings.get(tag)
        return ring.last() if ring is not None else None

    def tags(self) -> list[str]:
        return list(self._rings)

    @property
    def nbytes(self) -> int:
        return sum(ring.nbytes for ring in self._rings.values())

    # ---- deep buffers for tags in open views ----------------------------------------
    def retain(self, tag: str) -> None:
        """A view shows `tag`: keep a day of it in memory if the budget allows."""
        self._retained[tag] = self._retained.get(tag, 0) + 1
        if self._retained[tag] == 1:
            self._resize(tag)

    def release(self, tag: str) -> None:
        count = self._retained.get(tag, 0) - 1
        if count > 0:
            self._retained[tag] = count
            return
        self._retained.pop(tag, None)
        self._resize(tag)

    def _depth_for(self, tag: str) -> int:
        if tag in self._retained and len(self._deep) < self.max_deep_tags:
            self._deep.add(tag)
            return self.deep_depth
        return self.live_depth

    def _resize(self, tag: str) -> None:
        ring = self._rings.get(tag)
        if ring is None:
            return
        if tag in self._retained:
            if tag not in self._deep and len(self._deep) < self.max_deep_tags:
                self._deep.add(tag)
                self._rings[tag] = ring.resized(self.deep_depth)
        elif tag in self._deep:
            self._deep.discard(tag)
            self._rings[tag] = ring.resized(self.live_depth)
