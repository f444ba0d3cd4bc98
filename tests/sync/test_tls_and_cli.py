"""TLS with sslmode=verify-full against a TLS-only server; the `duty-console sync` commands."""
from __future__ import annotations

import psycopg2
import pytest
from psycopg2.extensions import parse_dsn

from console.config import BackendSection
from server_link.credentials import backend_dsn
from server_link.sync_engine import connect_backend
from tests.support.postgres import backend_node_toml
from tests.support.tls_postgres import tls_cluster

pytestmark = pytest.mark.postgres


def test_verify_full_connects_only_to_the_certified_server(tmp_path, monkeypatch):
    password_file = tmp_path / "pw"
    password_file.write_text("not-checked-by-trust\n")
    password_file.chmod(0o600)
    with tls_cluster() as (port, ca, other_ca):
        good = BackendSection(kind="postgresql", port=port, dbname="postgres", user="postgres",
                              password_file=password_file, sslmode="verify-full", sslrootcert=ca)
        conn = connect_backend(backend_dsn(good))()
        with conn.cursor() as cur:
            cur.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            assert cur.fetchone() == (True,)
        conn.close()
        wrong_ca = good.model_copy(update={"sslrootcert": other_ca})
        with pytest.raises(psycopg2.OperationalError, match="certificate verify failed"):
            connect_backend(backend_dsn(wrong_ca))()
        plain = good.model_copy(update={"sslmode": "disable", "sslrootcert": None})
        with pytest.raises(psycopg2.OperationalError, match="no encryption|pg_hba"):
            connect_backend(backend_dsn(plain))()


class _Result:
    def __init__(self, returncode, out, err):
        self.returncode, self.stdout, self.stderr = returncode, out, err


@pytest.fixture()
def cli(monkeypatch, capsys):
    """`duty-console` in this process (the subprocess path is covered by tests/test_cli.py)."""
    from console.cli import main

    monkeypatch.setenv("DUTY_TEST_PW", "x")

    def run(args, home, config):
        monkeypatch.setenv("DUTY_CONSOLE_HOME", str(home))
        code = main(["--config", str(config), *args])
        captured = capsys.readouterr()
        return _Result(code, captured.out, captured.err)
    return run


def _config(path, dsn, division, user):
    path.write_text(backend_node_toml(dsn, division, user, 'password_env = "DUTY_TEST_PW"\n'), encoding="utf-8")
    return path


def test_sync_commands_seed_add_a_node_and_sync_it(env, tmp_path, cli):
    owner = _config(tmp_path / "owner.toml", env.admin_dsn, "130000", parse_dsn(env.admin_dsn).get("user", "postgres"))
    role = f"{env.prefix}_cli_130100"
    result = cli(["sync", "migrate"], tmp_path / "owner-home", owner)
    assert result.returncode == 0, result.stderr
    result = cli(["sync", "add-node", "130100", role, "--password-env", "DUTY_TEST_PW"], tmp_path / "owner-home", owner)
    env.roles["130100"] = role  # dropped with the other test roles
    assert result.returncode == 0, result.stderr
    result = cli(["sync", "seed", "--enterprises", "300", "--seed", "3"], tmp_path / "owner-home", owner)
    assert result.returncode == 0 and "300 enterprises" in result.stdout, result.stderr
    node = _config(tmp_path / "node.toml", env.admin_dsn, "130100", role)
    result = cli(["sync", "once"], tmp_path / "node-home", node)
    assert result.returncode == 0 and "0 pending" in result.stdout, result.stderr
    in_scope = env.query("SELECT count(*) FROM enterprise e JOIN division_closure c ON c.descendant = e.division "
                         "WHERE c.ancestor = '130100'")[0][0]
    import sqlite3

    store = sqlite3.connect(tmp_path / "node-home" / "data" / "store.sqlite")
    assert store.execute("SELECT count(*) FROM enterprise").fetchone()[0] == in_scope > 0
    store.close()
    from console.config import load_config
    from console.self_test import check_sync

    check = check_sync(load_config(node))
    assert check.ok and "sync node 130100" in check.detail
