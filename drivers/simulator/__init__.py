"""The built-in site simulator: a deterministic catalogue of Hebei sites and real
OPC UA / Modbus TCP servers on loopback that serve their values."""
