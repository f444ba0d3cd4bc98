"""The simulated network's catalogue: counts, determinism, places and limit ladders."""
from __future__ import annotations

import pytest

from domain.divisions import hebei
from domain.values import AlarmLevel
from drivers.simulator.catalogue import _CountyShapes, build_catalogue
from domain.tags import SiteKind


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(7)


def test_counts_match_the_monitored_network(catalogue):
    kinds = [site.kind for site in catalogue.sites.values()]
    assert kinds.count(SiteKind.TAILINGS_POND) == 194
    assert kinds.count(SiteKind.HAZCHEM_SOURCE) == 86
    assert len(catalogue.tags) == 280 * 20
    assert all(len(catalogue.tags_of(code)) == 20 for code in catalogue.sites)


def test_same_seed_same_catalogue_other_seed_differs(catalogue):
    again = build_catalogue(7)
    assert again.sites == catalogue.sites and again.tags == catalogue.tags
    assert build_catalogue(8).sites != catalogue.sites


def test_sites_lie_in_real_counties_inside_the_boundary(catalogue):
    shapes = _CountyShapes()
    divisions = hebei()
    for site in catalogue.sites.values():
        assert divisions[site.division].level == "county"
        assert site.code[2:8] == site.division
        assert shapes.contains(site.division, site.lon, site.lat), site
        county = divisions[site.division]
        assert abs(site.lon - county.lon) < 0.6 and abs(site.lat - county.lat) < 0.6


def test_phreatic_ladder_follows_gb51108(catalogue):
    tag = next(t for t in catalogue.tags.values() if t.quantity == "phreatic_depth")
    by_level = {limit.level: limit for limit in tag.limits}
    red = by_level[AlarmLevel.RED].value
    assert all(limit.direction == "low" for limit in tag.limits)
    assert by_level[AlarmLevel.ORANGE].value == pytest.approx(1.1 * red, abs=1e-3)
    assert tag.unit == "m" and tag.key


def test_gas_limits_are_25_and_50_lel(catalogue):
    tag = next(t for t in catalogue.tags.values() if t.quantity == "gas_lel")
    assert {(l.level, l.value) for l in tag.limits} == {(AlarmLevel.ORANGE, 25.0), (AlarmLevel.RED, 50.0)}


def test_limit_ladders_are_monotonic_and_inside_the_span(catalogue):
    for tag in catalogue.tags.values():
        for direction in ("high", "low"):
            ladder = sorted((l for l in tag.limits if l.direction == direction), key=lambda l: l.level)
            values = [l.value for l in ladder]
            # most severe first: high limits fall, low limits rise as severity drops
            expected = sorted(values, reverse=direction == "high")
            assert values == expected, tag.id
            assert all(tag.span_lo <= v <= tag.span_hi for v in values), tag.id
