"""Render the records workflows (issue 14) from the real window, Chinese UI, at 1920x1080 and
1366x768, on a county node (Chang'an, 130102) with the demo duty day:
- the inspection form (the enforcement page with the form over it),
- an incident registration (the emergency page with the form over it), and the incident on the
  overview map with its nearest rescue resources,
- a generated rectification order and a shift handover, each written as PDF by the console
  and rendered to PNG with pdftoppm (poppler-utils: `apt-get install poppler-utils`).
Run from the repository root:
    .venv/bin/python docs/screenshots/make_records_flow.py
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))
SIZES = ("1920x1080", "1366x768")
NODE = "130102"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--render", metavar="WxH", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.render:
        return render(options.render)
    if shutil.which("pdftoppm") is None:
        sys.exit("make_records_flow: pdftoppm not found (apt-get install poppler-utils)")
    from console.records import demo_data
    from server_link.local_store import LocalStore
    from domain.divisions import hebei

    with tempfile.TemporaryDirectory() as home:
        store = LocalStore(Path(home) / "data" / "store.sqlite", NODE, hebei())
        demo_data.fill(store, enterprises=300)
        store.close()
        (Path(home) / "config").mkdir()
        (Path(home) / "config" / "node.toml").write_text(f'[node]\ndivision = "{NODE}"\n')
        env = {**os.environ, "DUTY_CONSOLE_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        for size in SIZES:
            subprocess.run([sys.executable, __file__, "--render", size], check=True, env=env, cwd=ROOT)


def with_dialog(window, dialog, out: Path) -> None:
    """The window with a dialog over its centre, as the operator sees it (offscreen, a dialog
    is a window of its own: paint both into one picture)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QPainter

    picture = window.grab()
    size = dialog.sizeHint().expandedTo(dialog.size() if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized)
                                        else dialog.sizeHint()).boundedTo(window.size() * 0.95)
    dialog.resize(size)
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
    dialog.render(painter, QPoint((window.width() - size.width()) // 2, (window.height() - size.height()) // 2))
    painter.end()
    picture.save(str(out))
    print(f"saved {out}")


def pdf_png(pdf: Path, out: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(out.with_suffix(""))], check=True)
    print(f"saved {out}")


def render(size: str) -> None:
    import argparse as _argparse

    from PySide6.QtWidgets import QApplication

    from console.app import build_window
    from console.config import load_config
    from console.records import duty, enforcement
    from console.operators.permissions import Actor, Role
    from console.records.documents import document_html
    from console.records.store_access import accounts
    from widgets.pdf_document import write_pdf
    from widgets.records_incident_dialog import IncidentDialog
    from widgets.records_inspection_dialog import InspectionDialog

    app, window, stoppers = build_window(_argparse.Namespace(lang="zh_CN", page="enforcement"), load_config(), True)
    window.resize(*(int(part) for part in size.split("x")))
    window.show()
    app.processEvents()
    page = window.page("enforcement")
    actor = page.context.actor

    form = InspectionDialog(page.store, page.reader, actor, page.division_combo(), window)
    form.division.setCurrentIndex(form.division.findData(NODE))
    form.enterprise.setCurrentIndex(2)
    form.inspector.setText("赵刚、钱敏")
    form.checklist.item(2).setCheckState(form.checklist.item(2).checkState().Unchecked)
    form.findings.setPlainText("储罐区可燃气体报警器2台失效；重大危险源监控数据未接入。")
    form.result.setText("发现隐患2项，责令限期整改")
    for text, level in (("储罐区可燃气体报警器失效", 1), ("重大危险源监控数据未接入", 0)):
        form.hazard_text.setText(text)
        form.hazard_level.setCurrentIndex(level)
        form.add_hazard()
    with_dialog(window, form, OUT / f"records-inspection-form-{size}.png")

    if size == SIZES[0]:
        form.save()
        document_id = enforcement.issue_document(page.store, page.reader, actor, form.saved_id,
                                                 "rectification_order")
        document = page.store.get("enforcement_document", document_id)
        with tempfile.TemporaryDirectory() as scratch:
            pdf = write_pdf(document_html(page.reader, page.context.divisions, document),
                            Path(scratch) / "order.pdf", document["number"])
            pdf_png(pdf, OUT / "records-rectification-order-pdf.png")

    window.show_page("emergency")
    app.processEvents()
    emergency = window.page("emergency")
    incident = IncidentDialog(emergency.store, emergency.reader, actor, emergency.division_combo(), window)
    incident.title.setText("化工企业储罐区泄漏爆炸")
    incident.kind.setCurrentIndex(incident.kind.findData("explosion"))
    incident.division.setCurrentIndex(incident.division.findData(NODE))
    incident.enterprise.setCurrentIndex(3)
    incident.deaths.setValue(3)
    incident.injuries.setValue(7)
    incident.loss.setValue(860.0)
    with_dialog(window, incident, OUT / f"records-incident-registration-{size}.png")
    incident.reject()

    emergency.tree.setCurrentItem(emergency.tree.topLevelItem(0))
    emergency.map_button.click()
    overview = window.page("overview")
    deadline = time.monotonic() + 20
    while not overview.is_ready() and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()
    window.grab().save(str(OUT / f"records-incident-map-{size}.png"))
    print(f"saved {OUT / f'records-incident-map-{size}.png'}")

    window.show_page("duty")
    app.processEvents()
    duty_page = window.page("duty")
    if size == SIZES[0]:
        people = accounts(duty_page.context)
        admin = Actor("admin", "系统管理员", Role.ADMINISTRATOR, NODE)
        for username, name in (("zhangwei", "张伟"), ("wangfang", "王芳")):
            if people.find(username) is None:
                people.add(admin, username, name, Role.DUTY_OFFICER, f"{username}-pass")
        duty_page.context.sign_in(people.sign_in("zhangwei", "zhangwei-pass"))
        duty_page.refresh()
        duty_page.incoming.setCurrentText("wangfang")
        duty_page.incoming_password.setText("wangfang-pass")
        duty_page.notes.setPlainText("夜间有强降雨预警，尾矿库每小时报告一次库水位。")
        duty_page.confirmed.setChecked(True)
        duty_page.confirm_handover()
        row = duty.recent_handovers(duty_page.reader)[0]
        with tempfile.TemporaryDirectory() as scratch:
            pdf = write_pdf(duty_page.handover_document(row), Path(scratch) / "handover.pdf", "交接班")
            pdf_png(pdf, OUT / "records-handover-pdf.png")
    dialog = duty_page.handover_dialog()
    with_dialog(window, dialog, OUT / f"records-handover-{size}.png")
    for stop in stoppers:
        stop()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
