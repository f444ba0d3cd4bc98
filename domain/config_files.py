"""Reading a TOML file into a pydantic model, with every problem as one line. Qt-free.

Shared by the node config (`console.config`) and the field files (`drivers.acq_config`):
a problem becomes one `ConfigError` line naming the file, the key (and its line when it
can be found) and what is wrong, so nothing starts half-configured.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ValidationError


class ConfigError(Exception):
    """A configuration problem, already phrased for the administrator."""


def load_toml_model(path: Path, model: type[BaseModel], what: str):
    """Read a TOML file into a pydantic model; any problem is one `ConfigError` line."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: {what} not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text (byte {exc.object[exc.start]:#04x}); "
                          "save the file as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what}: {exc.strerror}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_describe(path, text, exc)) from None


def _describe(path: Path, text: str, exc: ValidationError) -> str:
    """One line for the first error: `file:line: key: message`."""
    error = exc.errors()[0]
    loc = [str(part) for part in error["loc"] if not str(part).startswith("function-")]
    key = ".".join(loc) or "(top level)"
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown key"
    message = message.removeprefix("Value error, ")
    line = _line_of(text, loc)
    where = f"{path}:{line}" if line else str(path)
    return f"{where}: {key}: {message}"


def _line_of(text: str, loc: list[str]) -> int | None:
    """Best-effort line number of `loc` in the TOML text (tomllib keeps no positions)."""
    if not loc:
        return None
    section, key = ".".join(loc[:-1]), loc[-1]
    in_section = section == ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[+\s*([^\]]+?)\s*\]+", stripped)
        if header:
            in_section = header.group(1) == section
            if in_section and not key:
                return number
            continue
        if in_section and re.match(rf"^{re.escape(key)}\s*=", stripped):
            return number
    return None
