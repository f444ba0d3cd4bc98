"""What the PyInstaller bundle carries besides Python: libvlc and its plugins, ffmpeg for
the RTSP relay, a CJK font and the third-party licence notices.

Run at build time by `duty_console.spec`. PyInstaller's own hooks know nothing of libvlc
(python-vlc loads it with ctypes at run time) nor of a font or an external program, so
these are listed here; handing the plugins and ffmpeg to PyInstaller as binaries makes it
collect the shared libraries they link (libavcodec, …) too.
"""
from __future__ import annotations

import shutil
import sys
from importlib import metadata
from pathlib import Path

DEBIAN_LIB = Path("/usr/lib/x86_64-linux-gnu")
DEBIAN_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
# Debian packages whose files the bundle copies; their copyright files are shipped.
DEBIAN_PACKAGES = ("libvlc5", "libvlccore9", "vlc-plugin-base", "vlc-plugin-video-output",
                   "ffmpeg", "fonts-wqy-microhei")
WINDOWS_VLC = Path(r"C:\Program Files\VideoLAN\VLC")


def vlc_binaries() -> list[tuple[str, str]]:
    """(source, bundle folder) pairs: libvlc, libvlccore and every plugin under `vlc/`."""
    if sys.platform.startswith("win"):
        root, libs = WINDOWS_VLC, ["libvlc.dll", "libvlccore.dll"]
        plugins = root / "plugins"
    else:
        root, libs = DEBIAN_LIB, ["libvlc.so.5", "libvlccore.so.9"]
        plugins = root / "vlc" / "plugins"
    if not plugins.is_dir():
        raise SystemExit(f"bundle: libvlc plugins not found in {plugins}")
    pairs = [(str(root / lib), "vlc") for lib in libs]
    for plugin in sorted(plugins.rglob("*")):
        if plugin.is_file() and plugin.suffix in (".so", ".dll"):
            pairs.append((str(plugin), str(Path("vlc/plugins") / plugin.parent.relative_to(plugins))))
    return pairs


def ffmpeg_binary() -> list[tuple[str, str]]:
    found = shutil.which("ffmpeg")
    if not found:
        raise SystemExit("bundle: ffmpeg not found on PATH (the RTSP relay needs it)")
    return [(found, "ffmpeg")]


def font_datas() -> list[tuple[str, str]]:
    """The CJK font, registered with QFontDatabase at start (console/qt_runtime.py)."""
    if not DEBIAN_FONT.is_file():
        raise SystemExit(f"bundle: {DEBIAN_FONT} missing (apt-get install fonts-wqy-microhei)")
    return [(str(DEBIAN_FONT), "resources/fonts")]


def licence_datas(work: Path) -> list[tuple[str, str]]:
    """Licence notices of every Python distribution and Debian package in the bundle,
    gathered into `work/licences` with an index, THIRD_PARTY_NOTICES.txt."""
    target = work / "licences"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    index = ["Third-party software in this bundle and its licence texts (folder licences/).", ""]
    for dist in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
        name = dist.metadata["Name"]
        files = [f for f in (dist.files or []) if _is_licence_file(f.name)]
        if not files:
            continue
        folder = target / "python" / name
        folder.mkdir(parents=True, exist_ok=True)
        for file in files:
            shutil.copyfile(dist.locate_file(file), folder / file.name)
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or "see files"
        index.append(f"{name} {dist.version}: {licence.splitlines()[0][:80]}")
    for package in DEBIAN_PACKAGES:
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            (target / "debian").mkdir(exist_ok=True)
            shutil.copyfile(copyright_file, target / "debian" / f"{package}.copyright")
            index.append(f"{package} (Debian package): licences/debian/{package}.copyright")
    (work / "THIRD_PARTY_NOTICES.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    return [(str(target), "licences"), (str(work / "THIRD_PARTY_NOTICES.txt"), ".")]


def _is_licence_file(name: str) -> bool:
    upper = name.upper()
    return upper.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS"))


def windows_version_file(work: Path) -> Path:
    """The version resource of duty-console.exe, in the text form PyInstaller's `version=`
    evaluates on Windows, from the package version."""
    version = metadata.version("duty-console")
    numbers = tuple(int(part) for part in (version.split(".") + ["0", "0", "0"])[:4])
    strings = {"CompanyName": "Hebei safety-production supervision network",
               "FileDescription": "值班台 Duty Console", "FileVersion": version,
               "ProductName": "Duty Console", "ProductVersion": version,
               "OriginalFilename": "duty-console.exe", "InternalName": "duty-console",
               "LegalCopyright": "See THIRD_PARTY_NOTICES.txt for bundled software"}
    entries = ", ".join(f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    text = (f"VSVersionInfo(ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, "
            f"flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)), "
            f"kids=[StringFileInfo([StringTable('080404B0', [{entries}])]), "
            f"VarFileInfo([VarStruct('Translation', [0x0804, 1200])])])\n")
    path = work / "version_info.txt"
    path.write_text(text, encoding="utf-8")
    return path
