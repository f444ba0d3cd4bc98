"""Backend first, field as fallback: the selector on a fake clock (no threads, no sleeps), and
end to end with real PostgreSQL, the real collector process, the simulator and the console's bridge."""
from __future__ import annotations

import subprocess
import sys
import time

import psycopg2.extensions
import pytest

from console.startup import run_now
from console.services.acquisition_bridge import start_acquisition
from console.config import BackendSection, FieldSection, NodeConfig
from console.context import AppContext
from console.freshness import SWEEP_S
from console.live_source import LiveSourceSelector
from domain.values import Quality, SourcePath, TagValue
from drivers.simulator.process import ROOT, SimulatorProcess
from tests.support.postgres import fresh_database

B, F = SourcePath.BACKEND, SourcePath.PRIMARY
TAG = "TP13028301.pond_level"


def _v(value, path, ts, quality=Quality.GOOD, tag=TAG):
    return TagValue(tag, value, quality, ts, ts, path)


def _paths(values):
    return [(v.value, v.path, v.quality) for v in values]


def test_fresh_backend_wins_and_field_values_are_held_back():
    sel = LiveSourceSelector(stale_after_s=3.0, return_after_s=10.0)
    assert _paths(sel.backend([_v(1.0, B, 0.0)], heartbeat_age_s=0.2, now=0.0)) == [(1.0, B, Quality.GOOD)]
    assert sel.field([_v(1.1, F, 0.5)], now=0.5) == []
    assert sel.path_of(TAG) == "backend"
    assert sel.tick(2.0) == []


def test_stale_heartbeat_hands_over_to_the_field_at_once_and_returns_only_after_the_hold():
    sel = LiveSourceSelector(stale_after_s=3.0, return_after_s=10.0)
    sel.backend([_v(1.0, B, 0.0)], heartbeat_age_s=0.0, now=0.0)
    sel.field([_v(1.1, F, 0.5)], now=0.5)
    assert sel.tick(3.0) == []  # heartbeat exactly at the edge of the window: still backend
    assert _paths(sel.tick(3.1)) == [(1.1, F, Quality.GOOD)]  # the field's latest, at the switch
    assert _paths(sel.field([_v(1.2, F, 4.0)], now=4.0)) == [(1.2, F, Quality.GOOD)]
    # the collector is back: the backend must stay usable for 10 s before the tag returns
    assert sel.backend([_v(1.3, B, 5.0)], heartbeat_age_s=0.1, now=5.0) == []
    assert sel.backend([], heartbeat_age_s=0.1, now=14.0) == []
    assert _paths(sel.field([_v(1.4, F, 14.5)], now=14.5)) == [(1.4, F, Quality.GOOD)]
    # back on the backend, whose last row (5.0) is older than the field's 14.5: not shown again as news
    assert sel.backend([], heartbeat_age_s=0.1, now=15.0) == []
    assert sel.path_of(TAG) == "backend" and sel.switches == 2
    assert _paths(sel.backend([_v(1.5, B, 15.2)], heartbeat_age_s=0.1, now=15.3)) == [(1.5, B, Quality.GOOD)]


def test_a_stuttering_collector_does_not_make_tags_flap():
    sel = LiveSourceSelector(stale_after_s=3.0, return_after_s=10.0)
    sel.backend([_v(1.0, B, 0.0)], heartbeat_age_s=0.0, now=0.0)
    sel.field([_v(1.0, F, 0.0)], now=0.0)
    sel.tick(4.0)  # stale → field
    for now in (5.0, 8.0, 11.0):  # fresh for a while, then a gap longer than the window, again and again
        sel.backend([], heartbeat_age_s=0.0, now=now)
        sel.tick(now + 3.5)
    assert sel.path_of(TAG) == "field" and sel.switches == 1


def test_per_tag_a_bad_backend_value_yields_to_a_good_field_value():
    other = "HC13010201.gas_1"
    sel = LiveSourceSelector(stale_after_s=3.0, return_after_s=1.0)
    sel.backend([_v(1.0, B, 0.0), _v(float("nan"), B, 0.0, Quality.BAD_COMM, tag=other)], heartbeat_age_s=0.0, now=0.0)
    sel.field([_v(1.0, F, 0.0), _v(7.0, F, 0.0, tag=other)], now=0.0)
    switched = sel.tick(0.5)
    assert [(v.tag, v.path) for v in switched] == [(other, F)]
    assert sel.path_of(TAG) == "backend" and sel.path_of(other) == "field"


def test_backend_gone_without_a_field_value_marks_the_last_backend_value_stale():
    sel = LiveSourceSelector(stale_after_s=3.0, return_after_s=10.0)
    sel.backend([_v(1.0, B, 0.0)], heartbeat_age_s=0.0, now=0.0)
    assert _paths(sel.backend([], heartbeat_age_s=None, now=4.0)) == [(1.0, B, Quality.UNCERTAIN_STALE)]
    assert sel.backend_share() == 0.0


def test_no_heartbeat_ever_means_field_from_the_start():
    sel = LiveSourceSelector()
    assert sel.backend([_v(1.0, B, 0.0)], heartbeat_age_s=None, now=0.0) == []
    assert _paths(sel.field([_v(2.0, F, 0.0)], now=0.0)) == [(2.0, F, Quality.GOOD)]


# -- integration: real PostgreSQL, the real collector process, the simulator, the console's bridge --

def _collector(acq, dsn, env):
    return subprocess.Popen([sys.executable, "-m", "console", "collect", "--acq", str(acq), "--dsn", dsn],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class BackendFirst:
    """A simulator child (2 sites), a collector child into a fresh database, and a backend-first console."""

    def __init__(self, tmp_path, dsn):
        self.acq = tmp_path / "acq.toml"
        self.dsn = dsn
        self.env = {"DUTY_CONSOLE_HOME": str(tmp_path / "collector-home"), "PYTHONPATH": str(ROOT),
                    "PATH": "/usr/bin:/bin"}
        self.field = SimulatorProcess(["--sites", "2", "--write-config", str(self.acq)], tmp_path / "sim").start()
        self.collector = _collector(self.acq, dsn, self.env)
        db = psycopg2.extensions.parse_dsn(dsn)
        config = NodeConfig(
            backend=BackendSection(kind="postgresql", host=db.get("host", "127.0.0.1"), port=int(db.get("port", 5432)),
                                   dbname=db["dbname"], user=db.get("user"), sslmode="disable", stale_after_s=2.0),
            field=FieldSection(sites_file=self.acq, backend_return_s=2.0))
        self.context = AppContext(config)
        self._stop = run_now(start_acquisition, self.context)
        self.catalogue = self.context.services["catalogue"]

    def values(self) -> list[TagValue]:
        return [self.context.tag_bus.latest(t) for t in self.catalogue.tags]

    def restart_collector(self) -> None:
        self.collector = _collector(self.acq, self.dsn, self.env)

    def close(self) -> None:
        self._stop()
        self.collector.kill()
        self.collector.wait(10)
        self.field.kill()


@pytest.fixture()
def backend_first(pg_server_dsn, tmp_path, duty_home):
    with fresh_database(pg_server_dsn) as dsn:
        setup = BackendFirst(tmp_path, dsn)
        try:
            yield setup
        finally:
            setup.close()


@pytest.mark.postgres
def test_backend_while_the_collector_runs_field_while_it_is_stopped_backend_again_after(qtbot, backend_first):
    def all_via(backend: bool) -> bool:
        return all(v is not None and v.quality is Quality.GOOD and (v.path is B) is backend
                   for v in backend_first.values())

    assert len(backend_first.catalogue.tags) == 40
    qtbot.waitUntil(lambda: all_via(backend=True), timeout=60_000)
    backend_first.collector.kill()  # a crash: no goodbye, the heartbeat just stops
    backend_first.collector.wait(10)
    qtbot.waitUntil(lambda: all_via(backend=False), timeout=15_000)
    assert backend_first.context.services["live_source"].backend_share() == 0.0
    backend_first.restart_collector()
    qtbot.waitUntil(lambda: all_via(backend=True), timeout=60_000)


@pytest.mark.postgres
def test_a_hung_field_is_never_shown_good_past_the_stale_limit_by_backend_or_field(qtbot, backend_first):
    """SIGSTOP of the simulator while the collector and the console both read it: whatever the
    collector writes into `field_live` and whichever path the console takes, the tag bus holds no
    GOOD value older than its stale limit (plus one freshness sweep and GUI latency)."""
    catalogue, field = backend_first.catalogue, backend_first.field

    def shown_good_too_old() -> list:
        now = time.time()
        return [v for v in backend_first.values() if v.quality is Quality.GOOD
                and now - v.source_ts > catalogue.tags[v.tag].stale_after + SWEEP_S + 0.75]

    qtbot.waitUntil(lambda: all(v is not None and v.quality is Quality.GOOD and v.path is B
                                for v in backend_first.values()), timeout=60_000)
    field.hang()
    try:
        end = time.monotonic() + 10.0
        while time.monotonic() < end:
            qtbot.wait(100)
            assert shown_good_too_old() == []
        assert all(v.quality is not Quality.GOOD for v in backend_first.values())
    finally:
        field.resume()
    qtbot.waitUntil(lambda: all(v.quality is Quality.GOOD for v in backend_first.values()), timeout=60_000)
