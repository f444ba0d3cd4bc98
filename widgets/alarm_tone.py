"""Audible annunciation: one tone per level, repeated until acknowledged or silenced.

PySide6-Essentials has no QtMultimedia, so tones are WAV files generated once with the
standard library (`wave`) and played by the platform's own player: `winsound` on
Windows, `afplay` on macOS, `paplay`/`aplay` on Linux (PulseAudio / ALSA utilities).
Where none exists, `QApplication.beep()`. Playing never blocks the GUI thread.
"""
from __future__ import annotations

import math
import shutil
import struct
import subprocess
import sys
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from console import paths
from domain.values import AlarmLevel

# (frequency Hz, beeps, repeat every s): more urgent = higher, more beeps, more often.
TONES = {
    AlarmLevel.RED: (1000.0, 3, 3.0),
    AlarmLevel.ORANGE: (800.0, 2, 5.0),
    AlarmLevel.YELLOW: (650.0, 1, 10.0),
    AlarmLevel.BLUE: (500.0, 1, 30.0),
}
RATE = 16000


def tone_file(level: AlarmLevel, directory: Path | None = None) -> Path:
    """The level's WAV (written on first use): beeps of 0.15 s with 0.1 s gaps."""
    directory = directory or paths.data_dir() / "tones"
    path = directory / f"alarm_{level.name.lower()}.wav"
    if path.exists():
        return path
    directory.mkdir(parents=True, exist_ok=True)
    frequency, beeps, _ = TONES[level]
    frames = bytearray()
    for _ in range(beeps):
        for n in range(int(RATE * 0.15)):
            envelope = min(1.0, n / 200.0, (RATE * 0.15 - n) / 200.0)
            frames += struct.pack("<h", int(12000 * envelope * math.sin(2 * math.pi * frequency * n / RATE)))
        frames += b"\0\0" * int(RATE * 0.1)
    return _write_wav(path, bytes(frames))


def silent_wav(path: Path) -> Path:
    """A tenth of a second of silence: what self-test plays to prove the sound device opens."""
    return _write_wav(path, b"\0\0" * (RATE // 10))


def _write_wav(path: Path, frames: bytes) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return path


def sound_player() -> list[str] | None:
    """The command that plays a WAV file here (None: no player; Windows uses winsound)."""
    if sys.platform == "darwin":
        return ["afplay"]
    for name, args in (("paplay", []), ("aplay", ["-q"])):
        if shutil.which(name):
            return [name, *args]
    return None


class Annunciator(QObject):
    """Repeats the tone of the most severe unacknowledged level until it is gone or silenced."""

    def __init__(self, enabled: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.enabled = enabled
        self.level: AlarmLevel | None = None
        self.silenced = False
        self.played = 0  # how many times a tone was started (tests, diagnostics)
        self._timer = QTimer(self, timeout=self._play)
        self._player = None if sys.platform == "win32" else sound_player()
        self._process: subprocess.Popen | None = None

    def update(self, worst_unacked: AlarmLevel | None, new_alarm: bool) -> None:
        """`new_alarm`: an alarm was raised since the last update (un-silences)."""
        if new_alarm:
            self.silenced = False
        if worst_unacked == self.level and (self._timer.isActive() or self.silenced):
            return
        self.level = worst_unacked
        self._timer.stop()
        if worst_unacked is not None and self.enabled and not self.silenced:
            self._timer.start(int(TONES[worst_unacked][2] * 1000))
            self._play()

    def silence(self) -> None:
        self.silenced = True
        self._timer.stop()

    @property
    def sounding(self) -> bool:
        return self._timer.isActive()

    def _play(self) -> None:
        if self.level is None:
            return
        self.played += 1
        try:
            if sys.platform == "win32":
                import winsound

                winsound.PlaySound(str(tone_file(self.level)), winsound.SND_FILENAME | winsound.SND_ASYNC)
            elif self._player:
                if self._process is not None:
                    self._process.poll()  # reap the previous player
                self._process = subprocess.Popen([*self._player, str(tone_file(self.level))], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            else:
                QApplication.beep()
        except OSError:
            QApplication.beep()
