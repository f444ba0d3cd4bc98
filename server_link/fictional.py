"""Fictional contact details and enterprise names for synthetic data (demo, tests, benchmarks).

Phone numbers are drawn from ranges no subscriber can hold, so a demo screenshot or a
seeded test backend never shows (or makes a duty officer dial) a real person's number:

- mobile: `100` + 8 digits. Chinese mobile numbers begin 13–19 (MIIT numbering plan); the
  `10x` block is kept for carriers' service codes (10000, 10086), never given to a subscriber.
- landline: `0311-0` + 7 digits. A local subscriber number never begins with 0 (it is the
  trunk prefix), so the number cannot be dialled.

Enterprise names read like real ones (county + trade name + industry + company form) and
stay unique without numeric suffixes: `EnterpriseNamer` remembers the names it gave and
moves to a longer trade name or another company form when one repeats.
"""
from __future__ import annotations

import random

TRADE_SYLLABLES = "华安泰丰源盛达兴隆恒昌宏远鑫瑞诚信和顺通宝嘉创金石永长城燕冀东润德汇"
COMPANY_FORMS = ("有限公司", "有限责任公司", "股份有限公司")


def fictional_mobile(rng: random.Random) -> str:
    """An 11-digit mobile-looking number in the unassigned `100` block."""
    return f"100{rng.randrange(10**8):08d}"


def fictional_landline(rng: random.Random, area_code: str = "0311") -> str:
    """A landline in `area_code` whose local number begins with the trunk prefix 0."""
    return f"{area_code}-0{rng.randrange(10**7):07d}"


class EnterpriseNamer:
    """Natural, unique enterprise names such as 平山县恒泰矿业有限公司."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._given: set[str] = set()

    def name(self, place: str, industry_word: str) -> str:
        for attempt in range(64):
            length = 2 if attempt < 16 else 3 if attempt < 48 else 4
            trade = "".join(self._rng.sample(TRADE_SYLLABLES, length))
            form = COMPANY_FORMS[0] if attempt < 8 else self._rng.choice(COMPANY_FORMS)
            candidate = f"{place}{trade}{industry_word}{form}"
            if candidate not in self._given:
                self._given.add(candidate)
                return candidate
        raise RuntimeError(f"no unused enterprise name left for {place}{industry_word}")
