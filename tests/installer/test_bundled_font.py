"""The bundle's CJK font is registered at start, so Chinese renders on a host with none."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from installer.bundle_extras import DEBIAN_FONT

# Runs as a frozen bundle would: resources/ found under sys._MEIPASS.
CHILD = """
import sys
sys._MEIPASS = sys.argv[1]
from PySide6.QtGui import QFontDatabase
from console.qt_runtime import ensure_application
ensure_application()
print(len(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)))
"""


def _chinese_families(base: Path, fonts_conf: Path) -> int:
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(base)], env=env, capture_output=True,
                          text=True, timeout=60, cwd=Path(__file__).resolve().parents[2], check=True)
    return int(done.stdout.strip().splitlines()[-1])


def test_bundled_font_gives_chinese_glyphs_when_the_host_has_no_font(tmp_path):
    fonts_conf = tmp_path / "fonts.conf"  # fontconfig with no font folder: the host's fonts hidden
    fonts_conf.write_text(f"<?xml version='1.0'?><fontconfig><cachedir>{tmp_path / 'cache'}</cachedir>"
                          "</fontconfig>", encoding="utf-8")
    without, with_font = tmp_path / "without", tmp_path / "with"
    (without / "resources").mkdir(parents=True)
    (with_font / "resources" / "fonts").mkdir(parents=True)
    shutil.copyfile(DEBIAN_FONT, with_font / "resources" / "fonts" / DEBIAN_FONT.name)

    assert _chinese_families(without, fonts_conf) == 0
    assert _chinese_families(with_font, fonts_conf) >= 1
