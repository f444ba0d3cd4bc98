"""Demo vs real node: the simulator and demo records run only when asked for; a demo says so on
screen and writes to no backend; synthetic contacts are fictional and names look natural."""
from __future__ import annotations

import random
import re

import pytest
from PySide6.QtCore import QSettings

from console import i18n
from console.startup import run_now
from console.services.acquisition_bridge import start_acquisition
from console.config import load_config
from console.context import AppContext
from console.link_state import LinkState
from console.main_window import MainWindow
from server_link import synthetic
from server_link.fictional import EnterpriseNamer, fictional_landline, fictional_mobile

BACKEND_NODE = ('[node]\ndivision = "130102"\n\n[backend]\nkind = "postgresql"\nhost = "127.0.0.1"\n'
                'user = "node_130102"\npassword_env = "DUTY_DB_PASSWORD"\n')
REAL_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _node(tmp_path, text=BACKEND_NODE):
    path = tmp_path / "node.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _window(qtbot, tmp_path, config):
    window = MainWindow(AppContext(config), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_a_node_with_a_backend_and_no_field_section_starts_no_simulator(qtbot, tmp_path):
    config = load_config(_node(tmp_path))
    assert not config.is_demo and not config.runs_simulator
    context = AppContext(config)
    run_now(start_acquisition, context)()
    assert "simulator" not in context.services and "acquisition" not in context.services
    assert context.links.state("field")[0] is LinkState.DOWN


def test_any_config_file_without_field_simulator_is_not_a_simulation(tmp_path):
    config = load_config(_node(tmp_path, '[node]\ndivision = "130000"\n'))
    assert not config.is_demo and not config.runs_simulator
    asked = load_config(_node(tmp_path, '[field]\nsimulator = true\n'))
    assert asked.runs_simulator and not asked.is_demo


def test_no_config_is_a_demo_in_its_own_store_with_no_backend(duty_home):
    config = load_config()
    assert config.is_demo and config.runs_simulator and config.backend.kind == "embedded"
    assert config.backend.resolved_store_path.name == "demo-store.sqlite"


def test_demo_flag_turns_a_backend_node_into_a_local_demonstration(tmp_path, duty_home):
    config = load_config(_node(tmp_path), demo=True)
    assert config.is_demo and config.runs_simulator
    assert config.node.division == "130102" and config.backend.kind == "embedded"
    assert config.backend.resolved_store_path == duty_home / "data" / "demo-store.sqlite"
    from console.node_sync import open_store, sync_service

    store = open_store(config)
    try:
        assert sync_service(config, store) is None
    finally:
        store.close()


def test_the_demo_banner_shows_with_no_config(qtbot, tmp_path, duty_home):
    i18n.set_language("zh_CN")
    window = _window(qtbot, tmp_path, load_config())
    window.show()
    assert window.demo_banner is not None and window.demo_banner.isVisible()
    assert window.demo_banner.text() == "演示模式 · 模拟数据"
    i18n.set_language("en")
    try:
        qtbot.waitUntil(lambda: window.demo_banner.text() == "Demo mode · simulated data", timeout=5000)
    finally:
        i18n.set_language("zh_CN")


def test_a_real_node_shows_no_demo_banner(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, load_config(_node(tmp_path)))
    assert window.demo_banner is None


def test_fictional_numbers_are_not_real_mobile_or_dialable_numbers():
    rng = random.Random(1)
    mobiles = [fictional_mobile(rng) for _ in range(2000)]
    landlines = [fictional_landline(rng) for _ in range(2000)]
    assert all(len(m) == 11 and m.startswith("100") and not REAL_MOBILE.match(m) for m in mobiles)
    assert all(re.fullmatch(r"0311-0\d{7}", number) for number in landlines)


@pytest.mark.parametrize("count", [3000])
def test_enterprise_names_are_unique_without_numeric_suffixes(count):
    namer = EnterpriseNamer(random.Random(3))
    names = [namer.name("平山县", "矿业") for _ in range(count)]
    assert len(set(names)) == count
    assert not any(re.search(r"\d", name) for name in names)
    assert all(name.startswith("平山县") and name.endswith("公司") for name in names)


def test_synthetic_and_demo_records_carry_only_fictional_contacts(tmp_path):
    from console.records import demo_data
    from server_link.local_store import LocalStore
    from domain.divisions import hebei

    data = synthetic.generate(seed=5, enterprises=400)
    store = LocalStore(tmp_path / "demo.sqlite", "130100", hebei())
    try:
        demo_data.fill(store, enterprises=300)
        rows = data["enterprise"] + store.rows("enterprise") + data["rescue_team"] + store.rows("rescue_team")
        phones = [row["phone"] for row in rows] + [row["phone"] for row in store.rows("enterprise_contact")]
        names = [row["name"] for row in data["enterprise"] + store.rows("enterprise")]
    finally:
        store.close()
    assert phones and all(re.fullmatch(r"0311-0\d{7}|100\d{8}", phone) for phone in phones)
    assert not any(REAL_MOBILE.match(phone) for phone in phones)
    assert not any(re.search(r"\d", name) for name in names)
