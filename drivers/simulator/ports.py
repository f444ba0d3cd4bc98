"""The simulator's loopback ports: chosen free before its servers start, so a console can build
the plan that reads them while the servers come up. Imports nothing heavy."""
from __future__ import annotations

import random
import socket
from dataclasses import dataclass

OPCUA_PATH = "/hebei/simulator"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_port_range(count: int) -> int:
    """First port of `count` consecutive free loopback ports.

    Searched below the kernel's ephemeral range (32768+), where outgoing connections and
    their TIME_WAIT leftovers would make long runs of free ports rare.
    """
    rng = random.Random()
    for _ in range(200):
        base = rng.randrange(10_000, 32_000 - count)
        sockets = []
        try:
            for port in range(base, base + count):
                s = socket.socket()
                sockets.append(s)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers bind
                s.bind(("127.0.0.1", port))
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
        return base
    raise RuntimeError(f"no {count} consecutive free ports on 127.0.0.1")


@dataclass
class SimulatorPorts:
    opcua: int
    modbus_base: int

    @property
    def opcua_url(self) -> str:
        return f"opc.tcp://127.0.0.1:{self.opcua}{OPCUA_PATH}"
