"""The real `duty-console` process: screenshots, no-display message, self-test."""
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from console.navigation import PAGE_KEYS


def _run(args, home, extra_env=None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update({"DUTY_CONSOLE_HOME": str(home), **(extra_env or {})})
    return subprocess.run([sys.executable, "-m", "console", *args], capture_output=True, text=True, env=env, timeout=90)


@pytest.mark.parametrize("page", PAGE_KEYS)
def test_screenshot_of_every_page(tmp_path, page, qapp):
    out = tmp_path / f"{page}.png"
    result = _run(["--screenshot", str(out), "--page", page, "--size", "1366x768"], tmp_path / "home",
                  drop=("QT_QPA_PLATFORM", "DISPLAY"))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    colours = {image.pixel(x, y) for x in range(0, 1366, 7) for y in range(0, 768, 7)}
    assert len(colours) > 20, "the window rendered as a flat image"


def test_screenshot_leaves_the_operator_layout_alone(tmp_path):
    home = tmp_path / "home"
    assert _run(["--screenshot", str(tmp_path / "a.png"), "--page", "video"], home).returncode == 0
    ini = home / "config" / "ui.ini"
    assert not ini.exists() or "video" not in ini.read_text()


def test_without_display_the_gui_names_screenshot_and_xvfb(tmp_path):
    result = _run([], tmp_path / "home", drop=("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))
    assert result.returncode == 2
    assert "--screenshot" in result.stderr and "xvfb-run" in result.stderr


def test_every_subcommand_has_help(tmp_path):
    from console.cli import SUBCOMMANDS

    for command in [None, *SUBCOMMANDS]:
        result = _run([command, "--help"] if command else ["--help"], tmp_path / "home")
        assert result.returncode == 0 and "usage: duty-console" in result.stdout


def test_self_test_passes_on_the_embedded_default(tmp_path):
    result = _run(["self-test"], tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("config", "store", "backend", "fonts"):
        assert any(line.startswith("OK") and f" {name} " in line + " " for line in result.stdout.splitlines()), name


def test_self_test_fails_when_the_store_cannot_be_written(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    config = tmp_path / "node.toml"
    config.write_text(f'[backend]\nstore_path = "{blocker}/store.sqlite"\n')
    result = _run(["--config", str(config), "self-test"], tmp_path / "home")
    assert result.returncode == 1
    assert any(line.startswith("FAIL") and "store" in line for line in result.stdout.splitlines())


def test_make_config_writes_a_valid_county_node_and_refuses_bad_divisions(tmp_path):
    out = tmp_path / "nodes" / "node.toml"
    result = _run(["make-config", "--division", "130102", "--out", str(out)], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    from console.config import load_config

    config = load_config(out)
    assert config.node.node_level == "county" and config.backend.kind == "embedded" and config.field.simulator
    refused = _run(["make-config", "--division", "130102", "--out", str(out)], tmp_path / "home")
    assert refused.returncode == 2 and "--force" in refused.stderr
    bad = tmp_path / "bad.toml"
    result = _run(["make-config", "--division", "139999", "--out", str(bad)], tmp_path / "home")
    assert result.returncode == 2 and "node.division" in result.stderr
    assert list(tmp_path.glob("bad.toml*")) == []


def test_make_config_never_writes_a_config_whose_backend_fails_self_test(tmp_path):
    import socket

    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    out = tmp_path / "node.toml"
    result = _run(["make-config", "--division", "130102", "--backend-host", "127.0.0.1", "--port", str(port),
                   "--dbname", "duty_x", "--password-env", "SET_PW", "--sslmode", "disable", "--out", str(out)],
                  tmp_path / "home", extra_env={"SET_PW": "x"})
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert f"127.0.0.1:{port}/duty_x" in lines[0] and "backend:" in lines[0]
    assert list(tmp_path.glob("node.toml*")) == []


def test_startup_report_names_the_window_then_the_first_live_value(tmp_path):
    """`bench/startup.py` times these lines: the window first, then a live value on the overview."""
    result = _run(["--startup-report", "--page", "overview"], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["startup", "window-shown", "startup", "first-live-value"]
