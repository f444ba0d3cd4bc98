"""Cameras carry their sub-stream, user name and a credential reference (never a password).

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('camera', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sub_url', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('username', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('credential_ref', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('camera', schema=None) as batch_op:
        batch_op.drop_column('credential_ref')
        batch_op.drop_column('username')
        batch_op.drop_column('sub_url')
