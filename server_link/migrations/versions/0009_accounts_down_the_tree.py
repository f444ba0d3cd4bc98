"""Operator accounts reach the nodes below their division too (PostgreSQL only).

A city's shift leader must be able to sign in at a county of that city, also with the
backend down, so the county node needs the account's hash: `app_user` rows are readable
by the nodes under the row's division as well as by those above it (every other table is
readable only from above). The change log follows, so such rows are pulled like any other.
Writes keep the usual rule: only nodes above a row's division may change it.

Revision ID: 0009
Revises: 0008
"""
from alembic import op

from server_link.server_schema import SCOPE

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

# Divisions at and above this node's: whose accounts may sign in here.
ABOVE = ("(SELECT c.ancestor FROM division_closure c JOIN sync_node n ON n.division = c.descendant "
         "WHERE n.role_name = current_user)")
CHANGE_LOG_SCOPE = f"(division IN {SCOPE} OR old_division IN {SCOPE})"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE POLICY accounts_from_above ON app_user FOR SELECT USING (division IN {ABOVE})")
    op.execute("DROP POLICY node_scope ON change_log")
    op.execute(f"CREATE POLICY node_scope ON change_log FOR SELECT USING (commit_seq IS NOT NULL AND "
               f"({CHANGE_LOG_SCOPE} OR (table_name = 'app_user' AND division IN {ABOVE})))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP POLICY accounts_from_above ON app_user")
    op.execute("DROP POLICY node_scope ON change_log")
    op.execute(f"CREATE POLICY node_scope ON change_log FOR SELECT USING (commit_seq IS NOT NULL AND {CHANGE_LOG_SCOPE})")
