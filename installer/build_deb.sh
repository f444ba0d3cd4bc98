#!/usr/bin/env bash
# Package a built bundle (dist/duty-console) as a .deb: the bundle in /opt/duty-console,
# a launcher on PATH, a desktop entry with its icon, and a systemd unit for `collect`.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="${1:-dist/duty-console}"
version="$(.venv/bin/python -c "from importlib.metadata import version; print(version('duty-console'))")"
root="build/deb/duty-console_${version}_amd64"
rm -rf "$root"
install -d "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/lib/systemd/system"
cp -a "$bundle" "$root/opt/duty-console"
ln -s /opt/duty-console/duty-console "$root/usr/bin/duty-console"
install -m 0644 installer/linux/duty-console.desktop "$root/usr/share/applications/"
install -m 0644 installer/linux/duty-console-collect.service "$root/lib/systemd/system/"
QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py build/icons
install -m 0644 build/icons/duty-console.png "$root/usr/share/icons/hicolor/256x256/apps/"
install -m 0755 installer/linux/postinst "$root/DEBIAN/postinst"
cat > "$root/DEBIAN/control" <<CONTROL
Package: duty-console
Version: ${version}
Architecture: amd64
Maintainer: Duty console developers <duty-console@localhost>
Depends: libc6, adduser
Recommends: python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good, gstreamer1.0-plugins-ugly
Section: misc
Priority: optional
Installed-Size: $(du -sk "$root" | cut -f1)
Description: Operator console of the Hebei safety-production duty rooms
 Live trends, video, alarm console with escalation and the records of a supervision
 node; self-contained (Qt, libvlc with its plugins, ffmpeg and a CJK font inside).
CONTROL
mkdir -p dist
dpkg-deb --root-owner-group -Zgzip --build "$root" "dist/duty-console_${version}_amd64.deb" >/dev/null
echo "built dist/duty-console_${version}_amd64.deb ($(du -h "dist/duty-console_${version}_amd64.deb" | cut -f1))"
