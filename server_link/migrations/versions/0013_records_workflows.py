"""Records workflows (issue 14): inspection plans, records and hazards in full, incident
casualties and closing, follow-up reports, the experts pool, located equipment, the dispatch log, roster shifts
of any hours, complaint follow-ups in the duty log, the handover's open items.

New tables join replication on PostgreSQL (change log, RLS by jurisdiction, grants); the
added columns are nullable, so rows from before stay valid.

Revision ID: 0013
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

from server_link import server_schema

NEW_TABLES = ("expert", "incident_followup", "resource_dispatch")


revision = '0013'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('expert',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('specialty', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('employer', sa.String(length=128), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expert'))
    )
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expert_division'), ['division'], unique=False)

    op.create_table('incident_followup',
    sa.Column('incident_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('deaths', sa.Integer(), nullable=False),
    sa.Column('serious_injuries', sa.Integer(), nullable=False),
    sa.Column('direct_loss', sa.Float(), nullable=False),
    sa.Column('accident_class', sa.Integer(), nullable=False),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident_followup'))
    )
    with op.batch_alter_table('incident_followup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_followup_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_followup_incident_id'), ['incident_id'], unique=False)

    op.create_table('resource_dispatch',
    sa.Column('incident_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('resource_table', sa.String(length=32), nullable=False),
    sa.Column('resource_id', sa.String(length=36), nullable=False),
    sa.Column('resource_name', sa.String(length=128), nullable=False),
    sa.Column('amount', sa.Float(), nullable=True),
    sa.Column('officer', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resource_dispatch'))
    )
    with op.batch_alter_table('resource_dispatch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resource_dispatch_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f('ix_resource_dispatch_incident_id'), ['incident_id'], unique=False)

    with op.batch_alter_table('duty_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ref_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_duty_log_ref_id'), ['ref_id'], unique=False)

    with op.batch_alter_table('duty_roster', schema=None) as batch_op:
        batch_op.add_column(sa.Column('starts_at', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('ends_at', sa.Float(), nullable=True))

    with op.batch_alter_table('equipment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lon', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('lat', sa.Float(), nullable=True))

    with op.batch_alter_table('enforcement_document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('inspection_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('officer', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_enforcement_document_inspection_id'), ['inspection_id'], unique=False)

    with op.batch_alter_table('hazard', schema=None) as batch_op:
        batch_op.add_column(sa.Column('inspection_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('rectified_at', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_hazard_inspection_id'), ['inspection_id'], unique=False)

    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deaths', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('serious_injuries', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('direct_loss', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('leader_learned_at', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('location', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('close_reason', sa.Text(), nullable=True))

    with op.batch_alter_table('inspection_plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('period_start', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('period_end', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('targets', sa.Text(), nullable=True))

    with op.batch_alter_table('inspection_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('checklist', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('findings', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=16), nullable=True))
        batch_op.create_index(batch_op.f('ix_inspection_record_plan_id'), ['plan_id'], unique=False)

    with op.batch_alter_table('shift_handover', schema=None) as batch_op:
        batch_op.add_column(sa.Column('items', sa.Text(), nullable=True))

    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        with bind.connection.cursor() as cursor:
            for table in NEW_TABLES:
                server_schema.enable_sync(cursor, table)


def downgrade() -> None:
    with op.batch_alter_table('shift_handover', schema=None) as batch_op:
        batch_op.drop_column('items')

    with op.batch_alter_table('inspection_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_record_plan_id'))
        batch_op.drop_column('source')
        batch_op.drop_column('findings')
        batch_op.drop_column('checklist')

    with op.batch_alter_table('inspection_plan', schema=None) as batch_op:
        batch_op.drop_column('targets')
        batch_op.drop_column('period_end')
        batch_op.drop_column('period_start')
        batch_op.drop_column('kind')

    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_column('close_reason')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('location')
        batch_op.drop_column('leader_learned_at')
        batch_op.drop_column('direct_loss')
        batch_op.drop_column('serious_injuries')
        batch_op.drop_column('deaths')

    with op.batch_alter_table('hazard', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hazard_inspection_id'))
        batch_op.drop_column('source')
        batch_op.drop_column('rectified_at')
        batch_op.drop_column('inspection_id')

    with op.batch_alter_table('equipment', schema=None) as batch_op:
        batch_op.drop_column('lat')
        batch_op.drop_column('lon')

    with op.batch_alter_table('enforcement_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enforcement_document_inspection_id'))
        batch_op.drop_column('officer')
        batch_op.drop_column('inspection_id')

    with op.batch_alter_table('duty_roster', schema=None) as batch_op:
        batch_op.drop_column('ends_at')
        batch_op.drop_column('starts_at')

    with op.batch_alter_table('duty_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_log_ref_id'))
        batch_op.drop_column('status')
        batch_op.drop_column('ref_id')

    with op.batch_alter_table('resource_dispatch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resource_dispatch_incident_id'))
        batch_op.drop_index(batch_op.f('ix_resource_dispatch_division'))

    op.drop_table('resource_dispatch')
    with op.batch_alter_table('incident_followup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_followup_incident_id'))
        batch_op.drop_index(batch_op.f('ix_incident_followup_division'))

    op.drop_table('incident_followup')
    with op.batch_alter_table('expert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expert_division'))

    op.drop_table('expert')
