import psycopg2

from tests.support.postgres import fresh_database, throwaway_cluster


def test_session_database_is_fresh_and_writable(pg_dsn):
    with psycopg2.connect(pg_dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cur.fetchone()[0] == 0
        cur.execute("CREATE TABLE probe (x int)")


def test_throwaway_cluster_starts_and_drops_databases():
    with throwaway_cluster() as server:
        with fresh_database(server) as dsn:
            with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
                cur.execute("SHOW port")
                assert cur.fetchone()[0] != "5432"
            name = psycopg2.extensions.parse_dsn(dsn)["dbname"]
        with psycopg2.connect(server) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,))
            assert cur.fetchone()[0] == 0
