"""Server sync (PostgreSQL only): change log stamped at commit, ledger, RLS by jurisdiction.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

from server_link import server_schema

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    with bind.connection.cursor() as cursor:
        server_schema.install(cursor)


def downgrade() -> None:
    raise NotImplementedError("the sync bookkeeping is not removable in place; restore from a dump")
