"""Shared test fixtures. Qt runs offscreen unless a test session is started under Xvfb."""
from __future__ import annotations

import os

import pytest  # noqa: E402

from console.qt_runtime import offscreen_platform  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", offscreen_platform())

from hypothesis import HealthCheck, settings  # noqa: E402

from tests.support.pg_cluster import ThrowawayCluster  # noqa: E402
from tests.support.postgres import fresh_database, postgres_server  # noqa: E402

# Property tests check correctness, not speed: on a loaded 2-core machine input generation
# can be slow, which must not fail a run.
settings.register_profile("shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")


@pytest.fixture(scope="session")
def pg_server_dsn():
    """Server-level DSN of the test PostgreSQL (see tests/support/postgres.py)."""
    with postgres_server() as dsn:
        yield dsn


@pytest.fixture(scope="session")
def pg_dsn(pg_server_dsn):
    """A fresh database for this test session, dropped afterwards."""
    with fresh_database(pg_server_dsn) as dsn:
        yield dsn


@pytest.fixture()
def throwaway_pg():
    """A PostgreSQL cluster of this test's own, which it may stop, restart or kill (pg_cluster.py)."""
    cluster = ThrowawayCluster()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(autouse=True)
def duty_home(tmp_path, monkeypatch):
    """An empty per-test home for config, data and logs (DUTY_CONSOLE_HOME).

    Every test gets one (autouse): no test reads or writes the real user's store, logs or
    settings, whatever else runs on the machine."""
    monkeypatch.setenv("DUTY_CONSOLE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def english_after_each_test():
    """Tests start in the source language (English) whatever the previous test switched to."""
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from console import i18n

        i18n.set_language("en")
