"""`duty-console simulate`: run the site simulator's OPC UA and Modbus servers in the foreground."""
from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import threading
from pathlib import Path

from console.config import NodeConfig


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "simulate", help="serve the simulated sites over OPC UA and Modbus TCP on 127.0.0.1",
        description="Real OPC UA and Modbus TCP servers on 127.0.0.1 for the 194 tailings ponds and 86 "
                    "hazardous-chemical sources (deterministic from the seed). Ctrl-C stops.")
    parser.add_argument("--seed", type=int, help="catalogue and behaviour seed (default: config field.simulator_seed)")
    parser.add_argument("--sites", type=int, default=280, help="serve only the first N sites (default 280)")
    parser.add_argument("--opcua-port", type=int, default=0, help="OPC UA port (default: a free one)")
    parser.add_argument("--modbus-base-port", type=int, default=0,
                        help="first Modbus port; site i listens on base+i (default: a free range)")
    parser.add_argument("--only", choices=("opcua", "modbus"), help="serve one protocol only")
    parser.add_argument("--write-config", type=Path, metavar="ACQ.toml",
                        help="write the acquisition config that reads this simulator")
    parser.add_argument("--no-secondary", action="store_true",
                        help="write a config with one path per site (no redundancy)")
    parser.add_argument("--return-after", type=float, default=30.0,
                        help="return-to-primary time written into that config (s)")
    parser.add_argument("--incident", action="append", default=[], metavar="KIND:SITE[:DELAY[:RAMP[:HOLD]]]",
                        help="script an incident: rainstorm, leak or offline, at SITE after DELAY s "
                             "ramping over RAMP s (default 60), lasting HOLD s more (default 600); repeatable")
    parser.add_argument("--control-stdin", action="store_true",
                        help="read `incident SPEC` lines from standard input; stop at its end "
                             "(the console's embedded simulator)")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from drivers.acq_config import dump_toml
    from drivers.simulator.catalogue import build_catalogue, subset
    from drivers.simulator.incidents import parse_incident
    from drivers.simulator.ports import SimulatorPorts, free_port, free_port_range
    from drivers.simulator.servers import SiteSimulator
    from drivers.simulator.plan import simulator_config

    seed = args.seed if args.seed is not None else config.field.simulator_seed
    if not 1 <= args.sites <= 280:
        print("duty-console simulate: --sites must be 1..280", file=sys.stderr)
        return 2
    catalogue = subset(build_catalogue(seed), args.sites)
    ports = SimulatorPorts(args.opcua_port or free_port(),
                           args.modbus_base_port or free_port_range(len(catalogue.sites)))
    protocols = (args.only,) if args.only else ("opcua", "modbus")
    simulator = SiteSimulator(catalogue, seed, ports, protocols)
    try:
        for spec in args.incident:
            simulator.trigger_spec(parse_incident(spec))
    except ValueError as exc:
        print(f"duty-console simulate: --incident {spec}: {exc}", file=sys.stderr)
        return 2
    if args.write_config:
        acq = simulator_config(catalogue, ports, return_after_s=args.return_after,
                               with_secondary=not args.no_secondary)
        args.write_config.write_text(dump_toml(acq), encoding="utf-8")
    return asyncio.run(_serve(simulator, ports, len(catalogue.sites), args.control_stdin))


async def _serve(simulator, ports, count: int, control_stdin: bool) -> int:
    task = asyncio.create_task(simulator.run())
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, task.cancel)
    if control_stdin:
        threading.Thread(target=_follow_stdin, args=(simulator, loop, task), daemon=True).start()
    while not simulator.ready.is_set() and not task.done():
        await asyncio.sleep(0.05)
    if not task.done():
        print(f"ready: {count} sites; OPC UA {ports.opcua_url}; Modbus 127.0.0.1:{ports.modbus_base}.."
              f"{ports.modbus_base + count - 1} unit 1", flush=True)
    try:
        await task
    except asyncio.CancelledError:
        pass
    return 0


def _follow_stdin(simulator, loop: asyncio.AbstractEventLoop, task: asyncio.Task) -> None:
    """`incident ID SPEC` scripts an incident, `end ID` ends it now; the end of the input (the
    console closed it, or died) stops the simulator."""
    from drivers.simulator.incidents import parse_incident

    incidents = {}
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        incident, _, spec = rest.partition(" ")
        try:
            if command == "incident":
                incidents[incident] = simulator.trigger_spec(parse_incident(spec))
            elif command == "end" and incident in incidents:
                simulator.end([incidents.pop(incident)])
            else:
                print(f"duty-console simulate: control line not understood: {line.strip()!r}", file=sys.stderr)
        except ValueError as exc:
            print(f"duty-console simulate: {line.strip()}: {exc}", file=sys.stderr)
    loop.call_soon_threadsafe(task.cancel)
