"""`duty-console commission`: make this machine a node of the network in one command.

Asks (or takes as options) the division, the backend's host, port, database and role, the
TLS root certificate and the field sites file; keeps the password in a file readable by this
user only (a headless county PC has no OS keyring to rely on); checks that the backend knows
the role as a node of that division and is at this build's schema revision; writes the node
config next to its target, runs the first sync with it (the jurisdiction's records arrive in
the local store) and the self-test checks of the config; only then does the config replace
`node.toml`. Anything that fails leaves no config and no password file behind.
"""
from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from pathlib import Path

from console import paths
from console.config import NodeConfig
from domain.config_files import ConfigError

PASSWORD_FILE = "backend-password"


class CommissionError(Exception):
    """Why the node was not commissioned, one line."""


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "commission", help="make this machine a node: config, password, first sync, self-test",
        description="Commission this machine as the node of a division against the shared backend. "
                    "Options not given are asked for on a terminal.")
    parser.add_argument("--division", help="GB/T 2260 code of the node, e.g. 130102")
    parser.add_argument("--backend-host", help="PostgreSQL host of the shared backend")
    parser.add_argument("--port", type=int, help="PostgreSQL port (default 5432)")
    parser.add_argument("--dbname", help="database name (default duty)")
    parser.add_argument("--backend-user", help="the node's PostgreSQL role (default node_<division>)")
    parser.add_argument("--sslmode", choices=("disable", "prefer", "require", "verify-ca", "verify-full"),
                        help="TLS to the backend (default verify-full)")
    parser.add_argument("--sslrootcert", type=Path, help="CA certificate of the backend")
    parser.add_argument("--sites-file", type=Path, help="acquisition config of the node's field devices")
    parser.add_argument("--password-env", help="take the password from this environment variable (default: ask)")
    parser.add_argument("--out", type=Path, help="node config to write (default: the user config dir's node.toml)")
    parser.add_argument("--force", action="store_true", help="replace an existing node config")


def _ask(args: argparse.Namespace, name: str, prompt: str, default=None, convert=str):
    value = getattr(args, name)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        if default is not None:
            return default
        raise CommissionError(f"--{name.replace('_', '-')} is needed (no terminal to ask on)")
    answer = input(f"{prompt}{f' [{default}]' if default is not None else ''}: ").strip()
    if not answer and default is None:
        raise CommissionError(f"{prompt}: an answer is needed")
    return convert(answer) if answer else default


def _settings(args: argparse.Namespace) -> argparse.Namespace:
    """Every answer, asked for where no option gave it, in the shape `make_config.render` takes."""
    from domain.divisions import hebei

    division = _ask(args, "division", "Division code (e.g. 130102)")
    if division not in hebei():
        raise CommissionError(f"unknown division code {division!r} (not one of the 180 Hebei divisions)")
    host = _ask(args, "backend_host", "Backend host")
    port = _ask(args, "port", "Backend port", 5432, int)
    dbname = _ask(args, "dbname", "Database", "duty")
    user = _ask(args, "backend_user", "Node role", f"node_{division}")
    sslmode = _ask(args, "sslmode", "TLS mode", "verify-full")
    rootcert = _ask(args, "sslrootcert", "TLS root certificate (empty: none)", "", Path) or None
    sites = _ask(args, "sites_file", "Field sites file (empty: none)", "", Path) or None
    for what, path in (("TLS root certificate", rootcert), ("field sites file", sites)):
        if path is not None and not Path(path).is_file():
            raise CommissionError(f"{what} {path}: not found")
    return argparse.Namespace(division=division, backend_host=host, port=port, dbname=dbname,
                              backend_user=user, password_env=None, sslmode=sslmode,
                              sslrootcert=rootcert and Path(rootcert), sites_file=sites and Path(sites))


def _password(args: argparse.Namespace) -> str:
    if args.password_env:
        value = os.environ.get(args.password_env)
        if value is None:
            raise CommissionError(f"environment variable {args.password_env} is not set")
        return value
    if not sys.stdin.isatty():
        raise CommissionError("--password-env is needed (no terminal to ask the password on)")
    return getpass.getpass("Password of the node role: ")


def write_user_only(path: Path, text: str) -> None:
    """Write `text` to a file only its owner can read (0600, also when it existed)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        os.fchmod(out.fileno(), 0o600)
        out.write(text)


def _check_role_and_schema(config: NodeConfig) -> None:
    import psycopg2

    from server_link import schema_version
    from server_link.credentials import backend_dsn

    backend = config.backend
    where = f"{backend.host}:{backend.port}/{backend.dbname}"
    try:
        conn = psycopg2.connect(backend_dsn(backend), connect_timeout=10)
    except psycopg2.Error as exc:
        raise CommissionError(f"{where}: {str(exc).strip().splitlines()[0]}") from None
    with contextlib.closing(conn):
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT sync_node_division()")
                division = cur.fetchone()[0]
            revision = schema_version.postgres_revision(conn)
        except psycopg2.Error as exc:
            raise CommissionError(f"{where}: role {backend.user}: {str(exc).strip().splitlines()[0]}") from None
    if division != config.node.division:
        raise CommissionError(f"{where}: role {backend.user} is registered for {division or 'no node'}, "
                              f"not for node {config.node.division} (`duty-console sync add-node` on the backend)")
    problem = schema_version.backend_problem(revision)
    if problem:
        raise CommissionError(f"{where}: {problem}")


def commission(args: argparse.Namespace, password: str | None = None) -> str:
    """Commission the node; returns the summary line. Leaves nothing behind when it fails.

    `password`: given by the GUI's dialog; else from `--password-env` or the terminal."""
    from console.commands.make_config import config_problems, render
    from console.config import load_config
    from server_link.credentials import backend_dsn
    from console.node_sync import sync_once

    out = args.out or paths.default_config_file()
    if out.exists() and not args.force:
        raise CommissionError(f"{out} exists; use --force to replace it")
    settings = _settings(args)
    password_file = out.parent / PASSWORD_FILE
    settings.password_file = password_file
    candidate = out.with_name(out.name + ".new")
    created_password = not password_file.exists()
    try:
        write_user_only(password_file, (password if password is not None else _password(args)) + "\n")
        write_user_only(candidate, render(settings))
        config = load_config(candidate)
        _check_role_and_schema(config)
        synced = sync_once(config, backend_dsn(config.backend))
        problems = config_problems(config)
        if problems:
            raise CommissionError("; ".join(problems))
    except BaseException:
        candidate.unlink(missing_ok=True)
        if created_password:
            password_file.unlink(missing_ok=True)
        raise
    candidate.replace(out)
    return (f"node {config.node.division} ({config.node.node_level}) commissioned: {out}, password in "
            f"{password_file} (owner only); first sync: {synced}; self-test config checks pass")


def commission_outcome(args: argparse.Namespace, password: str | None = None) -> tuple[bool, str]:
    """(done, one line): the summary, or why the node was not commissioned."""
    import psycopg2

    from server_link.schema_version import SchemaMismatch

    try:
        return True, commission(args, password)
    except (CommissionError, ConfigError, SchemaMismatch) as exc:
        return False, str(exc)
    except psycopg2.Error as exc:
        return False, f"backend error: {str(exc).strip().splitlines()[0]}"


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    done, line = commission_outcome(args)
    if not done:
        print(f"duty-console commission: {line}", file=sys.stderr)
        return 2
    print(line)
    return 0
