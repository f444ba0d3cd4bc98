"""`duty-console collect` as a child process (so its database can be restarted under it), and
the checks on what it wrote: gaps and duplicates in `field_history`, rows in its spool."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg2

from drivers.simulator.process import ROOT
from tests.support.field import wait_until


class CollectorProcess:
    def __init__(self, acq: Path, dsn: str, home: Path, *extra: str):
        self.spool = home / "collector.spool.sqlite"
        self.home = home
        self.log = home / "log" / "duty-console.log"
        self.command = [sys.executable, "-m", "console", "collect", "--acq", str(acq), "--dsn", dsn,
                        "--spool", str(self.spool), *extra]
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 60.0) -> "CollectorProcess":
        env = dict(os.environ, DUTY_CONSOLE_HOME=str(self.home), PYTHONPATH=str(ROOT))
        self.home.mkdir(parents=True, exist_ok=True)
        self.stdout_path, self.stderr_path = self.home / "collector.stdout", self.home / "collector.stderr"
        with open(self.stdout_path, "w") as out, open(self.stderr_path, "w") as err:
            self.proc = subprocess.Popen(self.command, cwd=ROOT, env=env, stdout=out, stderr=err)
        wait_until(lambda: "collecting" in self.stdout_path.read_text() or not self.alive(), timeout,
                   "the collector to start")
        assert self.alive(), f"collector exited {self.proc.returncode}: {self.stderr_tail()}"
        return self

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stderr_tail(self) -> str:
        return self.stderr_path.read_text(errors="replace")[-2000:]

    def spooled(self) -> int:
        """Rows waiting in the collector's spool now (0 before the file exists)."""
        if not self.spool.exists():
            return 0
        conn = sqlite3.connect(f"file:{self.spool}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM spooled").fetchone()[0]
        except sqlite3.OperationalError:  # table not created yet
            return 0
        finally:
            conn.close()

    def stop(self) -> int | None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        return None if self.proc is None else self.proc.returncode


@dataclass
class HistoryCheck:
    tags: int
    rows: int
    duplicates: int  # (tag, source_ts) pairs stored more than once
    gaps: list[tuple[str, float, float]]  # (tag, from, to) with no sample in between for longer than the bound
    max_gap_s: float


def check_history(dsn: str, t0: float, t1: float, gap_bound_s: float, prefix: str = "") -> HistoryCheck:
    """Every tag's samples in [t0, t1]: duplicates, and silences longer than `gap_bound_s`."""
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM (SELECT 1 FROM field_history WHERE tag LIKE %s "
                    "GROUP BY tag, source_ts HAVING count(*) > 1) d", (prefix + "%",))
        (duplicates,) = cur.fetchone()
        cur.execute("SELECT tag, extract(epoch FROM source_ts)::float8 FROM field_history "
                    "WHERE tag LIKE %s AND source_ts BETWEEN to_timestamp(%s) AND to_timestamp(%s) "
                    "ORDER BY tag, source_ts", (prefix + "%", t0, t1))
        rows = cur.fetchall()
    gaps, max_gap, by_tag = [], 0.0, {}
    for tag, ts in rows:
        by_tag.setdefault(tag, []).append(ts)
    for tag, times in by_tag.items():
        for a, b in zip([t0, *times], [*times, t1]):
            max_gap = max(max_gap, b - a)
            if b - a > gap_bound_s:
                gaps.append((tag, a, b))
    return HistoryCheck(len(by_tag), len(rows), duplicates, gaps, max_gap)
