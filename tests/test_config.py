import subprocess
import sys

import pytest
from pydantic import ValidationError

from console.config import NodeConfig, load_config
from domain.config_files import ConfigError


def _write(tmp_path, text):
    path = tmp_path / "node.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_the_embedded_default(duty_home):
    config = load_config()
    assert config.is_demo and config.source is None
    assert config.node.division == "130000" and config.node.node_level == "province"
    assert config.backend.kind == "embedded" and config.runs_simulator
    assert config.backend.resolved_store_path == duty_home / "data" / "demo-store.sqlite"
    assert not duty_home.exists(), "loading the default config must write nothing"


def test_valid_city_node(tmp_path):
    path = _write(tmp_path, '[node]\ndivision = "130100"\nlevel = "city"\n[ui]\nlanguage = "en"\n')
    config = load_config(path)
    assert config.node.node_level == "city" and config.ui.language == "en" and config.source == path


@pytest.mark.parametrize(
    ("text", "key", "line", "words"),
    [
        ('[backend]\nport = "five"\n', "backend.port", 2, "integer"),
        ('[node]\ndivision = "139999"\n', "node.division", 2, "unknown division code"),
        ('[node]\ndivision = "130100"\nlevel = "county"\n', "node.level", 3, "city node"),
        ('[ui]\n\nlanguag = "en"\n', "ui.languag", 3, "unknown key"),
        ('[ui]\nstart_page = "nowhere"\n', "ui.start_page", 2, "unknown page"),
        ('[field]\nsimulator_incidents = ["flood:TP13012101"]\n', "field.simulator_incidents", 2, "unknown incident"),
        ('[field]\nsimulator_incidents = ["leak:HC13108102:soon"]\n', "field.simulator_incidents", 2, "seconds"),
    ],
)
def test_bad_values_name_file_line_and_key(tmp_path, text, key, line, words):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: {key}: ")
    assert words in message and "\n" not in message


def test_scripted_incidents_of_the_embedded_simulator(tmp_path):
    path = _write(tmp_path, '[field]\nsimulator_incidents = ["rainstorm:TP13012101:-4500:2700:14400", "offline:HC13108102"]\n')
    incidents = load_config(path).field.simulator_incidents
    assert [(i.kind, i.site, i.delay, i.ramp, i.hold) for i in incidents] == [
        ("rainstorm", "TP13012101", -4500.0, 2700.0, 14400.0), ("offline", "HC13108102", 0.0, 60.0, 600.0)]


def test_broken_toml_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match=r"node.toml: not valid TOML: .*line 1"):
        load_config(_write(tmp_path, "[node\n"))
    with pytest.raises(ConfigError, match=r"absent.toml: config file not found"):
        load_config(tmp_path / "absent.toml")


@pytest.mark.parametrize("text", ['[node]\ndivision = 130100\n', None])
def test_cli_refuses_bad_config_and_writes_nothing(tmp_path, text):
    path = tmp_path / "node.toml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    home = tmp_path / "home"
    result = subprocess.run(
        [sys.executable, "-m", "console", "--config", str(path), "self-test"],
        capture_output=True, text=True, env={"DUTY_CONSOLE_HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "config error" in lines[0]
    assert not home.exists()


def test_frozen_sections_reject_mutation():
    config = NodeConfig()
    with pytest.raises(ValidationError):
        config.node.division = "130100"
