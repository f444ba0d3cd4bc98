#!/usr/bin/env bash
# Build the one-folder bundle dist/duty-console/ and smoke-test it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install -q "pyinstaller>=6.10,<6.23"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/duty_console.spec
bash installer/smoke_test.sh dist/duty-console/duty-console
