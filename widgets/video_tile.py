"""One tile of the video wall: a title strip (camera, state, age of the last frame or the
reconnect countdown) above a video surface.

The tile owns at most one `Connection` at a time and a `TileHealth`; the wall's timer calls
`pump()` to feed the watchdog, reconnect when due and repaint when a new frame arrived.
In embedded mode libvlc draws into the surface's native window (the title strip is a
separate widget, because nothing can be painted over a native video window); in
frame-callback mode the surface paints the newest decoded frame itself.
"""
from __future__ import annotations

import logging
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.video.cameras import Camera
from console.video.health import TileHealth, TileState
from console.video.player import Connection

log = logging.getLogger(__name__)

CAMERA_MIME = "application/x-duty-camera"
BACKGROUND = QColor("#0b0f14")
MESSAGE_COLOUR = QColor("#c8ced6")
STATE_COLOURS = {TileState.IDLE: "#6b7280", TileState.CONNECTING: "#d9a400",
                 TileState.LIVE: "#1fae4b", TileState.LOST: "#d7263d"}


def _set_text(label: QLabel, text: str) -> None:
    """Only a real change repaints the label (16 tiles refresh their strips 5 times a second)."""
    if label.text() != text:
        label.setText(text)


def camera_mime(camera_id: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(CAMERA_MIME, camera_id.encode())
    return mime


class VideoSurface(QWidget):
    """Where the picture goes: a native window for libvlc, or frames painted here."""

    def __init__(self, embedded: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.embedded = embedded
        self.connection: Connection | None = None
        self.message = ""
        self.painted_frames = 0  # for the benchmark's displayed frame rate
        # The stream's picture size (libvlc may hand frames at another height), polled by
        # the tile's health check rather than asked of libvlc on every paint.
        self.picture_size: tuple[int, int] | None = None
        if embedded:
            self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
            self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(QSize(64, 36))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        area = self.rect()
        sink = self.connection.sink if self.connection else None
        if sink is not None:
            with sink.lock:
                frame = sink.front()
                if frame is not None:
                    target = _fit(area, *(self.picture_size or (frame.width, frame.height)))
                    image = QImage(frame.pixels.data, frame.width, frame.height,
                                   frame.pixels.strides[0], QImage.Format.Format_RGB32)
                    painter.drawImage(target, image)
                    self.painted_frames += 1
                    for bar in _bars(area, target):
                        painter.fillRect(bar, BACKGROUND)
                    return
        painter.fillRect(area, BACKGROUND)
        if self.message:
            painter.setPen(MESSAGE_COLOUR)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.message)


def _fit(area: QRect, width: int, height: int) -> QRect:
    """The largest rectangle of the picture's aspect centred in `area`."""
    scale = min(area.width() / width, area.height() / height)
    w, h = int(width * scale), int(height * scale)
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


def _bars(area: QRect, picture: QRect) -> list[QRect]:
    """The letterbox (or pillarbox) strips of `area` around a centred `picture`."""
    if picture.width() < area.width():
        return [QRect(area.left(), area.top(), picture.left() - area.left(), area.height()),
                QRect(picture.right() + 1, area.top(), area.right() - picture.right(), area.height())]
    return [QRect(area.left(), area.top(), area.width(), picture.top() - area.top()),
            QRect(area.left(), picture.bottom() + 1, area.width(), area.bottom() - picture.bottom())]


class VideoTile(QFrame):
    maximiseRequested = Signal(int)
    cameraDropped = Signal(int, str)  # tile index, camera id
    connectionOpened = Signal(int)  # connection id, so the wall can route libvlc events

    def __init__(self, index: int, wall, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.wall = wall  # the VideoWall: libvlc instance, event queue, settings
        self.camera: Camera | None = None
        self.main_stream = False
        video = wall.settings
        self.health = TileHealth(stall_timeout_s=video.stall_timeout_s,
                                 connect_timeout_s=video.connect_timeout_s,
                                 max_delay_s=video.reconnect_max_s)
        self.connection: Connection | None = None
        self._painted = 0
        self._shown: tuple | None = None  # (state, camera) the strip shows
        self.setObjectName("videoTile")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet("#videoTile { border: 1px solid #2a313c; background: #0b0f14; }"
                           "QLabel { color: #e6e9ee; background: #151b23; padding: 1px 4px; }")
        self.title = QLabel()
        self.state_label = QLabel()
        self.age_label = QLabel()
        self.age_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widest = self.tr("retry in %1 s").replace("%1", "30")
        self.age_label.setMinimumWidth(self.age_label.fontMetrics().horizontalAdvance(widest) + 12)
        strip = QHBoxLayout()
        strip.setContentsMargins(0, 0, 0, 0)
        strip.setSpacing(0)
        strip.addWidget(self.title, 1)
        strip.addWidget(self.state_label)
        strip.addWidget(self.age_label)
        self.surface = VideoSurface(wall.embedded, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addLayout(strip)
        layout.addWidget(self.surface, 1)
        self._show_state(time.monotonic())

    # --- assignment -------------------------------------------------------------------
    def assign(self, camera: Camera | None) -> None:
        """Play `camera` here (None empties the tile). The same camera keeps playing; a
        camera whose streams or credentials changed (same id) reopens."""
        if camera == self.camera:
            return
        self._close()
        self.camera = camera
        self.health.idle()
        if camera is not None:
            self._open(time.monotonic())
        self._show_state(time.monotonic())

    def use_main_stream(self, main: bool) -> None:
        """Main stream when maximised, sub-stream in the grid: reopen if it changes."""
        if main == self.main_stream:
            return
        self.main_stream = main
        if self.camera is not None:
            self._close()
            self._open(time.monotonic())

    def _open(self, now: float) -> None:
        window = int(self.surface.winId()) if self.surface.embedded else None
        self.connection = Connection(self.wall.instance, self.camera.source(self.main_stream), self.wall.events,
                                     route=self.wall.route, caching_ms=self.wall.settings.network_caching_ms,
                                     window=window)
        if window:
            self.connection.player.video_set_mouse_input(False)
            self.connection.player.video_set_key_input(False)
        self.surface.connection = self.connection
        self.surface.picture_size = None
        self._painted = 0
        self.connectionOpened.emit(self.connection.id)
        self.health.connecting(now)
        self.connection.start()

    def _close(self) -> None:
        if self.connection is not None:
            self.surface.connection = None
            self.connection.close()
            self.connection = None
            self.surface.update()

    def shutdown(self) -> None:
        self._close()

    # --- the wall's timer ---------------------------------------------------------------
    def repaint_if_new(self) -> None:
        sink = self.connection.sink if self.connection else None
        if sink is not None and sink.displayed != self._painted:
            self._painted = sink.displayed
            self.surface.update()

    def check_health(self, now: float) -> None:
        if self.camera is None:
            return
        frames = self.connection.decoded_frames() if self.connection else 0
        if self.connection is not None and self.surface.picture_size is None and frames:
            self.surface.picture_size = self.connection.native_size()
        was_live = self.health.state is TileState.LIVE
        verdict = self.health.observe(now, frames)
        if self.health.state is TileState.LIVE and not was_live:
            log.info("tile %d: %s live (first frame)", self.index, self.camera.name)
        self._act(verdict, now)
        self._show_state(now)

    def on_player_event(self, name: str, now: float) -> None:
        if name in ("error", "ended"):
            self._act(self.health.failed(now, name), now)
            self._show_state(now)

    def _act(self, verdict, now: float) -> None:
        if verdict.drop:
            log.info("tile %d: %s lost (%s), retry in %.0f s", self.index, self.camera.name,
                     self.health.reason, self.health.countdown(now))
            self._close()
        if verdict.reconnect:
            self._open(now)

    # --- presentation ---------------------------------------------------------------------
    def _show_state(self, now: float) -> None:
        state = self.health.state
        age, countdown = self.health.frame_age(now), self.health.countdown(now)
        if countdown is not None:
            age_text = self.tr("retry in %1 s").replace("%1", str(int(countdown + 0.999)))
        elif age is not None and state is TileState.LIVE:
            age_text = f"{age:.1f} s"
        else:
            age_text = ""
        _set_text(self.age_label, age_text)
        if (state, self.camera) == self._shown:
            return
        self._shown = (state, self.camera)
        self.title.setText(self.camera.name if self.camera else self.tr("Drop a camera here"))
        names = {TileState.IDLE: self.tr("idle"), TileState.CONNECTING: self.tr("connecting"),
                 TileState.LIVE: self.tr("live"), TileState.LOST: self.tr("lost")}
        self.state_label.setText(f"● {names[state]}")
        self.state_label.setStyleSheet(f"color: {STATE_COLOURS[state]};")
        self.surface.message = {TileState.LOST: self.tr("Signal lost"),
                                TileState.CONNECTING: self.tr("Connecting…")}.get(state, "")
        self.surface.update()

    # --- snapshot -------------------------------------------------------------------------
    def snapshot(self, folder: Path) -> Path | None:
        """Save the current picture as `<camera>-<timestamp>.png` at the stream's size."""
        if self.connection is None or self.health.state is not TileState.LIVE:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]
        path = folder / f"{self.camera.id}-{stamp}.png"
        sink = self.connection.sink
        if sink is None:
            return path if self.connection.snapshot(path) else None
        size = self.connection.native_size()
        with sink.lock:
            frame = sink.front()
            if frame is None:
                return None
            image = QImage(frame.pixels.data, frame.width, frame.height,
                           frame.pixels.strides[0], QImage.Format.Format_RGB32).copy()
        if size and (image.width(), image.height()) != size:
            image = image.scaled(*size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        return path if image.save(str(path), "PNG") else None

    # --- mouse and drops ------------------------------------------------------------------
    def mouseDoubleClickEvent(self, event) -> None:
        self.maximiseRequested.emit(self.index)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        camera_id = bytes(event.mimeData().data(CAMERA_MIME)).decode()
        event.acceptProposedAction()
        self.cameraDropped.emit(self.index, camera_id)
