"""Run `duty-console` with its home on a read-only or full file system.

A private mount namespace (`unshare --map-root-user --mount`, no real root needed where the
kernel allows user namespaces) mounts a tmpfs over the home: read-only, or so small that a
filler file takes all of it. The tests see the real errno (EROFS, ENOSPC), not a chmod
that root would ignore.
"""
from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def can_confine() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--map-root-user", "--mount", "sh", "-c",
                            "mount -t tmpfs tmpfs /mnt 2>/dev/null || mount -t tmpfs tmpfs /tmp"],
                           capture_output=True)
    return probe.returncode == 0


needs_confinement = pytest.mark.skipif(not can_confine(), reason="no user/mount namespaces on this kernel")


def run_confined(home: Path, state: str, args: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
    """`duty-console ARGS` with DUTY_CONSOLE_HOME=home mounted `state`: "read-only" or "full"."""
    home.mkdir(parents=True, exist_ok=True)
    mount = {"read-only": f"mount -t tmpfs -o ro,size=1m tmpfs {home}",
             "full": f"mount -t tmpfs -o size=64k tmpfs {home} && "
                     f"(dd if=/dev/zero of={home}/filler bs=4k 2>/dev/null || true)"}[state]
    command = " ".join(shlex.quote(part) for part in [sys.executable, "-m", "console", *args])
    env = dict(os.environ, DUTY_CONSOLE_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(["unshare", "--map-root-user", "--mount", "sh", "-c", f"{mount} && exec {command}"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
