"""The registry's filtered list to xlsx (openpyxl, write-only), with the import's headers.

An exported file imports again unchanged (same columns, codes written as the Chinese labels
the import accepts); the audit state and the fields awaiting review follow in two extra
columns, which an import ignores. Written to a temporary file and renamed, so a file with
the name is always complete. Qt-free.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from console.records.queries import EnterpriseFilter, RecordsReader
from console.records.registry_import import HEADERS, INDUSTRY_NAMES, LEVEL_NAMES

AUDIT_HEADERS = ("审核状态", "待审核字段")
AUDIT_STATE_NAMES = {"pending": "待审核", "approved": "已通过", "returned": "已退回"}
INDUSTRY_LABEL = {code: name for name, code in reversed(INDUSTRY_NAMES.items())}
LEVEL_LABEL = {code: name for name, code in reversed(LEVEL_NAMES.items())}
PROGRESS_EVERY = 1000


def _cells(row: dict) -> list:
    values = dict(row, industry=INDUSTRY_LABEL.get(row["industry"], row["industry"]),
                  supervision_level=LEVEL_LABEL.get(row["supervision_level"], row["supervision_level"]))
    pending = ", ".join(json.loads(row.get("pending_fields") or "[]"))
    return [values.get(key) for key in HEADERS.values()] + [AUDIT_STATE_NAMES.get(row["audit_state"]), pending]


def export_xlsx(reader: RecordsReader, flt: EnterpriseFilter, path: Path | str,
                progress: Callable[[int], None] | None = None) -> int:
    """Write every enterprise of `flt` to `path`; returns how many rows were written."""
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("企业档案")
    sheet.append(list(HEADERS) + list(AUDIT_HEADERS))
    written = 0
    for written, row in enumerate(reader.all_enterprises(flt), start=1):
        sheet.append(_cells(row))
        if progress is not None and written % PROGRESS_EVERY == 0:
            progress(written)
    partial = path.with_name(path.name + ".part")
    book.save(partial)
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, path)
    return written
