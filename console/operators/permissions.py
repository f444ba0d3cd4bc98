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
                                          Action.START_DRILL}),
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


class PermissionDenied(Exception):
    """An action refused by role; the message says who, what and why."""


def require(actor: Actor, action: Action) -> None:
    """Raise `PermissionDenied` unless the actor's role allows the action."""
    if not actor.may(action):
        raise PermissionDenied(
            f"{actor.display_name} ({actor.role.value}) may not {action.value.replace('_', ' ')}")
