"""Field acquisition: tag model, quality, OPC UA and Modbus drivers, redundancy, simulator."""
