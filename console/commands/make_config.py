"""`duty-console make-config`: write a validated node config for a division.

Administrators use it to prepare the `node.toml` of a county or city node before deploying
a bundle. The candidate is written next to the target, loaded back and run through the
self-test checks that concern the config (store, backend reachable at this build's schema,
the node's role, the field file); only a candidate that passes replaces anything. Checks of
the machine itself (sound, fonts, video) belong to `self-test` on the node.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from console.config import NodeConfig, load_config
from domain.config_files import ConfigError
from resources import resource_path

CONFIG_CHECKS = ("config", "store", "backend", "sync", "field")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "make-config",
        help="write a node config (node.toml) for a division, from the installer presets",
        description="Write a node config for the given division code; it is written only if it loads "
                    "and passes the self-test checks of the config (backend reachable, schema, role, field).")
    parser.add_argument("--division", required=True, help="GB/T 2260 code of the node, e.g. 130102")
    parser.add_argument("--backend-host", help="PostgreSQL host of the shared backend (default: embedded store)")
    parser.add_argument("--port", type=int, default=5432, help="PostgreSQL port (default 5432)")
    parser.add_argument("--dbname", default="duty", help="database name (default duty)")
    parser.add_argument("--backend-user", help="PostgreSQL role of this node (default node_<division>)")
    password = parser.add_mutually_exclusive_group()
    password.add_argument("--password-env", help="environment variable holding the password (default DUTY_DB_PASSWORD)")
    password.add_argument("--password-file", type=Path, help="file holding the password, readable by its owner only")
    parser.add_argument("--sslmode", default="verify-full",
                        choices=("disable", "prefer", "require", "verify-ca", "verify-full"),
                        help="TLS to the backend (default verify-full)")
    parser.add_argument("--sslrootcert", type=Path, help="CA certificate the backend's certificate is checked against")
    parser.add_argument("--sites-file", type=Path, help="acquisition config of the node's field devices")
    parser.add_argument("--out", type=Path, required=True, help="file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing file")


def _toml(value) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(str(value), ensure_ascii=False)


def render(args: argparse.Namespace) -> str:
    preset = resource_path("presets", "node.toml.in").read_text(encoding="utf-8")
    if args.backend_host:
        lines = ['kind = "postgresql"', f"host = {_toml(args.backend_host)}", f"port = {args.port}",
                 f"dbname = {_toml(args.dbname)}", f"user = {_toml(args.backend_user or 'node_' + args.division)}"]
        if args.password_file:
            lines.append(f"password_file = {_toml(args.password_file.resolve())}")
        else:
            lines.append(f"password_env = {_toml(args.password_env or 'DUTY_DB_PASSWORD')}")
        lines.append(f"sslmode = {_toml(args.sslmode)}")
        if args.sslrootcert:
            lines.append(f"sslrootcert = {_toml(args.sslrootcert.resolve())}")
        backend = "\n".join(lines)
    else:
        backend = 'kind = "embedded"'
    field = f"sites_file = {_toml(args.sites_file.resolve())}" if args.sites_file else (
        f"simulator = {'false' if args.backend_host else 'true'}")
    return preset.format(division=args.division, backend=backend, field=field)


def config_problems(config: NodeConfig) -> list[str]:
    """The failing self-test checks of the config, one line each."""
    from console.self_test import CHECKS, run_checks

    results, _ = run_checks(config, [check for check in CHECKS if check.name in CONFIG_CHECKS])
    return [f"{check.name}: {result.detail}" for check, result in results if not result.ok and not result.warn_only]


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    if args.out.exists() and not args.force:
        print(f"duty-console: {args.out} exists; use --force to replace it", file=sys.stderr)
        return 2
    candidate = args.out.with_name(args.out.name + ".new")
    candidate.parent.mkdir(parents=True, exist_ok=True)
    candidate.write_text(render(args), encoding="utf-8")
    try:
        written = load_config(candidate)
        problems = config_problems(written)
    except ConfigError as exc:
        problems = [str(exc).replace(str(candidate), str(args.out))]
    if problems:
        candidate.unlink()
        print(f"duty-console make-config: {args.out} not written: {'; '.join(problems)}", file=sys.stderr)
        return 2
    candidate.replace(args.out)
    print(f"wrote {args.out}: node {written.node.division} ({written.node.node_level}), backend {written.backend.kind}")
    return 0
