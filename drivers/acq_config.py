"""Acquisition configuration: sites, devices with primary/secondary paths, tags. Qt-free.

Written as TOML (`[[endpoint]]`, `[[site]]`, `[[device]]`, `[[tag]]` tables), validated
with pydantic, and any problem becomes one `ConfigError` line naming the file, the key and
what is wrong — the same style as the node config. `to_plan()` turns a valid config into
the runtime's `AcquisitionPlan` and the `Catalogue` the rest of the console sees.
"""
from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from domain.config_files import load_toml_model
from drivers.address import (AddressError, Endpoint, ModbusEndpoint, OpcUaEndpoint, parse_endpoint,
                             parse_modbus_point, parse_opcua_node)
from domain.values import AlarmLevel
from domain.tags import Catalogue, Limit, Site, SiteKind, TagCondition, TagSpec

LEVELS = {"red": AlarmLevel.RED, "orange": AlarmLevel.ORANGE, "yellow": AlarmLevel.YELLOW, "blue": AlarmLevel.BLUE}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EndpointSettings(_Model):
    """Per-server settings; servers without an entry use these defaults."""

    url: str
    timeout_s: float = Field(0.75, gt=0, le=30)  # a LAN device answers in ms; bounds hang detection
    retries: int = Field(1, ge=0, le=5)
    reconnect_max_s: float = Field(10.0, ge=0.5, le=30)  # Modbus back-off cap
    session_reconnect_max_s: float = Field(2.0, ge=0.5, le=30)  # OPC UA: one session per server, cheap to retry
    demote_after: int = Field(20, ge=1)  # Modbus: failed scans before the device goes off-scan
    demote_s: float = Field(30.0, ge=1)
    watchdog_s: float = Field(1.5, gt=0, le=30)  # OPC UA session health probe (also its timeout)
    publishing_interval_ms: int = Field(100, ge=20, le=60_000)
    security_policy: Literal["None", "Basic256Sha256"] = "None"
    security_mode: Literal["Sign", "SignAndEncrypt"] = "SignAndEncrypt"
    certificate: Path | None = None
    private_key: Path | None = None
    server_certificate: Path | None = None  # pinned: required with security
    username: str | None = None
    password_env: str | None = None

    @model_validator(mode="after")
    def _security_complete(self) -> "EndpointSettings":
        parse_endpoint(self.url)
        if self.security_policy != "None":
            missing = [name for name in ("certificate", "private_key", "server_certificate")
                       if getattr(self, name) is None]
            if missing:
                raise ValueError(f"{self.url}: {self.security_policy} needs {', '.join(missing)} "
                                 "(the server certificate is pinned, never taken on trust)")
        return self


class SiteModel(_Model):
    code: str
    name: str
    kind: SiteKind
    division: str
    lon: float = Field(ge=113.0, le=120.0)
    lat: float = Field(ge=36.0, le=43.0)
    enterprise: str | None = None


class DeviceModel(_Model):
    name: str
    site: str
    primary: str
    secondary: str | None = None
    failover_after: int = Field(3, ge=1, le=100)  # failed scans on the active path
    return_after_s: float = Field(30.0, ge=0)  # primary healthy this long → back to it
    standby_probe_s: float = Field(10.0, gt=0)


class LimitModel(_Model):
    level: Literal["red", "orange", "yellow", "blue"]
    direction: Literal["high", "low"]
    value: float


class ConditionModel(_Model):
    """`[[tag.alarm]]`: a rate-of-change, deviation or discrete-state alarm of the tag."""

    kind: Literal["rate", "deviation", "discrete"]
    level: Literal["red", "orange", "yellow", "blue"]
    limit: float | None = None  # rate: units per minute; deviation: allowed |value - setpoint|
    setpoint: float | None = None  # deviation only
    state: float | None = None  # discrete only: the value that is the alarm state
    label: str = ""  # discrete: what the state means ("泄漏", "门开")
    deadband: float = Field(0.0, ge=0)
    on_delay_s: float = Field(0.0, ge=0, le=3600)
    off_delay_s: float = Field(0.0, ge=0, le=3600)
    latching: bool = False

    @model_validator(mode="after")
    def _complete(self) -> "ConditionModel":
        needed = {"rate": ("limit",), "deviation": ("limit", "setpoint"), "discrete": ("state",)}[self.kind]
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a {self.kind} alarm needs {' and '.join(missing)}")
        unused = [name for name in ("limit", "setpoint", "state") if name not in needed and getattr(self, name) is not None]
        if unused:
            raise ValueError(f"{' and '.join(unused)} has no meaning for a {self.kind} alarm")
        if self.kind != "discrete" and self.limit <= 0:
            raise ValueError(f"a {self.kind} alarm needs a limit above 0 (got {self.limit:g})")
        if self.kind != "discrete" and self.deadband >= self.limit:
            raise ValueError(f"deadband {self.deadband:g} must be smaller than the limit {self.limit:g}")
        if self.kind == "discrete" and self.deadband:
            raise ValueError("a discrete alarm has no deadband")
        if self.label and self.kind != "discrete":
            raise ValueError("label is for discrete alarms (what the state means)")
        return self

    def to_condition(self) -> TagCondition:
        limit = self.state if self.kind == "discrete" else self.limit
        return TagCondition(self.kind, LEVELS[self.level], limit, self.setpoint or 0.0, self.deadband,
                            self.on_delay_s, self.off_delay_s, self.latching, self.label)


class TagModel(_Model):
    id: str
    device: str
    quantity: str
    name: str
    unit: str = ""
    span: tuple[float, float] = (0.0, 100.0)
    primary: str
    secondary: str | None = None
    scale_raw: tuple[float, float] | None = None  # raw → engineering, linear
    scale_eng: tuple[float, float] | None = None
    deadband: float = Field(0.0, ge=0)
    deadband_pct: float = Field(0.0, ge=0, le=100)  # of span
    scan_period_s: float = Field(1.0, ge=0.05, le=3600)
    stale_after_s: float | None = Field(None, gt=0)
    limits: list[LimitModel] = []
    alarm: list[ConditionModel] = []  # [[tag.alarm]]: rate of change, deviation, discrete state
    key: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> "TagModel":
        if self.span[0] >= self.span[1]:
            raise ValueError(f"{self.id}: span low {self.span[0]} must be below high {self.span[1]}")
        if (self.scale_raw is None) != (self.scale_eng is None):
            raise ValueError(f"{self.id}: give both scale_raw and scale_eng, or neither")
        if self.scale_raw is not None and self.scale_raw[0] == self.scale_raw[1]:
            raise ValueError(f"{self.id}: scale_raw needs two different values")
        states = [alarm.state for alarm in self.alarm if alarm.kind == "discrete"]
        if len(states) != len(set(states)):
            raise ValueError(f"{self.id}: two discrete alarms for the same state")
        return self


class AcquisitionConfig(_Model):
    publish_interval_ms: int = Field(200, ge=50, le=1000)
    endpoint: list[EndpointSettings] = []
    site: list[SiteModel] = []
    device: list[DeviceModel] = []
    tag: list[TagModel] = []

    @model_validator(mode="after")
    def _references(self) -> "AcquisitionConfig":
        sites = {s.code for s in self.site}
        devices: dict[str, DeviceModel] = {}
        for index, device in enumerate(self.device):
            where = f"device[{index}] {device.name!r}"
            if device.site not in sites:
                raise ValueError(f"{where}: site {device.site!r} is not defined in [[site]]")
            if device.name in devices:
                raise ValueError(f"{where}: duplicate device name")
            for url in filter(None, (device.primary, device.secondary)):
                _check(where, parse_endpoint, url)
            devices[device.name] = device
        seen: set[str] = set()
        for index, tag in enumerate(self.tag):
            where = f"tag[{index}] {tag.id!r}"
            device = devices.get(tag.device)
            if device is None:
                raise ValueError(f"{where}: device {tag.device!r} is not defined in [[device]]")
            if tag.id in seen:
                raise ValueError(f"{where}: duplicate tag id")
            seen.add(tag.id)
            if (device.secondary is None) != (tag.secondary is None):
                raise ValueError(f"{where}: give a secondary address exactly when device {device.name!r} "
                                 "has a secondary path")
            for url, address in ((device.primary, tag.primary), (device.secondary, tag.secondary)):
                if url is not None:
                    modbus = isinstance(parse_endpoint(url), ModbusEndpoint)
                    _check(where, parse_modbus_point if modbus else parse_opcua_node, address)
        return self

    def to_plan(self) -> "AcquisitionPlan":
        catalogue = Catalogue()
        tags_by_site: dict[str, list[TagSpec]] = {s.code: [] for s in self.site}
        devices = {d.name: d for d in self.device}
        bindings = {}
        for tag in self.tag:
            spec = TagSpec(id=tag.id, site=devices[tag.device].site, quantity=tag.quantity, name=tag.name,
                           unit=tag.unit, span_lo=tag.span[0], span_hi=tag.span[1],
                           limits=tuple(Limit(LEVELS[limit.level], limit.direction, limit.value) for limit in tag.limits),
                           conditions=tuple(alarm.to_condition() for alarm in tag.alarm),
                           scan_period_s=tag.scan_period_s, stale_after_s=tag.stale_after_s, key=tag.key)
            tags_by_site[spec.site].append(spec)
            deadband = max(tag.deadband, tag.deadband_pct / 100 * (tag.span[1] - tag.span[0]))
            scale = (*tag.scale_raw, *tag.scale_eng) if tag.scale_raw and tag.scale_eng else None
            bindings[tag.id] = TagBinding(spec, tag.device, tag.primary, tag.secondary, scale, deadband)
        for site in self.site:
            catalogue.add_site(Site(site.code, site.name, site.kind, site.division, site.lon, site.lat,
                                    site.enterprise), tags_by_site[site.code])
        device_bindings = {
            d.name: DeviceBinding(d.name, d.site, parse_endpoint(d.primary),
                                  parse_endpoint(d.secondary) if d.secondary else None,
                                  d.failover_after, d.return_after_s, d.standby_probe_s)
            for d in self.device
        }
        endpoints = {parse_endpoint(e.url).server: e for e in self.endpoint}
        return AcquisitionPlan(catalogue, device_bindings, bindings, endpoints, self.publish_interval_ms / 1000)


def _check(where: str, parse, text: str) -> None:
    try:
        parse(text)
    except AddressError as exc:
        raise ValueError(f"{where}: {exc}") from None


@dataclass(frozen=True)
class TagBinding:
    """How one tag is read: on which device, at which address on each path, and scaled how."""

    spec: TagSpec
    device: str
    primary: str
    secondary: str | None
    scale: tuple[float, float, float, float] | None  # raw_lo, raw_hi, eng_lo, eng_hi
    deadband: float  # absolute, engineering units

    def to_engineering(self, raw: float) -> float:
        if self.scale is None:
            return raw
        raw_lo, raw_hi, eng_lo, eng_hi = self.scale
        return eng_lo + (raw - raw_lo) * (eng_hi - eng_lo) / (raw_hi - raw_lo)


@dataclass(frozen=True)
class DeviceBinding:
    name: str
    site: str
    primary: Endpoint
    secondary: Endpoint | None
    failover_after: int = 3
    return_after_s: float = 30.0
    standby_probe_s: float = 10.0


@dataclass
class AcquisitionPlan:
    """Everything the runtime needs, already validated."""

    catalogue: Catalogue
    devices: dict[str, DeviceBinding]
    tags: dict[str, TagBinding]
    endpoints: dict[str, EndpointSettings] = field(default_factory=dict)
    publish_interval_s: float = 0.2

    def within(self, divisions: Collection[str]) -> "AcquisitionPlan":
        """The part of the plan whose sites lie in `divisions` (a node's jurisdiction).

        A node reads directly only the sites it supervises: a county node given the
        province's acquisition file opens connections to its own sites, not all 280.
        """
        kept = {code: [] for code, site in self.catalogue.sites.items() if site.division in divisions}
        if len(kept) == len(self.catalogue.sites):
            return self
        for tag in self.catalogue.tags.values():
            if tag.site in kept:
                kept[tag.site].append(tag)
        catalogue = Catalogue()
        for code, tags in kept.items():
            catalogue.add_site(self.catalogue.sites[code], tags)
        devices = {name: d for name, d in self.devices.items() if d.site in catalogue.sites}
        tags = {tag: b for tag, b in self.tags.items() if b.device in devices}
        return AcquisitionPlan(catalogue, devices, tags, self.endpoints, self.publish_interval_s)

    def endpoint_settings(self, endpoint: Endpoint) -> EndpointSettings:
        url = endpoint.url if isinstance(endpoint, OpcUaEndpoint) else f"{endpoint.server}/{endpoint.unit}"
        return self.endpoints.get(endpoint.server) or EndpointSettings(url=url)


def load_acquisition_config(path: Path) -> AcquisitionConfig:
    return load_toml_model(path, AcquisitionConfig, "acquisition config")


def dump_toml(config: AcquisitionConfig) -> str:
    """The config as TOML (arrays of tables). JSON string and number literals are valid TOML."""
    raw = config.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    lines = [f"publish_interval_ms = {config.publish_interval_ms}", ""]
    for section in ("endpoint", "site", "device", "tag"):
        for entry in raw.get(section, []):
            lines.append(f"[[{section}]]")
            lines.extend(f"{key} = {_toml_value(value)}" for key, value in entry.items())
            lines.append("")
    return "\n".join(lines)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
