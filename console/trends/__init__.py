"""Live trends, Qt-free: per-tag ring buffers, min/max decimation, history queries.

`TrendStore` keeps recent samples of every tag in memory; `history` answers for the
time before the ring buffers; `backfill` runs history queries off the GUI thread.
The Qt widgets that draw them live in `widgets/trend_*`.
"""
