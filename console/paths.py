"""Where the console keeps its files, per user and per OS (platformdirs).

`DUTY_CONSOLE_HOME` puts everything under one folder instead: used by tests, portable
installs and the PyInstaller smoke test.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "duty-console"


def _home() -> Path | None:
    value = os.environ.get("DUTY_CONSOLE_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "log" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_config_file() -> Path:
    return config_dir() / "node.toml"
