"""`duty-console users add|reset|list`: operator accounts of this node, for administrators.

Accounts are written to the node's local store (with their audit rows) and pushed to the
shared backend by one sync pass when the node has one. Passwords never come from the
command line: an environment variable named by `--password-env`, else a prompt (twice).
An administrator signs in first (`--admin NAME`, password from `--admin-password-env` or a
prompt); only on a store that holds no administrator yet may the first account be added
without one (the bootstrap, recorded in the audit trail under the operating-system user).
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from console.config import NodeConfig
from domain.config_files import ConfigError
from console.operators.permissions import Role


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "users", help="operator accounts of this node: add, reset a password (unlock), list",
        description="Manage the operator accounts held by this node (administrators).")
    parser.add_argument("--admin", help="username of the administrator doing this")
    parser.add_argument("--admin-password-env", help="environment variable with the administrator's password "
                                                     "(default: prompt)")
    actions = parser.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add an account")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name, e.g. 张伟")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--division", help="home division (default: this node's)")
    add.add_argument("--password-env", help="environment variable with the new password (default: prompt)")
    reset = actions.add_parser("reset", help="set a new password, clear failed attempts and unlock")
    reset.add_argument("username")
    reset.add_argument("--password-env", help="environment variable with the new password (default: prompt)")
    actions.add_parser("list", help="list the accounts this node holds")


def run(args: argparse.Namespace, config: NodeConfig) -> int:
    from console.operators.accounts import Accounts, SignInRefused
    from console.operators.permissions import PermissionDenied
    from server_link.local_store import StoreError
    from console.node_sync import open_store

    store = open_store(config)
    accounts = Accounts(store, config.operators.max_failed_attempts)
    try:
        if args.users_action == "list":
            for account in accounts.list():
                state = "locked" if account.locked else ("disabled" if not account.active else "active")
                print(f"{account.username}\t{account.display_name}\t{account.role.value}\t{account.division}\t"
                      f"{state}\tfailed={account.failed_attempts}")
            return 0
        admin = _administrator(args, accounts, store.node)
        password = _new_password(args)
        if args.users_action == "add":
            accounts.add(admin, args.username, args.name, Role(args.role), password, args.division)
            print(f"account {args.username.strip().lower()} added ({args.role})")
        else:
            accounts.reset(admin, args.username, password)
            print(f"account {args.username} reset and unlocked")
        _push(config, store)
        return 0
    except (StoreError, SignInRefused, PermissionDenied, ConfigError) as exc:
        print(f"duty-console users: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _administrator(args, accounts, node: str):
    from console.operators.permissions import Actor

    if args.admin is None:
        if any(account.role is Role.ADMINISTRATOR for account in accounts.list()):
            raise ConfigError("give --admin NAME: this node already has an administrator")
        return Actor(f"os:{getpass.getuser()}", "bootstrap", Role.ADMINISTRATOR, node)
    password = _secret(args.admin_password_env, f"password of {args.admin}: ")
    return accounts.sign_in(args.admin, password)


def _new_password(args) -> str:
    if args.password_env:
        return _secret(args.password_env, "")
    first = getpass.getpass("new password: ")
    if getpass.getpass("again: ") != first:
        raise ConfigError("the two passwords differ; nothing changed")
    return first


def _secret(env: str | None, prompt: str) -> str:
    if env:
        if env not in os.environ:
            raise ConfigError(f"environment variable {env} is not set")
        return os.environ[env]
    return getpass.getpass(prompt)


def _push(config: NodeConfig, store) -> None:
    """One sync pass so the account reaches the backend now (else the console's sync pushes it)."""
    if config.backend.kind != "postgresql":
        return
    import psycopg2

    from server_link.credentials import backend_dsn
    from server_link.sync_engine import LinkDown, SyncEngine, connect_backend

    try:
        engine = SyncEngine(store, connect_backend(backend_dsn(config.backend)), batch_size=config.sync.batch_size)
        engine.sync_once()
        engine.close()
        print("pushed to the shared backend")
    except (LinkDown, psycopg2.Error, OSError) as exc:
        print(f"not pushed yet (backend: {str(exc).strip().splitlines()[0]}); the console's sync will push it")
