"""What every page is given: the node's config and the running services.

The application builds one `AppContext` at start-up. Service fields stay `None` until
the feature that provides them is running, and pages say plainly what is not available.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.config import NodeConfig
from console.divisions import DivisionRegistry, hebei
from console.link_state import LinkBoard, LinkState
from console.tag_bus import TagBus


@dataclass
class AppContext:
    config: NodeConfig
    divisions: DivisionRegistry = field(default_factory=hebei)
    tag_bus: TagBus = field(default_factory=TagBus)
    links: LinkBoard = field(default_factory=LinkBoard)
    operator: str = "operator"
    services: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.config.backend.kind == "embedded":
            self.links.report("backend", LinkState.LOCAL)

    @property
    def node_code(self) -> str:
        return self.config.node.division
