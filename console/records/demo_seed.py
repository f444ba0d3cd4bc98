"""The embedded default's demo records: a newcomer's console has a registry to look at.

A console in demo mode (no node config, or `--demo`) runs the built-in simulator and keeps
its records in its own local demo store with no backend. On its first start that store is empty, so the
registry, emergency and duty pages and the alarm console's linked handling (enterprise,
contacts, plans, rescue resources near a site) would all be blank. This starter fills it
once with the synthetic duty day of `demo_data` and registers every simulated site's
enterprise. It never runs on a configured node (unless started with `--demo`), and never on a store that holds records.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from console.records import demo_data
from console.records.store_access import records_services

log = logging.getLogger(__name__)
DEMO_ENTERPRISES = 2_000


def start_demo_records(context) -> Callable[[], None]:
    """Seed the embedded default's empty store on a worker thread (0.3 s of writes)."""
    config = context.config
    catalogue = context.services.get("catalogue")
    if not config.is_demo or catalogue is None:
        return lambda: None
    store, _ = records_services(context)
    if store.count("enterprise"):
        return lambda: None

    def seed() -> None:
        filled = demo_data.fill(store, enterprises=DEMO_ENTERPRISES)
        filled.update(demo_data.register_sites(store, catalogue.sites.values()))
        log.info("demo records for the embedded default: %s", filled)

    worker = threading.Thread(target=seed, name="demo-records", daemon=True)
    worker.start()
    return lambda: worker.join(timeout=30)
