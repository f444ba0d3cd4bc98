"""Assessment statistics (考核统计), Qt-free: how each node used the platform over a period."""
