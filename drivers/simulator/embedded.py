"""The simulator in-process and the plan that reads it (the collector's embedded field, tests);
the console runs it as a child process instead (`drivers.simulator.process`)."""
from __future__ import annotations

from collections.abc import Sequence

from drivers.acq_config import AcquisitionPlan
from drivers.simulator.catalogue import build_catalogue, subset
from drivers.simulator.incidents import IncidentSpec
from drivers.simulator.ports import SimulatorPorts, free_port, free_port_range
from drivers.simulator.servers import SiteSimulator
from drivers.simulator.plan import simulator_config


def start_embedded_simulator(seed: int, sites: int = 280, wait: bool = True,
                             incidents: Sequence[IncidentSpec] = ()) -> tuple[SiteSimulator, AcquisitionPlan]:
    """Start the simulator's servers on free loopback ports, its scripted incidents already set.

    With `wait=False` it returns at once (the GUI must not wait): the plan is complete
    already, and the runtime's connect retries pick the servers up when they listen.
    """
    catalogue = build_catalogue(seed)
    if sites < len(catalogue.sites):
        catalogue = subset(catalogue, sites)
    ports = SimulatorPorts(free_port(), free_port_range(len(catalogue.sites)))
    simulator = SiteSimulator(catalogue, seed, ports)
    for incident in incidents:
        simulator.trigger_spec(incident)
    simulator.start(wait)
    return simulator, simulator_config(catalogue, ports).to_plan()
