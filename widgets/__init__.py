"""Reusable Qt widgets: trend view, alarm table, video wall, map, record forms."""
