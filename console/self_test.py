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
        from drivers.acq_config import load_acquisition_config

        plan = load_acquisition_config(config.field.sites_file).to_plan()
        return CheckResult(True, f"{config.field.sites_file}: {len(plan.catalogue.sites)} sites, "
                                 f"{len(plan.devices)} devices, {len(plan.tags)} tags")
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
    Check("backend", check_backend, essential=False),
    Check("field", check_field),
    Check("qt binding", check_qt_binding),
    Check("fonts", check_fonts),
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
