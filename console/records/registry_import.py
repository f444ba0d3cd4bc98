"""Import enterprises from xlsx (python-calamine) or CSV (UTF-8 or GBK). Qt-free.

The file's first row names the columns with exactly the Chinese headers of `HEADERS` (order
free, extra columns ignored). `validate` reads every row and reports each bad one with its
row number (as a spreadsheet shows it: the header is row 1), column and reason; nothing is
stored, and a file with any bad row is stored only when the operator asks for its good rows.
`store_rows` writes them in transactions of STORE_CHUNK rows; a row whose credit code is
already here updates that enterprise's changed fields only, so importing the same file again
changes nothing, and an import cut short (power loss) is completed by importing it again.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from domain.divisions import DivisionRegistry
from console.operators.permissions import Action, Actor, require
from domain.translatable import QT_TRANSLATE_NOOP
from console.records import registry
from console.records.labels import INDUSTRY, SUPERVISION_LEVEL
from server_link import credit_code
from server_link.local_store import LocalStore

HEADERS = {
    "统一社会信用代码": "credit_code", "企业名称": "name", "行政区划代码": "division", "行业类别": "industry",
    "监管层级": "supervision_level", "地址": "address", "法定代表人": "legal_representative",
    "联系电话": "phone", "经度": "lon", "纬度": "lat",
}
COLUMN_OF = {key: header for header, key in HEADERS.items()}
REQUIRED = ("credit_code", "name", "division", "industry", "supervision_level")
# Hebei spans 113°27′–119°50′ E and 36°05′–42°40′ N; a little margin for points on the border.
HEBEI_LON, HEBEI_LAT = (113.4, 119.9), (36.0, 42.7)
# Values a file may carry for a code: the code itself, the English label, the Chinese label.
INDUSTRY_NAMES = {"煤矿": "coal_mine", "非煤矿山": "non_coal_mine", "危险化学品": "hazardous_chemicals",
                  "危化品": "hazardous_chemicals", "烟花爆竹": "fireworks", "冶金": "metallurgy",
                  "其他": "other", "其他行业": "other"}
LEVEL_NAMES = {"省级": "province", "省": "province", "市级": "city", "市": "city", "县级": "county",
               "县": "county"}
PROGRESS_EVERY = 1000  # rows between progress reports
# Rows per store transaction: the store's lock (which the alarm journal's writes on the GUI thread
# also take) is held ≈ 0.15 s at a time, not for the whole file.
STORE_CHUNK = 500

REASONS = {
    "missing": QT_TRANSLATE_NOOP("records", "missing required field"),
    "length": QT_TRANSLATE_NOOP("records", "invalid credit code {code}: {length} characters, expected 18"),
    "characters": QT_TRANSLATE_NOOP("records", "invalid credit code {code}: {bad} is not allowed (no I, O, S, V, Z)"),
    "head": QT_TRANSLATE_NOOP("records", "invalid credit code {code}: the first 8 characters must be digits"),
    "check": QT_TRANSLATE_NOOP("records", "invalid credit code {code}: check character {found}, expected {expected}"),
    "org_check": QT_TRANSLATE_NOOP("records", "invalid credit code {code}: organisation code {org} check character "
                                              "{found}, expected {expected} (GB 11714)"),
    "unknown_division": QT_TRANSLATE_NOOP("records", "unknown division {value} (not a Hebei division code)"),
    "outside": QT_TRANSLATE_NOOP("records", "division {value} is outside the jurisdiction of node {node}"),
    "duplicate": QT_TRANSLATE_NOOP("records", "duplicate in the file: credit code {value} is also on row {first}"),
    "industry": QT_TRANSLATE_NOOP("records", "unknown industry {value}"),
    "level": QT_TRANSLATE_NOOP("records", "unknown supervision level {value}"),
    "not_a_number": QT_TRANSLATE_NOOP("records", "not a number: {value}"),
    "coordinates": QT_TRANSLATE_NOOP("records", "coordinates {lon}, {lat} are outside Hebei"),
    "half_coordinates": QT_TRANSLATE_NOOP("records", "longitude and latitude go together: give both or neither"),
}


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not xlsx/CSV, unreadable, a required column missing)."""


@dataclass(frozen=True)
class RowError:
    row: int
    key: str  # the field (see HEADERS)
    kind: str  # a key of REASONS
    args: dict = field(default_factory=dict)

    @property
    def column(self) -> str:
        return COLUMN_OF[self.key]

    def reason(self, template: str | None = None) -> str:
        """The reason in English, or filled into `template` (its translation)."""
        return (template or REASONS[self.kind]).format(**self.args)

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.reason()}"


@dataclass
class Validation:
    """What a file holds: the good rows (field dicts with their row number) and every problem."""

    path: Path
    rows: int = 0
    good: list[tuple[int, dict]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({error.row for error in self.errors})


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def read_table(path: Path) -> tuple[int, Iterator[tuple[int, list]]]:
    """(data rows, iterator of (row number, cells)) with cells in the order of HEADERS' keys."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix == ".csv":
            return _read_csv(path)
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    raise ImportFileError(f"{path}: not an .xlsx or .csv file")


def _columns(path: Path, header: list) -> list[int]:
    names = [str(cell).strip() if cell is not None else "" for cell in header]
    missing = [name for name in HEADERS if name not in names]
    if missing:
        raise ImportFileError(f"{path}: row 1: missing column(s) {', '.join(missing)} "
                              f"(the header row needs {', '.join(HEADERS)})")
    return [names.index(name) for name in HEADERS]


def _picked(rows, positions: list[int], first_row: int) -> Iterator[tuple[int, list]]:
    width = max(positions) + 1
    for number, cells in enumerate(rows, start=first_row):
        cells = list(cells)
        if len(cells) < width:
            cells += [None] * (width - len(cells))
        picked = [cells[at] for at in positions]
        if any(cell not in (None, "") for cell in picked):
            yield number, picked


def _read_xlsx(path: Path) -> tuple[int, Iterator[tuple[int, list]]]:
    """The first sheet through python-calamine (Rust): openpyxl's reader, which writes the export,
    parses ≈ 6,000 rows/s on this machine under load, well outside 50,000 rows in 10 s."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)  # keeps row numbers true
    except (CalamineError, ValueError) as exc:
        raise ImportFileError(f"{path}: not a readable xlsx workbook ({exc})") from None
    if not rows:
        raise ImportFileError(f"{path}: the first sheet is empty")
    positions = _columns(path, rows[0])
    return len(rows) - 1, _picked(rows[1:], positions, 2)


def _read_csv(path: Path) -> tuple[int, Iterator[tuple[int, list]]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")  # a superset of GBK, as Excel saves Chinese CSV
        except UnicodeDecodeError:
            raise ImportFileError(f"{path}: neither UTF-8 nor GBK text") from None
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    if header is None:
        raise ImportFileError(f"{path}: the file is empty")
    positions = _columns(path, header)
    return max(0, text.count("\n") - 1), _picked(rows, positions, 2)


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _code(value: str | None, codes: dict) -> str | None:
    """A stored code from the code itself, its English label or its Chinese label."""
    if value is None:
        return None
    if value in codes:
        return value
    return next((code for code, label in codes.items() if label.lower() == value.lower()), None)


class RowChecker:
    """Checks one row after another; remembers credit codes to find duplicates in the file."""

    def __init__(self, divisions: DivisionRegistry, node: str):
        self.divisions, self.node = divisions, node
        self.scope = divisions.jurisdiction(node)
        self.seen: dict[str, int] = {}

    def check(self, number: int, cells: list) -> tuple[dict, list[RowError]]:
        values = dict(zip(HEADERS.values(), (_text(cell) for cell in cells)))
        errors = [RowError(number, key, "missing") for key in REQUIRED if values[key] is None]
        code = values["credit_code"]
        if code is not None:
            code = values["credit_code"] = code.upper()
            found = credit_code.diagnose(code)
            if found:
                errors.append(RowError(number, "credit_code", *found))
            elif code in self.seen:
                errors.append(RowError(number, "credit_code", "duplicate", {"value": code, "first": self.seen[code]}))
            else:
                self.seen[code] = number
        division = values["division"]
        if division is not None:
            if division not in self.divisions:
                errors.append(RowError(number, "division", "unknown_division", {"value": division}))
            elif division not in self.scope:
                errors.append(RowError(number, "division", "outside", {"value": division, "node": self.node}))
        for key, codes, names, kind in (("industry", INDUSTRY, INDUSTRY_NAMES, "industry"),
                                        ("supervision_level", SUPERVISION_LEVEL, LEVEL_NAMES, "level")):
            if values[key] is not None:
                found = names.get(values[key]) or _code(values[key], codes)
                if found is None:
                    errors.append(RowError(number, key, kind, {"value": values[key]}))
                values[key] = found
        errors += self._coordinates(number, values)
        return values, errors

    @staticmethod
    def _coordinates(number: int, values: dict) -> list[RowError]:
        errors = []
        for key in ("lon", "lat"):
            if values[key] is not None:
                try:
                    values[key] = float(values[key])
                except ValueError:
                    errors.append(RowError(number, key, "not_a_number", {"value": values[key]}))
                    values[key] = None
        lon, lat = values["lon"], values["lat"]
        if errors:
            return errors
        if (lon is None) != (lat is None):
            return [RowError(number, "lon" if lon is None else "lat", "half_coordinates")]
        if lon is not None and not (HEBEI_LON[0] <= lon <= HEBEI_LON[1] and HEBEI_LAT[0] <= lat <= HEBEI_LAT[1]):
            return [RowError(number, "lon", "coordinates", {"lon": lon, "lat": lat})]
        return []


def validate(path: Path | str, divisions: DivisionRegistry, node: str,
             progress: Callable[[int, int], None] | None = None) -> Validation:
    """Read and check every row; `progress(done, total)` every PROGRESS_EVERY rows. Stores nothing."""
    path = Path(path)
    total, rows = read_table(path)
    checker, result = RowChecker(divisions, node), Validation(path)
    for result.rows, (number, cells) in enumerate(rows, start=1):
        values, errors = checker.check(number, cells)
        if errors:
            result.errors += errors
        else:
            result.good.append((number, values))
        if progress is not None and result.rows % PROGRESS_EVERY == 0:
            progress(result.rows, max(total, result.rows))
    if progress is not None:
        progress(result.rows, result.rows)
    return result


def store_rows(store: LocalStore, actor: Actor, divisions: DivisionRegistry, validation: Validation,
               existing: dict[str, str], progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Write the good rows, STORE_CHUNK to a transaction; `existing` maps credit code → enterprise id on
    this node (`RecordsReader.enterprise_ids_by_code`). Unchanged rows write nothing."""
    require(actor, Action.EDIT_RECORDS)
    created = updated = 0
    total = len(validation.good)
    for start in range(0, total, STORE_CHUNK):
        with store.transaction():
            for _, row in validation.good[start:start + STORE_CHUNK]:
                values = {key: value for key, value in row.items() if value is not None}  # a blank cell clears nothing
                enterprise_id = existing.get(values["credit_code"])
                if enterprise_id is None:
                    existing[values["credit_code"]] = registry.create(store, actor, divisions, values)
                    created += 1
                elif registry.edit(store, actor, divisions, enterprise_id, values):
                    updated += 1
        if progress is not None:
            progress(min(start + STORE_CHUNK, total), total)
    return ImportResult(created, updated, total - created - updated)
