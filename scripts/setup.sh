#!/usr/bin/env bash
# Idempotent set-up for a Debian 12 machine: system packages, then .venv with the
# locked Python packages. A second run only checks and returns in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  fonts-wqy-microhei                       # CJK font: Chinese renders as boxes without one
  xvfb xauth                               # a real X display for video tests and headless runs
  libxcb-icccm4 libxcb-cursor0 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0   # Qt xcb platform
  libvlc5 vlc-plugin-base vlc-plugin-video-output ffmpeg     # video playback and RTSP relay
  python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly         # loopback RTSP cameras
  postgresql-15                                               # server binaries for a throwaway cluster
  nsis                                                        # compiles the Windows installer script (test)
  python3-venv                                                # the virtual environment itself
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
want="$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)"
# pip prints its output only when it fails (this keeps machine-specific index warnings quiet).
quiet_pip() {
  local out
  if ! out=$(.venv/bin/python -m pip "$@" 2>&1); then
    printf '%s\n' "$out" >&2
    echo "setup: pip $* failed" >&2
    return 1
  fi
}
if [ "$(cat .venv/.setup-hash 2>/dev/null)" != "$want" ]; then
  echo "setup: installing locked Python packages into .venv"
  quiet_pip install --upgrade "pip>=24,<27"
  quiet_pip install -r requirements.lock
  quiet_pip install --no-deps -e .
  .venv/bin/python -c "import PySide6, pyqtgraph, asyncua, pymodbus, vlc, sqlalchemy, psycopg2, pytestqt"
  test -x .venv/bin/duty-console
  echo "$want" > .venv/.setup-hash
fi
