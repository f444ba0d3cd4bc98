"""`duty-console self-test`: is this node able to run?

Each check returns a `CheckResult`; essential checks failing make the command exit
non-zero. Checks never raise: an exception becomes a FAIL line naming it.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from console.config import NodeConfig


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    detail: str
    warn_only: bool = False  # a failing non-essential check prints WARN


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[NodeConfig], CheckResult]
    essential: bool = True


def check_config(config: NodeConfig) -> CheckResult:
    source = str(config.source) if config.source else "embedded default (no config file)"
    return CheckResult(True, f"{source}; node {config.node.division} ({config.node.node_level})")


def check_divisions(config: NodeConfig) -> CheckResult:
    from console.divisions import hebei

    registry = hebei()
    return CheckResult(len(registry) == 180, f"{len(registry)} divisions loaded, expected 180")


def check_store(config: NodeConfig) -> CheckResult:
    path = config.backend.resolved_store_path
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        conn.execute("CREATE TABLE IF NOT EXISTS self_test (at TEXT)")
        conn.execute("DELETE FROM self_test")
        conn.execute("INSERT INTO self_test VALUES (datetime('now'))")
    return CheckResult(True, f"{path} writable (journal {mode})")


def check_backend(config: NodeConfig) -> CheckResult:
    backend = config.backend
    if backend.kind == "embedded":
        return CheckResult(True, "embedded: local store only, no shared backend configured")
    import psycopg2

    from server_link.credentials import backend_dsn

    try:
        psycopg2.connect(backend_dsn(backend), connect_timeout=3).close()
    except psycopg2.Error as exc:
        first_line = str(exc).strip().splitlines()[0]
        return CheckResult(False, f"{backend.host}:{backend.port}/{backend.dbname}: {first_line}", warn_only=True)
    return CheckResult(True, f"{backend.host}:{backend.port}/{backend.dbname} reachable")


def check_sync(config: NodeConfig) -> CheckResult:
    """Local store at the current schema; with a backend, this node's role is a sync node."""
    from server_link.node_sync import open_store

    store = open_store(config)
    try:
        local = f"local store: {store.pending_count()} pending, {len(store.open_conflicts())} conflicts"
    finally:
        store.close()
    if config.backend.kind != "postgresql":
        return CheckResult(True, local)
    import psycopg2

    from server_link.credentials import backend_dsn

    try:
        with psycopg2.connect(backend_dsn(config.backend), connect_timeout=3) as conn, conn.cursor() as cur:
            cur.execute("SELECT sync_node_division()")
            division = cur.fetchone()[0]
    except psycopg2.Error as exc:
        return CheckResult(False, f"{local}; backend: {str(exc).strip().splitlines()[0]}", warn_only=True)
    if division != config.node.division:
        return CheckResult(False, f"{local}; the backend role is registered for {division}, "
                                  f"not for node {config.node.division}")
    return CheckResult(True, f"{local}; backend role is sync node {division}")


def check_qt_binding(config: NodeConfig) -> CheckResult:
    import PySide6

    version = PySide6.__version__
    bad = version.startswith("6.12.0")
    note = " (6.12.0 corrupts reference counts on CPython 3.11 and aborts)" if bad else ""
    return CheckResult(not bad, f"PySide6 {version}{note}")


def check_fonts(config: NodeConfig) -> CheckResult:
    from PySide6.QtGui import QFontDatabase

    from console.qt_runtime import ensure_application

    ensure_application()
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        return CheckResult(False, "no font with Chinese glyphs: install fonts-wqy-microhei or fonts-noto-cjk")
    return CheckResult(True, f"Chinese fonts: {', '.join(families[:3])}")


def check_records(config: NodeConfig) -> CheckResult:
    """The records pages can read the node's store: enterprises and open incidents in scope."""
    from console.records.queries import EnterpriseFilter, RecordsReader

    path = config.backend.resolved_store_path
    if not path.exists():
        return CheckResult(False, f"{path}: no local store yet (the console creates it at start)", warn_only=True)
    reader = RecordsReader(path, config.node.division)
    try:
        enterprises = reader.count_enterprises(EnterpriseFilter())
        incidents = reader.count("incident", "status = 'open'")
    except sqlite3.OperationalError as exc:
        return CheckResult(False, f"{path}: records tables missing ({exc}); the console migrates the store at start",
                           warn_only=True)
    finally:
        reader.close()
    return CheckResult(True, f"{enterprises:,} enterprises, {incidents} open incidents in the jurisdiction")


def check_alarm_journal(config: NodeConfig) -> CheckResult:
    """The alarm journal opens on the local store and commits durably (a flushed empty append)."""
    from server_link.alarm_journal import AlarmJournal

    journal = AlarmJournal.open(config.backend.resolved_store_path, config.node.division)
    try:
        durable = journal.flush(timeout=10.0)
        count = journal.count()
    finally:
        journal.close()
    return CheckResult(durable, f"{count} alarm events in {config.backend.resolved_store_path}"
                       + ("" if durable else "; a commit did not complete within 10 s"))


def check_video_rtsp(config: NodeConfig) -> CheckResult:
    """Debian's libvlc has no RTSP (no live555): say so, and whether the ffmpeg relay covers it."""
    if not config.video.enabled:
        return CheckResult(True, "video disabled in the node config")
    from console.video import rtsp_support

    support = rtsp_support.detect()
    return CheckResult(support.route != "none", support.describe())


def check_trend_history(config: NodeConfig) -> CheckResult:
    """Where trends beyond the live hour come from: the local file or the collector's table."""
    if config.backend.kind == "embedded":
        from console import paths
        from console.trends.sqlite_history import connect

        path = paths.data_dir() / "history.sqlite"
        conn = connect(path)
        try:
            rows = conn.execute("SELECT count(*) FROM trend_sample").fetchone()[0]
        finally:
            conn.close()
        return CheckResult(True, f"{path} writable ({rows} samples)")
    import psycopg2

    from console.trends.pg_history import PostgresHistorySource
    from server_link.credentials import backend_dsn

    try:
        source = PostgresHistorySource(backend_dsn(config.backend), connect_timeout=3)
        source.raw("self-test", 0.0, 1.0)
        source.close()
    except psycopg2.Error as exc:
        first_line = str(exc).strip().splitlines()[0]
        return CheckResult(False, f"field_history not readable: {first_line}", warn_only=True)
    return CheckResult(True, "field_history readable")


def check_map_boundaries(config: NodeConfig) -> CheckResult:
    from console.divisions import hebei
    from widgets.map_geometry import load_regions

    shapes = load_regions(hebei())
    empty = sorted(code for code, shape in shapes.items() if shape.path.isEmpty())
    ok = len(shapes) == len(hebei()) and not empty
    detail = f"{len(shapes)} division shapes for the map (Xiong'an composed of its 3 counties)"
    return CheckResult(ok, detail + (f"; empty: {', '.join(empty)}" if empty else ""))


def check_field(config: NodeConfig) -> CheckResult:
    """The field configuration loads (acquisition file) or the simulator's catalogue builds."""
    if config.field.sites_file is not None:
        from console.divisions import hebei
        from drivers.acq_config import load_acquisition_config

        plan = load_acquisition_config(config.field.sites_file).to_plan()
        own = plan.within(hebei().jurisdiction(config.node.division))
        return CheckResult(True, f"{config.field.sites_file}: {len(plan.catalogue.sites)} sites, "
                                 f"{len(plan.devices)} devices, {len(plan.tags)} tags; this node reads "
                                 f"{len(own.catalogue.sites)} sites ({len(own.tags)} tags) of its jurisdiction")
    if not config.field.simulator:
        return CheckResult(False, "no field: set field.sites_file or field.simulator = true", warn_only=True)
    from drivers.simulator.catalogue import build_catalogue

    catalogue = build_catalogue(config.field.simulator_seed)
    return CheckResult(True, f"built-in simulator: {len(catalogue.sites)} sites, {len(catalogue.tags)} tags "
                             f"(seed {config.field.simulator_seed})")


CHECKS: list[Check] = [
    Check("config", check_config),
    Check("divisions", check_divisions),
    Check("store", check_store),
    Check("alarm journal", check_alarm_journal),
    Check("backend", check_backend, essential=False),
    Check("sync", check_sync, essential=False),
    Check("field", check_field),
    Check("qt binding", check_qt_binding),
    Check("fonts", check_fonts),
    Check("records", check_records, essential=False),
    Check("video rtsp", check_video_rtsp, essential=False),
    Check("trend history", check_trend_history, essential=False),
    Check("map boundaries", check_map_boundaries),
]


def run_checks(config: NodeConfig, checks: list[Check] | None = None) -> tuple[list[tuple[Check, CheckResult]], bool]:
    """Run every check; returns the results and whether all essential ones passed."""
    results = []
    for check in checks or CHECKS:
        try:
            result = check.run(config)
        except Exception as exc:  # a check must report, never crash the table
            result = CheckResult(False, f"{type(exc).__name__}: {exc}")
        results.append((check, result))
    healthy = all(result.ok for check, result in results if check.essential)
    return results, healthy


def format_table(results: list[tuple[Check, CheckResult]]) -> str:
    width = max(len(check.name) for check, _ in results)
    lines = []
    for check, result in results:
        status = "OK" if result.ok else ("FAIL" if check.essential else "WARN")
        lines.append(f"{status:<4}  {check.name:<{width}}  {result.detail}")
    return "\n".join(lines)
