"""Read queries for the records pages, on their own read-only SQLite connection.

The node's `LocalStore` (server_link, issue 7) owns every write and its outbox; its read API
returns whole tables, which is fine for a duty log but not for 50,000 enterprises. The store
runs in WAL mode, so a separate read-only connection sees each committed write at once and
never blocks it. Every query is limited to the node's jurisdiction through the
`division_closure` table the migration fills. Qt-free.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from domain.divisions import PROVINCE_CODE
from server_link import credit_code

SCOPE = "division IN (SELECT descendant FROM division_closure WHERE ancestor = ?)"
# For large results the registry walks the credit-code index in order and filters as it
# goes, so the first block of 50,000 rows needs no sort; the unary + keeps SQLite off the
# division index.
REGISTRY_SCOPE = "+" + SCOPE


@dataclass(frozen=True)
class EnterpriseFilter:
    """What the registry shows: free text (name or credit code) and three exact filters."""

    text: str = ""
    division: str | None = None  # a division and everything it supervises
    industry: str | None = None
    supervision_level: str | None = None
    audit_state: str | None = None  # pending | approved | returned

    def where(self, node: str, in_code_order: bool = False) -> tuple[str, list]:
        scope = REGISTRY_SCOPE if in_code_order else SCOPE
        clauses, params = [], []
        for ancestor in (node, self.division):
            if ancestor and ancestor != PROVINCE_CODE:  # the province sees every row a store can hold
                clauses.append(scope)
                params.append(ancestor)
        if self.industry:
            clauses.append("industry = ?")
            params.append(self.industry)
        if self.supervision_level:
            clauses.append("supervision_level = ?")
            params.append(self.supervision_level)
        if self.audit_state:
            clauses.append("audit_state = ?")
            params.append(self.audit_state)
        text = self.text.strip()
        if credit_code.is_valid(text.upper()):  # a whole code: one indexed lookup
            clauses.append("credit_code = ?")
            params.append(text.upper())
        elif text:
            clauses.append("(name LIKE ? ESCAPE '\\' OR credit_code LIKE ? ESCAPE '\\')")
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [pattern, pattern.upper()]
        return " AND ".join(["deleted = 0"] + clauses), params


ROW_LIMIT = 5000  # rows a list page holds; the page says when there are more

ENTERPRISE_COLUMNS = ("id", "credit_code", "name", "division", "industry", "supervision_level", "status",
                      "audit_state")
# Key fields whose share the completeness statistics give; coordinates count when both are set.
FILLED = {
    "address": "address IS NOT NULL AND address != ''",
    "legal_representative": "legal_representative IS NOT NULL AND legal_representative != ''",
    "phone": "phone IS NOT NULL AND phone != ''",
    "coordinates": "lon IS NOT NULL AND lat IS NOT NULL",
}


class RecordsReader:
    def __init__(self, path: Path | str, node: str, uri: str | None = None):
        """Reads the store at `path` read-only; `uri` overrides how it is opened (self-test)."""
        self.node = node
        self._db = sqlite3.connect(uri or f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False)
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        self._db.close()

    def _all(self, sql: str, params=()) -> list[dict]:
        return [dict(row) for row in self._db.execute(sql, params)]

    def query(self, sql: str, params=()) -> list[dict]:
        """Rows of a read-only query the caller scopes itself (the assessment's per-node figures)."""
        return self._all(sql, params)

    # --- registry --------------------------------------------------------------------------

    def count_enterprises(self, flt: EnterpriseFilter) -> int:
        where, params = flt.where(self.node)
        return self._db.execute(f"SELECT count(*) FROM enterprise WHERE {where}", params).fetchone()[0]

    def enterprises(self, flt: EnterpriseFilter, limit: int, offset: int, walk_index: bool = True) -> list[tuple]:
        """One page in credit-code order (the code starts with the division).

        `walk_index` suits large results (no sort, stops after the block); a narrow search
        is faster scanned and sorted, so the caller decides from the count.
        """
        where, params = flt.where(self.node, in_code_order=walk_index)
        order = "credit_code, rowid" if walk_index else "+credit_code, rowid"  # + forbids the index walk
        sql = (f"SELECT {','.join(ENTERPRISE_COLUMNS)} FROM enterprise WHERE {where}"
               f" ORDER BY {order} LIMIT ? OFFSET ?")
        return [tuple(row) for row in self._db.execute(sql, params + [limit, offset])]

    def audit_counts(self, flt: EnterpriseFilter) -> dict[str, int]:
        """Enterprises per audit state under a filter (its own audit state ignored)."""
        where, params = replace(flt, audit_state=None).where(self.node)
        # + : one scan beats walking the audit-state index with a row lookup per enterprise
        return dict(self._db.execute(f"SELECT audit_state, count(*) FROM enterprise WHERE {where} "
                                     f"GROUP BY +audit_state", params))

    def all_enterprises(self, flt: EnterpriseFilter) -> Iterator[dict]:
        """Every enterprise of a filter in credit-code order, one at a time (an export)."""
        where, params = flt.where(self.node)
        cursor = self._db.execute(f"SELECT * FROM enterprise WHERE {where} ORDER BY credit_code", params)
        columns = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(columns, row))

    def completeness_by_division(self) -> list[tuple]:
        """Per stored division: (division, total, approved, pending, returned, then one count
        per FILLED field) for the node's jurisdiction."""
        filled = ", ".join(f"sum({test})" for test in FILLED.values())
        states = ", ".join(f"sum(audit_state = '{state}')" for state in ("approved", "pending", "returned"))
        where, params = EnterpriseFilter().where(self.node)
        return [tuple(row) for row in self._db.execute(
            f"SELECT division, count(*), {states}, {filled} FROM enterprise WHERE {where} GROUP BY +division",
            params)]  # + : a scan and a sort beat walking the division index with a row lookup each

    def enterprise(self, enterprise_id: str) -> dict | None:
        rows = self._all(f"SELECT * FROM enterprise WHERE id = ? AND deleted = 0 AND {SCOPE}",
                         (enterprise_id, self.node))
        return rows[0] if rows else None

    def credit_code_taken(self, code: str, except_id: str | None) -> bool:
        row = self._db.execute("SELECT 1 FROM enterprise WHERE credit_code = ? AND deleted = 0 AND id != ?",
                               (code, except_id or "")).fetchone()
        return row is not None

    def enterprise_ids_by_code(self) -> dict[str, str]:
        """Credit code → id of every live enterprise this store holds (what an import matches on)."""
        return dict(self._db.execute("SELECT credit_code, id FROM enterprise WHERE deleted = 0"))

    def children_of(self, table: str, enterprise_id: str) -> list[dict]:
        """Hazard sources or tailings ponds of one enterprise."""
        return self._all(f"SELECT * FROM {table} WHERE enterprise_id = ? AND deleted = 0 ORDER BY name",
                         (enterprise_id,))

    # --- any table in scope ----------------------------------------------------------------

    def rows(self, table: str, order: str, division: str | None = None, where: str = "",
             params: tuple = (), limit: int | None = None) -> list[dict]:
        """Rows of `table` in the node's jurisdiction (and under `division` when given)."""
        clauses, values = self._scoped(division, where, params)
        sql = f"SELECT * FROM {table} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ?"
        return self._all(sql, values + [limit or ROW_LIMIT])

    def count(self, table: str, where: str = "", params: tuple = (), division: str | None = None) -> int:
        """Rows of `table` in the node's jurisdiction (and under `division`) matching `where`."""
        clauses, values = self._scoped(division, where, params)
        return self._db.execute(f"SELECT count(*) FROM {table} WHERE {' AND '.join(clauses)}", values).fetchone()[0]

    def _scoped(self, division: str | None, where: str, params: tuple) -> tuple[list[str], list]:
        clauses, values = ["deleted = 0", SCOPE], [self.node]
        if division:
            clauses.append(SCOPE)
            values.append(division)
        if where:
            clauses.append(where)
            values += list(params)
        return clauses, values

    # --- linked handling: a monitored site's enterprise and what is near it -----------------

    def site_enterprise_id(self, site_code: str) -> str | None:
        """The registry enterprise of a monitored site (`monitoring_site.code`), if registered."""
        row = self._db.execute(f"SELECT enterprise_id FROM monitoring_site WHERE code = ? AND deleted = 0 "
                               f"AND enterprise_id IS NOT NULL AND {SCOPE} LIMIT 1", (site_code, self.node)).fetchone()
        return row[0] if row else None

    def enterprise_rows(self, table: str, enterprise_id: str, order: str) -> list[dict]:
        """Rows of `table` that belong to one enterprise (contacts, emergency plans), in scope."""
        return self._all(f"SELECT * FROM {table} WHERE enterprise_id = ? AND deleted = 0 AND {SCOPE} ORDER BY {order}",
                         (enterprise_id, self.node))

    def located_within(self, table: str, lon: float, lat: float, dlon: float, dlat: float) -> list[dict]:
        """Rows of `table` in scope whose position lies in the box lon ± dlon, lat ± dlat."""
        return self._all(f"SELECT * FROM {table} WHERE deleted = 0 AND {SCOPE} AND lon BETWEEN ? AND ? "
                         f"AND lat BETWEEN ? AND ?", (self.node, lon - dlon, lon + dlon, lat - dlat, lat + dlat))

    def enterprise_names(self, ids: set[str]) -> dict[str, str]:
        ids = [i for i in ids if i]
        out: dict[str, str] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            out.update(self._db.execute(f"SELECT id, name FROM enterprise WHERE id IN ({marks})", chunk))
        return out
