"""Drills through a real PostgreSQL: a county node (130102) starts a drill at its tailings pond,
the city node (130100) takes part. The drill's alarms and records carry its id on both nodes
and never count as real: not in the KPIs, not in the assessment, not in the handover."""
from __future__ import annotations

import pytest

from domain.alarm_events import EventKind
from console.alarms.kpi import compute_kpis
from console.assessment.stats import assess
from domain.divisions import hebei
from console.drill.report import drill_scores
from console.drill.runs import DrillBook
from console.drill.service import DrillService
from console.operators.permissions import Actor, PermissionDenied, Role
from console.records import duty
from console.records.accident_class import Casualties
from console.records.incidents import Location, open_incidents, register_incident
from console.records.queries import RecordsReader
from tests.support.alarm_sites import small_catalogue, value
from tests.sync.test_alarm_journal_sync import alarm_node, settle_alarms  # noqa: F401, F811 (fixture)

pytestmark = pytest.mark.postgres
LEADER = Actor("wangqiang", "王强", Role.SHIFT_LEADER, "130102")
OFFICER = Actor("zhangwei", "张伟", Role.DUTY_OFFICER, "130102")
CITY_OFFICER = Actor("lina", "李娜", Role.DUTY_OFFICER, "130100")
POND, TANK = "TP13010201", "HC13010201"
LEVEL, GAS = f"{POND}.pond_level", f"{TANK}.gas_lel"


def test_a_drills_alarms_and_records_are_marked_on_both_nodes_and_never_counted_as_real(alarm_node):
    county, city = alarm_node("130102", now=1000.0), alarm_node("130100", now=1000.0)
    books = {}
    for node in (county, city):
        books[node.sync.division] = DrillBook(node.sync.store.path, node.sync.store.node)
        node.engine.drill_of = books[node.sync.division].drill_at
    service = DrillService(county.sync.store, books["130102"], small_catalogue())
    with pytest.raises(PermissionDenied):
        service.start(OFFICER, "tailings_flood", [POND], ["130102", "130100"], at=900.0)
    drill = service.start(LEADER, "tailings_flood", [POND], ["130102", "130100"], at=900.0)
    settle_alarms([county, city])
    assert books["130100"].refresh() and books["130100"].current().id == drill.id

    # the drill's pond level alarm and a real gas alarm at the other site, both acknowledged at the county
    county.engine.evaluate([value(LEVEL, 85.0, 1000.0), value(GAS, 30.0, 1000.0)])
    drilled, real = county.engine.record(LEVEL, "H"), county.engine.record(GAS, "H")
    assert drilled.drill_id == drill.id and real.drill_id == ""
    assert county.engine.flood.rate == 1  # the live flood count is real alarms only
    county.clock.now = 1030.0
    county.engine.look([drilled], OFFICER)
    county.clock.now = 1090.0
    county.engine.acknowledge([drilled, real], OFFICER)
    county.durable()
    reader = RecordsReader(county.sync.store.path, "130102")
    register_incident(county.sync.store, reader, OFFICER, "130102", "演练：尾矿库漫顶险情", "tailings",
                      Location(lon=114.5, lat=38.0), Casualties(0, 0, 0), occurred_at=1000.0, received_at=1200.0,
                      drill_id=drill.id)
    settle_alarms([county, city])

    for node in (county, city):
        events = node.journal.events()
        assert {e.drill_id for e in events if e.tag == LEVEL} == {drill.id}
        assert {e.drill_id for e in events if e.tag == GAS} == {""}
        assert compute_kpis(events, 0.0, 3600.0).total == 1  # the real gas alarm only
        drill_records = [r for r in node.engine.active_alarms() if r.drill_id]
        assert [r.tag for r in drill_records] == [LEVEL]
        summaries = duty.alarm_summaries(node.engine.active_alarms(), 1100.0)
        assert all(s.tag != LEVEL for s in summaries)

    city_reader = RecordsReader(city.sync.store.path, "130100")
    assert [i.incident["drill_id"] for i in open_incidents(city_reader)] == [drill.id]
    assert open_incidents(city_reader, include_drills=False) == []
    items = duty.open_items(city_reader, hebei(), 1300.0)
    assert not [item for item in items if item.kind == "incident"]

    figures = {f.node: f for f in assess(city_reader, hebei(), 0.0, 3600.0, now=3600.0)}
    assert figures["130102"].acknowledged == 1  # the gas alarm; the drill's acknowledgment is left out
    assert figures["130102"].records_entered == 0  # the drill incident is no real record

    service.stop(LEADER, drill.id, at=1500.0)
    settle_alarms([county, city])
    books["130100"].refresh()
    assert books["130100"].current() is None and books["130100"].get(drill.id).ended_at == 1500.0
    scores = {s.node: s for s in drill_scores(city_reader, hebei(), books["130100"].get(drill.id), now=5000.0)}
    assert scores["130102"].look_s == 30.0 and scores["130102"].ack_s == 90.0
    assert scores["130100"].look_s is None and scores["130100"].points["look"] == 0.0
    county.clock.now = 1600.0
    county.engine.evaluate([value(LEVEL, 10.0, 1600.0), value(LEVEL, 86.0, 1601.0)])
    assert county.engine.record(LEVEL, "H").drill_id == ""  # after the drill, alarms are real again
    assert EventKind.LOOK in {e.kind for e in city.journal.events()}
    for node in (county, city):
        books[node.sync.division].close()
    reader.close()
    city_reader.close()
