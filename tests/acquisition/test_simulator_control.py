"""The console's simulator is a child process it controls through its standard input: incidents
scripted and ended there reach the real Modbus server, and closing the input stops it."""
from __future__ import annotations

import pytest
from pymodbus.client import ModbusTcpClient

from drivers.simulator.catalogue import build_catalogue, subset
from drivers.simulator.incidents import IncidentSpec
from drivers.simulator.process import SimulatorProcess
from drivers.simulator.ports import free_port, free_port_range

SEED = 7


@pytest.fixture()
def simulator(tmp_path):
    base = free_port_range(2)
    child = SimulatorProcess(["--seed", str(SEED), "--sites", "2", "--only", "modbus", "--opcua-port",
                              str(free_port()), "--modbus-base-port", str(base)], tmp_path / "sim")
    child.start(timeout=120)
    yield child, base
    child.kill()


def _answers(port: int) -> bool:
    client = ModbusTcpClient("127.0.0.1", port=port, timeout=2)
    try:
        client.connect()
        return not client.read_holding_registers(0, count=2, device_id=1).isError()
    finally:
        client.close()


def test_an_incident_scripted_and_ended_through_the_control_input(qtbot, simulator):
    child, base = simulator
    site = next(iter(subset(build_catalogue(SEED), 2).sites))
    assert _answers(base)
    incident = child.trigger_spec(IncidentSpec("offline", site, delay=0.0, ramp=0.0, hold=600.0))
    qtbot.waitUntil(lambda: not _answers(base), timeout=15_000)
    child.end([incident])
    qtbot.waitUntil(lambda: _answers(base), timeout=15_000)


def test_closing_the_control_input_stops_the_simulator(qtbot, simulator):
    child, _ = simulator
    child.close(timeout=15)
    assert child.proc.poll() is not None
