"""A county console (acquisition, freshness guard, tag bus, alarm service and journal; no window)
against the simulator as a real `duty-console simulate` child, killed (SIGKILL) or hung
(SIGSTOP/SIGCONT) while it runs. Sampled every 100 ms, the console must never lie:

- every tag that is bad (BAD_COMM / UNCERTAIN_STALE) has an active communication alarm,
  allowing only the condition's on-delay and one engine tick after the bus turned bad;
- no value older than its stale limit is shown GOOD (allowing one freshness sweep);
- the journal has no clear dated before its raise, and no clear while the field is dead.

Also: a county node given the province-wide acquisition file connects only to its own sites.
"""
from __future__ import annotations

import time

import psutil
import pytest

from console.startup import run_now
from console.services.acquisition_bridge import start_acquisition
from console.alarms.conditions import COMM_FAILED
from console.config import AlarmsSection, FieldSection, NodeConfig, NodeSection
from console.context import AppContext
from console.freshness import SWEEP_S
from drivers.acq_config import load_acquisition_config
from drivers.address import ModbusEndpoint
from domain.values import Quality
from drivers.simulator.process import SimulatorProcess
from drivers.simulator.ports import free_port, free_port_range
from console.services.alarm_runtime import TICK_MS, start_alarm_service

COUNTY = "130121"  # 4 of the simulator's first 6 sites (tailings ponds); the other 2 are in 130109
SITES = 6
OWN_SITES = 4
ALARM_LAG_S = 1.0 + TICK_MS / 1000 + 0.5  # COMM on-delay (one scan period) + one engine tick + GUI latency
AGE_SLACK_S = SWEEP_S + 0.75  # one freshness sweep + GUI latency on a loaded machine
SAMPLE_MS = 100


@pytest.fixture()
def simulator(tmp_path):
    acq = tmp_path / "acq.toml"
    opcua, modbus = free_port(), free_port_range(SITES)
    sim = SimulatorProcess(["--sites", str(SITES), "--opcua-port", str(opcua), "--modbus-base-port", str(modbus),
                            "--write-config", str(acq)], tmp_path / "sim").start()
    try:
        yield sim, acq, opcua, modbus
    finally:
        sim.kill()


@pytest.fixture()
def county(qtbot, simulator):
    sim, acq, opcua, modbus = simulator
    config = NodeConfig(node=NodeSection(division=COUNTY), field=FieldSection(sites_file=acq),
                        alarms=AlarmsSection(startup_grace_s=0))
    context = AppContext(config)
    stops = [run_now(start_acquisition, context), start_alarm_service(context)]
    try:
        yield Console(qtbot, context), simulator
    finally:
        for stop in reversed(stops):
            stop()


class Console:
    def __init__(self, qtbot, context: AppContext):
        self.qtbot = qtbot
        self.context = context
        self.catalogue = context.services["catalogue"]
        self.engine = context.services["alarm_engine"]
        self.journal = context.services["alarms"].journal
        self.tags = list(self.catalogue.tags)
        self._bad_since: dict[str, float] = {}
        self.samples = 0

    def all_good(self) -> bool:
        return all((v := self.context.tag_bus.latest(t)) is not None and v.quality is Quality.GOOD for t in self.tags)

    def all_bad(self) -> bool:
        return not self.not_bad()

    def not_bad(self) -> list:
        return [v for v in map(self.context.tag_bus.latest, self.tags) if v.quality not in COMM_FAILED]

    def comm_active(self, tag: str) -> bool:
        record = self.engine.record(tag, "COMM")
        return record is not None and record.active

    def settled(self) -> None:
        """All tags GOOD, the start-up grace over, no communication alarm."""
        self.qtbot.waitUntil(self.all_good, timeout=60_000)
        grace_end = self.engine.started_at + max(3 * self.catalogue.tags[t].stale_after for t in self.tags)
        self.qtbot.waitUntil(lambda: time.time() > grace_end + 1.0 and self.all_good(), timeout=60_000)
        assert not any(self.comm_active(t) for t in self.tags)

    def sample_for(self, seconds: float) -> None:
        """Check the invariants every SAMPLE_MS for `seconds` (the event loop runs in between)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.qtbot.wait(SAMPLE_MS)
            self.check()

    def check(self) -> None:
        self.samples += 1
        now, mono = time.time(), time.monotonic()
        for tag in self.tags:
            value = self.context.tag_bus.latest(tag)
            limit = self.catalogue.tags[tag].stale_after
            assert not (value.quality is Quality.GOOD and now - value.source_ts > limit + AGE_SLACK_S), \
                f"{tag} shown GOOD {now - value.source_ts:.1f} s after its source time (limit {limit} s)"
            if value.quality in COMM_FAILED:
                since = self._bad_since.setdefault(tag, mono)
                assert mono - since <= ALARM_LAG_S or self.comm_active(tag), \
                    f"{tag} {value.quality.name} for {mono - since:.1f} s without an active comm alarm"
            else:
                self._bad_since.pop(tag, None)

    def comm_events(self, since: float) -> list:
        assert self.journal.flush()
        return [e for e in self.journal.events(start=since, kinds=["raise", "clear"]) if e.condition == "COMM"]

    def assert_journal_in_order(self) -> None:
        raised = {}
        for event in self.comm_events(0.0):
            if event.kind.value == "raise":
                raised[event.occurrence_id] = event.at
            else:
                assert event.occurrence_id in raised and event.at >= raised[event.occurrence_id], \
                    f"{event.tag}: clear at {event.at} before its raise {raised.get(event.occurrence_id)}"


def test_killed_simulator_every_bad_tag_keeps_its_comm_alarm_until_the_field_returns(county):
    console, (sim, *_) = county
    console.settled()
    killed_at = time.time()
    sim.kill()  # SIGKILL: both the OPC UA primary and the Modbus standby of every pond are gone
    console.sample_for(20.0)  # through the failover to the (dead) standby and its probes
    assert console.all_bad(), console.not_bad()
    assert all(console.comm_active(t) for t in console.tags)
    assert [e for e in console.comm_events(killed_at) if e.kind.value == "clear"] == []  # nothing cleared while dead
    sim.start()
    console.qtbot.waitUntil(lambda: console.all_good() and not any(console.comm_active(t) for t in console.tags),
                            timeout=60_000)
    console.assert_journal_in_order()
    assert console.samples > 100


def test_hung_simulator_every_bad_tag_keeps_its_comm_alarm_and_recovers_after_sigcont(county):
    console, (sim, *_) = county
    console.settled()
    hung_at = time.time()
    sim.hang()  # SIGSTOP: sockets stay open, nothing answers
    try:
        console.sample_for(15.0)
        assert console.all_bad(), console.not_bad()
        assert all(console.comm_active(t) for t in console.tags)
        assert [e for e in console.comm_events(hung_at) if e.kind.value == "clear"] == []
    finally:
        sim.resume()
    console.qtbot.waitUntil(lambda: console.all_good() and not any(console.comm_active(t) for t in console.tags),
                            timeout=60_000)
    console.sample_for(3.0)  # back to GOOD values: nothing old among them
    console.assert_journal_in_order()


def test_a_county_node_connects_only_to_the_sites_of_its_jurisdiction(county):
    console, (sim, acq, opcua, modbus) = county
    province = load_acquisition_config(acq).to_plan()
    assert len(province.catalogue.sites) == SITES  # the file lists every site the simulator serves
    assert {site.division for site in console.catalogue.sites.values()} == {COUNTY}
    assert len(console.catalogue.sites) == OWN_SITES and len(console.tags) == 20 * OWN_SITES
    runtime = console.context.services["acquisition"]
    # every path of every own device answered (the Modbus standbys are probed every 10 s)
    console.qtbot.waitUntil(lambda: console.all_good() and runtime.link_summary().up == OWN_SITES, timeout=60_000)
    # the connections this process holds to the simulator: its own sites' Modbus servers, one OPC UA server
    peers = {c.raddr.port for c in psutil.Process().net_connections(kind="tcp")
             if c.raddr and c.raddr.ip == "127.0.0.1" and c.status == psutil.CONN_ESTABLISHED}
    ports_of = {code: {e.port for e in (d.primary, d.secondary) if isinstance(e, ModbusEndpoint)}
                for code, d in province.devices.items()}
    own = set().union(*(ports for code, ports in ports_of.items() if code in console.catalogue.sites))
    others = set().union(*(ports for code, ports in ports_of.items() if code not in console.catalogue.sites))
    assert len(own) == OWN_SITES and own <= peers and not others & peers
    assert len(runtime.opcua_sessions()) == 1 and opcua in peers
