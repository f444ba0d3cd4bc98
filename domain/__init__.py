"""The shared domain model: what drivers/, server_link/ and console/ all speak. Imports no Qt
and nothing above it (enforced by the import contracts in pyproject.toml)."""
