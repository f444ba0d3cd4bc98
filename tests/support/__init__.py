"""Real servers for tests and benchmarks, all on 127.0.0.1."""
