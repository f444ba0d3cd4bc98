"""Publish the field catalogue into the shared registry tables (monitoring_site, device, tag, camera).

The acquisition config is the authority for what is monitored; these replicated tables let
every node (and the records pages) see the same sites, devices, tags and cameras.
Publishing is idempotent:

- row ids are name-based (uuid5 of table + site code / device name / tag id / camera id), so
  the same catalogue always maps onto the same rows;
- an existing row is only updated when one of its fields differs (no new version, no
  change-log entry, nothing for nodes to pull when nothing changed), and a tombstoned row
  that is back in the catalogue is revived;
- devices, tags and cameras of a published site that the catalogue no longer lists are
  tombstoned (`deleted = true`, as nodes expect; never DELETEd).

Runs as the backend owner, like `sync seed`: the server triggers stamp versions and log
the changes, so nodes pull them through their usual RLS-scoped sync.
"""
from __future__ import annotations

import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from psycopg2 import sql

from drivers.acq_config import AcquisitionPlan
from drivers.address import ModbusEndpoint, OpcUaEndpoint

NAMESPACE = uuid.UUID("5b0f4a52-8d1e-4c8e-9a57-3f1f5d0c2a61")  # this module's uuid5 namespace; never change it
CHILD_TABLES = ("device", "tag", "camera")


@dataclass(frozen=True)
class CameraEntry:
    """What the registry keeps of a camera: never credentials (URLs carry none by validation)."""

    id: str
    name: str
    site: str
    url: str


def row_id(table: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{table}:{key}"))


def catalogue_rows(plan: AcquisitionPlan, cameras: Iterable[CameraEntry] = (),
                   enterprises: dict[str, str] | None = None) -> dict[str, list[dict]]:
    """The registry rows (fields only) for a plan; `enterprises` maps credit codes to enterprise ids."""
    enterprises = enterprises or {}
    sites = plan.catalogue.sites
    out: dict[str, list[dict]] = {"monitoring_site": [], "device": [], "tag": [], "camera": []}
    for site in sites.values():
        out["monitoring_site"].append(dict(
            id=row_id("monitoring_site", site.code), division=site.division, code=site.code, kind=site.kind.value,
            name=site.name, enterprise_id=enterprises.get(site.enterprise or ""), lon=site.lon, lat=site.lat))
    for device in plan.devices.values():
        primary = device.primary
        protocol = "opcua" if isinstance(primary, OpcUaEndpoint) else "modbus"
        endpoint = primary.url if isinstance(primary, OpcUaEndpoint) else _modbus_url(primary)
        out["device"].append(dict(id=row_id("device", device.name), division=sites[device.site].division,
                                  site_id=row_id("monitoring_site", device.site), name=device.name,
                                  protocol=protocol, endpoint=endpoint))
    for binding in plan.tags.values():
        spec = binding.spec
        out["tag"].append(dict(id=row_id("tag", spec.id), division=sites[spec.site].division,
                               site_id=row_id("monitoring_site", spec.site), device_id=row_id("device", binding.device),
                               code=spec.id, name=spec.name, unit=spec.unit or None))
    for camera in cameras:
        if camera.site in sites:
            out["camera"].append(dict(id=row_id("camera", camera.id), division=sites[camera.site].division,
                                      site_id=row_id("monitoring_site", camera.site), name=camera.name,
                                      url=camera.url))
    return out


def publish(conn, rows: dict[str, list[dict]], now: float | None = None) -> dict[str, int]:
    """Upsert the rows and tombstone children the catalogue dropped; returns rows changed per table."""
    now = time.time() if now is None else now
    changed: dict[str, int] = {}
    with conn, conn.cursor() as cur:
        for table, table_rows in rows.items():
            changed[table] = sum(_upsert(cur, table, row, now) for row in table_rows)
        site_ids = [row["id"] for row in rows["monitoring_site"]]
        for table in CHILD_TABLES:
            cur.execute(sql.SQL("UPDATE {} SET deleted = true, updated_at = %s "
                                "WHERE site_id = ANY(%s) AND NOT (id = ANY(%s)) AND NOT deleted").format(
                sql.Identifier(table)), (now, site_ids, [row["id"] for row in rows[table]]))
            changed[table] += cur.rowcount
    return changed


def _upsert(cur, table: str, row: dict, now: float) -> int:
    fields = [name for name in row if name != "id"]
    columns = ["id", *fields, "version", "deleted", "updated_at"]
    query = sql.SQL(
        "INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT (id) DO UPDATE SET {sets} "
        "WHERE ({current}, {table}.deleted) IS DISTINCT FROM ({incoming}, false)").format(
        table=sql.Identifier(table),
        columns=sql.SQL(", ").join(map(sql.Identifier, columns)),
        values=sql.SQL(", ").join(sql.Placeholder() * len(columns)),
        sets=sql.SQL(", ").join(sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(c))
                                for c in [*fields, "deleted", "updated_at"]),
        current=sql.SQL(", ").join(sql.SQL("{}.{}").format(sql.Identifier(table), sql.Identifier(f)) for f in fields),
        incoming=sql.SQL(", ").join(sql.SQL("EXCLUDED.{}").format(sql.Identifier(f)) for f in fields))
    cur.execute(query, [row["id"], *(row[f] for f in fields), 0, False, now])
    return cur.rowcount


def enterprise_ids(conn, credit_codes: Iterable[str]) -> dict[str, str]:
    """Enterprise ids by credit code, for the codes the catalogue names (unknown codes stay unlinked)."""
    codes = sorted({code for code in credit_codes if code})
    if not codes:
        return {}
    with conn, conn.cursor() as cur:
        cur.execute("SELECT credit_code, id FROM enterprise WHERE credit_code = ANY(%s) AND NOT deleted", (codes,))
        return dict(cur.fetchall())


def _modbus_url(endpoint: ModbusEndpoint) -> str:
    return f"{endpoint.server}/{endpoint.unit}"
