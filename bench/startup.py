"""Start-up time of the real `duty-console` process.

Prints p50 and max over N runs of:
- `duty-console --help` (argument parsing, no Qt);
- `--startup-report` on the embedded default: the time from launching the process to the
  window's first paint (window shown and interactive: the event loop runs from there) and
  to the first paint of the overview page after a live value reached the console, with the
  goals (< 1.5 s and < 2.5 s) and each p50's ratio to its goal;
- `--screenshot` of the overview (window, services, page ready, PNG written);
and the ten largest cumulative imports of one run (`-X importtime`). Every run after the
first reuses the same home, as a console restarted during an incident does (the first one
creates and migrates its store). With `--bundle DIST/duty-console/duty-console` the
PyInstaller bundle is timed too, in a clean environment (what a county PC runs). With
`--postgres` a console with a PostgreSQL backend (the province node, on a fresh database of the
machine's server on 127.0.0.1:5432, else a throwaway cluster) and the same simulated field is
timed too.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # tests.support.postgres, for --postgres

GOALS = {"window-shown": 1.5, "first-live-value": 2.5}


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=env, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def milestones(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each `startup …` line the process prints."""
    start = time.perf_counter()
    seen: dict[str, float] = {}
    with subprocess.Popen(command + ["--startup-report", "--page", "overview"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=env, text=True) as process:
        for line in process.stdout:
            if line.startswith("startup "):
                seen[line.split()[1]] = time.perf_counter() - start
    if set(GOALS) - set(seen):
        raise SystemExit(f"start-up report incomplete: {seen}")
    return seen


def top_imports(prefix: list[str], env: dict[str, str], count: int = 10) -> list[tuple[float, str]]:
    result = subprocess.run([prefix[0], "-X", "importtime", *prefix[1:], "--startup-report", "--page", "overview"],
                            capture_output=True, text=True, env=env)
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line[len("import time:"):].split("|")
            if cumulative.strip().isdigit() and not name.startswith("  "):  # nested imports are indented
                rows.append((int(cumulative) / 1e6, name.strip()))
    return sorted(rows, reverse=True)[:count]


@contextlib.contextmanager
def postgres_node(home: str, env: dict[str, str]) -> Iterator[list[str]]:
    """A node config on a fresh, migrated database; yields the `--config` arguments."""
    from tests.support.postgres import backend_node_toml, fresh_database, postgres_server

    with postgres_server() as server, fresh_database(server, "bench_startup") as dsn:
        config = os.path.join(home, "postgres-node.toml")
        with open(config, "w", encoding="utf-8") as out:
            out.write(backend_node_toml(dsn, "130000", extra="\n[field]\nsimulator = true\n"))
        subprocess.run([sys.executable, "-m", "console", "--config", config, "sync", "migrate"],
                       check=True, capture_output=True, env=env)
        yield ["--config", config]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2 runs")
    parser.add_argument("--bundle", help="the bundle's executable: time it too, in env -i")
    parser.add_argument("--postgres", action="store_true", help="time a console with a PostgreSQL backend too")
    options = parser.parse_args()
    runs = 2 if options.quick else options.runs
    print(f"start-up: {runs} runs, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as home, contextlib.ExitStack() as stack:
        shot = os.path.join(home, "shot.png")
        source_env = {**os.environ, "DUTY_CONSOLE_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        launchers = {"source": ([sys.executable, "-m", "console"], source_env)}
        if options.postgres:
            pg_env = {**source_env, "DUTY_CONSOLE_HOME": os.path.join(home, "postgres")}
            launchers["postgresql"] = ([sys.executable, "-m", "console", *stack.enter_context(
                postgres_node(home, pg_env))], pg_env)
        if options.bundle:
            clean = {"HOME": home, "DUTY_CONSOLE_HOME": os.path.join(home, "bundle"),
                     "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
            launchers["bundle"] = ([os.path.abspath(options.bundle)], clean)
        print(f"{'case':<40}{'p50 s':>8}{'max s':>8}{'goal s':>8}{'p50/goal':>10}")
        for launcher, (prefix, env) in launchers.items():
            help_times = [timed(prefix + ["--help"], env) for _ in range(runs)]
            print(f"{launcher + ' --help':<40}{statistics.median(help_times):>8.2f}{max(help_times):>8.2f}")
            reports = [milestones(prefix, env) for _ in range(runs)]
            for milestone, goal in GOALS.items():
                samples = [report[milestone] for report in reports]
                p50 = statistics.median(samples)
                print(f"{launcher + ' ' + milestone:<40}{p50:>8.2f}{max(samples):>8.2f}{goal:>8.1f}{p50 / goal:>10.2f}")
            shots = [timed(prefix + ["--screenshot", shot, "--page", "overview"], env) for _ in range(runs)]
            print(f"{launcher + ' --screenshot (overview)':<40}{statistics.median(shots):>8.2f}{max(shots):>8.2f}")
        print(f"load after: {os.getloadavg()[0]:.1f}")
        print("largest imports of one source start-up (cumulative s):")
        for seconds, name in top_imports(launchers["source"][0], launchers["source"][1]):
            print(f"  {seconds:6.3f}  {name}")


if __name__ == "__main__":
    main()
