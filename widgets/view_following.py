"""The small interface through which a consultation's view moves between consoles.

A page that can be followed implements two methods:

    capture_view() -> dict        what it shows, compactly (JSON-able, short keys)
    apply_view(view: dict)        show that, as far as this node can (its jurisdiction, its cameras)

`capture` reads the main window's current page and every created page that implements them;
`apply` switches the window to the leader's page and hands each created page its part. Pages not
created yet get their part when the leader next shows them (states are captured continuously).
"""
from __future__ import annotations

import logging

from console.consultation.view_state import ViewState
from console.navigation import PAGE_KEYS

log = logging.getLogger(__name__)

# The page of the consultation itself is never switched to or from by following: a follower
# keeps writing decisions there while the leader walks through the map and the trends.
CONSULTATION_PAGE = "consultation"


def followable(page) -> bool:
    return callable(getattr(page, "capture_view", None)) and callable(getattr(page, "apply_view", None))


def capture(window) -> ViewState:
    parts = {}
    for key in PAGE_KEYS:
        page = window.page(key)
        if page is not None and followable(page):
            part = page.capture_view()
            if part:
                parts[key] = part
    return ViewState(window.current_page_key(), parts)


def apply(window, state: ViewState) -> None:
    """Show the leader's page (unless it is the consultation page) with its view, and give the
    other created pages their parts; a page failing to apply its part is logged, not fatal."""
    if state.page in PAGE_KEYS and state.page != CONSULTATION_PAGE and state.page != window.current_page_key():
        window.show_page(state.page)
    for key, part in state.parts.items():
        page = window.page(key) if key in PAGE_KEYS else None
        if page is not None and followable(page):
            try:
                page.apply_view(part)
            except (KeyError, ValueError, TypeError) as exc:
                log.warning("consultation: the %s page could not apply the shared view (%s)", key, exc)
