"""Video wall: camera registry, playback (python-vlc), health, layouts. Qt-free."""
