"""The duty console application and its Qt-free domain core."""
