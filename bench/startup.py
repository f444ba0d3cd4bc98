"""Start-up time of the real `duty-console` process.

Prints p50 and max over N runs of: `duty-console --help` (argument parsing, no Qt) and
`duty-console --screenshot` (QApplication, main window, first page ready, PNG written), from
the source tree and, with `--bundle DIST/duty-console/duty-console`, from the PyInstaller
bundle in a clean environment (what an administrator's county PC runs).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 runs")
    parser.add_argument("--bundle", help="the bundle's executable: time it too, in env -i")
    options = parser.parse_args()
    runs = 2 if options.quick else options.runs
    with tempfile.TemporaryDirectory() as home:
        shot = os.path.join(home, "shot.png")
        cases = {"--help": ["--help"], "--screenshot (overview)": ["--screenshot", shot, "--page", "overview"]}
        launchers = {"source": ([sys.executable, "-m", "console"], {**os.environ, "DUTY_CONSOLE_HOME": home})}
        if options.bundle:
            clean = {"HOME": home, "DUTY_CONSOLE_HOME": os.path.join(home, "bundle"),
                     "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
            launchers["bundle"] = ([os.path.abspath(options.bundle)], clean)
        print(f"{'case':<38}{'p50 s':>8}{'max s':>8}  runs={runs}")
        for launcher, (prefix, env) in launchers.items():
            for name, args in cases.items():
                samples = [timed(prefix + args, env) for _ in range(runs)]
                print(f"{launcher + ' ' + name:<38}{statistics.median(samples):>8.2f}{max(samples):>8.2f}")


if __name__ == "__main__":
    main()
