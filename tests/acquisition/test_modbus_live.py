"""Modbus against real servers built in the test: data types, word orders and scaling;
exception responses; a peer answering garbage; each coming back."""
from __future__ import annotations

import asyncio
import threading

import pytest
from pymodbus.constants import ExcCodes
from pymodbus.server import ModbusTcpServer
from pymodbus.simulator import DataType, SimData, SimDevice

from drivers.acq_config import AcquisitionConfig
from domain.values import Quality
from drivers.modbus_codec import encode
from drivers.runtime import AcquisitionRuntime
from drivers.simulator.ports import free_port
from tests.support.field import Collected, wait_until

POINTS = [  # (tag suffix, address, type, order, value written, scale)
    ("i16", 0, "int16", "ABCD", -1234, None),
    ("u16", 1, "uint16", "BADC", 4000, ((0, 4000), (0, 40))),  # raw 0..4000 → 0..40 m
    ("i32", 2, "int32", "CDAB", -70000, None),
    ("u32", 4, "uint32", "DCBA", 3_000_000, None),
    ("f32", 6, "float32", "CDAB", 12.25, None),
    ("f64", 8, "float64", "DCBA", -3.5, None),
]


class ThreadedServer:
    """A real server on its own loop/thread, so the test thread stays free to wait."""

    def __init__(self, factory):
        self.loop = asyncio.new_event_loop()
        self.factory = factory
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.server = None

    def start(self):
        self.server = asyncio.run_coroutine_threadsafe(self.factory(), self.loop).result(10)

    def stop(self):
        asyncio.run_coroutine_threadsafe(self.server.shutdown(), self.loop).result(10)

    def close(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def _registers():
    registers = [0] * 16
    for _, address, data_type, order, value, _ in POINTS:
        words = encode(value, data_type, order)
        registers[address:address + len(words)] = words
    return registers


def _config(port):
    tags = []
    for suffix, address, data_type, order, _, scale in POINTS:
        tag = {"id": f"TP13028301.{suffix}", "device": "dev", "quantity": suffix, "name": suffix,
               "span": [-1e7, 1e7], "primary": f"hr/{address}?type={data_type}&order={order}"}
        if scale:
            tag |= {"scale_raw": list(scale[0]), "scale_eng": list(scale[1]), "span": [0, 40]}
        tags.append(tag)
    return AcquisitionConfig.model_validate({
        "publish_interval_ms": 100,
        "site": [{"code": "TP13028301", "name": "测试", "kind": "tailings_pond", "division": "130283",
                  "lon": 118.7, "lat": 40.0}],
        "device": [{"name": "dev", "site": "TP13028301", "primary": f"modbus://127.0.0.1:{port}/1"}],
        "endpoint": [{"url": f"modbus://127.0.0.1:{port}/1", "timeout_s": 0.5, "retries": 0,
                      "reconnect_max_s": 1.0}],
        "tag": tags})


@pytest.fixture()
def modbus_device():
    port = free_port()
    state = {"exception": None}

    async def action(function_code, start_address, address, count, registers, values):
        return state["exception"]

    async def make():
        device = SimDevice(id=1, simdata=[SimData(0, values=_registers(), datatype=DataType.REGISTERS)],
                           action=action)
        server = ModbusTcpServer(device, address=("127.0.0.1", port))
        await server.listen()
        return server

    server = ThreadedServer(make)
    server.start()
    yield port, state, server
    server.stop()
    server.close()


def test_types_orders_scaling_then_exceptions_garbage_and_recovery(modbus_device):
    port, state, server = modbus_device
    collected = Collected()
    runtime = AcquisitionRuntime(_config(port).to_plan(), collected, seed=3)
    runtime.start()
    try:
        wait_until(lambda: collected.all("TP", lambda v: v.quality is Quality.GOOD, expected=6), 20, "6 GOOD")
        values = {v.tag.split(".")[1]: v.value for v in collected.snapshot()}
        assert values == {"i16": -1234, "u16": 40.0, "i32": -70000, "u32": 3_000_000, "f32": 12.25, "f64": -3.5}

        state["exception"] = ExcCodes.DEVICE_FAILURE  # the device answers with exception 4
        wait_until(lambda: collected.all("TP", lambda v: v.quality is Quality.BAD_COMM, expected=6), 10,
                   "BAD_COMM on exception 4")
        state["exception"] = ExcCodes.ILLEGAL_ADDRESS  # our mistake, not the link's
        wait_until(lambda: collected.all("TP", lambda v: v.quality is Quality.BAD_CONFIG, expected=6), 10,
                   "BAD_CONFIG on exception 2")
        state["exception"] = None
        wait_until(lambda: collected.all("TP", lambda v: v.quality is Quality.GOOD, expected=6), 10, "GOOD again")

        server.stop()  # replace the device by a peer that answers garbage
        garbage = _GarbagePeer(port)
        try:
            wait_until(lambda: garbage.requests > 0 and collected.all(
                "TP", lambda v: v.quality is Quality.BAD_COMM, expected=6), 15, "BAD_COMM on garbage")
        finally:
            garbage.close()
        server.start()
        wait_until(lambda: collected.all("TP", lambda v: v.quality is Quality.GOOD, expected=6), 20,
                   "GOOD after the real device is back")
    finally:
        runtime.stop()


class _GarbagePeer:
    """Accepts Modbus TCP connections and answers every request with random bytes."""

    def __init__(self, port):
        import socket

        self.requests = 0
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        import os
        import socket

        while self.running:
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            with conn:
                conn.settimeout(0.2)
                while self.running:
                    try:
                        if not conn.recv(260):
                            break
                    except socket.timeout:
                        continue
                    except OSError:
                        break
                    self.requests += 1
                    conn.sendall(os.urandom(11))

    def close(self):
        self.running = False
        self.thread.join(5)
        self.sock.close()


COILS, DISCRETE = 0b1011, 0b0110  # pymodbus packs 16 bits per value, bit 0 first: coils 1,1,0,1; inputs 0,1,1,0


@pytest.fixture()
def bit_device():
    """A device with the four tables apart (coils, discrete inputs, holding, input registers)."""
    port = free_port()

    async def make():
        device = SimDevice(id=1, simdata=([SimData(0, values=[COILS], datatype=DataType.BITS)],
                                          [SimData(0, values=[DISCRETE], datatype=DataType.BITS)],
                                          [SimData(0, values=[0, 0], datatype=DataType.REGISTERS)],
                                          [SimData(0, values=[0, 0], datatype=DataType.REGISTERS)]))
        server = ModbusTcpServer(device, address=("127.0.0.1", port))
        await server.listen()
        return server

    server = ThreadedServer(make)
    server.start()
    yield port
    server.stop()
    server.close()


def _bit_config(port, points):
    return AcquisitionConfig.model_validate({
        "publish_interval_ms": 100,
        "site": [{"code": "TP13028301", "name": "测试", "kind": "tailings_pond", "division": "130283",
                  "lon": 118.7, "lat": 40.0}],
        "device": [{"name": "dev", "site": "TP13028301", "primary": f"modbus://127.0.0.1:{port}/1"}],
        "endpoint": [{"url": f"modbus://127.0.0.1:{port}/1", "timeout_s": 0.5, "retries": 0}],
        "tag": [{"id": f"TP13028301.{name}", "device": "dev", "quantity": name, "name": name, "span": [0, 1],
                 "primary": f"{address}?type=bool"} for name, address in points]})


def test_coils_and_discrete_inputs_read_write_and_bad_address(bit_device):
    from pymodbus.client import ModbusTcpClient

    from drivers.probe import ProbeError, read_once

    port = bit_device
    points = [(f"co{n}", f"co/{n}") for n in range(4)] + [(f"di{n}", f"di/{n}") for n in range(4)]
    collected = Collected()
    runtime = AcquisitionRuntime(_bit_config(port, points).to_plan(), collected, seed=4)
    runtime.start()
    try:
        wait_until(lambda: collected.all("TP", lambda v: v.quality is Quality.GOOD, expected=8), 20, "8 GOOD")
        values = {v.tag.split(".")[1]: v.value for v in collected.snapshot()}
        assert values == {"co0": 1, "co1": 1, "co2": 0, "co3": 1, "di0": 0, "di1": 1, "di2": 1, "di3": 0}

        writer = ModbusTcpClient("127.0.0.1", port=port)  # an operator panel switching coil 2 on
        assert writer.connect()
        try:
            assert not writer.write_coil(2, True, device_id=1).isError()
        finally:
            writer.close()
        wait_until(lambda: collected.latest["TP13028301.co2"].value == 1.0, 10, "coil 2 read as on")
    finally:
        runtime.stop()

    base = f"modbus://127.0.0.1:{port}/1"
    assert asyncio.run(read_once(f"{base}/di/2")).value == 1.0  # the probe reads the tables too
    assert asyncio.run(read_once(f"{base}/co/2")).value == 1.0
    with pytest.raises(ProbeError, match="Modbus exception 2"):
        asyncio.run(read_once(f"{base}/di/40"))  # beyond the device's inputs
