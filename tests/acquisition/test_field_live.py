"""The runtime against the simulator's real servers in subprocesses: kill, SIGSTOP, recovery,
failover and return to primary; and the device-offline incident in-process."""
from __future__ import annotations

import pytest

from domain.values import Quality, SourcePath
from drivers.runtime import AcquisitionRuntime
from drivers.simulator.catalogue import build_catalogue, subset
from drivers.simulator.ports import SimulatorPorts, free_port, free_port_range
from drivers.simulator.servers import SiteSimulator
from drivers.simulator.plan import simulator_config
from drivers.simulator.process import SimulatorProcess
from tests.support.field import Collected, wait_until

SEED = 11
P, S = SourcePath.PRIMARY, SourcePath.SECONDARY


def _good_on(path):
    return lambda v: v.quality is Quality.GOOD and v.path is path


@pytest.fixture(scope="module")
def field(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    catalogue = subset(build_catalogue(SEED), 2)
    ports = SimulatorPorts(free_port(), free_port_range(2))
    common = ["--sites", "2", "--seed", str(SEED), "--opcua-port", str(ports.opcua),
              "--modbus-base-port", str(ports.modbus_base)]
    opcua = SimulatorProcess(common + ["--only", "opcua"], home)
    modbus = SimulatorProcess(common + ["--only", "modbus"], home)
    opcua.launch()
    modbus.launch()
    try:
        opcua.wait_ready()
        modbus.wait_ready()
        yield catalogue, ports, opcua, modbus
    finally:
        opcua.kill()
        modbus.kill()


@pytest.fixture()
def running(field):
    catalogue, ports, opcua, modbus = field
    config = simulator_config(catalogue, ports, publish_interval_ms=100, return_after_s=2.0)
    collected = Collected()
    runtime = AcquisitionRuntime(config.to_plan(), collected, seed=1)
    runtime.start()
    pond, plant = (code for code in catalogue.sites)
    try:
        wait_until(lambda: collected.all(pond, _good_on(P)) and collected.all(plant, _good_on(P)), 40,
                   "all 40 tags GOOD on their primary path")
        yield collected, runtime, pond, plant, opcua, modbus
    finally:
        runtime.stop()


def test_server_killed_fails_over_and_returns_to_primary_when_back(running):
    collected, runtime, pond, plant, opcua, modbus = running
    assert pond.startswith("TP") and plant.startswith("HC")
    opcua.kill()  # the pond's primary (OPC UA) dies
    wait_until(lambda: collected.all(pond, _good_on(S)), 20, "pond tags GOOD via the Modbus secondary")
    # both sites are degraded now: the pond runs on its secondary, the plant has lost its standby
    assert runtime.active_path(pond) is S and runtime.link_summary().degraded == 2
    assert collected.all(plant, _good_on(P))  # the other site never noticed
    opcua.start()
    wait_until(lambda: collected.all(pond, _good_on(P)), 40, "pond back on its primary")
    assert [(device, path) for _, device, path in runtime.switches] == [(pond, S), (pond, P)]


def test_server_hung_fails_over_and_returns(running):
    collected, runtime, pond, plant, opcua, modbus = running
    modbus.hang()  # SIGSTOP: TCP still accepts, nothing answers
    try:
        wait_until(lambda: collected.all(plant, _good_on(S)), 20, "plant tags GOOD via the OPC UA secondary")
    finally:
        modbus.resume()
    wait_until(lambda: collected.all(plant, _good_on(P)), 30, "plant back on Modbus")


def test_without_a_secondary_quality_goes_bad_and_recovers(field):
    catalogue, ports, opcua, modbus = field
    config = simulator_config(catalogue, ports, publish_interval_ms=100, with_secondary=False)
    collected = Collected()
    runtime = AcquisitionRuntime(config.to_plan(), collected, seed=2)
    runtime.start()
    plant = list(catalogue.sites)[1]
    try:
        wait_until(lambda: collected.all(plant, _good_on(P)), 40, "plant GOOD")
        modbus.kill()
        wait_until(lambda: collected.all(plant, lambda v: v.quality is Quality.BAD_COMM), 10, "plant BAD_COMM")
        wait_until(lambda: runtime.link_summary().down == 1, 10, "field link down for the plant")
        modbus.start()
        wait_until(lambda: collected.all(plant, _good_on(P)), 30, "plant GOOD again")
    finally:
        runtime.stop()


def test_device_offline_incident_is_bad_on_both_protocols_then_recovers():
    catalogue = subset(build_catalogue(SEED), 2)
    ports = SimulatorPorts(free_port(), free_port_range(2))
    simulator = SiteSimulator(catalogue, SEED, ports)
    simulator.start()
    collected = Collected()
    runtime = AcquisitionRuntime(simulator_config(catalogue, ports, publish_interval_ms=100,
                                                  with_secondary=False).to_plan(), collected)
    runtime.start()
    pond, plant = list(catalogue.sites)
    try:
        wait_until(lambda: collected.all("", _good_on(P), expected=40), 40, "all GOOD")
        for site in (pond, plant):  # OPC UA BadNoCommunication, Modbus exception 0x0B
            simulator.trigger("offline", site, duration=0.1, hold=3.0)
        wait_until(lambda: collected.all("", lambda v: v.quality is Quality.BAD_COMM, expected=40), 10,
                   "both sites BAD_COMM")
        wait_until(lambda: collected.all("", _good_on(P), expected=40), 20, "both sites GOOD again")
    finally:
        runtime.stop()
        simulator.stop()


def _probe(field, tmp_path, *args):
    """`duty-console probe ARGS` against the field's points (restarted if a test killed them)."""
    import subprocess
    import sys

    from drivers.simulator.process import ROOT

    _servers_up(field)
    env = {"DUTY_CONSOLE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "console", "probe", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def _servers_up(field) -> None:
    """Restart the field's servers if a test killed them."""
    for server in field[2:]:
        if server.proc.poll() is not None:
            server.start()


def _good_points(field):
    catalogue, ports, _, _ = field
    pond = next(iter(catalogue.sites))
    return [f"{ports.opcua_url}#ns=2;s={pond}.pond_level",
            f"modbus://127.0.0.1:{ports.modbus_base + 1}/1/hr/20?type=float32&order=ABCD"]


def test_probe_prints_points_and_fails_with_a_reason(field, tmp_path):
    ports = field[1]
    good = _good_points(field)
    result = _probe(field, tmp_path, *good)
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines()]
    assert [line[0] for line in lines] == good and all(line[3] == "GOOD" for line in lines)
    assert 0 < float(lines[0][1]) < 40
    bad = _probe(field, tmp_path, f"modbus://127.0.0.1:{ports.modbus_base}/1/hr/500")
    assert bad.returncode == 1 and "Modbus exception 2 (BAD_CONFIG)" in bad.stderr


def test_probe_of_a_missing_node_exits_1_with_one_line(field, tmp_path):
    ports = field[1]
    result = _probe(field, tmp_path, f"{ports.opcua_url}#ns=2;s=NoSuchSite.pond_level")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"duty-console probe: {ports.opcua_url}#ns=2;s=NoSuchSite.pond_level: no such node on the server "
        "(BadNodeIdUnknown)"]


@pytest.mark.parametrize(("url", "words"), [
    ("opc.tcp://127.0.0.1:4840/x#ns=2;s=", "not an OPC UA node id"),
    ("opc.tcp://127.0.0.1:4840/x#pond_level", "not an OPC UA node id"),
    ("opc.tcp://127.0.0.1:70000/x#i=85", "port must be a number 1..65535, got '70000'"),
    ("modbus://127.0.0.1:port/1/hr/1", "port must be a number 1..65535, got 'port'"),
])
def test_probe_of_a_malformed_address_exits_2_with_one_line(tmp_path, url, words):
    import subprocess
    import sys

    from drivers.simulator.process import ROOT

    env = {"DUTY_CONSOLE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "console", "probe", url], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and words in lines[0] and "Traceback" not in result.stderr


def test_hung_opcua_server_resumes_the_same_session_and_subscription(field):
    """SIGSTOP: tags go BAD_COMM once keep-alives stop; after SIGCONT the kept session answers
    again and every tag is GOOD without a new session (nothing re-created on the server)."""
    catalogue, ports, opcua, modbus = field
    config = simulator_config(catalogue, ports, publish_interval_ms=100, with_secondary=False, primary="opcua")
    collected = Collected()
    runtime = AcquisitionRuntime(config.to_plan(), collected, seed=3)
    runtime.start()
    try:
        wait_until(lambda: collected.all("", _good_on(P), expected=40), 40, "all GOOD over OPC UA")
        sessions = runtime.opcua_sessions()
        opcua.hang()
        try:
            wait_until(lambda: collected.all("", lambda v: v.quality is Quality.BAD_COMM, expected=40), 10,
                       "all BAD_COMM while the server is stopped")
        finally:
            opcua.resume()
        wait_until(lambda: collected.all("", _good_on(P), expected=40), 10, "all GOOD after SIGCONT")
        assert runtime.opcua_sessions() == sessions
    finally:
        runtime.stop()


def test_probe_watch_subscribes_opcua_and_polls_modbus_printing_changes(field, tmp_path):
    urls = _good_points(field)
    result = _probe(field, tmp_path, "--watch", "--interval", "0.5", "--count", "6", *urls)
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines()]
    assert len(lines) == 6 and all(line[3] == "GOOD" for line in lines)
    for url in urls:  # both points printed, and consecutive lines of one point differ (changes only)
        values = [line[1] for line in lines if line[0] == url]
        assert values and all(a != b for a, b in zip(values, values[1:]))


def test_a_reader_that_fails_ends_the_watch_with_its_error_instead_of_going_silent(field):
    import asyncio

    from drivers.probe import ProbeError, watch

    _servers_up(field)
    shown = []

    def emit(reading):  # the output fails after the first line (a closed terminal, say)
        shown.append(reading)
        raise RuntimeError("output closed")

    with pytest.raises(ProbeError, match="watch stopped: RuntimeError: output closed"):
        asyncio.run(asyncio.wait_for(watch(_good_points(field), 0.5, emit, count=6), 30))
    assert shown
