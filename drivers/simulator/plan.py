"""The acquisition config that reads the simulator: what the console and the collector load
instead of a sites file when the field is simulated. Imports no server code (the console runs
the servers in a child process)."""
from __future__ import annotations

from drivers.acq_config import AcquisitionConfig, DeviceModel, LimitModel, SiteModel, TagModel
from drivers.simulator.ports import SimulatorPorts
from domain.tags import Catalogue, SiteKind


def simulator_config(catalogue: Catalogue, ports: SimulatorPorts, *, publish_interval_ms: int = 200,
                     return_after_s: float = 30.0, with_secondary: bool = True,
                     primary: str | None = None) -> AcquisitionConfig:
    """The acquisition config that reads the simulator (both paths per site).

    `primary` = "opcua" or "modbus" puts every site's primary on that protocol (benchmarks).
    Built from the catalogue with `model_construct`: re-validating 5,600 generated tags cost
    the console most of a second at every start; `tests/acquisition/test_codec_and_config.py`
    validates this output once and checks it gives the same plan.
    """
    sites, devices, tags = [], [], []
    for index, site in enumerate(catalogue.sites.values()):
        sites.append(SiteModel.model_construct(code=site.code, name=site.name, kind=site.kind, division=site.division,
                               lon=site.lon, lat=site.lat, enterprise=site.enterprise))
        modbus = f"modbus://127.0.0.1:{ports.modbus_base + index}/1"
        opc_first = site.kind is SiteKind.TAILINGS_POND if primary is None else primary == "opcua"
        devices.append(DeviceModel.model_construct(name=site.code, site=site.code,
                                   primary=ports.opcua_url if opc_first else modbus,
                                   secondary=(modbus if opc_first else ports.opcua_url) if with_secondary else None,
                                   return_after_s=return_after_s))
        for number, tag in enumerate(catalogue.tags_of(site.code)):
            node, register = f"ns=2;s={tag.id}", f"hr/{2 * number}?type=float32&order=ABCD"
            tags.append(TagModel.model_construct(
                id=tag.id, device=site.code, quantity=tag.quantity, name=tag.name, unit=tag.unit,
                span=(tag.span_lo, tag.span_hi), primary=node if opc_first else register,
                secondary=(register if opc_first else node) if with_secondary else None, deadband_pct=0.05, scan_period_s=tag.scan_period_s,
                limits=[LimitModel.model_construct(level=limit.level.name.lower(), direction=limit.direction,
                                                   value=limit.value)
                        for limit in tag.limits], key=tag.key))
    return AcquisitionConfig.model_construct(publish_interval_ms=publish_interval_ms, site=sites, device=devices, tag=tags)
