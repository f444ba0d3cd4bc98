"""Alembic migrations produce exactly the model, on SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from server_link.migrate import postgres_engine, upgrade_sqlite
from server_link.models import Base, LocalBase, synced_tables
from server_link.server_schema import CREDIT_CODE_INDEX

SERVER_ONLY = {"change_log", "commit_counter", "applied_op", "sync_node", "sync_horizon", "alembic_version",
               "consultation_view"}


def _drift(engine, metadata) -> list:
    def model_tables_only(name, type_, parent_names):
        return not (type_ == "table" and name in SERVER_ONLY or type_ == "index" and name == CREDIT_CODE_INDEX)

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": model_tables_only})
        return compare_metadata(context, metadata)


def test_sqlite_store_matches_the_model(tmp_path):
    path = tmp_path / "store.sqlite"
    upgrade_sqlite(path)
    engine = create_engine(f"sqlite:///{path}")
    try:
        assert _drift(engine, [Base.metadata, LocalBase.metadata]) == []
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_backend_matches_the_model_and_has_the_sync_bookkeeping(env):
    engine = postgres_engine(env.admin_dsn)
    try:
        assert _drift(engine, Base.metadata) == []
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert SERVER_ONLY - {"alembic_version"} <= tables and "outbox" not in tables
    assert env.query("SELECT indexdef FROM pg_indexes WHERE indexname = %s", (CREDIT_CODE_INDEX,)) == [(
        f"CREATE UNIQUE INDEX {CREDIT_CODE_INDEX} ON public.enterprise USING btree (credit_code) WHERE (NOT deleted)",)]
    rls = dict(env.query("SELECT relname, relrowsecurity FROM pg_class WHERE relname = ANY(%s)",
                         (list(synced_tables()) + ["change_log", "applied_op"],)))
    assert all(rls.values()) and len(rls) == len(synced_tables()) + 2


def test_a_store_upgrade_that_fails_half_way_leaves_the_store_as_it_was(tmp_path):
    """The whole upgrade is one transaction: a console stopped (or failing) mid-migration must not
    leave a half-made store that no later start can open."""
    import sqlite3

    path = tmp_path / "store.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE accident_report (blocker INTEGER)")  # a later revision creates this table
    with pytest.raises(Exception, match="accident_report"):
        upgrade_sqlite(path)
    with sqlite3.connect(path) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"accident_report"}, "the revisions before the failing one were rolled back too"
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE accident_report")
    upgrade_sqlite(path)
    assert inspect(create_engine(f"sqlite:///{path}")).has_table("alembic_version")
