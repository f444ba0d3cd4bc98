"""The text of a PDF, for checking what a generated document says (pypdf)."""
from __future__ import annotations

import re

from pypdf import PdfReader


def pdf_text(path) -> str:
    """All pages' text with whitespace removed (layout puts tabs and line breaks anywhere)."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)
