"""Passwords of cameras that come from the backend, resolved on the node only. Qt-free.

A replicated `camera` row names a `credential_ref`, never a password (the row is on every
node of the jurisdiction and on the server). Each node resolves the reference from
`$DUTY_CAMERA_SECRET_<REF>` (REF upper-cased, other characters as `_`) or from its
`video.camera_secrets_file`, a TOML file of `ref = "password"` lines that only its owner may
read — the rule `server_link.credentials` applies to the database password.
"""
from __future__ import annotations

import logging
import os
import re
import stat
import tomllib
from pathlib import Path

log = logging.getLogger(__name__)
ENV_PREFIX = "DUTY_CAMERA_SECRET_"


class SecretsError(ValueError):
    """The secrets file cannot be used; the message names the file, never a secret."""


def env_name(ref: str) -> str:
    return ENV_PREFIX + re.sub(r"[^A-Z0-9]", "_", ref.upper())


def read_secrets_file(path: Path) -> dict[str, str]:
    if not path.is_file():
        raise SecretsError(f"video.camera_secrets_file: {path} not found")
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SecretsError(f"video.camera_secrets_file: {path} is readable by others; chmod 600 it")
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # its message gives line and column, not the text
        raise SecretsError(f"video.camera_secrets_file: {path} is not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise SecretsError(f"video.camera_secrets_file: {path} is not UTF-8 text; save it as UTF-8") from None
    return {str(ref): str(value) for ref, value in table.items() if not isinstance(value, dict)}


def camera_password(ref: str, secrets_file: Path | None) -> str | None:
    """The password for `ref`, or None (with a warning saying why) when the node has none."""
    value = os.environ.get(env_name(ref))
    if value is not None:
        return value
    if secrets_file is None:
        log.warning("camera credential %r: no %s and no video.camera_secrets_file", ref, env_name(ref))
        return None
    try:
        secrets = read_secrets_file(secrets_file)
    except SecretsError as exc:
        log.warning("camera credential %r: %s", ref, exc)
        return None
    if ref not in secrets:
        log.warning("camera credential %r is not in %s", ref, secrets_file)
    return secrets.get(ref)
