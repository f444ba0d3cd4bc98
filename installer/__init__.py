"""PyInstaller spec, node presets, build and smoke-test scripts."""
