# Build the Windows bundle and installer (run on Windows 10/11 x64 with Python 3.11,
# VLC 3.0 64-bit in C:\Program Files\VideoLAN\VLC, ffmpeg on PATH and NSIS 3 installed).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
py -3.11 -m venv .venv
.venv\Scripts\pip install -r requirements.lock
.venv\Scripts\pip install --no-deps -e .
.venv\Scripts\python installer\make_icons.py build\icons
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\duty_console.spec
$version = .venv\Scripts\python -c "from importlib.metadata import version; print(version('duty-console'))"
makensis /DVERSION=$version /DDIST=..\..\dist\duty-console installer\windows\duty-console.nsi
