"""Enterprise contacts, and the indexes the alarm console's linked handling reads by.

`enterprise_contact` joins the replicated tables (on PostgreSQL: change log, RLS by
jurisdiction, grants). `monitoring_site.code` and `emergency_plan.enterprise_id` get
indexes: an alarm's site finds its enterprise, and the enterprise its plans, in one lookup.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

from server_link import server_schema

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('enterprise_contact',
    sa.Column('enterprise_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprise_contact'))
    )
    with op.batch_alter_table('enterprise_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enterprise_contact_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_contact_enterprise_id'), ['enterprise_id'], unique=False)
    with op.batch_alter_table('monitoring_site', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_monitoring_site_code'), ['code'], unique=False)
    with op.batch_alter_table('emergency_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_plan_enterprise_id'), ['enterprise_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        with bind.connection.cursor() as cursor:
            server_schema.enable_sync(cursor, "enterprise_contact")


def downgrade() -> None:
    with op.batch_alter_table('emergency_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_plan_enterprise_id'))
    with op.batch_alter_table('monitoring_site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_site_code'))
    op.drop_table('enterprise_contact')
