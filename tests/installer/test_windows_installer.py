"""The Windows installer script compiles (Debian's makensis), so what can only be run on
Windows is at least a valid NSIS 3 script packaging the bundle folder."""
from __future__ import annotations

import subprocess
from pathlib import Path

NSI = Path(__file__).resolve().parents[2] / "installer" / "windows" / "duty-console.nsi"


def test_nsis_script_packages_the_bundle_folder(tmp_path):
    dist = tmp_path / "dist"
    (dist / "_internal").mkdir(parents=True)
    (dist / "duty-console.exe").write_bytes(b"MZ stand-in for the PyInstaller executable")
    (dist / "_internal" / "THIRD_PARTY_NOTICES.txt").write_text("notices\n", encoding="utf-8")
    script = tmp_path / NSI.name
    script.write_text(NSI.read_text(encoding="utf-8"), encoding="utf-8")

    done = subprocess.run(["makensis", "-V2", "-DVERSION=9.8.7", f"-DDIST={dist}", str(script)],
                          capture_output=True, text=True, timeout=120)

    assert done.returncode == 0, done.stdout + done.stderr
    setup = tmp_path / "duty-console-9.8.7-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ"
    assert setup.stat().st_size > 10_000
