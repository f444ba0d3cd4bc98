"""`duty-console make-config`: write a validated node config for a division.

Administrators use it to prepare the `node.toml` of a county or city node before deploying
a bundle. The file is validated by loading it back before it replaces anything.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.config import ConfigError, NodeConfig, load_config
from resources import resource_path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "make-config",
        help="write a node config (node.toml) for a division, from the installer presets",
        description="Write a validated node config for the given division code.",
    )
    parser.add_argument("--division", required=True, help="GB/T 2260 code of the node, e.g. 130102")
    parser.add_argument("--backend-host", help="PostgreSQL host of the shared backend (default: embedded store)")
    parser.add_argument("--backend-user", help="PostgreSQL role of this node (default node_<division>)")
    parser.add_argument("--password-env", default="DUTY_DB_PASSWORD",
                        help="environment variable holding the password (default DUTY_DB_PASSWORD)")
    parser.add_argument("--out", type=Path, required=True, help="file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def render(args: argparse.Namespace) -> str:
    preset = resource_path("presets", "node.toml.in").read_text(encoding="utf-8")
    if args.backend_host:
        backend = (f'kind = "postgresql"\nhost = "{args.backend_host}"\n'
                   f'user = "{args.backend_user or "node_" + args.division}"\n'
                   f'password_env = "{args.password_env}"\nsslmode = "verify-full"')
    else:
        backend = 'kind = "embedded"'
    return preset.format(division=args.division, backend=backend,
                         simulator="true" if not args.backend_host else "false")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    if args.out.exists() and not args.force:
        print(f"duty-console: {args.out} exists; use --force to replace it", file=sys.stderr)
        return 2
    candidate = args.out.with_name(args.out.name + ".new")
    candidate.parent.mkdir(parents=True, exist_ok=True)
    candidate.write_text(render(args), encoding="utf-8")
    try:
        written = load_config(candidate)
    except ConfigError as exc:
        candidate.unlink()
        print(f"duty-console: {str(exc).replace(str(candidate), str(args.out))}", file=sys.stderr)
        return 2
    candidate.replace(args.out)
    print(f"wrote {args.out}: node {written.node.division} ({written.node.node_level}), backend {written.backend.kind}")
    return 0
