"""Reference rows every store needs: the divisions and their supervision closure.

The closure table ((ancestor, descendant) for every division and each of its supervisors)
lets row-level security decide "in this node's jurisdiction" with one indexed lookup, and it
follows `supervision_parent` exactly as `domain.divisions.chain_up` does.
"""
from __future__ import annotations

from sqlalchemy import Connection, insert

from domain.divisions import hebei
from server_link.models import Division, DivisionClosure


def division_rows() -> list[dict]:
    return [
        {"code": d.code, "name": d.name, "name_en": d.name_en, "level": d.level,
         "supervision_parent": d.supervision_parent, "lon": d.lon, "lat": d.lat}
        for d in hebei().by_code.values()
    ]


def closure_rows() -> list[dict]:
    registry = hebei()
    return [{"ancestor": ancestor, "descendant": code}
            for code in registry.by_code for ancestor in registry.chain_up(code)]


def load_divisions(connection: Connection) -> None:
    connection.execute(insert(Division), division_rows())
    connection.execute(insert(DivisionClosure), closure_rows())
