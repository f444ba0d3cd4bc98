"""Qt-free core of the overview (one-map) page: per-site status from tag values and
the active alarms, per-region counts, and the jurisdiction summary."""
from console.overview.alarm_feed import AlarmFeed
from console.overview.status import (
    STATES,
    AlarmLike,
    JurisdictionSummary,
    OverviewModel,
    SiteStatus,
)

__all__ = ["STATES", "AlarmFeed", "AlarmLike", "JurisdictionSummary", "OverviewModel", "SiteStatus"]
