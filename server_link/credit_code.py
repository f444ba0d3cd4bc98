"""Unified social credit codes (GB 32100-2015) with their check characters.

Layout: registration authority (1) + organisation type (1) + division code (6) +
organisation code (9, itself ending in a GB 11714 check character) + check character (1).
"""
from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def check_char(first17: str) -> str:
    """The 18th character for the first 17: (31 − Σ index·3^i mod 31) mod 31."""
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def org_check_char(first8: str) -> str:
    """GB 11714 check character of an organisation code: 11 − Σ value·weight mod 11 (10 → X)."""
    total = sum(ORG_ALPHABET.index(ch) * w for ch, w in zip(first8, ORG_WEIGHTS, strict=True))
    value = (11 - total % 11) % 11
    return "X" if value == 10 else str(value)


def problem(code: str) -> str | None:
    """Why `code` is not a valid credit code, or None when it is."""
    if len(code) != 18:
        return f"{code!r} has {len(code)} characters, expected 18"
    bad = sorted({ch for ch in code if ch not in ALPHABET})
    if bad:
        return f"{code!r} contains {''.join(bad)!r}, not in {ALPHABET}"
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"{code!r} check character is {code[17]!r}, expected {expected!r}"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def make(division: str, org_body: str, authority: str = "9", kind: str = "1") -> str:
    """A valid code for a division and an 8-character organisation code body."""
    org = org_body + org_check_char(org_body)
    first17 = authority + kind + division + org
    return first17 + check_char(first17)
