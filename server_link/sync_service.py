"""The sync loop on its own thread: LISTEN/NOTIFY to wake, a periodic pull as safety net.

Notifications are lost while the listener is disconnected, so they only wake the loop;
the cursor pull decides what is new. Every local write wakes it too (`LocalStore.on_write`),
so operator entries are pushed at once. Link
failures back off (0.5 s doubling to 10 s) and are shown as link state "down"; nothing is
lost, the outbox keeps everything. A backend at another schema revision than this build's
is refused the same way (its message on the sync page): the engine checks every new connection. Status snapshots go to subscribers from this thread:
the Qt side hands them to the GUI thread (console/services/sync_status.py).
"""
from __future__ import annotations

import logging
import selectors
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import psycopg2

from domain.observers import Observers
from server_link.server_schema import NOTIFY_CHANNEL
from server_link.schema_version import SchemaMismatch
from server_link.sync_engine import LinkDown, SyncEngine
from server_link.sync_push import CONNECTION_ERRORS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    link: str = "connecting"  # connecting | up | down
    last_success: float | None = None
    pending: int = 0
    conflicts: int = 0
    rejected: int = 0
    snapshot_done: int = 0
    snapshot_total: int = 0  # > 0 while an initial sync runs
    message: str = ""


class SyncService:
    def __init__(self, engine: SyncEngine, connect_listener: Callable[[], object],
                 interval_s: float = 30.0, max_backoff_s: float = 10.0):
        self.engine, self._connect_listener = engine, connect_listener
        self.interval_s, self.max_backoff_s = interval_s, max_backoff_s
        self._status = SyncStatus()
        self._subscribers = Observers("sync status")
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._listener = None
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self.cycles = 0
        engine.store.on_write(self.wake)

    # --- public API (any thread) -------------------------------------------------------------

    def start(self) -> None:
        self._publish()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.wake()
        self._thread.join(timeout=15)
        self._close_listener()
        self.engine.close()
        self._wake_r.close()
        self._wake_w.close()

    def wake(self) -> None:
        """Run a cycle now (after a local write, or when the operator asks)."""
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass

    def subscribe(self, callback: Callable[[SyncStatus], None]) -> Callable[[], None]:
        return self._subscribers.subscribe(callback)

    @property
    def status(self) -> SyncStatus:
        return self._status

    # --- the loop --------------------------------------------------------------------------

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                self._ensure_listener()
                self.engine.sync_once(progress=self._progress)
                self.cycles += 1
                self._publish(link="up", last_success=time.time(), snapshot_done=0, snapshot_total=0,
                              message="")
                backoff = 0.5
                self._wait(self.interval_s)
            except (LinkDown, SchemaMismatch, *CONNECTION_ERRORS) as exc:
                self._close_listener()
                self.engine.close()
                self._publish(link="down", message=str(exc).strip().splitlines()[0] if str(exc).strip() else "")
                self._wait(backoff)
                backoff = min(backoff * 2, self.max_backoff_s)
            except Exception as exc:  # keep the loop alive; the operator sees the message
                log.exception("sync cycle failed")
                self._publish(message=f"{type(exc).__name__}: {exc}")
                self._wait(backoff)
                backoff = min(backoff * 2, self.max_backoff_s)

    def _ensure_listener(self) -> None:
        if self._listener is None or self._listener.closed:
            conn = self._connect_listener()
            conn.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
            with conn.cursor() as cur:
                cur.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._listener = conn

    def _close_listener(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            except psycopg2.Error:
                pass
            self._listener = None

    def _wait(self, timeout: float) -> None:
        """Sleep until a notification, a wake-up or the timeout, whichever comes first."""
        with selectors.DefaultSelector() as selector:
            selector.register(self._wake_r, selectors.EVENT_READ)
            if self._listener is not None:
                selector.register(self._listener, selectors.EVENT_READ)
            events = selector.select(timeout)
        for key, _ in events:
            if key.fileobj is self._wake_r:
                try:
                    while self._wake_r.recv(4096):
                        pass
                except (BlockingIOError, OSError):
                    pass
            else:
                try:
                    self._listener.poll()
                    self._listener.notifies.clear()
                except CONNECTION_ERRORS:
                    self._close_listener()

    def _progress(self, done: int, total: int) -> None:
        self._publish(snapshot_done=done, snapshot_total=total)

    def _publish(self, **changes) -> None:
        store = self.engine.store
        self._status = replace(self._status, pending=store.pending_count(),
                               conflicts=len(store.open_conflicts()), rejected=len(store.rejected()), **changes)
        self._subscribers.notify(self._status)
