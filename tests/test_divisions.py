from domain.divisions import hebei

XIONGAN, DINGZHOU, XINJI = "133100", "130682", "130181"


def test_all_180_divisions_with_supervision_tree():
    registry = hebei()
    assert len(registry) == 180
    assert registry.jurisdiction("130000") == set(registry.by_code)
    assert sum(1 for d in registry.by_code.values() if d.level == "county") == 167


def test_city_sees_its_counties_only():
    registry = hebei()
    shijiazhuang = registry.jurisdiction("130100")
    assert "130102" in shijiazhuang and "130100" in shijiazhuang
    assert "130202" not in shijiazhuang
    assert XINJI not in shijiazhuang  # Xinji reports to the province directly


def test_xiongan_supervises_three_baoding_counties():
    registry = hebei()
    assert registry.jurisdiction(XIONGAN) == {XIONGAN, "130629", "130632", "130638"}
    assert not registry.in_jurisdiction("130600", "130629")
    assert registry.chain_up("130629") == ["130629", XIONGAN, "130000"]


def test_province_direct_cities_are_city_level_nodes():
    registry = hebei()
    assert registry.node_level(DINGZHOU) == "city" and registry.node_level(XINJI) == "city"
    assert registry.node_level("130102") == "county"
    assert registry.chain_up(DINGZHOU) == [DINGZHOU, "130000"]
