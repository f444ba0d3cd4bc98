"""Drill mode (演练), Qt-free: scenarios as data, starting and stopping a drill, which sites and
times belong to a running drill, and the scoring of each node's response."""
