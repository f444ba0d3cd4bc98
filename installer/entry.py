"""Entry script frozen by PyInstaller: the same `duty-console` command as the pip install."""
import sys
from pathlib import Path

from installer.runtime_env import use_bundled_programs

use_bundled_programs(Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent)))

from console.cli import main  # noqa: E402  (after the bundle's libvlc and ffmpeg are set)

raise SystemExit(main())
