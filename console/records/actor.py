"""Who is acting on a records page: `context.actor` once the operators work provides it.

Until then the actor is built from `context.operator` (the user name) on this node, with the
role the page's workflow needs (a registry reviewer is a shift leader). Qt-free.
"""
from __future__ import annotations

from console.operators.permissions import Actor, Role


def actor_of(context, role: Role = Role.DUTY_OFFICER) -> Actor:
    actor = getattr(context, "actor", None)
    if actor is not None:
        return actor
    return Actor(username=context.operator, display_name=context.operator, role=role, node=context.node_code)
