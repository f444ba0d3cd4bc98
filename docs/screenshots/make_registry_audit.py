"""Render the registry's audit queue, completeness chart and import dialog with row errors.

A city node (Shijiazhuang, 130100: the reviewing level of its counties) with the demo registry,
entries from county duty officers waiting for review (one an edit of an approved enterprise,
one returned), at 1920x1080 and 1366x768, Chinese UI. Each size renders in a child process
through the real main window (`console.app.build_window`). Run from the repository root:
    .venv/bin/python docs/screenshots/make_registry_audit.py
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SIZES = ("1920x1080", "1366x768")
NODE = "130100"
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shot", metavar="WxH", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.shot:
        return shoot(options.shot)
    with tempfile.TemporaryDirectory() as home:
        prepare(Path(home))
        env = {**os.environ, "DUTY_CONSOLE_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        for size in SIZES:
            subprocess.run([sys.executable, __file__, "--shot", size], check=True, env=env, cwd=ROOT)


def prepare(home: Path) -> None:
    """The city's store: demo registry plus county entries in review, and a file to import."""
    from domain.divisions import hebei
    from console.operators.permissions import Actor, Role
    from console.records import demo_data, registry
    from server_link import credit_code
    from server_link.local_store import LocalStore

    (home / "config").mkdir()
    (home / "config" / "node.toml").write_text(f'[node]\ndivision = "{NODE}"\n')
    store = LocalStore(home / "data" / "store.sqlite", NODE, hebei())
    demo_data.fill(store, enterprises=6_000)
    divisions = hebei()
    officers = {"130102": Actor("zhangwei", "张伟", Role.DUTY_OFFICER, "130102"),
                "130104": Actor("liuyang", "刘洋", Role.DUTY_OFFICER, "130104")}
    reviewer = Actor("wangjing", "王静", Role.SHIFT_LEADER, NODE)
    new = [("130102", "石家庄市长安区恒安危险化学品储运有限公司", "hazardous_chemicals", "长安区谈固东街88号", "赵建国"),
           ("130104", "石家庄桥西区宏达金属冶炼有限公司", "metallurgy", "桥西区红旗大街216号", "孙立新"),
           ("130102", "石家庄长安区鑫源烟花爆竹批发有限公司", "fireworks", "长安区胜利北街9号", None)]
    created = []
    for serial, (division, name, industry, address, legal) in enumerate(new, start=1):
        created.append(registry.create(store, officers[division], divisions, {
            "name": name, "credit_code": credit_code.make(division, f"K{serial:07d}"), "division": division,
            "industry": industry, "supervision_level": "county", "address": address,
            "legal_representative": legal, "phone": f"0311-8{serial:03d}6655"}))
    first = created[0]  # entered, approved, then edited: pending again for the changed fields
    shown = store.get("enterprise", first)
    registry.approve(store, reviewer, divisions, first)
    registry.edit(store, officers["130102"], divisions, first,
                  dict(shown, phone="0311-86061234", address="长安区中山东路508号"))
    returned = registry.create(store, officers["130104"], divisions, {
        "name": "桥西区某加油站", "credit_code": credit_code.make("130104", "K0000009"), "division": "130104",
        "industry": "hazardous_chemicals", "supervision_level": "county", "address": "桥西区"})
    registry.return_for_correction(store, reviewer, divisions, returned, "地址不完整，请补充门牌号")
    store.set_state(screenshot_enterprise=first)
    store.close()
    write_import_file(home / "data" / "企业导入.xlsx")


def write_import_file(path: Path) -> None:
    """Twenty good rows and eight bad ones, one of each kind of problem."""
    from openpyxl import Workbook

    from console.records.registry_import import HEADERS
    from server_link import credit_code

    def row(serial: int, division: str = "130102", **changes) -> list:
        values = {"统一社会信用代码": credit_code.make(division, f"M{serial:07d}"), "企业名称": f"导入测试企业{serial:02d}",
                  "行政区划代码": division, "行业类别": "危险化学品", "监管层级": "县级", "地址": f"长安区建华南大街{serial}号",
                  "法定代表人": "李强", "联系电话": f"0311-6{serial:06d}", "经度": 114.52, "纬度": 38.04}
        values.update(changes)
        return [values[name] for name in HEADERS]

    book = Workbook()
    sheet = book.active
    sheet.append(list(HEADERS))
    rows = [row(n) for n in range(1, 21)]
    rows[3] = row(4, 统一社会信用代码=credit_code.make("130102", "M0000004")[:17] + "0")
    rows[6] = row(7, 行政区划代码="130199")
    rows[8] = row(9, division="130602")
    rows[11] = row(3)
    rows[13] = row(14, 行业类别="餐饮")
    rows[15] = row(16, 监管层级="乡级")
    rows[17] = row(18, 经度=121.47, 纬度=31.23)
    rows[19] = row(20, 企业名称=None)
    for values in rows:
        sheet.append(values)
    book.save(path)


def shoot(size: str) -> None:
    import argparse as _argparse

    from PySide6.QtGui import QColor, QPainter

    from console.app import build_window, run_until
    from console.config import load_config
    from console.paths import data_dir

    width, height = (int(part) for part in size.split("x"))
    app, window, stoppers = build_window(_argparse.Namespace(lang="zh_CN", page="registry"), load_config(), True)
    window.resize(width, height)
    window.show()
    page = window.page("registry")
    page.audit_filter.setCurrentIndex(page.audit_filter.findData("pending"))
    wanted = page.store.state("screenshot_enterprise")
    row = next(r for r in range(page.model.rowCount()) if page.model.row_dict(r)["id"] == wanted)
    page.table.view.selectRow(row)
    page.table.view.scrollTo(page.model.index(row, 0))
    app.processEvents()
    save(window.grab(), f"records-registry-audit-queue-{size}.png")

    page.tabs.setCurrentWidget(page.completeness)
    run_until(lambda: not page.is_computing() and page.completeness.whole is not None, 30)
    app.processEvents()
    save(window.grab(), f"records-registry-completeness-{size}.png")

    page.tabs.setCurrentIndex(0)
    dialog = page.import_dialog()
    dialog.resize(min(1100, width - 200), min(640, height - 140))
    dialog.check_file(data_dir() / "企业导入.xlsx")
    run_until(lambda: not dialog.is_busy(), 30)
    dialog.good_only.setChecked(True)
    dialog.show()
    app.processEvents()
    screen = window.grab()
    painter = QPainter(screen)
    painter.fillRect(screen.rect(), QColor(0, 0, 0, 96))  # the dimmed window behind a modal dialog
    painter.drawPixmap((width - dialog.width()) // 2, (height - dialog.height()) // 2, dialog.grab())
    painter.end()
    save(screen, f"records-registry-import-errors-{size}.png")
    dialog.close()
    for stop in stoppers:
        stop()


def save(pixmap, name: str) -> None:
    pixmap.save(str(OUT / name))
    print(f"saved {OUT / name}")


if __name__ == "__main__":
    main()
