"""Render the four records pages with synthetic data through `duty-console --screenshot`.

Province node (embedded default) with 50,000 enterprises and a county node (Chang'an,
130102), each at 1920x1080 and 1366x768, Chinese UI; plus the registry with an enterprise
selected (detail panel), rendered by the same window code in a child process. Run from the
repository root:
    .venv/bin/python docs/screenshots/make_records.py [--quick]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PAGES = ("registry", "enforcement", "emergency", "duty")
SIZES = ("1920x1080", "1366x768")
NODES = {"130000": 50_000, "130102": 300}  # the county: its share of 50,000 over 167 counties


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2,000 enterprises, 1920x1080 only")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=PAGES, help="only these pages")
    parser.add_argument("--detail", nargs=2, metavar=("OUT", "WxH"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.detail:
        return registry_detail(Path(options.detail[0]), options.detail[1])
    from console.records import demo_data
    from server_link.local_store import LocalStore
    from domain.divisions import hebei

    for node, enterprises in NODES.items():
        with tempfile.TemporaryDirectory() as home:
            store = LocalStore(Path(home) / "data" / "store.sqlite", node, hebei())
            demo_data.fill(store, enterprises=min(2_000, enterprises) if options.quick else enterprises)
            store.close()
            if node != "130000":
                (Path(home) / "config").mkdir()
                (Path(home) / "config" / "node.toml").write_text(f'[node]\ndivision = "{node}"\n')
            env = {**os.environ, "DUTY_CONSOLE_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
            for page in options.pages:
                for size in SIZES[:1] if options.quick else SIZES:
                    out = ROOT / "docs" / "screenshots" / f"records-{page}-{node}-{size}.png"
                    subprocess.run([sys.executable, "-m", "console", "--screenshot", str(out), "--page", page,
                                    "--size", size], check=True, env=env, cwd=ROOT)
            if "registry" not in options.pages:
                continue
            size = SIZES[0] if node == "130000" else SIZES[1]
            out = ROOT / "docs" / "screenshots" / f"records-registry-detail-{node}-{size}.png"
            subprocess.run([sys.executable, __file__, "--detail", str(out), size], check=True, env=env, cwd=ROOT)


def registry_detail(out: Path, size: str) -> None:
    """The registry with the first enterprise that has a major hazard source selected."""
    import argparse as _argparse

    from console.app import build_window
    from console.config import load_config

    app, window, stoppers = build_window(_argparse.Namespace(lang=None, page="registry"), load_config(), True)
    window.resize(*(int(part) for part in size.split("x")))
    window.show()
    page = window.page("registry")
    enterprise_id = page.reader.rows("hazard_source", "r_value DESC", limit=1)[0]["enterprise_id"]
    page.search.setText(page.reader.enterprise(enterprise_id)["credit_code"])
    page.refresh()
    page.table.view.selectRow(0)
    app.processEvents()
    window.grab().save(str(out))
    print(f"saved {out}")
    for stop in stoppers:
        stop()


if __name__ == "__main__":
    main()
