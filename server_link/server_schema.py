"""PostgreSQL-only parts of the backend: change log, commit cursor, ledger, RLS, node roles.

Why a commit counter: a sequence value taken at insert time is not commit order, so a
puller that remembers "last id" skips a transaction that took a lower id and committed
later. Here every change-log row is stamped at COMMIT by a deferred constraint trigger that
increments a single counter row; the row lock is held until the transaction ends, so
stamps are handed out strictly in commit order and a stamp N is visible only after every
stamp below N is. Pullers use (commit_seq, id) as their cursor.

Security lives in the database: each node logs in with its own role, registered in
`sync_node`; every synced table has a row-level-security policy restricting reads and
writes to the divisions in that node's jurisdiction (`division_closure`), and the change
log is filtered the same way (a row that moved out of scope stays visible through its old
division so the node can evict it).
"""
from __future__ import annotations

from psycopg2 import sql

from server_link.models import synced_tables

NOTIFY_CHANNEL = "sync_change"
# One live enterprise per credit code across every jurisdiction (migration 0008; PostgreSQL only).
CREDIT_CODE_INDEX = "uq_enterprise_credit_code"

# The jurisdiction of the role running the query, as a subquery usable in policies.
SCOPE = ("(SELECT c.descendant FROM division_closure c JOIN sync_node n ON n.division = c.ancestor "
         "WHERE n.role_name = current_user)")

BASE_DDL = f"""
CREATE SEQUENCE row_version_seq;

CREATE TABLE sync_node (role_name text PRIMARY KEY, division varchar(6) NOT NULL UNIQUE);

CREATE TABLE commit_counter (one int PRIMARY KEY CHECK (one = 1), seq bigint NOT NULL);
INSERT INTO commit_counter VALUES (1, 0);

-- commit seq below which change-log rows and tombstones have been purged
CREATE TABLE sync_horizon (one int PRIMARY KEY CHECK (one = 1), purged_through bigint NOT NULL);
INSERT INTO sync_horizon VALUES (1, 0);

CREATE TABLE change_log (
    id bigserial PRIMARY KEY,
    commit_seq bigint,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    table_name text NOT NULL,
    row_id text NOT NULL,
    division varchar(6) NOT NULL,
    old_division varchar(6),
    version bigint NOT NULL,
    changed_at double precision NOT NULL DEFAULT extract(epoch FROM clock_timestamp())
);
CREATE INDEX ix_change_log_cursor ON change_log (commit_seq, id);
CREATE INDEX ix_change_log_unstamped ON change_log (xid) WHERE commit_seq IS NULL;

CREATE TABLE applied_op (
    op_id text PRIMARY KEY,
    node varchar(6) NOT NULL,
    applied_at double precision NOT NULL DEFAULT extract(epoch FROM clock_timestamp()),
    outcome text NOT NULL DEFAULT 'applied'
);

CREATE FUNCTION sync_node_division() RETURNS varchar LANGUAGE sql STABLE AS
$$ SELECT division FROM sync_node WHERE role_name = current_user $$;

CREATE FUNCTION sync_in_scope(d varchar) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT d IN {SCOPE} $$;

CREATE FUNCTION sync_stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version IS NULL OR NEW.version = 0 OR (TG_OP = 'UPDATE' AND NEW.version <= OLD.version) THEN
        NEW.version := nextval('row_version_seq');
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION sync_log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO change_log (table_name, row_id, division, old_division, version)
    VALUES (TG_TABLE_NAME, NEW.id, NEW.division,
            CASE WHEN TG_OP = 'UPDATE' AND OLD.division <> NEW.division THEN OLD.division END,
            NEW.version);
    RETURN NULL;
END $$;

-- Runs at COMMIT (deferred). The first firing in a transaction takes the next counter value
-- (locking the counter row until the transaction ends) and stamps all of its rows.
CREATE FUNCTION sync_stamp_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
    stamp bigint;
BEGIN
    IF current_setting('sync.stamped_xid', true) = pg_current_xact_id()::text THEN
        RETURN NULL;
    END IF;
    UPDATE commit_counter SET seq = seq + 1 RETURNING seq INTO stamp;
    UPDATE change_log SET commit_seq = stamp WHERE xid = pg_current_xact_id() AND commit_seq IS NULL;
    PERFORM set_config('sync.stamped_xid', pg_current_xact_id()::text, true);
    PERFORM pg_notify('{NOTIFY_CHANNEL}', stamp::text);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER change_log_commit_stamp AFTER INSERT ON change_log
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sync_stamp_commit();

ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY node_scope ON change_log FOR SELECT
    USING (commit_seq IS NOT NULL AND (division IN {SCOPE} OR old_division IN {SCOPE}));

-- GB 32100 check character, the same rule as server_link/credit_code.py
CREATE FUNCTION credit_code_valid(code text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    weights constant int[] := '{{1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}}';
    total int := 0;
    position int;
BEGIN
    IF code IS NULL OR length(code) <> 18 THEN
        RETURN false;
    END IF;
    FOR i IN 1..17 LOOP
        position := strpos(alphabet, substr(code, i, 1)) - 1;
        IF position < 0 THEN
            RETURN false;
        END IF;
        total := total + position * weights[i];
    END LOOP;
    RETURN substr(alphabet, (31 - total % 31) % 31 + 1, 1) = substr(code, 18, 1);
END $$;

ALTER TABLE applied_op ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_ops ON applied_op USING (node = sync_node_division()) WITH CHECK (node = sync_node_division());
"""

TABLE_DDL = """
CREATE TRIGGER {stamp} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION sync_stamp_row();
CREATE TRIGGER {log} AFTER INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION sync_log_change();
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
CREATE POLICY node_scope ON {table} USING (division IN {scope}) WITH CHECK (division IN {scope});
"""

NODE_READS = ("division", "division_closure", "sync_node", "commit_counter", "sync_horizon", "change_log")


def install(cursor) -> None:
    """Create the server bookkeeping and enable sync on the synced tables that exist so far.

    Only existing ones: a table added to the model by a later revision (e.g. 0004, the
    alarm journal) does not exist yet when this runs, and that revision enables it.
    """
    cursor.execute(BASE_DDL)
    cursor.execute("ALTER TABLE enterprise ADD CONSTRAINT ck_enterprise_credit_code "
                   "CHECK (credit_code_valid(credit_code))")
    for table in synced_tables():
        cursor.execute("SELECT to_regclass(%s)", (table,))
        if cursor.fetchone()[0] is not None:
            enable_sync(cursor, table)


def enable_sync(cursor, table: str) -> None:
    """Make a table replicated: versions, change log, RLS, and grants to every node role.

    The table needs the bookkeeping columns of `server_link.models.Synced`; this is how
    tables defined elsewhere (e.g. the alarm journal) join the sync.
    """
    ident = sql.Identifier(table)
    cursor.execute(sql.SQL(TABLE_DDL).format(
        table=ident, stamp=sql.Identifier(f"{table}_stamp"), log=sql.Identifier(f"{table}_log"),
        scope=sql.SQL(SCOPE)))
    cursor.execute("SELECT role_name FROM sync_node")
    for (role,) in cursor.fetchall():
        _grant_table(cursor, table, role)


def _grant_table(cursor, table: str, role: str) -> None:
    # No DELETE: rows are removed by tombstones so every node hears about it.
    cursor.execute(sql.SQL("GRANT SELECT, INSERT, UPDATE ON {} TO {}").format(
        sql.Identifier(table), sql.Identifier(role)))


def replicated_tables(cursor) -> list[str]:
    """Tables with sync enabled (those carrying the change-log trigger)."""
    cursor.execute("SELECT event_object_table FROM information_schema.triggers "
                   "WHERE trigger_name = event_object_table || '_log' GROUP BY 1 ORDER BY 1")
    return [name for (name,) in cursor.fetchall()]


def create_node_role(cursor, role: str, division: str, password: str | None = None) -> None:
    """A login role for the node at `division`, allowed exactly its jurisdiction."""
    ident = sql.Identifier(role)
    if password is None:
        cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(ident))
    else:
        cursor.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(password)))
    cursor.execute("INSERT INTO sync_node (role_name, division) VALUES (%s, %s)", (role, division))
    cursor.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
        sql.SQL(", ").join(map(sql.Identifier, NODE_READS)), ident))
    cursor.execute(sql.SQL("GRANT SELECT, INSERT, UPDATE ON applied_op TO {}").format(ident))
    cursor.execute(sql.SQL("GRANT USAGE ON SEQUENCE row_version_seq TO {}").format(ident))
    for table in replicated_tables(cursor):
        _grant_table(cursor, table, role)
    scope_field_tables(cursor)
    grant_consultation_view(cursor, role)


# The collector's tables (`server_link.history`). A console reads live values and history
# there; a node role sees the tags of its jurisdiction only. A tag id begins with its site
# code, whose characters 3–8 are the site's county (`TP13012101.pond_level` → 130121).
FIELD_SCOPED = ("field_live", "field_history")
FIELD_READABLE = FIELD_SCOPED + ("field_collector",)


def scope_field_tables(cursor) -> None:
    """Row-level security on the collector's tables and read grants to every node role.

    Idempotent, and a no-op until both the collector's tables and the sync bookkeeping
    exist: the collector calls it when it creates its tables, `create_node_role` when it
    adds a node, so whichever comes first, no node ever reads them unscoped.
    """
    cursor.execute("SELECT to_regclass('field_live') IS NOT NULL AND to_regclass('sync_node') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return
    for table in FIELD_SCOPED:
        ident = sql.Identifier(table)
        cursor.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(ident))
        cursor.execute(sql.SQL("DROP POLICY IF EXISTS node_scope ON {}").format(ident))
        cursor.execute(sql.SQL("CREATE POLICY node_scope ON {} FOR SELECT USING (substr(tag, 3, 6) IN {})")
                       .format(ident, sql.SQL(SCOPE)))
    cursor.execute("SELECT role_name FROM sync_node")
    for (role,) in cursor.fetchall():
        cursor.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
            sql.SQL(", ").join(map(sql.Identifier, FIELD_READABLE)), sql.Identifier(role)))


# The pointer holder's latest view of each consultation (migration 0014): written by the holder's
# console, read by a late joiner; not replicated (the live path is NOTIFY, this row the catch-up).
CONSULTATION_VIEW_DDL = f"""
CREATE TABLE consultation_view (
    consultation_id varchar(36) PRIMARY KEY,
    division varchar(6) NOT NULL,
    seq bigint NOT NULL,
    holder varchar(80) NOT NULL,
    state text NOT NULL,
    updated_at double precision NOT NULL DEFAULT extract(epoch FROM clock_timestamp())
);
ALTER TABLE consultation_view ENABLE ROW LEVEL SECURITY;
CREATE POLICY node_scope ON consultation_view USING (division IN {SCOPE}) WITH CHECK (division IN {SCOPE});
"""


def install_consultation_view(cursor) -> None:
    cursor.execute(CONSULTATION_VIEW_DDL)
    cursor.execute("SELECT role_name FROM sync_node")
    for (role,) in cursor.fetchall():
        grant_consultation_view(cursor, role)


def grant_consultation_view(cursor, role: str) -> None:
    """Node roles read and write the live view rows of their jurisdiction (no DELETE)."""
    cursor.execute("SELECT to_regclass('consultation_view') IS NOT NULL")
    if cursor.fetchone()[0]:
        cursor.execute(sql.SQL("GRANT SELECT, INSERT, UPDATE ON consultation_view TO {}").format(sql.Identifier(role)))


def drop_node_role(cursor, role: str) -> None:
    cursor.execute("DELETE FROM sync_node WHERE role_name = %s", (role,))
    cursor.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
    cursor.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
