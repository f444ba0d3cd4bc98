"""Everything that talks to the shared PostgreSQL backend or the node's local store."""
