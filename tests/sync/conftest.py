"""Fixtures for sync tests: a freshly migrated backend per test and nodes on it."""
from __future__ import annotations

import pytest
from psycopg2.extensions import parse_dsn

from tests.support.sync_env import cloned_backend, make_node, migrated_template
from tests.support.tcp_proxy import TcpProxy


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


@pytest.fixture()
def proxy(env):
    """A TCP proxy to the backend that a test can cut and restore (a node's link)."""
    params = parse_dsn(env.admin_dsn)
    link = TcpProxy(params.get("host", "127.0.0.1"), int(params.get("port", 5432)))
    yield link
    link.close()
