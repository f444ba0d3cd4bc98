"""Build the backend DSN without ever keeping a password in the config file.

The password comes from the environment variable or the user-only file the config names.
A password file readable by group or others is refused, like ssh does with keys.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Protocol

import psycopg2.extensions

from domain.config_files import ConfigError


class BackendSettings(Protocol):
    """What a DSN is built from; the node config's `[backend]` section is one."""

    host: str
    port: int
    dbname: str
    user: str | None
    sslmode: str
    sslrootcert: Path | None
    password_env: str | None
    password_file: Path | None


def read_password(backend: BackendSettings) -> str | None:
    if backend.password_env:
        value = os.environ.get(backend.password_env)
        if value is None:
            raise ConfigError(f"backend.password_env: environment variable {backend.password_env} is not set")
        return value
    if backend.password_file:
        path = backend.password_file
        if not path.is_file():
            raise ConfigError(f"backend.password_file: {path} not found")
        if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(f"backend.password_file: {path} is readable by others; chmod 600 it")
        try:
            return path.read_text(encoding="utf-8").strip()
        except UnicodeDecodeError:
            raise ConfigError(f"backend.password_file: {path} is not UTF-8 text; save it as UTF-8") from None
    return None


def backend_dsn(backend: BackendSettings) -> str:
    params = {"host": backend.host, "port": backend.port, "dbname": backend.dbname, "sslmode": backend.sslmode}
    if backend.user:
        params["user"] = backend.user
    if backend.sslrootcert:
        params["sslrootcert"] = str(backend.sslrootcert)
    password = read_password(backend)
    if password is not None:
        params["password"] = password
    return psycopg2.extensions.make_dsn(**params)
