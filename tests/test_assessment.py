"""Assessment figures from known rows of a node's store, periods, link availability and the
xlsx export (read back with openpyxl)."""
from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook

from domain.alarm_events import AlarmEvent, EventKind
from console.assessment.export import HEADERS, export_xlsx
from console.assessment.links import LinkRecorder, availability
from console.assessment.periods import period
from console.assessment.stats import assess
from domain.divisions import hebei
from console.link_state import LinkBoard, LinkState
from console.operators import audit
from console.records.queries import RecordsReader
from server_link.alarm_journal import AlarmJournal
from server_link.local_store import LocalStore

NODE = "130102"
START, END = 100_000.0, 100_000.0 + 86_400.0


def alarm(kind: EventKind, at: float, occurrence: str, node: str = NODE, drill: str = "") -> AlarmEvent:
    return AlarmEvent(f"{occurrence}-{kind.value}-{at}", occurrence, kind, 2, "TP13010201", "TP13010201.pond_level",
                      "H", NODE, at, operator="zhangwei", node=node, drill_id=drill)


@pytest.fixture()
def store(tmp_path):
    store = LocalStore(tmp_path / "store.sqlite", NODE, hebei())
    yield store
    store.close()


def test_figures_per_node_from_sign_ins_acknowledgments_records_reports_and_links(store):
    entry = lambda user, action, at, **after: audit.entry(user, NODE, action, NODE, at=at, after=after or None)  # noqa: E731
    store.record_audit([
        entry("zhangwei", "login", START - 3600),  # signed in before the period: 2 h of it count
        entry("lina", "login", START + 7200),  # a take-over: zhangwei's session ends here
        entry("lina", "logout", START + 7200 + 5400),
        entry("zhangwei", "record_create", START + 100, title="巡查"),
        entry("zhangwei", "record_create", START + 200, title="演练", drill_id="d1"),  # a drill's: left out
        entry("zhangwei", "duty_log", START + 300, kind="call"),
        entry("lina", "record_approve", START + 400),
    ])
    journal = AlarmJournal(store)
    journal.append([alarm(EventKind.RAISE, START + 1000, "o1"), alarm(EventKind.ACK, START + 1060, "o1"),
                    alarm(EventKind.RAISE, START + 2000, "o2"), alarm(EventKind.ACK, START + 2180, "o2"),
                    alarm(EventKind.RAISE, START + 3000, "o3", drill="d1"),
                    alarm(EventKind.ACK, START + 3005, "o3", drill="d1")])
    assert journal.flush()
    journal.close()
    store.insert("incident", NODE, title="泄漏", kind="leak", level=4, occurred_at=START + 5000, status="open")
    incident = store.rows("incident")[0]
    store.insert("accident_report", NODE, incident_id=incident["id"], reporting_division=NODE,
                 due_at=START + 5000 + 3600, reported_at=START + 5600)
    store.insert("accident_report", NODE, incident_id=incident["id"], reporting_division="130100",
                 due_at=START + 5600 + 7200, reported_at=START + 5600 + 7300)  # 100 s late
    clock = [START - 60]
    board = LinkBoard()
    recorder = LinkRecorder(store.path, board, clock=lambda: clock[0])
    board.report("backend", LinkState.UP)
    clock[0] = START + 21_600
    board.report("backend", LinkState.DOWN, "timeout")  # down for a quarter of the day
    clock[0] = START + 43_200
    board.report("backend", LinkState.UP)
    assert recorder.flush()
    recorder.close()

    reader = RecordsReader(store.path, NODE)
    figures = assess(reader, hebei(), START, END, now=END + 10)
    reader.close()
    assert [f.node for f in figures] == [NODE]
    county = figures[0]
    assert county.logins == 1 and county.duty_hours == 3.5  # zhangwei 2 h in the period + lina 1.5 h
    assert county.acknowledged == 2 and county.response_mean_s == 120.0 and county.response_max_s == 180.0
    assert (county.records_entered, county.records_approved) == (2, 1)
    assert (county.reports_on_time, county.reports_counted, county.timeliness) == (0, 1, 0.0)
    assert county.links == {"backend": 0.75, "field": None, "video": None}


def test_xlsx_export_opens_with_openpyxl_and_holds_the_figures(store, tmp_path):
    store.record_audit([audit.entry("zhangwei", NODE, "login", NODE, at=START + 10)])
    reader = RecordsReader(store.path, NODE)
    figures = assess(reader, hebei(), START, END, now=START + 3610)
    reader.close()
    path = tmp_path / "考核.xlsx"
    export_xlsx(figures, {NODE: "长安区"}, START, END, path)
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == HEADERS
    assert rows[2][:3] == ("长安区 (130102)", 1, 1.0)


def test_periods_and_availability():
    start, end = period("week", datetime(2026, 12, 3, 15, 0))
    assert datetime.fromtimestamp(start) == datetime(2026, 11, 30) and end - start == 7 * 86_400
    start, end = period("month", datetime(2026, 12, 3))
    assert datetime.fromtimestamp(end) == datetime(2027, 1, 1)
    assert availability([("up", 0.0), ("down", 50.0), ("unknown", 75.0)], 0.0, 100.0) == 50.0 / 75.0
    assert availability([], 0.0, 100.0) is None
