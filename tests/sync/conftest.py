"""Fixtures for sync tests: a freshly migrated backend per test and nodes on it."""
from __future__ import annotations

import pytest

from tests.support.sync_env import cloned_backend, make_node, migrated_template


@pytest.fixture(scope="session")
def sync_template(pg_server_dsn):
    with migrated_template(pg_server_dsn) as name:
        yield name


@pytest.fixture()
def env(pg_server_dsn, sync_template):
    with cloned_backend(pg_server_dsn, sync_template) as backend_env:
        yield backend_env


@pytest.fixture()
def node_factory(env, tmp_path):
    made = []

    def factory(division: str, dsn: str | None = None):
        node = make_node(env, division, tmp_path, dsn)
        made.append(node)
        return node

    yield factory
    for node in made:
        node.engine.close()
        node.store.close()
