"""Registry audit: pending fields, the return reason, the legal representative, the
append-only `enterprise_history`, and one credit code per enterprise across Hebei.

On PostgreSQL `enterprise_history` is replicated (change log, RLS, grants) and a unique
index on `enterprise.credit_code` (live rows) makes the backend refuse a code another
jurisdiction already registered: a county cannot see the other county's rows, so only the
server can tell. Node stores get no such index: a snapshot may pass through states where
a moved code is briefly held twice.

Revision ID: 0008
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

from server_link import server_schema

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

def upgrade() -> None:
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.add_column(sa.Column('legal_representative', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('pending_fields', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('audit_note', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_enterprise_audit_state'), ['audit_state'], unique=False)
    op.create_table('enterprise_history',
    sa.Column('enterprise_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('node', sa.String(length=6), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('changes', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprise_history'))
    )
    with op.batch_alter_table('enterprise_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enterprise_history_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f('ix_enterprise_history_enterprise_id'), ['enterprise_id'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.create_index(server_schema.CREDIT_CODE_INDEX, 'enterprise', ['credit_code'], unique=True,
                        postgresql_where=sa.text("NOT deleted"))
        with bind.connection.cursor() as cursor:
            server_schema.enable_sync(cursor, "enterprise_history")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index(server_schema.CREDIT_CODE_INDEX, 'enterprise')
    op.drop_table('enterprise_history')
    with op.batch_alter_table('enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enterprise_audit_state'))
        batch_op.drop_column('audit_note')
        batch_op.drop_column('pending_fields')
        batch_op.drop_column('legal_representative')
