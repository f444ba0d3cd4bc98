#!/usr/bin/env bash
# Smoke-test a built bundle: self-test passes and the main window renders offscreen.
set -euo pipefail
binary="${1:?usage: smoke_test.sh path/to/duty-console}"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
DUTY_CONSOLE_HOME="$home" "$binary" self-test
DUTY_CONSOLE_HOME="$home" "$binary" --screenshot "$home/smoke.png" --size 1366x768
test -s "$home/smoke.png"
echo "smoke test passed: $binary"
