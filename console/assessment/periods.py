"""The periods the assessment is computed for: a day, a week (Monday first), a month, or any
span, in local time. Qt-free."""
from __future__ import annotations

from datetime import datetime, timedelta

PERIOD_KINDS = ("day", "week", "month")


def period(kind: str, moment: datetime) -> tuple[float, float]:
    """[start, end) as epoch seconds of the day, week or month holding `moment` (local time)."""
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if kind == "day":
        start, end = day, day + timedelta(days=1)
    elif kind == "week":
        start = day - timedelta(days=day.weekday())
        end = start + timedelta(days=7)
    elif kind == "month":
        start = day.replace(day=1)
        end = (start + timedelta(days=32)).replace(day=1)
    else:
        raise ValueError(f"period {kind!r}: not one of {', '.join(PERIOD_KINDS)}")
    return start.timestamp(), end.timestamp()
