"""This build's newest schema revision, as a constant.

Opening the store checks its revision before the window is shown; asking Alembic for its head
means loading every migration script (half a second), so the check compares with this constant
first and asks Alembic only for a store at another revision. `tests/test_migrations.py` keeps it
equal to Alembic's head: a new migration changes both.
"""
BUILD_HEAD = "0015"
