"""Duty rooms for workflow tests, on SQLite alone or on PostgreSQL with a county and its city.

On SQLite the county's store is the only room: `city` is the same room and `sync()` does
nothing. On PostgreSQL the county and the city (130100) are two nodes of a migrated backend,
and `sync()` settles them, so a test that checks the city after `sync()` sees what crossed
the backend.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from console.operators.permissions import Actor, Role
from console.records.queries import RecordsReader
from server_link.local_store import LocalStore
from domain.divisions import hebei
from tests.support.sync_env import enterprise_fields, make_node, settle

COUNTY, CITY = "130102", "130100"


@dataclass
class Room:
    store: LocalStore
    reader: RecordsReader
    actor: Actor


@dataclass
class Rooms:
    county: Room
    city: Room
    nodes: list = field(default_factory=list)

    def sync(self) -> None:
        if self.nodes:
            settle(self.nodes)

    def close(self) -> None:
        for room in {id(r): r for r in (self.county, self.city)}.values():
            room.reader.close()
        for node in self.nodes:
            node.engine.close()
        for room in {id(r): r for r in (self.county, self.city)}.values():
            room.store.close()

    def enterprise(self, serial: int = 1, **overrides) -> str:
        """An enterprise of the county with a position, known to both rooms."""
        fields = enterprise_fields(COUNTY, serial, lon=114.52, lat=38.05, address="长安区测试路1号",
                                   contact="李明", phone="0311-1234567", **overrides)
        enterprise_id = self.county.store.insert("enterprise", COUNTY, **fields)
        self.sync()
        return enterprise_id


def officer(node: str, name: str = "张伟", role: Role = Role.DUTY_OFFICER) -> Actor:
    return Actor(username=name, display_name=name, role=role, node=node)


def room(store: LocalStore, name: str) -> Room:
    return Room(store, RecordsReader(store.path, store.node), officer(store.node, name))


def sqlite_rooms(tmp_path) -> Rooms:
    county = room(LocalStore(tmp_path / "county.sqlite", COUNTY, hebei()), "张伟")
    return Rooms(county, county)


def postgres_rooms(env, tmp_path) -> Rooms:
    county, city = make_node(env, COUNTY, tmp_path), make_node(env, CITY, tmp_path)
    rooms = Rooms(room(county.store, "张伟"), room(city.store, "王芳"), [county, city])
    rooms.sync()
    return rooms
