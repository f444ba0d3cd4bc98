"""Alarm texts as a code and parameters, so every console shows them in its own language. Qt-free.

A raise event stores its message (`payload["message"]` = `{"code": …, "args": {…}}`) beside
the English text (kept for search and for readers that know no codes). Views render the
code's template through their translator (the "alarms" context) when they paint, so a
zh_CN console shows Chinese even for alarms raised by an English one. Arguments are
stored already formatted: rendering needs no number formats.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from domain.translatable import QT_TRANSLATE_NOOP

TEMPLATES = {
    "high": QT_TRANSLATE_NOOP("alarms", "{name} above {condition} {limit} {unit}"),
    "low": QT_TRANSLATE_NOOP("alarms", "{name} below {condition} {limit} {unit}"),
    "rate": QT_TRANSLATE_NOOP("alarms", "{name} changing faster than {limit} {unit}/min"),
    "deviation": QT_TRANSLATE_NOOP("alarms", "{name} off setpoint {setpoint} by {limit} {unit} or more"),
    "discrete": QT_TRANSLATE_NOOP("alarms", "{name} in alarm state {state}"),
    "discrete_label": QT_TRANSLATE_NOOP("alarms", "{name}: {label}"),
    "bad_quality": QT_TRANSLATE_NOOP("alarms", "{name} bad quality"),
    "comm_loss": QT_TRANSLATE_NOOP("alarms", "{name} communication lost"),
    "gb50863": QT_TRANSLATE_NOOP("alarms", "{name}: {points}/{total} points in alarm (GB 50863)"),
}
# Condition names (HH, ROC2 …) as operators read them; a trailing number is kept as is.
CONDITION_NAMES = {
    "HH": QT_TRANSLATE_NOOP("alarms", "high-high"), "H": QT_TRANSLATE_NOOP("alarms", "high"),
    "L": QT_TRANSLATE_NOOP("alarms", "low"), "LL": QT_TRANSLATE_NOOP("alarms", "low-low"),
    "ROC": QT_TRANSLATE_NOOP("alarms", "rate of change"), "DEV": QT_TRANSLATE_NOOP("alarms", "deviation"),
    "STATE": QT_TRANSLATE_NOOP("alarms", "discrete state"), "BAD": QT_TRANSLATE_NOOP("alarms", "bad quality"),
    "COMM": QT_TRANSLATE_NOOP("alarms", "communication loss"),
    "GB50863": QT_TRANSLATE_NOOP("alarms", "GB 50863 item"),
}
Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


def message(code: str, **args: object) -> dict:
    """A message to store in an event payload; numbers are formatted here (`:g`)."""
    if code not in TEMPLATES:
        raise ValueError(f"unknown alarm message code {code!r}")
    return {"code": code, "args": {key: f"{value:g}" if isinstance(value, float) else str(value)
                                   for key, value in args.items()}}


def condition_label(name: str, translate: Translate = _identity) -> str:
    """`HH` → "high-high", `ROC2` → "rate of change 2"; unknown names stay as they are."""
    if name in CONDITION_NAMES:
        return translate(CONDITION_NAMES[name])
    match = re.fullmatch(r"([A-Z]+?)(\d+)", name)
    if match is None or match.group(1) not in CONDITION_NAMES:
        return name
    label = translate(CONDITION_NAMES[match.group(1)])
    return f"{label} {match.group(2)}"


def render(stored: dict, translate: Translate = _identity) -> str:
    """The text of a stored message in the translator's language (English without one)."""
    args = dict(stored.get("args", {}))
    if "condition" in args:
        args["condition"] = condition_label(args["condition"], translate)
    text = translate(TEMPLATES[stored["code"]]).format(**args)
    return re.sub(r"\s+", " ", text).strip()
