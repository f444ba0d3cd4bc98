"""The simulator's real servers on 127.0.0.1: one OPC UA server, one Modbus TCP server per site.

Topology (what a province actually sees): every enterprise's gateway is a Modbus TCP
device of its own (port `modbus_base_port + site index`, unit 1, the site's 20 tags as
float32 ABCD in holding registers 0..39), and the provincial data hub is one OPC UA server
(`opc.tcp://127.0.0.1:PORT/hebei/simulator`) with a folder per site and node ids
`ns=2;s=<tag id>`. Tailings ponds are read over OPC UA with Modbus as the secondary path;
hazchem sources the other way round. `simulator_config()` writes exactly that as an
acquisition config.

One asyncio loop drives both; values are recomputed every second and only changed values
are written, spread over ten 100 ms slices to keep the load even.
"""
from __future__ import annotations

import asyncio
import logging
import threading
import time
from datetime import datetime, timezone
from dataclasses import dataclass, field

import numpy as np
from asyncua import Server, ua
from pymodbus.constants import ExcCodes
from pymodbus.server import ModbusTcpServer
from pymodbus.simulator import DataType, SimData, SimDevice

from drivers.modbus_codec import encode
from drivers.simulator.behaviour import Behaviour
from drivers.simulator.incidents import IncidentSpec
from drivers.simulator.ports import SimulatorPorts
from domain.tags import Catalogue

log = logging.getLogger(__name__)

NAMESPACE = "urn:hebei-duty:simulator"
BAD_NO_COMMUNICATION = 0x80310000
SLICES = 10


class _FreshDataValue(ua.DataValue):
    """A value built anew for each write and never changed afterwards, so the server may share it.

    asyncua's server deep-copies every written value once per monitored item, which at
    5,600 values/s was most of the simulator's CPU; a real field server has no such cost,
    and the simulator's own load should not stand in for the console's in the benchmark.
    """

    __slots__ = ()

    def __deepcopy__(self, memo) -> "_FreshDataValue":
        return self


@dataclass
class SiteSimulator:
    """Serves a catalogue's values on real servers; `run()` on an asyncio loop, or `start()` a thread."""

    catalogue: Catalogue
    seed: int
    ports: SimulatorPorts
    protocols: tuple[str, ...] = ("opcua", "modbus")
    behaviour: Behaviour = field(init=False)
    ready: threading.Event = field(default_factory=threading.Event)
    writes: int = 0

    def __post_init__(self) -> None:
        self.behaviour = Behaviour(self.catalogue, self.seed)
        self._values = self.behaviour.values(time.time())
        self._site_tags = {code: [self.behaviour.index[t.id] for t in self.catalogue.tags_of(code)]
                           for code in self.catalogue.sites}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._task: asyncio.Task | None = None

    # -- incidents (thread-safe) ---------------------------------------------------------

    def trigger(self, kind: str, site: str, delay: float = 0.0, duration: float = 60.0, hold: float = 600.0):
        incident = self.behaviour.trigger(kind, site, time.time() + delay, duration, hold)
        log.info("incident %s at %s in %.0fs (ramp %.0fs)", kind, site, delay, duration)
        return incident

    def trigger_spec(self, spec: IncidentSpec):
        return self.trigger(spec.kind, spec.site, spec.delay, spec.ramp, spec.hold)

    def end(self, incidents) -> None:
        """End these incidents now (a drill stopped before its timeline ran out)."""
        now = time.time()
        for incident in incidents:
            self.behaviour.end(incident, now)

    # -- Modbus ----------------------------------------------------------------------------

    def _modbus_action(self, code: str):
        indices = self._site_tags[code]

        async def action(function_code, start_address, address, count, registers, values):
            if code in self._offline:
                return ExcCodes.GATEWAY_NO_RESPONSE
            for number, i in enumerate(indices):
                registers[2 * number:2 * number + 2] = encode(float(self._values[i]), "float32")
            return None

        return action

    async def _start_modbus(self) -> list[ModbusTcpServer]:
        servers = []
        for index, code in enumerate(self.catalogue.sites):
            device = SimDevice(id=1, simdata=[SimData(0, count=2 * len(self._site_tags[code]) + 8,
                                                      datatype=DataType.REGISTERS)],
                               action=self._modbus_action(code))
            server = ModbusTcpServer(device, address=("127.0.0.1", self.ports.modbus_base + index))
            await server.listen()
            servers.append(server)
        return servers

    # -- OPC UA ----------------------------------------------------------------------------

    async def _start_opcua(self) -> Server:
        server = Server()
        await server.init()
        server.set_endpoint(self.ports.opcua_url)
        server.set_server_name("Hebei duty console site simulator")
        server.set_security_policy([ua.SecurityPolicyType.NoSecurity])
        ns = await server.register_namespace(NAMESPACE)
        self._nodes = []
        for code, site in self.catalogue.sites.items():
            folder = await server.nodes.objects.add_folder(ua.NodeId(code, ns), ua.QualifiedName(code, ns))
            for tag in self.catalogue.tags_of(code):
                i = self.behaviour.index[tag.id]
                node = await folder.add_variable(ua.NodeId(tag.id, ns), ua.QualifiedName(tag.quantity, ns),
                                                 float(self._values[i]), varianttype=ua.VariantType.Double)
                self._nodes.append((i, node.nodeid))
        self._nodes.sort()
        # every value once as a shareable DataValue, so monitored items created later copy nothing
        await self._write_opcua(server, np.arange(len(self._nodes)), time.time(), set())
        await server.start()
        return server

    async def _write_opcua(self, server: Server, indices: np.ndarray, now: float, offline: set[str]) -> None:
        stamp = datetime.fromtimestamp(now, timezone.utc)
        for i in indices:
            nodeid = self._nodes[i][1]
            tag = self.behaviour.tags[i]
            if tag.site in offline:
                dv = _FreshDataValue(StatusCode=ua.StatusCode(BAD_NO_COMMUNICATION), SourceTimestamp=stamp)
            else:
                dv = _FreshDataValue(ua.Variant(float(self._values[i]), ua.VariantType.Double), SourceTimestamp=stamp)
            await server.write_attribute_value(nodeid, dv)
        self.writes += len(indices)

    # -- running ---------------------------------------------------------------------------

    async def run(self) -> None:
        self._offline: set[str] = set()
        modbus = await self._start_modbus() if "modbus" in self.protocols else []
        opcua = await self._start_opcua() if "opcua" in self.protocols else None
        self.ready.set()
        log.info("simulator: %d sites, OPC UA %s, Modbus ports %d..%d", len(self.catalogue.sites),
                 self.ports.opcua_url if opcua else "off", self.ports.modbus_base,
                 self.ports.modbus_base + len(self.catalogue.sites) - 1)
        count = len(self.behaviour.tags)
        slices = [np.arange(s, count, SLICES) for s in range(SLICES)]
        site_of_offline_prev: set[str] = set()
        try:
            tick = 0
            start = time.monotonic()
            while True:
                now = time.time()
                if tick % SLICES == 0:
                    fresh = self.behaviour.values(now)
                    self._changed = fresh != self._values
                    self._values = fresh
                    self._offline = self.behaviour.offline_sites(now)
                if opcua is not None:
                    toggled = self._offline ^ site_of_offline_prev
                    part = slices[tick % SLICES]
                    mask = self._changed[part] | np.isin(self.behaviour.site_of[part], list(toggled))
                    await self._write_opcua(opcua, part[mask], now, self._offline)
                    if tick % SLICES == SLICES - 1:
                        site_of_offline_prev = set(self._offline)
                tick += 1
                await asyncio.sleep(max(0.0, start + tick * 0.1 - time.monotonic()))
        finally:
            for server in modbus:
                await server.shutdown()
            if opcua is not None:
                await opcua.stop()

    def start(self, wait: bool = True) -> None:
        """Run on a thread of its own (the embedded default); with `wait`, return once the servers listen."""
        def main() -> None:
            self._loop = asyncio.new_event_loop()
            self._task = self._loop.create_task(self.run())
            try:
                self._loop.run_until_complete(self._task)
            except asyncio.CancelledError:
                pass
            finally:
                self._loop.close()

        self._thread = threading.Thread(target=main, name="site-simulator", daemon=True)
        self._thread.start()
        if wait and not self.ready.wait(120):
            raise RuntimeError("site simulator did not start within 120 s")

    def stop(self) -> None:
        if self._loop is not None and self._task is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._task.cancel)
        if self._thread is not None:
            self._thread.join(10)
