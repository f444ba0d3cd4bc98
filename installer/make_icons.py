"""Render the application icon (resources/icons/duty-console.svg) to the PNG the Linux
package installs and the ICO the Windows executable embeds. Build time only."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main(out_dir: str) -> int:
    QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    svg = Path(__file__).resolve().parent.parent / "resources" / "icons" / "duty-console.svg"
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, size in (("duty-console.png", 256), ("duty-console.ico", 256)):
        if not render(svg, size).save(str(out / name)):
            print(f"make_icons: could not write {out / name}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "build/icons"))
