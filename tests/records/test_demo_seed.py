"""The embedded default fills its empty store once; a configured node never gets demo rows."""
from __future__ import annotations

from console.config import NodeConfig, load_config
from console.context import AppContext
from console.records.demo_seed import start_demo_records
from console.records.store_access import records_services
from drivers.simulator.catalogue import build_catalogue, subset


def _context(config: NodeConfig) -> AppContext:
    context = AppContext(config)
    context.services["catalogue"] = subset(build_catalogue(config.field.simulator_seed), 12)
    return context


def test_the_embedded_default_seeds_its_empty_store_once():
    context = _context(NodeConfig())
    start_demo_records(context)()  # the stop function waits for the seeding thread
    store, _ = records_services(context)
    enterprises = store.count("enterprise")
    linked = {row["code"] for row in store.rows("monitoring_site")}
    assert enterprises > 0 and linked == set(context.services["catalogue"].sites)
    start_demo_records(context)()  # second start: the store holds records, nothing is added
    assert store.count("enterprise") == enterprises


def test_a_configured_node_gets_no_demo_records(tmp_path):
    path = tmp_path / "node.toml"
    path.write_text('[node]\ndivision = "130000"\n', encoding="utf-8")
    context = _context(load_config(path))
    start_demo_records(context)()
    store, _ = records_services(context)
    assert store.count("enterprise") == 0
