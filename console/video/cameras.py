"""The camera registry: which cameras exist, at which site, in whose jurisdiction. Qt-free.

Cameras come from the node config (`[[video.cameras]]`), from the simulator in the embedded
default, and from the backend's `camera` rows in the node's store (`camera_store.py`).
Passwords are read only when a stream is opened (from the environment, a password file or,
for backend cameras, the node's secrets by credential reference) and never appear in a URL
that is logged or shown: `StreamSource.safe_url` is the form for logs and screens.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from console.config import CameraConfig
from domain.divisions import DivisionRegistry
from console.video.camera_secrets import camera_password


def redact(url: str) -> str:
    """The URL with any user:password removed (for logs and screens)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


@dataclass(frozen=True)
class StreamSource:
    url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def safe_url(self) -> str:
        return redact(self.url)

    def url_with_credentials(self) -> str:
        """For clients that only take credentials in the URL (ffmpeg). Never log this."""
        if not self.username:
            return self.url
        parts = urlsplit(self.url)
        userinfo = quote(self.username, safe="") + ":" + quote(self.password or "", safe="")
        return urlunsplit(parts._replace(netloc=f"{userinfo}@{parts.netloc}"))


@dataclass(frozen=True)
class Camera:
    id: str
    name: str
    site: str
    division: str  # the site's county
    main_url: str
    sub_url: str
    username: str | None = None
    password_env: str | None = None
    password_file: str | None = None
    credential_ref: str | None = None  # backend cameras: resolved from the node's secrets
    secrets_file: str | None = None

    @classmethod
    def from_config(cls, config: CameraConfig) -> "Camera":
        return cls(config.id, config.name, config.site, config.division, config.main_url,
                   config.sub_url or config.main_url, config.username, config.password_env,
                   str(config.password_file) if config.password_file else None)

    def source(self, main: bool) -> StreamSource:
        """The main stream (maximised tile) or the sub-stream (grid), with credentials."""
        return StreamSource(self.main_url if main else self.sub_url, self.username, self._password())

    def _password(self) -> str | None:
        if self.credential_ref:
            return camera_password(self.credential_ref, Path(self.secrets_file) if self.secrets_file else None)
        if self.password_env:
            return os.environ.get(self.password_env)
        if self.password_file:
            with open(self.password_file, encoding="utf-8") as handle:
                return handle.read().strip()
        return None


@dataclass(frozen=True)
class SiteNode:
    code: str
    name: str
    cameras: list[Camera]


@dataclass(frozen=True)
class DivisionNode:
    code: str
    name: str
    children: list["DivisionNode"]
    sites: list[SiteNode]


class CameraRegistry:
    """All cameras a node knows, with the lookups the wall, tree and pop-up need."""

    def __init__(self, cameras: list[Camera], site_names: dict[str, str] | None = None) -> None:
        self.by_id = {camera.id: camera for camera in cameras}
        if len(self.by_id) != len(cameras):
            raise ValueError("duplicate camera ids in the camera registry")
        self.site_names = dict(site_names or {})

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, camera_id: str) -> Camera | None:
        return self.by_id.get(camera_id)

    def for_site(self, site_code: str) -> list[Camera]:
        return [camera for camera in self.by_id.values() if camera.site == site_code]

    def tree(self, divisions: DivisionRegistry, node_code: str) -> DivisionNode:
        """Cameras the node may see, as node → … → county → site → camera.

        Intermediate levels follow the supervision chain (so Dingzhou sits under the
        province and Xiong'an's counties under Xiong'an); empty branches are left out.
        """
        visible = [c for c in self.by_id.values() if divisions.in_jurisdiction(node_code, c.division)]
        root = DivisionNode(node_code, divisions[node_code].name, [], [])
        index = {node_code: root}
        for camera in sorted(visible, key=lambda c: (c.division, c.site, c.name)):
            chain = divisions.chain_up(camera.division)
            parent = root
            for code in reversed(chain[: chain.index(node_code)]):
                if code not in index:
                    index[code] = DivisionNode(code, divisions[code].name, [], [])
                    parent.children.append(index[code])
                parent = index[code]
            site = next((s for s in parent.sites if s.code == camera.site), None)
            if site is None:
                site = SiteNode(camera.site, self.site_names.get(camera.site, camera.site), [])
                parent.sites.append(site)
            site.cameras.append(camera)
        return root
