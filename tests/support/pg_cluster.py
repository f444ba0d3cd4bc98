"""A throwaway PostgreSQL cluster that a test can restart or kill (`initdb` + `pg_ctl`, loopback).

PostgreSQL refuses to run as root, so as root the cluster runs as user `postgres`.
`tests.support.postgres.throwaway_cluster` is this cluster started and removed around a block.
"""
from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin(name: str) -> str:
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL binary {name!r} not found: install postgresql (scripts/setup.sh does)")
    return found if isinstance(found, str) else found[-1]


def run_pg_tool(command: list[str]) -> None:
    """Run a PostgreSQL tool; on failure say which and what it printed."""
    result = subprocess.run(command, capture_output=True, text=True, cwd="/")
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}: "
                           f"{(result.stderr or result.stdout).strip()[-2000:]}")


class ThrowawayCluster:
    """`initdb` in a temporary folder on a free loopback port; `dsn` is the server-level DSN."""

    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="duty-pg-"))
        self._run_as: list[str] = []
        if os.geteuid() == 0:
            self._run_as = ["runuser", "-u", "postgres", "--"]
            pw = pwd.getpwnam("postgres")
            os.chown(self.workdir, pw.pw_uid, pw.pw_gid)
        self.datadir, self.port = self.workdir / "data", free_port()
        self.dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        run_pg_tool([*self._run_as, pg_bin("initdb"), "-D", str(self.datadir), "-U", "postgres", "-A", "trust",
                     "-E", "UTF8", "--no-locale"])

    def _ctl(self, *args: str) -> list[str]:
        return [*self._run_as, pg_bin("pg_ctl"), "-D", str(self.datadir), *args]

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.workdir} -c fsync=off"
        run_pg_tool(self._ctl("-o", options, "-w", "-l", str(self.workdir / "log"), "start"))

    def stop(self, mode: str = "fast") -> None:
        run_pg_tool(self._ctl("-m", mode, "-w", "stop"))

    def kill_postmaster(self, timeout: float = 10.0) -> None:
        """kill -9 of the postmaster; its backends notice and exit (those that linger are killed
        by pid, since a new postmaster refuses to start while they hold the shared memory)."""
        pid = int((self.datadir / "postmaster.pid").read_text().split()[0])
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + timeout
        while any(Path(f"/proc/{c}").exists() for c in children) and time.monotonic() < deadline:
            time.sleep(0.05)  # bounded wait for the backends to see their postmaster gone
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)

    def remove(self) -> None:
        subprocess.run(self._ctl("-m", "immediate", "stop"), capture_output=True)
        shutil.rmtree(self.workdir, ignore_errors=True)
