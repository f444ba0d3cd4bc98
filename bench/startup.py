"""Start-up time of the real `duty-console` process.

Prints p50 and max over N runs of: `duty-console --help` (argument parsing, no Qt) and
`duty-console --screenshot` (QApplication, main window, first page ready, PNG written).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def timed(args: list[str], home: str) -> float:
    env = {**os.environ, "DUTY_CONSOLE_HOME": home}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "console", *args], check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 runs")
    options = parser.parse_args()
    runs = 2 if options.quick else options.runs
    with tempfile.TemporaryDirectory() as home:
        shot = os.path.join(home, "shot.png")
        cases = {"--help": ["--help"], "--screenshot (overview)": ["--screenshot", shot, "--page", "overview"]}
        print(f"{'case':<28}{'p50 s':>8}{'max s':>8}  runs={runs}")
        for name, args in cases.items():
            samples = [timed(args, home) for _ in range(runs)]
            print(f"{name:<28}{statistics.median(samples):>8.2f}{max(samples):>8.2f}")


if __name__ == "__main__":
    main()
