"""Building the text of the read paths' filtered queries (alarm journal, audit trail)."""
from __future__ import annotations


def filtered(select: str, where: list[str], order: str, limit: int | None = None) -> str:
    """`select` with the conditions AND-ed, an ORDER BY and an optional LIMIT (values stay parameters)."""
    sql = select
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql
