"""Drill scores from known timestamps (a pure function), scenarios as data, the drill report."""
from __future__ import annotations

import pytest

from domain.alarm_events import AlarmEvent, EventKind
from domain.divisions import hebei
from console.drill.report import report_html
from console.drill.runs import Drill, check_sites
from console.drill.scenarios import SCENARIOS
from console.drill.scoring import linear_points, score_drill
from drivers.simulator.catalogue import build_catalogue
from server_link.local_store import StoreError

COUNTY, CITY, PROVINCE = "130102", "130100", "130000"
T0 = 1_000_000.0


def event(kind: EventKind, at: float, node: str, id_: str) -> AlarmEvent:
    return AlarmEvent(id_, "occ", kind, 2, "TP13010201", "TP13010201.pond_level", "H", COUNTY, at,
                      operator="op", node=node, drill_id="d1")


def test_each_nodes_score_follows_from_its_stored_times():
    events = [event(EventKind.RAISE, T0, COUNTY, "r"),
              event(EventKind.LOOK, T0 + 30, COUNTY, "l1"),  # 30 s: full 25
              event(EventKind.ACK, T0 + 510, COUNTY, "a1"),  # 510 s of 120..900: 12.5
              event(EventKind.LOOK, T0 + 330, CITY, "l2")]  # 330 s of 60..600: 12.5; never acknowledged: 0
    # a general accident (class 4): enterprise → county 1 h, county → city 2 h from receipt
    incident = {"id": "i1", "division": COUNTY, "level": 4, "occurred_at": T0, "leader_learned_at": None}
    reports = [{"incident_id": "i1", "reporting_division": COUNTY, "reported_at": T0 + 600},
               {"incident_id": "i1", "reporting_division": CITY, "reported_at": T0 + 2250}]
    scores = {s.node: s for s in score_drill([COUNTY, CITY], hebei(), T0 - 60, events, [incident], reports,
                                             now=T0 + 4 * 3600)}
    county = scores[COUNTY]
    assert (county.look_s, county.ack_s, county.report_s) == (30.0, 510.0, 2250.0)
    assert county.points == {"look": 25.0, "ack": 12.5, "report": 12.5, "chain": 25.0}  # 2250 s of 900..3600
    assert (county.hops_on_time, county.hops_counted, county.total) == (1, 1, 75.0)
    city = scores[CITY]  # the city is the last level of a general accident's chain: no hop to send
    assert city.points == {"look": 12.5, "ack": 0.0, "report": None, "chain": None}
    assert city.total == 25.0


def test_a_late_hop_and_a_node_without_drill_alarms():
    incident = {"id": "i1", "division": COUNTY, "level": 3, "occurred_at": T0, "leader_learned_at": None}
    reports = [{"incident_id": "i1", "reporting_division": COUNTY, "reported_at": T0 + 3000},
               {"incident_id": "i1", "reporting_division": CITY, "reported_at": T0 + 3000 + 7300}]  # 100 s late
    scores = {s.node: s for s in score_drill([COUNTY, CITY], hebei(), T0, [], [incident], reports,
                                             now=T0 + 3000 + 7300 + 8000)}
    assert scores[COUNTY].points == {"look": None, "ack": None, "report": 0.0, "chain": 0.0}
    assert scores[COUNTY].report_s == 10300.0 and scores[COUNTY].total == 0.0
    # the city had not sent its hop to the province by its deadline (2 h after receipt)
    assert scores[CITY].points["chain"] == 0.0 and scores[CITY].hops_counted == 1


def test_linear_points_are_full_before_the_first_mark_and_none_after_the_second():
    assert linear_points(10.0, (60.0, 600.0)) == 25.0
    assert linear_points(600.0, (60.0, 600.0)) == 0.0
    assert linear_points(None, (60.0, 600.0)) == 0.0
    assert linear_points(195.0, (60.0, 600.0)) == 18.75


def test_scenarios_script_the_simulators_incidents_at_sites_of_the_right_kind():
    catalogue = build_catalogue(7)
    pond = next(code for code, site in catalogue.sites.items() if code.startswith("TP"))
    tank = next(code for code, site in catalogue.sites.items() if code.startswith("HC"))
    flood = SCENARIOS["tailings_flood"].incidents([pond])
    assert [(spec.kind, spec.site, spec.delay) for spec in flood] == [("rainstorm", pond, 0.0), ("offline", pond, 900.0)]
    check_sites(SCENARIOS["hazchem_leak"], [tank], catalogue)
    with pytest.raises(StoreError, match="needs a hazchem_source"):
        check_sites(SCENARIOS["hazchem_leak"], [pond], catalogue)
    with pytest.raises(StoreError, match="needs 2"):
        check_sites(SCENARIOS["site_comm_loss"], [pond], catalogue)


def test_the_report_names_the_scenario_each_node_and_its_total():
    drill = Drill("d1", "hazchem_leak", "危化品储罐泄漏 气体浓度超限", ("HC13010201",), (COUNTY,), T0, "wang", T0 + 900)
    scores = score_drill([COUNTY], hebei(), T0, [event(EventKind.RAISE, T0, COUNTY, "r")], [], [], T0 + 900)
    html = report_html(drill, scores, {COUNTY: "长安区"})
    assert "危化品储罐泄漏" in html and "长安区" in html and "<b>0.0</b>" in html and "演练数据" in html


def test_a_drill_plays_its_scenario_on_the_simulator_and_ending_it_ends_the_incidents(tmp_path):
    from console.drill.runs import DrillBook
    from console.drill.service import DrillService
    from console.operators.permissions import Actor, Role
    from drivers.simulator.catalogue import subset
    from drivers.simulator.servers import SimulatorPorts, SiteSimulator
    from server_link.local_store import LocalStore

    catalogue = subset(build_catalogue(7), 40)
    pond = next(code for code in catalogue.sites if code.startswith("TP"))
    county = catalogue.sites[pond].division
    simulator = SiteSimulator(catalogue, 7, SimulatorPorts(0, 0))  # its servers are not needed here
    store = LocalStore(tmp_path / "store.sqlite", county, hebei())
    book = DrillBook(store.path, county)
    try:
        service = DrillService(store, book, catalogue, simulator)
        drill = service.start(Actor("lead", "带班", Role.SHIFT_LEADER, county), "tailings_flood", [pond], [county])
        incidents = simulator.behaviour.incidents
        assert [(i.kind, i.site) for i in incidents] == [("rainstorm", pond), ("offline", pond)]
        assert book.current().id == drill.id and book.drill_at(pond, drill.started_at + 1) == drill.id
        level = simulator.behaviour.index[f"{pond}.pond_level"]
        peak = incidents[0].start + 400
        assert simulator.behaviour.values(peak)[level] > simulator.behaviour.base[level] + 0.5
        service.stop(Actor("lead", "带班", Role.SHIFT_LEADER, county), drill.id)
        assert all(i.end <= peak for i in incidents) and book.current() is None
        assert simulator.behaviour.offline_sites(incidents[1].start + 1) == set()
        assert abs(simulator.behaviour.values(peak)[level] - simulator.behaviour.base[level]) < 0.5
    finally:
        book.close()
        store.close()
