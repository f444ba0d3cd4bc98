"""EEMUA 191 / ISA-18.2 KPIs from journal events."""
from __future__ import annotations

import csv
import io

from console.alarms.kpi import FloodDetector, compute_kpis
from domain.alarm_events import AlarmEvent, EventKind, occurrence_id


def raise_at(tag: str, at: float) -> AlarmEvent:
    occ = occurrence_id(tag, "H", at)
    return AlarmEvent(f"r{tag}{at}", occ, EventKind.RAISE, 2, "S", tag, "H", "130102", at)


def clear_at(tag: str, raised: float, at: float) -> AlarmEvent:
    occ = occurrence_id(tag, "H", raised)
    return AlarmEvent(f"c{tag}{at}", occ, EventKind.CLEAR, 2, "S", tag, "H", "130102", at)


def test_rates_peak_flood_chattering_standing_and_top10():
    hour = 3600.0
    events = [raise_at("standing", -25 * hour)]
    events += [raise_at(f"flood{i}", 600.0 + i) for i in range(12)]  # 12 alarms in one 10-min interval
    events += [raise_at("chatter", 2000.0 + i * 15) for i in range(4)]  # 4 in 45 s
    events += [raise_at("slow", 3000.0 + i * 100) for i in range(3)]  # 3 in 200 s: not chattering
    report = compute_kpis(events, 0.0, hour)
    assert report.total == 19
    assert report.per_10min == [0, 12, 0, 4, 0, 3]
    assert report.peak_10min == 12 and report.peak_at == 600.0
    assert report.average_per_10min == 19 / 6
    # flood from the 11th alarm (610 s) until the window holds fewer than 5 (1200+7 s)
    assert abs(report.flood_percent - 100 * (1207.0 - 610.0) / hour) < 0.01
    assert report.chattering == [("chatter", "H", 4)]
    assert report.standing[0][0] == "standing" and report.standing[0][2] > 25.9
    assert report.top10[0] == ("chatter", "H", 4) and len(report.top10) == 10
    rows = list(csv.reader(io.StringIO(report.to_csv())))
    assert ["summary", "peak_10min", "12", ""] in rows and ["chattering", "chatter H", "4", "activations/min"] in rows


def test_cleared_alarm_is_not_standing():
    events = [raise_at("t", 0.0), clear_at("t", 0.0, 3600.0)]
    assert compute_kpis(events, 0.0, 48 * 3600.0).standing == []


def test_flood_detector_hysteresis():
    flood = FloodDetector(enter=10, exit=5)
    for i in range(11):
        flood.count(float(i))
    assert flood.in_flood
    assert flood.update(605.0)  # 5 left in the window: still in flood
    assert not flood.update(606.0)


def test_alarm_kpi_command_reads_the_journal_and_writes_csv(duty_home, tmp_path, capsys):
    import time

    from console.cli import main
    from console.config import load_config
    from server_link.alarm_journal import AlarmJournal
    from domain.divisions import hebei

    journal = AlarmJournal.open(load_config().backend.resolved_store_path, "130000", hebei())  # no config: the demo store
    now = time.time()
    assert journal.append([raise_at("TP13010201.pond_level", now - 3600 + i) for i in range(3)]).wait(10)
    journal.close()
    out = tmp_path / "kpi.csv"
    assert main(["alarm-kpi", "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "alarms          3" in printed and "TP13010201.pond_level H" in printed
    assert "summary,total,3," in out.read_text(encoding="utf-8-sig")
    assert main(["alarm-kpi", "--from", "2026-01-02", "--to", "2026-01-01"]) == 2
