"""Cameras from the backend: the `camera` rows replicated into the node's store. Qt-free.

Reads on a connection of its own, read-only (the store runs in WAL mode, so it never blocks
the store's writers and sees each commit at once). `PRAGMA data_version` changes whenever
another connection — an operator's write or the sync engine applying server rows — has
committed, so `changed()` is a cheap question to ask after every sync round.

Only rows of the node's jurisdiction (through `division_closure`) and not tombstoned are
cameras. A row the wall cannot use (a URL with credentials in it, not a stream URL) is left
out with a warning naming the camera, never its URL's secret.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from console.config import stream_url_problem
from console.video.cameras import Camera

log = logging.getLogger(__name__)

QUERY = """
SELECT c.id, c.name, c.division, c.url, c.sub_url, c.username, c.credential_ref,
       coalesce(s.code, c.site_id) AS site, coalesce(s.name, s.code, c.site_id) AS site_name
  FROM camera c
  LEFT JOIN monitoring_site s ON s.id = c.site_id AND NOT s.deleted
 WHERE NOT c.deleted
   AND c.division IN (SELECT descendant FROM division_closure WHERE ancestor = ?)
 ORDER BY c.division, site, c.name, c.id
"""


class StoreCameras:
    def __init__(self, path: Path | str, node: str, secrets_file: Path | None = None) -> None:
        self.node = node
        self.secrets_file = str(secrets_file) if secrets_file else None
        self._db = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._data_version: int | None = None
        self.site_names: dict[str, str] = {}

    def changed(self) -> bool:
        """Has anyone committed to the store since the last `load()`?"""
        with self._lock:
            return self._db.execute("PRAGMA data_version").fetchone()[0] != self._data_version

    def load(self) -> list[Camera]:
        with self._lock:
            self._data_version = self._db.execute("PRAGMA data_version").fetchone()[0]
            rows = self._db.execute(QUERY, (self.node,)).fetchall()
        cameras, site_names = [], {}
        for camera_id, name, division, url, sub_url, username, ref, site, site_name in rows:
            problem = next(filter(None, (stream_url_problem(u) for u in (url, sub_url) if u)), None)
            if problem:
                log.warning("camera %s (%s) from the store left out: %s", camera_id, name, problem)
                continue
            cameras.append(Camera(camera_id, name, site, division, url, sub_url or url, username,
                                  credential_ref=ref, secrets_file=self.secrets_file))
            site_names[site] = site_name
        self.site_names = site_names
        return cameras

    def close(self) -> None:
        with self._lock:
            self._db.close()
