"""A real RTSP server on loopback (GStreamer's gst-rtsp-server in its own process) for tests.

Small pictures at 15 frames/s keep four encoders cheap on a shared two-core machine; the
wall code does not care about the size or rate (bench/video.py measures 640×360 at 25).
"""
from __future__ import annotations

from contextlib import contextmanager

from console.video.footage import FootageServer

TEST_MAIN_SIZE = (640, 360)
TEST_SUB_SIZE = (320, 180)


@contextmanager
def rtsp_cameras(count: int = 4, **kwargs):
    server = FootageServer(count, main_size="x".join(map(str, TEST_MAIN_SIZE)),
                           sub_size="x".join(map(str, TEST_SUB_SIZE)), fps=15, **kwargs)
    with server:
        yield server
