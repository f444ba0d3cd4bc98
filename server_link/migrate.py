"""Bring a PostgreSQL backend or a node's SQLite store to the current schema with Alembic.

The same revisions serve both: shared tables everywhere, the outbox only on SQLite, the
change log, ledger, row-level security and triggers only on PostgreSQL.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
import psycopg2
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def postgres_engine(dsn: str) -> Engine:
    """An engine on a libpq key=value DSN (the form `server_link.credentials` builds)."""
    return create_engine("postgresql+psycopg2://", creator=lambda: psycopg2.connect(dsn), poolclass=NullPool)


def upgrade_postgres(dsn: str, revision: str = "head") -> None:
    """Migrate the backend; every node role may then read its revision (the version check)."""
    engine = postgres_engine(dsn)
    try:
        upgrade(engine, revision)
        with engine.begin() as connection:
            connection.exec_driver_sql("GRANT SELECT ON alembic_version TO PUBLIC")
    finally:
        engine.dispose()


def upgrade_sqlite(path: Path | str) -> None:
    """Migrate a node's store, all revisions in one transaction (`transactional_ddl`)."""
    engine = transactional_ddl(create_engine(f"sqlite:///{path}"))
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def transactional_ddl(engine: Engine) -> Engine:
    """Make DDL on this SQLite engine part of the transaction, so an upgrade commits whole or not at all.

    Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE, so each CREATE
    TABLE of a migration committed on its own: a console stopped mid-migration left a store
    with tables but no revision, which no later start could open. SQLAlchemy's documented
    recipe for pysqlite: the driver does no transaction handling, SQLAlchemy emits BEGIN.
    """
    @event.listens_for(engine, "connect")
    def _driver_does_not_begin(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine
