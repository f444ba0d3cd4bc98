"""Alembic environment: runs on the connection `server_link.migrate.upgrade` hands over."""
from __future__ import annotations

from alembic import context

from server_link.models import Base, LocalBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=[Base.metadata, LocalBase.metadata],
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
