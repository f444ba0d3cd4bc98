"""Node configuration: one TOML file saying who this node is and what it talks to.

Validated on load with pydantic; any problem becomes one `ConfigError` line naming the
file, the key (and its line when it can be found) and what is wrong, so the application
never starts half-configured. Loading writes nothing.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator

from console import paths
from domain.config_files import load_toml_model
from domain.divisions import PROVINCE_CODE, hebei
from drivers.simulator.incidents import IncidentSpec, parse_incident

NodeLevel = Literal["province", "city", "county"]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NodeSection(_Section):
    division: str = PROVINCE_CODE
    level: NodeLevel | None = None
    name: str | None = None
    clock_skew_warn_s: float = Field(5.0, gt=0)  # offset to the backend / OPC UA servers the node warns about

    @field_validator("division")
    @classmethod
    def _known_division(cls, code: str) -> str:
        if code not in hebei():
            raise ValueError(f"unknown division code {code!r} (not one of the 180 Hebei divisions)")
        return code

    @field_validator("level")
    @classmethod
    def _level_matches(cls, level: str | None, info: ValidationInfo) -> str | None:
        division = info.data.get("division")
        if level is not None and division is not None:
            actual = hebei().node_level(division)
            if level != actual:
                raise ValueError(f"{level!r} does not match division {division} (a {actual} node)")
        return level

    @property
    def node_level(self) -> str:
        return hebei().node_level(self.division)


class BackendSection(_Section):
    kind: Literal["embedded", "postgresql"] = "embedded"
    store_path: Path | None = None
    host: str = "127.0.0.1"
    port: int = Field(5432, ge=1, le=65535)
    dbname: str = "duty"
    user: str | None = None
    # Passwords never live in this file: name an environment variable or a user-only file.
    password_env: str | None = None
    password_file: Path | None = None
    sslmode: Literal["disable", "prefer", "require", "verify-ca", "verify-full"] = "prefer"
    sslrootcert: Path | None = None
    stale_after_s: float = Field(5.0, gt=0)

    @property
    def resolved_store_path(self) -> Path:
        return self.store_path or paths.data_dir() / "store.sqlite"


class SyncSection(_Section):
    """Offline-first sync with the shared backend (used when backend.kind = "postgresql")."""

    enabled: bool = True
    interval_s: float = Field(30.0, gt=0, le=3600)  # safety-net pull; NOTIFY wakes sooner
    batch_size: int = Field(500, ge=1, le=10_000)
    tombstone_retention_days: float = Field(90.0, ge=1)  # longer than any node stays offline


class FieldSection(_Section):
    # The built-in simulator runs only when asked for: here, or in demo mode (no config
    # file, or `--demo`). A configured node never starts it by default: its simulated
    # alarms would replicate as real ones.
    simulator: bool = False
    simulator_seed: int = 20180830
    # scripted incidents of the embedded simulator, "KIND:SITE[:DELAY[:RAMP[:HOLD]]]" (demos)
    simulator_incidents: list[IncidentSpec] = []
    sites_file: Path | None = None
    # With a PostgreSQL backend: live values from the collector while its heartbeat is younger
    # than backend.stale_after_s, this node's own field connections otherwise (per tag).
    backend_first: bool = True
    backend_return_s: float = Field(10.0, ge=0)  # backend usable this long before a tag goes back to it

    @field_validator("simulator_incidents", mode="before")
    @classmethod
    def _parse_incidents(cls, texts: list) -> list[IncidentSpec]:
        return [parse_incident(text) if isinstance(text, str) else text for text in texts]


_SITE_CODE = re.compile(r"^[A-Z]{2}(\d{6})\d{2}$")


def stream_url_problem(url: str) -> str | None:
    """What is wrong with a camera's stream URL (None if nothing); never quotes credentials."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("rtsp", "rtsps", "http", "https", "file"):
        return f"not a stream URL (rtsp://host/path expected): {url.split('@')[-1]!r}"
    if "@" in rest.split("/", 1)[0]:
        return "credentials do not belong in the URL: use username and password_env or password_file"
    if any(ord(char) < 32 for char in url):
        return f"a stream URL cannot hold control characters: {url.split('@')[-1]!r}"
    return None


class CameraConfig(_Section):
    """One camera at a site. URLs carry no credentials: name a user and where the password is."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    site: str
    main_url: str
    sub_url: str | None = None  # the lighter stream for the grid; the main stream if absent
    username: str | None = None
    password_env: str | None = None
    password_file: Path | None = None

    @field_validator("site")
    @classmethod
    def _site_in_hebei(cls, code: str) -> str:
        match = _SITE_CODE.match(code)
        if not match or match.group(1) not in hebei():
            raise ValueError(f"site {code!r} is not a site code like TP13010201 (kind, Hebei county, number)")
        return code

    @field_validator("main_url", "sub_url")
    @classmethod
    def _url_without_secrets(cls, url: str | None) -> str | None:
        problem = stream_url_problem(url) if url is not None else None
        if problem:
            raise ValueError(problem)
        return url

    @property
    def division(self) -> str:
        return self.site[2:8]


class VideoSection(_Section):
    enabled: bool = True
    network_caching_ms: int = Field(300, ge=50, le=10_000)
    snapshot_dir: Path | None = None
    # "embedded" draws into the tile's native window; "frames" paints decoded frames
    # (offscreen, headless); "auto" picks embedded when there is a window system.
    render: Literal["auto", "embedded", "frames"] = "auto"
    # "auto": libvlc plays rtsp:// itself where it can, else relays through ffmpeg.
    rtsp_route: Literal["auto", "direct", "relay"] = "auto"
    stall_timeout_s: float = Field(3.0, gt=0)
    connect_timeout_s: float = Field(10.0, gt=0)
    reconnect_max_s: float = Field(30.0, ge=1)
    tour_interval_s: float = Field(20.0, ge=2)
    # An alarm at this level or worse opens the site's camera in `popup_tile`; "off" disables it.
    popup_level: Literal["off", "red", "orange", "yellow", "blue"] = "orange"
    popup_tile: int = Field(0, ge=0, le=15)
    simulated_cameras: int = Field(4, ge=0, le=16)  # embedded default with the simulator only
    cameras: list[CameraConfig] = []
    # Passwords of the backend's cameras (their rows name a credential_ref): a user-only TOML
    # file of `ref = "password"` lines; $DUTY_CAMERA_SECRET_<REF> overrides it.
    camera_secrets_file: Path | None = None

    @field_validator("cameras")
    @classmethod
    def _unique_ids(cls, cameras: list[CameraConfig]) -> list[CameraConfig]:
        seen: set[str] = set()
        for camera in cameras:
            if camera.id in seen:
                raise ValueError(f"duplicate camera id {camera.id!r}")
            seen.add(camera.id)
        return cameras

    @property
    def resolved_snapshot_dir(self) -> Path:
        return self.snapshot_dir or paths.data_dir() / "snapshots"


class UiSection(_Section):
    language: Literal["zh_CN", "en"] = "zh_CN"
    start_page: str = "overview"
    theme: Literal["dark", "light"] = "dark"

    @field_validator("start_page")
    @classmethod
    def _known_page(cls, key: str) -> str:
        from console.navigation import PAGE_KEYS

        if key not in PAGE_KEYS:
            raise ValueError(f"unknown page {key!r}; pages are: {', '.join(PAGE_KEYS)}")
        return key


class AlarmsSection(_Section):
    """Alarm policy of this node: escalation limits per level, notes, aggregation, annunciation."""

    escalate_red_min: float = Field(5.0, gt=0)
    escalate_orange_min: float = Field(15.0, gt=0)
    escalate_yellow_min: float = Field(30.0, gt=0)
    escalate_blue_min: float = Field(60.0, gt=0)
    note_required: list[Literal["red", "orange", "yellow", "blue"]] = ["red"]
    gb50863_aggregation: bool = False
    flood_enter_per_10min: int = Field(10, ge=1)
    flood_exit_per_10min: int = Field(5, ge=0)
    tone: bool = True
    restore_days: float = Field(7.0, gt=0)
    # a tag never GOOD since start raises no communication alarm before this (or 3 stale periods)
    startup_grace_s: float = Field(60.0, ge=0, le=3600)


class OperatorsSection(_Section):
    """Sign-in policy of this node (`console.operators`)."""

    lock_after_min: float = Field(15.0, ge=0, le=24 * 60)  # inactivity before the seat locks; 0 = never
    max_failed_attempts: int = Field(5, ge=1, le=100)  # wrong passwords in a row before the account locks


class TrendsSection(_Section):
    """Trend store depth and history (see console/trends/store.py for the memory budget)."""

    live_depth_s: int = Field(3_600, ge=60, le=86_400)
    deep_depth_s: int = Field(86_400, ge=600, le=7 * 86_400)
    max_deep_tags: int = Field(256, ge=0, le=4_096)
    history_retention_days: float = Field(30, ge=1, le=3_660)
    redraw_hz: float = Field(10, ge=1, le=60)


class MapSection(_Section):
    """The overview map: when a silent site counts as off-line (stale comes from each
    tag's own `stale_after`)."""

    offline_after_s: float = Field(60.0, gt=0)


class NodeConfig(_Section):
    node: NodeSection = NodeSection()
    backend: BackendSection = BackendSection()
    sync: SyncSection = SyncSection()
    field: FieldSection = FieldSection()
    video: VideoSection = VideoSection()
    ui: UiSection = UiSection()
    alarms: AlarmsSection = AlarmsSection()
    operators: OperatorsSection = OperatorsSection()
    trends: TrendsSection = TrendsSection()
    map: MapSection = MapSection()
    source: Path | None = Field(None, exclude=True)
    _demo_requested: bool = PrivateAttr(False)

    @property
    def is_demo(self) -> bool:
        """A demonstration: nothing configured (no file, no backend, no field) or `--demo`.

        The console then runs the built-in simulator, fills its own store with demo records,
        writes to no backend and says so on screen.
        """
        nothing_configured = (self.source is None and self.backend.kind == "embedded"
                              and self.field.sites_file is None)
        return self._demo_requested or nothing_configured

    @property
    def runs_simulator(self) -> bool:
        return self.field.simulator or self.is_demo


def demo_store_path() -> Path:
    """The demo's own store: demo records must never reach a real node's outbox."""
    return paths.data_dir() / "demo-store.sqlite"


def as_demo(config: NodeConfig) -> NodeConfig:
    """`config` turned into a demonstration: its node and UI, the simulator, a local demo
    store, no backend and no field connections."""
    demo = config.model_copy(update={
        "backend": BackendSection(store_path=demo_store_path()),
        "field": config.field.model_copy(update={"simulator": True, "sites_file": None}),
    })
    demo._demo_requested = True
    return demo


def load_config(path: Path | None = None, demo: bool = False) -> NodeConfig:
    """Load and validate the node config.

    With an explicit `path` the file must exist. Without one, the default location is
    used if a file is there, else the embedded default: a demonstration (province node,
    built-in simulator, demo records in their own local store). `demo` turns any config
    into a demonstration (`--demo`).
    """
    if path is None:
        default = paths.default_config_file()
        if not default.exists():
            return as_demo(NodeConfig())
        path = default
    path = Path(path)
    config = load_toml_model(path, NodeConfig, "config file").model_copy(update={"source": path})
    return as_demo(config) if demo else config
