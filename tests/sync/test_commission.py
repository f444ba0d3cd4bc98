"""`duty-console commission` on a fresh home against the test backend: one command, no hand
edits, a node that passes its self-test and holds its jurisdiction."""
from __future__ import annotations

import sqlite3
import stat
import uuid

import pytest
from argon2 import PasswordHasher
from psycopg2.extensions import parse_dsn

from console.cli import main
from console.commands.make_config import config_problems
from console.config import load_config
from console.self_test import run_checks

pytestmark = pytest.mark.postgres


def _commission(monkeypatch, capsys, home, env, role, *extra):
    params = parse_dsn(env.admin_dsn)
    monkeypatch.setenv("DUTY_CONSOLE_HOME", str(home))
    monkeypatch.setenv("NODE_PW", "county-secret")
    code = main(["commission", "--division", "130102", "--backend-host", params.get("host", "127.0.0.1"),
                 "--port", str(params.get("port", 5432)), "--dbname", params["dbname"], "--backend-user", role,
                 "--sslmode", "disable", "--password-env", "NODE_PW", *extra])
    return code, capsys.readouterr()


def test_commission_makes_a_working_node_in_one_command(env, tmp_path, monkeypatch, capsys):
    from server_link import synthetic

    conn = env.admin()
    synthetic.load(conn, synthetic.generate(seed=4, enterprises=400))
    with conn.cursor() as cursor:  # the county's duty officer, registered on the backend beforehand
        cursor.execute("INSERT INTO app_user (id, division, version, deleted, username, display_name, role, "
                       "password_hash, failed_attempts, locked, active) "
                       "VALUES (%s, '130102', 0, false, 'zhaomin', '赵敏', 'duty_officer', %s, 0, false, true)",
                       (str(uuid.uuid4()), PasswordHasher().hash("zhaomin-pass-1")))
    conn.close()
    home = tmp_path / "county-home"
    code, out = _commission(monkeypatch, capsys, home, env, env.role_for("130102"))
    assert code == 0, out.err
    assert "commissioned" in out.out and "config checks pass" in out.out
    config_file, password_file = home / "config" / "node.toml", home / "config" / "backend-password"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert password_file.read_text().strip() == "county-secret"
    assert "county-secret" not in config_file.read_text()
    config = load_config(config_file)
    assert config.backend.password_file == password_file and config_problems(config) == []
    in_scope = env.query("SELECT count(*) FROM enterprise e JOIN division_closure c ON c.descendant = e.division "
                         "WHERE c.ancestor = '130102' AND NOT e.deleted")[0][0]
    store = sqlite3.connect(config.backend.resolved_store_path)
    try:
        assert store.execute("SELECT count(*) FROM enterprise WHERE deleted = 0").fetchone()[0] == in_scope > 0
    finally:
        store.close()
    results, _ = run_checks(config)
    failed = {check.name: result.detail for check, result in results
              if check.essential and not (result.ok or result.warn_only)}
    # Every essential check passes but the sound device, which only a machine with one can pass.
    assert set(failed) <= {"alarm tone"}, failed
    assert all("sound" in detail or "cannot play" in detail for detail in failed.values()), failed


def test_commission_with_a_role_of_another_division_leaves_nothing_behind(env, tmp_path, monkeypatch, capsys):
    home = tmp_path / "county-home"
    code, out = _commission(monkeypatch, capsys, home, env, env.role_for("130104"))
    lines = out.err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "registered for 130104, not for node 130102" in lines[0]
    assert not (home / "config").exists() or list((home / "config").iterdir()) == []


def test_commission_refuses_a_backend_at_another_revision(env, tmp_path, monkeypatch, capsys):
    env.query("UPDATE alembic_version SET version_num = '0099' RETURNING 1")
    code, out = _commission(monkeypatch, capsys, tmp_path / "home", env, env.role_for("130102"))
    assert code == 2 and "newer than this build" in out.err
    assert not (tmp_path / "home" / "config" / "node.toml").exists()


def test_the_demo_banner_commissions_the_node_from_the_gui(env, qtbot, tmp_path, duty_home):
    from PySide6.QtWidgets import QDialogButtonBox

    from widgets.demo_banner import DemoBanner

    params = parse_dsn(env.admin_dsn)
    banner = DemoBanner(load_config())
    qtbot.addWidget(banner)
    banner.commission_button.click()
    dialog = banner.dialog
    dialog.division.setCurrentIndex(dialog.division.findData("130102"))
    dialog.host.setText(params.get("host", "127.0.0.1"))
    dialog.port.setValue(int(params.get("port", 5432)))
    dialog.dbname.setText(params["dbname"])
    dialog.role.setText(env.role_for("130104"))  # a role of another division: refused, nothing written
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("disable"))
    dialog.password.setText("county-secret")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    qtbot.waitUntil(lambda: dialog.done_ok is not None, timeout=60_000)
    assert dialog.done_ok is False and "registered for 130104" in dialog.result_line.text() and ok.isEnabled()
    assert not (duty_home / "config" / "node.toml").exists()
    dialog.role.setText(env.role_for("130102"))
    dialog.done_ok = None
    ok.click()
    qtbot.waitUntil(lambda: dialog.done_ok is not None, timeout=60_000)
    assert dialog.done_ok is True, dialog.result_line.text()
    config = load_config(duty_home / "config" / "node.toml")
    assert config.node.division == "130102" and config_problems(config) == []


def test_commission_asks_on_a_terminal_for_what_no_option_gave(env, tmp_path):
    """The answers go in through a pseudo-terminal, as an administrator would type them."""
    import os
    import pty
    import subprocess
    import sys

    params = parse_dsn(env.admin_dsn)
    answers = ["130102", params.get("host", "127.0.0.1"), str(params.get("port", 5432)), params["dbname"],
               env.role_for("130102"), "disable", "", ""]
    master, terminal = pty.openpty()
    os.write(master, ("\n".join(answers) + "\n").encode())
    home = tmp_path / "typed-home"
    child = subprocess.run([sys.executable, "-m", "console", "commission", "--password-env", "NODE_PW"],
                           stdin=terminal, capture_output=True, text=True, timeout=120,
                           env=dict(os.environ, DUTY_CONSOLE_HOME=str(home), NODE_PW="typed-secret"))
    os.close(terminal)
    os.close(master)
    assert child.returncode == 0, child.stderr
    assert "Division code" in child.stdout and "Backend host" in child.stdout and "commissioned" in child.stdout
    config = load_config(home / "config" / "node.toml")
    assert config.node.division == "130102" and config.backend.port == int(params.get("port", 5432))
