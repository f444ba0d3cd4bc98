"""What the collector (`server_link.history`) and the readers of `field_live` (`live_feed`,
`silence_watch`) agree on. Apart from the history module, so a console reading live values
does not import the schema and SQLAlchemy with them (0.3 s on the GUI thread at start-up)."""
from __future__ import annotations

CHANNEL = "field_live"  # NOTIFY after each committed batch
DEFAULT_STALE_AFTER_S = 3.0  # a tag's default: three 1 s scan periods (domain.tags.TagSpec)
STALE_GRACE_S = 1.0  # added to a row's stale limit: a value's way from the device to a reader
