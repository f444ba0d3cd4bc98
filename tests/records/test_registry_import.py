"""Importing enterprises from xlsx and CSV into a real county store, through the CLI and the
Qt-free functions: every bad row reported, all-or-nothing, good rows only, idempotent."""
from __future__ import annotations

import csv
import json

import pytest
from openpyxl import Workbook

from console.cli import main
from domain.divisions import hebei
from console.records.queries import RecordsReader
from console.records.registry_import import HEADERS, ImportFileError, validate
from server_link import credit_code
from server_link.local_store import LocalStore

NODE = "130102"  # Chang'an district, Shijiazhuang


def good_row(serial: int, division: str = NODE, **overrides) -> dict:
    row = {"统一社会信用代码": credit_code.make(division, f"B{serial:07d}"), "企业名称": f"长安区测试企业{serial}",
           "行政区划代码": division, "行业类别": "危险化学品", "监管层级": "县级", "地址": f"建设北大街{serial}号",
           "法定代表人": "王五", "联系电话": f"0311-8{serial:06d}", "经度": 114.53, "纬度": 38.05}
    row.update(overrides)
    return row


def write_xlsx(path, rows, extra_column=True):
    book = Workbook()
    sheet = book.active
    headers = list(reversed(HEADERS)) + (["备注"] if extra_column else [])  # order free, extra ignored
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header, "忽略" if header == "备注" else None) for header in headers])
    book.save(path)
    return path


def write_csv(path, rows, encoding):
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(HEADERS))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture()
def node_config(tmp_path):
    store_path = tmp_path / "store.sqlite"
    config = tmp_path / "node.toml"
    config.write_text(f'[node]\ndivision = "{NODE}"\n[backend]\nstore_path = "{store_path}"\n', encoding="utf-8")
    return config, store_path


def run_import(config, *args) -> int:
    return main(["--config", str(config), "records", "import", *map(str, args)])


def stored(store_path) -> tuple[int, int]:
    store = LocalStore(store_path, NODE, hebei())
    try:
        return store.count("enterprise"), store.pending_count()
    finally:
        store.close()


BAD_ROWS = [
    (good_row(1, 统一社会信用代码=credit_code.make(NODE, "B0000001")[:17] + "0"), "统一社会信用代码", "check character"),
    (good_row(2, 行政区划代码="139999"), "行政区划代码", "unknown division 139999"),
    (good_row(3, division="130104"), "行政区划代码", "outside the jurisdiction of node 130102"),
    (good_row(4, 统一社会信用代码=credit_code.make(NODE, "B0000010")), "统一社会信用代码", "also on row 2"),
    (good_row(5, 行业类别="养殖业"), "行业类别", "unknown industry 养殖业"),
    (good_row(6, 监管层级="乡级"), "监管层级", "unknown supervision level 乡级"),
    (good_row(7, 经度=120.5, 纬度=38.0), "经度", "outside Hebei"),
    (good_row(8, 企业名称=None), "企业名称", "missing required field"),
    (good_row(9, 纬度="三十八"), "纬度", "not a number"),
]


def test_every_bad_row_is_reported_and_a_file_with_bad_rows_stores_nothing(tmp_path, node_config, capsys):
    config, store_path = node_config
    rows = [good_row(10)] + [row for row, _, _ in BAD_ROWS]  # row 2 holds the code row 6 repeats
    path = write_xlsx(tmp_path / "企业.xlsx", rows)
    assert run_import(config, path) == 1
    lines = capsys.readouterr().out.splitlines()
    for number, (_, column, reason) in enumerate(BAD_ROWS, start=3):
        assert any(line.startswith(f"{path}:row {number}, {column}: ") and reason in line for line in lines), number
    assert "10 rows: 1 good, 9 bad; nothing stored" in lines[-1]
    assert stored(store_path) == (0, 0)


def test_dry_run_checks_without_storing(tmp_path, node_config, capsys):
    config, store_path = node_config
    path = write_xlsx(tmp_path / "good.xlsx", [good_row(n) for n in range(1, 6)])
    assert run_import(config, path, "--dry-run") == 0
    assert "5 rows: 5 good, 0 bad; dry run" in capsys.readouterr().out
    assert stored(store_path) == (0, 0)


def test_good_rows_only_stores_the_good_rows_pending_review(tmp_path, node_config, capsys):
    config, store_path = node_config
    path = write_xlsx(tmp_path / "mixed.xlsx", [good_row(1), good_row(2, 行业类别="养殖业"), good_row(3)])
    assert run_import(config, path, "--good-rows-only") == 0
    assert "stored: 2 new" in capsys.readouterr().out
    store = LocalStore(store_path, NODE, hebei())
    try:
        rows = store.rows("enterprise")
        assert sorted(r["name"] for r in rows) == ["长安区测试企业1", "长安区测试企业3"]
        assert {r["audit_state"] for r in rows} == {"pending"}
        assert {(r["industry"], r["supervision_level"], r["legal_representative"]) for r in rows} == {
            ("hazardous_chemicals", "county", "王五")}
        assert len(store.rows("enterprise_history")) == 2
    finally:
        store.close()


def test_reimporting_the_same_file_changes_nothing(tmp_path, node_config, capsys):
    config, store_path = node_config
    path = write_xlsx(tmp_path / "good.xlsx", [good_row(n) for n in range(1, 21)])
    assert run_import(config, path) == 0
    first = stored(store_path)
    assert first == (20, 60)  # 20 enterprises, 20 history entries, 20 audit rows, each with its outbox op
    assert run_import(config, path) == 0
    assert "0 new, 0 updated (pending review), 20 unchanged" in capsys.readouterr().out
    assert stored(store_path) == first
    changed = write_xlsx(tmp_path / "changed.xlsx", [good_row(n) for n in range(1, 20)]
                         + [good_row(20, 联系电话="0311-9999999")])
    assert run_import(config, changed) == 0
    store = LocalStore(store_path, NODE, hebei())
    try:
        (row,) = [r for r in store.rows("enterprise") if r["name"] == "长安区测试企业20"]
        assert (row["phone"], row["audit_state"]) == ("0311-9999999", "pending")
        edits = [json.loads(h["changes"]) for h in store.rows("enterprise_history") if h["action"] == "edited"]
        assert edits == [{"phone": ["0311-8000020", "0311-9999999"]}]
    finally:
        store.close()


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_gbk_and_utf8(tmp_path, node_config, encoding):
    config, store_path = node_config
    path = write_csv(tmp_path / "企业.csv", [good_row(1), good_row(2)], encoding)
    assert run_import(config, path) == 0
    store = LocalStore(store_path, NODE, hebei())
    try:
        assert sorted(r["name"] for r in store.rows("enterprise")) == ["长安区测试企业1", "长安区测试企业2"]
    finally:
        store.close()


def test_a_missing_column_or_a_wrong_file_is_one_line(tmp_path, node_config, capsys):
    config, _ = node_config
    path = tmp_path / "short.csv"
    path.write_text("统一社会信用代码,企业名称\n911301021234567880,某企业\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="row 1: missing column.s. 行政区划代码, 行业类别"):
        validate(path, hebei(), NODE)
    assert run_import(config, path) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "missing column" in err
    not_xlsx = tmp_path / "broken.xlsx"
    not_xlsx.write_bytes(b"not a zip")
    with pytest.raises(ImportFileError, match="not a readable xlsx"):
        validate(not_xlsx, hebei(), NODE)


def test_exported_list_imports_back_unchanged(tmp_path, node_config):
    from console.records.queries import EnterpriseFilter
    from console.records.registry_export import export_xlsx

    config, store_path = node_config
    assert run_import(config, write_xlsx(tmp_path / "in.xlsx", [good_row(n) for n in range(1, 8)])) == 0
    reader = RecordsReader(store_path, NODE)
    try:
        assert export_xlsx(reader, EnterpriseFilter(audit_state="pending"), tmp_path / "out.xlsx") == 7
    finally:
        reader.close()
    checked = validate(tmp_path / "out.xlsx", hebei(), NODE)
    assert (checked.rows, checked.errors) == (7, [])
    before = stored(store_path)
    assert run_import(config, tmp_path / "out.xlsx") == 0
    assert stored(store_path) == before


def test_the_embedded_organisation_code_is_checked_per_row(tmp_path):
    good = credit_code.make(NODE, "B0000001")
    org_char = next(ch for ch in "0123456789X" if ch != good[16])
    wrong_org = good[:16] + org_char + credit_code.check_char(good[:16] + org_char)
    checked = validate(write_csv(tmp_path / "org.csv", [good_row(1, 统一社会信用代码=wrong_org)], "utf-8"),
                       hebei(), NODE)
    (error,) = checked.errors
    assert (error.row, error.column, error.kind) == (2, "统一社会信用代码", "org_check")
    assert f"check character {org_char}, expected {good[16]} (GB 11714)" in error.reason()
