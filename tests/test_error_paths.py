"""Paths a user can reach end in one line and exit 2, never a traceback, and lose nothing:
bad config bytes, a read-only or full home, a damaged or newer store, bad `sync` arguments,
a backend that does not answer, a missing backend password in the GUI."""
from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys

import pytest

from server_link import store_guard
from server_link.local_store import LocalStore
from domain.divisions import hebei
from server_link.migrate import upgrade_sqlite
from tests.support.confined_home import needs_confinement, run_confined

NODE = '[node]\ndivision = "130100"\n'
BACKEND_NODE = NODE + ('\n[backend]\nkind = "postgresql"\nhost = "127.0.0.1"\nport = {port}\ndbname = "duty"\n'
                       'user = "node_130100"\npassword_env = "{env}"\nsslmode = "disable"\n')


def _run(args, home, extra_env=None):
    env = dict(os.environ, DUTY_CONSOLE_HOME=str(home), QT_QPA_PLATFORM="offscreen", **(extra_env or {}))
    return subprocess.run([sys.executable, "-m", "console", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def _one_line_exit_2(result, *words):
    """Every stderr line is the console's own; the last says what and where; exit 2."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and lines and all(line.startswith("duty-console") for line in lines)
    assert all(word in lines[-1] for word in words), lines[-1]


def _config(tmp_path, text=NODE, name="node.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_config_file_that_is_not_utf8_names_the_file_and_line(tmp_path):
    path = tmp_path / "node.toml"
    path.write_bytes('[node]\ndivision = "130100"\nname = "测试"\n'.encode("gbk"))
    result = _run(["--config", str(path), "self-test"], tmp_path / "home")
    _one_line_exit_2(result, f"{path}:3", "not UTF-8")
    assert not (tmp_path / "home").exists()


@needs_confinement
@pytest.mark.parametrize(("state", "errno_text"), [("read-only", "Read-only file system"),
                                                    ("full", "No space left on device")])
def test_a_read_only_or_full_home_is_one_line_not_a_logging_traceback(tmp_path, state, errno_text):
    config = _config(tmp_path)
    result = run_confined(tmp_path / "home", state, ["--config", str(config), "--screenshot", str(tmp_path / "x.png")])
    _one_line_exit_2(result, str(tmp_path / "home"))
    assert errno_text in result.stderr or "disk is full" in result.stderr or "readonly" in result.stderr
    probe = run_confined(tmp_path / "home2", state, ["probe", f"modbus://127.0.0.1:{_closed_port()}/1/hr/1"])
    assert probe.returncode == 1, probe.stderr  # a command that needs no home runs and says what it found
    assert "cannot write the log" in probe.stderr and "cannot connect" in probe.stderr
    assert "Traceback" not in probe.stderr


def test_the_store_is_created_readable_by_its_owner_only(tmp_path):
    store = LocalStore(tmp_path / "data" / "store.sqlite", "130100", hebei())
    store.insert("enterprise_contact", "130102", enterprise_id="e1", name="张伟", role="legal", phone="10000000001")
    store.close()
    for path in (tmp_path / "data" / "store.sqlite", tmp_path / "data" / "store.sqlite-wal"):
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700


def _store_with_pending(path) -> list[str]:
    store = LocalStore(path, "130100", hebei())
    ids = [store.insert("duty_log", "130102", officer="王芳", kind="call", text=f"来电{n}", at=float(n))
           for n in range(3)]
    store.close()
    return ids


def test_a_damaged_store_stops_the_console_with_one_line_and_is_set_aside_kept(tmp_path):
    home = tmp_path / "home"
    config = _config(tmp_path)
    path = home / "data" / "store.sqlite"
    _store_with_pending(path)
    with open(path, "r+b") as damaged:
        damaged.write(b"not a database at all" * 10)
    damaged_bytes = path.read_bytes()
    result = _run(["--config", str(config), "--screenshot", str(tmp_path / "x.png")], home)
    _one_line_exit_2(result, str(path), "damaged", "store set-aside")
    assert path.read_bytes() == damaged_bytes, "a refused store is left as it was"
    moved = _run(["--config", str(config), "store", "set-aside"], home)
    assert moved.returncode == 0, moved.stderr
    (kept,) = path.parent.glob("store.sqlite.damaged-*[0-9]")
    assert kept.read_bytes() == damaged_bytes
    assert _run(["--config", str(config), "store", "check"], home).returncode == 0


def test_set_aside_carries_every_readable_pending_entry_into_the_fresh_store(tmp_path):
    path = tmp_path / "store.sqlite"
    ids = _store_with_pending(path)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'enterprise'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as damaged:  # one table's page overwritten: the outbox is still readable
        damaged.seek((root - 1) * page_size)
        damaged.write(b"\xff" * page_size)
    with pytest.raises(store_guard.StoreDamaged, match="store.sqlite: the local store is damaged"):
        store_guard.inspect(path, thorough=True)
    result = store_guard.set_aside(path)
    assert result.pending_carried == 3 and result.moved_to.exists()
    fresh = LocalStore(path, "130100", hebei())
    try:
        assert sorted(op.row_id for op in fresh.pending_ops(10)) == sorted(ids)
    finally:
        fresh.close()


def test_a_store_newer_than_the_build_is_refused_untouched(tmp_path):
    home = tmp_path / "home"
    config = _config(tmp_path)
    path = home / "data" / "store.sqlite"
    _store_with_pending(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.close()
    before = path.read_bytes()
    result = _run(["--config", str(config), "--screenshot", str(tmp_path / "x.png")], home)
    _one_line_exit_2(result, str(path), "revision 0099", "newer than this build")
    assert path.read_bytes() == before


def test_the_store_is_backed_up_before_a_migration(tmp_path):
    from sqlalchemy import create_engine

    from server_link import schema_version
    from server_link.migrate import upgrade

    path = tmp_path / "store.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0005")
    engine.dispose()
    LocalStore(path, "130100", hebei()).close()
    assert schema_version.sqlite_revision(path) == schema_version.build_head()
    assert schema_version.sqlite_revision(tmp_path / "store.sqlite.before-0005") == "0005"
    upgrade_sqlite(path)  # at head: no further backup
    assert [p.name for p in tmp_path.glob("store.sqlite.before-*")] == ["store.sqlite.before-0005"]


def test_add_node_with_an_unset_password_variable_or_unknown_division(tmp_path):
    config = _config(tmp_path, BACKEND_NODE.format(port=_closed_port(), env="ADMIN_PW"))
    env = {"ADMIN_PW": "x"}
    unset = _run(["--config", str(config), "sync", "add-node", "130102", "node_130102", "--password-env", "NOPE_UNSET"],
                 tmp_path / "home", env)
    _one_line_exit_2(unset, "NOPE_UNSET", "not set")
    unknown = _run(["--config", str(config), "sync", "add-node", "139999", "node_139999", "--password-env", "ADMIN_PW"],
                   tmp_path / "home", env)
    _one_line_exit_2(unknown, "unknown division code '139999'")


def test_sync_migrate_against_a_backend_that_does_not_answer(tmp_path):
    port = _closed_port()
    config = _config(tmp_path, BACKEND_NODE.format(port=port, env="ADMIN_PW"))
    for args in (["sync", "migrate"], ["sync", "migrate", "--check"]):
        result = _run(["--config", str(config), *args], tmp_path / "home", {"ADMIN_PW": "x"})
        _one_line_exit_2(result, "backend error", str(port))


def test_the_gui_without_its_backend_password_works_locally_and_says_why(qtbot, tmp_path, monkeypatch):
    from console.config import load_config
    from console.context import AppContext
    from console.pages.sync import SyncPage
    from console.trends.service import start_trend_service
    from console.startup import run_now
    from console.services.sync_status import start_sync

    monkeypatch.delenv("NOPE_UNSET", raising=False)
    context = AppContext(load_config(_config(tmp_path, BACKEND_NODE.format(port=_closed_port(), env="NOPE_UNSET"))))
    stoppers = [run_now(start_sync, context), start_trend_service(context)]
    try:
        assert "sync" not in context.services and context.services["store"] is not None
        page = SyncPage(context)
        qtbot.addWidget(page)
        assert "NOPE_UNSET is not set" in page.note.text()
        assert "NOPE_UNSET" in context.links.state("backend")[1]
    finally:
        for stop in reversed(stoppers):
            stop()


def test_the_gui_offers_to_set_a_damaged_store_aside_and_keeps_the_file(qtbot, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from console.app import store_ready_or_asked
    from console.config import load_config

    config = load_config(_config(tmp_path, NODE + f'\n[backend]\nstore_path = "{tmp_path / "store.sqlite"}"\n'))
    path = config.backend.resolved_store_path
    _store_with_pending(path)
    path.write_bytes(b"overwritten by a failing disk" * 100)
    asked = []

    def answer_yes():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, answer_yes)

    QTimer.singleShot(0, answer_yes)
    assert store_ready_or_asked(config, interactive=True, language="en")
    assert len(asked) == 1 and str(path) in asked[0] and "damaged" in asked[0]
    (kept,) = tmp_path.glob("store.sqlite.damaged-*[0-9]")
    assert kept.read_bytes().startswith(b"overwritten by a failing disk")
    assert store_guard.inspect(path, thorough=True) is not None


def test_self_test_writes_nothing(tmp_path):
    home = tmp_path / "home"
    config = _config(tmp_path)
    _store_with_pending(home / "data" / "store.sqlite")
    before = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in (home / "data").iterdir()}
    result = _run(["--config", str(config), "self-test"], home)
    assert "store" in result.stdout and "Traceback" not in result.stderr
    assert {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in (home / "data").iterdir()} == before


def test_the_alarm_tone_check_fails_on_a_node_that_cannot_sound_and_warns_in_a_demo(tmp_path, monkeypatch):
    from console.config import load_config
    from console.self_test import check_alarm_tone

    monkeypatch.setenv("PATH", str(tmp_path / "no-players"))  # no paplay, no aplay
    node = check_alarm_tone(load_config(_config(tmp_path)))
    assert not node.ok and not node.warn_only and "no sound player" in node.detail
    demo = check_alarm_tone(load_config())
    assert not demo.ok and demo.warn_only
    silent = check_alarm_tone(load_config(_config(tmp_path, NODE + "\n[alarms]\ntone = false\n", "quiet.toml")))
    assert silent.ok


def test_a_password_file_that_is_not_utf8_is_one_line(tmp_path):
    password = tmp_path / "pw"
    password.write_bytes("密码".encode("gbk"))
    password.chmod(0o600)
    config = _config(tmp_path, NODE + f'\n[backend]\nkind = "postgresql"\npassword_file = "{password}"\n')
    result = _run(["--config", str(config), "sync", "once"], tmp_path / "home")
    _one_line_exit_2(result, str(password), "not UTF-8")
