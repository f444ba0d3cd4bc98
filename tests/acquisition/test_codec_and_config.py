"""Modbus word orders and block planning; addresses; acquisition config errors."""
from __future__ import annotations


import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.config_files import ConfigError
from drivers.acq_config import AcquisitionConfig, dump_toml, load_acquisition_config
from drivers.address import AddressError, parse_modbus_point, parse_point_url
from drivers.modbus_codec import Point, decode, encode, plan_blocks


@pytest.mark.parametrize("order, words", [
    ("ABCD", [0x3F80, 0x0000]), ("CDAB", [0x0000, 0x3F80]),
    ("BADC", [0x803F, 0x0000]), ("DCBA", [0x0000, 0x803F]),
])
def test_float32_word_orders_match_the_wire(order, words):
    assert encode(1.0, "float32", order) == words
    assert decode(words, "float32", order) == 1.0


def test_integer_types_and_float64():
    assert decode([0xFFFF], "int16") == -1 and decode([0xFFFF], "uint16") == 65535
    assert decode([0x0001, 0x0000], "int32", "CDAB") == 1
    assert decode([0x1234, 0x5678], "uint32") == 0x12345678
    assert decode(encode(-2.5e9, "float64", "DCBA"), "float64", "DCBA") == -2.5e9
    with pytest.raises(ValueError, match="needs 2 registers"):
        decode([1], "float32")


@given(st.floats(allow_nan=False, allow_infinity=False, width=32),
       st.sampled_from(["ABCD", "CDAB", "BADC", "DCBA"]))
def test_float32_round_trip(value, order):
    assert decode(encode(value, "float32", order), "float32", order) == value


def test_blocks_bridge_small_gaps_and_respect_125_registers():
    points = [(f"t{i}", Point("hr", 2 * i)) for i in range(100)]  # 200 registers
    points += [("gap", Point("hr", 206)), ("ir", Point("ir", 0, "int16")), ("coil", Point("co", 5))]
    blocks = plan_blocks(points, max_gap=8)
    hr = [b for b in blocks if b.table == "hr"]
    assert all(b.count <= 125 for b in blocks)
    assert sum(len(b.members) for b in hr) == 101
    assert len(hr) == 2 and hr[-1].start + hr[-1].count == 208  # the point 6 registers on was bridged
    assert {b.table for b in blocks} == {"hr", "ir", "co"}
    far = plan_blocks([("a", Point("hr", 0)), ("b", Point("hr", 100))], max_gap=8)
    assert len(far) == 2


def test_addresses():
    assert parse_modbus_point("ir/7?type=int16&order=badc") == Point("ir", 7, "int16", "BADC")
    endpoint, node = parse_point_url("opc.tcp://127.0.0.1:4840/site#ns=2;s=Pond01.WaterLevel")
    assert endpoint.url == "opc.tcp://127.0.0.1:4840/site" and node == "ns=2;s=Pond01.WaterLevel"
    endpoint, address = parse_point_url("modbus://127.0.0.1:5020/3/hr/100?type=uint32&order=CDAB")
    assert (endpoint.port, endpoint.unit, address) == (5020, 3, "hr/100?type=uint32&order=CDAB")
    for bad, reason in [("hr/x", "address must be"), ("xx/1", "table must be"), ("hr/1?type=str", "type must be"),
                        ("hr/1?order=ABDC", "order must be"), ("hr/1?typo=int16", "unknown option")]:
        with pytest.raises(AddressError, match=reason):
            parse_modbus_point(bad)


GOOD = """
[[site]]
code = "TP13028301"
name = "迁安市测试尾矿库"
kind = "tailings_pond"
division = "130283"
lon = 118.7
lat = 40.0

[[device]]
name = "dev1"
site = "TP13028301"
primary = "modbus://127.0.0.1:5020/1"

[[tag]]
id = "TP13028301.pond_level"
device = "dev1"
quantity = "pond_level"
name = "库水位"
unit = "m"
span = [0, 40]
primary = "hr/0?type=uint16"
scale_raw = [0, 4000]
scale_eng = [0, 40]
deadband_pct = 0.5
limits = [{ level = "red", direction = "high", value = 30 }]
"""


def test_valid_config_becomes_a_plan_with_scaling_and_limits(tmp_path):
    path = tmp_path / "acq.toml"
    path.write_text(GOOD, encoding="utf-8")
    plan = load_acquisition_config(path).to_plan()
    binding = plan.tags["TP13028301.pond_level"]
    assert binding.to_engineering(2500) == pytest.approx(25.0)
    assert binding.deadband == pytest.approx(0.2)
    assert plan.catalogue.tags["TP13028301.pond_level"].limits[0].value == 30
    again = tmp_path / "again.toml"
    again.write_text(dump_toml(load_acquisition_config(path)), encoding="utf-8")
    assert load_acquisition_config(again) == load_acquisition_config(path)


@pytest.mark.parametrize("change, message", [
    (('device = "dev1"\nquantity', 'device = "nope"\nquantity'), "device 'nope' is not defined"),
    (('primary = "hr/0?type=uint16"', 'primary = "hr/0?type=uint17"'), "type must be one of"),
    (('span = [0, 40]', 'span = [40, 0]'), "span low 40.0 must be below high 0.0"),
    (('scale_eng = [0, 40]\n', ''), "give both scale_raw and scale_eng"),
    (('unit = "m"', 'unit = "m"\ncolour = "red"'), "tag.0.colour: unknown key"),
    (('primary = "modbus://127.0.0.1:5020/1"', 'primary = "modbus://127.0.0.1:5020/999"'), "unit id must be 0..247"),
    (('primary = "modbus://127.0.0.1:5020/1"', 'primary = "opc.tcp://127.0.0.1:4840/site"'),
     "hr/0?type=uint16: not an OPC UA node id"),
])
def test_config_errors_name_the_file_key_and_problem(tmp_path, change, message):
    path = tmp_path / "acq.toml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_acquisition_config(path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)


def test_security_without_a_pinned_server_certificate_is_refused():
    with pytest.raises(ValueError, match="server_certificate"):
        AcquisitionConfig.model_validate({"endpoint": [{
            "url": "opc.tcp://127.0.0.1:4840/x", "security_policy": "Basic256Sha256",
            "certificate": "c.pem", "private_key": "k.pem"}]})


def test_the_simulators_config_is_valid_and_validating_it_gives_the_same_plan():
    """`simulator_config` skips validation for speed; validated, its output must be the same plan."""
    from drivers.acq_config import AcquisitionConfig
    from drivers.simulator.catalogue import build_catalogue
    from drivers.simulator.ports import SimulatorPorts
    from drivers.simulator.plan import simulator_config

    built = simulator_config(build_catalogue(20180830), SimulatorPorts(4840, 20000))
    validated = AcquisitionConfig.model_validate(built.model_dump())
    plan, checked = built.to_plan(), validated.to_plan()
    assert len(plan.tags) == 5600
    assert plan.tags == checked.tags and plan.devices == checked.devices
    assert plan.catalogue.sites == checked.catalogue.sites
