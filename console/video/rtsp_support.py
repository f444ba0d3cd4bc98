"""Can this libvlc open `rtsp://` itself, or must the stream be relayed through ffmpeg?

Debian's libvlc 3.0.x is built without live555, so it cannot open `rtsp://` at all
("unable to open the MRL"); the official Windows and macOS VLC builds carry it. The check
looks, at run time, for the live555 access module in the plugin folder the loaded libvlc
actually uses. Qt-free.
"""
from __future__ import annotations

import functools
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

LIVE555_MODULE = "liblive555_plugin"


@dataclass(frozen=True)
class RtspSupport:
    libvlc_version: str
    plugin_dir: Path | None
    libvlc_has_rtsp: bool
    ffmpeg: str | None

    @property
    def route(self) -> str:
        """"direct" when libvlc plays RTSP itself, "relay" through ffmpeg, "none" if neither."""
        if self.libvlc_has_rtsp:
            return "direct"
        return "relay" if self.ffmpeg else "none"

    def describe(self) -> str:
        where = self.plugin_dir or "plugin folder not found"
        if self.libvlc_has_rtsp:
            return f"libvlc {self.libvlc_version} plays rtsp:// itself (live555 in {where})"
        relay = f"relayed through {self.ffmpeg}" if self.ffmpeg else "and ffmpeg is missing: RTSP cannot play"
        return f"libvlc {self.libvlc_version} has no RTSP (no live555 in {where}); {relay}"


def plugin_dir() -> Path | None:
    """The plugin folder of the libvlc this process loaded."""
    import vlc

    candidates = [os.environ.get("VLC_PLUGIN_PATH"), getattr(vlc, "plugin_path", None)]
    candidates += [str(Path(lib).parent / "vlc" / "plugins") for lib in _loaded_libvlccore()]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def _loaded_libvlccore() -> list[str]:
    """Paths of libvlccore mapped into this process (Linux: /proc/self/maps)."""
    maps = Path("/proc/self/maps")
    if not sys.platform.startswith("linux") or not maps.exists():
        return []
    return sorted({line.split()[-1] for line in maps.read_text().splitlines() if "libvlccore" in line})


@functools.lru_cache(maxsize=1)
def detect() -> RtspSupport:
    import vlc

    folder = plugin_dir()
    has_rtsp = bool(folder and any(folder.rglob(f"{LIVE555_MODULE}*")))
    version = vlc.libvlc_get_version().decode(errors="replace")
    return RtspSupport(version, folder, has_rtsp, shutil.which("ffmpeg"))
