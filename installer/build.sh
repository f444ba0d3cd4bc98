#!/usr/bin/env bash
# Build the one-folder bundle dist/duty-console/, smoke-test it relocated in a clean
# environment (every page), and package it as a .deb. PyInstaller comes from requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/duty_console.spec
bash installer/smoke_test.sh dist/duty-console "${1:-}"
bash installer/build_deb.sh dist/duty-console
