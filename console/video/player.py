"""One connection of one tile to one stream: a libvlc media player, and an ffmpeg relay
when libvlc cannot open RTSP itself. Qt-free.

Threading rules (libvlc deadlocks or crashes otherwise):
- libvlc's event callbacks only put `(connection id, event name)` on a thread-safe queue;
  the GUI thread drains it. libvlc is never called from its own callbacks.
- In frame-callback mode libvlc decodes RV32 into two 32-byte-aligned buffers we own; the
  display callback swaps them under a lock and counts the frame, the GUI paints the front
  buffer from a timer (never a signal per frame). The ctypes callback objects live as long
  as the connection, or libvlc would call freed code.
- Tearing down (stop, release, ending ffmpeg) can block, so it runs on a worker thread.
"""
from __future__ import annotations

import ctypes
import functools
import itertools
import logging
import queue
import subprocess
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import vlc

from console.video.cameras import StreamSource

log = logging.getLogger(__name__)

ALIGN = 32
WATCHED_EVENTS = {
    vlc.EventType.MediaPlayerPlaying: "playing",
    vlc.EventType.MediaPlayerEncounteredError: "error",
    vlc.EventType.MediaPlayerEndReached: "ended",
}
# Tear-downs run here so the GUI thread never waits for libvlc or ffmpeg to stop.
_TEARDOWN = ThreadPoolExecutor(max_workers=2, thread_name_prefix="video-teardown")
_pending: set[Future] = set()
_ids = itertools.count(1)


@functools.lru_cache(maxsize=1)
def shared_instance() -> vlc.Instance:
    """The process's one libvlc instance (plugins load once): quiet, no OSD, no title."""
    return vlc.Instance(["--quiet", "--no-video-title-show", "--no-osd", "--no-snapshot-preview",
                         "--no-audio", "--no-xlib"])


@dataclass
class Frame:
    """The newest decoded picture: a view on the front buffer (read it under `lock`)."""

    pixels: np.ndarray  # height × stride bytes, BGRA (libvlc RV32)
    width: int
    height: int


class FrameSink:
    """libvlc's video callbacks writing into two aligned buffers we own."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.displayed = 0
        self.width = self.height = 0
        self._buffers: list[np.ndarray] = []
        self._back = 0
        self._asked_width = 0
        self._chosen = (0, 0)
        # Our own prototype for the format callback: python-vlc's declares `chroma` as
        # c_char_p, which hands Python a copy, and the chroma must be written in place.
        format_type = ctypes.CFUNCTYPE(ctypes.c_uint, ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p,
                                       *(ctypes.POINTER(ctypes.c_uint),) * 4)
        self._format_cb = format_type(self._on_format)
        self.callbacks = (
            ctypes.cast(self._format_cb, vlc.CallbackDecorators.VideoFormatCb),
            vlc.CallbackDecorators.VideoCleanupCb(self._on_cleanup),
            vlc.CallbackDecorators.VideoLockCb(self._on_lock),
            vlc.CallbackDecorators.VideoDisplayCb(self._on_display),
        )

    def attach(self, player: vlc.MediaPlayer) -> None:
        setup, cleanup, lock, display = self.callbacks
        # No unlock callback: one Python call (and GIL round trip) less per frame.
        player.video_set_callbacks(lock, None, display, None)
        player.video_set_format_callbacks(setup, cleanup)

    def front(self) -> Frame | None:
        """The last displayed picture; call with `lock` held while reading the pixels."""
        if not self._buffers or self.displayed == 0:
            return None
        return Frame(self._buffers[1 - self._back], self.width, self.height)

    def _on_format(self, opaque, chroma, width, height, pitches, lines) -> int:
        ctypes.memmove(chroma, b"RV32", 4)
        if self._asked_width != width[0]:  # first set-up, or the stream changed resolution
            self._asked_width = width[0]
            self._chosen = picture_size(width[0], height[0])
        # libvlc re-runs the set-up with odd heights (640×386 for a 640×360 stream); asking
        # each time for the picture's own size keeps its conversion unscaled.
        w, h = self._chosen
        width[0], height[0] = w, h
        stride = (w * 4 + ALIGN - 1) // ALIGN * ALIGN
        rows = h
        pitches[0], lines[0] = stride, rows
        with self.lock:
            self._buffers = [_aligned(rows, stride) for _ in range(2)]
            self.width, self.height, self._back = w, h, 0
        return 2

    def _on_cleanup(self, opaque) -> None:
        return None

    def _on_lock(self, opaque, planes) -> int:
        buffer = self._buffers[self._back]
        planes[0] = buffer.ctypes.data
        return self._back

    def _on_display(self, opaque, picture) -> None:
        with self.lock:
            self._back = 1 - self._back
            self.displayed += 1


# Display aspects whose heights are not multiples of 16 (H.264 codes 640×368 and crops to 360).
CROPPED_ASPECTS = (9 / 16, 3 / 4, 10 / 16)


def picture_size(width: int, coded_height: int) -> tuple[int, int]:
    """The picture's visible size from the coded size libvlc offers the format callback.

    libvlc offers the coded height (a multiple of 16) and would scale the visible picture
    into it: a generic swscale pass that cost more than decoding (16 tiles: 55 % of a core
    instead of 31 %). An encoder crops less than 16 rows, so a common aspect's height just
    under the coded one is the visible height; otherwise the coded height is kept.
    """
    for aspect in CROPPED_ASPECTS:
        visible = round(width * aspect)
        if coded_height - 16 < visible <= coded_height:
            return width, visible
    return width, coded_height


def _aligned(rows: int, stride: int) -> np.ndarray:
    raw = np.zeros(rows * stride + ALIGN, dtype=np.uint8)
    offset = (-raw.ctypes.data) % ALIGN
    return raw[offset:offset + rows * stride].reshape(rows, stride)


class Connection:
    """A tile playing one stream, from `start()` until `close()`.

    `window` is a native window handle for embedded mode; without one, frames are
    decoded into a `FrameSink` for the widget to paint (offscreen and headless use).
    """

    def __init__(self, instance: vlc.Instance, source: StreamSource, events: queue.SimpleQueue,
                 *, route: str, caching_ms: int, window: int | None = None) -> None:
        self.id = next(_ids)
        self.source = source
        self.route = route
        self.sink = None if window else FrameSink()
        self._events = events
        self._relay: subprocess.Popen | None = None
        self._stats = vlc.MediaStats()
        self.player = instance.media_player_new()
        if window:
            _set_window(self.player, window)
        else:
            self.sink.attach(self.player)
        self._media = self._open_media(instance, caching_ms)
        self.player.set_media(self._media)
        manager = self.player.event_manager()
        for event_type, name in WATCHED_EVENTS.items():
            manager.event_attach(event_type, self._on_event, name)

    def _open_media(self, instance: vlc.Instance, caching_ms: int) -> vlc.Media:
        options = [f":network-caching={caching_ms}", f":file-caching={caching_ms}", ":no-audio"]
        if self.route == "relay" and self.source.url.startswith("rtsp"):
            self._relay = start_relay(self.source)
            return instance.media_new(f"fd://{self._relay.stdout.fileno()}", *options)
        options.append(":rtsp-tcp")
        if self.source.username:
            options += [f":rtsp-user={self.source.username}", f":rtsp-pwd={self.source.password or ''}"]
        return instance.media_new(self.source.url, *options)

    def _on_event(self, event, name: str) -> None:
        self._events.put((self.id, name))  # nothing else: libvlc must not be re-entered here

    def start(self) -> None:
        log.info("connection %d: playing %s (%s)", self.id, self.source.safe_url, self.route)
        self.player.play()

    def decoded_frames(self) -> int:
        """libvlc's decoded-video counter: advances only while pictures really arrive. (Not
        the displayed count: libvlc re-displays the last picture while a stream is stalled.)"""
        if not self._media.get_stats(self._stats):
            return 0
        return self._stats.decoded_video

    def displayed_frames(self) -> int:
        """Pictures libvlc's video output showed (embedded mode; the benchmark's frame rate)."""
        if not self._media.get_stats(self._stats):
            return 0
        return self._stats.displayed_pictures

    def native_size(self) -> tuple[int, int] | None:
        """The stream's picture size. In frame-callback mode libvlc may hand us frames
        scaled to another height (coded size, aspect fixes), so painting and snapshots
        use this size, not the buffer's."""
        try:
            width, height = self.player.video_get_size(0)
        except Exception:  # python-vlc raises while no video output exists yet
            return None
        return (width, height) if width and height else None

    def snapshot(self, path: Path) -> bool:
        """Embedded mode: libvlc writes the current picture as PNG at native size."""
        return self.player.video_take_snapshot(0, str(path), 0, 0) == 0

    def close(self) -> None:
        """Stop on a worker thread; the callbacks stay referenced until libvlc is done."""
        future = _TEARDOWN.submit(_teardown, self.player, self._media, self._relay, self.sink)
        _pending.add(future)
        future.add_done_callback(_pending.discard)


def finish_teardowns(timeout_s: float = 10.0) -> None:
    """Wait for closed connections to stop (at exit: libvlc must not outlive its callbacks)."""
    wait(list(_pending), timeout=timeout_s)


# What the relay may open: its listing on stdin and the camera (RTSP over TCP, or TLS).
RELAY_PROTOCOLS = "pipe,rtsp,rtsps,rtp,tcp,tls,udp"


def relay_command() -> list[str]:
    """ffmpeg copies (never re-encodes) the camera's H.264 into MPEG-TS on its stdout.

    The camera's URL with its credentials is not on this command line, which every local
    user can read in /proc/<pid>/cmdline: ffmpeg reads it from stdin as a one-entry concat
    list (`relay_listing`), with the options of the RTSP input.
    """
    return ["ffmpeg", "-nostdin", "-loglevel", "quiet", "-f", "concat", "-safe", "0",
            "-protocol_whitelist", RELAY_PROTOCOLS, "-i", "pipe:0", "-an", "-c", "copy", "-f", "mpegts", "pipe:1"]


def relay_listing(url: str) -> bytes:
    """An ffconcat list naming the one RTSP input, pulled over TCP and opened without
    buffering or probing (first picture as soon as possible)."""
    if any(char in url for char in "\r\n"):
        raise ValueError("a stream URL cannot contain a line break")
    quoted = "'" + url.replace("'", "'\\''") + "'"  # inside quotes only ' needs escaping
    return "\n".join(["ffconcat version 1.0", f"file {quoted}", "option rtsp_transport tcp",
                      "option timeout 5000000", "option fflags nobuffer", "option probesize 32",
                      "option analyzeduration 0", ""]).encode()


def start_relay(source: StreamSource) -> subprocess.Popen:
    """Start ffmpeg and hand it the listing through its stdin (a few hundred bytes: the pipe
    takes them without blocking), then close it so ffmpeg starts reading the camera."""
    listing = relay_listing(source.url_with_credentials())
    relay = subprocess.Popen(relay_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, bufsize=0)
    try:
        relay.stdin.write(listing)
    except BrokenPipeError:  # ffmpeg is already gone: the tile sees no frames and reconnects
        pass
    finally:
        relay.stdin.close()
    return relay


def _teardown(player: vlc.MediaPlayer, media: vlc.Media, relay: subprocess.Popen | None, sink) -> None:
    if relay is not None:
        relay.kill()
    player.stop()
    player.release()
    media.release()
    if relay is not None:
        relay.wait()
        relay.stdout.close()
    del sink  # released only now that libvlc can no longer call into it


def _set_window(player: vlc.MediaPlayer, handle: int) -> None:
    import sys

    if sys.platform.startswith("win"):
        player.set_hwnd(handle)
    elif sys.platform == "darwin":
        player.set_nsobject(handle)
    else:
        player.set_xwindow(handle)
