"""A status-bar light with a label: green up, amber degraded, red down, grey unknown."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from console.link_state import LinkState

_COLOURS = {
    LinkState.UP: "#2fbf4f",
    LinkState.LOCAL: "#2fbf4f",
    LinkState.DEGRADED: "#f0a000",
    LinkState.DOWN: "#e02020",
    LinkState.UNKNOWN: "#8a8f98",
}


class StatusIndicator(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state = LinkState.UNKNOWN
        self._caption = ""
        self._detail = ""

    def show_state(self, caption: str, state: LinkState, detail: str) -> None:
        self.state, self._caption, self._detail = state, caption, detail
        colour = _COLOURS[state]
        self.setText(f'<span style="color:{colour}">●</span> {caption}: {detail}')
        self.setToolTip(f"{caption}: {detail}")
