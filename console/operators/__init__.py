"""Who is at the console and what they may do (Qt-free)."""
