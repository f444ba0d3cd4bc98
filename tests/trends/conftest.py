"""Hand-built catalogue pieces for trend tests (the simulator's catalogue is bigger than needed)."""
from __future__ import annotations

import pytest

from domain.values import AlarmLevel
from domain.tags import Limit, TagSpec


def level_spec(tag_id: str = "TP13012101.pond_level", name: str = "库水位", unit: str = "m") -> TagSpec:
    return TagSpec(
        id=tag_id, site=tag_id.split(".")[0], quantity=tag_id.split(".")[1], name=name, unit=unit,
        span_lo=0.0, span_hi=40.0,
        limits=(Limit(AlarmLevel.RED, "high", 24.7), Limit(AlarmLevel.ORANGE, "high", 24.2),
                Limit(AlarmLevel.YELLOW, "high", 23.7), Limit(AlarmLevel.BLUE, "high", 23.2)),
    )


@pytest.fixture()
def pond_level():
    return level_spec()
