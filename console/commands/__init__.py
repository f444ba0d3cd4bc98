"""Command-line subcommands of `duty-console`, one module each."""
