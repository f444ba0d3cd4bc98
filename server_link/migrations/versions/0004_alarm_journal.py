"""The alarm journal joins the shared schema: `alarm_event` with the synced columns.

On PostgreSQL the table is made replicated (change log, RLS by jurisdiction, grants).
On a node's SQLite store written before this revision the journal was a local table
without the synced columns: its events are copied over, each with an outbox op, so the
history recorded before the upgrade reaches the backend too.

Revision ID: 0004
Revises: 0003
"""
import json
import time
import uuid

from alembic import op
import sqlalchemy as sa

from server_link import server_schema

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

EVENT_FIELDS = ("occurrence_id", "kind", "level", "site", "tag", "condition", "at", "operator", "node",
                "note", "payload")


def upgrade() -> None:
    bind = op.get_bind()
    legacy = bind.dialect.name == "sqlite" and sa.inspect(bind).has_table("alarm_event")
    if legacy:
        op.rename_table("alarm_event", "alarm_event_legacy")
    op.create_table('alarm_event',
    sa.Column('occurrence_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('tag', sa.String(length=128), nullable=False),
    sa.Column('condition', sa.String(length=32), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=True),
    sa.Column('node', sa.String(length=16), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alarm_event'))
    )
    with op.batch_alter_table('alarm_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alarm_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_alarm_event_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f('ix_alarm_event_occurrence_id'), ['occurrence_id'], unique=False)
    if bind.dialect.name == "postgresql":
        with bind.connection.cursor() as cursor:
            server_schema.enable_sync(cursor, "alarm_event")
    elif legacy:
        _adopt_legacy_events(bind)


def _adopt_legacy_events(bind) -> None:
    """Copy the pre-sync journal into the new table and queue every event for the backend."""
    columns = ("id", "division") + EVENT_FIELDS
    rows = bind.execute(sa.text(f"SELECT {', '.join(columns)} FROM alarm_event_legacy ORDER BY at, rowid")).fetchall()
    now = time.time()
    if rows:
        names = ", ".join(columns)
        marks = ", ".join(f":{name}" for name in columns)
        bind.execute(sa.text(f"INSERT OR IGNORE INTO alarm_event ({names}, version, origin_node, deleted, updated_at) "
                             f"VALUES ({marks}, 0, :node, 0, :now)"),
                     [dict(row._mapping, now=now) for row in rows])
        bind.execute(sa.text("INSERT INTO outbox (op_id, table_name, row_id, kind, base_version, division, fields, "
                             "created_at) VALUES (:op_id, 'alarm_event', :id, 'append', 0, :division, :fields, :now)"),
                     [{"op_id": str(uuid.uuid4()), "id": row.id, "division": row.division, "now": now,
                       "fields": json.dumps({name: getattr(row, name) for name in EVENT_FIELDS})} for row in rows])
    op.drop_table("alarm_event_legacy")


def downgrade() -> None:
    raise NotImplementedError("the alarm journal is not removable in place; restore from a dump")
