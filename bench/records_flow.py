"""The records workflows on a province store with 50,000 enterprises (issue 14), p50/p95 ms.

What a duty officer waits for, each measured `--runs` times on a real node store (SQLite, WAL):
- handover open items: every open incident's chain, overdue hazards, alarms, links;
- handover PDF: the open items laid out and written with QPdfWriter;
- rectification order PDF: document text from the registry and the inspection, written;
- register an incident and file a follow-up (each durable with its outbox op);
- resources near an incident (teams, depots, equipment within 100 km).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import percentiles  # noqa: E402
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(runs: int, action) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="5,000 enterprises, 5 runs")
    options = parser.parse_args()
    enterprises, runs = (5_000, 5) if options.quick else (options.enterprises, options.runs)

    from PySide6.QtWidgets import QApplication

    from domain.divisions import hebei
    from console.operators.permissions import Actor, Role
    from console.records import demo_data, duty, enforcement, incidents
    from console.records.accident_class import Casualties
    from console.records.documents import document_html
    from console.records.incidents import Location
    from console.records.queries import RecordsReader
    from console.records.site_context import resources_near
    from server_link.local_store import LocalStore
    from widgets.handover_document import handover_html, item_text
    from widgets.pdf_document import write_pdf

    app = QApplication.instance() or QApplication([])
    divisions = hebei()
    actor = Actor("bench", "值班员", Role.DUTY_OFFICER, "130000")
    incoming = Actor("bench2", "接班员", Role.DUTY_OFFICER, "130000")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        store = LocalStore(scratch / "store.sqlite", "130000", hebei())
        start = time.perf_counter()
        demo_data.fill(store, enterprises=enterprises)
        print(f"store: {enterprises:,} enterprises filled in {time.perf_counter() - start:.1f} s")
        reader = RecordsReader(store.path, store.node)
        now = time.time()
        alarms = [duty.AlarmSummary(f"TP{n:08d}", f"TP{n:08d}.level", "库水位高", 2, n % 3 == 0, n % 3 == 1,
                                    n % 3 == 2) for n in range(300)]
        items = duty.open_items(reader, divisions, now, alarms)
        texts = [item_text(item, str) for item in items]
        handover_id = duty.confirm_handover(store, actor, incoming, texts, "注意雨情", True, items=items)
        handover = store.get("shift_handover", handover_id)
        inspection = reader.rows("inspection_record", "inspected_at DESC", limit=1)[0]
        enforcement.add_hazard(store, actor, inspection["id"], "可燃气体报警器失效", "major",
                               inspection["inspected_at"] + 15 * 86400)
        document = store.get("enforcement_document", enforcement.issue_document(
            store, reader, actor, inspection["id"], "rectification_order"))
        enterprise = reader.rows("enterprise", "credit_code", limit=1)[0]
        incident_ids = []

        figures = {
            "handover open items (300 alarms)": lambda: duty.open_items(reader, divisions, now, alarms),
            "handover PDF": lambda: write_pdf(handover_html("河北省", handover, items, str), scratch / "h.pdf", "h"),
            "rectification order PDF": lambda: write_pdf(document_html(reader, divisions, document),
                                                         scratch / "d.pdf", "d"),
            "register incident (durable)": lambda: incident_ids.append(incidents.register_incident(
                store, reader, actor, enterprise["division"], "储罐泄漏", "leak",
                Location(enterprise_id=enterprise["id"]), Casualties(1), now - 600)),
            "follow-up report (durable)": lambda: incidents.follow_up(store, actor, incident_ids[-1],
                                                                      Casualties(4), now),
            "resources near an incident": lambda: resources_near(reader, 114.5, 38.04),
        }
        print(f"open items: {len(items)}; {runs} runs each")
        for name, action in figures.items():
            p50, p95 = timed(runs, action)
            print(f"{name:34s} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms")
        reader.close()
        store.close()
    print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    app.quit()


if __name__ == "__main__":
    main()
