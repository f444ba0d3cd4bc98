"""Registry with 50,000 enterprises: the page (open, filter/search, scroll, p50/p95), the
import (validating 50,000 rows of xlsx and of CSV against the 10 s goal, storing them,
re-importing them) and the completeness statistics.

Builds a real node store (SQLite, WAL) with synthetic enterprises, then measures, offscreen:
- open: construct the page (count + first block query) and paint it;
- each filter/search: apply it (count + first block) and paint the visible rows;
- scroll: jump to the last row and paint (a deep LIMIT/OFFSET block).
Also prints the rows held in Python after all that, to show nothing loads whole.
`--part import` / `--part stats` run one part only.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="5,000 enterprises, 5 runs")
    parser.add_argument("--data", choices=("synthetic", "demo"), default="synthetic",
                        help="server_link.synthetic (issue 7, default) or console.records.demo_data")
    parser.add_argument("--part", choices=("all", "page", "import", "stats"), default="all")
    options = parser.parse_args()
    enterprises, runs = (5_000, 5) if options.quick else (options.enterprises, options.runs)
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    if options.part in ("all", "import"):
        bench_import(enterprises)
    if options.part in ("all", "stats"):
        bench_stats(enterprises, runs)
    if options.part in ("all", "page"):
        bench_page(options, enterprises, runs)
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


IMPORT_GOAL_S = 10.0


def _import_rows(enterprises: int) -> list[list]:
    """Synthetic enterprises as rows of the import's columns, in HEADERS order."""
    from console.records.registry_import import HEADERS
    from server_link import synthetic

    rows = []
    for row in synthetic.generate(enterprises=enterprises)["enterprise"]:
        row = dict(row, legal_representative=row["contact"])
        rows.append([row.get(key) for key in HEADERS.values()])
    return rows


def bench_import(enterprises: int) -> None:
    import csv

    from openpyxl import Workbook

    from domain.divisions import hebei
    from console.operators.permissions import Actor, Role
    from console.records.queries import RecordsReader
    from console.records.registry_import import HEADERS, store_rows, validate
    from server_link.local_store import LocalStore

    rows = _import_rows(enterprises)
    divisions = hebei()
    with tempfile.TemporaryDirectory() as home:
        xlsx, csv_path = Path(home) / "enterprises.xlsx", Path(home) / "enterprises.csv"
        book = Workbook()  # not write-only: shared strings and a <dimension>, as Excel writes them
        sheet = book.active
        sheet.append(list(HEADERS))
        for row in rows:
            sheet.append(row)
        book.save(xlsx)
        with open(csv_path, "w", newline="", encoding="gbk") as handle:
            writer = csv.writer(handle)
            writer.writerow(list(HEADERS))
            writer.writerows(rows)
        print(f"import of {len(rows):,} rows (goal: validate in < {IMPORT_GOAL_S:.0f} s)")
        checked = None
        for name, path in (("xlsx", xlsx), ("CSV (GBK)", csv_path)):
            start = time.perf_counter()
            checked = validate(path, divisions, "130000")
            elapsed = time.perf_counter() - start
            print(f"  validate {name:<10}{elapsed:>7.2f} s  {len(checked.good) / elapsed:>9,.0f} rows/s  "
                  f"{len(checked.errors)} errors  ratio to goal {elapsed / IMPORT_GOAL_S:.2f}")
        store = LocalStore(Path(home) / "store.sqlite", "130000", hebei())
        reader = RecordsReader(store.path, "130000")
        actor = Actor("bench", "bench", Role.DUTY_OFFICER, "130000")
        for name in ("store (all new)", "re-import (unchanged)"):
            start = time.perf_counter()
            result = store_rows(store, actor, divisions, checked, reader.enterprise_ids_by_code())
            elapsed = time.perf_counter() - start
            print(f"  {name:<22}{elapsed:>7.2f} s  {result.created:,} new, {result.updated:,} updated, "
                  f"{result.unchanged:,} unchanged, outbox {store.pending_count():,}")
        reader.close()
        store.close()


def bench_stats(enterprises: int, runs: int) -> None:
    from domain.divisions import hebei
    from console.records.queries import RecordsReader
    from console.records.registry_stats import completeness
    from server_link import synthetic
    from server_link.local_store import LocalStore

    with tempfile.TemporaryDirectory() as home:
        store = LocalStore(Path(home) / "store.sqlite", "130000", hebei())
        for table, rows in synthetic.generate(enterprises=enterprises).items():
            store.apply_server_rows(table, rows)
        print(f"completeness statistics on {store.count('enterprise'):,} enterprises")
        for node in ("130000", "130100", "130102"):
            reader = RecordsReader(store.path, node)
            samples = []
            for _ in range(runs):
                start = time.perf_counter()
                entries, whole = completeness(reader, hebei(), node)
                samples.append(time.perf_counter() - start)
            p50, p95 = percentiles(samples)
            print(f"  node {node}: {len(entries):>3} divisions, {whole.total:>6,} enterprises  "
                  f"p50 {p50:.1f} ms  p95 {p95:.1f} ms")
            reader.close()
        store.close()


def bench_page(options, enterprises: int, runs: int) -> None:

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(lambda *args: None)  # offscreen platform chatter would bury the figures

    app = QApplication([])
    from console.config import BackendSection, NodeConfig
    from console.context import AppContext
    from console.pages.registry import RegistryPage
    from console.records import demo_data
    from domain.divisions import hebei
    from server_link import synthetic
    from server_link.local_store import LocalStore

    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "store.sqlite"
        start = time.perf_counter()
        store = LocalStore(path, "130000", hebei())
        if options.data == "synthetic":
            for table, rows in synthetic.generate(enterprises=enterprises).items():
                store.apply_server_rows(table, rows)
        else:
            demo_data.fill(store, enterprises=enterprises)
        print(f"store with {store.count('enterprise'):,} enterprises ({options.data}) built in "
              f"{time.perf_counter() - start:.1f} s")
        context = AppContext(config=NodeConfig(backend=BackendSection(store_path=path)))
        context.services["store"] = store

        def painted(page) -> None:
            page.repaint()
            app.processEvents()

        opens, page = [], None
        for _ in range(runs):
            if page is not None:
                page.deleteLater()
                app.processEvents()
            start = time.perf_counter()
            page = RegistryPage(context, None)
            page.resize(1600, 900)
            page.show()
            painted(page)
            opens.append(time.perf_counter() - start)

        sample = page.model.row_dict(page.model.rowCount() // 2)
        cases = {
            "search name fragment": lambda: page.search.setText(sample["name"][3:8]),
            "search credit code": lambda: page.search.setText(sample["credit_code"]),
            "filter city": lambda: page.division_filter.setCurrentIndex(page.division_filter.findData("130100")),
            "filter industry": lambda: page.industry_filter.setCurrentIndex(1),
            "filter level": lambda: page.level_filter.setCurrentIndex(2),
        }
        widgets = (page.search, page.division_filter, page.industry_filter, page.level_filter)

        def quietly(change) -> None:
            """Set filter widgets without their signals: the timed part calls refresh() once."""
            for widget in widgets:
                widget.blockSignals(True)
            change()
            for widget in widgets:
                widget.blockSignals(False)

        def reset() -> None:
            quietly(lambda: [page.search.clear()] + [w.setCurrentIndex(0) for w in widgets[1:]])
            page.refresh()
            painted(page)

        print(f"{'case':<24}{'p50 ms':>9}{'p95 ms':>9}{'rows':>8}  runs={runs}")
        p50, p95 = percentiles(opens)
        print(f"{'open registry page':<24}{p50:>9.1f}{p95:>9.1f}{page.model.rowCount():>8}")
        for name, apply in cases.items():
            samples = []
            for _ in range(runs):
                reset()
                start = time.perf_counter()
                quietly(apply)
                page.refresh()  # what the widgets' signals (or the search debounce) call
                painted(page)
                samples.append(time.perf_counter() - start)
            p50, p95 = percentiles(samples)
            print(f"{name:<24}{p50:>9.1f}{p95:>9.1f}{page.model.rowCount():>8}")
        reset()
        samples = []
        for _ in range(runs):
            page.table.view.scrollToTop()
            painted(page)
            start = time.perf_counter()
            page.table.view.scrollToBottom()
            painted(page)
            samples.append(time.perf_counter() - start)
        p50, p95 = percentiles(samples)
        print(f"{'scroll to last row':<24}{p50:>9.1f}{p95:>9.1f}{page.model.rowCount():>8}")
        print(f"rows held in Python: {page.model.cached_rows():,} of {page.model.rowCount():,}")
        store.close()
        context.services["records_reader"].close()


if __name__ == "__main__":
    main()
