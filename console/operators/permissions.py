"""Roles and the actions each may take, checked in the domain core.

Buttons are greyed from the same table, but the check that counts is `require()`,
called by the operation itself, so no page can forget it.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Role(str, Enum):
    DUTY_OFFICER = "duty_officer"
    SHIFT_LEADER = "shift_leader"
    LEADER = "leader"
    ADMINISTRATOR = "administrator"


class Action(str, Enum):
    ACKNOWLEDGE = "acknowledge"
    SHELVE = "shelve"
    COMMENT = "comment"
    OUT_OF_SERVICE = "out_of_service"
    EDIT_RECORDS = "edit_records"
    APPROVE_REGISTRY = "approve_registry"
    REGISTER_INCIDENT = "register_incident"
    HANDOVER = "handover"
    CHANGE_SETTINGS = "change_settings"
    MANAGE_USERS = "manage_users"
    START_DRILL = "start_drill"
    LEAD_CONSULTATION = "lead_consultation"


_DUTY = {Action.ACKNOWLEDGE, Action.SHELVE, Action.COMMENT, Action.EDIT_RECORDS,
         Action.REGISTER_INCIDENT, Action.HANDOVER}
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.DUTY_OFFICER: frozenset(_DUTY),
    Role.SHIFT_LEADER: frozenset(_DUTY | {Action.OUT_OF_SERVICE, Action.APPROVE_REGISTRY,
                                          Action.START_DRILL, Action.LEAD_CONSULTATION}),
    Role.LEADER: frozenset({Action.COMMENT, Action.LEAD_CONSULTATION}),
    Role.ADMINISTRATOR: frozenset(Action),
}


@dataclass(frozen=True)
class Actor:
    """The authenticated person behind an action, and the node they act from."""

    username: str
    display_name: str
    role: Role
    node: str

    def may(self, action: Action) -> bool:
        return action in ALLOWED[self.role]


# What each action is, for the one-line refusal an operator reads.
PHRASES: dict[Action, str] = {
    Action.ACKNOWLEDGE: "acknowledge or handle alarms",
    Action.SHELVE: "shelve alarms",
    Action.COMMENT: "comment on alarms",
    Action.OUT_OF_SERVICE: "put alarms out of service or a site in maintenance",
    Action.EDIT_RECORDS: "edit records",
    Action.APPROVE_REGISTRY: "approve registry entries",
    Action.REGISTER_INCIDENT: "register incidents",
    Action.HANDOVER: "hand over or take over the shift",
    Action.CHANGE_SETTINGS: "change node settings",
    Action.MANAGE_USERS: "manage user accounts",
    Action.START_DRILL: "start drills",
    Action.LEAD_CONSULTATION: "open, lead or end consultations",
}


class PermissionDenied(Exception):
    """An action refused by role; the message says who, what and why."""


def roles_allowed(action: Action) -> list[Role]:
    return [role for role in Role if action in ALLOWED[role]]


def require(actor: Actor, action: Action) -> None:
    """Raise `PermissionDenied` unless the actor's role allows the action."""
    if not actor.may(action):
        allowed = ", ".join(role.value.replace("_", " ") for role in roles_allowed(action))
        raise PermissionDenied(f"{actor.display_name} ({actor.role.value.replace('_', ' ')}) may not "
                               f"{PHRASES[action]}: only a {allowed} may")


def demo_actor(node: str) -> Actor:
    """The duty officer the embedded default signs in automatically (no accounts, no backend)."""
    return Actor("demo", "演示值班员", Role.DUTY_OFFICER, node)
