"""Starts the trend store and the local history recorder. Qt-free.

The embedded default records every value into `history.sqlite` and reads history from it.
A PostgreSQL node reads the collector's `field_history`; it records locally only the values
it read from the field itself (path not BACKEND: the backend was down or stale), into
`outage-history.sqlite`, and reads history through `MergedHistorySource`, so a backend
outage shows in its trends during and after it.

Started once at application start-up, before any page is shown, so the ring buffers
fill from the first value on. The monitoring page finds it in
`context.services["trends"]`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from console import paths
from console.trends.history import HistorySource
from console.trends.sqlite_history import SqliteHistoryRecorder, SqliteHistorySource
from console.trends.store import TrendStore
from domain.values import SourcePath

SERVICE_KEY = "trends"
OUTAGE_FILE = "outage-history.sqlite"


@dataclass
class TrendService:
    store: TrendStore
    history_factory: Callable[[], HistorySource]  # a fresh connection per worker thread
    recorder: SqliteHistoryRecorder | None = None
    redraw_hz: float = 10.0
    _unsubscribe: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if self.recorder is not None:
            self.recorder.close()


def start_trends(context) -> TrendService:
    """Build the trend service for `context` (an AppContext) and register it there."""
    config = context.config
    settings = config.trends
    scan = 1.0  # samples per second the depths are budgeted for (the reference network's scan rate)
    store = TrendStore(live_depth=int(settings.live_depth_s / scan), deep_depth=int(settings.deep_depth_s / scan),
                       max_deep_tags=settings.max_deep_tags)
    if config.backend.kind == "embedded":
        path = paths.data_dir() / "history.sqlite"
        recorder = SqliteHistoryRecorder(path, retention_days=settings.history_retention_days)
        service = TrendService(store, lambda: SqliteHistorySource(path), recorder, settings.redraw_hz)
    else:
        from server_link.credentials import backend_dsn

        from console.trends.merged_history import MergedHistorySource
        from console.trends.pg_history import PostgresHistorySource

        path = paths.data_dir() / OUTAGE_FILE
        recorder = SqliteHistoryRecorder(path, retention_days=settings.history_retention_days,
                                         accept=lambda value: value.path is not SourcePath.BACKEND)
        # the password is read when backend history is first asked for: a missing one fails
        # that query (the local outage history still answers), never the console's start
        service = TrendService(
            store, lambda: MergedHistorySource(lambda: PostgresHistorySource(backend_dsn(config.backend)),
                                               SqliteHistorySource(path)),
            recorder, settings.redraw_hz)
    service._unsubscribe.append(recorder.attach(context.tag_bus))
    service._unsubscribe.append(store.attach(context.tag_bus))
    context.services[SERVICE_KEY] = service
    return service


def start_trend_service(context) -> Callable[[], None]:
    """The application's service starter: start the trends, return their stop function."""
    return start_trends(context).close
