#!/usr/bin/env bash
# Smoke-test a built bundle as an administrator's county PC would run it: the folder moved
# elsewhere, a clean environment (env -i: no venv, no PYTHONPATH, the source tree out of
# reach), the host's fonts hidden. Self-test passes and every page renders; any failure fails.
set -euo pipefail
bundle="${1:?usage: smoke_test.sh path/to/dist/duty-console [screenshot-dir]}"
shots="${2:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -a "$bundle" "$work/app"
mkdir -p "$work/home" "$work/shots"
# A fontconfig with no font folder: Chinese must come from the font the bundle registers.
cat > "$work/fonts.conf" <<CONF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$work/fc-cache</cachedir></fontconfig>
CONF
run() {
  (cd "$work" && env -i HOME="$work/home" DUTY_CONSOLE_HOME="$work/home/duty" \
     FONTCONFIG_FILE="$work/fonts.conf" PATH=/usr/bin:/bin LANG=C.UTF-8 \
     "$work/app/duty-console" "$@")
}
run self-test
pages="$(run --help | grep -o -- "--page {[^}]*}" | head -1 | tr -d "{}" | cut -d" " -f2 | tr "," " ")"
[ -n "$pages" ] || { echo "smoke test: no pages listed by --help" >&2; exit 1; }
for page in $pages; do
  run --screenshot "$work/shots/$page.png" --page "$page" --size 1366x768
  test -s "$work/shots/$page.png"
done
# The demo cameras need the host's GStreamer RTSP server; where it is, a tile must have played.
if /usr/bin/python3 -c "import gi; gi.require_version('GstRtspServer', '1.0')" 2>/dev/null; then
  grep -q "live (first frame)" "$work/home/duty/log/duty-console.log" \
    || { echo "smoke test: no video tile played in the bundle" >&2; exit 1; }
fi
[ -z "$shots" ] || { mkdir -p "$shots"; cp "$work"/shots/*.png "$shots"/; }
echo "smoke test passed: $(echo "$pages" | wc -w) pages rendered by the relocated bundle"
