"""Rate-of-change, deviation and discrete-state alarms declared per tag in the acquisition config."""
from __future__ import annotations

import pytest

from console.alarms import AlarmEngine
from console.alarms.messages import render
from domain.config_files import ConfigError
from domain.divisions import hebei
from drivers.acq_config import dump_toml, load_acquisition_config
from domain.values import AlarmLevel
from tests.support.alarm_sites import value
from tests.test_alarm_states import Clock

SITE = """
[[site]]
code = "HC13010201"
name = "测试储罐区"
kind = "hazchem_source"
division = "130102"
lon = 114.6
lat = 38.1

[[device]]
name = "dev1"
site = "HC13010201"
primary = "modbus://127.0.0.1:5020/1"

[[tag]]
id = "HC13010201.tank_level"
device = "dev1"
quantity = "tank_level"
name = "储罐液位"
unit = "m"
span = [0, 20]
primary = "hr/0?type=uint16"
limits = [{ level = "red", direction = "high", value = 18 }]

[[tag.alarm]]
kind = "rate"
level = "orange"
limit = 0.5
on_delay_s = 10

[[tag.alarm]]
kind = "deviation"
level = "yellow"
setpoint = 10
limit = 3
deadband = 0.5

[[tag]]
id = "HC13010201.leak"
device = "dev1"
quantity = "leak_detector"
name = "泄漏检测"
span = [0, 1]
primary = "hr/1?type=uint16"

[[tag.alarm]]
kind = "discrete"
level = "red"
state = 1
label = "泄漏"
latching = true
"""
LEVEL, LEAK = "HC13010201.tank_level", "HC13010201.leak"


def load(tmp_path, text: str = SITE):
    path = tmp_path / "acq.toml"
    path.write_text(text, encoding="utf-8")
    return path, load_acquisition_config(path)


def test_declared_conditions_reach_the_catalogue_and_survive_a_dump(tmp_path):
    path, config = load(tmp_path)
    tag = config.to_plan().catalogue.tags[LEVEL]
    assert [(c.kind, c.level, c.limit) for c in tag.conditions] == [
        ("rate", AlarmLevel.ORANGE, 0.5), ("deviation", AlarmLevel.YELLOW, 3.0)]
    assert tag.conditions[0].on_delay_s == 10 and tag.conditions[1].setpoint == 10
    again = tmp_path / "again.toml"
    again.write_text(dump_toml(config), encoding="utf-8")
    assert load_acquisition_config(again) == config


def test_the_engine_raises_them_with_their_delays_deadband_and_latching(tmp_path):
    _, config = load(tmp_path)
    clock = Clock(0.0)
    engine = AlarmEngine(config.to_plan().catalogue, hebei(), "130000", clock=clock)
    engine.evaluate([value(LEVEL, 10.0, 0.0), value(LEVEL, 10.1, 60.0), value(LEAK, 0.0, 60.0)])
    assert engine.active_alarms() == []
    engine.evaluate([value(LEVEL, 11.1, 120.0)])  # 1 m/min, held less than the 10 s on-delay
    engine.evaluate([value(LEVEL, 11.15, 125.0)])  # 0.6 m/min
    assert engine.record(LEVEL, "ROC") is None
    clock.now = 131.0
    engine.tick()
    roc = engine.record(LEVEL, "ROC")
    assert roc.active and roc.raised_at == 130.0 and roc.level is AlarmLevel.ORANGE
    engine.evaluate([value(LEVEL, 13.2, 2000.0)])  # 3.2 off the setpoint 10
    dev = engine.record(LEVEL, "DEV")
    assert dev.active and dev.level is AlarmLevel.YELLOW
    engine.evaluate([value(LEVEL, 12.8, 2100.0)])  # back inside 3, but not by the 0.5 deadband
    assert dev.active
    engine.evaluate([value(LEVEL, 12.4, 2200.0)])
    assert not dev.active
    engine.evaluate([value(LEAK, 1.0, 2200.0), value(LEAK, 0.0, 2210.0)])
    leak = engine.record(LEAK, "STATE")
    assert leak.level is AlarmLevel.RED and leak.latched and not leak.active  # stays until reset
    assert render(leak.message) == "泄漏检测: 泄漏"
    assert render(roc.message) == "储罐液位 changing faster than 0.5 m/min"
    assert render(dev.message) == "储罐液位 off setpoint 10 by 3 m or more"


def test_two_of_a_kind_get_numbered_names(tmp_path):
    second = SITE.replace('label = "泄漏"', 'label = "泄漏"\n\n[[tag.alarm]]\nkind = "discrete"\nlevel = "blue"\nstate = 2')
    _, config = load(tmp_path, second)
    engine = AlarmEngine(config.to_plan().catalogue, hebei(), "130000", clock=Clock(0.0))
    engine.evaluate([value(LEAK, 2.0, 1.0)])
    rec = engine.record(LEAK, "STATE2")
    assert rec.level is AlarmLevel.BLUE and render(rec.message) == "泄漏检测 in alarm state 2"


@pytest.mark.parametrize("change, message", [
    (('limit = 0.5', ''), "tag.0.alarm.0: a rate alarm needs limit"),
    (('setpoint = 10', ''), "a deviation alarm needs setpoint"),
    (('state = 1', ''), "a discrete alarm needs state"),
    (('limit = 0.5', 'limit = 0.5\nsetpoint = 3'), "setpoint has no meaning for a rate alarm"),
    (('limit = 0.5', 'limit = -0.5'), "a rate alarm needs a limit above 0 (got -0.5)"),
    (('deadband = 0.5', 'deadband = 3'), "deadband 3 must be smaller than the limit 3"),
    (('kind = "rate"', 'kind = "slope"'), "tag.0.alarm.0.kind: Input should be 'rate', 'deviation' or 'discrete'"),
    (('level = "orange"', 'level = "purple"'), "tag.0.alarm.0.level"),
    (('on_delay_s = 10', 'on_delay_s = -1'), "tag.0.alarm.0.on_delay_s"),
    (('on_delay_s = 10', 'on_dealy_s = 10'), "tag.0.alarm.0.on_dealy_s: unknown key"),
    (('label = "泄漏"', 'label = "泄漏"\n\n[[tag.alarm]]\nkind = "discrete"\nlevel = "blue"\nstate = 1'),
     "HC13010201.leak: two discrete alarms for the same state"),
])
def test_bad_declarations_are_refused_naming_file_key_and_problem(tmp_path, change, message):
    assert change[0] in SITE
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, SITE.replace(*change, 1))
    assert str(caught.value).startswith(str(tmp_path / "acq.toml")) and message in str(caught.value)
