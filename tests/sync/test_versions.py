"""Schema versions between build, backend and store: a node refuses to sync with a backend at
another revision (CLI, self-test, the sync service's status), `sync migrate --check/--to`,
`sync add-node --change-password`."""
from __future__ import annotations

import pytest
from psycopg2.extensions import parse_dsn

from console.config import load_config
from console.self_test import check_backend, run_checks
from server_link import schema_version
from server_link.sync_engine import connect_backend
from server_link.sync_service import SyncService
from tests.support.field import wait_until
from tests.support.postgres import fresh_database
from tests.sync.test_tls_and_cli import _config, cli  # noqa: F401 - cli is the in-process CLI fixture

pytestmark = pytest.mark.postgres
HEAD = schema_version.build_head()


def _node_config(env, tmp_path, division="130100"):
    return _config(tmp_path / f"node-{division}.toml", env.admin_dsn, division, env.role_for(division))


def _set_backend_revision(env, revision: str) -> None:
    env.query("UPDATE alembic_version SET version_num = %s RETURNING version_num", (revision,))


@pytest.mark.parametrize(("revision", "words"), [("0005", "older than this build"),
                                                  ("0099", "newer than this build")])
def test_a_node_refuses_a_backend_at_another_revision(env, tmp_path, cli, revision, words):
    node = _node_config(env, tmp_path)
    assert check_backend(load_config(node)).ok
    _set_backend_revision(env, revision)
    result = cli(["sync", "once"], tmp_path / "home", node)
    assert result.returncode == 2 and f"revision {revision}" in result.stderr and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    check = check_backend(load_config(node))
    assert not check.ok and words in check.detail
    _, healthy = run_checks(load_config(node))
    assert not healthy, "self-test must fail on a backend at another schema revision"


def test_the_sync_service_says_why_it_does_not_sync(env, node_factory):
    node = node_factory("130100")
    _set_backend_revision(env, "0099")
    service = SyncService(node.engine, connect_backend(env.node_dsn("130100")), interval_s=60, max_backoff_s=60)
    service.start()
    try:
        wait_until(lambda: "newer than this build" in service.status.message, 20, "the refusal in the status")
        assert service.status.link == "down" and service.cycles == 0
    finally:
        service.stop()


def test_owner_migrate_refuses_a_newer_backend_and_check_reports(env, tmp_path, cli):
    owner = _config(tmp_path / "owner.toml", env.admin_dsn, "130000", parse_dsn(env.admin_dsn).get("user", "postgres"))
    check = cli(["sync", "migrate", "--check"], tmp_path / "home", owner)
    assert check.returncode == 0 and f"backend: {HEAD}" in check.stdout
    _set_backend_revision(env, "0099")
    refused = cli(["sync", "migrate"], tmp_path / "home", owner)
    assert refused.returncode == 2 and "newer than this build" in refused.stderr
    assert cli(["sync", "migrate", "--check"], tmp_path / "home", owner).returncode == 2


def test_migrate_to_a_revision_then_to_head(pg_server_dsn, tmp_path, cli):
    with fresh_database(pg_server_dsn, "duty_versions") as dsn:
        owner = _config(tmp_path / "owner.toml", dsn, "130000", parse_dsn(dsn).get("user", "postgres"))
        home = tmp_path / "home"
        assert cli(["sync", "migrate", "--to", "0005"], home, owner).returncode == 0
        check = cli(["sync", "migrate", "--check"], home, owner)
        assert check.returncode == 1 and "backend: 0005" in check.stdout
        beyond = cli(["sync", "migrate", "--to", "0004"], home, owner)
        assert beyond.returncode == 2 and "downgrades are not supported" in beyond.stderr
        unknown = cli(["sync", "migrate", "--to", "0042"], home, owner)
        assert unknown.returncode == 2 and "unknown revision '0042'" in unknown.stderr
        assert cli(["sync", "migrate"], home, owner).returncode == 0
        assert cli(["sync", "migrate", "--check"], home, owner).returncode == 0


def test_add_node_changes_a_password_and_refuses_a_second_role_or_wrong_division(env, tmp_path, cli, monkeypatch):
    owner = _config(tmp_path / "owner.toml", env.admin_dsn, "130000", parse_dsn(env.admin_dsn).get("user", "postgres"))
    role = f"{env.prefix}_pw_130102"
    home = tmp_path / "home"
    monkeypatch.setenv("NODE_PW", "first-password")
    assert cli(["sync", "add-node", "130102", role, "--password-env", "NODE_PW"], home, owner).returncode == 0
    env.roles["pw"] = role  # dropped with the other test roles
    first = env.query("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (role,))[0][0]
    again = cli(["sync", "add-node", "130102", role, "--password-env", "NODE_PW"], home, owner)
    assert again.returncode == 2 and "--change-password" in again.stderr
    wrong = cli(["sync", "add-node", "130104", role, "--password-env", "NODE_PW", "--change-password"], home, owner)
    assert wrong.returncode == 2 and "registered for 130102" in wrong.stderr
    monkeypatch.setenv("NODE_PW", "second-password")
    changed = cli(["sync", "add-node", "130102", role, "--password-env", "NODE_PW", "--change-password"], home, owner)
    assert changed.returncode == 0, changed.stderr
    assert env.query("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (role,))[0][0] not in (first, None)


def test_the_build_head_constant_is_alembics_head():
    """The store check compares with `BUILD_HEAD` before loading Alembic; a new migration moves both."""
    from server_link.schema_head import BUILD_HEAD

    assert BUILD_HEAD == schema_version.build_head()
