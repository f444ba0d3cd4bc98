"""Unified social credit codes (GB 32100-2015): python-stdnum's `cn.uscc` plus the GB 11714 check.

Layout: registration authority (1) + organisation type (1) + division code (6) +
organisation code (9, itself ending in a GB 11714 check character) + check character (1).
`stdnum.cn.uscc` checks length, alphabet and the 18th character; it does not check the
embedded organisation code, and stdnum has no GB 11714 module, so that check (eight
weights, mod 11) is written here.
"""
from __future__ import annotations

from stdnum.cn import uscc
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
_ALPHABET_SET = frozenset(ALPHABET)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def check_char(first17: str) -> str:
    """The 18th character for the first 17 (stdnum's GB 32100 weights, mod 31)."""
    return uscc.calc_check_digit(first17)


def org_check_char(first8: str) -> str:
    """GB 11714 check character of an organisation code: 11 − Σ value·weight mod 11 (10 → X)."""
    total = sum(ORG_ALPHABET.index(ch) * w for ch, w in zip(first8, ORG_WEIGHTS, strict=True))
    value = (11 - total % 11) % 11
    return "X" if value == 10 else str(value)


def problem(code: str) -> str | None:
    """Why `code` is not a valid credit code, or None when it is."""
    if len(code) == 18 and code[:8].isdigit() and _ALPHABET_SET.issuperset(code):
        if code[17] != check_char(code[:17]):  # the usual case, without uscc.validate's second clean-up
            return f"{code!r} check character is {code[17]!r}, expected {check_char(code[:17])!r}"
        return _org_problem(code)
    try:
        uscc.validate(code)
    except InvalidLength:
        return f"{code!r} has {len(code)} characters, expected 18"
    except InvalidChecksum:
        return f"{code!r} check character is {code[17]!r}, expected {check_char(code[:17])!r}"
    except InvalidFormat:
        bad = sorted({ch for ch in code if ch not in ALPHABET})
        if bad:
            return f"{code!r} contains {''.join(bad)!r}, not in {ALPHABET}"
        return f"{code!r}: the first 8 characters (authority, type, division) must be digits"
    return _org_problem(code)


def _org_problem(code: str) -> str | None:
    org = code[8:17]
    expected = org_check_char(org[:8])
    if org[8] != expected:
        return f"{code!r} organisation code {org} check character is {org[8]!r}, expected {expected!r} (GB 11714)"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None


def make(division: str, org_body: str, authority: str = "9", kind: str = "1") -> str:
    """A valid code for a division and an 8-character organisation code body."""
    org = org_body + org_check_char(org_body)
    first17 = authority + kind + division + org
    return first17 + check_char(first17)
