"""The view a consultation's pointer holder shares: which page is shown and, per page, what
that page says it shows (map extent and selection, trend tags and span, alarm filter, video
tiles). Qt-free; each page captures and applies its own part (`ViewFollowing` in the GUI).

Encoded as compact JSON so that it fits a PostgreSQL NOTIFY payload (< 8000 bytes); a state
that does not fit is sent without its body and followers read it from `consultation_view`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

NOTIFY_LIMIT = 7_900  # PostgreSQL refuses payloads of 8000 bytes or more


@dataclass(frozen=True)
class ViewState:
    page: str
    parts: dict[str, dict] = field(default_factory=dict)  # page key -> that page's own view

    def encode(self) -> str:
        return json.dumps({"p": self.page, "v": self.parts}, ensure_ascii=False, separators=(",", ":"),
                          sort_keys=True)

    @classmethod
    def decode(cls, text: str) -> "ViewState":
        data = json.loads(text)
        return cls(data.get("p", ""), dict(data.get("v") or {}))


def fits_notify(payload: str) -> bool:
    return len(payload.encode("utf-8")) < NOTIFY_LIMIT
