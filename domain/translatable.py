"""Marking source text for translation without importing Qt.

The Qt-free core (alarm messages, operator and records labels, navigation titles) names its
English texts with this marker; lupdate finds them by the name and the views translate them
with `QCoreApplication.translate(context, text)` when shown.
"""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation in `context`; returns it unchanged."""
    return text
