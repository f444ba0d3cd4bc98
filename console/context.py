"""What every page is given: the node's config and the running services.

The application builds one `AppContext` at start-up. Service fields stay `None` until
the feature that provides them is running, and pages say plainly what is not available.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from console.config import NodeConfig
from domain.divisions import DivisionRegistry, hebei
from console.link_state import LinkBoard, LinkState
from console.operators.permissions import Actor, PermissionDenied, Role, demo_actor
from console.tag_bus import TagBus
from domain.observers import Observers


class Services(dict):
    """The running services by name (`context.services["trends"]`), filled in by the staged start.

    A page shown while the console is still starting takes what is not there yet when it
    arrives: `when(name, use, absent)` calls `use(service)` at once or on arrival, or `absent()`
    if start-up ends without it (`settle`). Not `settled` only while a staged start runs
    (`console.startup`). Each waiter runs in its own try/log (`Observers`): a page that fails
    to take a service cannot stop the start-up. GUI thread only, like the starters that fill it.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.settled = True
        self._arrival: dict[str, Observers] = {}  # name → who takes it when it arrives
        self._absence: dict[str, Observers] = {}  # name → who is told it never came

    def __setitem__(self, name: str, service: Any) -> None:
        super().__setitem__(name, service)
        self._absence.pop(name, None)
        arrival = self._arrival.pop(name, None)
        if arrival is not None:
            arrival.notify(service)

    def update(self, *args, **kwargs) -> None:
        for name, service in dict(*args, **kwargs).items():
            self[name] = service

    def when(self, name: str, use: Callable[[Any], None],
             absent: Callable[[], None] | None = None) -> Callable[[], None]:
        """Call `use(service)` now or when `name` arrives (once), else `absent()` when start-up
        ends without it; returns the function that cancels the wait (a page being destroyed)."""
        if name in self:
            use(self[name])
            return lambda: None
        if self.settled:
            if absent is not None:
                absent()
            return lambda: None
        cancels = [self._arrival.setdefault(name, Observers(f"service {name} arrives")).subscribe(use)]
        if absent is not None:
            cancels.append(self._absence.setdefault(name, Observers(f"service {name} absent")).subscribe(absent))

        def cancel() -> None:
            for unsubscribe in cancels:
                unsubscribe()

        return cancel

    def settle(self) -> None:
        """Start-up is over: what has not arrived will not; tell those who waited for it."""
        self.settled = True
        absence, self._absence, self._arrival = self._absence, {}, {}
        for observers in absence.values():
            observers.notify()


@dataclass
class AppContext:
    config: NodeConfig
    divisions: DivisionRegistry = field(default_factory=hebei)
    tag_bus: TagBus = field(default_factory=TagBus)
    links: LinkBoard = field(default_factory=LinkBoard)
    operator: str = "operator"  # the signed-in username (kept in step with `actor`)
    services: Services = field(default_factory=Services)
    actor: Actor | None = None  # who is signed in; a duty officer named `operator` until someone signs in
    signed_in: bool = False  # someone signed in (not the placeholder duty officer named `operator`)
    _actor_listeners: Observers = field(default_factory=lambda: Observers("seat"), repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.services, Services):
            self.services = Services(self.services)
        if self.config.backend.kind == "embedded":
            self.links.report("backend", LinkState.LOCAL)
        if self.actor is None:
            self.actor = Actor(self.operator, self.operator, Role.DUTY_OFFICER, self.node_code)
        self.operator = self.actor.username

    def sign_in(self, actor: Actor) -> None:
        """`actor` now holds the seat: every action from here on is theirs."""
        self.actor, self.operator, self.signed_in = actor, actor.username, True
        self._actor_listeners.notify(actor)

    def sign_in_demo(self) -> None:
        """The embedded default: a demo duty officer holds the seat, and the status bar says so."""
        self.services["demo_login"] = True
        self.sign_in(demo_actor(self.node_code))

    def on_actor_changed(self, listener) -> Callable[[], None]:
        """Call `listener(actor)` whenever someone else takes the seat (status bar, pages);
        returns the function that stops it (a page calls it when it is destroyed)."""
        return self._actor_listeners.subscribe(listener)

    def resolve_actor(self, username: str) -> Actor:
        """The signed-in actor for a username passed by code that only knows `operator`."""
        if username != self.actor.username:
            raise PermissionDenied(f"{username} is not signed in at this console ({self.actor.username} is)")
        return self.actor

    @property
    def node_code(self) -> str:
        return self.config.node.division
