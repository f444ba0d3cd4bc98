"""`duty-console self-test`: is this node able to run?

Each check returns a `CheckResult`; essential checks failing make the command exit
non-zero (a result may say `warn_only`: a demonstration needs no sound card). Checks never
raise: an exception becomes a FAIL line naming it. Self-test writes nothing: the store is
read through read-only connections, a store or history not created yet is reported as such.
A configured backend that cannot be reached, is at another schema revision or does not know
this node's role fails; so does an alarm tone that cannot play on a configured node.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
    from domain.divisions import hebei

    registry = hebei()
    return CheckResult(len(registry) == 180, f"{len(registry)} divisions loaded, expected 180")


def check_store(config: NodeConfig) -> CheckResult:
    """The store is sound and at a revision this build knows, or its folder can take one."""
    from server_link import store_guard

    path = config.backend.resolved_store_path
    if not path.exists():
        folder = _nearest_existing(path.parent)
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            return CheckResult(False, f"{path}: cannot be created ({folder} is not a writable folder)")
        return CheckResult(True, f"{path}: not created yet (the console creates it at start)")
    try:
        revision = store_guard.inspect(path, thorough=True)
    except store_guard.StoreUnavailable as exc:
        return CheckResult(False, str(exc))
    if not os.access(path, os.W_OK):
        return CheckResult(False, f"{path}: read-only")
    return CheckResult(True, f"{path}: sound, schema revision {revision or 'none yet'}")


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _read_only(path: Path) -> sqlite3.Connection:
    from server_link.store_guard import read_only_uri

    return sqlite3.connect(read_only_uri(path), uri=True)


def _backend_connection(config: NodeConfig):
    import psycopg2

    from server_link.credentials import backend_dsn

    return psycopg2.connect(backend_dsn(config.backend), connect_timeout=3)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def check_backend(config: NodeConfig) -> CheckResult:
    """A configured backend answers, at this build's schema revision."""
    backend = config.backend
    if backend.kind == "embedded":
        return CheckResult(True, "embedded: local store only, no shared backend configured")
    import psycopg2

    from domain.config_files import ConfigError
    from server_link import schema_version

    where = f"{backend.host}:{backend.port}/{backend.dbname}"
    try:
        conn = _backend_connection(config)
    except (psycopg2.Error, ConfigError) as exc:
        return CheckResult(False, f"{where}: {_first_line(exc)}")
    try:
        revision = schema_version.postgres_revision(conn)
    except psycopg2.Error as exc:
        return CheckResult(False, f"{where}: schema revision not readable: {_first_line(exc)}")
    finally:
        conn.close()
    problem = schema_version.backend_problem(revision)
    if problem:
        return CheckResult(False, f"{where}: {problem}")
    return CheckResult(True, f"{where} reachable, schema revision {revision}")


def check_sync(config: NodeConfig) -> CheckResult:
    """What waits in the local store; with a backend, this node's role is a sync node of its division."""
    path = config.backend.resolved_store_path
    local = "local store: not created yet"
    if path.exists():
        conn = _read_only(path)
        try:
            pending = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
            conflicts = conn.execute("SELECT count(*) FROM sync_conflict WHERE resolution IS NULL "
                                     "AND deleted = 0").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            return CheckResult(False, f"{path}: {exc}")
        finally:
            conn.close()
        local = f"local store: {pending} pending, {conflicts} conflicts"
    if config.backend.kind != "postgresql":
        return CheckResult(True, local)
    import psycopg2

    from domain.config_files import ConfigError

    try:
        with _backend_connection(config) as conn, conn.cursor() as cur:
            cur.execute("SELECT sync_node_division()")
            division = cur.fetchone()[0]
        conn.close()
    except (psycopg2.Error, ConfigError) as exc:
        return CheckResult(False, f"{local}; backend: {_first_line(exc)}")
    if division != config.node.division:
        return CheckResult(False, f"{local}; the backend role is registered for {division}, "
                                  f"not for node {config.node.division}")
    return CheckResult(True, f"{local}; backend role is sync node {division}")


def check_alarm_tone(config: NodeConfig) -> CheckResult:
    """The alarm tone can play: the platform's player opens the sound device (a silent WAV)."""
    if not config.alarms.tone:
        return CheckResult(True, "alarm tone off in the node config (alarms.tone = false)")
    if sys.platform == "win32":
        import winsound  # noqa: F401 - the standard library player the annunciator uses

        return CheckResult(True, "winsound")
    from widgets.alarm_tone import silent_wav, sound_player

    player = sound_player()
    demo = config.is_demo  # a demonstration runs without a sound card
    if player is None:
        return CheckResult(False, "no sound player (install pulseaudio-utils or alsa-utils)", warn_only=demo)
    with tempfile.TemporaryDirectory() as folder:
        wav = silent_wav(Path(folder) / "silence.wav")
        try:
            done = subprocess.run([*player, str(wav)], capture_output=True, text=True, timeout=10)
        except subprocess.TimeoutExpired:
            return CheckResult(False, f"{player[0]}: no answer from the sound device in 10 s", warn_only=demo)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return CheckResult(False, f"{player[0]} cannot play: {reason}", warn_only=demo)
    return CheckResult(True, f"{player[0]} plays on the sound device")


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
    from server_link.store_guard import read_only_uri

    reader = RecordsReader(path, config.node.division, uri=read_only_uri(path))
    try:
        enterprises = reader.count_enterprises(EnterpriseFilter())
        incidents = reader.count("incident", "status = 'open'")
    except sqlite3.OperationalError as exc:
        return CheckResult(False, f"{path}: records tables missing ({exc}); the console migrates the store at start",
                           warn_only=True)
    finally:
        reader.close()
    return CheckResult(True, f"{enterprises:,} enterprises, {incidents} open incidents in the jurisdiction")


def check_operators(config: NodeConfig) -> CheckResult:
    """Someone can sign in: a configured node needs active accounts (the embedded default signs in
    a demo officer); locked ones are named so an administrator resets them."""
    if config.is_demo:
        return CheckResult(True, "demo mode: a demo duty officer signs in automatically")
    nobody = ("no operator accounts on this node: nobody can sign in; add one with "
              "`duty-console users add` (or sync them from the backend)")
    path = config.backend.resolved_store_path
    if not path.exists():
        return CheckResult(False, f"{nobody} ({path} not created yet)")
    conn = _read_only(path)
    try:
        accounts = conn.execute("SELECT username, locked FROM app_user WHERE active AND NOT deleted").fetchall()
    except sqlite3.Error as exc:
        return CheckResult(False, f"{path}: operator accounts unreadable ({exc})")
    finally:
        conn.close()
    if not accounts:
        return CheckResult(False, nobody)
    locked = [username for username, is_locked in accounts if is_locked]
    return CheckResult(True, f"{len(accounts)} accounts" + (f"; locked: {', '.join(locked)}" if locked else ""))


def check_alarm_journal(config: NodeConfig) -> CheckResult:
    """The alarm journal's table is readable in the local store (read-only: self-test writes nothing)."""
    path = config.backend.resolved_store_path
    if not path.exists():
        return CheckResult(True, f"0 alarm events ({path} not created yet)")
    conn = _read_only(path)
    try:
        count = conn.execute("SELECT count(*) FROM alarm_event").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return CheckResult(False, f"{path}: alarm journal not readable ({exc})")
    finally:
        conn.close()
    return CheckResult(True, f"{count} alarm events in {path}")


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
        path = paths.data_dir() / "history.sqlite"
        if not path.exists():
            return CheckResult(True, f"{path}: not created yet (the console records trends there)")
        conn = _read_only(path)
        try:
            rows = conn.execute("SELECT count(*) FROM trend_sample").fetchone()[0]
        finally:
            conn.close()
        return CheckResult(True, f"{path}: {rows} samples")
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
    from domain.divisions import hebei
    from widgets.map_geometry import load_regions

    shapes = load_regions(hebei())
    empty = sorted(code for code, shape in shapes.items() if shape.path.isEmpty())
    ok = len(shapes) == len(hebei()) and not empty
    detail = f"{len(shapes)} division shapes for the map (Xiong'an composed of its 3 counties)"
    return CheckResult(ok, detail + (f"; empty: {', '.join(empty)}" if empty else ""))


def check_field(config: NodeConfig) -> CheckResult:
    """The field configuration loads (acquisition file) or the simulator's catalogue builds."""
    if config.field.sites_file is not None:
        from domain.divisions import hebei
        from drivers.acq_config import load_acquisition_config

        plan = load_acquisition_config(config.field.sites_file).to_plan()
        own = plan.within(hebei().jurisdiction(config.node.division))
        return CheckResult(True, f"{config.field.sites_file}: {len(plan.catalogue.sites)} sites, "
                                 f"{len(plan.devices)} devices, {len(plan.tags)} tags; this node reads "
                                 f"{len(own.catalogue.sites)} sites ({len(own.tags)} tags) of its jurisdiction")
    if not config.runs_simulator:
        return CheckResult(False, "no field: set field.sites_file or field.simulator = true", warn_only=True)
    from drivers.simulator.catalogue import build_catalogue

    catalogue = build_catalogue(config.field.simulator_seed)
    return CheckResult(True, f"built-in simulator: {len(catalogue.sites)} sites, {len(catalogue.tags)} tags "
                             f"(seed {config.field.simulator_seed})")


def check_clock(config: NodeConfig, wall: Callable[[], float] = time.time) -> CheckResult:
    """This computer's clock against the backend's and the first OPC UA server's; fails past
    `[node] clock_skew_warn_s` (stamps and escalation stay right, but an administrator must fix it)."""
    from domain.node_clock import NodeClock

    clock = NodeClock(wall, config.node.clock_skew_warn_s)
    unreachable = []
    if config.backend.kind == "postgresql":
        import psycopg2

        from server_link.clock_probe import backend_offset
        from server_link.credentials import backend_dsn

        try:
            with contextlib.closing(psycopg2.connect(backend_dsn(config.backend), connect_timeout=3)) as conn:
                clock.record(backend_offset(conn, wall, detail=f"{config.backend.host}:{config.backend.port}"))
        except psycopg2.Error as exc:
            unreachable.append(f"backend: {str(exc).strip().splitlines()[0]}")
    if config.field.sites_file is not None:
        from drivers.acq_config import load_acquisition_config
        from drivers.clock_probe import opcua_offset, opcua_servers

        servers = opcua_servers(load_acquisition_config(config.field.sites_file).to_plan())
        if servers:
            url, settings = servers[0]
            try:
                clock.record(asyncio.run(opcua_offset(url, settings, wall)))
            except Exception as exc:  # any failure to reach the server is reported, not raised
                unreachable.append(f"{url}: {type(exc).__name__}")
    parts = [f"{sample.offset_s:+.1f} s to the {sample.source} ({sample.detail})" for sample in clock.samples().values()]
    if not parts and not unreachable:
        return CheckResult(True, "no reference clock to compare (embedded backend, built-in simulator)")
    skewed = clock.skewed()
    detail = "; ".join(parts + [f"not measured, {reason}" for reason in unreachable])
    if skewed:
        detail += f"; over {clock.warn_s:g} s: set this computer's clock (NTP)"
    # A skewed clock fails the node (issue 15); a reference that cannot be reached only warns,
    # since the backend and field checks already fail for that.
    return CheckResult(not skewed and not unreachable, detail, warn_only=not skewed)


CHECKS: list[Check] = [
    Check("config", check_config),
    Check("divisions", check_divisions),
    Check("store", check_store),
    Check("alarm journal", check_alarm_journal),
    Check("operators", check_operators),
    Check("backend", check_backend),
    Check("sync", check_sync),
    Check("alarm tone", check_alarm_tone),
    Check("field", check_field),
    Check("clock", check_clock),
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
    healthy = all(result.ok or result.warn_only for check, result in results if check.essential)
    return results, healthy


def format_table(results: list[tuple[Check, CheckResult]]) -> str:
    width = max(len(check.name) for check, _ in results)
    lines = []
    for check, result in results:
        status = "OK" if result.ok else ("FAIL" if check.essential and not result.warn_only else "WARN")
        lines.append(f"{status:<4}  {check.name:<{width}}  {result.detail}")
    return "\n".join(lines)
