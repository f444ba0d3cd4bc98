"""`duty-console probe URL...`: read field points once (or watch them) and print them."""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from console.config import NodeConfig


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "probe", help="read OPC UA / Modbus points once and print them",
        description="Prints 'address value unit quality source-timestamp' per point. URLs: "
                    "opc.tcp://HOST:PORT/PATH#NODEID or modbus://HOST:PORT/UNIT/TABLE/ADDRESS?type=float32&order=ABCD "
                    "(TABLE hr, ir, co, di). Exits 1 with the reason when a point cannot be read (no server, no such "
                    "node), 2 when an address is malformed.")
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument("--watch", action="store_true",
                        help="print every change: OPC UA points subscribed, Modbus points polled (Ctrl-C stops)")
    parser.add_argument("--interval", type=float, default=1.0,
                        help="watch sampling (OPC UA) or polling (Modbus) period in seconds (default 1)")
    parser.add_argument("--count", type=int, help="with --watch: stop after this many lines")
    parser.add_argument("--security", choices=("Sign", "SignAndEncrypt"), help="OPC UA Basic256Sha256 mode")
    parser.add_argument("--certificate", type=Path, help="client certificate (PEM/DER)")
    parser.add_argument("--private-key", type=Path, help="client private key (PEM)")
    parser.add_argument("--server-certificate", type=Path, help="the server certificate to pin")
    parser.add_argument("--user", help="OPC UA user name")
    parser.add_argument("--password-env", help="environment variable holding the password")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from pydantic import ValidationError

    from drivers.acq_config import EndpointSettings
    from drivers.address import AddressError, parse_point_url
    from drivers.probe import ProbeError, read_once, watch

    for url in args.urls:  # a malformed address is a usage error (2), before anything is read
        try:
            parse_point_url(url)
        except AddressError as exc:
            print(f"duty-console probe: {exc}", file=sys.stderr)
            return 2
    settings = None
    opc_urls = [u for u in args.urls if u.startswith("opc.tcp://")]
    if args.security or args.user:
        try:
            settings = EndpointSettings(
                url=opc_urls[0].split("#")[0] if opc_urls else "opc.tcp://localhost",
                security_policy="Basic256Sha256" if args.security else "None",
                security_mode=args.security or "SignAndEncrypt", certificate=args.certificate,
                private_key=args.private_key, server_certificate=args.server_certificate,
                username=args.user, password_env=args.password_env)
        except ValidationError as exc:
            print(f"duty-console probe: {exc.errors()[0]['msg'].removeprefix('Value error, ')}", file=sys.stderr)
            return 2
        if args.password_env and args.password_env not in os.environ:
            print(f"duty-console probe: environment variable {args.password_env} is not set", file=sys.stderr)
            return 2
    if args.watch:
        try:
            asyncio.run(watch(args.urls, args.interval, lambda r: print(r.line(), flush=True), args.count, settings))
        except KeyboardInterrupt:
            pass
        except ProbeError as exc:
            print(f"duty-console probe: {exc}", file=sys.stderr)
            return 2
        return 0
    failed = 0
    for url in args.urls:
        try:
            print(asyncio.run(read_once(url, settings)).line(), flush=True)
        except ProbeError as exc:
            print(f"duty-console probe: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
