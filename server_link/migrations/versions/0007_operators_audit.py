"""Operators and the audit trail: `app_user` gets what sign-in needs, `audit_event` joins.

`app_user.login` becomes `username`; password hash (argon2), failed-attempt count, locked
and active flags are added. Incidents and accident reports name who registered/recorded them. `audit_event` is a new append-only replicated table (on
PostgreSQL: change log, RLS by jurisdiction, grants).

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

from server_link import server_schema

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.alter_column('login', new_column_name='username', existing_type=sa.String(length=64),
                              existing_nullable=False)
        batch_op.add_column(sa.Column('password_hash', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('failed_attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_app_user_username'), ['username'], unique=False)
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registered_by', sa.String(length=64), nullable=True))
    with op.batch_alter_table('accident_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reported_by', sa.String(length=64), nullable=True))
    op.create_table('audit_event',
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('node', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('target_kind', sa.String(length=32), nullable=True),
    sa.Column('target_id', sa.String(length=64), nullable=True),
    sa.Column('site', sa.String(length=32), nullable=True),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('division', sa.String(length=6), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.Column('origin_node', sa.String(length=6), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=True),
    sa.Column('field_clock', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_division'), ['division'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_username'), ['username'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        with bind.connection.cursor() as cursor:
            server_schema.enable_sync(cursor, "audit_event")


def downgrade() -> None:
    op.drop_table('audit_event')
    with op.batch_alter_table('accident_report', schema=None) as batch_op:
        batch_op.drop_column('reported_by')
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_column('registered_by')
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_app_user_username'))
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('active')
        batch_op.drop_column('locked')
        batch_op.drop_column('failed_attempts')
        batch_op.drop_column('password_hash')
        batch_op.alter_column('username', new_column_name='login', existing_type=sa.String(length=64),
                              existing_nullable=False)
