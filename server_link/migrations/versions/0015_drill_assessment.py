"""Drills and assessment (issue 16): `drill_run` joins replication; alarm events, incidents,
accident reports and duty-log entries get a nullable `drill_id`, so what a drill made is never
counted with real work; a node-local `assessment_link_transition` keeps the link changes the
assessment's availability figures are computed from.

Revision ID: 0015
Revises: 0014
"""
from alembic import op
import sqlalchemy as sa

from server_link import server_schema

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

MARKED_TABLES = ("alarm_event", "incident", "accident_report", "duty_log")


def upgrade() -> None:
    op.create_table('drill_run',
    sa.Column('scenario', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=128), nullable=False),
    sa.Column('sites', sa.Text(), nullable=False),
    sa.Column('nodes', sa.Text(), nullable=False),
    sa.Column('started_at', sa.Float(), nullable=False),
    sa.Column('started_by', sa.String(length=64), nullable=False),
    sa.Column('ended_at', sa.Float(), nullable=True),
    sa.Column('ended_by', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drill_run'))
    )
    with op.batch_alter_table('drill_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drill_run_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f('ix_drill_run_started_at'), ['started_at'], unique=False)

    for table in MARKED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('drill_id', sa.String(length=36), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_drill_id'), ['drill_id'], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        with bind.connection.cursor() as cursor:
            server_schema.enable_sync(cursor, "drill_run")
    else:
        op.create_table('assessment_link_transition',
        sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('link', sa.String(length=16), nullable=False),
        sa.Column('state', sa.String(length=16), nullable=False),
        sa.Column('detail', sa.Text(), nullable=True),
        sa.Column('at', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('seq', name=op.f('pk_assessment_link_transition'))
        )
        with op.batch_alter_table('assessment_link_transition', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_assessment_link_transition_at'), ['at'], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        with op.batch_alter_table('assessment_link_transition', schema=None) as batch_op:
            batch_op.drop_index(batch_op.f('ix_assessment_link_transition_at'))
        op.drop_table('assessment_link_transition')
    for table in reversed(MARKED_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_drill_id'))
            batch_op.drop_column('drill_id')
    with op.batch_alter_table('drill_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drill_run_started_at'))
        batch_op.drop_index(batch_op.f('ix_drill_run_division'))
    op.drop_table('drill_run')
