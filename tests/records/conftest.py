"""Real SQLite stores with synthetic records, built once per session and copied per test."""
from __future__ import annotations

import shutil

import pytest
import shiboken6

from console.config import BackendSection, NodeConfig, NodeSection
from console.context import AppContext
from console.operators.permissions import Actor, Role
from console.records import demo_data
from server_link.local_store import LocalStore
from domain.divisions import hebei



@pytest.fixture(scope="session")
def _templates(tmp_path_factory):
    """{node: path} of filled stores for the province and one county (Chang'an, 130102)."""
    out = {}
    for node, enterprises in (("130000", 600), ("130102", 40)):
        path = tmp_path_factory.mktemp("templates") / f"{node}.sqlite"
        store = LocalStore(path, node, hebei())
        demo_data.fill(store, enterprises=enterprises)
        store.close()
        out[node] = path
    return out


def make_context(tmp_path, node: str, template=None) -> AppContext:
    path = tmp_path / f"store-{node}.sqlite"
    if template is not None:
        shutil.copy(template, path)
    config = NodeConfig(node=NodeSection(division=node), backend=BackendSection(store_path=path))
    # The records pages' tests act as a shift leader: entry, edit and the registry review.
    return AppContext(config=config, actor=Actor("operator", "operator", Role.SHIFT_LEADER, node))


@pytest.fixture()
def province(tmp_path, _templates):
    context = make_context(tmp_path, "130000", _templates["130000"])
    yield context
    _close(context)


@pytest.fixture()
def county(tmp_path, _templates):
    context = make_context(tmp_path, "130102", _templates["130102"])
    yield context
    _close(context)


@pytest.fixture()
def empty_county(tmp_path):
    context = make_context(tmp_path, "130104")
    yield context
    _close(context)


def _close(context: AppContext) -> None:
    for key in ("records_reader", "store"):
        if context.services.get(key) is not None:
            context.services[key].close()


@pytest.fixture()
def open_page(qtbot):
    """Build a page for a context; deleted after the test, so that a later test's language
    switch does not reach a page whose store is closed."""
    pages = []

    def build(page_class, context):
        page = page_class(context, None)
        qtbot.addWidget(page)
        pages.append(page)
        return page
    yield build
    for page in pages:
        shiboken6.delete(page)


@pytest.fixture(scope="session")
def records_pg_template(pg_server_dsn):
    from tests.support.sync_env import migrated_template

    with migrated_template(pg_server_dsn) as name:
        yield name


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def rooms(request, tmp_path):
    """A county duty room and its city (see tests/records/rooms.py), on SQLite and on PostgreSQL."""
    from tests.records.rooms import postgres_rooms, sqlite_rooms
    from tests.support.sync_env import cloned_backend

    if request.param == "sqlite":
        made = sqlite_rooms(tmp_path)
        yield made
        made.close()
        return
    server_dsn = request.getfixturevalue("pg_server_dsn")
    template = request.getfixturevalue("records_pg_template")
    with cloned_backend(server_dsn, template) as env:
        made = postgres_rooms(env, tmp_path)
        yield made
        made.close()
