"""Start, stop, kill, pause and restart the footage RTSP server process. Qt-free.

The server (`footage_server.py`) needs GStreamer's RTSP server from the system's python3-gi,
so it runs under `/usr/bin/python3` in its own process. It binds 127.0.0.1 on a free port
the first time and the same port on a restart, so clients can reconnect to it.
"""
from __future__ import annotations

import os
import signal
import socket
import tempfile
import subprocess
import time
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("footage_server.py")


class FootageError(RuntimeError):
    pass


class FootageServer:
    def __init__(self, cameras: int = 4, *, main_size: str = "1280x720", sub_size: str = "640x360",
                 fps: int = 25, user: str | None = None, password: str | None = None) -> None:
        self.cameras = cameras
        self._args = ["--cameras", str(cameras), "--main-size", main_size, "--sub-size", sub_size,
                      "--fps", str(fps)]
        if user:
            self._args += ["--user", user, "--password", password or ""]
        self.port: int | None = None
        self._process: subprocess.Popen | None = None

    def url(self, camera: int, stream: str = "sub") -> str:
        return f"rtsp://127.0.0.1:{self.port}/cam{camera}/{stream}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def launch(self) -> "FootageServer":
        """Start without waiting (application start-up): the port is picked here, so camera
        URLs are known at once; a client that comes too early is refused and retries."""
        if self.port is None:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
        self._spawn()
        return self

    def _spawn(self) -> None:
        args = [SYSTEM_PYTHON, str(SCRIPT), *self._args, "--port", str(self.port or 0)]
        # stderr goes to a file, never an unread pipe that would fill up and block the server.
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self._stderr, text=True)

    def start(self) -> "FootageServer":
        """Start and wait until it listens (tests, benchmarks)."""
        self._spawn()
        line = self._process.stdout.readline()  # blocks until listening; the script prints once
        if not line.startswith("PORT "):
            self._process.wait(timeout=5)
            self._stderr.seek(0)
            error = self._stderr.read().decode(errors="replace").strip().splitlines()[-1:]
            self.kill()
            raise FootageError(f"footage RTSP server did not start: {' '.join(error) or line!r}")
        self.port = int(line.split()[1])
        return self

    def restart(self, timeout_s: float = 15.0) -> None:
        """Start again on the same port (retrying while the old socket is released)."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                self.start()
                return
            except FootageError:
                if time.monotonic() > deadline:
                    raise

    def pause(self) -> None:
        """Freeze the server (SIGSTOP): connections stay open, no data flows — a stall."""
        os.kill(self._process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self._process.pid, signal.SIGCONT)

    def kill(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.kill()
        if self._process:
            self._process.wait()
            for stream in (self._process.stdin, self._process.stdout, self._stderr):
                stream.close()

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.stdin.close()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.kill()

    def __enter__(self) -> "FootageServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
