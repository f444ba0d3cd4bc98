"""Consultation sessions (issue 16): the unused `consultation` table gets what a session needs
(topic, site, leader, conference link, pointer, end), its invited nodes are `invited`; the
participants' joins and the decisions log are new append-only replicated tables. On
PostgreSQL only, `consultation_view` keeps the pointer holder's latest view for late joiners
(RLS by jurisdiction, node roles may read and write it).

Revision ID: 0014
Revises: 0013
"""
from alembic import op
import sqlalchemy as sa

from server_link import server_schema

NEW_TABLES = ("consultation_participant", "consultation_decision")
NEW_COLUMNS = (("topic", sa.String(length=200)), ("site_code", sa.String(length=32)),
               ("leader", sa.String(length=64)), ("leader_node", sa.String(length=6)),
               ("conference_link", sa.String(length=500)), ("pointer_holder", sa.String(length=64)),
               ("pointer_node", sa.String(length=6)), ("ended_at", sa.Float()))

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def _log_table(name: str, *columns: sa.Column) -> None:
    op.create_table(name,
    sa.Column('consultation_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('node', sa.String(length=6), nullable=False),
    *columns,
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}'))
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f'ix_{name}_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f(f'ix_{name}_consultation_id'), ['consultation_id'], unique=False)


def upgrade() -> None:
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.alter_column('participants', new_column_name='invited', existing_type=sa.Text(),
                              existing_nullable=False)
        for name, kind in NEW_COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    _log_table('consultation_participant', sa.Column('event', sa.String(length=8), nullable=False))
    _log_table('consultation_decision', sa.Column('text', sa.Text(), nullable=False))

    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        with bind.connection.cursor() as cursor:
            for table in NEW_TABLES:
                server_schema.enable_sync(cursor, table)
            server_schema.install_consultation_view(cursor)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_table('consultation_view')
    for name in NEW_TABLES:
        op.drop_table(name)
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        for name, _kind in reversed(NEW_COLUMNS):
            batch_op.drop_column(name)
        batch_op.alter_column('invited', new_column_name='participants', existing_type=sa.Text(),
                              existing_nullable=False)
