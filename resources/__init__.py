"""Static resources shipped with the console: Hebei division data, translations, themes.

`resource_path()` finds them both in a source checkout and inside a PyInstaller bundle.
"""
from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Absolute path of a file under `resources/`, also when frozen by PyInstaller."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)
