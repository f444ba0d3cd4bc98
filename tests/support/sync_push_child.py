"""Child process for the kill -9 test: push a node's outbox in small batches until done."""
from __future__ import annotations

import sys

from server_link.local_store import LocalStore

from domain.divisions import hebei
from server_link.sync_engine import SyncEngine, connect_backend


def main(store_path: str, division: str, dsn: str, batch_size: str) -> int:
    store = LocalStore(store_path, division, hebei())
    engine = SyncEngine(store, connect_backend(dsn), batch_size=int(batch_size))
    print("pushing", flush=True)
    engine.push()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
