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


# What can be wrong with a code: kind → English template of its arguments (the import dialog
# shows the Chinese of the same kinds, console.records.registry_import.REASONS).
PROBLEMS = {
    "length": "{code!r} has {length} characters, expected 18",
    "characters": "{code!r} contains {bad!r}, not in " + ALPHABET,
    "head": "{code!r}: the first 8 characters (authority, type, division) must be digits",
    "check": "{code!r} check character is {found!r}, expected {expected!r}",
    "org_check": "{code!r} organisation code {org} check character is {found!r}, expected {expected!r} (GB 11714)",
}


def diagnose(code: str) -> tuple[str, dict] | None:
    """(kind of problem, its arguments) for an invalid code, None for a valid one."""
    if len(code) == 18 and code[:8].isdigit() and _ALPHABET_SET.issuperset(code):
        expected = check_char(code[:17])  # the usual case, without uscc.validate's second clean-up
        if code[17] != expected:
            return "check", {"code": code, "found": code[17], "expected": expected}
        return _org_diagnosis(code)
    try:
        uscc.validate(code)
    except InvalidLength:
        return "length", {"code": code, "length": len(code)}
    except InvalidChecksum:
        return "check", {"code": code, "found": code[17], "expected": check_char(code[:17])}
    except InvalidFormat:
        bad = "".join(sorted({ch for ch in code if ch not in ALPHABET}))
        return ("characters", {"code": code, "bad": bad}) if bad else ("head", {"code": code})
    return _org_diagnosis(code)


def _org_diagnosis(code: str) -> tuple[str, dict] | None:
    org = code[8:17]
    expected = org_check_char(org[:8])
    if org[8] != expected:
        return "org_check", {"code": code, "org": org, "found": org[8], "expected": expected}
    return None


def problem(code: str) -> str | None:
    """Why `code` is not a valid credit code (one English line), or None when it is."""
    found = diagnose(code)
    return None if found is None else PROBLEMS[found[0]].format(**found[1])


def is_valid(code: str) -> bool:
    return problem(code) is None


def make(division: str, org_body: str, authority: str = "9", kind: str = "1") -> str:
    """A valid code for a division and an 8-character organisation code body."""
    org = org_body + org_check_char(org_body)
    first17 = authority + kind + division + org
    return first17 + check_char(first17)
