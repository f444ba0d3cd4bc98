"""Point python-vlc and the RTSP relay at what the bundle carries, before they load.

Only the frozen bundle calls this (installer/entry.py): a source checkout uses the host's
libvlc and ffmpeg.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def use_bundled_programs(base: Path) -> None:
    vlc_dir = base / "vlc"
    library = vlc_dir / ("libvlc.dll" if sys.platform.startswith("win") else "libvlc.so.5")
    if library.is_file():
        os.environ["PYTHON_VLC_LIB_PATH"] = str(library)
        os.environ["PYTHON_VLC_MODULE_PATH"] = str(vlc_dir / "plugins")
        os.environ["VLC_PLUGIN_PATH"] = str(vlc_dir / "plugins")
    ffmpeg_dir = base / "ffmpeg"
    if ffmpeg_dir.is_dir():
        os.environ["PATH"] = os.pathsep.join([str(ffmpeg_dir), os.environ.get("PATH", "")])
